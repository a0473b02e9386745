/**
 * Whether a child starting a period of care had previously left care through a permanence order (903 PrevPerm). The
 * date may be partly unknown: any of its parts can be written `ZZ`/`ZZZZ` in the return, kept here as `None`.
 */
import { Schema } from "effect"
import * as CalendarDate from "./CalendarDate.ts"
import { ChildId } from "./Child.ts"
import * as CodeList from "./CodeList.ts"

/** @category models */
export const optionCodes = CodeList.make("PreviousPermanenceOption", "Previous permanence option", {
  P1: "Adoption",
  P2: "Special guardianship order",
  P3: "Residence order or child arrangements order",
  P4: "Unknown",
  Z1: "Child has not previously been subject to a permanence option"
})
/** @category schemas */
export const PermanenceOption = optionCodes.schema
export type PermanenceOption = typeof PermanenceOption.Type

/** A date with possibly unknown parts. @category models */
export const PartialDate = Schema.Struct({
  year: Schema.OptionFromNullOr(Schema.Int),
  month: Schema.OptionFromNullOr(Schema.Int),
  day: Schema.OptionFromNullOr(Schema.Int)
}).annotate({ identifier: "PartialDate" })
export type PartialDate = typeof PartialDate.Type

/** @category models */
export const PreviousPermanence = Schema.Struct({
  childId: ChildId,
  dateOfBirth: CalendarDate.CalendarDate,
  option: Schema.OptionFromNullOr(PermanenceOption),
  /** LA_PERM: the authority that made the order (DfE code, or NIR/SCO/WAL/NUK/999). */
  localAuthority: Schema.OptionFromNullOr(Schema.String),
  date: Schema.OptionFromNullOr(PartialDate)
}).annotate({ identifier: "PreviousPermanence", title: "Previous permanence (903 PrevPerm)" })
export type PreviousPermanence = typeof PreviousPermanence.Type
