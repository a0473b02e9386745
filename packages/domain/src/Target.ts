/**
 * Targets, RAG and direction of travel. A council sets a target per indicator per year with a tolerance; the RAG
 * rating reads the indicator's polarity: for "higher is better" green at or above the target, amber within the
 * tolerance below it, red beyond; mirrored for "lower is better"; for a neutral figure green within the tolerance
 * either side and amber outside it (it describes, so it is never red). Direction of travel compares the value with
 * the previous year's, as published (whole numbers; a score to one decimal), so a change too small to show is stable.
 */
import { Option, Result, Schema } from "effect"
import * as CsvTable from "./CsvTable.ts"
import * as Indicator from "./Indicator.ts"

/** @category models */
export const Target = Schema.Struct({
  indicator: Indicator.IndicatorId,
  year: Schema.Int,
  value: Schema.Number,
  /** How far on the wrong side of the target is still amber, in the indicator's unit. */
  tolerance: Schema.Number.pipe(Schema.check(Schema.isGreaterThanOrEqualTo(0)))
}).annotate({ identifier: "Target" })
export type Target = typeof Target.Type

/**
 * A council's targets for the catalogue indicators, as stored (`GET`/`PUT …/indicators/targets`); the API encodes
 * with it and the dashboard decodes with it.
 * @category schemas
 */
export const IndicatorTargets = Schema.Struct({ targets: Schema.Array(Target) }).annotate({
  identifier: "IndicatorTargets"
})
export type IndicatorTargets = typeof IndicatorTargets.Type

/** @category models */
export const Rag = Schema.Literals(["green", "amber", "red"]).annotate({ identifier: "Rag" })
export type Rag = typeof Rag.Type

/** @category models */
export const Direction = Schema.Literals(["improving", "declining", "stable"]).annotate({ identifier: "Direction" })
export type Direction = typeof Direction.Type

/**
 * The RAG rating of `value` against a target.
 * @category getters
 */
export const rag = (polarity: Indicator.Polarity, value: number, target: Target): Rag => {
  switch (polarity) {
    case "higher_is_better":
      return value >= target.value ? "green" : value >= target.value - target.tolerance ? "amber" : "red"
    case "lower_is_better":
      return value <= target.value ? "green" : value <= target.value + target.tolerance ? "amber" : "red"
    case "neutral":
      return Math.abs(value - target.value) <= target.tolerance ? "green" : "amber"
  }
}

const published = (unit: Indicator.Unit, value: number): number =>
  unit === "score" ? Math.round(value * 10) / 10 : Math.round(value)

/**
 * Direction of travel from `previous` to `value`; `None` for neutral figures, which neither improve nor decline.
 * @category getters
 */
export const direction = (
  polarity: Indicator.Polarity,
  unit: Indicator.Unit,
  value: number,
  previous: number
): Option.Option<Direction> => {
  if (polarity === "neutral") return Option.none()
  const change = published(unit, value) - published(unit, previous)
  if (change === 0) return Option.some("stable")
  const better = polarity === "higher_is_better" ? change > 0 : change < 0
  return Option.some(better ? "improving" : "declining")
}

/** The target for an indicator and year, if set. @category getters */
export const find = (targets: ReadonlyArray<Target>, indicator: string, year: number): Option.Option<Target> =>
  Option.fromNullishOr(targets.find((t) => t.indicator === indicator && t.year === year))

/**
 * Targets from CSV text with columns `indicator,year,target` and optional `tolerance` (default 0). Unknown
 * indicator ids and repeated (indicator, year) pairs are errors naming the line.
 * @category decoding
 */
export const fromCsv = (
  text: string,
  file = "targets.csv"
): Result.Result<ReadonlyArray<Target>, CsvTable.CsvTableInvalid> =>
  fromCsvKeyedBy(text, file, "indicator", (id) => Option.isSome(Indicator.byId(id)))

/**
 * Targets from CSV text whose first column `column` names what each target is for — `indicator` for the catalogue, or
 * `measure` for a council's local measures (`LocalMeasure.targetsFromCsv`) — with columns `year,target` and optional
 * `tolerance` (default 0). An id `isKnown` refuses and a repeated (id, year) pair are errors naming the line.
 * @category decoding
 */
export const fromCsvKeyedBy = (
  text: string,
  file: string,
  column: string,
  isKnown: (id: string) => boolean
): Result.Result<ReadonlyArray<Target>, CsvTable.CsvTableInvalid> =>
  Result.flatMap(
    CsvTable.read(text, file, [column, "year", "target"]),
    (rows): Result.Result<ReadonlyArray<Target>, CsvTable.CsvTableInvalid> => {
      const out: Array<Target> = []
      const seen = new Set<string>()
      for (const row of rows) {
        const id = row.values[column] ?? ""
        if (!isKnown(id)) {
          return Result.fail(
            new CsvTable.CsvTableInvalid({
              file,
              line: row.line,
              column,
              problem: `unknown ${column} "${id}"`
            })
          )
        }
        const year = CsvTable.number(row, file, "year", { integer: true })
        if (Result.isFailure(year)) return Result.fail(year.failure)
        const value = CsvTable.number(row, file, "target")
        if (Result.isFailure(value)) return Result.fail(value.failure)
        const hasTolerance = (row.values.tolerance ?? "") !== ""
        const tolerance = hasTolerance ? CsvTable.number(row, file, "tolerance") : Result.succeed(0)
        if (Result.isFailure(tolerance)) return Result.fail(tolerance.failure)
        if (tolerance.success < 0) {
          return Result.fail(
            new CsvTable.CsvTableInvalid({ file, line: row.line, column: "tolerance", problem: "must not be negative" })
          )
        }
        const key = `${id}/${year.success}`
        if (seen.has(key)) {
          return Result.fail(
            new CsvTable.CsvTableInvalid({
              file,
              line: row.line,
              problem: `a second target for ${id} in ${year.success}`
            })
          )
        }
        seen.add(key)
        out.push({
          indicator: Indicator.IndicatorId.make(id),
          year: year.success,
          value: value.success,
          tolerance: tolerance.success
        })
      }
      return Result.succeed(out)
    }
  )
