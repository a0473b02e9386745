/**
 * What the council knows of a care leaver around their 17th to 21st birthday (903 OC3): in touch, main activity and
 * accommodation.
 */
import { Schema } from "effect"
import * as CalendarDate from "./CalendarDate.ts"
import { ChildId } from "./Child.ts"
import * as CodeList from "./CodeList.ts"

/** @category models */
export const inTouchCodes = CodeList.make("InTouch", "Council in touch with care leaver", {
  YES: "In touch",
  NO: "Not in touch",
  DIED: "Died since leaving care",
  REFU: "Young person refuses contact",
  NREQ: "Young person no longer requires services",
  RHOM: "Returned home to parents or person with parental responsibility for 6 months or more"
})
/** @category schemas */
export const InTouch = inTouchCodes.schema
export type InTouch = typeof InTouch.Type

/** @category models */
export const activityCodes = CodeList.make("CareLeaverActivity", "Main activity", {
  F1: "Full-time higher education",
  P1: "Part-time higher education",
  F2: "Full-time education other than higher education",
  P2: "Part-time education other than higher education",
  F3: "Full-time training or employment (before 2022/23)",
  P3: "Part-time training or employment (before 2022/23)",
  F4: "Full-time apprenticeship",
  P4: "Part-time apprenticeship",
  F5: "Full-time training or employment (not apprenticeship)",
  P5: "Part-time training or employment (not apprenticeship)",
  G4: "Not in education, employment or training: illness or disability",
  G5: "Not in education, employment or training: other circumstances",
  G6: "Not in education, employment or training: pregnancy or parenting",
  "0": "Not in touch, activity unknown, died or returned home"
})
/** @category schemas */
export const Activity = activityCodes.schema
export type Activity = typeof Activity.Type

/** In education, employment or training. @category predicates */
export const isEducationEmploymentOrTraining = (a: Activity): boolean => a[0] === "F" || a[0] === "P"

const accommodationKinds: Record<string, string> = {
  B: "With parents or relatives",
  C: "Community home or other residential care",
  D: "Semi-independent, transitional accommodation",
  E: "Supported lodgings",
  G: "Gone abroad",
  H: "Deported",
  K: "Ordinary lodgings, without formal support",
  R: "Residence not known",
  S: "No fixed abode or homeless",
  T: "Foyer or similar (accommodation with education, employment or training)",
  U: "Independent living",
  V: "Emergency accommodation",
  W: "Bed and breakfast",
  X: "In custody",
  Y: "Other accommodation",
  Z: "With former foster carers"
}
const accommodationLabels: Record<string, string> = { "0": "Not in touch, unknown, died or returned home" }
for (const [letter, kind] of Object.entries(accommodationKinds)) {
  if (letter !== "S" && letter !== "X") accommodationLabels[`${letter}1`] = `${kind}: suitable`
  accommodationLabels[`${letter}2`] = `${kind}: not suitable`
}

/** Accommodation (903 ACCOM): a letter for the kind, `1` suitable, `2` not suitable; S1 and X1 cannot occur. @category models */
export const accommodationCodes = CodeList.make(
  "CareLeaverAccommodation",
  "Accommodation",
  accommodationLabels as Record<
    "0" | `${"B" | "C" | "D" | "E" | "G" | "H" | "K" | "R" | "T" | "U" | "V" | "W" | "Y" | "Z"}${1 | 2}` | "S2" | "X2",
    string
  >
)
/** @category schemas */
export const Accommodation = accommodationCodes.schema
export type Accommodation = typeof Accommodation.Type

/** @category predicates */
export const isSuitableAccommodation = (a: Accommodation): boolean => a.endsWith("1")

/** @category models */
export const CareLeaverOutcome = Schema.Struct({
  childId: ChildId,
  dateOfBirth: CalendarDate.CalendarDate,
  inTouch: Schema.OptionFromNullOr(InTouch),
  activity: Schema.OptionFromNullOr(Activity),
  accommodation: Schema.OptionFromNullOr(Accommodation)
}).annotate({ identifier: "CareLeaverOutcome", title: "Care leaver (903 OC3)" })
export type CareLeaverOutcome = typeof CareLeaverOutcome.Type
