/**
 * What the rule modules for DfE codes 500–699 and 1000–1014 share: the year's bounds, hits on rows, the first and last
 * episodes, and last year's record of a child. Not rules themselves.
 */
import { type CalendarDate, type Episode, Placement, type PlacementType } from "@cpo/domain"
import { Option } from "effect"
import { type ChildRecords, type Context, lastYearOf, noRecordCheck, perChildFact, type Rule } from "../Rule.ts"
import type { Row } from "../Ssda903.ts"
import type * as Table from "../Table.ts"

/** 31 March ending the collection year. @category getters */
export const ye = (ctx: Context) => ctx.yearEnd
/** 1 April starting the collection year. @category getters */
export const ys = (ctx: Context) => ctx.yearStart

export { episodesWhere, rowsWhere } from "../Rule.ts"

/** A rule active from 2016/17 (every registry year) unless `years` says otherwise. @category constructors */
export const define = (
  code: string,
  message: string,
  tables: ReadonlyArray<Table.Name>,
  fields: ReadonlyArray<string>,
  check: Rule["check"],
  more: Partial<Omit<Rule, "code" | "message" | "tables" | "fields" | "check">> = {}
): Rule => ({ code, message, tables, fields, years: { from: 2016 }, check, ...more })

/** Whether an optional value was given. @category predicates */
export const isSet = <A>(o: Option.Option<A>): boolean => Option.isSome(o)
/** An optional value, or `undefined`. @category getters */
export const orUndefined = Option.getOrUndefined

/** An episode that ceased care (ended with a reason other than X1). @category predicates */
export const hasLeftCare = (e: Episode.Episode): boolean =>
  Option.isSome(e.end) && Option.isSome(e.reasonCeased) && e.reasonCeased.value !== "X1"

/** An episode that ended in adoption (E11, E12). @category predicates */
export const isAdoptedEnding = (e: Episode.Episode): boolean => {
  const rec = orUndefined(e.reasonCeased)
  return rec === "E11" || rec === "E12"
}

/** Placed for adoption: A3–A6. @category models */
export const placedForAdoptionTypes: ReadonlySet<PlacementType.PlacementType> = new Set(["A3", "A4", "A5", "A6"])
/** An episode placed for adoption (A3–A6). @category predicates */
export const isPlacedForAdoption = (e: Episode.Episode): boolean => placedForAdoptionTypes.has(e.placement)

/** The row with the least or greatest key (the first met on ties). @category getters */
export const firstBy = <A>(
  rows: ReadonlyArray<Row<A>>,
  key: (a: A) => string,
  pick: "min" | "max"
): Row<A> | undefined => {
  let best: Row<A> | undefined
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i]!
    if (best === undefined) best = r
    else if (pick === "min" ? key(r.value) < key(best.value) : key(r.value) > key(best.value)) best = r
  }
  return best
}

/** A row's start date, as `firstBy` keys rows (made once, not a closure per call). @category getters */
export const startOf = (a: { readonly start: CalendarDate.CalendarDate }): string => a.start

/** The child's episode with the earliest start (the first of the return). @category getters */
export const firstEpisode = (c: ChildRecords) => firstBy(c.episodes, startOf, "min")

/**
 * The first episode of the year: the earliest that had not ended before 1 April. Our returns carry each child's
 * history back to the start of the period of care (ssda903.md §1), so episodes that ended before the year are skipped;
 * in a return holding only the year's episodes this is simply the first episode.
 * @category getters
 */
export const firstEpisodeOfYear = perChildFact((c: ChildRecords, ctx: Context): Row<Episode.Episode> | undefined => {
  const from = ys(ctx)
  let first: Row<Episode.Episode> | undefined
  for (let i = 0; i < c.episodes.length; i++) {
    const r = c.episodes[i]!
    if (Option.isSome(r.value.end) && r.value.end.value < from) continue
    if (first === undefined || r.value.start < first.value.start) first = r
  }
  return first
})

/** Last year's record of the child, when last year's return was supplied. @category getters */
export const lastYear = (c: ChildRecords, ctx: Context): ChildRecords | undefined => lastYearOf(c, ctx)

/** The child's OC3 rows with at least one item completed. @category getters */
export const careLeaverCompleted = perChildFact((c: ChildRecords) =>
  c.careLeavers.filter((r) => isSet(r.value.inTouch) || isSet(r.value.activity) || isSet(r.value.accommodation))
)

/** The child's date of birth from the header. @category getters */
export const dobOf = (c: ChildRecords): CalendarDate.CalendarDate | undefined => c.header[0]?.value.dateOfBirth

/** A rule whose failures are the codec's read errors on one column. @category constructors */
export const readErrorRule = (code: string, table: Table.Name, column: string, message: string): Rule =>
  define(code, message, [table], [column], noRecordCheck, { readErrors: [{ table, column }] })

/**
 * The placement distance of `now` differs from that of `then` (an episode carried over from last year): a distance
 * appears where there was none, or moves by 0.2 miles or more. Distances are rounded to 0.1 mile, so the difference
 * is compared with a hair's allowance: 0.3 − 0.1 is 0.19999999999999998 in floating point.
 * @category predicates
 */
export const placementDistanceMoved = (
  now: Episode.Episode,
  then: Episode.Episode,
  area: Placement.AreaContext
): boolean => {
  const a = orUndefined(Placement.distanceMiles(now, area.directory))
  const b = orUndefined(Placement.distanceMiles(then, area.directory))
  if (a === undefined) return false
  return b === undefined || Math.abs(a - b) >= 0.2 - 1e-9
}

/** The local authority of the placement postcode, when a directory was supplied and holds it. @category getters */
export const placementLa = (e: Episode.Episode, area: Placement.AreaContext): string | undefined =>
  orUndefined(Placement.placementLocalAuthority(e, area.directory))
