/**
 * Take-up of the local offer in a year (`GET /v1/councils/:council/takeup`): applications, awards, payments,
 * refusals and declines by entitlement, area, age band or status, suppressed by the API for members and the public.
 */
import type * as Audience from "@cpo/domain/Audience"
import * as TakeUp from "@cpo/domain/TakeUp"
import { getJson } from "./api.ts"

export type TakeUpSummary = TakeUp.Summary
export type TakeUpRow = TakeUp.SummaryRow

/** @category constructors */
export const fetchTakeUp = (q: {
  readonly council: string
  readonly year: number
  readonly by: TakeUp.GroupBy
  readonly audience: Audience.Audience
}): Promise<TakeUpSummary> =>
  getJson(
    `/v1/councils/${encodeURIComponent(q.council)}/takeup?year=${q.year}&by=${q.by}&audience=${q.audience}`,
    TakeUp.Summary
  )
