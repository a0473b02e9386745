/**
 * The DfE 903 validation rules implemented so far: every rule of ssda903.md §5.3. Each is a small pure check named by
 * its DfE code. Wording of messages is our paraphrase; where the spec leaves a detail open the choice is noted.
 */
import {
  CalendarDate,
  CareLeaver,
  ChildHistory,
  Episode,
  type HealthOutcome,
  type MissingEpisode,
  type PlacementType
} from "@cpo/domain"
import { Option } from "effect"
import {
  type ChildRecords,
  type Context,
  episodesWhere,
  type Hit,
  hit,
  hitsOnPairs,
  hitsWhere,
  inCollectionYear,
  lastYearOf,
  noRecordCheck,
  perChild,
  perChildWith,
  type Rule,
  readable
} from "./Rule.ts"
import * as Codes1xx2xx from "./rules/Codes1xx2xx.ts"
import * as Codes3xx4xx from "./rules/Codes3xx4xx.ts"
import * as Codes5xx6xx1xxx from "./rules/Codes5xx6xx1xxx.ts"
import * as SocialWorkerAndIntegrity from "./rules/SocialWorkerAndIntegrity.ts"
import type { Row } from "./Ssda903.ts"

const day = CalendarDate.make
// Dates the rules compare with, made once rather than for every row.
const april2025 = day("2025-04-01")

const dobOf = (c: ChildRecords): CalendarDate.CalendarDate | undefined => c.header[0]?.value.dateOfBirth

const endOr = (e: Episode.Episode, fallback: CalendarDate.CalendarDate): CalendarDate.CalendarDate =>
  Option.isSome(e.end) ? e.end.value : fallback

/** One empty list of rows, for every child with none of a kind. */
const noRows: ReadonlyArray<never> = Object.freeze([])

const ye = (ctx: Context) => ctx.yearEnd
const ys = (ctx: Context) => ctx.yearStart

// ── Header ────────────────────────────────────────────────────────────────────────────────────────────────────────

const sexUpTo2024 = new Set(["1", "2"])
const sexFrom2025 = new Set(["M", "F", "U"])

const sexRule = (from: number, to: number | undefined, allowed: ReadonlySet<string>, spelled: string): Rule => ({
  code: "101",
  message: `Gender code is not valid (${spelled})`,
  tables: ["Header"],
  fields: ["SEX"],
  years: to === undefined ? { from } : { from, to },
  readErrors: [{ table: "Header", column: "SEX" }],
  check: perChild((c) => hitsWhere("Header", c.header, c.childId, (r) => !allowed.has(r.raw?.SEX ?? "")))
})

const r101a = sexRule(2016, 2024, sexUpTo2024, "1 or 2 up to 2023/24")
const r101b = sexRule(2025, undefined, sexFrom2025, "M, F or U from 2024/25")

const r102 = readable("102", "Header", "DOB", "Date of birth is not a valid date")

const r103 = readable("103", "Header", "ETHNIC", "The ethnicity code is either not valid or has not been entered")

const upnUnknown = new Set(["UN1", "UN2", "UN3", "UN4", "UN5"])

const r444: Rule = {
  code: "444",
  message: "UPN is shared with another child in the return",
  tables: ["Header"],
  fields: ["UPN"],
  years: { from: 2026 },
  check: (ctx) => {
    // A UPN that names the child (not one of the UN codes for an unknown UPN), or `undefined`.
    const upnOf = (r: ChildRecords["header"][number]): string | undefined => {
      const upn = Option.getOrUndefined(r.value.upn)
      return upn === undefined || upnUnknown.has(upn) ? undefined : upn
    }
    // First the UPNs two children hold: the first child seen with each UPN, and the UPNs another child holds too.
    const firstHolder = new Map<string, string>()
    const shared = new Set<string>()
    for (const c of ctx.current.children) {
      for (const r of c.header) {
        const upn = upnOf(r)
        if (upn === undefined) continue
        const first = firstHolder.get(upn)
        if (first === undefined) firstHolder.set(upn, c.childId)
        else if (first !== c.childId) shared.add(upn)
      }
    }
    if (shared.size === 0) return []
    // Then every row holding one of them, grouped by UPN in the order the UPNs first appear, in child order within.
    const byUpn = new Map<string, Array<Hit>>()
    for (const c of ctx.current.children) {
      for (const r of c.header) {
        const upn = upnOf(r)
        if (upn === undefined || !shared.has(upn)) continue
        const list = byUpn.get(upn)
        if (list === undefined) byUpn.set(upn, [hit("Header", r, c.childId)])
        else list.push(hit("Header", r, c.childId))
      }
    }
    return [...byUpn.values()].flat()
  }
}

// ── Episodes: codes ───────────────────────────────────────────────────────────────────────────────────────────────

const codeRule = (code: string, column: string, message: string): Rule => ({
  code,
  message,
  tables: ["Episodes"],
  fields: [column],
  years: { from: 2016 },
  readErrors: [{ table: "Episodes", column }],
  check: noRecordCheck
})

const r143 = codeRule("143", "RNE", "The code entered for the reason for new episode is not a valid code")
const r144 = codeRule("144", "LS", "The legal status code is not a valid code")
const r145 = codeRule("145", "CIN", "Category of need code is not a valid code")

const newFrom2026 = new Set<PlacementType.PlacementType>(["K3", "Z11", "Z12", "Z13", "Z14"])
const endedWith2025 = new Set<PlacementType.PlacementType>(["H5", "P2", "Z1"])

const r146a: Rule = {
  code: "146",
  message: "Placement type is not a valid code for the year (K3 and Z11–Z14 only from 2025/26)",
  tables: ["Episodes"],
  fields: ["PLACE"],
  years: { from: 2016, to: 2025 },
  readErrors: [{ table: "Episodes", column: "PLACE" }],
  check: perChild((c) => hitsWhere("Episodes", c.episodes, c.childId, (r) => newFrom2026.has(r.value.placement)))
}

/**
 * From 2025/26 H5, P2 and Z1 are withdrawn. Episodes that began before 1 April 2025 keep their codes: history is
 * carried year to year and is not recoded (ssda903.md §3.4).
 */
const r146b: Rule = {
  code: "146",
  message: "Placement type is not a valid code for the year (H5, P2 and Z1 withdrawn from 2025/26)",
  tables: ["Episodes"],
  fields: ["PLACE"],
  years: { from: 2026 },
  readErrors: [{ table: "Episodes", column: "PLACE" }],
  check: perChild((c) =>
    hitsWhere(
      "Episodes",
      c.episodes,
      c.childId,
      (r) => endedWith2025.has(r.value.placement) && r.value.start >= april2025
    )
  )
}

const historicRec = new Set(["E43", "E44"])

const r149: Rule = {
  code: "149",
  message: "Reason episode ceased is not a valid code",
  tables: ["Episodes"],
  fields: ["REC"],
  years: { from: 2016 },
  readErrors: [{ table: "Episodes", column: "REC" }],
  // E43/E44 (SGO codes replaced by E45–E48) are read so that history loads, but are not valid for an episode
  // ceasing in the year.
  check: perChild((c, ctx) =>
    hitsWhere(
      "Episodes",
      c.episodes,
      c.childId,
      (r) =>
        Option.isSome(r.value.reasonCeased) &&
        historicRec.has(r.value.reasonCeased.value) &&
        Option.isSome(r.value.end) &&
        inCollectionYear(ctx, r.value.end.value)
    )
  )
}

/** Placements that take no provider code: temporary (T) placements and the Z codes of the year. */
const providerNotNeeded = (p: PlacementType.PlacementType, year: number): boolean =>
  year >= 2026
    ? p === "T0" || p === "T1" || p === "T2" || p === "T3" || p === "Z11" || p === "Z12" || p === "Z13" || p === "Z14"
    : p === "T0" || p === "T1" || p === "T2" || p === "T3" || p === "T4" || p === "Z1"

const r178: Rule = {
  code: "178",
  // A blank provider where one is needed is rule 526's to report, as DfE and the peer validator have it.
  message: "Placement provider code is not valid, or is given for a placement that takes none (T0–T4, Z codes)",
  tables: ["Episodes"],
  fields: ["PLACE_PROVIDER", "PLACE"],
  years: { from: 2016 },
  readErrors: [{ table: "Episodes", column: "PLACE_PROVIDER" }],
  check: perChild((c, ctx) =>
    hitsWhere(
      "Episodes",
      c.episodes,
      c.childId,
      (r) => Option.isSome(r.value.provider) && providerNotNeeded(r.value.placement, ctx.year)
    )
  )
}

// ── Episodes: dates and durations ─────────────────────────────────────────────────────────────────────────────────

const r355: Rule = {
  code: "355",
  message: "Episode appears to have lasted for less than 24 hours",
  tables: ["Episodes"],
  fields: ["DECOM", "DEC"],
  years: { from: 2016 },
  check: perChild((c) =>
    hitsWhere(
      "Episodes",
      c.episodes,
      c.childId,
      (r) => Option.isSome(r.value.end) && r.value.end.value === r.value.start
    )
  )
}

const r356: Rule = {
  code: "356",
  message: "The date the episode ceased is before the date the same episode started",
  tables: ["Episodes"],
  fields: ["DECOM", "DEC"],
  years: { from: 2016 },
  check: perChild((c) =>
    hitsWhere("Episodes", c.episodes, c.childId, (r) => Option.isSome(r.value.end) && r.value.end.value < r.value.start)
  )
}

const r352: Rule = {
  code: "352",
  message: "Child who started to be looked after was aged 18 or over",
  tables: ["Header", "Episodes"],
  fields: ["DECOM", "RNE"],
  years: { from: 2016 },
  check: perChild((c) => {
    const dob = dobOf(c)
    if (dob === undefined) return undefined
    const eighteen = CalendarDate.addYears(dob, 18)
    return hitsWhere(
      "Episodes",
      c.episodes,
      c.childId,
      (r) => r.value.reasonForNewEpisode === "S" && r.value.start >= eighteen
    )
  })
}

const youthJustice = new Set(["J1", "J2", "J3"])

const r358: Rule = {
  code: "358",
  message: "Child with this legal status should be at least 10 years of age",
  tables: ["Header", "Episodes"],
  fields: ["DECOM", "LS"],
  years: { from: 2016 },
  check: perChild((c) => {
    const dob = dobOf(c)
    if (dob === undefined) return undefined
    const young = c.episodes.filter(
      (r) => youthJustice.has(r.value.legalStatus) && CalendarDate.ageOn(dob, r.value.start) < 10
    )
    // The date of birth is as much at fault as the legal status: point at the header row too, as DfE's tools do.
    return young.length === 0
      ? undefined
      : [...young.map((r) => hit("Episodes", r, c.childId)), hit("Header", c.header[0]!, c.childId)]
  })
}

/**
 * An episode under `legalStatus` longer than `maxDays`. The 903 holds days, not hours, so 72 hours is 3 days. An open
 * episode is measured to 31 March: still open then, it has already run that long.
 */
const maxDuration = (code: string, legalStatus: string, maxDays: number, message: string): Rule => ({
  code,
  message,
  tables: ["Episodes"],
  fields: ["LS", "DECOM", "DEC"],
  years: { from: 2016 },
  check: episodesWhere(
    (e, ctx) => e.legalStatus === legalStatus && CalendarDate.daysBetween(e.start, endOr(e, ye(ctx))) > maxDays
  )
})

const r361 = maxDuration("361", "L1", 3, "Police protection legal status lasted longer than 72 hours")
const r362 = maxDuration("362", "L2", 21, "Emergency protection order legal status lasted longer than 21 days")
const r365 = maxDuration("365", "V3", 17, "Any individual short-term respite placement must not exceed 17 days")

const r367: Rule = {
  code: "367",
  message: "The maximum amount of respite care allowable is 75 days in any 12-month period",
  tables: ["Episodes"],
  fields: ["LS", "DECOM", "DEC"],
  years: { from: 2016 },
  check: perChild((c, ctx) => {
    const from = ys(ctx)
    // nights in the year: days from the later of DECOM and 1 April to the earlier of DEC and 1 April next
    const to = CalendarDate.addDays(ye(ctx), 1)
    // the respite episodes that give nights in the year are reported; earlier ones are not part of the count
    let counted: Array<number> | undefined
    let nights = 0
    for (let i = 0; i < c.episodes.length; i++) {
      const r = c.episodes[i]!
      if (r.value.legalStatus !== "V3") continue
      const a = CalendarDate.max(r.value.start, from)
      const b = CalendarDate.min(endOr(r.value, to), to)
      if (b <= a) continue
      nights += CalendarDate.daysBetween(a, b)
      counted ??= []
      counted.push(r.line)
    }
    if (nights <= 75 || counted === undefined) return undefined
    return [{ table: "Episodes", lines: counted, childId: c.childId }]
  })
}

// ── Episodes: sequence ────────────────────────────────────────────────────────────────────────────────────────────

const isPlacementChange = (rne: string) => rne === "P" || rne === "B" || rne === "T" || rne === "U"
const isTemporary = (p: PlacementType.PlacementType) => p.startsWith("T")

const r225: Rule = {
  code: "225",
  message: "Reason for placement change must be recorded",
  tables: ["Episodes"],
  fields: ["REASON_PLACE_CHANGE"],
  years: { from: 2016 },
  // REASON_PLACE_CHANGE belongs on the episode whose placement ended; only changes in the year are checked.
  check: perChild((c, ctx) =>
    hitsOnPairs(
      c,
      (before, after) =>
        Option.getOrUndefined(before.value.reasonCeased) === "X1" &&
        Option.isSome(before.value.end) &&
        inCollectionYear(ctx, before.value.end.value) &&
        isPlacementChange(after.value.reasonForNewEpisode) &&
        !isTemporary(before.value.placement) &&
        !isTemporary(after.value.placement) &&
        Option.isNone(before.value.reasonPlaceChange),
      "before"
    )
  )
}

const r433: Rule = {
  code: "433",
  message:
    "The reason for new episode suggests that this episode continues the previous one, but the start date does not match the end of the previous episode",
  tables: ["Episodes"],
  fields: ["RNE", "DECOM"],
  years: { from: 2016 },
  check: perChild((c) =>
    hitsOnPairs(
      c,
      (before, after) =>
        after.value.reasonForNewEpisode !== "S" && Option.getOrUndefined(before.value.end) !== after.value.start
    )
  )
}

const r431: Rule = {
  code: "431",
  message: "The reason for new episode is started to be looked after, but the previous episode ended on the same day",
  tables: ["Episodes"],
  fields: ["RNE", "DECOM"],
  years: { from: 2016 },
  check: perChild((c) =>
    hitsOnPairs(
      c,
      (before, after) =>
        after.value.reasonForNewEpisode === "S" &&
        Option.isSome(before.value.end) &&
        after.value.start <= before.value.end.value
    )
  )
}

/**
 * 503A–503F compare the episode left open at the end of last year with the same episode (same DECOM) this year. The
 * letter given to each field is our own assignment pending the DfE guide (ssda903.md §5.3 lists "503A…").
 */
const openLastYear = (ctx: Context, c: ChildRecords): Row<Episode.Episode> | undefined =>
  lastYearOf(c, ctx)?.openAtYearEnd

const agreeWithLastYear = (
  code: string,
  column: string,
  label: string,
  same: (now: Episode.Episode, then: Episode.Episode, year: number) => boolean
): Rule => ({
  code,
  message: `The episode open at the end of last year has a different ${label} this year`,
  tables: ["Episodes"],
  fields: [column],
  years: { from: 2016 },
  needs: ["previous"],
  check: perChild((c, ctx) => {
    const open = openLastYear(ctx, c)
    if (open === undefined) return undefined
    const now = c.episodes.find((r) => r.value.start === open.value.start)
    return now !== undefined && !same(now.value, open.value, ctx.year) ? [hit("Episodes", now, c.childId)] : undefined
  })
})

const r503A = agreeWithLastYear(
  "503A",
  "RNE",
  "reason for new episode",
  (a, b) => a.reasonForNewEpisode === b.reasonForNewEpisode
)
const r503B = agreeWithLastYear("503B", "LS", "legal status", (a, b) => a.legalStatus === b.legalStatus)
const r503C = agreeWithLastYear("503C", "CIN", "category of need", (a, b) => a.categoryOfNeed === b.categoryOfNeed)
/**
 * From 2025/26 an episode coded H5 or Z1 last year may re-appear recoded as K3 or Z11–Z14 (ssda903.md §3.4): the
 * codes were withdrawn, not the placements.
 */
const isRecodedPlacement = (now: PlacementType.PlacementType, then: PlacementType.PlacementType): boolean =>
  (then === "H5" && now === "K3") ||
  (then === "Z1" && (now === "Z11" || now === "Z12" || now === "Z13" || now === "Z14"))

const r503D = agreeWithLastYear(
  "503D",
  "PLACE",
  "placement type",
  (a, b, year) => a.placement === b.placement || (year >= 2026 && isRecodedPlacement(a.placement, b.placement))
)
const r503E = agreeWithLastYear(
  "503E",
  "PLACE_PROVIDER",
  "placement provider",
  (a, b) => Option.getOrNull(a.provider) === Option.getOrNull(b.provider)
)
/**
 * 503F: the Ofsted URN. In 2023/24 supported accommodation (H5) needs a URN from 29 October 2023 (rule 230), so an H5
 * episode carried from last year with none (blank or XXXXXXX) that has one this year is what DfE asks for, not a
 * contradiction.
 */
const urnOf = (e: Episode.Episode): string | null => {
  const urn = Option.getOrNull(e.urn)
  return urn === "XXXXXXX" ? null : urn
}
const r503F = agreeWithLastYear(
  "503F",
  "URN",
  "Ofsted URN",
  (a, b, year) =>
    urnOf(a) === urnOf(b) || (year === 2024 && a.placement === "H5" && b.placement === "H5" && urnOf(b) === null)
)

const r1015: Rule = {
  code: "1015",
  message: "Placement provider is own provision but the placement is outside the council's area",
  tables: ["Episodes"],
  fields: ["PLACE_PROVIDER", "PL_POST"],
  years: { from: 2016 },
  needs: ["postcodes"],
  // Foster and adoption placements (U1–U6, A3–A6) and short breaks may be own provision outside the area.
  check: perChildWith((ctx) => {
    if (Option.isNone(ctx.area)) return undefined
    const area = ctx.area.value
    return (c) =>
      hitsWhere("Episodes", c.episodes, c.childId, (r) => {
        const e = r.value
        if (Option.getOrUndefined(e.provider) !== "PR1") return false
        if (e.placement.startsWith("U") || e.placement.startsWith("A")) return false
        if (e.legalStatus === "V3" || e.legalStatus === "V4") return false
        const where = Option.flatMap(e.placementPostcode, area.directory.lookup)
        return Option.isSome(where) && where.value.localAuthority !== area.localAuthority
      })
  })
}

// ── OC2 ───────────────────────────────────────────────────────────────────────────────────────────────────────────

const oc2Items = (h: HealthOutcome.HealthOutcome): ReadonlyArray<Option.Option<unknown>> => [
  h.sdqScore,
  h.sdqReason,
  h.convicted,
  h.healthCheck,
  h.immunisations,
  h.teethCheck,
  h.healthAssessment,
  h.substanceMisuse,
  h.interventionReceived,
  h.interventionOffered
]

const r191: Rule = {
  code: "191",
  message:
    "Child has been looked after continuously for at least 12 months at 31 March but health information has not been completed",
  tables: ["Episodes", "OC2"],
  fields: ["IMMUNISATIONS", "TEETH_CHECK", "HEALTH_ASSESSMENT", "SUBSTANCE_MISUSE"],
  years: { from: 2016 },
  check: perChild((c) => {
    if (!c.inOc2Cohort) return undefined
    const row = c.healthOutcomes[0]
    if (row === undefined) {
      const last = c.episodes.at(-1)
      return [{ table: "Episodes", lines: last === undefined ? [] : [last.line], childId: c.childId }]
    }
    const h = row.value
    if (
      Option.isSome(h.immunisations) &&
      Option.isSome(h.teethCheck) &&
      Option.isSome(h.healthAssessment) &&
      Option.isSome(h.substanceMisuse)
    )
      return undefined
    const blank = [
      ["IMMUNISATIONS", h.immunisations],
      ["TEETH_CHECK", h.teethCheck],
      ["HEALTH_ASSESSMENT", h.healthAssessment],
      ["SUBSTANCE_MISUSE", h.substanceMisuse]
    ] as const
    return [
      hit(
        "OC2",
        row,
        c.childId,
        blank.filter(([, v]) => Option.isNone(v)).map(([f]) => f)
      )
    ]
  })
}

const r190: Rule = {
  code: "190",
  message:
    "OC2 data has been completed for a child who has not been looked after continuously for at least 12 months at 31 March",
  tables: ["Episodes", "OC2"],
  fields: ["SDQ_SCORE", "CONVICTED", "HEALTH_CHECK", "IMMUNISATIONS", "TEETH_CHECK", "HEALTH_ASSESSMENT"],
  years: { from: 2016 },
  check: perChild((c) => {
    if (c.healthOutcomes.length === 0 || c.inOc2Cohort) return undefined
    return hitsWhere("OC2", c.healthOutcomes, c.childId, (r) => oc2Items(r.value).some(Option.isSome))
  })
}

const ageAtYearEnd = (c: ChildRecords, ctx: Context): number | undefined => {
  const dob = dobOf(c) ?? c.healthOutcomes[0]?.value.dateOfBirth
  return dob === undefined ? undefined : CalendarDate.ageOn(dob, ye(ctx))
}

const cohortOc2Check =
  (test: (h: HealthOutcome.HealthOutcome, age: number) => boolean) => (c: ChildRecords, ctx: Context) => {
    if (c.healthOutcomes.length === 0 || !c.inOc2Cohort) return undefined
    const age = ageAtYearEnd(c, ctx)
    if (age === undefined) return undefined
    let out: Array<Hit> | undefined
    for (let i = 0; i < c.healthOutcomes.length; i++) {
      if (!test(c.healthOutcomes[i]!.value, age)) continue
      out ??= []
      out.push(hit("OC2", c.healthOutcomes[i]!, c.childId))
    }
    return out
  }

const r545: Rule = {
  code: "545",
  message:
    "Child looked after for 12 months aged under 5 at 31 March: development assessment (HEALTH_CHECK) must be completed",
  tables: ["Episodes", "OC2"],
  fields: ["HEALTH_CHECK"],
  years: { from: 2016 },
  check: perChild(cohortOc2Check((h, age) => age < 5 && Option.isNone(h.healthCheck)))
}

const r546: Rule = {
  code: "546",
  message: "Child looked after for 12 months aged 5 or over at 31 March: HEALTH_CHECK should not be completed",
  tables: ["Episodes", "OC2"],
  fields: ["HEALTH_CHECK"],
  years: { from: 2016 },
  check: perChild(cohortOc2Check((h, age) => age >= 5 && Option.isSome(h.healthCheck)))
}

const r543: Rule = {
  code: "543",
  message: "Child looked after for 12 months aged 10 or over at 31 March: CONVICTED must be completed",
  tables: ["Episodes", "OC2"],
  fields: ["CONVICTED"],
  years: { from: 2016 },
  check: perChild(cohortOc2Check((h, age) => age >= 10 && Option.isNone(h.convicted)))
}

const r188: Rule = {
  code: "188",
  message: "Child aged under 4 at 31 March: SDQ score and reason should not be completed",
  tables: ["OC2"],
  fields: ["SDQ_SCORE", "SDQ_REASON"],
  years: { from: 2016 },
  check: perChild((c, ctx) =>
    hitsWhere(
      "OC2",
      c.healthOutcomes,
      c.childId,
      (r) =>
        CalendarDate.ageOn(r.value.dateOfBirth, ye(ctx)) < 4 &&
        (Option.isSome(r.value.sdqScore) || Option.isSome(r.value.sdqReason))
    )
  )
}

// ── Missing ───────────────────────────────────────────────────────────────────────────────────────────────────────

/**
 * 574: periods taken in order of their end (an open period at its start), as ssda903.md §5.3 describes; a period that
 * starts before the one ordered before it has ended, or while that one is still open, is reported — the later of the
 * two, once.
 */
const r574: Rule = {
  code: "574",
  message: "A new missing or away period starts before the previous one ended",
  tables: ["Missing"],
  fields: ["MIS_START", "MIS_END"],
  years: { from: 2016 },
  check: perChild((c) => {
    if (c.missing.length < 2) return undefined
    const endOrStart = (m: MissingEpisode.MissingEpisode) => Option.getOrElse(m.end, () => m.start)
    const order = (a: MissingEpisode.MissingEpisode, b: MissingEpisode.MissingEpisode) =>
      endOrStart(a) < endOrStart(b)
        ? -1
        : endOrStart(a) > endOrStart(b)
          ? 1
          : a.start < b.start
            ? -1
            : a.start > b.start
              ? 1
              : 0
    const sorted = [...c.missing].sort((a, b) => order(a.value, b.value))
    const out: Array<Hit> = []
    for (let i = 1; i < sorted.length; i++) {
      const before = sorted[i - 1]!
      const after = sorted[i]!
      if (Option.isNone(before.value.end) || after.value.start < before.value.end.value) {
        out.push(hit("Missing", after, c.childId))
      }
    }
    return out
  })
}

const r570: Rule = {
  code: "570",
  message: "The start date of the missing or away period is after the end of the collection year",
  tables: ["Missing"],
  fields: ["MIS_START"],
  years: { from: 2016 },
  check: perChild((c, ctx) => hitsWhere("Missing", c.missing, c.childId, (r) => r.value.start > ye(ctx)))
}

const r571: Rule = {
  code: "571",
  message: "The end date of the missing or away period is outside the collection year",
  tables: ["Missing"],
  fields: ["MIS_END"],
  years: { from: 2016 },
  check: perChild((c, ctx) =>
    hitsWhere(
      "Missing",
      c.missing,
      c.childId,
      (r) => Option.isSome(r.value.end) && !inCollectionYear(ctx, r.value.end.value)
    )
  )
}

// ── OC3 ───────────────────────────────────────────────────────────────────────────────────────────────────────────

const oc3Code = (code: string, column: string, message: string): Rule => ({
  code,
  message,
  tables: ["OC3"],
  fields: [column],
  years: { from: 2016 },
  readErrors: [{ table: "OC3", column }],
  check: noRecordCheck
})

const r131 = oc3Code("131", "IN_TOUCH", "Data entry for being in touch after leaving care is invalid")
const r133 = oc3Code("133", "ACCOM", "Data entry for accommodation after leaving care is invalid")

const r132a: Rule = oc3Code("132", "ACTIV", "Data entry for activity after leaving care is invalid")
const r132: Rule = { ...r132a, years: { from: 2016, to: 2022 } }
/** From 2022/23 F3/P3 (training or employment) are replaced by F4/P4 and F5/P5. */
const r132b: Rule = {
  ...r132a,
  message: "Data entry for activity after leaving care is invalid (F3 and P3 withdrawn from 2022/23)",
  years: { from: 2023 },
  check: perChild((c) =>
    hitsWhere("OC3", c.careLeavers, c.childId, (r) => {
      const a = Option.getOrUndefined(r.value.activity)
      return a === "F3" || a === "P3"
    })
  )
}

const oc3Completed = (c: ChildRecords) =>
  c.careLeavers.filter(
    (r) => Option.isSome(r.value.inTouch) || Option.isSome(r.value.activity) || Option.isSome(r.value.accommodation)
  )

/**
 * ssda903.md §5.3: OC3 data is not required for a young person whose 17th or 18th birthday falls in the year and who
 * was still looked after after it — care ending after the birthday (ending on the birthday itself is not after it),
 * or still open.
 */
const r1016: Rule = {
  code: "1016",
  message:
    "OC3 data is not required for a young person who ceased to be looked after after their 17th or 18th birthday",
  tables: ["OC3", "Episodes"],
  fields: ["IN_TOUCH", "ACTIV", "ACCOM"],
  years: { from: 2016 },
  check: perChild((c, ctx) => {
    const rows = oc3Completed(c)
    if (rows.length === 0) return undefined
    const dob = rows[0]!.value.dateOfBirth
    const birthdays = [17, 18].map((n) => CalendarDate.addYears(dob, n)).filter((d) => inCollectionYear(ctx, d))
    const inCareAfter = birthdays.some((b) =>
      c.episodes.some((r) => r.value.start <= ye(ctx) && (Option.isNone(r.value.end) || r.value.end.value > b))
    )
    return inCareAfter ? rows.map((r) => hit("OC3", r, c.childId)) : undefined
  })
}

/**
 * A care leaver must have been looked after for at least 13 weeks (91 days) since their 14th birthday, some of it on
 * or after their 16th (ssda903.md §4.7). Episodes from last year's return are added when supplied; a young person
 * with no episode in either year cannot be checked and is not reported.
 */
const r1001: Rule = {
  code: "1001",
  message:
    "The episodes do not show the young person was looked after for at least 13 weeks since their 14th birthday, some of it after their 16th",
  tables: ["OC3", "Episodes", "Header"],
  fields: ["CHILD", "DOB"],
  years: { from: 2016 },
  check: perChild((c, ctx) => {
    const rows = c.careLeavers
    if (rows.length === 0) return undefined
    const last = Option.fromNullishOr(lastYearOf(c, ctx))
    const episodes = [
      ...c.episodes.map((r) => r.value),
      ...Option.match(last, { onNone: () => [], onSome: (p) => p.episodes.map((r) => r.value) })
    ]
    if (episodes.length === 0) return undefined
    const dob = dobOf(c) ?? rows[0]!.value.dateOfBirth
    const spans = CareLeaver.daysLookedAfterIn(ChildHistory.normaliseEpisodes(episodes))
    const b14 = CalendarDate.toDayNumber(CalendarDate.addYears(dob, 14))
    const b16 = CalendarDate.toDayNumber(CalendarDate.addYears(dob, 16))
    const end = CalendarDate.toDayNumber(ye(ctx))
    let since14 = 0
    let since16 = 0
    for (const [a, b] of spans) {
      const hi = Math.min(b, end)
      if (hi >= Math.max(a, b14)) since14 += hi - Math.max(a, b14) + 1
      if (hi >= Math.max(a, b16)) since16 += hi - Math.max(a, b16) + 1
    }
    return since14 >= CareLeaver.thirteenWeeks && since16 > 0 ? undefined : rows.map((r) => hit("OC3", r, c.childId))
  })
}

// ── AD1 ───────────────────────────────────────────────────────────────────────────────────────────────────────────

const isAdoptedInYear = (r: Row<Episode.Episode>, ctx: Context) => {
  const rec = Option.getOrUndefined(r.value.reasonCeased)
  return (rec === "E11" || rec === "E12") && Option.isSome(r.value.end) && inCollectionYear(ctx, r.value.end.value)
}

/** The child's episodes ending in adoption in the year; the shared empty list when none does (most children). */
const adoptedInYear = (c: ChildRecords, ctx: Context): ReadonlyArray<Row<Episode.Episode>> => {
  let adopted: Array<Row<Episode.Episode>> | undefined
  for (let i = 0; i < c.episodes.length; i++) {
    if (!isAdoptedInYear(c.episodes[i]!, ctx)) continue
    adopted ??= []
    adopted.push(c.episodes[i]!)
  }
  return adopted ?? noRows
}

const r601: Rule = {
  code: "601",
  message: "The adoption data (AD1) has not been completed for a child adopted in the year",
  tables: ["Episodes", "AD1"],
  fields: ["REC", "DEC", "DATE_INT", "DATE_MATCH", "FOSTER_CARE", "NB_ADOPTR", "SEX_ADOPTR", "LS_ADOPTR"],
  years: { from: 2016 },
  check: perChild((c, ctx) => {
    const adopted = adoptedInYear(c, ctx)
    if (adopted.length === 0) return undefined
    // No AD1 row at all, or one with an item left blank: either way the adoption data is not complete.
    const incomplete = c.adoptions.filter(
      ({ value: a }) =>
        Option.isNone(a.bestInterestDecision) ||
        Option.isNone(a.matched) ||
        Option.isNone(a.byFormerFosterCarer) ||
        Option.isNone(a.numberOfAdopters) ||
        Option.isNone(a.adopterSex) ||
        Option.isNone(a.adopterLegalStatus)
    )
    if (c.adoptions.length > 0 && incomplete.length === 0) return undefined
    return [...adopted.map((r) => hit("Episodes", r, c.childId)), ...incomplete.map((r) => hit("AD1", r, c.childId))]
  })
}

const r602: Rule = {
  code: "602",
  message: "The adoption data (AD1) is completed for a child who was not adopted in the year",
  tables: ["Episodes", "AD1"],
  fields: ["CHILD"],
  years: { from: 2016 },
  check: perChild((c, ctx) =>
    c.adoptions.length > 0 && adoptedInYear(c, ctx).length === 0
      ? c.adoptions.map((r) => hit("AD1", r, c.childId))
      : undefined
  )
}

// ── Social worker episodes ────────────────────────────────────────────────────────────────────────────────────────

const rSW13STG1 = readable(
  "SW13STG1",
  "SWEpisodes",
  "SW_REASON",
  "Reason for social worker change is not a valid code",
  { from: 2024 }
)

const rSW17STG2: Rule = {
  code: "SW17STG2",
  message: "Child looked after at 31 March has no social worker episode open at 31 March",
  // Looked after as DfE counts it: an agreed series of short breaks (V3/V4) is not.
  tables: ["SWEpisodes", "Episodes"],
  fields: ["SW_DECOM", "SW_DEC"],
  years: { from: 2024 },
  check: perChild((c, ctx) => {
    const end = ye(ctx)
    let open: Row<Episode.Episode> | undefined
    for (let i = 0; open === undefined && i < c.episodes.length; i++)
      if (Episode.isOpenOn(c.episodes[i]!.value, end)) open = c.episodes[i]!
    if (open === undefined || open.value.legalStatus === "V3" || open.value.legalStatus === "V4") return undefined
    for (let i = 0; i < c.socialWorkerEpisodes.length; i++)
      if (Episode.isOpenOn(c.socialWorkerEpisodes[i]!.value, end)) return undefined
    return [hit("Episodes", open, c.childId)]
  })
}

// ── Deprivation of liberty (draft 2026/27) ────────────────────────────────────────────────────────────────────────
// Numbered as DfE's draft 2026/27 rules are (and the peer validator has them); 707–710 are in
// rules/SocialWorkerAndIntegrity.ts.

const doLoRule = (code: string, message: string, fields: ReadonlyArray<string>, check: Rule["check"]): Rule => ({
  code,
  message,
  tables: ["DoLo"],
  fields,
  years: { from: 2027 },
  check
})

const r700: Rule = {
  ...doLoRule("700", "Deprivation of liberty start date is not a valid date", ["DOLO_START"], noRecordCheck),
  readErrors: [{ table: "DoLo", column: "DOLO_START" }]
}
const r701: Rule = {
  ...doLoRule("701", "Deprivation of liberty end date is not a valid date", ["DOLO_END"], noRecordCheck),
  readErrors: [{ table: "DoLo", column: "DOLO_END" }]
}
const r702 = doLoRule(
  "702",
  "Deprivation of liberty end date is before its start date",
  ["DOLO_START", "DOLO_END"],
  perChild((c) =>
    hitsWhere(
      "DoLo",
      c.deprivationOfLiberty,
      c.childId,
      (r) => Option.isSome(r.value.end) && r.value.end.value < r.value.start
    )
  )
)
const r703 = doLoRule(
  "703",
  "Deprivation of liberty start date is after the end of the collection year",
  ["DOLO_START"],
  perChild((c, ctx) => hitsWhere("DoLo", c.deprivationOfLiberty, c.childId, (r) => r.value.start > ye(ctx)))
)
const r704 = doLoRule(
  "704",
  "Deprivation of liberty end date is outside the collection year",
  ["DOLO_END"],
  perChild((c, ctx) =>
    hitsWhere(
      "DoLo",
      c.deprivationOfLiberty,
      c.childId,
      (r) => Option.isSome(r.value.end) && !inCollectionYear(ctx, r.value.end.value)
    )
  )
)
const r705 = doLoRule(
  "705",
  "Deprivation of liberty orders overlap",
  ["DOLO_START", "DOLO_END"],
  perChild((c) => {
    const sorted = [...c.deprivationOfLiberty].sort((a, b) => (a.value.start < b.value.start ? -1 : 1))
    const out: Array<Hit> = []
    for (let i = 1; i < sorted.length; i++) {
      const before = sorted[i - 1]!
      const after = sorted[i]!
      if (Option.isNone(before.value.end) || after.value.start < before.value.end.value) {
        out.push({ table: "DoLo", lines: [before.line, after.line], childId: c.childId })
      }
    }
    return out
  })
)
/**
 * An order open at the end of last year (no end date) carries into this year: this year's DoLo table must hold an
 * order with the same start. The missing order has no row of its own this year, so the error names the child and
 * the table, with no line.
 */
const r706: Rule = {
  ...doLoRule(
    "706",
    "An order open at the end of last year's return has no order with the same start date this year",
    ["DOLO_START", "DOLO_END"],
    (ctx) => {
      if (Option.isNone(ctx.previous)) return []
      const out: Array<Hit> = []
      for (const last of ctx.previous.value.children) {
        for (const order of last.deprivationOfLiberty) {
          if (Option.isSome(order.value.end)) continue
          const now = ctx.current.byChild.get(last.childId)
          if (now?.deprivationOfLiberty.some((r) => r.value.start === order.value.start) === true) continue
          out.push({ table: "DoLo", lines: [], childId: last.childId })
        }
      }
      return out
    }
  ),
  needs: ["previous"]
}

/** Every rule definition, all years. @category models */
export const all: ReadonlyArray<Rule> = [
  r101a,
  r101b,
  r102,
  r103,
  r131,
  r132,
  r132b,
  r133,
  r143,
  r144,
  r145,
  r146a,
  r146b,
  r149,
  r178,
  r188,
  r190,
  r191,
  r225,
  r352,
  r355,
  r356,
  r358,
  r361,
  r362,
  r365,
  r367,
  r431,
  r433,
  r444,
  r503A,
  r503B,
  r503C,
  r503D,
  r503E,
  r503F,
  r543,
  r545,
  r546,
  r570,
  r571,
  r574,
  r601,
  r602,
  r700,
  r701,
  r702,
  r703,
  r704,
  r705,
  r706,
  r1001,
  r1015,
  r1016,
  rSW13STG1,
  rSW17STG2,
  ...Codes1xx2xx.all,
  ...Codes3xx4xx.all,
  ...Codes5xx6xx1xxx.all,
  ...SocialWorkerAndIntegrity.all
]
