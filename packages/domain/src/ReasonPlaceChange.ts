/** Why the placement changed (903 field `REASON_PLACE_CHANGE`). */
import * as CodeList from "./CodeList.ts"

/** @category models */
export const codes = CodeList.make("ReasonPlaceChange", "Reason for placement change", {
  CARPL: "Change to or implementation of care plan",
  CLOSE: "Resignation or closure of provision",
  ALLEG: "Allegation (section 47 enquiry)",
  STAND: "Standards of care concern",
  APPRR: "Approval removed",
  CREQB: "Carer requests placement end due to child's behaviour",
  CREQO: "Carer requests placement end, other than due to child's behaviour",
  CHILD: "Child requests placement end",
  LAREQ: "Responsible or area authority requests placement end",
  PLACE: "Change in the status of the placement only",
  CUSTOD: "Custody arrangement",
  OTHER: "Other"
})

/** @category schemas */
export const ReasonPlaceChange = codes.schema
export type ReasonPlaceChange = typeof ReasonPlaceChange.Type
