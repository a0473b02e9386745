/**
 * Why an episode ended (903 field `REC`). X1 means a new episode follows the same day and the child stays looked
 * after; every other code ends the period of care.
 */
import * as CodeList from "./CodeList.ts"

/** @category models */
export const codes = CodeList.make("ReasonEpisodeCeased", "Reason episode ceased", {
  X1: "Episode ceases, and new episode begins on same day, for any reason",
  E11: "Adopted: application for an adoption order unopposed",
  E12: "Adopted: consent dispensed with by the court",
  E2: "Died",
  E3: "Care taken over by another local authority in the UK",
  E4A: "Returned home to live with parents or other person with parental responsibility as part of the care planning process",
  E4B: "Returned home to live with parents or other person with parental responsibility, not part of the care planning process",
  E13: "Left care to live with parent(s), relative(s) or other person(s) with no parental responsibility",
  E41: "Residence order or child arrangement order granted",
  E43: "Special guardianship order made to former foster carers (historic)",
  E44: "Special guardianship order made to carers other than former foster carers (historic)",
  E45: "Special guardianship order made to former foster carer(s), who was a relative or friend",
  E46: "Special guardianship order made to former foster carer(s), other than relative(s) or friend(s)",
  E47: "Special guardianship order made to carer(s), other than former foster carer(s), who was a relative or friend",
  E48: "Special guardianship order made to carer(s), other than former foster carer(s), other than relative(s) or friend(s)",
  E5: "Moved into independent living arrangement and no longer looked after: supportive accommodation providing formalised advice or support",
  E6: "Moved into independent living arrangement and no longer looked after: accommodation providing no formalised advice or support",
  E7: "Transferred to residential care funded by adult social care services",
  E9: "Sentenced to custody",
  E14: "Accommodation on remand ended",
  E15: "Age assessment determined child is aged 18 or over",
  E16: "Child moved abroad",
  E17: "Aged 18 or over and remained with current carers",
  E8: "Period of being looked after ceased for any other reason"
})

/** @category schemas */
export const ReasonEpisodeCeased = codes.schema
export type ReasonEpisodeCeased = typeof ReasonEpisodeCeased.Type

/** The period of care ended (any code but X1). @category predicates */
export const isLeavingCare = (rec: ReasonEpisodeCeased): boolean => rec !== "X1"

/** Adopted (E11, E12). @category predicates */
export const isAdoption = (rec: ReasonEpisodeCeased): boolean => rec === "E11" || rec === "E12"

/** Special guardianship order (E45–E48, historic E43/E44). @category predicates */
export const isSpecialGuardianship = (rec: ReasonEpisodeCeased): boolean =>
  rec === "E43" || rec === "E44" || rec === "E45" || rec === "E46" || rec === "E47" || rec === "E48"
