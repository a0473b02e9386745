/** A period during which one social worker was allocated to the child (903 SWEpisodes, from 2023/24). */
import { Schema } from "effect"
import * as CalendarDate from "./CalendarDate.ts"
import { ChildId } from "./Child.ts"
import * as CodeList from "./CodeList.ts"

/** @category models */
export const changeReasonCodes = CodeList.make("SocialWorkerChangeReason", "Reason for social worker change", {
  MANAGE: "Management decision",
  FCONTA: "Fixed-term contract ended",
  LEFTRL: "Social worker left the role",
  ORGRST: "Organisational restructure",
  TSPROC: "Transfer between teams as part of a process",
  ABSENC: "Social worker absence",
  CHCHAN: "Change in the child's circumstances",
  PCCHAN: "Change requested by the child, parent or carer",
  SWDIED: "Social worker died",
  OTHERS: "Other"
})
/** @category schemas */
export const ChangeReason = changeReasonCodes.schema
export type ChangeReason = typeof ChangeReason.Type

/** @category models */
export const SocialWorkerEpisode = Schema.Struct({
  childId: ChildId,
  dateOfBirth: CalendarDate.CalendarDate,
  socialWorkerId: Schema.String,
  start: CalendarDate.CalendarDate,
  end: Schema.OptionFromNullOr(CalendarDate.CalendarDate),
  reason: Schema.OptionFromNullOr(ChangeReason)
}).annotate({ identifier: "SocialWorkerEpisode", title: "Social worker episode (903 SWEpisodes)" })
export type SocialWorkerEpisode = typeof SocialWorkerEpisode.Type
