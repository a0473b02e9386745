/**
 * A council's scorecard for a year and audience (`GET /v1/councils/:council/indicators`), the document of
 * `indicators.md`. The domain's `Scorecard.Entry` is extended here with the optional comparison fields the contract
 * adds when targets or benchmarks exist, so they are decoded rather than dropped.
 */
import type * as Audience from "@cpo/domain/Audience"
import * as Scorecard from "@cpo/domain/Scorecard"
import { Schema } from "effect"
import { getJson } from "./api.ts"

/** @category models */
export const Rag = Schema.Literals(["green", "amber", "red"])
export type Rag = typeof Rag.Type

/** @category models */
export const Direction = Schema.Literals(["improving", "declining", "stable"])
export type Direction = typeof Direction.Type

/** Comparators for one indicator; each may be missing. @category models */
export const Benchmarks = Schema.Struct({
  england: Schema.optionalKey(Schema.NullOr(Schema.Number)),
  region: Schema.optionalKey(Schema.NullOr(Schema.Number)),
  statistical_neighbours: Schema.optionalKey(Schema.NullOr(Schema.Number))
})
export type Benchmarks = typeof Benchmarks.Type

/** @category models */
export const Entry = Schema.Struct({
  ...Scorecard.Entry.fields,
  target: Schema.optionalKey(Schema.NullOr(Schema.Number)),
  rag: Schema.optionalKey(Schema.NullOr(Rag)),
  previous: Schema.optionalKey(Schema.NullOr(Schema.Number)),
  direction: Schema.optionalKey(Schema.NullOr(Direction)),
  benchmarks: Schema.optionalKey(Benchmarks)
})
export type Entry = typeof Entry.Type

/** @category models */
export const Document = Schema.Struct({ ...Scorecard.Scorecard.fields, indicators: Schema.Array(Entry) })
export type Document = typeof Document.Type

/** @category models */
export interface Query {
  readonly council: string
  readonly year: number
  readonly audience: Audience.Audience
}

/** @category constructors */
export const path = (q: Query): string =>
  `/v1/councils/${encodeURIComponent(q.council)}/indicators?year=${q.year}&audience=${q.audience}`

/** Fetch one year's scorecard. @category constructors */
export const fetchScorecard = (q: Query): Promise<Document> => getJson(path(q), Document)

/**
 * The scorecards of several years (for trends), oldest first; a year that fails is left out rather than failing the
 * page, because the chosen year is fetched and reported on its own.
 * @category constructors
 */
export const fetchTrend = async (
  q: Omit<Query, "year">,
  years: ReadonlyArray<number>
): Promise<ReadonlyArray<Document>> => {
  const settled = await Promise.allSettled(
    [...years].sort((a, b) => a - b).map((year) => fetchScorecard({ ...q, year }))
  )
  return settled.flatMap((s) => (s.status === "fulfilled" ? [s.value] : []))
}
