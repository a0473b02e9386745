/**
 * `GET /v1/councils/:council/reports/member?year=&audience=&format=html|md|csv|xlsx`: the corporate parenting
 * report as `cpo report --council` builds it from the store (`StoredReport.memberReportOf`: the scorecards of the year
 * and the two before it with the council's targets and benchmarks, the cohort profiles at 31 March, the stored
 * strategy, progress, "you said, we did" and governance), then its HTML or Markdown renderer, or its tables as CSV or
 * XLSX (`report-tables.ts`). Members and the public always get their suppressed
 * audience. The PDF of the same report is `report-pdf.ts` (pdf-lib, no browser).
 */
import {
  AuditLog,
  type Council,
  type MemberReport,
  MemberReportHtml,
  MemberReportMarkdown,
  StoredReport,
  UserRole
} from "@cpo/domain"
import { Effect, Option } from "effect"
import { type Context, Hono } from "hono"
import { endpoints } from "../endpoints.ts"
import { guard, validate } from "../middleware.ts"
import { answerHtml, callerOf, type Deps } from "../run.ts"
import type { ApiEnv } from "../runtime.ts"
import * as ReportTables from "./report-tables.ts"

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

/**
 * The member report for the council and year asked, rendered by `render`, with the store's reads audited under the
 * caller of `endpoint`. Members and the public always get their own audience; others what they ask (default member).
 */
export const renderedReport = (
  c: Context<ApiEnv>,
  endpoint: typeof endpoints.memberReport | typeof endpoints.memberReportPdf,
  council: Council.CouncilId,
  query: typeof endpoints.memberReportPdf.query.Type,
  render: (model: MemberReport.Report) => string | Uint8Array<ArrayBuffer> | Promise<string | Uint8Array<ArrayBuffer>>
) =>
  StoredReport.memberReportOf({
    council,
    year: query.year,
    audience: UserRole.forcedAudience[c.get("principal").role] ?? query.audience ?? "member",
    population: Option.fromNullishOr(query.population)
  }).pipe(
    Effect.flatMap((model) => Effect.promise(async () => render(model))),
    AuditLog.withCaller(callerOf(c, endpoint, council))
  )

export const report = (deps: Deps) =>
  new Hono<ApiEnv>().get(
    endpoints.memberReport.path,
    guard("memberReport"),
    validate("param", endpoints.memberReport.params),
    validate("query", endpoints.memberReport.query),
    (c) => {
      const { council } = c.req.valid("param")
      const query = c.req.valid("query")
      const format = query.format ?? "html"
      const program = renderedReport(c, endpoints.memberReport, council, query, renderers[format])
      return answerHtml(c, deps, program, contentTypes[format])
    }
  )
