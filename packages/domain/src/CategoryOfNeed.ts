/** The main reason the child is looked after (903 field `CIN`). */
import * as CodeList from "./CodeList.ts"

/** @category models */
export const codes = CodeList.make("CategoryOfNeed", "Category of need", {
  N1: "Abuse or neglect",
  N2: "Child's disability",
  N3: "Parental illness or disability",
  N4: "Family in acute stress",
  N5: "Family dysfunction",
  N6: "Socially unacceptable behaviour",
  N7: "Low income",
  N8: "Absent parenting"
})

/** @category schemas */
export const CategoryOfNeed = codes.schema
export type CategoryOfNeed = typeof CategoryOfNeed.Type
