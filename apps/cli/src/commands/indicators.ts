/**
 * `cpo indicators`: every indicator of the catalogue for one council and year, as `indicators.md` specifies — the
 * same document the API returns.
 */
import { Audience, ChildHistory, Indicator, ReportingYear, Scorecard } from "@cpo/domain"
import { Effect, Option, Path } from "effect"
import { Command, Flag } from "effect/cli"
import { Format, toCsv, toTable, writeStderr, writeStdout } from "../output.ts"
import { readCouncilFile, readReturn } from "../return-folder.ts"

/** The scorecard as text in the chosen format. */
export const renderScorecard = (doc: Scorecard.Scorecard, format: Format): string => {
  if (format === "json") return `${JSON.stringify(doc, null, 2)}\n`
  const columns = ["id", "title", "unit", "polarity", "value", "numerator", "denominator", "display"] as const
  const rows = doc.indicators.map((e) => columns.map((c) => e[c]))
  if (format === "csv") return toCsv(columns, rows)
  const shown = doc.indicators.map((e) => [e.id, e.title, e.display, e.numerator, e.denominator, e.reason ?? ""])
  const heading = `${doc.council} — ${ReportingYear.label(ReportingYear.make(doc.year))} — ${doc.audience}\n\n`
  return heading + toTable(["id", "title", "display", "numerator", "denominator", "note"], shown)
}

export const indicators = Command.make(
  "indicators",
  {
    input: Flag.Directory("input", { mustExist: true }).pipe(
      Flag.withDescription("folder of 903 files for the year, or of year folders as cpo synth writes")
    ),
    year: Flag.Int("year").pipe(Flag.withDescription("collection year, named by its 31 March (2018 = 2017/18)")),
    population: Flag.Int("population").pipe(
      Flag.optional,
      Flag.withDescription("ONS mid-year estimate of the council's 0–17 population, for rates per 10,000")
    ),
    audience: Flag.Literals("audience", Audience.Audience.literals).pipe(
      Flag.withDefault("officer"),
      Flag.withDescription("officer: exact; member and public: small numbers suppressed")
    ),
    format: Flag.Literals("format", Format).pipe(Flag.withDefault("table"))
  },
  (options) =>
    Effect.gen(function* () {
      const path = yield* Path.Path
      const year = ReportingYear.make(options.year)
      const councilFile = yield* readCouncilFile(options.input)
      const decoded = yield* readReturn(options.input, year)
      if (decoded.errors.length > 0) {
        yield* writeStderr(
          `${decoded.errors.length} value(s) could not be read and were left out; run cpo validate for the details`
        )
      }
      const population = Option.orElse(options.population, () =>
        Option.fromNullishOr(Option.getOrUndefined(councilFile)?.population)
      )
      const doc = Scorecard.make({
        council: Option.getOrUndefined(councilFile)?.name ?? path.basename(path.resolve(options.input)),
        audience: options.audience,
        inputs: {
          year,
          histories: ChildHistory.index(decoded.return),
          tables: decoded.tables,
          population
        } satisfies Indicator.Inputs
      })
      yield* writeStdout(renderScorecard(doc, options.format))
    })
).pipe(Command.withDescription("Compute every indicator of the catalogue for a year"))
