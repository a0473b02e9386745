/**
 * A child who is, or was, an unaccompanied asylum-seeking child (903 UASC table). UASC status usually ends at 18
 * (`statusCeased`, 903 DUC).
 */
import { Option, Schema } from "effect"
import * as CalendarDate from "./CalendarDate.ts"
import { ChildId, Sex } from "./Child.ts"

/** @category models */
export const UnaccompaniedAsylumSeekingChild = Schema.Struct({
  childId: ChildId,
  sex: Sex,
  dateOfBirth: CalendarDate.CalendarDate,
  statusCeased: Schema.OptionFromNullOr(CalendarDate.CalendarDate)
}).annotate({ identifier: "UnaccompaniedAsylumSeekingChild", title: "UASC (903 UASC)" })
export type UnaccompaniedAsylumSeekingChild = typeof UnaccompaniedAsylumSeekingChild.Type

/** Still UASC on `on`: no end date, or an end date after it (ssda903.md §4.11). @category predicates */
export const isUascOn = (self: UnaccompaniedAsylumSeekingChild, on: CalendarDate.CalendarDate): boolean =>
  Option.isNone(self.statusCeased) || self.statusCeased.value > on
