/**
 * A council's scorecard for a year and audience (`GET /v1/councils/:council/indicators`), the document of
 * `indicators.md`. The domain's `Scorecard.Entry` is extended here with the optional comparison fields the contract
 * adds when targets or benchmarks exist, so they are decoded rather than dropped.
 */
import * as Scorecard from "@cpo/domain/Scorecard"
import { Schema } from "effect"
import { type Answer, decodeJson, getJson } from "./api.ts"
import { path, type Query } from "./scorecard-request.ts"

export { path, type Query }

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

/** Fetch one year's scorecard. @category constructors */
export const fetchScorecard = (q: Query): Promise<Document> => getJson(path(q), Document)

/** Decode the answer to a scorecard request started earlier (`scorecard-request.ts`). @category decoding */
export const decodeScorecard = (path: string, answer: Answer): Document => decodeJson(path, answer, Document)

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
