/**
 * The legal basis on which a child is looked after (903 field `LS`). Short breaks (V3, V4) are looked after in law
 * but excluded from almost every DfE headline figure.
 */
import { Schema } from "effect"
import * as CodeList from "./CodeList.ts"

/** @category models */
export const codes = CodeList.make("LegalStatus", "Legal status", {
  C1: "Interim care order",
  C2: "Full care order",
  D1: "Freeing order granted",
  E1: "Placement order granted",
  V2: "Single period of accommodation under section 20",
  V3: "Accommodated under an agreed series of short-term breaks, when individual episodes are recorded",
  V4: "Accommodated under an agreed series of short-term breaks, when agreements are recorded",
  L1: "Under police protection and in local authority accommodation",
  L2: "Emergency protection order",
  L3: "Under child assessment order and in local authority accommodation",
  J1: "Remanded to local authority accommodation or to youth detention accommodation",
  J2: "Placed in local authority accommodation under the Police and Criminal Evidence Act 1984",
  J3: "Sentenced to a youth rehabilitation order with residence or intensive fostering requirement"
})

/** @category schemas */
export const LegalStatus = codes.schema
export type LegalStatus = typeof LegalStatus.Type

/** @category predicates */
export const isShortBreak = (ls: LegalStatus): boolean => ls === "V3" || ls === "V4"

/**
 * DfE's grouping of legal statuses in the published tables.
 * @category models
 */
export const Group = Schema.Literals([
  "care_order",
  "placement_order",
  "section_20",
  "youth_justice",
  "emergency",
  "short_breaks",
  "freeing_order"
])
export type Group = typeof Group.Type

/** @category getters */
export const group = (ls: LegalStatus): Group => {
  switch (ls) {
    case "C1":
    case "C2":
      return "care_order"
    case "E1":
      return "placement_order"
    case "D1":
      return "freeing_order"
    case "V2":
      return "section_20"
    case "V3":
    case "V4":
      return "short_breaks"
    case "J1":
    case "J2":
    case "J3":
      return "youth_justice"
    case "L1":
    case "L2":
    case "L3":
      return "emergency"
  }
}
