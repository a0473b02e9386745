/**
 * The care leavers' local offer through the API (issue 9): the published offer in force today, open to anyone
 * (`GET …/offer`), and, for officers and administrators, its versions, the lifecycle of a draft (consult, approve,
 * publish) and the diff between two versions. Every answer is decoded with the domain's Schemas.
 */
import type * as CalendarDate from "@cpo/domain/CalendarDate"
import * as Entitlement from "@cpo/domain/Entitlement"
import * as LocalOffer from "@cpo/domain/LocalOffer"
import * as OfferArea from "@cpo/domain/OfferArea"
import * as OfferPage from "@cpo/domain/OfferPage"
import { Schema } from "effect"
import { getJson, sendJson } from "./api.ts"

/**
 * One entitlement of the published offer as the public page shows it: the stored entitlement's words plus the
 * API's `whoCanGetIt` (the rule in words) and `amountNow` (the amount in force on the day, formatted).
 * @category models
 */
export const PublishedEntitlement = Schema.Struct({
  id: Entitlement.EntitlementId,
  title: Schema.String,
  summary: Schema.String,
  areas: Schema.Array(OfferArea.OfferArea),
  basis: Entitlement.Basis,
  setBy: Entitlement.SetBy,
  howToAccess: Schema.String,
  approval: Entitlement.Approval,
  whoCanGetIt: Schema.String,
  amountNow: Schema.NullOr(Schema.String)
})
export type PublishedEntitlement = typeof PublishedEntitlement.Type

/** The published offer (`OfferPage.toJson`), with its entitlements read as the page shows them. @category models */
export const PublishedOffer = OfferPage.PublicOffer.mapFields((fields) => ({
  ...fields,
  entitlements: Schema.Array(PublishedEntitlement)
}))
export type PublishedOffer = typeof PublishedOffer.Type

const base = (council: string) => `/v1/councils/${encodeURIComponent(council)}/offer`

/** The offer in force today; open to anyone, no token needed. @category constructors */
export const fetchPublishedOffer = (council: string): Promise<PublishedOffer> => getJson(base(council), PublishedOffer)

/** @category models */
export type OfferVersion = LocalOffer.OfferVersion

/** Every version, newest first. @category constructors */
export const fetchOfferVersions = (council: string): Promise<ReadonlyArray<OfferVersion>> =>
  getJson(`${base(council)}/versions`, LocalOffer.OfferVersions).then((list) =>
    [...list.versions].sort((a, b) => b.version - a.version)
  )

/** What changed from version `from` to version `to`. @category constructors */
export const fetchOfferDiff = (council: string, from: number, to: number): Promise<LocalOffer.OfferDiff> =>
  getJson(`${base(council)}/diff?from=${from}&to=${to}`, LocalOffer.OfferDiff)

const encodeEntitlements = Schema.encodeSync(Schema.Array(Entitlement.Entitlement))

/** A new draft holding `from`'s entitlements under a new title. @category constructors */
export const draftFrom = (council: string, from: OfferVersion, title: string): Promise<OfferVersion> =>
  sendJson(
    `${base(council)}/versions`,
    { title, entitlements: encodeEntitlements(from.entitlements) },
    LocalOffer.OfferVersion
  )

/** What an officer records about a consultation on a draft (who recorded it is the caller). @category models */
export interface NewConsultation {
  readonly on: CalendarDate.CalendarDate
  readonly with: string
  readonly careLeavers: boolean
  readonly summary: string
}

const versionPath = (council: string, version: number) => `${base(council)}/versions/${version}`

/** @category constructors */
export const recordConsultation = (
  council: string,
  version: number,
  consultation: NewConsultation
): Promise<OfferVersion> =>
  sendJson(`${versionPath(council, version)}/consultations`, consultation, LocalOffer.OfferVersion)

/** @category constructors */
export const approveVersion = (council: string, version: number): Promise<OfferVersion> =>
  sendJson(`${versionPath(council, version)}/approval`, {}, LocalOffer.OfferVersion)

/** @category constructors */
export const publishVersion = (
  council: string,
  version: number,
  effectiveFrom: CalendarDate.CalendarDate
): Promise<OfferVersion> =>
  sendJson(`${versionPath(council, version)}/publication`, { effectiveFrom }, LocalOffer.OfferVersion)
