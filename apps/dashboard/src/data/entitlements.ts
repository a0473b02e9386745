/**
 * A young person's entitlements under the published local offer on a day (`GET …/entitlements/:child?on=`): each
 * entitlement assessed with the reasons, and what starts, stops or changes ahead. Child-level and audited by the
 * API; for officers (and partners, for named entitlements only).
 */
import * as LocalOffer from "@cpo/domain/LocalOffer"
import { getJson } from "./api.ts"

/** @category models */
export type PersonalEntitlements = LocalOffer.PersonalEntitlements

/** @category constructors */
export const fetchEntitlements = (q: {
  readonly council: string
  readonly child: string
  readonly on: string
}): Promise<PersonalEntitlements> =>
  getJson(
    `/v1/councils/${encodeURIComponent(q.council)}/entitlements/${encodeURIComponent(q.child)}?on=${q.on}`,
    LocalOffer.PersonalEntitlements
  )
