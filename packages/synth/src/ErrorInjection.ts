/**
 * Known errors on purpose (issue 4 item 5): take a clean synthetic return and break chosen DfE rules (ssda903.md
 * §5.3) a chosen number of times, each time on a different child and so that exactly that rule fires for that child.
 * Validators are tested by finding every injected error and nothing else.
 *
 * Only rules that can be broken with domain records are supported: an invalid code or an unreadable date cannot be
 * held by a decoded `Return` (the codec rejects it), and rules needing the previous year's return (503A…), a
 * postcode directory (1015) or the draft DoLo table (700–710) are out of reach here.
 */
import {
  type Adoption,
  CalendarDate,
  type CareLeaverOutcome,
  type Child,
  type Episode,
  type HealthOutcome,
  type MissingEpisode,
  type PlacementProvider,
  ReportingYear,
  type Return,
  type SocialWorkerEpisode
} from "@cpo/domain"
import { Option } from "effect"
import * as Random from "./Random.ts"

/** The 903 table an injected error sits in, as the spec names it. @category models */
export type Table = "Header" | "Episodes" | "OC2" | "OC3" | "AD1" | "Missing" | "SWEpisodes"

/** @category models */
export interface InjectedError {
  readonly code: string
  readonly childId: Child.ChildId
  readonly table: Table
  /** Rules the same edit cannot help breaking too (a gap after an X1 episode is both 433 and 388). */
  readonly alsoBreaks?: ReadonlyArray<string>
}

/** @category models */
export interface InjectionOptions {
  readonly errors: ReadonlyArray<{ readonly code: string; readonly count: number }>
  readonly seed: number
  /**
   * Last year's return, when the validator will read it too: rule 1001 then counts last year's episodes, so its
   * injection avoids children who had any.
   */
  readonly previous?: Return.Return
}

/** @category models */
export interface InjectionResult {
  readonly return: Return.Return
  readonly injected: ReadonlyArray<InjectedError>
}

/** A request the return cannot satisfy: unknown code, rule not active that year, or too few suitable children. @category errors */
export class InjectionImpossible extends Error {
  readonly _tag = "InjectionImpossible"
}

type ChildId = Child.ChildId
type Date = CalendarDate.CalendarDate

/** The return being edited: arrays replaced in place, rows removed at the end. */
interface Work {
  readonly year: number
  readonly ys: Date
  readonly ye: Date
  readonly children: Array<Child.Child>
  readonly episodes: Array<Episode.Episode>
  readonly healthOutcomes: Array<HealthOutcome.HealthOutcome> | null
  readonly careLeavers: Array<CareLeaverOutcome.CareLeaverOutcome> | null
  readonly adoptions: Array<Adoption.Adoption> | null
  readonly missing: Array<MissingEpisode.MissingEpisode> | null
  readonly socialWorkerEpisodes: Array<SocialWorkerEpisode.SocialWorkerEpisode> | null
  /** Dates of birth moved, carried into the tables not edited here (Reviews, UASC, PlacedAdoption, PrevPerm). */
  readonly datesOfBirth: Map<ChildId, Date>
  readonly removed: Set<object>
  /** Episode indexes by child, in date order. */
  readonly episodesOf: Map<ChildId, Array<number>>
  readonly childIndex: Map<ChildId, number>
  /** Children already carrying an injected error: one error per child, so each child shows exactly one rule. */
  readonly used: Set<ChildId>
  readonly rng: Random.Random
  /** Children with episodes in last year's return, when it was given. */
  readonly inPrevious: ReadonlySet<string>
  /**
   * Children with a row in OC2, OC3 and Missing, kept as rows are added: a scan of the table for each candidate made
   * injection quadratic, hours on a national return.
   */
  readonly withRow: Record<IndexedTable, Set<ChildId>>
}

type IndexedTable = "healthOutcomes" | "careLeavers" | "missing"

interface Injector {
  readonly table: Table
  readonly years?: { readonly from?: number; readonly to?: number }
  /**
   * Break the rule once; the child it fires for (both children for a duplicated UPN), or `null` when no unused child
   * suits.
   */
  readonly inject: (work: Work) => ChildId | ReadonlyArray<ChildId> | null
  /** Needs last year's return to be seen (the 503 rules compare the two years). */
  readonly needsPrevious?: true
  /** Rules the edit necessarily breaks as well. */
  readonly alsoBreaks?: ReadonlyArray<string>
}

const some = Option.some
const none = Option.none()
const dayShift = (d: Date, days: number) => CalendarDate.addDays(d, days)
const inYear = (w: Work, d: Date) => d >= w.ys && d <= w.ye
const dobOf = (w: Work, id: ChildId): Date => w.children[w.childIndex.get(id)!]!.dateOfBirth
const ageAt = (w: Work, id: ChildId, on: Date) => CalendarDate.ageOn(dobOf(w, id), on)

/** Pick one candidate at random among those of unused children, mark its child used. */
const pick = <A>(w: Work, candidates: ReadonlyArray<A>, childOf: (a: A) => ChildId): A | null => {
  const free = candidates.filter((c) => !w.used.has(childOf(c)))
  if (free.length === 0) return null
  const chosen = free[w.rng.int(0, free.length - 1)]!
  w.used.add(childOf(chosen))
  return chosen
}

const shortBreakChild = (w: Work, id: ChildId) =>
  (w.episodesOf.get(id) ?? []).some((i) => w.episodes[i]!.legalStatus === "V3" || w.episodes[i]!.legalStatus === "V4")

const hasRow = (w: Work, table: IndexedTable, id: ChildId) => w.withRow[table].has(id)

/** Replace the episode at `index` with a changed copy. */
const editEpisode = (w: Work, index: number, change: Partial<Episode.Episode>) => {
  w.episodes[index] = { ...w.episodes[index]!, ...change }
}

/**
 * Episodes (by index) that begin inside the year, after 1 April: they are not in last year's return, so changing
 * them cannot also break the 503 rules comparing the two years.
 */
const episodeCandidates = (w: Work, keep: (e: Episode.Episode, i: number, list: ReadonlyArray<number>) => boolean) => {
  const out: Array<number> = []
  for (const [id, list] of w.episodesOf) {
    if (w.used.has(id)) continue
    for (const i of list) {
      const e = w.episodes[i]!
      if (e.start > w.ys && e.start <= w.ye && keep(e, i, list)) out.push(i)
    }
  }
  return out
}

/** Episodes open at the end of last year, which last year's return shows too (for the 503 rules). */
const carriedEpisodes = (w: Work, keep: (e: Episode.Episode, i: number, list: ReadonlyArray<number>) => boolean) => {
  const out: Array<number> = []
  for (const [id, list] of w.episodesOf) {
    if (w.used.has(id)) continue
    for (const i of list) {
      const e = w.episodes[i]!
      const openAtLastYearEnd =
        e.start < w.ys && Option.match(e.end, { onNone: () => true, onSome: (end) => end >= w.ys })
      if (openAtLastYearEnd && !isShortBreakLegalStatus(e.legalStatus) && keep(e, i, list)) out.push(i)
    }
  }
  return out
}

const pickEpisode = (w: Work, candidates: ReadonlyArray<number>) => pick(w, candidates, (i) => w.episodes[i]!.childId)

/** A one-episode period of care that starts and ends inside the year, not by adoption, for a child with no OC3 row. */
const shortInYearPeriods = (w: Work, minDays: number) =>
  episodeCandidates(w, (e, i, list) => {
    const at = list.indexOf(i)
    const next = list[at + 1]
    return (
      e.reasonForNewEpisode === "S" &&
      e.start > dayShift(w.ys, 1) &&
      Option.isSome(e.end) &&
      Option.isSome(e.reasonCeased) &&
      e.reasonCeased.value !== "X1" &&
      e.reasonCeased.value !== "E11" &&
      e.reasonCeased.value !== "E12" &&
      !isShortBreakLegalStatus(e.legalStatus) &&
      CalendarDate.daysBetween(e.start, e.end.value) >= minDays &&
      (next === undefined || w.episodes[next]!.start > dayShift(e.end.value, 1)) &&
      !hasRow(w, "careLeavers", e.childId)
    )
  })

const isShortBreakLegalStatus = (ls: string) => ls === "V3" || ls === "V4"

/** Change the legal status of an in-year, ended, non-short-break episode lasting more than `days`. */
/** The episodes either side of episode `i` in its child's list. */
const neighbours = (w: Work, i: number, list: ReadonlyArray<number>) => {
  const at = list.indexOf(i)
  return {
    before: at > 0 ? w.episodes[list[at - 1]!] : undefined,
    after: at + 1 < list.length ? w.episodes[list[at + 1]!] : undefined
  }
}

/**
 * Episode `i` may take legal status `ls` without making its reason for new episode, or the next one's, untrue: each
 * starts care (S) or records a change of legal status that then happens (rules 434–436).
 */
const legalStatusChangeFits = (w: Work, i: number, list: ReadonlyArray<number>, ls: string): boolean => {
  const { before, after } = neighbours(w, i, list)
  const e = w.episodes[i]!
  const says = (rne: string) => rne === "L" || rne === "B" || rne === "U"
  return (
    (before === undefined ||
      e.reasonForNewEpisode === "S" ||
      (says(e.reasonForNewEpisode) && before.legalStatus !== ls)) &&
    (after === undefined ||
      after.reasonForNewEpisode === "S" ||
      (says(after.reasonForNewEpisode) && after.legalStatus !== ls))
  )
}

/** Episode `i`'s provider may change: its episode and the next record a change of placement of another type too. */
const providerChangeFits = (w: Work, i: number, list: ReadonlyArray<number>): boolean => {
  const { before, after } = neighbours(w, i, list)
  const e = w.episodes[i]!
  const says = (rne: string) => rne === "P" || rne === "T" || rne === "B" || rne === "U"
  return (
    (before === undefined ||
      e.reasonForNewEpisode === "S" ||
      (says(e.reasonForNewEpisode) && before.placement !== e.placement)) &&
    (after === undefined ||
      after.reasonForNewEpisode === "S" ||
      (says(after.reasonForNewEpisode) && after.placement !== e.placement))
  )
}

const legalStatusLongerThan = (w: Work, ls: "L1" | "L2", days: number) => {
  const chosen = pickEpisode(
    w,
    episodeCandidates(
      w,
      (e, i, list) =>
        inYear(w, e.start) &&
        Option.isSome(e.end) &&
        CalendarDate.daysBetween(e.start, e.end.value) > days + 1 &&
        (e.legalStatus === "C1" || e.legalStatus === "C2" || e.legalStatus === "V2" || e.legalStatus === "E1") &&
        legalStatusChangeFits(w, i, list, ls)
    )
  )
  if (chosen === null) return null
  editEpisode(w, chosen, { legalStatus: ls })
  return w.episodes[chosen]!.childId
}

const oc2Edit = (
  w: Work,
  keep: (o: HealthOutcome.HealthOutcome, age: number) => boolean,
  change: Partial<HealthOutcome.HealthOutcome>
) => {
  const rows = w.healthOutcomes
  if (rows === null) return null
  const candidates: Array<number> = []
  rows.forEach((o, i) => {
    if (keep(o, CalendarDate.ageOn(o.dateOfBirth, w.ye))) candidates.push(i)
  })
  const chosen = pick(w, candidates, (i) => rows[i]!.childId)
  if (chosen === null) return null
  rows[chosen] = { ...rows[chosen]!, ...change }
  return rows[chosen]!.childId
}

/** Days looked after (V3/V4 aside) on and after `from`, from the episodes in the return. */
const daysInCareSince = (w: Work, id: ChildId, from: Date) => {
  let days = 0
  for (const i of w.episodesOf.get(id) ?? []) {
    const e = w.episodes[i]!
    if (isShortBreakLegalStatus(e.legalStatus)) continue
    const end = Option.getOrElse(e.end, () => w.ye)
    days += Math.max(0, CalendarDate.daysBetween(CalendarDate.max(e.start, from), end))
  }
  return days
}

const careLeaverRow = (w: Work, id: ChildId): CareLeaverOutcome.CareLeaverOutcome => ({
  childId: id,
  dateOfBirth: dobOf(w, id),
  inTouch: some("YES"),
  activity: some("F2"),
  accommodation: some("D1")
})

/** The child's birthday (17th or 18th, or 17th–21st) falling in the year, if any. */
const birthdayInYear = (w: Work, id: ChildId, ages: ReadonlyArray<number>) => {
  for (const age of ages) {
    const day = CalendarDate.addYears(dobOf(w, id), age)
    if (inYear(w, day)) return day
  }
  return null
}

const lastEnd = (w: Work, id: ChildId): Date | null => {
  const list = w.episodesOf.get(id) ?? []
  const last = w.episodes[list[list.length - 1]!]
  return last === undefined ? null : Option.getOrNull(last.end)
}

const injectors: Record<string, Injector> = {
  "101": {
    table: "Header",
    years: { to: 2024 },
    inject: (w) => {
      const chosen = pick(
        w,
        // not a child in last year's return, whose sex would then also differ between the years (rule 202)
        w.children
          .map((_, i) => i)
          .filter((i) => Option.isNone(w.children[i]!.mother) && !w.inPrevious.has(w.children[i]!.id)),
        (i) => w.children[i]!.id
      )
      if (chosen === null) return null
      w.children[chosen] = { ...w.children[chosen]!, sex: "unknown" }
      return w.children[chosen]!.id
    }
  },
  "146": {
    table: "Episodes",
    inject: (w) => {
      const chosen = pickEpisode(
        w,
        episodeCandidates(w, (e) => e.placement === "K2" && inYear(w, e.start) && ageAt(w, e.childId, e.start) >= 16)
      )
      if (chosen === null) return null
      editEpisode(w, chosen, { placement: w.year <= 2025 ? "K3" : "H5" })
      return w.episodes[chosen]!.childId
    }
  },
  "178": {
    table: "Episodes",
    inject: (w) => {
      const chosen = pickEpisode(
        w,
        // the child's only episode: the codec leaves an unreadable row out, and any episode before or after it would
        // then seem to end or start care with nothing to continue (rules 357, 388, 433)
        episodeCandidates(w, (e, _i, list) => Option.isSome(e.provider) && e.placement !== "P1" && list.length === 1)
      )
      if (chosen === null) return null
      // A code outside PR0–PR5, written as the council's system might: the CSV carries it as it stands.
      editEpisode(w, chosen, { provider: Option.some("PR9" as PlacementProvider.PlacementProvider) })
      return w.episodes[chosen]!.childId
    }
  },
  "355": {
    table: "Episodes",
    inject: (w) => {
      const chosen = pickEpisode(w, shortInYearPeriods(w, 2))
      if (chosen === null) return null
      editEpisode(w, chosen, { end: some(w.episodes[chosen]!.start) })
      return w.episodes[chosen]!.childId
    }
  },
  "356": {
    table: "Episodes",
    inject: (w) => {
      const chosen = pickEpisode(
        w,
        // a child with no missing periods, which the reversed episode would leave outside care (rules 577, 578, 581)
        shortInYearPeriods(w, 2).filter(
          (i) => w.episodes[i]!.start > dayShift(w.ys, 2) && !hasRow(w, "missing", w.episodes[i]!.childId)
        )
      )
      if (chosen === null) return null
      editEpisode(w, chosen, { end: some(dayShift(w.episodes[chosen]!.start, -1)) })
      return w.episodes[chosen]!.childId
    }
  },
  "352": {
    table: "Episodes",
    inject: (w) => {
      const candidates = shortInYearPeriods(w, 2).filter((i) => {
        const id = w.episodes[i]!.childId
        return (w.episodesOf.get(id) ?? []).length === 1 && !hasRow(w, "healthOutcomes", id)
      })
      const chosen = pickEpisode(w, candidates)
      if (chosen === null) return null
      const id = w.episodes[chosen]!.childId
      const dob = CalendarDate.addYears(w.episodes[chosen]!.start, -18)
      setDateOfBirth(w, id, dob)
      return id
    }
  },
  "358": {
    table: "Episodes",
    inject: (w) => {
      const chosen = pickEpisode(
        w,
        episodeCandidates(
          w,
          (e, i, list) =>
            ageAt(w, e.childId, e.start) < 10 &&
            (e.legalStatus === "C1" || e.legalStatus === "C2" || e.legalStatus === "V2" || e.legalStatus === "E1") &&
            legalStatusChangeFits(w, i, list, "J1")
        )
      )
      if (chosen === null) return null
      editEpisode(w, chosen, { legalStatus: "J1" })
      return w.episodes[chosen]!.childId
    }
  },
  "361": { table: "Episodes", inject: (w) => legalStatusLongerThan(w, "L1", 3) },
  "362": { table: "Episodes", inject: (w) => legalStatusLongerThan(w, "L2", 21) },
  "365": {
    table: "Episodes",
    inject: (w) => {
      const chosen = pickEpisode(
        w,
        episodeCandidates(w, (e) => e.legalStatus === "V3" && inYear(w, e.start) && dayShift(e.start, 20) <= w.ye)
      )
      if (chosen === null) return null
      editEpisode(w, chosen, { end: some(dayShift(w.episodes[chosen]!.start, 18)) })
      return w.episodes[chosen]!.childId
    }
  },
  "367": {
    table: "Episodes",
    inject: (w) => {
      const children = [...w.episodesOf.entries()].filter(
        ([, list]) =>
          list.filter((i) => {
            const e = w.episodes[i]!
            return e.legalStatus === "V3" && inYear(w, e.start) && dayShift(e.start, 17) <= w.ye
          }).length >= 6
      )
      const chosen = pick(w, children, ([id]) => id)
      if (chosen === null) return null
      // Breaks of 16 days each (under rule 365's 17) until the year holds more than 75 nights.
      for (const i of chosen[1]) {
        const e = w.episodes[i]!
        if (e.legalStatus === "V3" && inYear(w, e.start) && dayShift(e.start, 17) <= w.ye) {
          editEpisode(w, i, { end: some(dayShift(e.start, 16)) })
        }
      }
      return chosen[0]
    }
  },
  // a child with no other OC2 item, so that the blank health item does not also break rule 182
  "191": {
    table: "OC2",
    inject: (w) =>
      oc2Edit(
        w,
        (o) =>
          Option.isSome(o.immunisations) &&
          Option.isNone(o.convicted) &&
          Option.isNone(o.healthCheck) &&
          Option.isNone(o.interventionReceived) &&
          Option.isNone(o.interventionOffered),
        { immunisations: none }
      )
  },
  "190": {
    table: "OC2",
    inject: (w) => {
      const rows = w.healthOutcomes
      if (rows === null) return null
      const candidates = [...w.episodesOf.keys()].filter(
        (id) => !hasRow(w, "healthOutcomes", id) && !shortBreakChild(w, id)
      )
      const id = pick(w, candidates, (c) => c)
      if (id === null) return null
      w.withRow.healthOutcomes.add(id)
      const age = ageAt(w, id, w.ye)
      rows.push({
        childId: id,
        dateOfBirth: dobOf(w, id),
        sdqScore: none,
        // no SDQ reason: for a child outside the 12-month cohort that is rule 198's error, not 190's
        sdqReason: none,
        convicted: age >= 10 ? some(false) : none,
        healthCheck: age < 5 ? some(true) : none,
        immunisations: some(true),
        teethCheck: some(true),
        healthAssessment: some(true),
        substanceMisuse: some(false),
        interventionReceived: none,
        interventionOffered: none
      })
      return id
    }
  },
  "545": {
    table: "OC2",
    inject: (w) => oc2Edit(w, (o, age) => age < 5 && Option.isSome(o.healthCheck), { healthCheck: none })
  },
  "546": {
    table: "OC2",
    inject: (w) => oc2Edit(w, (o, age) => age >= 5 && Option.isNone(o.healthCheck), { healthCheck: some(true) })
  },
  "543": {
    table: "OC2",
    inject: (w) => oc2Edit(w, (o, age) => age >= 10 && Option.isSome(o.convicted), { convicted: none })
  },
  "188": {
    table: "OC2",
    inject: (w) => oc2Edit(w, (o, age) => age < 4 && Option.isNone(o.sdqScore), { sdqScore: some(12) })
  },
  "225": {
    table: "Episodes",
    inject: (w) => {
      const chosen = pickEpisode(
        w,
        episodeCandidates(w, (e, i, list) => {
          const next = list[list.indexOf(i) + 1]
          return (
            Option.isSome(e.reasonPlaceChange) &&
            Option.isSome(e.end) &&
            inYear(w, e.end.value) &&
            next !== undefined &&
            e.placement[0] !== "T" &&
            w.episodes[next]!.placement[0] !== "T" &&
            ["P", "B", "T", "U"].includes(w.episodes[next]!.reasonForNewEpisode)
          )
        })
      )
      if (chosen === null) return null
      editEpisode(w, chosen, { reasonPlaceChange: none })
      return w.episodes[chosen]!.childId
    }
  },
  "433": {
    table: "Episodes",
    // the episode before ends X1, so a continuation that starts a day late is also rule 388
    alsoBreaks: ["388"],
    inject: (w) => {
      const chosen = pickEpisode(
        w,
        episodeCandidates(
          w,
          (e) =>
            e.reasonForNewEpisode !== "S" &&
            e.start > w.ys &&
            inYear(w, e.start) &&
            Option.match(e.end, { onNone: () => true, onSome: (end) => CalendarDate.daysBetween(e.start, end) >= 3 })
        )
      )
      if (chosen === null) return null
      editEpisode(w, chosen, { start: dayShift(w.episodes[chosen]!.start, 1) })
      return w.episodes[chosen]!.childId
    }
  },
  "431": {
    table: "Episodes",
    inject: (w) => {
      const chosen = pickEpisode(
        w,
        episodeCandidates(w, (e, i, list) => {
          const previous = list[list.indexOf(i) - 1]
          return (
            e.reasonForNewEpisode === "L" &&
            previous !== undefined &&
            Option.isNone(w.episodes[previous]!.reasonPlaceChange) &&
            !hasRow(w, "healthOutcomes", e.childId)
          )
        })
      )
      if (chosen === null) return null
      editEpisode(w, chosen, { reasonForNewEpisode: "S" })
      return w.episodes[chosen]!.childId
    }
  },
  "574": {
    table: "Missing",
    inject: (w) => missingEdit(w, 2, (rows) => rows.map((r, k) => (k === 1 ? { ...r, start: rows[0]!.start } : r)))
  },
  "570": {
    table: "Missing",
    inject: (w) =>
      missingEdit(w, 1, (rows) => [
        ...rows.slice(0, -1),
        { ...rows[rows.length - 1]!, start: dayShift(w.ye, 5), end: none }
      ])
  },
  "571": {
    table: "Missing",
    inject: (w) =>
      missingEdit(w, 1, (rows) => [...rows.slice(0, -1), { ...rows[rows.length - 1]!, end: some(dayShift(w.ye, 3)) }])
  },
  "1016": {
    table: "OC3",
    inject: (w) => {
      if (w.careLeavers === null) return null
      const candidates = [...w.episodesOf.keys()].filter((id) => {
        if (hasRow(w, "careLeavers", id)) return false
        const day = birthdayInYear(w, id, [17, 18])
        const end = lastEnd(w, id)
        // Still looked after at the end of the birthday: ceasing on the birthday itself is not "after" it.
        return day !== null && end !== null && end > day && inYear(w, end) && qualifiesAsCareLeaver(w, id)
      })
      const id = pick(w, candidates, (c) => c)
      if (id === null) return null
      w.careLeavers.push(careLeaverRow(w, id))
      w.withRow.careLeavers.add(id)
      return id
    }
  },
  "1001": {
    table: "OC3",
    inject: (w) => {
      if (w.careLeavers === null) return null
      const candidates = [...w.episodesOf.keys()].filter((id) => {
        if (hasRow(w, "careLeavers", id) || shortBreakChild(w, id) || w.inPrevious.has(id)) return false
        const day = birthdayInYear(w, id, [17, 18, 19, 20, 21])
        const end = lastEnd(w, id)
        return day !== null && end !== null && end < day && !qualifiesAsCareLeaver(w, id)
      })
      const id = pick(w, candidates, (c) => c)
      if (id === null) return null
      w.careLeavers.push(careLeaverRow(w, id))
      w.withRow.careLeavers.add(id)
      return id
    }
  },
  "601": {
    table: "AD1",
    inject: (w) => {
      const rows = w.adoptions
      if (rows === null) return null
      const chosen = pick(
        w,
        rows.filter((r) => !w.removed.has(r)),
        (r) => r.childId
      )
      if (chosen === null) return null
      w.removed.add(chosen)
      return chosen.childId
    }
  },
  "602": {
    table: "AD1",
    inject: (w) => {
      const rows = w.adoptions
      if (rows === null) return null
      const adopted = new Set(rows.map((r) => r.childId))
      // not a child looked after for 12 months (OC2), for whom adoption data also breaks rule 187
      const inOc2 = new Set((w.healthOutcomes ?? []).map((o) => o.childId))
      // and whose latest period of care began before the year, so the decision a month in is not before it (rule 334)
      const startedBefore = (id: ChildId) => {
        const list = w.episodesOf.get(id) ?? []
        const starts = list.map((i) => w.episodes[i]!).filter((e) => e.reasonForNewEpisode === "S")
        const latest = starts[starts.length - 1]
        return latest !== undefined && latest.start < w.ys
      }
      const candidates = [...w.episodesOf.keys()].filter(
        (id) => !adopted.has(id) && !inOc2.has(id) && !shortBreakChild(w, id) && startedBefore(id)
      )
      const id = pick(w, candidates, (c) => c)
      if (id === null) return null
      rows.push({
        childId: id,
        dateOfBirth: dobOf(w, id),
        bestInterestDecision: some(dayShift(w.ys, 30)),
        matched: some(dayShift(w.ys, 90)),
        byFormerFosterCarer: some(false),
        numberOfAdopters: some(2),
        adopterSex: some("MF"),
        adopterLegalStatus: some("L11")
      })
      return id
    }
  },
  "444": {
    table: "Header",
    years: { from: 2026 },
    inject: (w) => {
      const real = w.children
        .map((_, i) => i)
        .filter((i) => Option.isSome(w.children[i]!.upn) && !w.children[i]!.upn.value.startsWith("UN"))
      // the child given another's UPN is new this year, so its UPN does not also change between the years (rule 208)
      const chosen = pick(
        w,
        real.filter((i) => !w.inPrevious.has(w.children[i]!.id)),
        (i) => w.children[i]!.id
      )
      if (chosen === null) return null
      const donor = pick(w, real, (i) => w.children[i]!.id)
      if (donor === null) return null
      w.children[chosen] = { ...w.children[chosen]!, upn: w.children[donor]!.upn }
      // A duplicated UPN is an error of both children who carry it.
      return [w.children[chosen]!.id, w.children[donor]!.id]
    }
  },
  "503B": {
    table: "Episodes",
    needsPrevious: true,
    inject: (w) => {
      const chosen = pickEpisode(
        w,
        carriedEpisodes(
          w,
          (e, i, list) =>
            (e.legalStatus === "C1" || e.legalStatus === "C2") &&
            legalStatusChangeFits(w, i, list, e.legalStatus === "C1" ? "C2" : "C1")
        )
      )
      if (chosen === null) return null
      editEpisode(w, chosen, { legalStatus: w.episodes[chosen]!.legalStatus === "C1" ? "C2" : "C1" })
      return w.episodes[chosen]!.childId
    }
  },
  "503C": {
    table: "Episodes",
    needsPrevious: true,
    inject: (w) => {
      const chosen = pickEpisode(
        w,
        // the only episode of its period so far and the child's last, so that no neighbour's CIN differs (rule 504)
        carriedEpisodes(
          w,
          (e, i, list) =>
            (e.categoryOfNeed === "N1" || e.categoryOfNeed === "N5") &&
            e.reasonForNewEpisode === "S" &&
            i === list[list.length - 1]
        )
      )
      if (chosen === null) return null
      editEpisode(w, chosen, { categoryOfNeed: w.episodes[chosen]!.categoryOfNeed === "N1" ? "N5" : "N1" })
      return w.episodes[chosen]!.childId
    }
  },
  "503E": {
    table: "Episodes",
    needsPrevious: true,
    inject: (w) => {
      const chosen = pickEpisode(
        w,
        carriedEpisodes(
          w,
          (e, i, list) =>
            (e.placement === "U4" || e.placement === "U6") &&
            Option.isSome(e.provider) &&
            providerChangeFits(w, i, list)
        )
      )
      if (chosen === null) return null
      const provider = Option.getOrThrow(w.episodes[chosen]!.provider)
      editEpisode(w, chosen, { provider: some(provider === "PR4" ? "PR5" : "PR4") })
      return w.episodes[chosen]!.childId
    }
  },
  SW17STG2: {
    table: "SWEpisodes",
    years: { from: 2024 },
    inject: (w) => {
      const rows = w.socialWorkerEpisodes
      if (rows === null) return null
      // only a child looked after at 31 March (a social worker may stay allocated between periods of care)
      const lookedAfter = (id: ChildId) =>
        (w.episodesOf.get(id) ?? []).some((i) => w.episodes[i]!.start <= w.ye && Option.isNone(w.episodes[i]!.end))
      // and one with an earlier social worker episode, so that only the open one is missing (not all, SW12STG2)
      const count = new Map<ChildId, number>()
      for (const r of rows) count.set(r.childId, (count.get(r.childId) ?? 0) + 1)
      const open = rows.filter(
        (r) =>
          Option.isNone(r.end) &&
          r.start <= w.ye &&
          !w.removed.has(r) &&
          lookedAfter(r.childId) &&
          (count.get(r.childId) ?? 0) > 1
      )
      const chosen = pick(w, open, (r) => r.childId)
      if (chosen === null) return null
      w.removed.add(chosen)
      return chosen.childId
    }
  }
}

/** At least 13 weeks looked after since the 14th birthday, some after the 16th, by the episodes in the return. */
const qualifiesAsCareLeaver = (w: Work, id: ChildId) => {
  const dob = dobOf(w, id)
  return (
    daysInCareSince(w, id, CalendarDate.addYears(dob, 14)) >= 91 &&
    daysInCareSince(w, id, CalendarDate.addYears(dob, 16)) >= 1
  )
}

const missingEdit = (
  w: Work,
  atLeast: number,
  change: (rows: ReadonlyArray<MissingEpisode.MissingEpisode>) => ReadonlyArray<MissingEpisode.MissingEpisode>
) => {
  const rows = w.missing
  if (rows === null) return null
  const byChild = new Map<ChildId, Array<number>>()
  rows.forEach((r, i) => {
    const list = byChild.get(r.childId)
    if (list === undefined) byChild.set(r.childId, [i])
    else list.push(i)
  })
  // Children still looked after at 31 March: a missing period moved past the year end then stays inside the period
  // of care, so that it cannot also break rules 577, 578 and 581.
  const candidates = [...byChild.entries()].filter(
    ([id, list]) => list.length >= atLeast && (w.episodesOf.get(id)?.length ?? 0) > 0 && lastEnd(w, id) === null
  )
  const chosen = pick(w, candidates, ([id]) => id)
  if (chosen === null) return null
  const indexes = chosen[1]
  const changed = change(indexes.map((i) => rows[i]!))
  indexes.forEach((i, k) => {
    rows[i] = changed[k]!
  })
  return chosen[0]
}

/** Move a child's date of birth everywhere it is repeated. */
const setDateOfBirth = (w: Work, id: ChildId, dob: Date) => {
  const i = w.childIndex.get(id)!
  w.children[i] = { ...w.children[i]!, dateOfBirth: dob }
  const fix = <A extends { readonly childId: ChildId; readonly dateOfBirth: Date }>(rows: Array<A> | null) => {
    if (rows === null) return
    rows.forEach((r, k) => {
      if (r.childId === id) rows[k] = { ...r, dateOfBirth: dob }
    })
  }
  fix(w.healthOutcomes)
  fix(w.careLeavers)
  fix(w.adoptions)
  fix(w.missing)
  fix(w.socialWorkerEpisodes)
  w.datesOfBirth.set(id, dob)
}

/**
 * The rule codes `injectErrors` can break, with the collection years they apply to.
 * @category models
 */
export const supportedErrorCodes: ReadonlyArray<string> = Object.keys(injectors)

/**
 * Rule codes that fire only when last year's return is validated beside the injected one (503B, 503C, 503E).
 * @category models
 */
export const codesNeedingPreviousReturn: ReadonlyArray<string> = Object.keys(injectors).filter(
  (code) => injectors[code]!.needsPrevious === true
)

/** Whether `code` can be injected into a return of collection year `year`. @category predicates */
export const isSupported = (code: string, year: number): boolean => {
  const injector = injectors[code]
  if (injector === undefined) return false
  return (injector.years?.from ?? 0) <= year && year <= (injector.years?.to ?? 9999)
}

const childrenWithRows = (rows: Option.Option<ReadonlyArray<{ readonly childId: ChildId }>>): Set<ChildId> =>
  new Set(Option.isSome(rows) ? rows.value.map((r) => r.childId) : [])

const mutable = <A>(rows: Option.Option<ReadonlyArray<A>>): Array<A> | null =>
  Option.isSome(rows) ? [...rows.value] : null

/**
 * Break the chosen rules `count` times each, on different children, deterministically for a seed.
 * @throws InjectionImpossible when a code is unknown, not active in the return's year, or no more children suit it.
 * @category constructors
 */
export const injectErrors = (ret: Return.Return, options: InjectionOptions): InjectionResult => {
  const year = ret.year
  const episodes = [...ret.episodes]
  const episodesOf = new Map<ChildId, Array<number>>()
  episodes.forEach((e, i) => {
    const list = episodesOf.get(e.childId)
    if (list === undefined) episodesOf.set(e.childId, [i])
    else list.push(i)
  })
  for (const list of episodesOf.values()) list.sort((a, b) => (episodes[a]!.start < episodes[b]!.start ? -1 : 1))
  const children = [...ret.children]
  const w: Work = {
    year,
    ys: ReportingYear.start(year),
    ye: ReportingYear.end(year),
    children,
    episodes,
    healthOutcomes: mutable(ret.healthOutcomes),
    careLeavers: mutable(ret.careLeavers),
    adoptions: mutable(ret.adoptions),
    missing: mutable(ret.missing),
    socialWorkerEpisodes: mutable(ret.socialWorkerEpisodes),
    datesOfBirth: new Map(),
    removed: new Set(),
    episodesOf,
    childIndex: new Map(children.map((c, i) => [c.id, i])),
    used: new Set(),
    rng: Random.make(options.seed, year, 909),
    inPrevious: new Set(options.previous?.episodes.map((e) => e.childId as string) ?? []),
    withRow: {
      healthOutcomes: childrenWithRows(ret.healthOutcomes),
      careLeavers: childrenWithRows(ret.careLeavers),
      missing: childrenWithRows(ret.missing)
    }
  }
  const injected: Array<InjectedError> = []
  for (const { code, count } of options.errors) {
    const injector = injectors[code]
    if (injector === undefined) {
      throw new InjectionImpossible(`rule ${code} cannot be injected; supported: ${supportedErrorCodes.join(", ")}`)
    }
    if (!isSupported(code, year)) throw new InjectionImpossible(`rule ${code} is not active in collection year ${year}`)
    for (let n = 0; n < count; n++) {
      const children = injector.inject(w)
      if (children === null) {
        throw new InjectionImpossible(`rule ${code}: only ${n} of ${count} children in the ${year} return suit it`)
      }
      for (const childId of typeof children === "string" ? [children] : children) {
        const { table, alsoBreaks } = injector
        injected.push(alsoBreaks === undefined ? { code, childId, table } : { code, childId, table, alsoBreaks })
      }
    }
  }
  const table = <A extends object>(rows: Array<A> | null): Option.Option<ReadonlyArray<A>> =>
    rows === null ? Option.none() : Option.some(rows.filter((r) => !w.removed.has(r)))
  const reborn = <A extends { readonly childId: ChildId; readonly dateOfBirth: Date }>(
    rows: Option.Option<ReadonlyArray<A>>
  ): Option.Option<ReadonlyArray<A>> =>
    w.datesOfBirth.size === 0
      ? rows
      : Option.map(rows, (list) =>
          list.map((r) => {
            const dob = w.datesOfBirth.get(r.childId)
            return dob === undefined ? r : { ...r, dateOfBirth: dob }
          })
        )
  return {
    return: {
      ...ret,
      children: w.children,
      episodes: w.episodes,
      healthOutcomes: table(w.healthOutcomes),
      careLeavers: table(w.careLeavers),
      adoptions: table(w.adoptions),
      missing: table(w.missing),
      socialWorkerEpisodes: table(w.socialWorkerEpisodes),
      reviews: reborn(ret.reviews),
      uasc: reborn(ret.uasc),
      placedForAdoption: reborn(ret.placedForAdoption),
      previousPermanence: reborn(ret.previousPermanence)
    },
    injected
  }
}
