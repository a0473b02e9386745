/**
 * A council's scorecard for a year and audience (`GET /v1/councils/:council/indicators`), the document of
 * `indicators.md`, decoded with the domain's `Scorecard.Scorecard` that the API encodes with (each entry's target,
 * RAG, previous value, direction and benchmarks are there when the council has them).
 */
import type * as Benchmark from "@cpo/domain/Benchmark"
import * as Scorecard from "@cpo/domain/Scorecard"
import type * as Target from "@cpo/domain/Target"
import { type Answer, decodeJson, getJson } from "./api.ts"
import { path, type Query } from "./scorecard-request.ts"

export { path, type Query }

/** @category models */
export type Rag = Target.Rag

/** @category models */
export type Direction = Target.Direction

/** Comparators for one indicator; each may be missing. @category models */
export type Benchmarks = Benchmark.Values

/** @category models */
export type Entry = Scorecard.Entry

/** @category models */
export type Document = Scorecard.Scorecard

/** Fetch one year's scorecard. @category constructors */
export const fetchScorecard = (q: Query): Promise<Document> => getJson(path(q), Scorecard.Scorecard)

/** Decode the answer to a scorecard request started earlier (`scorecard-request.ts`). @category decoding */
export const decodeScorecard = (path: string, answer: Answer): Document => decodeJson(path, answer, Scorecard.Scorecard)

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
