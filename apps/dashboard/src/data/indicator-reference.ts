/**
 * A council's targets and benchmarks for the scorecard's indicators: sent as the council's CSV files
 * (`PUT …/indicators/targets`, `…/indicators/benchmarks`), read by the API with the domain's own parsers, so a bad
 * file comes back as the file, line and column to fix and nothing is stored.
 */
import * as Benchmark from "@cpo/domain/Benchmark"
import * as Target from "@cpo/domain/Target"
import { putCsv } from "./api.ts"

/** Which of the council's reference lists a file replaces. @category models */
export type ReferenceList = "targets" | "benchmarks"

/** What each list holds and the columns its file needs, as the page explains them. @category models */
export const referenceLists: ReadonlyArray<{
  readonly list: ReferenceList
  readonly label: string
  readonly columns: string
}> = [
  { list: "targets", label: "Targets", columns: "indicator, year, target and optionally tolerance" },
  {
    list: "benchmarks",
    label: "Benchmarks",
    columns: "indicator, year, comparator, value and optionally group, version, status and source"
  }
]

/**
 * Replace the council's `list` with the CSV `text`; answers how many entries are now stored.
 * @category constructors
 */
export const replaceReferenceList = async (council: string, list: ReferenceList, text: string): Promise<number> => {
  const path = `/v1/councils/${encodeURIComponent(council)}/indicators/${list}`
  return list === "targets"
    ? (await putCsv(path, text, Target.IndicatorTargets)).targets.length
    : (await putCsv(path, text, Benchmark.IndicatorBenchmarks)).benchmarks.length
}
