/**
 * `cpo indicators`: every indicator of the catalogue for one council and year, as `indicators.md` specifies — the
 * same document the API returns.
 */
import { Audience, Benchmark, ChildHistory, type Indicator, ReportingYear, Scorecard, Target } from "@cpo/domain"
import { Effect, Option, Path } from "effect"
import { Command, Flag } from "effect/cli"
import { readParsed } from "../input-file.ts"
import { Format, toCsv, toJson, toTable, writeStdout } from "../output.ts"
import {
  inputFlag,
  laFlag,
  noteUnreadValues,
  postcodesFlag,
  readArea,
  readCouncilFile,
  readReturn,
  yearFlag,
  yearFolder
} from "../return-folder.ts"

const comparisonColumns = ["target", "rag", "previous", "direction"] as const

/** The scorecard as text in the chosen format. */
export const renderScorecard = (doc: Scorecard.Scorecard, format: Format): string => {
  if (format === "json") return toJson(doc)
  const columns = ["id", "title", "unit", "polarity", "value", "numerator", "denominator", "display"] as const
  const compared = doc.indicators.some((e) => comparisonColumns.some((c) => e[c] !== undefined))
  const extra = compared ? comparisonColumns : []
  const rows = doc.indicators.map((e) => [...columns.map((c) => e[c]), ...extra.map((c) => e[c])])
  if (format === "csv") return toCsv([...columns, ...extra], rows)
  const england = (e: Scorecard.Entry) => e.benchmarks?.england
  const rounded = (e: Scorecard.Entry, v: number | null | undefined) =>
    v === null || v === undefined ? v : e.unit === "score" ? v.toFixed(1) : Math.round(v)
  const shown = doc.indicators.map((e) => [
    e.id,
    e.title,
    e.display,
    e.numerator,
    e.denominator,
    ...(compared ? [e.target, e.rag, rounded(e, e.previous), e.direction, england(e)] : []),
    e.reason ?? ""
  ])
  const heading = `${doc.council} — ${ReportingYear.label(ReportingYear.make(doc.year))} — ${doc.audience}\n\n`
  const head = ["id", "title", "display", "numerator", "denominator"]
  return heading + toTable([...head, ...(compared ? [...comparisonColumns, "england"] : []), "note"], shown)
}

export const indicators = Command.make(
  "indicators",
  {
    input: inputFlag,
    year: yearFlag,
    population: Flag.Int("population").pipe(
      Flag.optional,
      Flag.withDescription("ONS mid-year estimate of the council's 0–17 population, for rates per 10,000")
    ),
    audience: Flag.Literals("audience", Audience.Audience.literals).pipe(
      Flag.withDefault("officer"),
      Flag.withDescription("officer: exact; member and public: small numbers suppressed")
    ),
    targets: Flag.File("targets").pipe(
      Flag.optional,
      Flag.withDescription("CSV of targets: indicator,year,target[,tolerance] — adds target and RAG")
    ),
    benchmarks: Flag.File("benchmarks").pipe(
      Flag.optional,
      Flag.withDescription(
        "CSV of benchmarks: indicator,year,comparator,value[,group,version,status] — added to the England defaults"
      )
    ),
    postcodes: postcodesFlag,
    la: laFlag,
    format: Flag.Literals("format", Format).pipe(Flag.withDefault("table"))
  },
  (options) =>
    Effect.gen(function* () {
      const path = yield* Path.Path
      const year = ReportingYear.make(options.year)
      const councilFile = yield* readCouncilFile(options.input)
      const decoded = yield* readReturn(options.input, year)
      yield* noteUnreadValues(decoded)
      const population = Option.orElse(options.population, () =>
        Option.fromNullishOr(Option.getOrUndefined(councilFile)?.population)
      )
      const targets = Option.isSome(options.targets)
        ? yield* readParsed(options.targets.value, Target.fromCsv)
        : undefined
      const benchmarks = Option.isSome(options.benchmarks)
        ? [...Benchmark.englandDefaults, ...(yield* readParsed(options.benchmarks.value, Benchmark.fromCsv))]
        : undefined
      // Last year's own return, when the input holds one, gives the previous value and direction of travel.
      const previousYear = ReportingYear.previous(year)
      const hasPrevious =
        (targets !== undefined || benchmarks !== undefined) &&
        (yield* yearFolder(options.input, previousYear)) !== options.input
      const previous = hasPrevious ? yield* readReturn(options.input, previousYear) : undefined
      const area = Option.getOrUndefined(yield* readArea(options.postcodes, options.la))
      const doc = Scorecard.make({
        council: Option.getOrUndefined(councilFile)?.name ?? path.basename(path.resolve(options.input)),
        audience: options.audience,
        inputs: {
          year,
          histories: ChildHistory.index(decoded.return),
          tables: decoded.tables,
          population,
          ...(area === undefined ? {} : { area })
        } satisfies Indicator.Inputs,
        ...(targets === undefined ? {} : { targets }),
        ...(benchmarks === undefined ? {} : { benchmarks }),
        ...(previous === undefined
          ? {}
          : {
              previous: {
                year: previousYear,
                histories: ChildHistory.index(previous.return),
                tables: previous.tables,
                population,
                ...(area === undefined ? {} : { area })
              }
            })
      })
      yield* writeStdout(renderScorecard(doc, options.format))
    })
).pipe(Command.withDescription("Compute every indicator of the catalogue for a year"))
