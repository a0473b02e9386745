/**
 * A small builder of plainly fake 903 returns whose composition matches figures a seed council printed by hand, so
 * the real core can be run on them and asked to give those figures back. Every child here is invented: ids are
 * `<council>-<group>-<n>`, dates of birth are worked back from the age a figure needs, nothing resembles a real child.
 *
 * A seed figure is a count of children with some attribute; `quota` turns "98 of the 162 were male" into a list of
 * 162 attributes in a fixed order, and the seed tests zip such lists together child by child.
 */
import { Option } from "effect"
import {
  CalendarDate,
  type CareLeaverOutcome,
  type Child,
  ChildHistory,
  type Episode,
  type Indicator,
  ReportingYear,
  Return
} from "../../src/index.ts"

/**
 * `[value, count]` pairs spelled out in order: `quota([["male", 2], ["female", 1]])` is `["male", "male", "female"]`.
 * The total is checked against `size` so a typo in a fixture fails loudly instead of moving a figure.
 */
export const quota = <A>(size: number, counts: ReadonlyArray<readonly [A, number]>): ReadonlyArray<A> => {
  const out = counts.flatMap(([value, n]) => Array.from({ length: n }, () => value))
  if (out.length !== size) throw new Error(`quota adds up to ${out.length}, not ${size}`)
  return out
}

/** Spread `size` items round-robin over `values` ("spread evenly across the other groups"). */
export const roundRobin = <A>(size: number, values: ReadonlyArray<A>): ReadonlyArray<A> =>
  Array.from({ length: size }, (_, i) => values[i % values.length]!)

/** A date `days` after `date`. */
export const plusDays = (date: string, days: number): string => CalendarDate.addDays(CalendarDate.make(date), days)

/**
 * A date of birth giving `age` whole years on `on`, the birthday a fixed `offsetDays` after `on` in the year (so the
 * child is not a day away from the next band).
 */
export const bornAged = (age: number, on: string, offsetDays = 40): string =>
  CalendarDate.addYears(CalendarDate.make(plusDays(on, offsetDays)), -(age + 1))

/** One episode of care: only the fields a figure depends on, the rest fixed and fake. */
export interface EpisodeSpec {
  readonly start: string
  readonly end?: string
  readonly rne?: Episode.Episode["reasonForNewEpisode"]
  readonly legalStatus?: Episode.Episode["legalStatus"]
  readonly needs?: Episode.Episode["categoryOfNeed"]
  readonly placement?: Episode.Episode["placement"]
  /** Why the child left care, when `end` is not followed by another episode (default E13, left care to live with parents). */
  readonly reasonCeased?: Episode.Episode["reasonCeased"] extends Option.Option<infer R> ? R : never
  /** The carer (903 PLACE_PROVIDER-level identity used by placement counting); a move changes it. */
  readonly carer?: string
}

/** One fake child and their episodes in date order; consecutive episodes are chained (X1) automatically. */
export interface ChildSpec {
  readonly id: string
  readonly dateOfBirth: string
  readonly sex?: Child.Sex
  readonly ethnicity?: Child.Child["ethnicity"]
  readonly episodes: ReadonlyArray<EpisodeSpec>
  readonly careLeaver?: {
    readonly inTouch: CareLeaverOutcome.CareLeaverOutcome["inTouch"] extends Option.Option<infer R> ? R : never
    readonly activity: CareLeaverOutcome.CareLeaverOutcome["activity"] extends Option.Option<infer R> ? R : never
    readonly accommodation: CareLeaverOutcome.CareLeaverOutcome["accommodation"] extends Option.Option<infer R>
      ? R
      : never
  }
}

const episodesOf = (spec: ChildSpec): ReadonlyArray<Episode.Episode> =>
  spec.episodes.map((e, i) => {
    const next = spec.episodes[i + 1]
    const end = e.end ?? next?.start
    const chained = next !== undefined && end === next.start
    return {
      childId: spec.id as Child.ChildId,
      start: CalendarDate.make(e.start),
      reasonForNewEpisode: e.rne ?? (i === 0 ? "S" : "P"),
      legalStatus: e.legalStatus ?? "C2",
      categoryOfNeed: e.needs ?? "N1",
      placement: e.placement ?? "U4",
      provider: Option.some("PR1"),
      end: end === undefined ? Option.none() : Option.some(CalendarDate.make(end)),
      reasonCeased: end === undefined ? Option.none() : Option.some(chained ? "X1" : (e.reasonCeased ?? "E13")),
      reasonPlaceChange: Option.none(),
      homePostcode: Option.none(),
      placementPostcode: Option.none(),
      urn: Option.some(e.carer ?? `${spec.id}-carer-${i}`)
    }
  })

/** The return holding these children: Header, Episodes, an empty UASC table and OC3 rows where given. */
export const returnOf = (year: number, specs: ReadonlyArray<ChildSpec>): Return.Return =>
  Return.make({
    year: ReportingYear.make(year),
    children: specs.map((s) => ({
      id: s.id as Child.ChildId,
      sex: s.sex ?? "female",
      dateOfBirth: CalendarDate.make(s.dateOfBirth),
      ethnicity: s.ethnicity ?? "WBRI",
      upn: Option.none(),
      mother: Option.none(),
      motherChildDateOfBirth: Option.none()
    })),
    episodes: specs.flatMap(episodesOf),
    uasc: [],
    careLeavers: specs.flatMap((s) =>
      s.careLeaver === undefined
        ? []
        : [
            {
              childId: s.id as Child.ChildId,
              dateOfBirth: CalendarDate.make(s.dateOfBirth),
              inTouch: Option.some(s.careLeaver.inTouch),
              activity: Option.some(s.careLeaver.activity),
              accommodation: Option.some(s.careLeaver.accommodation)
            }
          ]
    )
  })

/** Indicator inputs for the return, with the council's 0–17 population when a rate is quoted. */
export const inputsOf = (ret: Return.Return, population?: number): Indicator.Inputs => ({
  year: ret.year,
  histories: ChildHistory.index(ret),
  tables: new Set(["children", "episodes", "uasc", "careLeavers"]),
  population: population === undefined ? Option.none() : Option.some(population)
})

/** A figure as a council prints a percentage or rate: a whole number. */
export const printed = (value: Option.Option<number>): number | null =>
  Option.match(value, { onNone: () => null, onSome: (v) => Math.round(v) })
