/**
 * Where and with whom a looked-after child lives (903 field `PLACE`, XML tag `PL`). The code set changes by
 * collection year: H5, P2 and Z1 end with 2024/25; K3 and Z11–Z14 begin with 2025/26. This module lists every code
 * any supported year allows; which codes are valid in which year is a validation rule (146), not a type.
 */
import { Schema } from "effect"
import * as CodeList from "./CodeList.ts"

/** @category models */
export const codes = CodeList.make("PlacementType", "Placement type", {
  A3: "Placed for adoption with parental or guardian consent with current foster carer(s)",
  A4: "Placed for adoption with parental or guardian consent not with current foster carer(s)",
  A5: "Placed for adoption with placement order with current foster carer(s)",
  A6: "Placed for adoption with placement order not with current foster carer(s)",
  H5: "Semi-independent living accommodation not subject to children's homes regulations",
  K1: "Secure children's home",
  K2: "Children's home subject to Children's Homes Regulations",
  K3: "Supported accommodation registered with Ofsted",
  P1: "Placed with own parent(s) or other person(s) with parental responsibility",
  P2: "Independent living, for example in a flat, lodgings, bedsit, bed and breakfast or with friends",
  P3: "Residential employment",
  R1: "Residential care home",
  R2: "NHS or health trust or other establishment providing medical or nursing care",
  R3: "Family centre or mother and baby unit",
  R5: "Young offender institution or prison",
  S1: "Residential school not subject to children's homes regulations",
  T0: "All types of temporary move",
  T1: "Temporary periods in hospital",
  T2: "Temporary absences of the child on holiday",
  T3: "Temporary accommodation whilst normal foster carer is on holiday",
  T4: "Temporary accommodation of seven days or less, for any reason not covered by T1 to T3",
  U1: "Foster placement with relative or friend, long-term fostering",
  U2: "Foster placement with relative or friend who is also an approved adopter (fostering for adoption or concurrent planning)",
  U3: "Foster placement with relative or friend, not long-term or fostering for adoption",
  U4: "Foster placement with other foster carer, long-term fostering",
  U5: "Foster placement with other foster carer who is also an approved adopter (fostering for adoption or concurrent planning)",
  U6: "Foster placement with other foster carer, not long-term or fostering for adoption",
  Z1: "Other placements",
  Z11: "Other placement (Z11)",
  Z12: "Other placement (Z12)",
  Z13: "Other placement (Z13)",
  Z14: "Other placement (Z14)"
})

/** @category schemas */
export const PlacementType = codes.schema
export type PlacementType = typeof PlacementType.Type

/**
 * The groups used in `indicators.md` and DfE's published tables.
 * @category models
 */
export const Group = Schema.Literals(["foster", "adoption", "parents", "homes_secure_semi_independent", "other"])
export type Group = typeof Group.Type

/** @category getters */
export const group = (p: PlacementType): Group => {
  if (isFoster(p)) return "foster"
  if (isPlacedForAdoption(p)) return "adoption"
  if (p === "P1") return "parents"
  if (isHomesSecureSemiIndependent(p)) return "homes_secure_semi_independent"
  return "other"
}

/** Foster placements U1–U6. @category predicates */
export const isFoster = (p: PlacementType): boolean => p.length === 2 && p[0] === "U"

/** Placed for adoption A3–A6. @category predicates */
export const isPlacedForAdoption = (p: PlacementType): boolean => p === "A3" || p === "A4" || p === "A5" || p === "A6"

/** Temporary moves T0–T4, which DfE does not count as placements. @category predicates */
export const isTemporary = (p: PlacementType): boolean => p[0] === "T"

/**
 * DfE's "secure units, children's homes and semi-independent living": K1, K2, K3, H5 (indicators.md).
 * @category predicates
 */
export const isHomesSecureSemiIndependent = (p: PlacementType): boolean =>
  p === "K1" || p === "K2" || p === "K3" || p === "H5"
