/**
 * `cpo priorities`: the council's corporate parenting strategy, progress and governance in the store, for analysts to
 * script — `sample` writes a synthetic plan file, `import` loads a plan file, `export` writes it back (JSON) or the
 * actions with their latest RAG (CSV), `list` shows priorities and actions, `overdue` the actions overdue or at risk
 * on a date, and `update` records one dated RAG update.
 */
import {
  AuditLog,
  type CalendarDate,
  type Council,
  Governance,
  Priorities,
  Progress,
  ReportingYear,
  StoredReport,
  type Strategy
} from "@cpo/domain"
import { Effect, FileSystem, Option, Schema } from "effect"
import { Command, Flag } from "effect/cli"
import { CommandFailed, UnusableInput } from "../errors.ts"
import { councilFlag, decodeCouncil, decodeDate, existingCouncil } from "../flags.ts"
import { orUnusable, readText } from "../input-file.ts"
import { Format, renderRows, toCsv, writeRows, writeStderr, writeStdout } from "../output.ts"
import * as PlanFile from "../plan-file.ts"
import { operator, withStore } from "./db.ts"

const strategyOf = (id: Council.CouncilId) =>
  Effect.flatMap(Priorities.Priorities, (p) => p.strategy(id)).pipe(
    Effect.catchTag("StrategyNotFound", () =>
      Effect.fail(new CommandFailed({ message: `${id} has no strategy in the store: run cpo priorities import` }))
    )
  )

const sample = Command.make(
  "sample",
  {
    council: councilFlag,
    name: Flag.String("name").pipe(Flag.withDefault("Demo Borough"), Flag.withDescription("the council's name")),
    year: Flag.Int("year").pipe(Flag.withDescription("the report year the two years of updates lead up to")),
    seed: Flag.Int("seed").pipe(Flag.withDefault(1)),
    out: Flag.String("out").pipe(Flag.optional, Flag.withDescription("file to write (stdout when absent)"))
  },
  (options) =>
    Effect.gen(function* () {
      const council = yield* decodeCouncil(options.council)
      const text = PlanFile.toJson(
        PlanFile.sample({
          council,
          councilName: options.name,
          year: ReportingYear.make(options.year),
          seed: options.seed
        })
      )
      if (Option.isNone(options.out)) return yield* writeStdout(text)
      const out = options.out.value
      const fs = yield* FileSystem.FileSystem
      yield* fs
        .writeFileString(out, text)
        .pipe(Effect.mapError(() => new UnusableInput({ message: `cannot write the plan to ${out}` })))
      yield* writeStderr(`wrote ${out}`)
    })
).pipe(Command.withDescription("Write a synthetic plan: 7 priorities, actions, two years of updates, a panel"))

const importCommand = Command.make(
  "import",
  { file: Flag.File("file", { mustExist: true }).pipe(Flag.withDescription("a plan file (JSON)")) },
  (options) =>
    Effect.gen(function* () {
      const text = yield* readText(options.file)
      const plan = yield* PlanFile.fromJson(text, options.file).pipe(
        Effect.mapError((e) => new UnusableInput({ message: e.message }))
      )
      yield* withStore(
        Effect.gen(function* () {
          const council = yield* existingCouncil(plan.strategy.council)
          const priorities = yield* Priorities.Priorities
          const boards = yield* Governance.Boards
          yield* priorities
            .saveStrategy(plan.strategy)
            .pipe(Effect.mapError((e) => new UnusableInput({ message: `${options.file}: ${e.message}` })))
          for (const u of plan.updates) yield* Effect.orDie(priorities.recordUpdate(u))
          for (const y of plan.youSaidWeDid) yield* Effect.orDie(priorities.recordYouSaidWeDid(y))
          for (const { board, meetings } of plan.boards) {
            yield* boards.save(board)
            for (const m of meetings) {
              yield* boards
                .recordMeeting(council, m)
                .pipe(
                  Effect.mapError((e) => new UnusableInput({ message: `${options.file}: meeting ${m.id}: ${e._tag}` }))
                )
            }
          }
          yield* writeStderr(
            `imported ${plan.strategy.priorities.length} priorities, ${plan.updates.length} updates, ${plan.youSaidWeDid.length} you-said-we-did entries and ${plan.boards.length} board(s) for ${council}`
          )
        })
      ).pipe(AuditLog.withCaller(operator("corporate parenting plan import")))
    })
).pipe(Command.withDescription("Load a plan file (strategy, updates, you said we did, boards) into the store"))

const importUpdates = Command.make(
  "import-updates",
  {
    council: councilFlag,
    file: Flag.File("file", { mustExist: true }).pipe(
      Flag.withDescription(`CSV with the columns ${Progress.csvColumns.join(",")} (action empty for a whole priority)`)
    )
  },
  (options) =>
    Effect.gen(function* () {
      const council = yield* decodeCouncil(options.council)
      const updates = yield* orUnusable(Progress.fromCsv(yield* readText(options.file), options.file, council))
      yield* withStore(
        Effect.gen(function* () {
          const priorities = yield* Priorities.Priorities
          for (const u of updates) {
            yield* priorities.recordUpdate(u).pipe(
              Effect.catchTags({
                StrategyNotFound: () =>
                  Effect.fail(new CommandFailed({ message: `${council} has no strategy in the store` })),
                UnknownPriorityOrAction: (e) =>
                  Effect.fail(new UnusableInput({ message: `${options.file}: update ${u.id}: ${e.message}` }))
              })
            )
          }
          yield* writeStderr(`recorded ${updates.length} updates for ${council} (ids already kept are unchanged)`)
        })
      )
    }).pipe(AuditLog.withCaller(operator("corporate parenting progress import")))
).pipe(Command.withDescription("Record progress updates from CSV; an update id already kept is left as it was"))

const actionColumns = ["priority", "action", "title", "owner", "start", "due", "status", "rag", "rag_on"] as const

/** One row per action with its latest RAG on `asOf`. */
export const actionRows = (
  strategy: Strategy.Strategy,
  updates: ReadonlyArray<Progress.Update>,
  asOf: CalendarDate.CalendarDate
) =>
  strategy.priorities.flatMap((p) =>
    p.actions.map((a) => {
      const last = Progress.latest(updates, { _tag: "Action", action: a.id }, asOf)
      return [
        p.id,
        a.id,
        a.title,
        a.owner,
        a.start,
        a.due,
        a.status,
        Option.match(last, { onNone: () => "", onSome: (u) => u.rag }),
        Option.match(last, { onNone: () => "", onSome: (u) => u.on })
      ]
    })
  )

const exportCommand = Command.make(
  "export",
  {
    council: councilFlag,
    format: Flag.Literals("format", ["json", "csv"] as const).pipe(
      Flag.withDefault("json"),
      Flag.withDescription("json: the whole plan file; csv: one row per action with its latest RAG")
    ),
    what: Flag.Literals("what", ["actions", "updates"] as const).pipe(
      Flag.withDefault("actions"),
      Flag.withDescription("for csv: actions with their latest RAG, or every progress update")
    ),
    asOf: Flag.String("as-of").pipe(Flag.optional, Flag.withDescription("date for the latest RAG (CSV), YYYY-MM-DD"))
  },
  (options) =>
    withStore(
      Effect.gen(function* () {
        const council = yield* decodeCouncil(options.council)
        yield* strategyOf(council)
        const plan = Option.getOrThrow(yield* StoredReport.planOf(council))
        if (options.format === "json") return yield* writeStdout(PlanFile.toJson(plan))
        if (options.what === "updates") {
          return yield* writeStdout(toCsv(Progress.csvColumns, plan.updates.map(Progress.toCsvRow)))
        }
        const asOf = Option.isSome(options.asOf)
          ? yield* decodeDate(options.asOf.value, "--as-of")
          : plan.strategy.period.end
        yield* writeStdout(toCsv(actionColumns, actionRows(plan.strategy, plan.updates, asOf)))
      })
    ).pipe(AuditLog.withCaller(operator("corporate parenting plan export")))
).pipe(Command.withDescription("Write the council's plan from the store as JSON, or its actions or updates as CSV"))

const list = Command.make(
  "list",
  {
    council: councilFlag,
    asOf: Flag.String("as-of").pipe(Flag.optional, Flag.withDescription("date for the RAG shown, YYYY-MM-DD")),
    format: Flag.Literals("format", Format).pipe(Flag.withDefault("table"))
  },
  (options) =>
    withStore(
      Effect.gen(function* () {
        const council = yield* decodeCouncil(options.council)
        const strategy = yield* strategyOf(council)
        const updates = yield* (yield* Priorities.Priorities).updates(council)
        const asOf = Option.isSome(options.asOf)
          ? yield* decodeDate(options.asOf.value, "--as-of")
          : strategy.period.end
        const rows = actionRows(strategy, updates, asOf)
        yield* writeRows(options.format, actionColumns, rows)
      })
    ).pipe(AuditLog.withCaller(operator("corporate parenting plan")))
).pipe(Command.withDescription("List the strategy's actions with their latest RAG"))

const overdue = Command.make(
  "overdue",
  {
    council: councilFlag,
    asOf: Flag.String("as-of").pipe(Flag.withDescription("the date to judge on, YYYY-MM-DD")),
    format: Flag.Literals("format", Format).pipe(Flag.withDefault("table"))
  },
  (options) =>
    withStore(
      Effect.gen(function* () {
        const council = yield* decodeCouncil(options.council)
        const asOf = yield* decodeDate(options.asOf, "--as-of")
        const strategy = yield* strategyOf(council)
        const updates = yield* (yield* Priorities.Priorities).updates(council)
        const concerns = Progress.concerns(strategy, updates, { asOf })
        const columns = ["level", "priority", "action", "title", "due", "why"] as const
        const rows = concerns.map((c) => [
          c.level,
          c.priority.id,
          c.action.id,
          c.action.title,
          c.action.due,
          c.reasons.map(Progress.describeReason).join("; ")
        ])
        yield* writeStdout(
          options.format === "table" && rows.length === 0
            ? `no action overdue or at risk on ${asOf}\n`
            : renderRows(options.format, columns, rows)
        )
      })
    ).pipe(AuditLog.withCaller(operator("corporate parenting plan")))
).pipe(Command.withDescription("The actions overdue or at risk on a date, overdue first"))

const update = Command.make(
  "update",
  {
    council: councilFlag,
    id: Flag.String("id").pipe(Flag.withDescription("an id for the update, unique in the council (e.g. U2019-03-P1)")),
    priority: Flag.String("priority"),
    action: Flag.String("action").pipe(
      Flag.optional,
      Flag.withDescription("the action; absent for the whole priority")
    ),
    on: Flag.String("on").pipe(Flag.withDescription("the date of the update, YYYY-MM-DD")),
    rag: Flag.Literals("rag", Progress.Rag.literals),
    commentary: Flag.String("commentary"),
    author: Flag.String("author")
  },
  (options) =>
    withStore(
      Effect.gen(function* () {
        const council = yield* decodeCouncil(options.council)
        const candidate = {
          id: options.id,
          council,
          priority: options.priority,
          action: Option.getOrNull(options.action),
          on: options.on,
          rag: options.rag,
          commentary: options.commentary,
          evidence: [],
          author: options.author
        }
        const decoded = yield* Schema.decodeUnknownEffect(Progress.Update)(candidate).pipe(
          Effect.mapError((e) => new UnusableInput({ message: `the update is not valid: ${e.message}` }))
        )
        yield* (yield* Priorities.Priorities).recordUpdate(decoded).pipe(
          Effect.catchTags({
            StrategyNotFound: () =>
              Effect.fail(new CommandFailed({ message: `${council} has no strategy in the store` })),
            UnknownPriorityOrAction: (e) => Effect.fail(new UnusableInput({ message: e.message }))
          })
        )
        yield* writeStderr(`recorded ${options.rag} for ${Option.getOrElse(options.action, () => options.priority)}`)
      })
    ).pipe(AuditLog.withCaller(operator("corporate parenting progress update")))
).pipe(Command.withDescription("Record one dated RAG update for an action or a whole priority"))

export const prioritiesCommand = Command.make("priorities").pipe(
  Command.withDescription("The corporate parenting strategy, its progress and governance"),
  Command.withSubcommands([sample, importCommand, importUpdates, exportCommand, list, overdue, update])
)
