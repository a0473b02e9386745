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
  Child,
  Cohort,
  Council,
  Entitlement,
  Governance,
  LocalOffer,
  OfferPage,
  OutcomePage,
  Progress,
  ReportingYear,
  Returns,
  Scorecard,
  Strategy,
  TakeUp,
  Target,
  YouSaidWeDid
} from "@cpo/domain"
import { Validation } from "@cpo/ssda903"
import { Schema, SchemaGetter } from "effect"
import { measuresEndpoints } from "./routes/measures-endpoints.ts"

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

/** An offer version number in a URL. @category schemas */
const VersionParam = IntFromString.pipe(Schema.decodeTo(LocalOffer.OfferVersionNumber)).annotate({
  description: "offer version number (1, 2, …)"
})

/** A comma-separated list, e.g. `?entitlements=laptop,driving-lessons`. @category schemas */
const CommaList = <S extends Schema.Top>(item: S, description: string) =>
  Schema.String.pipe(
    Schema.decodeTo(Schema.Array(Schema.String), {
      decode: SchemaGetter.split(),
      encode: SchemaGetter.transform((items: ReadonlyArray<string>) => items.join(","))
    }),
    Schema.decodeTo(Schema.Array(item))
  ).annotate({ description })

/** @category schemas */
export const OfferVersionPath = Schema.Struct({ council: Council.CouncilId, version: VersionParam })

/** @category schemas */
export const EntitlementsPath = Schema.Struct({ council: Council.CouncilId, child: Child.ChildId })

/** @category schemas */
export const OnQuery = Schema.Struct({
  on: Schema.optionalKey(CalendarDate.CalendarDate.annotate({ description: "the day to answer for (default today)" }))
})

/** @category schemas */
export const OfferDiffQuery = Schema.Struct({ from: VersionParam, to: VersionParam })

/** @category schemas */
export const EntitlementsQuery = Schema.Struct({
  on: Schema.optionalKey(CalendarDate.CalendarDate.annotate({ description: "the day to answer for (default today)" })),
  ahead: Schema.optionalKey(
    IntFromString.pipe(Schema.check(Schema.isBetween({ minimum: 0, maximum: 3660 }))).annotate({
      description: "days ahead to list upcoming changes for (default 365)"
    })
  ),
  entitlements: Schema.optionalKey(
    CommaList(Entitlement.EntitlementId, "only these entitlements, comma-separated (required for partners)")
  )
})

/** @category schemas */
export const TakeUpQuery = Schema.Struct({
  year: YearParam,
  by: Schema.optionalKey(TakeUp.GroupBy),
  audience: Schema.optionalKey(Audience.Audience)
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

/** @category schemas */
export const AsOfQuery = Schema.Struct({
  asOf: Schema.optionalKey(CalendarDate.CalendarDate.annotate({ description: "the day to judge on (default today)" }))
})

/** @category schemas */
export const OverdueQuery = Schema.Struct({
  asOf: AsOfQuery.fields.asOf,
  dueSoonDays: Schema.optionalKey(
    IntFromString.pipe(Schema.check(Schema.isBetween({ minimum: 0, maximum: 366 }))).annotate({
      description: "an open action not started this close to its due date is at risk (default 30)"
    })
  ),
  staleAfterDays: Schema.optionalKey(
    IntFromString.pipe(Schema.check(Schema.isBetween({ minimum: 1, maximum: 1096 }))).annotate({
      description: "an open action without an update for this long is at risk (default 183)"
    })
  )
})

/** @category schemas */
export const PriorityPath = Schema.Struct({ council: Council.CouncilId, priority: Strategy.PriorityId })

/** @category schemas */
export const ActionPath = Schema.Struct({
  council: Council.CouncilId,
  priority: Strategy.PriorityId,
  action: Strategy.ActionId
})

/** The body of a progress update; its author is the caller and its id is made when none is given. @category schemas */
export const NewUpdate = Schema.Struct({
  id: Schema.optionalKey(Progress.UpdateId),
  on: CalendarDate.CalendarDate,
  rag: Progress.Rag,
  commentary: Schema.NonEmptyString,
  evidence: Schema.optionalKey(Schema.Array(Progress.Evidence))
}).annotate({ identifier: "NewProgressUpdate" })

/** Every update about a priority or an action, oldest first (the RAG history). @category schemas */
export const UpdateHistory = Schema.Struct({ updates: Schema.Array(Progress.Update) }).annotate({
  identifier: "ProgressUpdateHistory"
})

/** @category schemas */
export const PeriodQuery = Schema.Struct({
  from: Schema.optionalKey(CalendarDate.CalendarDate.annotate({ description: "the first day (default: no limit)" })),
  to: Schema.optionalKey(CalendarDate.CalendarDate.annotate({ description: "the last day (default: no limit)" }))
})

/** The body of a "you said, we did" entry; the council is the one in the path. @category schemas */
export const NewYouSaidWeDid = Schema.Struct({
  id: Schema.optionalKey(YouSaidWeDid.EntryId),
  on: CalendarDate.CalendarDate,
  source: YouSaidWeDid.Source.schema,
  youSaid: Schema.NonEmptyString,
  weDid: Schema.NonEmptyString,
  priorities: Schema.Array(Strategy.PriorityId)
}).annotate({ identifier: "NewYouSaidWeDid" })

/** @category schemas */
export const YouSaidWeDidList = Schema.Struct({ entries: Schema.Array(YouSaidWeDid.Entry) }).annotate({
  identifier: "YouSaidWeDidList"
})

/** @category schemas */
export const TakeUpGapsQuery = Schema.Struct({
  on: Schema.optionalKey(CalendarDate.CalendarDate.annotate({ description: "the day to answer for (default today)" })),
  entitlements: Schema.optionalKey(
    CommaList(Entitlement.EntitlementId, "only these entitlements, comma-separated (default: all of the offer's)")
  )
})

/** The young people each entitlement applies to on a day who have had no award or payment of it. @category schemas */
export const TakeUpGaps = Schema.Struct({
  on: CalendarDate.CalendarDate,
  offerVersion: Schema.Int,
  gaps: Schema.Array(TakeUp.Gap)
}).annotate({ identifier: "TakeUpGaps" })

/** A year page's query: the collection year and, for officers and analysts, the audience. @category schemas */
export const OutcomesQuery = Schema.Struct({
  year: YearParam,
  audience: Schema.optionalKey(Audience.Audience)
})

/** @category schemas */
export const BoardPath = Schema.Struct({ council: Council.CouncilId, board: Governance.BoardId })

/** The body of a meeting record; its id is made from the board and the day when none is given. @category schemas */
export const NewMeeting = Schema.Struct({
  id: Schema.optionalKey(Governance.MeetingId),
  on: CalendarDate.CalendarDate,
  attendance: Governance.Meeting.fields.attendance,
  agenda: Schema.optionalKey(Schema.Array(Schema.String))
}).annotate({ identifier: "NewMeeting" })

/** @category schemas */
export const BoardMemberPath = Schema.Struct({
  council: Council.CouncilId,
  board: Governance.BoardId,
  member: Governance.MemberId
})

/** A member joining a board: who, in what role and group, and their term; the API gives the id. @category schemas */
export const NewBoardMember = Schema.Struct({
  name: Governance.Member.fields.name,
  role: Governance.Member.fields.role,
  membership: Governance.Member.fields.membership,
  organisation: Schema.optionalKey(Governance.Member.fields.organisation),
  from: Governance.Member.fields.from,
  until: Schema.optionalKey(Governance.Member.fields.until)
}).annotate({ identifier: "NewBoardMember" })

/** The last day of a member's term. @category schemas */
export const TermEnd = Schema.Struct({ until: CalendarDate.CalendarDate }).annotate({ identifier: "TermEnd" })

/** The body of a new draft. @category schemas */
export const DraftOffer = Schema.Struct({
  title: Schema.NonEmptyString,
  entitlements: Schema.Array(Entitlement.Entitlement)
}).annotate({ identifier: "DraftOffer" })

/** The body of a consultation record; who recorded it is the caller. @category schemas */
export const NewConsultation = Schema.Struct({
  on: CalendarDate.CalendarDate,
  with: Schema.NonEmptyString,
  careLeavers: Schema.Boolean,
  summary: Schema.NonEmptyString
}).annotate({ identifier: "NewConsultation" })

/** @category schemas */
export const Publish = Schema.Struct({ effectiveFrom: CalendarDate.CalendarDate }).annotate({
  identifier: "OfferPublish"
})

/** The body of a take-up record; the version defaults to the one in force on `on`. @category schemas */
export const TakeUpRecord = Schema.Struct({
  offerVersion: Schema.optionalKey(LocalOffer.OfferVersionNumber),
  entitlementId: Entitlement.EntitlementId,
  childId: Child.ChildId,
  stage: TakeUp.Stage,
  on: CalendarDate.CalendarDate,
  pence: Schema.optionalKey(Schema.Int.pipe(Schema.check(Schema.isGreaterThanOrEqualTo(0))))
}).annotate({ identifier: "TakeUpRecord" })

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

/** How a route's body is sent. @category models */
export type Body =
  | { readonly kind: "none" }
  | { readonly kind: "json"; readonly schema: Schema.Top }
  | { readonly kind: "multipart"; readonly description: string }
  | { readonly kind: "csv"; readonly description: string }

/** @category models */
export interface Endpoint {
  readonly method: "get" | "post" | "put"
  /** Hono syntax: `/v1/councils/:council`. */
  readonly path: string
  readonly summary: string
  readonly tag: string
  readonly params?: Schema.Top
  readonly query?: Schema.Top
  readonly body: Body
  /** The success response, or `html` for a page, `report` for HTML or Markdown as `?format=` asks, or `pdf`. */
  readonly response: Schema.Top | "html" | "report" | "pdf"
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
    response: Council.List,
    status: 200
  },
  getCouncil: {
    method: "get",
    path: "/v1/councils/:council",
    summary: "One council and the years with a current return",
    tag: "councils",
    params: CouncilPath,
    body: none,
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
    body: none,
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
    body: none,
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
    body: none,
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
  offer: {
    method: "get",
    path: "/v1/councils/:council/offer",
    summary:
      "The published local offer in force today or `?on=` (open JSON; `Accept: text/html` answers the accessible page)",
    tag: "local offer",
    params: CouncilPath,
    query: OnQuery,
    body: none,
    response: OfferPage.PublicOffer,
    status: 200
  },
  offerPage: {
    method: "get",
    path: "/v1/councils/:council/offer.html",
    summary: "The published local offer in force today or `?on=`, as an accessible HTML page",
    tag: "local offer",
    params: CouncilPath,
    query: OnQuery,
    body: none,
    response: "html",
    status: 200
  },
  offerVersions: {
    method: "get",
    path: "/v1/councils/:council/offer/versions",
    summary: "Every version of the offer, newest first",
    tag: "local offer",
    params: CouncilPath,
    body: none,
    response: LocalOffer.OfferVersions,
    status: 200
  },
  offerVersion: {
    method: "get",
    path: "/v1/councils/:council/offer/versions/:version",
    summary: "One version of the offer",
    tag: "local offer",
    params: OfferVersionPath,
    body: none,
    response: LocalOffer.OfferVersion,
    status: 200
  },
  draftOffer: {
    method: "post",
    path: "/v1/councils/:council/offer/versions",
    summary: "Save the draft: revises the open draft, or starts the next version",
    tag: "local offer",
    params: CouncilPath,
    body: { kind: "json", schema: DraftOffer },
    response: LocalOffer.OfferVersion,
    status: 201
  },
  consultOffer: {
    method: "post",
    path: "/v1/councils/:council/offer/versions/:version/consultations",
    summary: "Record a consultation on a draft (CSWA 2017 s2 requires consulting care leavers)",
    tag: "local offer",
    params: OfferVersionPath,
    body: { kind: "json", schema: NewConsultation },
    response: LocalOffer.OfferVersion,
    status: 201
  },
  approveOffer: {
    method: "post",
    path: "/v1/councils/:council/offer/versions/:version/approval",
    summary: "Approve a consulted draft that covers every statutory area",
    tag: "local offer",
    params: OfferVersionPath,
    body: none,
    response: LocalOffer.OfferVersion,
    status: 200
  },
  publishOffer: {
    method: "post",
    path: "/v1/councils/:council/offer/versions/:version/publication",
    summary: "Publish an approved version from a day; published versions never change",
    tag: "local offer",
    params: OfferVersionPath,
    body: { kind: "json", schema: Publish },
    response: LocalOffer.OfferVersion,
    status: 200
  },
  offerDiff: {
    method: "get",
    path: "/v1/councils/:council/offer/diff",
    summary: "What changed between two versions: added, removed and changed entitlements",
    tag: "local offer",
    params: CouncilPath,
    query: OfferDiffQuery,
    body: none,
    response: LocalOffer.OfferDiff,
    status: 200
  },
  entitlements: {
    method: "get",
    path: "/v1/councils/:council/entitlements/:child",
    summary: "What a young person can have from the published offer on a day, why, and what changes ahead",
    tag: "local offer",
    params: EntitlementsPath,
    query: EntitlementsQuery,
    body: none,
    response: LocalOffer.PersonalEntitlements,
    status: 200,
    purpose: "answer a young person's local offer entitlements"
  },
  recordTakeUp: {
    method: "post",
    path: "/v1/councils/:council/takeup",
    summary: "Record an application, award, payment, refusal or decline of an entitlement",
    tag: "local offer",
    params: CouncilPath,
    body: { kind: "json", schema: TakeUpRecord },
    response: TakeUp.TakeUp,
    status: 201,
    purpose: "record local offer take-up"
  },
  takeUpSummary: {
    method: "get",
    path: "/v1/councils/:council/takeup",
    summary: "Take-up in a financial year by entitlement, area, age band or status, suppressed by audience",
    tag: "local offer",
    params: CouncilPath,
    query: TakeUpQuery,
    body: none,
    response: TakeUp.Summary,
    status: 200,
    purpose: "report local offer take-up"
  },
  takeUpGaps: {
    method: "get",
    path: "/v1/councils/:council/takeup/gaps",
    summary: "The young people each entitlement applies to on a day who have had no award or payment of it",
    tag: "local offer",
    params: CouncilPath,
    query: TakeUpGapsQuery,
    body: none,
    response: TakeUpGaps,
    status: 200,
    purpose: "find young people who have not taken up an entitlement"
  },
  priorities: {
    method: "get",
    path: "/v1/councils/:council/priorities",
    summary: "The strategy and its priorities and actions, each with its latest RAG on `asOf`",
    tag: "priorities",
    params: CouncilPath,
    query: AsOfQuery,
    body: none,
    response: Progress.StatusView,
    status: 200
  },
  saveStrategy: {
    method: "post",
    path: "/v1/councils/:council/strategy",
    summary: "Create or replace the council's strategy (matched by id), keeping the progress history of kept actions",
    tag: "priorities",
    params: CouncilPath,
    body: { kind: "json", schema: Strategy.Strategy },
    response: Strategy.Strategy,
    status: 201
  },
  overdue: {
    method: "get",
    path: "/v1/councils/:council/priorities/overdue",
    summary: "Open actions overdue or at risk on `asOf`, overdue first, with the reasons",
    tag: "priorities",
    params: CouncilPath,
    query: OverdueQuery,
    body: none,
    response: Progress.ConcernsView,
    status: 200
  },
  priorityUpdate: {
    method: "post",
    path: "/v1/councils/:council/priorities/:priority/updates",
    summary: "Record a dated RAG update with commentary for a whole priority",
    tag: "priorities",
    params: PriorityPath,
    body: { kind: "json", schema: NewUpdate },
    response: Progress.Update,
    status: 201
  },
  actionUpdate: {
    method: "post",
    path: "/v1/councils/:council/priorities/:priority/actions/:action/updates",
    summary: "Record a dated RAG update with commentary for an action of a priority",
    tag: "priorities",
    params: ActionPath,
    body: { kind: "json", schema: NewUpdate },
    response: Progress.Update,
    status: 201
  },
  priorityHistory: {
    method: "get",
    path: "/v1/councils/:council/priorities/:priority/updates",
    summary: "Every RAG update of a whole priority, oldest first",
    tag: "priorities",
    params: PriorityPath,
    body: none,
    response: UpdateHistory,
    status: 200
  },
  actionHistory: {
    method: "get",
    path: "/v1/councils/:council/priorities/:priority/actions/:action/updates",
    summary: "Every RAG update of an action of a priority, oldest first",
    tag: "priorities",
    params: ActionPath,
    body: none,
    response: UpdateHistory,
    status: 200
  },
  youSaidWeDid: {
    method: "get",
    path: "/v1/councils/:council/you-said-we-did",
    summary: "What children in care and care leavers said and what the council did, oldest first",
    tag: "priorities",
    params: CouncilPath,
    query: PeriodQuery,
    body: none,
    response: YouSaidWeDidList,
    status: 200
  },
  recordYouSaidWeDid: {
    method: "post",
    path: "/v1/councils/:council/you-said-we-did",
    summary: "Record what young people said and what the council did, linked to the strategy's priorities",
    tag: "priorities",
    params: CouncilPath,
    body: { kind: "json", schema: NewYouSaidWeDid },
    response: YouSaidWeDid.Entry,
    status: 201
  },
  governance: {
    method: "get",
    path: "/v1/councils/:council/governance",
    summary: "Boards with their meetings' quorum, the year's meetings against the minimum, and reports falling due",
    tag: "priorities",
    params: CouncilPath,
    query: AsOfQuery,
    body: none,
    response: Governance.View,
    status: 200
  },
  placements: {
    method: "get",
    path: "/v1/councils/:council/placements",
    summary: "Placement type mix, in or out of area and distance, moves and their reasons, and stability for a year",
    tag: "outcomes",
    params: CouncilPath,
    query: OutcomesQuery,
    body: none,
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
    body: none,
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
    body: none,
    response: OutcomePage.HealthView,
    status: 200,
    purpose: "view health and missing"
  },
  saveBoard: {
    method: "post",
    path: "/v1/councils/:council/governance/boards",
    summary: "Create or replace a board: terms of reference, members and reporting calendar (its meetings are kept)",
    tag: "priorities",
    params: CouncilPath,
    body: { kind: "json", schema: Governance.Board },
    response: Governance.Board,
    status: 201
  },
  recordMeeting: {
    method: "post",
    path: "/v1/councils/:council/governance/boards/:board/meetings",
    summary: "Record a board meeting and who attended (the quorum is computed from attendance)",
    tag: "priorities",
    params: BoardPath,
    body: { kind: "json", schema: NewMeeting },
    response: Governance.Meeting,
    status: 201
  },
  addBoardMember: {
    method: "post",
    path: "/v1/councils/:council/governance/boards/:board/members",
    summary: "Add a member to a board with their role, group and term (the board's meetings are kept)",
    tag: "priorities",
    params: BoardPath,
    body: { kind: "json", schema: NewBoardMember },
    response: Governance.Board,
    status: 201
  },
  endBoardTerm: {
    method: "post",
    path: "/v1/councils/:council/governance/boards/:board/members/:member/term-end",
    summary: "End a member's term on a day not before it began (past meetings keep their attendance)",
    tag: "priorities",
    params: BoardMemberPath,
    body: { kind: "json", schema: TermEnd },
    response: Governance.Board,
    status: 200
  },
  memberReport: {
    method: "get",
    path: "/v1/councils/:council/reports/member",
    summary:
      "The corporate parenting report for a year (the same report as `cpo report --council`), as accessible HTML or Markdown",
    tag: "reports",
    params: CouncilPath,
    query: MemberReportQuery,
    body: none,
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
    body: none,
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
    body: none,
    response: AuditLog.Entries,
    status: 200
  },
  ...measuresEndpoints
} as const satisfies Record<string, Endpoint>

/** @category models */
export type EndpointId = keyof typeof endpoints
