/**
 * Cohorts: which children a figure is about. Every DfE headline count is of children (not episodes), with agreed
 * series of short breaks (legal status V3/V4) left out (ssda903.md §4.1, §4.3). A cohort member carries the episode
 * that describes the child for that cohort (the one open at 31 March, the first start, the last cease) and the date
 * their age is taken on, so that a profile by placement, legal status or age band reads the right record.
 */
import { Option, Result, Schema } from "effect"
import { Audience } from "./Audience.ts"
import * as CalendarDate from "./CalendarDate.ts"
import * as CareLeaver from "./CareLeaver.ts"
import * as Child from "./Child.ts"
import * as ChildHistory from "./ChildHistory.ts"
import * as Episode from "./Episode.ts"
import * as Ethnicity from "./Ethnicity.ts"
import * as LegalStatus from "./LegalStatus.ts"
import * as PlacementType from "./PlacementType.ts"
import * as ReasonForNewEpisode from "./ReasonForNewEpisode.ts"
import * as ReportingYear from "./ReportingYear.ts"
import * as Suppression from "./Suppression.ts"
import * as UnaccompaniedAsylumSeekingChild from "./UnaccompaniedAsylumSeekingChild.ts"

// The finders below return `undefined` rather than an Option: cohorts call them once per child per cohort, and at
// national scale the Option each would allocate is a measurable share of the indicator run.

const episodeOpenOn = (
  history: ChildHistory.ChildHistory,
  on: CalendarDate.CalendarDate
): Episode.Episode | undefined => {
  for (let i = history.episodes.length - 1; i >= 0; i--) {
    const e = history.episodes[i]!
    if (Episode.isOpenOn(e, on)) return e
  }
  return undefined
}

const firstStart = (
  history: ChildHistory.ChildHistory,
  from: CalendarDate.CalendarDate,
  to: CalendarDate.CalendarDate
): Episode.Episode | undefined => {
  for (let i = 0; i < history.episodes.length; i++) {
    const e = history.episodes[i]!
    if (e.reasonForNewEpisode === "S" && !Episode.isShortBreak(e) && CalendarDate.isBetween(e.start, from, to)) return e
  }
  return undefined
}

const lastCease = (
  history: ChildHistory.ChildHistory,
  from: CalendarDate.CalendarDate,
  to: CalendarDate.CalendarDate
): Episode.Episode | undefined => {
  for (let i = history.episodes.length - 1; i >= 0; i--) {
    const e = history.episodes[i]!
    if (
      Episode.isLeavingCare(e) &&
      !Episode.isShortBreak(e) &&
      Option.isSome(e.end) &&
      CalendarDate.isBetween(e.end.value, from, to)
    ) {
      return e
    }
  }
  return undefined
}

const lastDuring = (
  history: ChildHistory.ChildHistory,
  from: CalendarDate.CalendarDate,
  to: CalendarDate.CalendarDate
): Episode.Episode | undefined => {
  for (let i = history.episodes.length - 1; i >= 0; i--) {
    const e = history.episodes[i]!
    if (!Episode.isShortBreak(e) && Episode.overlaps(e, from, to)) return e
  }
  return undefined
}

/**
 * Looked after at the end of `on`: an episode is open then and its legal status is not a short break
 * (ssda903.md §4.1).
 * @category predicates
 */
export const isLookedAfterOn = (history: ChildHistory.ChildHistory, on: CalendarDate.CalendarDate): boolean =>
  Option.match(ChildHistory.episodeOn(history, on), {
    onNone: () => false,
    onSome: (e) => !Episode.isShortBreak(e)
  })

/**
 * The children looked after at the end of `on`.
 * @category getters
 */
export const lookedAfterOn = (
  histories: ReadonlyArray<ChildHistory.ChildHistory>,
  on: CalendarDate.CalendarDate
): ReadonlyArray<ChildHistory.ChildHistory> => histories.filter((h) => isLookedAfterOn(h, on))

/**
 * The first episode starting a period of care (RNE S) in [from, to], short breaks excluded: DfE counts a child who
 * starts twice in a year once, by the first occasion (ssda903.md §4.3).
 * @category getters
 */
export const firstStartIn = (
  history: ChildHistory.ChildHistory,
  from: CalendarDate.CalendarDate,
  to: CalendarDate.CalendarDate
): Option.Option<Episode.Episode> => Option.fromNullishOr(firstStart(history, from, to))

/**
 * The episode with which the child last left care (REC not X1) in [from, to], short breaks excluded; a child who
 * leaves twice counts once, by the last occasion (ssda903.md §4.3).
 * @category getters
 */
export const lastCeaseIn = (
  history: ChildHistory.ChildHistory,
  from: CalendarDate.CalendarDate,
  to: CalendarDate.CalendarDate
): Option.Option<Episode.Episode> => Option.fromNullishOr(lastCease(history, from, to))

/**
 * The last episode that shares a day with [from, to], short breaks excluded: the child was looked after at some time
 * in the period when there is one.
 * @category getters
 */
export const lastEpisodeDuring = (
  history: ChildHistory.ChildHistory,
  from: CalendarDate.CalendarDate,
  to: CalendarDate.CalendarDate
): Option.Option<Episode.Episode> => Option.fromNullishOr(lastDuring(history, from, to))

/** @category predicates */
export const isLookedAfterDuring = (
  history: ChildHistory.ChildHistory,
  from: CalendarDate.CalendarDate,
  to: CalendarDate.CalendarDate
): boolean => Option.isSome(lastEpisodeDuring(history, from, to))

/**
 * Looked after continuously for the twelve months to 31 March (the OC2 cohort, ssda903.md §4.6): looked after during
 * the year, with no period of care starting after 1 April, none ending in the year and no short break in the year.
 * @category predicates
 */
export const isContinuouslyLookedAfterForYear = (
  history: ChildHistory.ChildHistory,
  year: ReportingYear.ReportingYear
): boolean => isContinuouslyLookedAfterBetween(history, ReportingYear.start(year), ReportingYear.end(year))

/**
 * {@link isContinuouslyLookedAfterForYear} with the year's first and last days given, for callers that test every
 * child of a return against the same year.
 * @category predicates
 */
export const isContinuouslyLookedAfterBetween = (
  history: ChildHistory.ChildHistory,
  ys: CalendarDate.CalendarDate,
  ye: CalendarDate.CalendarDate
): boolean => continuousCareBetween(history.episodes, ys, ye)

/**
 * {@link isContinuouslyLookedAfterBetween} from a child's episodes alone (normalised, as a `ChildHistory` holds them),
 * for a caller that has the episodes but has not built the whole history.
 * @category predicates
 */
export const continuousCareBetween = (
  episodes: ReadonlyArray<Episode.Episode>,
  ys: CalendarDate.CalendarDate,
  ye: CalendarDate.CalendarDate
): boolean => {
  let any = false
  for (let i = 0; i < episodes.length; i++) {
    const e = episodes[i]!
    if (!Episode.overlaps(e, ys, ye)) continue
    if (Episode.isShortBreak(e)) return false
    if (e.reasonForNewEpisode === "S" && e.start > ys) return false
    if (Episode.isLeavingCare(e) && Option.isSome(e.end) && e.end.value <= ye) return false
    any = true
  }
  return any
}

/**
 * The named cohorts of `indicators.md`.
 * @category models
 */
export const CohortName = Schema.Literals(["cla_31_march", "started", "ceased", "during_year", "care_leavers"])
export type CohortName = typeof CohortName.Type

/**
 * A child in a cohort, with the episode that describes them for it and the day their age is taken on.
 * @category models
 */
export interface Member {
  readonly history: ChildHistory.ChildHistory
  readonly episode: Episode.Episode
  readonly ageOn: CalendarDate.CalendarDate
}

/**
 * The members of a cohort of episode-based children for a year; `on` moves the `cla_31_march` date.
 * (`care_leavers` is built by `CareLeaver.cohort`.)
 * @category getters
 */
export const members = (
  histories: ReadonlyArray<ChildHistory.ChildHistory>,
  year: ReportingYear.ReportingYear,
  cohort: Exclude<CohortName, "care_leavers">,
  on?: CalendarDate.CalendarDate
): ReadonlyArray<Member> => {
  const ys = ReportingYear.start(year)
  const ye = ReportingYear.end(year)
  const out: Array<Member> = []
  for (let i = 0; i < histories.length; i++) {
    const history = histories[i]!
    switch (cohort) {
      case "cla_31_march": {
        const date = on ?? ye
        const e = episodeOpenOn(history, date)
        if (e !== undefined && !Episode.isShortBreak(e)) out.push({ history, episode: e, ageOn: date })
        break
      }
      case "started": {
        const e = firstStart(history, ys, ye)
        if (e !== undefined) out.push({ history, episode: e, ageOn: e.start })
        break
      }
      case "ceased": {
        const e = lastCease(history, ys, ye)
        if (e !== undefined && Option.isSome(e.end)) out.push({ history, episode: e, ageOn: e.end.value })
        break
      }
      case "during_year": {
        const e = lastDuring(history, ys, ye)
        if (e !== undefined) out.push({ history, episode: e, ageOn: ye })
        break
      }
    }
  }
  return out
}

/**
 * The `--by` dimensions of `indicators.md` (the last two apply to the `care_leavers` cohort).
 * @category models
 */
export const Dimension = Schema.Literals([
  "age_band",
  "sex",
  "ethnicity",
  "ethnic_group",
  "legal_status",
  "legal_status_group",
  "category_of_need",
  "placement",
  "placement_group",
  "provider",
  "uasc",
  "care_leaver_status",
  "age"
])
export type Dimension = typeof Dimension.Type

/** The dimensions an episode-based cohort can be profiled by. @category models */
export const memberDimensions: ReadonlyArray<Dimension> = [
  "age_band",
  "sex",
  "ethnicity",
  "ethnic_group",
  "legal_status",
  "legal_status_group",
  "category_of_need",
  "placement",
  "placement_group",
  "provider",
  "uasc",
  "age"
]

/** A member's value on a dimension; `unknown` when the Header record is missing. @category getters */
export const dimensionValue = (member: Member, dimension: Dimension): string => {
  const child = member.history.child
  switch (dimension) {
    case "age_band":
      return Option.match(child, {
        onNone: () => "unknown",
        onSome: (c) => Child.ageBand(Child.ageOn(c, member.ageOn))
      })
    case "age":
      return Option.match(child, { onNone: () => "unknown", onSome: (c) => String(Child.ageOn(c, member.ageOn)) })
    case "sex":
      return Option.match(child, { onNone: () => "unknown", onSome: (c) => c.sex })
    case "ethnicity":
      return Option.match(child, { onNone: () => "unknown", onSome: (c) => c.ethnicity })
    case "ethnic_group":
      return Option.match(child, { onNone: () => "unknown", onSome: (c) => Ethnicity.group(c.ethnicity) })
    case "legal_status":
      return member.episode.legalStatus
    case "legal_status_group":
      return LegalStatus.group(member.episode.legalStatus)
    case "category_of_need":
      return member.episode.categoryOfNeed
    case "placement":
      return member.episode.placement
    case "placement_group":
      return PlacementType.group(member.episode.placement)
    case "provider":
      return Option.getOrElse(member.episode.provider, () => "none")
    case "uasc":
      return String(isUascOn(member.history, member.ageOn))
    case "care_leaver_status":
      return "not_applicable"
  }
}

/** An unaccompanied asylum-seeking child on `on` (a UASC row whose status had not ceased). @category predicates */
export const isUascOn = (history: ChildHistory.ChildHistory, on: CalendarDate.CalendarDate): boolean =>
  Option.match(history.uasc, {
    onNone: () => false,
    onSome: (u) => UnaccompaniedAsylumSeekingChild.isUascOn(u, on)
  })

/** One cell of a profile. @category models */
export interface Group {
  readonly key: Readonly<Record<string, string>>
  readonly count: number
}

/**
 * Count items by the given dimensions; groups sorted by key (dimension order, then value).
 * @category getters
 */
export const profileBy = <A>(
  items: ReadonlyArray<A>,
  by: ReadonlyArray<string>,
  value: (item: A, dimension: string) => string
): ReadonlyArray<Group> => {
  const counts = new Map<string, { key: Record<string, string>; count: number }>()
  for (const item of items) {
    const key: Record<string, string> = {}
    for (const d of by) key[d] = value(item, d)
    const id = by.map((d) => key[d]).join("\u0000")
    const g = counts.get(id)
    if (g === undefined) counts.set(id, { key, count: 1 })
    else g.count++
  }
  return [...counts.values()].sort((a, b) => compareKeys(a.key, b.key, by))
}

const compareValues = (a: string, b: string): number => {
  const na = Number(a)
  const nb = Number(b)
  if (a !== "" && b !== "" && Number.isFinite(na) && Number.isFinite(nb)) return na - nb
  const ia = ageBandOrder.indexOf(a)
  const ib = ageBandOrder.indexOf(b)
  if (ia >= 0 && ib >= 0) return ia - ib
  return a < b ? -1 : a > b ? 1 : 0
}
const ageBandOrder: ReadonlyArray<string> = Child.AgeBand.literals

const compareKeys = (
  a: Readonly<Record<string, string>>,
  b: Readonly<Record<string, string>>,
  by: ReadonlyArray<string>
): number => {
  for (const d of by) {
    const c = compareValues(a[d] ?? "", b[d] ?? "")
    if (c !== 0) return c
  }
  return 0
}

/**
 * A profile of cohort members by dimensions.
 * @category getters
 */
export const profile = (members: ReadonlyArray<Member>, by: ReadonlyArray<Dimension>): ReadonlyArray<Group> =>
  profileBy(members, by, (m, d) => dimensionValue(m, d as Dimension))

/** A placement change (RNE P, B, T, U) recorded by an episode. @category predicates */
export const isPlacementChange = (e: Episode.Episode): boolean =>
  ReasonForNewEpisode.isPlacementChange(e.reasonForNewEpisode)

/** The dimensions the `care_leavers` cohort can be profiled by. @category models */
export const careLeaverDimensions: ReadonlyArray<Dimension> = [
  "care_leaver_status",
  "age",
  "sex",
  "ethnicity",
  "ethnic_group",
  "uasc"
]

/** A care leaver's value on a dimension. @category getters */
export const careLeaverValue = (assessment: CareLeaver.Assessment, dimension: Dimension): string => {
  switch (dimension) {
    case "care_leaver_status":
      return assessment.status
    case "age":
      return String(assessment.age)
    case "uasc":
      return String(isUascOn(assessment.history, assessment.on))
    default: {
      // Everyone in the cohort was looked after at some time, so has a last episode.
      const episode = assessment.history.episodes[assessment.history.episodes.length - 1]
      return episode === undefined
        ? "unknown"
        : dimensionValue({ history: assessment.history, episode, ageOn: assessment.on }, dimension)
    }
  }
}

/** @category errors */
export class DimensionNotAvailable extends Schema.TaggedError<DimensionNotAvailable>()("DimensionNotAvailable", {
  cohort: CohortName,
  dimension: Schema.String,
  allowed: Schema.Array(Schema.String)
}) {
  override get message(): string {
    return `the ${this.cohort} cohort cannot be profiled by "${this.dimension}"; use one of ${this.allowed.join(", ")}`
  }
}

/** @category errors */
export class ListNotAllowed extends Schema.TaggedError<ListNotAllowed>()("ListNotAllowed", {
  audience: Audience
}) {
  override get message(): string {
    return `a list of young people is for officers only, not the ${this.audience} audience`
  }
}

/** A count as published: the number, or `c` when suppressed for the audience. @category schemas */
export const PublishedCount = Schema.Union([Schema.Number, Schema.Literal("c")])
export type PublishedCount = typeof PublishedCount.Type

/** One group of a cohort profile as published: `pct` is of `total`, to 1 dp. @category models */
export const DocumentGroup = Schema.Struct({
  key: Schema.Record(Schema.String, Schema.String),
  count: PublishedCount,
  pct: PublishedCount
}).annotate({ identifier: "CohortGroup" })
export type DocumentGroup = typeof DocumentGroup.Type

/** One young person in the officers' care-leaver list. @category models */
export const ListedCareLeaver = Schema.Struct({
  child: Schema.String,
  status: CareLeaver.CareLeaverStatus,
  age: Schema.Int,
  days14: Schema.Int
}).annotate({ identifier: "ListedCareLeaver" })
export type ListedCareLeaver = typeof ListedCareLeaver.Type

/**
 * The cohort document of `indicators.md` ("JSON: cpo cohort"), printed by the CLI and returned by the API.
 * @category models
 */
export const Document = Schema.Struct({
  year: Schema.Int,
  cohort: CohortName,
  on: Schema.optionalKey(Schema.String),
  by: Schema.Array(Schema.String),
  audience: Audience,
  total: PublishedCount,
  groups: Schema.Array(DocumentGroup),
  list: Schema.optionalKey(Schema.Array(ListedCareLeaver))
}).annotate({ identifier: "CohortDocument" })
export type Document = typeof Document.Type

/**
 * Build the cohort document: the cohort for the year (`on` moves the date of `cla_31_march` and `care_leavers`,
 * default 31 March), profiled by `by`, suppressed for the audience; with `list`, officers get one row per young
 * person of the `care_leavers` cohort.
 * @category constructors
 */
export const document = (options: {
  readonly histories: ReadonlyArray<ChildHistory.ChildHistory>
  readonly year: ReportingYear.ReportingYear
  readonly cohort: CohortName
  readonly by: ReadonlyArray<string>
  readonly audience: Audience
  readonly on?: CalendarDate.CalendarDate
  readonly list?: boolean
}): Result.Result<Document, DimensionNotAvailable | ListNotAllowed> => {
  const allowed = options.cohort === "care_leavers" ? careLeaverDimensions : memberDimensions
  const unknown = options.by.find((d) => !allowed.includes(d as Dimension))
  if (unknown !== undefined) {
    return Result.fail(new DimensionNotAvailable({ cohort: options.cohort, dimension: unknown, allowed: [...allowed] }))
  }
  if (options.list === true && options.audience !== "officer") {
    return Result.fail(new ListNotAllowed({ audience: options.audience }))
  }
  const by = options.by as ReadonlyArray<Dimension>
  const dated = options.cohort === "cla_31_march" || options.cohort === "care_leavers"
  const on = options.on ?? ReportingYear.end(options.year)
  let groups: ReadonlyArray<Group>
  let listed: ReadonlyArray<ListedCareLeaver> | undefined
  if (options.cohort === "care_leavers") {
    const assessed = CareLeaver.cohort(options.histories, on)
    groups = profileBy(assessed, by, (a, d) => careLeaverValue(a, d as Dimension))
    if (options.list === true) {
      listed = assessed.map((a) => ({ child: a.history.childId, status: a.status, age: a.age, days14: a.days14 }))
    }
  } else {
    groups = profile(members(options.histories, options.year, options.cohort, dated ? on : undefined), by)
  }
  const published = Suppression.list(
    groups.map((g) => g.count),
    options.audience
  )
  const total = groups.reduce((a, g) => a + g.count, 0)
  const doc: Document = {
    year: options.year,
    cohort: options.cohort,
    ...(dated ? { on } : {}),
    by: [...by],
    audience: options.audience,
    total: published.total,
    groups: groups.map((g, i) => {
      const count = published.cells[i]!
      return {
        key: g.key,
        count,
        pct: count === "c" || published.total === "c" ? "c" : Math.round((g.count / total) * 1000) / 10
      }
    }),
    ...(listed === undefined ? {} : { list: listed })
  }
  return Result.succeed(doc)
}
