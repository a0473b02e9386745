/**
 * `GET /v1/councils/:council/reports/member?year=&audience=&format=html|md|csv|xlsx`: the corporate parenting
 * report, built as `cpo report --council` builds it from the store — `Scorecard.make` over the current returns of the year and the
 * two before it (England's published benchmarks as comparators), the cohort profiles at 31 March, and the stored
 * strategy, progress, "you said, we did" and governance — then `MemberReport.make` and its HTML or Markdown
 * renderer, or its tables as CSV or XLSX (`report-tables.ts`). Members and the public always get their suppressed
 * audience. The PDF of the same report is `report-pdf.ts` (pdf-lib, no browser).
 */
import {
  type Audience,
  AuditLog,
  Benchmark,
  ChildHistory,
  Council,
  Governance,
  type Indicator,
  LocalReport,
  MemberReport,
  MemberReportHtml,
  MemberReportMarkdown,
  Priorities,
  ReportingYear,
  Return,
  Returns,
  Scorecard
} from "@cpo/domain"
import { Effect, Option, Result } from "effect"
import { Hono } from "hono"
import { forcedAudience } from "../authorization.ts"
import { endpoints } from "../endpoints.ts"
import { guard, validate } from "../middleware.ts"
import { answerHtml, callerOf, type Deps, ReportNotPossible } from "../run.ts"
import type { ApiEnv } from "../runtime.ts"
import * as ReportTables from "./report-tables.ts"

/** The council's strategy, updates, "you said, we did", boards and meetings, when it has a strategy. */
const planOf = (council: Council.CouncilId) =>
  Effect.gen(function* () {
    const priorities = yield* Priorities.Priorities
    const boards = yield* Governance.Boards
    const strategy = yield* priorities.strategy(council).pipe(Effect.option)
    if (Option.isNone(strategy)) return Option.none()
    const stored = yield* boards.list(council)
    return Option.some({
      strategy: strategy.value,
      updates: yield* priorities.updates(council),
      youSaidWeDid: yield* priorities.youSaidWeDid(council),
      boards: yield* Effect.forEach(stored, (board) =>
        Effect.map(Effect.orDie(boards.meetings(council, board.id)), (meetings) => ({ board, meetings }))
      )
    })
  })

/** The report model for the year, from the store. */
export const memberReportOf = (options: {
  readonly council: Council.CouncilId
  readonly year: ReportingYear.ReportingYear
  readonly audience: Audience.Audience
  readonly population: Option.Option<number>
}) =>
  Effect.gen(function* () {
    const returns = yield* Returns.Returns
    const record = yield* returns.council(options.council)
    const population = Option.orElse(options.population, () => Council.populationOf(record))
    const scorecards: Array<Scorecard.Scorecard> = []
    let histories: ReadonlyArray<ChildHistory.ChildHistory> = []
    for (const year of [options.year - 2, options.year - 1, options.year].map(ReportingYear.make)) {
      const ret =
        year === options.year
          ? Option.some(yield* returns.current(options.council, year))
          : yield* returns.current(options.council, year).pipe(Effect.option)
      if (Option.isNone(ret)) continue
      const inputs: Indicator.Inputs = {
        year,
        histories: ChildHistory.index(ret.value),
        tables: Return.suppliedTables(ret.value),
        population
      }
      scorecards.push(
        Scorecard.make({
          council: record.name,
          audience: options.audience,
          inputs,
          benchmarks: Benchmark.englandDefaults,
          targets: []
        })
      )
      if (year === options.year) histories = inputs.histories
    }
    const plan = yield* planOf(options.council)
    const local = yield* LocalReport.inputs(options.council)
    return yield* Result.match(
      MemberReport.make({
        council: record.name,
        year: options.year,
        audience: options.audience,
        scorecards: scorecards.map(local.withLocalMeasures),
        measures: local.measures,
        pledges: local.pledges,
        voice: local.voice,
        profiles: MemberReport.profilesAt31March(histories, options.year),
        strategy: Option.map(plan, (p) => p.strategy),
        updates: Option.match(plan, { onNone: () => [], onSome: (p) => p.updates }),
        youSaidWeDid: Option.match(plan, { onNone: () => [], onSome: (p) => p.youSaidWeDid }),
        boards: Option.match(plan, { onNone: () => [], onSome: (p) => p.boards })
      }),
      {
        onFailure: (problem) => Effect.fail(new ReportNotPossible({ message: problem.message })),
        onSuccess: Effect.succeed
      }
    )
  })

/** The report in each format the route answers: the page, Markdown, or its tables as CSV or XLSX. */
const renderers = {
  html: MemberReportHtml.render,
  md: MemberReportMarkdown.render,
  csv: ReportTables.toCsv,
  xlsx: (model: MemberReport.Report) => ReportTables.toXlsx(model) as Promise<Uint8Array<ArrayBuffer>>
} as const

const contentTypes = {
  html: "text/html; charset=UTF-8",
  md: "text/markdown; charset=UTF-8",
  csv: "text/csv; charset=UTF-8",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
} as const

export const report = (deps: Deps) =>
  new Hono<ApiEnv>().get(
    endpoints.memberReport.path,
    guard("memberReport"),
    validate("param", endpoints.memberReport.params),
    validate("query", endpoints.memberReport.query),
    (c) => {
      const { council } = c.req.valid("param")
      const query = c.req.valid("query")
      const audience = forcedAudience[c.get("principal").role] ?? query.audience ?? "member"
      const format = query.format ?? "html"
      const program = memberReportOf({
        council,
        year: query.year,
        audience,
        population: Option.fromNullishOr(query.population)
      }).pipe(
        Effect.flatMap((model) => Effect.promise(async () => renderers[format](model))),
        AuditLog.withCaller(callerOf(c, endpoints.memberReport, council))
      )
      return answerHtml(c, deps, program, contentTypes[format])
    }
  )
