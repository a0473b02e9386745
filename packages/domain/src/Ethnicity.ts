/** The child's ethnic origin (903 field `ETHNIC`), and DfE's major groups. */
import { Schema } from "effect"
import * as CodeList from "./CodeList.ts"

/** @category models */
export const codes = CodeList.make("Ethnicity", "Ethnicity", {
  WBRI: "White British",
  WIRI: "White Irish",
  WOTH: "Any other White background",
  WIRT: "Traveller of Irish heritage",
  WROM: "Gypsy/Roma",
  MWBC: "White and Black Caribbean",
  MWBA: "White and Black African",
  MWAS: "White and Asian",
  MOTH: "Any other mixed background",
  AIND: "Indian",
  APKN: "Pakistani",
  ABAN: "Bangladeshi",
  AOTH: "Any other Asian background",
  BCRB: "Caribbean",
  BAFR: "African",
  BOTH: "Any other Black background",
  CHNE: "Chinese",
  OOTH: "Any other ethnic group",
  REFU: "Refused",
  NOBT: "Information not yet obtained"
})

/** @category schemas */
export const Ethnicity = codes.schema
export type Ethnicity = typeof Ethnicity.Type

/** @category models */
export const Group = Schema.Literals(["white", "mixed", "asian", "black", "other", "unknown"])
export type Group = typeof Group.Type

/** @category getters */
export const group = (e: Ethnicity): Group => {
  if (e === "REFU" || e === "NOBT") return "unknown"
  if (e === "CHNE" || e === "OOTH") return "other"
  switch (e[0]) {
    case "W":
      return "white"
    case "M":
      return "mixed"
    case "A":
      return "asian"
    default:
      return "black"
  }
}
