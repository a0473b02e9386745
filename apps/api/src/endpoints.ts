/**
 * Every route the API serves, as data: method, path, the Schemas of its path, query, body and response, and what it
 * is for. The routers validate with these Schemas, `openapi.ts` documents them and `authorization.ts` keys its
 * matrix by their ids, so the three cannot drift apart.
 */
import {
  Audience,
  AuditLog,
  Benchmark,
  CalendarDate,
  Cohort,
  Council,
  OutcomePage,
  Returns,
  Scorecard,
  Target
} from "@cpo/domain"
import { Validation } from "@cpo/ssda903"
import { Schema, SchemaGetter } from "effect"
import { CouncilPath, type Endpoint, IntFromString, noBody, ReturnPath, YearParam } from "./endpoint-model.ts"
import { measuresEndpoints } from "./routes/measures-endpoints.ts"
import { offerEndpoints } from "./routes/offer-endpoints.ts"
import { boardEndpoints, strategyEndpoints } from "./routes/strategy-endpoints.ts"

export type { Body, Endpoint } from "./endpoint-model.ts"

/** @category schemas */
export const IndicatorsQuery = Schema.Struct({
  year: YearParam,
  audience: Schema.optionalKey(Audience.Audience),
  population: Schema.optionalKey(
    IntFromString.pipe(Schema.check(Schema.isGreaterThan(0))).annotate({
      description: "ONS mid-year estimate of the council's 0–17 population, for rates per 10,000"
    })
  )
})

/** A comma-separated list of profile dimensions, e.g. `?by=age_band,sex`. @category schemas */
const DimensionList = Schema.String.pipe(
  Schema.decodeTo(Schema.Array(Schema.String), {
    decode: SchemaGetter.split(),
    encode: SchemaGetter.transform((dimensions: ReadonlyArray<string>) => dimensions.join(","))
  }),
  Schema.decodeTo(Schema.Array(Cohort.Dimension))
).annotate({ description: "dimensions to profile by, comma-separated (e.g. age_band,sex)" })

/** @category schemas */
export const CohortQuery = Schema.Struct({
  year: YearParam,
  cohort: Schema.optionalKey(Cohort.CohortName),
  by: Schema.optionalKey(DimensionList),
  on: Schema.optionalKey(CalendarDate.CalendarDate),
  audience: Schema.optionalKey(Audience.Audience),
  list: Schema.optionalKey(
    Schema.Literals(["true", "false"]).annotate({
      description: "care_leavers only: one row per young person (officers)"
    })
  )
})

/** @category schemas */
export const MemberReportQuery = Schema.Struct({
  year: YearParam,
  audience: Schema.optionalKey(
    Schema.Literals(["member", "public", "officer"]).annotate({
      description: "member (default) and public: numbers from 1 to 5 suppressed; officer: exact, not for publication"
    })
  ),
  format: Schema.optionalKey(
    Schema.Literals(["html", "md", "csv", "xlsx"]).annotate({
      description: "html (default), md, or the report's tables as csv (one row per cell) or xlsx (a sheet per table)"
    })
  ),
  population: IndicatorsQuery.fields.population
})

/** The PDF report's query: the member report's, with no format to choose. @category schemas */
export const MemberReportPdfQuery = Schema.Struct({
  year: MemberReportQuery.fields.year,
  audience: MemberReportQuery.fields.audience,
  population: MemberReportQuery.fields.population
})

/** A year page's query: the collection year and, for officers and analysts, the audience. @category schemas */
export const OutcomesQuery = Schema.Struct({
  year: YearParam,
  audience: Schema.optionalKey(Audience.Audience)
})

/** @category schemas */
export const Health = Schema.Struct({ status: Schema.Literal("ok"), version: Schema.String }).annotate({
  identifier: "Health"
})

/** The answer to an upload: the import made (or recognised) and what was read. @category schemas */
export const ImportResult = Schema.Struct({
  import: Returns.ImportRecord,
  /** `true` when these exact files were already the current return: nothing changed. */
  unchanged: Schema.Boolean,
  /** The DfE validation report of the files (values that could not be read are under their rule or `READ`). */
  report: Validation.Report
}).annotate({ identifier: "ImportResult" })
export type ImportResult = typeof ImportResult.Type

/** One field that failed validation. @category schemas */
export const FieldIssue = Schema.Struct({
  in: Schema.Literals(["path", "query", "header", "body"]),
  field: Schema.String,
  message: Schema.String
}).annotate({ identifier: "FieldIssue" })
export type FieldIssue = typeof FieldIssue.Type

/** An RFC 9457 problem document, as every error is answered. @category schemas */
export const Problem = Schema.Struct({
  type: Schema.String,
  title: Schema.String,
  status: Schema.Int,
  detail: Schema.optionalKey(Schema.String),
  instance: Schema.optionalKey(Schema.String),
  requestId: Schema.String,
  errors: Schema.optionalKey(Schema.Array(FieldIssue))
}).annotate({ identifier: "Problem" })
export type Problem = typeof Problem.Type

/** @category models */
export const endpoints = {
  health: {
    method: "get",
    path: "/health",
    summary: "Liveness",
    tag: "meta",
    body: noBody,
    response: Health,
    status: 200
  },
  openapi: {
    method: "get",
    path: "/openapi.json",
    summary: "This document (OpenAPI 3.1)",
    tag: "meta",
    body: noBody,
    response: Schema.Record(Schema.String, Schema.Unknown),
    status: 200
  },
  docs: {
    method: "get",
    path: "/docs",
    summary: "Interactive API docs",
    tag: "meta",
    body: noBody,
    response: "html",
    status: 200
  },
  listCouncils: {
    method: "get",
    path: "/v1/councils",
    summary: "The councils the caller may see, with their years",
    tag: "councils",
    body: noBody,
    response: Council.List,
    status: 200
  },
  getCouncil: {
    method: "get",
    path: "/v1/councils/:council",
    summary: "One council and the years with a current return",
    tag: "councils",
    params: CouncilPath,
    body: noBody,
    response: Council.Summary,
    status: 200
  },
  indicators: {
    method: "get",
    path: "/v1/councils/:council/indicators",
    summary: "The scorecard: every indicator for a year (the same document as `cpo indicators --format json`)",
    tag: "indicators",
    params: CouncilPath,
    query: IndicatorsQuery,
    body: noBody,
    response: Scorecard.Scorecard,
    status: 200,
    purpose: "view indicators"
  },
  indicatorTargets: {
    method: "get",
    path: "/v1/councils/:council/indicators/targets",
    summary: "The council's targets for the indicators, which give the scorecard its target and RAG",
    tag: "indicators",
    params: CouncilPath,
    body: noBody,
    response: Target.IndicatorTargets,
    status: 200
  },
  replaceIndicatorTargets: {
    method: "put",
    path: "/v1/councils/:council/indicators/targets",
    summary:
      "Replace the council's targets with a CSV file (as `cpo indicators --targets` reads); a bad file stores nothing",
    tag: "indicators",
    params: CouncilPath,
    body: {
      kind: "csv",
      description: "text/csv with columns indicator,year,target and optional tolerance (default 0)"
    },
    response: Target.IndicatorTargets,
    status: 200
  },
  indicatorBenchmarks: {
    method: "get",
    path: "/v1/councils/:council/indicators/benchmarks",
    summary: "The council's own benchmarks for the indicators, added to England's on the scorecard",
    tag: "indicators",
    params: CouncilPath,
    body: noBody,
    response: Benchmark.IndicatorBenchmarks,
    status: 200
  },
  replaceIndicatorBenchmarks: {
    method: "put",
    path: "/v1/councils/:council/indicators/benchmarks",
    summary:
      "Replace the council's benchmarks with a CSV file (as `cpo indicators --benchmarks` reads); a bad file stores nothing",
    tag: "indicators",
    params: CouncilPath,
    body: {
      kind: "csv",
      description: "text/csv with columns indicator,year,comparator,value and optional group, version, status, source"
    },
    response: Benchmark.IndicatorBenchmarks,
    status: 200
  },
  cohorts: {
    method: "get",
    path: "/v1/councils/:council/cohorts",
    summary: "A cohort of the year profiled by dimensions (the same document as `cpo cohort --format json`)",
    tag: "cohorts",
    params: CouncilPath,
    query: CohortQuery,
    body: noBody,
    response: Cohort.Document,
    status: 200,
    purpose: "view a cohort profile"
  },
  returnHistory: {
    method: "get",
    path: "/v1/councils/:council/returns",
    summary: "Every import of every year, and which is current",
    tag: "returns",
    params: CouncilPath,
    body: noBody,
    response: Returns.History,
    status: 200
  },
  uploadReturn: {
    method: "post",
    path: "/v1/councils/:council/returns/:year",
    summary: "Upload a year's 903 files (multipart, field `files`) and import them as that year's current return",
    tag: "returns",
    params: ReturnPath,
    body: { kind: "multipart", description: "the year's 903 files, CSV (one table each) and/or DfE XML" },
    response: ImportResult,
    status: 201,
    purpose: "903 return import"
  },
  validateReturn: {
    method: "post",
    path: "/v1/councils/:council/returns/:year/validation",
    summary: "Validate a year's 903 files against the DfE rules for the year, without importing them",
    tag: "returns",
    params: ReturnPath,
    body: { kind: "multipart", description: "the year's 903 files, CSV (one table each) and/or DfE XML" },
    response: Validation.Report,
    status: 200,
    purpose: "903 return preparation"
  },
  ...offerEndpoints,
  ...strategyEndpoints,
  placements: {
    method: "get",
    path: "/v1/councils/:council/placements",
    summary: "Placement type mix, in or out of area and distance, moves and their reasons, and stability for a year",
    tag: "outcomes",
    params: CouncilPath,
    query: OutcomesQuery,
    body: noBody,
    response: OutcomePage.PlacementsView,
    status: 200,
    purpose: "view placements and stability"
  },
  careLeavers: {
    method: "get",
    path: "/v1/councils/:council/care-leavers",
    summary:
      "Care leavers in touch, in education, employment or training and suitably housed, by age band, and their statuses",
    tag: "outcomes",
    params: CouncilPath,
    query: OutcomesQuery,
    body: noBody,
    response: OutcomePage.CareLeaversView,
    status: 200,
    purpose: "view care leavers' outcomes"
  },
  healthOutcomes: {
    method: "get",
    path: "/v1/councils/:council/health",
    summary: "Health assessments, dental checks, immunisations, SDQ, substance misuse, convictions, missing and away",
    tag: "outcomes",
    params: CouncilPath,
    query: OutcomesQuery,
    body: noBody,
    response: OutcomePage.HealthView,
    status: 200,
    purpose: "view health and missing"
  },
  ...boardEndpoints,
  memberReport: {
    method: "get",
    path: "/v1/councils/:council/reports/member",
    summary:
      "The corporate parenting report for a year (the same report as `cpo report --council`), as accessible HTML or Markdown",
    tag: "reports",
    params: CouncilPath,
    query: MemberReportQuery,
    body: noBody,
    response: "report",
    status: 200,
    purpose: "corporate parenting report"
  },
  memberReportPdf: {
    method: "get",
    path: "/v1/councils/:council/reports/member.pdf",
    summary: "The corporate parenting report for a year as an A4 PDF (made on the server without a browser)",
    tag: "reports",
    params: CouncilPath,
    query: MemberReportPdfQuery,
    body: noBody,
    response: "pdf",
    status: 200,
    purpose: "corporate parenting report"
  },
  auditLog: {
    method: "get",
    path: "/v1/councils/:council/audit",
    summary: "Who read or imported child-level data, when and why (newest first)",
    tag: "audit",
    params: CouncilPath,
    body: noBody,
    response: AuditLog.Entries,
    status: 200
  },
  ...measuresEndpoints
} as const satisfies Record<string, Endpoint>

/** @category models */
export type EndpointId = keyof typeof endpoints
