/** Who provides the placement (903 field `PLACE_PROVIDER`). */
import * as CodeList from "./CodeList.ts"

/** @category models */
export const codes = CodeList.make("PlacementProvider", "Placement provider", {
  PR0: "Parent(s) or other person(s) with parental responsibility",
  PR1: "Own provision by the local authority",
  PR2: "Other local authority provision",
  PR3: "Other public provision, for example a primary care trust",
  PR4: "Private provision",
  PR5: "Voluntary or third sector provision"
})

/** @category schemas */
export const PlacementProvider = codes.schema
export type PlacementProvider = typeof PlacementProvider.Type
