/**
 * Health and other outcomes of a child looked after continuously for at least 12 months at 31 March (903 OC2).
 * Each flag is `None` when left blank.
 */
import { Schema } from "effect"
import * as CalendarDate from "./CalendarDate.ts"
import { ChildId } from "./Child.ts"
import * as CodeList from "./CodeList.ts"

/** Why there is no strengths and difficulties score (903 SDQ_REASON). @category models */
export const sdqReasonCodes = CodeList.make("SdqReason", "Reason for no SDQ score", {
  SDQ1: "No form returned as child was aged under 4 or over 17 at date of latest assessment",
  SDQ2: "Carer refused to complete and return questionnaire",
  SDQ3: "Not possible to complete the questionnaire due to severity of the child's disability",
  SDQ4: "Other",
  SDQ5: "Child or young person refuses to allow an SDQ to be completed"
})

/** @category schemas */
export const SdqReason = sdqReasonCodes.schema
export type SdqReason = typeof SdqReason.Type

const Flag = Schema.OptionFromNullOr(Schema.Boolean)

/** @category models */
export const HealthOutcome = Schema.Struct({
  childId: ChildId,
  dateOfBirth: CalendarDate.CalendarDate,
  /** Strengths and difficulties questionnaire total, 0–40. */
  sdqScore: Schema.OptionFromNullOr(Schema.Int),
  sdqReason: Schema.OptionFromNullOr(SdqReason),
  convicted: Flag,
  healthCheck: Flag,
  immunisations: Flag,
  teethCheck: Flag,
  healthAssessment: Flag,
  substanceMisuse: Flag,
  interventionReceived: Flag,
  interventionOffered: Flag
}).annotate({ identifier: "HealthOutcome", title: "Outcomes for children looked after 12 months (903 OC2)" })
export type HealthOutcome = typeof HealthOutcome.Type
