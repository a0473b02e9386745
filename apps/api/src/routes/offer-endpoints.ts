/**
 * The routes of the care leavers' local offer (issue 9): the published offer and its versions, drafts, consultation,
 * approval and publication, entitlements on a day, and take-up. Spread into `endpoints.ts`.
 */
import { Audience, CalendarDate, Child, Council, Entitlement, LocalOffer, OfferPage, TakeUp } from "@cpo/domain"
import { Schema, SchemaGetter } from "effect"
import { CouncilPath, type Endpoint, IntFromString, noBody, YearParam } from "../endpoint-model.ts"

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

/** The local offer's routes. @category models */
export const offerEndpoints = {
  offer: {
    method: "get",
    path: "/v1/councils/:council/offer",
    summary:
      "The published local offer in force today or `?on=` (open JSON; `Accept: text/html` answers the accessible page)",
    tag: "local offer",
    params: CouncilPath,
    query: OnQuery,
    body: noBody,
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
    body: noBody,
    response: "html",
    status: 200
  },
  offerVersions: {
    method: "get",
    path: "/v1/councils/:council/offer/versions",
    summary: "Every version of the offer, newest first",
    tag: "local offer",
    params: CouncilPath,
    body: noBody,
    response: LocalOffer.OfferVersions,
    status: 200
  },
  offerVersion: {
    method: "get",
    path: "/v1/councils/:council/offer/versions/:version",
    summary: "One version of the offer",
    tag: "local offer",
    params: OfferVersionPath,
    body: noBody,
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
    body: noBody,
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
    body: noBody,
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
    body: noBody,
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
    body: noBody,
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
    body: noBody,
    response: TakeUpGaps,
    status: 200,
    purpose: "find young people who have not taken up an entitlement"
  }
} as const satisfies Record<string, Endpoint>
