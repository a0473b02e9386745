/**
 * DfE rules 500–699 and 1000–1016: adoption, placed for adoption, previous permanence, missing, comparison with last year's return and long-stay checks.
 * Each rule is a small pure check named by its DfE code; messages are our own paraphrase. The logic follows the DfE
 * 903 validation rules as the open peer validator (data-to-insight csc-validator-be-903) reads them; where we read
 * the DfE wording differently the choice is recorded in AGREEMENT.md. This module holds the episode, placement
 * provider, adopter and placed-for-adoption rules; `Codes5xx6xx1xxxOutcomes.ts` the rest.
 */
import { type Episode, Placement } from "@cpo/domain"
import { Option } from "effect"
import { type ChildRecords, type Hit, hit, hitsOn, hitsWhere, perChild, perChildWith, type Rule } from "../Rule.ts"
import * as Outcomes from "./Codes5xx6xx1xxxOutcomes.ts"
import {
  define,
  episodesWhere,
  firstBy,
  firstEpisodeOfYear,
  isAdoptedEnding,
  isPlacedForAdoption,
  isSet,
  lastYear,
  orUndefined,
  placementDistanceMoved,
  placementLa,
  rowsWhere,
  startOf,
  ys
} from "./Codes5xx6xx1xxxShared.ts"

// ── Episodes: sequence and comparison with last year ──────────────────────────────────────────────────────────────

const r501 = define(
  "501",
  "An episode starts before the previous episode ended",
  ["Episodes"],
  ["DECOM", "DEC"],
  perChild((c) => {
    const out: Array<Hit> = []
    for (let i = 1; i < c.episodes.length; i++) {
      const before = c.episodes[i - 1]!.value
      const now = c.episodes[i]!
      if (Option.isSome(before.end) && now.value.start < before.end.value) out.push(hit("Episodes", now, c.childId))
    }
    return out
  })
)

const r502 = define(
  "502",
  "Last year's return ended with an open episode whose start date is not the start date of the first episode this year",
  ["Episodes"],
  ["DECOM"],
  perChild((c, ctx) => {
    const last = lastYear(c, ctx)
    if (last === undefined) return undefined
    const first = firstEpisodeOfYear(c, ctx)
    if (first === undefined) return undefined
    for (let i = 0; i < last.episodes.length; i++) {
      const e = last.episodes[i]!.value
      if (Option.isNone(e.end) && e.start !== first.value.start) return [hit("Episodes", first, c.childId)]
    }
    return undefined
  }),
  { needs: ["previous"] }
)

/**
 * 503G/H/J compare the first episode of this year with last year's latest episode, when that one was still open, on a
 * placement figure derived from postcodes (distance, placement LA, in or out of the council's area).
 */
const comparedWithLastOpen = (
  code: string,
  message: string,
  field: string,
  differs: (now: Episode.Episode, then: Episode.Episode, area: Placement.AreaContext) => boolean
): Rule =>
  define(
    code,
    message,
    ["Episodes"],
    [field],
    perChildWith((ctx) => {
      if (Option.isNone(ctx.area)) return undefined
      const area = ctx.area.value
      return (c) => {
        const first = firstEpisodeOfYear(c, ctx)
        const last = lastYear(c, ctx)
        if (first === undefined || last === undefined) return undefined
        const then = firstBy(last.episodes, startOf, "max")
        if (then === undefined || Option.isSome(then.value.end)) return undefined
        return differs(first.value, then.value, area) ? [hit("Episodes", first, c.childId)] : undefined
      }
    }),
    { needs: ["previous", "postcodes"] }
  )

const r503G = comparedWithLastOpen(
  "503G",
  "The placement distance of the first episode differs from that of the episode open at the end of last year",
  "PL_DISTANCE",
  placementDistanceMoved
)

const r503H = comparedWithLastOpen(
  "503H",
  "The placement local authority of the first episode differs from that of the episode open at the end of last year",
  "PL_LA",
  (now, then, area) => placementLa(now, area) !== placementLa(then, area)
)

const r503J = comparedWithLastOpen(
  "503J",
  "The placement location (in or out of area) of the first episode differs from that of the episode open at the end of last year",
  "PL_LOCATION",
  (now, then, area) => orUndefined(Placement.isOutOfArea(now, area)) !== orUndefined(Placement.isOutOfArea(then, area))
)

const r504 = define(
  "504",
  "The category of need differs from the one recorded at the start of the period of care",
  ["Episodes"],
  ["CIN"],
  perChild((c) => {
    const out: Array<Hit> = []
    for (let i = 1; i < c.episodes.length; i++) {
      const before = c.episodes[i - 1]!.value
      const now = c.episodes[i]!
      if (
        orUndefined(before.reasonCeased) === "X1" &&
        orUndefined(before.end) === now.value.start &&
        now.value.categoryOfNeed !== before.categoryOfNeed
      ) {
        out.push(hit("Episodes", now, c.childId))
      }
    }
    return out
  })
)

const r562 = define(
  "562",
  "An episode started before this year but last year's return does not end with the same episode",
  ["Episodes"],
  ["DECOM"],
  perChild((c, ctx) => {
    const first = firstEpisodeOfYear(c, ctx)
    if (first === undefined || first.value.start >= ys(ctx)) return undefined
    const then = firstBy(lastYear(c, ctx)?.episodes ?? [], startOf, "max")
    return then === undefined || then.value.start !== first.value.start
      ? [hit("Episodes", first, c.childId)]
      : undefined
  }),
  { needs: ["previous"] }
)

// ── Episodes: placement provider ──────────────────────────────────────────────────────────────────────────────────

const providerNotAllowed = (code: string, provider: string, placements: ReadonlyArray<string>, message: string) => {
  const set = new Set(placements)
  return define(
    code,
    message,
    ["Episodes"],
    ["PLACE", "PLACE_PROVIDER"],
    episodesWhere((e) => orUndefined(e.provider) === provider && set.has(e.placement))
  )
}

const r527 = providerNotAllowed(
  "527",
  "PR1",
  ["P1", "R2", "R5"],
  "Own-authority provision (PR1) cannot provide a placement with parents, a health placement or custody (P1, R2, R5)"
)
const r528 = providerNotAllowed(
  "528",
  "PR2",
  ["P1", "R2", "R5"],
  "Other-authority provision (PR2) cannot provide a placement with parents, a health placement or custody (P1, R2, R5)"
)
const r529 = providerNotAllowed(
  "529",
  "PR3",
  ["A3", "A4", "A5", "A6", "K1", "K2", "P1", "U1", "U2", "U3", "U4", "U5", "U6"],
  "Other public provision (PR3) cannot provide adoption, children's home, parent or foster placements (A3–A6, K1, K2, P1, U1–U6)"
)
const r530 = providerNotAllowed(
  "530",
  "PR4",
  ["P1"],
  "Private provision (PR4) cannot provide a placement with parents (P1)"
)
const r531 = providerNotAllowed(
  "531",
  "PR5",
  ["P1"],
  "Voluntary sector provision (PR5) cannot provide a placement with parents (P1)"
)

const r550 = define(
  "550",
  "The parent provider code (PR0) is only for placements with parents (P1)",
  ["Episodes"],
  ["PLACE", "PLACE_PROVIDER"],
  episodesWhere((e) => orUndefined(e.provider) === "PR0" && e.placement !== "P1")
)

const providerMissing = (years: Rule["years"], exempt: ReadonlyArray<string>, message: string): Rule => {
  const set = new Set(exempt)
  return define(
    "526",
    message,
    ["Episodes"],
    ["PLACE", "PLACE_PROVIDER"],
    episodesWhere((e) => Option.isNone(e.provider) && !set.has(e.placement)),
    { years }
  )
}

const r526a = providerMissing(
  { from: 2016, to: 2025 },
  ["T0", "T1", "T2", "T3", "T4", "Z1"],
  "The placement provider is missing for a placement that needs one (all but T0–T4 and Z1)"
)
/** From 2025/26 Z1 is split into Z11–Z14, which take its exemption. */
const r526b = providerMissing(
  { from: 2026 },
  ["T0", "T1", "T2", "T3", "T4", "Z11", "Z12", "Z13", "Z14"],
  "The placement provider is missing for a placement that needs one (all but T0–T4 and Z11–Z14)"
)

const r516 = define(
  "516",
  "A special guardianship order to a former foster carer (E45, E46) needs a foster placement (U1–U6) for the episode",
  ["Episodes"],
  ["REC", "PLACE"],
  episodesWhere((e) => {
    const rec = orUndefined(e.reasonCeased)
    return (rec === "E45" || rec === "E46") && !e.placement.startsWith("U")
  })
)

// ── AD1: adopters ─────────────────────────────────────────────────────────────────────────────────────────────────

const single = new Set(["M1", "F1"])

const adopterRule = (code: string, message: string, fields: ReadonlyArray<string>, test: (a: Adoption) => boolean) =>
  define(code, message, ["AD1"], fields, perChild(rowsWhere("AD1", (c) => c.adoptions, test)))

type Adoption = ChildRecords["adoptions"][number]["value"]

const sexIn = (a: Adoption, codes: ReadonlyArray<string>) => {
  const s = orUndefined(a.adopterSex)
  return s !== undefined && codes.includes(s)
}

const r511 = adopterRule(
  "511",
  "Two adopters are recorded, so the adopters' sexes must be a couple code (MM, FF or MF)",
  ["NB_ADOPTR", "SEX_ADOPTR"],
  (a) => orUndefined(a.numberOfAdopters) === 2 && single.has(orUndefined(a.adopterSex) ?? "")
)
/** The DfE message speaks of a single adopter recorded as a couple: a blank sex of adopters is not a couple. */
const r514 = adopterRule(
  "514",
  "The adopter's legal status is single (L0) but the adopters' sexes show a couple",
  ["LS_ADOPTR", "SEX_ADOPTR"],
  (a) =>
    orUndefined(a.adopterLegalStatus) === "L0" && isSet(a.adopterSex) && !single.has(orUndefined(a.adopterSex) ?? "")
)
const r517 = adopterRule(
  "517",
  "Adopters in a different-sex unmarried couple (L3) must have the sexes coded MF",
  ["LS_ADOPTR", "SEX_ADOPTR"],
  (a) => orUndefined(a.adopterLegalStatus) === "L3" && !sexIn(a, ["MF"])
)
const r518 = adopterRule(
  "518",
  "Adopters in a same-sex unmarried couple (L4) must have the sexes coded MM or FF",
  ["LS_ADOPTR", "SEX_ADOPTR"],
  (a) => orUndefined(a.adopterLegalStatus) === "L4" && !sexIn(a, ["MM", "FF"])
)
const r519 = adopterRule(
  "519",
  "Adopters in a civil partnership (L2) must have the sexes coded as a couple (MM, FF or MF)",
  ["LS_ADOPTR", "SEX_ADOPTR"],
  (a) => orUndefined(a.adopterLegalStatus) === "L2" && !sexIn(a, ["MM", "FF", "MF"])
)
const r520 = adopterRule(
  "520",
  "Adopters in a different-sex married couple (L11) must have the sexes coded MF",
  ["LS_ADOPTR", "SEX_ADOPTR"],
  (a) => orUndefined(a.adopterLegalStatus) === "L11" && !sexIn(a, ["MF"])
)
const r524 = adopterRule(
  "524",
  "Adopters in a same-sex married couple (L12) must have the sexes coded MM or FF",
  ["LS_ADOPTR", "SEX_ADOPTR"],
  (a) => orUndefined(a.adopterLegalStatus) === "L12" && !sexIn(a, ["MM", "FF"])
)

// ── AD1, PlacedAdoption and Episodes together ─────────────────────────────────────────────────────────────────────

const r521 = define(
  "521",
  "The decision that adoption is in the child's best interests must be on or before the date the child was placed for adoption",
  ["Episodes", "AD1"],
  ["PLACE", "DECOM", "DATE_INT"],
  perChild((c) => {
    if (c.adoptions.length === 0) return undefined
    const out: Array<Hit> = []
    for (const e of c.episodes) {
      if (!isPlacedForAdoption(e.value)) continue
      for (const a of c.adoptions) {
        const decided = orUndefined(a.value.bestInterestDecision)
        if (decided !== undefined && decided > e.value.start) {
          out.push(hit("Episodes", e, c.childId), hit("AD1", a, c.childId))
        }
      }
    }
    return out
  })
)

const r522 = define(
  "522",
  "The decision that the child should be placed for adoption must be on or before the decision that they should no longer be",
  ["PlacedAdoption"],
  ["DATE_PLACED", "DATE_PLACED_CEASED"],
  perChild(
    rowsWhere(
      "PlacedAdoption",
      (c) => c.placedForAdoption,
      (p) => Option.isSome(p.ceased) && p.ceased.value < p.decision
    )
  )
)

const r523 = define(
  "523",
  "The decision that the child should be placed for adoption should be the same date as the decision that adoption is in their best interests",
  ["PlacedAdoption", "AD1"],
  ["DATE_PLACED", "DATE_INT"],
  perChild((c) => {
    const out: Array<Hit> = []
    for (const p of c.placedForAdoption) {
      for (const a of c.adoptions) {
        const decided = orUndefined(a.value.bestInterestDecision)
        if (decided !== undefined && decided !== p.value.decision) {
          out.push(hit("PlacedAdoption", p, c.childId), hit("AD1", a, c.childId))
        }
      }
    }
    return out
  })
)

const adoptionCompleted = (a: Adoption) =>
  isSet(a.bestInterestDecision) ||
  isSet(a.matched) ||
  isSet(a.byFormerFosterCarer) ||
  isSet(a.numberOfAdopters) ||
  isSet(a.adopterSex) ||
  isSet(a.adopterLegalStatus)

const r525 = define(
  "525",
  "The decision to place the child for adoption was reversed, so adoption details should not be completed",
  ["PlacedAdoption", "AD1"],
  ["DATE_PLACED_CEASED", "DATE_INT", "DATE_MATCH", "FOSTER_CARE", "NB_ADOPTR", "SEX_ADOPTR", "LS_ADOPTR"],
  perChild((c) => {
    const out: Array<Hit> = []
    for (const p of c.placedForAdoption) {
      if (Option.isNone(p.value.ceased)) continue
      for (const a of c.adoptions) {
        if (adoptionCompleted(a.value)) out.push(hit("PlacedAdoption", p, c.childId), hit("AD1", a, c.childId))
      }
    }
    return out
  })
)

const r551 = define(
  "551",
  "The child was placed for adoption but there is no decision that they should be placed for adoption",
  ["Episodes", "PlacedAdoption"],
  ["DATE_PLACED", "PLACE"],
  perChild((c) =>
    c.placedForAdoption.length > 0
      ? undefined
      : hitsWhere("Episodes", c.episodes, c.childId, (r) => isPlacedForAdoption(r.value))
  )
)

const r552 = define(
  "552",
  "The decision to place the child for adoption should be on or before the date they were first placed for adoption",
  ["Episodes", "PlacedAdoption"],
  ["DATE_PLACED", "DECOM"],
  perChild((c) => {
    if (c.placedForAdoption.length === 0) return undefined
    const placed = firstBy(
      c.episodes.filter((r) => isPlacedForAdoption(r.value)),
      (e) => e.start,
      "min"
    )
    const decision = firstBy(c.placedForAdoption, (p) => p.decision, "max")
    if (placed === undefined || decision === undefined || !(placed.value.start < decision.value.decision))
      return undefined
    return [hit("Episodes", placed, c.childId), hit("PlacedAdoption", decision, c.childId)]
  })
)

/**
 * 553 (placement order, E1) and 555 (freeing order, D1): an order was granted but there is no decision that the
 * child should be placed for adoption; and while the order's episode is open that decision cannot have ceased.
 */
const orderWithoutDecision = (code: string, legalStatus: string, years: Rule["years"], message: string): Rule =>
  define(
    code,
    message,
    ["Episodes", "PlacedAdoption"],
    ["CHILD", "DATE_PLACED", "DATE_PLACED_CEASED", "REASON_PLACED_CEASED"],
    perChild((c, ctx) => {
      // DfE's return holds the episodes open at some time in the year; an order that ended before it is last year's.
      const underOrder = c.episodes.filter(
        (r) => r.value.legalStatus === legalStatus && (Option.isNone(r.value.end) || r.value.end.value >= ys(ctx))
      )
      if (underOrder.length === 0) return undefined
      if (c.placedForAdoption.length === 0) return hitsOn("Episodes", underOrder, c.childId)
      if (!underOrder.some((r) => Option.isNone(r.value.end))) return undefined
      return hitsWhere(
        "PlacedAdoption",
        c.placedForAdoption,
        c.childId,
        (p) => isSet(p.value.ceased) || isSet(p.value.reasonCeased)
      )
    }),
    { years }
  )

const r553 = orderWithoutDecision(
  "553",
  "E1",
  { from: 2016 },
  "A placement order was granted but there is no open decision that the child should be placed for adoption"
)
const r555 = orderWithoutDecision(
  "555",
  "D1",
  { from: 2016, to: 2024 },
  "A freeing order was granted but there is no open decision that the child should be placed for adoption"
)

const r554 = define(
  "554",
  "The decision to place the child for adoption should be on or before the date the placement order was granted",
  ["Episodes", "PlacedAdoption"],
  ["DATE_PLACED", "DECOM", "LS"],
  perChild((c) => {
    if (c.placedForAdoption.length === 0) return undefined
    const order = firstBy(
      c.episodes.filter((r) => r.value.legalStatus === "E1"),
      (e) => e.start,
      "min"
    )
    if (order === undefined) return undefined
    const late = c.placedForAdoption.filter((p) => p.value.decision > order.value.start)
    return late.length === 0
      ? undefined
      : [hit("Episodes", order, c.childId), ...hitsOn("PlacedAdoption", late, c.childId)]
  })
)

const r556 = define(
  "556",
  "The decision to place the child for adoption should be on or before the date the freeing order was granted",
  ["Episodes", "PlacedAdoption"],
  ["DATE_PLACED", "DECOM"],
  perChild((c) =>
    c.placedForAdoption.length === 0
      ? undefined
      : hitsWhere(
          "Episodes",
          c.episodes,
          c.childId,
          (r) => r.value.legalStatus === "D1" && c.placedForAdoption.some((p) => p.value.decision > r.value.start)
        )
  ),
  { years: { from: 2016, to: 2024 } }
)

/**
 * 557: the child was placed for adoption or under an adoption order and then left care other than by adoption, but
 * the decision to place them for adoption has not been closed (date and reason it ceased). Freeing orders (D1) count
 * up to 2023/24 only.
 */
const leftWithoutAdoption = (years: Rule["years"], orders: ReadonlySet<string>, message: string): Rule =>
  define(
    "557",
    message,
    ["Episodes", "PlacedAdoption"],
    ["DATE_PLACED_CEASED", "REASON_PLACED_CEASED", "PLACE", "LS", "REC"],
    perChild((c) => {
      const left = c.episodes.filter(
        (r) =>
          (isPlacedForAdoption(r.value) || orders.has(r.value.legalStatus)) &&
          Option.isSome(r.value.reasonCeased) &&
          r.value.reasonCeased.value !== "X1" &&
          !isAdoptedEnding(r.value)
      )
      if (left.length === 0) return undefined
      if (c.placedForAdoption.length === 0) return hitsOn("Episodes", left, c.childId)
      const open = c.placedForAdoption.filter(
        (p) => Option.isNone(p.value.ceased) || Option.isNone(p.value.reasonCeased)
      )
      if (open.length === 0) return undefined
      return [...hitsOn("Episodes", left, c.childId), ...hitsOn("PlacedAdoption", open, c.childId)]
    }),
    { years }
  )

const r557a = leftWithoutAdoption(
  { from: 2016, to: 2024 },
  new Set(["D1", "E1"]),
  "The child left care without being adopted after a decision to place them for adoption (A3–A6, D1 or E1), but that decision has no date and reason it ceased"
)
const r557b = leftWithoutAdoption(
  { from: 2025 },
  new Set(["E1"]),
  "The child left care without being adopted after a decision to place them for adoption (A3–A6 or E1), but that decision has no date and reason it ceased"
)

/** The DfE message: an adopted child's decision was not disrupted, so none of their decisions may all have ceased. */
const r558 = define(
  "558",
  "The child was adopted, so the decision to place them for adoption should not have ceased",
  ["Episodes", "PlacedAdoption"],
  ["DATE_PLACED_CEASED", "REC"],
  perChild((c) => {
    if (c.placedForAdoption.length === 0 || c.placedForAdoption.some((p) => Option.isNone(p.value.ceased)))
      return undefined
    return hitsWhere("Episodes", c.episodes, c.childId, (r) => isAdoptedEnding(r.value))
  })
)

const r579 = define(
  "579",
  "A decision to place the child for adoption starts before the previous decision ceased, or while it is still open",
  ["PlacedAdoption"],
  ["DATE_PLACED", "DATE_PLACED_CEASED"],
  perChild((c) => {
    if (c.placedForAdoption.length < 2) return undefined
    const sorted = [...c.placedForAdoption].sort((a, b) =>
      a.value.decision < b.value.decision ? -1 : a.value.decision > b.value.decision ? 1 : 0
    )
    const out: Array<Hit> = []
    for (let i = 1; i < sorted.length; i++) {
      const before = sorted[i - 1]!.value
      const now = sorted[i]!
      if (Option.isNone(before.ceased) || now.value.decision < before.ceased.value) {
        out.push(hit("PlacedAdoption", now, c.childId))
      }
    }
    return out
  })
)

const r582 = define(
  "582",
  "The child was adopted on the same day as they were matched with adopters; matching is usually earlier",
  ["Episodes", "AD1"],
  ["DEC", "DATE_MATCH"],
  perChild((c) =>
    c.adoptions.length === 0
      ? undefined
      : hitsWhere(
          "Episodes",
          c.episodes,
          c.childId,
          (r) =>
            isAdoptedEnding(r.value) &&
            Option.isSome(r.value.end) &&
            c.adoptions.some((a) => orUndefined(a.value.matched) === (r.value.end as Option.Some<string>).value)
        )
  )
)

const r583 = define(
  "583",
  "More than one decision to place the child for adoption, but an earlier decision has no date it ceased",
  ["PlacedAdoption"],
  ["DATE_PLACED", "DATE_PLACED_CEASED"],
  perChild((c) => {
    if (c.placedForAdoption.length < 2) return undefined
    const latest = firstBy(c.placedForAdoption, (p) => p.decision, "max")
    return hitsWhere(
      "PlacedAdoption",
      c.placedForAdoption,
      c.childId,
      (p) => p !== latest && Option.isNone(p.value.ceased)
    )
  })
)

const r1003 = define(
  "1003",
  "The decision to place the child for adoption is before the child started to be looked after",
  ["Episodes", "PlacedAdoption"],
  ["DATE_PLACED", "DECOM", "RNE"],
  perChild((c) => {
    if (c.placedForAdoption.length === 0) return undefined
    const started = firstBy(
      c.episodes.filter((r) => r.value.reasonForNewEpisode === "S"),
      (e) => e.start,
      "min"
    )
    if (started === undefined) return undefined
    const out: Array<Hit> = []
    for (const p of c.placedForAdoption) {
      if (p.value.decision < started.value.start) {
        out.push(hit("Episodes", started, c.childId), hit("PlacedAdoption", p, c.childId))
      }
    }
    return out
  })
)

/** The rules of this module, every year's version. @category rules */
export const all: ReadonlyArray<Rule> = [
  r501,
  r502,
  r503G,
  r503H,
  r503J,
  r504,
  r511,
  r514,
  r516,
  r517,
  r518,
  r519,
  r520,
  r521,
  r522,
  r523,
  r524,
  r525,
  r526a,
  r526b,
  r527,
  r528,
  r529,
  r530,
  r531,
  r550,
  r551,
  r552,
  r553,
  r554,
  r555,
  r556,
  r557a,
  r557b,
  r558,
  r562,
  r579,
  r582,
  r583,
  r1003,
  ...Outcomes.all
]

/** Rules written and tested but not yet in force (see `Codes5xx6xx1xxxOutcomes.pending`). @category rules */
export const pending: ReadonlyArray<Rule> = Outcomes.pending
