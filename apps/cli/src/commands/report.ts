/**
 * `cpo report`: the corporate parenting report to members, the public or officers, as HTML, Markdown or PDF. Its
 * figures are the scorecards `cpo indicators` computes (`Scorecard.make` over `ChildHistory.index(return)`) for the
 * year and the two before it, so the report and the scorecard always agree; its priorities, progress and governance
 * come from a plan file (`--plan`) or from the store (`--council`). PDF is printed from the HTML by headless Chromium.
 */
import * as ChildProcess from "node:child_process"
import * as Fs from "node:fs"
import * as Os from "node:os"
import * as NodePath from "node:path"
import {
  type Audience,
  AuditLog,
  Benchmark,
  ChildHistory,
  Council,
  type Indicator,
  LocalReport,
  MemberReport,
  MemberReportHtml,
  MemberReportMarkdown,
  ReportingYear,
  Scorecard,
  StoredReport,
  Target
} from "@cpo/domain"
import { Effect, FileSystem, Option, Result, Schema } from "effect"
import { Command, Flag } from "effect/cli"
import { CommandFailed, UnusableInput } from "../errors.ts"
import { readParsed } from "../input-file.ts"
import { writeStderr, writeStdout } from "../output.ts"
import * as PlanFile from "../plan-file.ts"
import { readCouncilFile, readReturn, yearFlag, yearFolder } from "../return-folder.ts"
import { operator, withStore } from "./db.ts"

export const ReportFormat = ["html", "md", "pdf"] as const
export type ReportFormat = (typeof ReportFormat)[number]

/** The flags Chromium needs to print without a profile, network or first-run noise (stack.md §7). */
export const chromiumArgs = (profile: string, pdf: string, html: string): ReadonlyArray<string> => [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  `--user-data-dir=${profile}`,
  "--no-pdf-header-footer",
  `--print-to-pdf=${pdf}`,
  `file://${html}`
]

/**
 * Print HTML to a PDF file with headless Chromium; a clear failure when Chromium is absent or fails.
 */
export const printPdf = (html: string, out: string, chromium: string) =>
  Effect.gen(function* () {
    if (!Fs.existsSync(chromium)) {
      return yield* new CommandFailed({
        message: `cannot make a PDF: Chromium not found at ${chromium} (install it with apt-get install chromium, or pass --chromium <path>); --format html gives the same report`
      })
    }
    const work = yield* Effect.sync(() => Fs.mkdtempSync(NodePath.join(Os.tmpdir(), "cpo-report-")))
    const page = NodePath.join(work, "report.html")
    const profile = NodePath.join(work, "profile")
    const result = yield* Effect.sync(() => {
      Fs.writeFileSync(page, html)
      return ChildProcess.spawnSync(chromium, chromiumArgs(profile, NodePath.resolve(out), page), {
        encoding: "utf8",
        timeout: 120_000
      })
    }).pipe(Effect.ensuring(Effect.sync(() => Fs.rmSync(work, { recursive: true, force: true }))))
    if (result.status !== 0 || !Fs.existsSync(out)) {
      return yield* new CommandFailed({
        message: `Chromium could not print the PDF (exit ${result.status ?? result.signal}): ${(result.stderr ?? "").trim().split("\n").slice(-3).join(" ")}`
      })
    }
  })

const readPlanFile = (file: string) =>
  Effect.gen(function* () {
    const fs = yield* FileSystem.FileSystem
    const text = yield* fs
      .readFileString(file)
      .pipe(Effect.mapError(() => new UnusableInput({ message: `cannot read the plan file ${file}` })))
    return yield* PlanFile.fromJson(text, file).pipe(Effect.mapError((e) => new UnusableInput({ message: e.message })))
  })

/** Build the report model from scorecards and the plan; a clear failure when it cannot be built. */
export const buildReport = (options: {
  readonly council: string
  readonly year: ReportingYear.ReportingYear
  readonly audience: Audience.Audience
  readonly scorecards: ReadonlyArray<Scorecard.Scorecard>
  readonly profiles: ReadonlyArray<MemberReport.Profile>
  readonly plan: Option.Option<PlanFile.PlanFile>
  /** The council's local measures, pledges and themes, when it is a stored council. */
  readonly local?: Option.Option<LocalReport.Inputs>
}) =>
  Result.match(
    MemberReport.make({
      council: options.council,
      year: options.year,
      audience: options.audience,
      scorecards: Option.match(options.local ?? Option.none(), {
        onNone: () => options.scorecards,
        onSome: (local) => options.scorecards.map(local.withLocalMeasures)
      }),
      ...Option.match(options.local ?? Option.none(), {
        onNone: () => ({}),
        onSome: (local) => ({ measures: local.measures, pledges: local.pledges, voice: local.voice })
      }),
      profiles: options.profiles,
      strategy: Option.map(options.plan, (p) => p.strategy),
      updates: Option.match(options.plan, { onNone: () => [], onSome: (p) => p.updates }),
      youSaidWeDid: Option.match(options.plan, { onNone: () => [], onSome: (p) => p.youSaidWeDid }),
      boards: Option.match(options.plan, { onNone: () => [], onSome: (p) => p.boards })
    }),
    {
      onFailure: (problem) =>
        Effect.fail(new CommandFailed({ message: `cannot build the report: ${problem.message}` })),
      onSuccess: Effect.succeed
    }
  )

/** The scorecards for the year and up to two years before it, from a folder of 903 files. */
const scorecardsFromFolder = (
  input: string,
  year: ReportingYear.ReportingYear,
  audience: Audience.Audience,
  council: string,
  population: Option.Option<number>,
  references: StoredReport.Reference
) =>
  Effect.gen(function* () {
    const cards: Array<Scorecard.Scorecard> = []
    let histories: ReadonlyArray<ChildHistory.ChildHistory> = []
    for (const y of [year - 2, year - 1, year].map(ReportingYear.make)) {
      // A previous year counts only when it has a folder of its own; the top folder is the report's year.
      if (y !== year && (yield* yearFolder(input, y)) === input) continue
      const decoded = yield* readReturn(input, y)
      if (decoded.errors.length > 0 && y === year) {
        yield* writeStderr(`${decoded.errors.length} value(s) in ${y} could not be read and were left out`)
      }
      const inputs: Indicator.Inputs = {
        year: y,
        histories: ChildHistory.index(decoded.return),
        tables: decoded.tables,
        population
      }
      cards.push(Scorecard.make({ council, audience, inputs, ...references }))
      if (y === year) histories = inputs.histories
    }
    return { cards, histories }
  })

export const report = Command.make(
  "report",
  {
    input: Flag.Directory("input", { mustExist: true }).pipe(
      Flag.optional,
      Flag.withDescription(
        "folder of 903 files, or of year folders as cpo synth writes (else --council reads the store)"
      )
    ),
    council: Flag.String("council").pipe(
      Flag.optional,
      Flag.withDescription("a council in the store: its returns (without --input) and its strategy and governance")
    ),
    year: yearFlag,
    audience: Flag.Literals("audience", ["member", "public", "officer"] as const).pipe(
      Flag.withDefault("member"),
      Flag.withDescription("member and public: numbers from 1 to 5 suppressed; officer: exact, not for publication")
    ),
    format: Flag.Literals("format", ReportFormat).pipe(Flag.withDefault("html")),
    out: Flag.String("out").pipe(
      Flag.optional,
      Flag.withDescription("file to write (stdout when absent; needed for pdf)")
    ),
    plan: Flag.File("plan", { mustExist: true }).pipe(
      Flag.optional,
      Flag.withDescription("strategy, progress and governance as JSON (cpo priorities export or sample)")
    ),
    population: Flag.Int("population").pipe(
      Flag.optional,
      Flag.withDescription("ONS mid-year estimate of the 0–17 population, for rates per 10,000")
    ),
    benchmarks: Flag.File("benchmarks", { mustExist: true }).pipe(
      Flag.optional,
      Flag.withDescription(
        "CSV of benchmarks: indicator,year,comparator,value[,group,version,status] — added to the England defaults"
      )
    ),
    targets: Flag.File("targets", { mustExist: true }).pipe(
      Flag.optional,
      Flag.withDescription("CSV of targets: indicator,year,target[,tolerance] — adds target and RAG")
    ),
    chromium: Flag.String("chromium").pipe(
      Flag.withDefault("/usr/bin/chromium"),
      Flag.withDescription("the Chromium used to print PDF")
    )
  },
  (options) =>
    Effect.gen(function* () {
      const fs = yield* FileSystem.FileSystem
      if (options.format === "pdf" && Option.isNone(options.out)) {
        return yield* new UnusableInput({ message: "--format pdf needs --out <file.pdf>" })
      }
      if (Option.isNone(options.input) && Option.isNone(options.council)) {
        return yield* new UnusableInput({
          message: "give --input <folder of 903 files> or --council <id> in the store"
        })
      }
      const year = ReportingYear.make(options.year)
      const councilId = yield* Option.match(options.council, {
        onNone: () => Effect.succeed(Option.none<Council.CouncilId>()),
        onSome: (raw) =>
          Option.match(Schema.decodeUnknownOption(Council.CouncilId)(raw), {
            onNone: () =>
              Effect.fail(new UnusableInput({ message: "--council must be a council id such as demo-borough" })),
            onSome: (id) => Effect.succeed(Option.some(id))
          })
      })
      const fileBenchmarks = Option.isSome(options.benchmarks)
        ? yield* readParsed(options.benchmarks.value, Benchmark.fromCsv)
        : []
      const fileTargets = Option.isSome(options.targets)
        ? Option.some(yield* readParsed(options.targets.value, Target.fromCsv))
        : Option.none()
      const filePlan = Option.isSome(options.plan)
        ? Option.some(yield* readPlanFile(options.plan.value))
        : Option.none()

      const model = yield* Option.match(options.input, {
        onSome: (input) =>
          Effect.gen(function* () {
            const councilFile = Option.getOrUndefined(yield* readCouncilFile(input))
            const name = councilFile?.name ?? NodePath.basename(NodePath.resolve(input))
            const population = Option.orElse(options.population, () => Option.fromNullishOr(councilFile?.population))
            const { cards, histories } = yield* scorecardsFromFolder(input, year, options.audience, name, population, {
              benchmarks: [...Benchmark.englandDefaults, ...fileBenchmarks],
              targets: Option.getOrElse(fileTargets, () => [])
            })
            const plan = Option.isSome(filePlan)
              ? filePlan
              : Option.isSome(councilId)
                ? yield* withStore(StoredReport.planOf(councilId.value))
                : Option.none()
            const local = Option.isSome(councilId)
              ? Option.some(yield* withStore(LocalReport.inputs(councilId.value)))
              : Option.none()
            return yield* buildReport({
              council: name,
              year,
              audience: options.audience,
              scorecards: cards,
              profiles: MemberReport.profilesAt31March(histories, year),
              plan,
              local
            })
          }),
        onNone: () =>
          withStore(
            Effect.gen(function* () {
              const id = Option.getOrThrow(councilId)
              // The council's stored targets and benchmarks, unless files are given (which replace its targets and add
              // to its benchmarks, as they add to England's with --input).
              const stored = yield* StoredReport.referenceOf(id)
              return yield* StoredReport.memberReportOf({
                council: id,
                year,
                audience: options.audience,
                population: options.population,
                reference: {
                  targets: Option.getOrElse(fileTargets, () => stored.targets),
                  benchmarks: [...stored.benchmarks, ...fileBenchmarks]
                },
                ...(Option.isSome(filePlan) ? { plan: filePlan } : {})
              })
            }).pipe(
              Effect.catchTags({
                CouncilNotFound: () =>
                  Effect.fail(
                    new UnusableInput({ message: `no council ${Option.getOrThrow(councilId)} in the store` })
                  ),
                ReturnNotFound: () =>
                  Effect.fail(
                    new CommandFailed({
                      message: `no return for ${Option.getOrThrow(councilId)} in ${year} in the store`
                    })
                  ),
                ReportNotPossible: (e) =>
                  Effect.fail(new CommandFailed({ message: `cannot build the report: ${e.message}` }))
              })
            )
          )
      })
      const html = MemberReportHtml.render(model)
      if (options.format === "pdf") {
        const out = Option.getOrThrow(options.out)
        yield* printPdf(html, out, options.chromium)
        return yield* writeStderr(`wrote ${out}`)
      }
      const text = options.format === "html" ? html : MemberReportMarkdown.render(model)
      if (Option.isSome(options.out)) {
        const out = options.out.value
        yield* fs
          .writeFileString(out, text)
          .pipe(Effect.mapError(() => new UnusableInput({ message: `cannot write the report to ${out}` })))
        return yield* writeStderr(`wrote ${out}`)
      }
      yield* writeStdout(text)
    }).pipe(AuditLog.withCaller(operator("corporate parenting report")))
).pipe(
  Command.withDescription(
    "Write the corporate parenting report (member, public or officer) as HTML, Markdown or PDF from the scorecards"
  )
)
