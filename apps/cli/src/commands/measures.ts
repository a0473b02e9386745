/**
 * `cpo measures`: a council's local measures beyond the 903 — `templates` lists the ready-made definitions,
 * `define` switches one on (or defines one from a JSON file), `import` records figures from CSV, `targets` sets
 * targets from CSV, `survey` imports Bright Spots results as measures with their national comparison, `list` shows
 * each measure as the scorecard publishes it for an audience (latest period, year to date, rolling twelve months,
 * target, RAG, direction), `values` prints the figures recorded, and `sample` stores a synthetic set (measures,
 * pledges and feedback themes) for demos.
 */
import { AuditLog, CalendarDate, LocalMeasure, MeasureValue, Pledge, ReportingYear, Voice } from "@cpo/domain"
import { LocalMeasures } from "@cpo/synth"
import { Effect, Option, Schema } from "effect"
import { Command, Flag } from "effect/cli"
import { CommandFailed, UnusableInput } from "../errors.ts"
import { councilFlag, decodeCouncil, existingCouncil, listOf } from "../flags.ts"
import { orUnusable, readText } from "../input-file.ts"
import { Format, toJson, writeRows, writeStderr, writeStdout } from "../output.ts"
import { operator, withStore } from "./db.ts"

const templates = Command.make(
  "templates",
  { format: Flag.Literals("format", Format).pipe(Flag.withDefault("table")) },
  (o) =>
    writeRows(
      o.format,
      ["id", "title", "unit", "polarity", "frequency", "owner"],
      LocalMeasure.templates.map((t) => [t.id, t.title, t.unit, t.polarity, t.frequency, t.owner])
    )
).pipe(Command.withDescription("List the ready-made local measures a council can switch on"))

const define = Command.make(
  "define",
  {
    council: councilFlag,
    template: Flag.String("template").pipe(Flag.optional, Flag.withDescription("a ready-made measure's id")),
    file: Flag.File("file", { mustExist: true }).pipe(
      Flag.optional,
      Flag.withDescription("a JSON definition (id, title, description, unit, polarity, frequency, source, owner)")
    ),
    priority: Flag.String("priority").pipe(
      Flag.optional,
      Flag.withDescription("comma-separated ids of the priorities it shows progress on")
    )
  },
  (options) =>
    withStore(
      Effect.gen(function* () {
        const council = yield* existingCouncil(options.council)
        const priorities = listOf(options.priority)
        let candidate: unknown
        if (Option.isSome(options.template)) {
          const t = LocalMeasure.templateById(options.template.value)
          if (Option.isNone(t)) {
            return yield* new UnusableInput({
              message: `no ready-made measure ${options.template.value}: see cpo measures templates`
            })
          }
          candidate = { ...t.value, council, priorities, template: t.value.id }
        } else if (Option.isSome(options.file)) {
          const file = options.file.value
          const text = yield* readText(file)
          const json = yield* Effect.try({
            try: () => JSON.parse(text) as Record<string, unknown>,
            catch: () => new UnusableInput({ message: `${file} is not JSON` })
          })
          candidate = { priorities, template: null, ...json, council }
        } else {
          return yield* new UnusableInput({ message: "give --template or --file" })
        }
        const definition = yield* Schema.decodeUnknownEffect(LocalMeasure.Definition)(candidate).pipe(
          Effect.mapError((e) => new UnusableInput({ message: `the measure is not valid: ${e.message}` }))
        )
        yield* (yield* LocalMeasure.LocalMeasures)
          .define(definition)
          .pipe(Effect.mapError((e) => new UnusableInput({ message: e.message })))
        yield* writeStderr(`defined ${definition.id} for ${council}`)
      })
    ).pipe(AuditLog.withCaller(operator("local measures")))
).pipe(Command.withDescription("Define a local measure from a ready-made template or a JSON file"))

const importCommand = Command.make(
  "import",
  {
    council: councilFlag,
    file: Flag.File("file", { mustExist: true }).pipe(
      Flag.withDescription(`CSV with the columns ${MeasureValue.csvColumns.join(",")} (blank cells are absent)`)
    )
  },
  (options) =>
    withStore(
      Effect.gen(function* () {
        const council = yield* decodeCouncil(options.council)
        const measures = yield* LocalMeasure.LocalMeasures
        const definitions = yield* measures.definitions(council)
        const values = yield* orUnusable(MeasureValue.fromCsv(yield* readText(options.file), definitions, options.file))
        const n = yield* measures
          .recordValues(council, values)
          .pipe(Effect.mapError((e) => new UnusableInput({ message: e.message })))
        yield* writeStderr(`recorded ${n} figures for ${council}`)
      })
    ).pipe(AuditLog.withCaller(operator("local measures import")))
).pipe(Command.withDescription("Record local measures' figures from CSV; a period already held is replaced"))

const targets = Command.make(
  "targets",
  {
    council: councilFlag,
    file: Flag.File("file", { mustExist: true }).pipe(
      Flag.withDescription("CSV with the columns measure,year,target[,tolerance]")
    )
  },
  (options) =>
    withStore(
      Effect.gen(function* () {
        const council = yield* decodeCouncil(options.council)
        const measures = yield* LocalMeasure.LocalMeasures
        const parsed = yield* orUnusable(
          LocalMeasure.targetsFromCsv(yield* readText(options.file), yield* measures.definitions(council), options.file)
        )
        yield* measures
          .setTargets(council, parsed)
          .pipe(Effect.mapError((e) => new UnusableInput({ message: e.message })))
        yield* writeStderr(`set ${parsed.length} targets for ${council}`)
      })
    ).pipe(AuditLog.withCaller(operator("local measures targets")))
).pipe(Command.withDescription("Set local measures' targets (and RAG tolerance) from CSV"))

const survey = Command.make(
  "survey",
  {
    council: councilFlag,
    file: Flag.File("file", { mustExist: true }).pipe(
      Flag.withDescription("Bright Spots CSV: survey,question,title,year,respondents,positive[,national][,polarity]")
    )
  },
  (options) =>
    withStore(
      Effect.gen(function* () {
        const council = yield* existingCouncil(options.council)
        const parsed = yield* orUnusable(Voice.surveyFromCsv(yield* readText(options.file), council, options.file))
        const measures = yield* LocalMeasure.LocalMeasures
        for (const m of parsed.measures) {
          yield* measures.define(m).pipe(Effect.mapError((e) => new UnusableInput({ message: e.message })))
        }
        yield* measures.recordValues(council, parsed.values).pipe(Effect.orDie)
        yield* measures.setBenchmarks(council, parsed.benchmarks).pipe(Effect.orDie)
        yield* writeStderr(
          `imported ${parsed.measures.length} survey questions, ${parsed.values.length} results and ${parsed.benchmarks.length} national comparisons for ${council}`
        )
      })
    ).pipe(AuditLog.withCaller(operator("survey import")))
).pipe(Command.withDescription("Import Bright Spots survey results as local measures with the national comparison"))

const listColumns = [
  "id",
  "title",
  "frequency",
  "latest_period",
  "latest",
  "year_to_date",
  "rolling_12_months",
  "previous",
  "target",
  "rag",
  "direction"
] as const

const list = Command.make(
  "list",
  {
    council: councilFlag,
    year: Flag.Int("year").pipe(Flag.withDescription("the reporting year, named by its 31 March")),
    asOf: Flag.String("as-of").pipe(Flag.optional, Flag.withDescription("take the year to date on this date")),
    audience: Flag.Literals("audience", ["officer", "member", "public"] as const).pipe(Flag.withDefault("officer")),
    format: Flag.Literals("format", Format).pipe(Flag.withDefault("table"))
  },
  (options) =>
    withStore(
      Effect.gen(function* () {
        const council = yield* decodeCouncil(options.council)
        const measures = yield* LocalMeasure.LocalMeasures
        const asOf = Option.isSome(options.asOf)
          ? Option.getOrUndefined(CalendarDate.fromIso(options.asOf.value))
          : undefined
        if (Option.isSome(options.asOf) && asOf === undefined) {
          return yield* new UnusableInput({ message: "--as-of must be a date as YYYY-MM-DD" })
        }
        const entries = MeasureValue.entries(yield* measures.definitions(council), yield* measures.values(council), {
          audience: options.audience,
          year: ReportingYear.make(options.year),
          targets: yield* measures.targets(council),
          benchmarks: yield* measures.benchmarks(council),
          ...(asOf === undefined ? {} : { asOf })
        })
        if (options.format === "json") return yield* writeStdout(toJson(entries))
        yield* writeRows(
          options.format,
          listColumns,
          entries.map((e) => [
            e.id,
            e.title,
            e.frequency,
            e.latest?.period ?? "",
            e.latest?.display ?? "x",
            e.display,
            e.rolling12Months?.display ?? "x",
            e.previous ?? "",
            e.target ?? "",
            e.rag ?? "",
            e.direction ?? ""
          ])
        )
      })
    ).pipe(AuditLog.withCaller(operator("local measures")))
).pipe(Command.withDescription("The council's local measures as the scorecard publishes them for an audience"))

const values = Command.make(
  "values",
  {
    council: councilFlag,
    measure: Flag.String("measure").pipe(Flag.optional, Flag.withDescription("one measure's id; all when absent")),
    format: Flag.Literals("format", Format).pipe(Flag.withDefault("csv"))
  },
  (options) =>
    withStore(
      Effect.gen(function* () {
        const council = yield* decodeCouncil(options.council)
        const all = yield* (yield* LocalMeasure.LocalMeasures).values(council)
        const chosen = Option.match(options.measure, {
          onNone: () => all,
          onSome: (m) => all.filter((v) => v.measure === m)
        })
        if (Option.isSome(options.measure) && chosen.length === 0) {
          return yield* new CommandFailed({ message: `no figures recorded for ${options.measure.value}` })
        }
        if (options.format === "csv") return yield* writeStdout(MeasureValue.toCsv(chosen))
        yield* writeRows(
          options.format,
          MeasureValue.csvColumns,
          chosen.map((v) => [v.measure, v.period, v.numerator, v.denominator, v.value])
        )
      })
    ).pipe(AuditLog.withCaller(operator("local measures")))
).pipe(Command.withDescription("The figures recorded for the council's local measures (CSV by default)"))

const sample = Command.make(
  "sample",
  {
    council: councilFlag,
    year: Flag.Int("year").pipe(Flag.withDescription("the later of the two reporting years generated")),
    children: Flag.Int("children").pipe(Flag.withDefault(300), Flag.withDescription("size of the council")),
    seed: Flag.Int("seed").pipe(Flag.withDefault(1))
  },
  (options) =>
    withStore(
      Effect.gen(function* () {
        const council = yield* existingCouncil(options.council)
        const data = LocalMeasures.generate({
          seed: options.seed,
          council,
          year: options.year,
          children: options.children
        })
        const measures = yield* LocalMeasure.LocalMeasures
        for (const m of data.measures) yield* measures.define(m).pipe(Effect.orDie)
        yield* measures.recordValues(council, data.values).pipe(Effect.orDie)
        yield* measures.setTargets(council, data.targets).pipe(Effect.orDie)
        yield* measures.setBenchmarks(council, data.benchmarks).pipe(Effect.orDie)
        const pledges = yield* Pledge.Pledges
        for (const p of data.pledges) yield* pledges.save(p)
        const themes = yield* Voice.Themes
        for (const t of data.voice) yield* themes.record(t)
        yield* writeStderr(
          `stored ${data.measures.length} synthetic measures (${data.values.length} figures), ${data.pledges.length} pledges and ${data.voice.length} feedback themes for ${council}`
        )
      })
    ).pipe(AuditLog.withCaller(operator("synthetic local measures")))
).pipe(Command.withDescription("Store synthetic local measures, pledges and feedback themes for a demo council"))

export const measuresCommand = Command.make("measures").pipe(
  Command.withDescription("Local measures beyond the 903: definitions, figures, targets and surveys"),
  Command.withSubcommands([templates, define, importCommand, targets, survey, list, values, sample])
)
