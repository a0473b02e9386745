/** A child adopted in the year, with the adoption's milestones and adopters (903 AD1). */
import { Schema } from "effect"
import * as CalendarDate from "./CalendarDate.ts"
import { ChildId } from "./Child.ts"
import * as CodeList from "./CodeList.ts"

/** @category models */
export const adopterSexCodes = CodeList.make("AdopterSex", "Sex of adopter(s)", {
  M1: "Male adopter",
  F1: "Female adopter",
  MM: "Male couple",
  FF: "Female couple",
  MF: "Male and female couple"
})
/** @category schemas */
export const AdopterSex = adopterSexCodes.schema
export type AdopterSex = typeof AdopterSex.Type

/** @category models */
export const adopterLegalStatusCodes = CodeList.make("AdopterLegalStatus", "Legal status of adopter(s)", {
  L0: "Single adopter",
  L11: "Married couple, different sex",
  L12: "Married couple, same sex",
  L2: "Civil partnership couple",
  L3: "Unmarried couple, different sex",
  L4: "Unmarried couple, same sex"
})
/** @category schemas */
export const AdopterLegalStatus = adopterLegalStatusCodes.schema
export type AdopterLegalStatus = typeof AdopterLegalStatus.Type

/** @category models */
export const Adoption = Schema.Struct({
  childId: ChildId,
  dateOfBirth: CalendarDate.CalendarDate,
  /** DATE_INT: decision that adoption is in the child's best interests. */
  bestInterestDecision: Schema.OptionFromNullOr(CalendarDate.CalendarDate),
  /** DATE_MATCH: matched with the adopter(s). */
  matched: Schema.OptionFromNullOr(CalendarDate.CalendarDate),
  byFormerFosterCarer: Schema.OptionFromNullOr(Schema.Boolean),
  numberOfAdopters: Schema.OptionFromNullOr(Schema.Literals([1, 2])),
  adopterSex: Schema.OptionFromNullOr(AdopterSex),
  adopterLegalStatus: Schema.OptionFromNullOr(AdopterLegalStatus)
}).annotate({ identifier: "Adoption", title: "Adoption (903 AD1)" })
export type Adoption = typeof Adoption.Type
