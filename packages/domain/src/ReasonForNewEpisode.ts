/**
 * Why a new 903 episode began (field `RNE`): a new period of care, or a change of legal status and/or placement.
 */
import * as CodeList from "./CodeList.ts"

/** @category models */
export const codes = CodeList.make("ReasonForNewEpisode", "Reason for new episode", {
  S: "Started to be looked after",
  L: "Change of legal status only",
  P: "Change of placement and carer(s) only",
  T: "Change of placement but same carer(s) only",
  B: "Change of legal status and placement and carer(s) at the same time",
  U: "Change of legal status and change of placement but same carer(s) at the same time"
})

/** @category schemas */
export const ReasonForNewEpisode = codes.schema
export type ReasonForNewEpisode = typeof ReasonForNewEpisode.Type

/**
 * The placement changed with this episode (P, B, T, U); L changes legal status only and S starts a period of care.
 * @category predicates
 */
export const isPlacementChange = (rne: ReasonForNewEpisode): boolean =>
  rne === "P" || rne === "B" || rne === "T" || rne === "U"

/**
 * The carer stayed the same (L, T, U): used to walk back a placement with the same carer for long-term stability.
 * @category predicates
 */
export const isSameCarer = (rne: ReasonForNewEpisode): boolean => rne === "L" || rne === "T" || rne === "U"
