/**
 * Every route the API serves, as data: method, path, the Schemas of its path, query, body and response, and what it
 * is for. The routers validate with these Schemas, `openapi.ts` documents them and `authorization.ts` keys its
 * matrix by their ids, so the three cannot drift apart.
 */
import { Audience, AuditLog, CalendarDate, Cohort, Council, ReportingYear, Returns, Scorecard } from "@cpo/domain"
import { Validation } from "@cpo/ssda903"
import { Schema, SchemaGetter } from "effect"

/** A whole number written in a URL, e.g. `?year=2018`. @category schemas */
const IntFromString = Schema.NumberFromString.pipe(Schema.decodeTo(Schema.Int))

/** A collection year in a URL. @category schemas */
export const YearParam = IntFromString.pipe(Schema.decodeTo(ReportingYear.ReportingYear)).annotate({
  description: "collection year, named by its 31 March (2018 = 2017/18)",
  examples: ["2018" as never]
})

/** @category schemas */
export const CouncilPath = Schema.Struct({ council: Council.CouncilId })

/** @category schemas */
export const ReturnPath = Schema.Struct({ council: Council.CouncilId, year: YearParam })

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
export const Health = Schema.Struct({ status: Schema.Literal("ok"), version: Schema.String }).annotate({
  identifier: "Health"
})

/** A council with the years that have a current return, newest first. @category schemas */
export const CouncilSummary = Schema.Struct({
  ...Council.Council.fields,
  years: Schema.Array(ReportingYear.ReportingYear)
}).annotate({ identifier: "CouncilSummary" })
export type CouncilSummary = typeof CouncilSummary.Type

/** @category schemas */
export const CouncilList = Schema.Struct({ councils: Schema.Array(CouncilSummary) }).annotate({
  identifier: "CouncilList"
})

/** @category schemas */
export const ReturnHistory = Schema.Struct({ imports: Schema.Array(Returns.ImportRecord) }).annotate({
  identifier: "ReturnHistory"
})

/** @category schemas */
export const AuditEntries = Schema.Struct({ entries: Schema.Array(AuditLog.Entry) }).annotate({
  identifier: "AuditEntries"
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

/** How a route's body is sent. @category models */
export type Body =
  | { readonly kind: "none" }
  | { readonly kind: "json"; readonly schema: Schema.Top }
  | { readonly kind: "multipart"; readonly description: string }

/** @category models */
export interface Endpoint {
  readonly method: "get" | "post"
  /** Hono syntax: `/v1/councils/:council`. */
  readonly path: string
  readonly summary: string
  readonly tag: string
  readonly params?: Schema.Top
  readonly query?: Schema.Top
  readonly body: Body
  /** The success response, or `html` for the docs page. */
  readonly response: Schema.Top | "html"
  readonly status: 200 | 201
  /** What the audit log records as the purpose when the caller states none (header `X-Cpo-Purpose`). */
  readonly purpose?: string
}

const none: Body = { kind: "none" }

/** @category models */
export const endpoints = {
  health: {
    method: "get",
    path: "/health",
    summary: "Liveness",
    tag: "meta",
    body: none,
    response: Health,
    status: 200
  },
  openapi: {
    method: "get",
    path: "/openapi.json",
    summary: "This document (OpenAPI 3.1)",
    tag: "meta",
    body: none,
    response: Schema.Record(Schema.String, Schema.Unknown),
    status: 200
  },
  docs: {
    method: "get",
    path: "/docs",
    summary: "Interactive API docs",
    tag: "meta",
    body: none,
    response: "html",
    status: 200
  },
  listCouncils: {
    method: "get",
    path: "/v1/councils",
    summary: "The councils the caller may see, with their years",
    tag: "councils",
    body: none,
    response: CouncilList,
    status: 200
  },
  getCouncil: {
    method: "get",
    path: "/v1/councils/:council",
    summary: "One council and the years with a current return",
    tag: "councils",
    params: CouncilPath,
    body: none,
    response: CouncilSummary,
    status: 200
  },
  indicators: {
    method: "get",
    path: "/v1/councils/:council/indicators",
    summary: "The scorecard: every indicator for a year (the same document as `cpo indicators --format json`)",
    tag: "indicators",
    params: CouncilPath,
    query: IndicatorsQuery,
    body: none,
    response: Scorecard.Scorecard,
    status: 200,
    purpose: "view indicators"
  },
  cohorts: {
    method: "get",
    path: "/v1/councils/:council/cohorts",
    summary: "A cohort of the year profiled by dimensions (the same document as `cpo cohort --format json`)",
    tag: "cohorts",
    params: CouncilPath,
    query: CohortQuery,
    body: none,
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
    body: none,
    response: ReturnHistory,
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
  auditLog: {
    method: "get",
    path: "/v1/councils/:council/audit",
    summary: "Who read or imported child-level data, when and why (newest first)",
    tag: "audit",
    params: CouncilPath,
    body: none,
    response: AuditEntries,
    status: 200
  }
} as const satisfies Record<string, Endpoint>

/** @category models */
export type EndpointId = keyof typeof endpoints
