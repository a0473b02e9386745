/**
 * A decision that a child should be placed for adoption, and when and why it ceased to apply (903 PlacedAdoption,
 * DfE's "should be placed for adoption" table).
 */
import { Schema } from "effect"
import * as CalendarDate from "./CalendarDate.ts"
import { ChildId } from "./Child.ts"
import * as CodeList from "./CodeList.ts"

/** @category models */
export const reasonCeasedCodes = CodeList.make("ReasonPlacedForAdoptionCeased", "Reason adoption decision ceased", {
  RD1: "The child's needs changed subsequent to the decision",
  RD2: "The court did not make a placement order",
  RD3: "Prospective adopters could not be found",
  RD4: "Any other reason"
})
/** @category schemas */
export const ReasonCeased = reasonCeasedCodes.schema
export type ReasonCeased = typeof ReasonCeased.Type

/** @category models */
export const PlacedForAdoption = Schema.Struct({
  childId: ChildId,
  dateOfBirth: CalendarDate.CalendarDate,
  /** DATE_PLACED: decision that the child should be placed for adoption. */
  decision: CalendarDate.CalendarDate,
  /** DATE_PLACED_CEASED. */
  ceased: Schema.OptionFromNullOr(CalendarDate.CalendarDate),
  reasonCeased: Schema.OptionFromNullOr(ReasonCeased)
}).annotate({ identifier: "PlacedForAdoption", title: "Decision to place for adoption (903 PlacedAdoption)" })
export type PlacedForAdoption = typeof PlacedForAdoption.Type
