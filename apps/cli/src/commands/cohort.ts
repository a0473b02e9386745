/**
 * `cpo cohort`: a cohort of children for a year profiled by `--by` dimensions, as `indicators.md` specifies ("JSON:
 * cpo cohort") — the document `Cohort.document` builds, which the API returns too. Officers may `--list` the
 * care-leaver cohort one young person per row.
 */
import { Audience, ChildHistory, Cohort, ReportingYear } from "@cpo/domain"
import { Effect, Option, Result } from "effect"
import { Command, Flag } from "effect/cli"
import { UnusableInput } from "../errors.ts"
import { commaSeparated, decodeDate } from "../flags.ts"
import { Format, toCsv, toJson, toTable, writeStdout } from "../output.ts"
import { inputFlag, noteUnreadValues, readReturn, yearFlag } from "../return-folder.ts"

/** The cohort document as text in the chosen format. */
export const renderCohort = (doc: Cohort.Document, format: Format): string => {
  if (format === "json") return toJson(doc)
  if (doc.list !== undefined) {
    const columns = ["child", "status", "age", "days14"] as const
    const rows = doc.list.map((r) => columns.map((c) => r[c]))
    return format === "csv" ? toCsv(columns, rows) : toTable(columns, rows)
  }
  const columns = [...doc.by, "count", "pct"]
  const rows = doc.groups.map((g) => [...doc.by.map((d) => g.key[d]), g.count, g.pct])
  if (format === "csv") return toCsv(columns, rows)
  const date = doc.on === undefined ? "" : ` on ${doc.on}`
  const heading = `${doc.cohort}${date} — ${ReportingYear.label(ReportingYear.make(doc.year))} — ${doc.audience} — total ${doc.total}\n\n`
  return heading + toTable(columns, rows)
}

export const cohort = Command.make(
  "cohort",
  {
    input: inputFlag,
    year: yearFlag,
    cohort: Flag.Literals("cohort", Cohort.CohortName.literals).pipe(
      Flag.withDefault("cla_31_march"),
      Flag.withDescription("cla_31_march, started, ceased, during_year or care_leavers")
    ),
    on: Flag.String("on").pipe(
      Flag.optional,
      Flag.withDescription("date (YYYY-MM-DD) for cla_31_march and care_leavers; default 31 March of --year")
    ),
    by: Flag.String("by").pipe(
      Flag.withDefault(""),
      Flag.withDescription(
        "dimensions, comma-separated: age_band, sex, ethnicity, ethnic_group, legal_status, category_of_need, placement, placement_group, uasc; care_leaver_status and age for care_leavers"
      )
    ),
    audience: Flag.Literals("audience", Audience.Audience.literals).pipe(
      Flag.withDefault("officer"),
      Flag.withDescription("officer: exact; member and public: counts of 1–5 suppressed as c")
    ),
    list: Flag.Boolean("list").pipe(
      Flag.withDefault(false),
      Flag.withDescription("officers only: one row per young person of the care_leavers cohort")
    ),
    format: Flag.Literals("format", Format).pipe(Flag.withDefault("table"))
  },
  (options) =>
    Effect.gen(function* () {
      const year = ReportingYear.make(options.year)
      const on = Option.isSome(options.on) ? Option.some(yield* decodeDate(options.on.value, "--on")) : Option.none()
      if (options.list && options.cohort !== "care_leavers") {
        return yield* new UnusableInput({ message: "--list is for --cohort care_leavers" })
      }
      const decoded = yield* readReturn(options.input, year)
      yield* noteUnreadValues(decoded)
      const doc = Cohort.document({
        histories: ChildHistory.index(decoded.return),
        year,
        cohort: options.cohort,
        // An empty --by profiles nothing (just the total).
        by: commaSeparated(options.by),
        audience: options.audience,
        list: options.list,
        ...(Option.isSome(on) ? { on: on.value } : {})
      })
      if (Result.isFailure(doc)) return yield* new UnusableInput({ message: doc.failure.message })
      yield* writeStdout(renderCohort(doc.success, options.format))
    })
).pipe(Command.withDescription("Profile a cohort of children for a year by age band, sex, placement and more"))
