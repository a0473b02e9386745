/**
 * Simulated lives in care: each synthetic child's periods of care from the first day to the last, as plain day
 * numbers (days since 1970-01-01) so that hundreds of thousands of children simulate in a few seconds. A period is
 * planned as a chain of segments (legal status, placement, carer) following one of a few pathways seen in English
 * care (care proceedings, adoption, accommodation under section 20, long-term care to 18, UASC, remand, short
 * breaks); the 903 episodes, their RNE/REC codes and every other table are derived from it, per collection year, in
 * `Assemble.ts`.
 */
import type {
  Adoption,
  CategoryOfNeed,
  Child,
  Ethnicity,
  LegalStatus,
  PlacedForAdoption,
  PlacementProvider,
  PlacementType,
  PreviousPermanence,
  ReasonEpisodeCeased,
  ReasonForNewEpisode,
  ReasonPlaceChange,
  SocialWorkerEpisode
} from "@cpo/domain"
import * as Random from "../Random.ts"

type Ls = LegalStatus.LegalStatus
type Place = PlacementType.PlacementType
type Rec = ReasonEpisodeCeased.ReasonEpisodeCeased

const msPerDay = 86_400_000

/** The day number of the `years`-th birthday (29 February → 1 March in a common year, as the domain ages). */
export const birthday = (
  life: { readonly dobYear: number; readonly dobMonth: number; readonly dobDay: number },
  years: number
) => Date.UTC(life.dobYear + years, life.dobMonth - 1, life.dobDay) / msPerDay

/** One 903 episode-to-be. */
export interface Stay {
  readonly start: number
  readonly end: number
  readonly legalStatus: Ls
  readonly placement: Place
  readonly provider: PlacementProvider.PlacementProvider | null
  /** Where the placement is, as a number the postcode and URN are derived from (see {@link placementPostcodeOf}). */
  readonly site: number
  /** In the council's own area; `null` when the placement has no postcode. */
  readonly local: boolean | null
  readonly reasonForNewEpisode: ReasonForNewEpisode.ReasonForNewEpisode
  readonly reasonCeased: Rec
  readonly reasonPlaceChange: ReasonPlaceChange.ReasonPlaceChange | null
}

export interface AdoptionFacts {
  readonly bestInterest: number
  readonly matched: number
  readonly byFormerFosterCarer: boolean
  readonly numberOfAdopters: 1 | 2
  readonly adopterSex: Adoption.AdopterSex
  readonly adopterLegalStatus: Adoption.AdopterLegalStatus
}

export interface PlacementDecision {
  readonly decision: number
  readonly ceased: number | null
  readonly reason: PlacedForAdoption.ReasonCeased | null
}

export interface SocialWorkerSpell {
  readonly socialWorkerId: string
  readonly start: number
  readonly end: number
  readonly reason: SocialWorkerEpisode.ChangeReason | null
}

export interface Period {
  readonly start: number
  readonly end: number
  readonly reasonCeased: Rec
  readonly stays: ReadonlyArray<Stay>
  readonly categoryOfNeed: CategoryOfNeed.CategoryOfNeed
  readonly shortBreak: boolean
  readonly adoption: AdoptionFacts | null
  readonly placementDecision: PlacementDecision | null
}

/** A previous permanence option and its possibly partial date. */
export interface PriorPermanence {
  readonly option: PreviousPermanence.PermanenceOption
  readonly date: { readonly year: number | null; readonly month: number | null; readonly day: number | null } | null
}

export interface Life {
  /** Stable serial, the key of every per-year random stream. */
  readonly serial: number
  readonly sex: Child.Sex
  readonly dob: number
  readonly dobYear: number
  readonly dobMonth: number
  readonly dobDay: number
  readonly ethnicity: Ethnicity.Ethnicity
  readonly uasc: boolean
  /** The home address, as a number its postcode is derived from (see {@link homePostcodeOf}). */
  readonly homeSite: number
  readonly motherChildDob: number | null
  readonly periods: ReadonlyArray<Period>
}

/** What every life in one council shares. */
export interface Council {
  readonly seed: number
  /** Postcode area letters of the council. */
  readonly area: string
  /** Social workers in the council's pool. */
  readonly socialWorkers: number
  /**
   * A generator reseeded for each child and purpose (seed, serial, purpose), so results never depend on the order
   * of simulation while no generator is allocated per child. Every use reseeds it and draws to the end before the
   * next use.
   */
  readonly scratch: Random.Random
}

// ---------------------------------------------------------------------------------------------------------------
// Code tables. Weights follow the proportions of English CLA statistics (shared/domain.md §3) closely enough to
// look familiar; they are not a model of any one council.

const W = Random.weights

const ethnicityWhiteMajority = W<Ethnicity.Ethnicity>([
  ["WBRI", 640],
  ["WIRI", 5],
  ["WOTH", 40],
  ["WIRT", 4],
  ["WROM", 8],
  ["MWBC", 40],
  ["MWBA", 15],
  ["MWAS", 15],
  ["MOTH", 35],
  ["AIND", 6],
  ["APKN", 15],
  ["ABAN", 6],
  ["AOTH", 15],
  ["BCRB", 15],
  ["BAFR", 30],
  ["BOTH", 15],
  ["CHNE", 2],
  ["OOTH", 25],
  ["REFU", 2],
  ["NOBT", 8]
])
const ethnicityUasc = W<Ethnicity.Ethnicity>([
  ["OOTH", 30],
  ["AOTH", 25],
  ["BAFR", 25],
  ["BOTH", 10],
  ["WOTH", 5],
  ["MOTH", 5]
])
const needs = W<CategoryOfNeed.CategoryOfNeed>([
  ["N1", 620],
  ["N2", 20],
  ["N3", 30],
  ["N4", 90],
  ["N5", 160],
  ["N6", 15],
  ["N7", 3],
  ["N8", 60]
])
const placeChangeReasons = W<ReasonPlaceChange.ReasonPlaceChange>([
  ["CARPL", 35],
  ["CREQB", 12],
  ["CREQO", 10],
  ["CHILD", 8],
  ["LAREQ", 5],
  ["CLOSE", 5],
  ["STAND", 4],
  ["ALLEG", 3],
  ["APPRR", 2],
  ["OTHER", 10]
])
const socialWorkerChangeReasons = W<SocialWorkerEpisode.ChangeReason>([
  ["LEFTRL", 30],
  ["TSPROC", 25],
  ["MANAGE", 12],
  ["ORGRST", 6],
  ["FCONTA", 6],
  ["ABSENC", 6],
  ["CHCHAN", 8],
  ["PCCHAN", 3],
  ["OTHERS", 4]
])
const shortStayExits = W<Rec>([
  ["E4A", 45],
  ["E4B", 15],
  ["E13", 15],
  ["E8", 12],
  ["E3", 5],
  ["E41", 3],
  ["E16", 1]
])
const previousPermanenceOptions = W<PreviousPermanence.PermanenceOption>([
  ["Z1", 80],
  ["P4", 8],
  ["P2", 6],
  ["P1", 3],
  ["P3", 3]
])
const postcodeFirst = "ABCDEFGHKLMNOPRSTUWY"
const postcodeInward = "ABDEFGHJLNPQRSTUWXYZ"

/** Council facts from its name and seed. */
export const makeCouncil = (seed: number, name: string, children: number): Council => {
  const rng = Random.make(
    seed,
    Array.from(name).reduce((h, c) => (h * 31 + c.charCodeAt(0)) >>> 0, 7),
    11
  )
  return {
    seed,
    area: `${letter(rng, postcodeFirst)}${letter(rng, postcodeFirst)}`,
    socialWorkers: Math.max(3, Math.round(children / 16)),
    scratch: Random.make(seed)
  }
}

const letter = (rng: Random.Random, letters: string): string => letters[rng.int(0, letters.length - 1)]!

/** The placement postcode of a stay, derived from its site number (formatted only for children kept). */
export const placementPostcodeOf = (council: Council, stay: Pick<Stay, "site" | "local">): string | null => {
  if (stay.local === null) return null
  const site = stay.site
  let area = council.area
  if (!stay.local) {
    area = `${postcodeFirst[(site >>> 19) % 20]}${postcodeFirst[(site >>> 24) % 20]}`
    if (area === council.area) area = `${council.area[1]}${council.area[0]}`
  }
  return `${area}${1 + (site % 29)} ${(site >>> 5) % 10}${postcodeInward[(site >>> 9) % 20]}${postcodeInward[(site >>> 14) % 20]}`
}

/** The home postcode, in the council's own area. */
export const homePostcodeOf = (council: Council, life: Pick<Life, "homeSite">): string =>
  placementPostcodeOf(council, { site: life.homeSite, local: true })!

/** Ofsted URN: `SC` numbers for children's homes, supported accommodation numbers for K3, else exempt. */
export const urnOf = (place: Place, site: number): string =>
  place === "K1" || place === "K2" || place === "R1"
    ? `SC${String(site % 1_000_000).padStart(6, "0")}`
    : place === "K3"
      ? `2${String(site % 1_000_000).padStart(6, "0")}`
      : "XXXXXXX"

// ---------------------------------------------------------------------------------------------------------------
// Planning a period of care as segments.

interface Segment {
  readonly at: number
  readonly legalStatus: Ls
  readonly placement: Place
  readonly carer: number
  readonly provider: PlacementProvider.PlacementProvider | null
  readonly site: number
  readonly local: boolean | null
  /** Why this segment's placement replaced the previous one (when it did). */
  readonly reasonPlaceChange: ReasonPlaceChange.ReasonPlaceChange | null
}

interface Plan {
  readonly segments: Array<Segment>
  end: number
  reasonCeased: Rec
  adoption: AdoptionFacts | null
  placementDecision: PlacementDecision | null
}

/** The placement code valid for a stay starting on `day`: H5 until 2024/25, K3 from 2025/26 (ssda903.md §3.4). */
const semiIndependent = (day: number): Place => (day >= Date.UTC(2025, 3, 1) / msPerDay ? "K3" : "H5")

const isFosterPlace = (p: Place) => p[0] === "U"

/** The value of the first band whose cumulative upper bound exceeds `r`, else `otherwise`. */
const band = <A>(r: number, bands: ReadonlyArray<readonly [number, A]>, otherwise: A): A => {
  for (const [upTo, value] of bands) if (r < upTo) return value
  return otherwise
}
const isKinPlace = (p: Place) => p === "U1" || p === "U2" || p === "U3"

interface Context {
  readonly rng: Random.Random
  readonly council: Council
  readonly life: { dob: number; dobYear: number; dobMonth: number; dobDay: number; uasc: boolean }
  readonly adulthood: number
  nextCarer: number
}

const providerFor = (rng: Random.Random, place: Place): PlacementProvider.PlacementProvider | null => {
  switch (place) {
    case "U1":
    case "U2":
    case "U3":
      return "PR1"
    case "U4":
    case "U5":
    case "U6":
      return rng.weighted(fosterProviders)
    case "A3":
    case "A4":
    case "A5":
    case "A6":
      return rng.weighted(adoptionProviders)
    case "P1":
      return "PR0"
    case "K1":
      return rng.chance(0.7) ? "PR1" : "PR2"
    case "K2":
      return rng.weighted(homeProviders)
    case "H5":
    case "K3":
    case "P2":
      return rng.chance(0.85) ? "PR4" : "PR5"
    case "R1":
    case "S1":
      return rng.chance(0.7) ? "PR4" : "PR5"
    case "R2":
    case "R5":
      return "PR3"
    case "R3":
      return "PR4"
    default:
      return null
  }
}
const fosterProviders = W<PlacementProvider.PlacementProvider>([
  ["PR1", 60],
  ["PR4", 35],
  ["PR5", 5]
])
const adoptionProviders = W<PlacementProvider.PlacementProvider>([
  ["PR1", 70],
  ["PR2", 15],
  ["PR5", 15]
])
const homeProviders = W<PlacementProvider.PlacementProvider>([
  ["PR4", 75],
  ["PR1", 20],
  ["PR5", 5]
])

/** A placement with a new carer. Own provision (PR1) outside foster care is always in the council's own area. */
const newPlacement = (
  ctx: Context,
  at: number,
  legalStatus: Ls,
  place: Place,
  reason: ReasonPlaceChange.ReasonPlaceChange | null
): Segment => {
  const { rng } = ctx
  const provider = providerFor(rng, place)
  const local = provider === "PR1" || provider === "PR0" || rng.chance(0.7)
  return {
    at,
    legalStatus,
    placement: place,
    carer: ctx.nextCarer++,
    provider,
    site: rng.int(0, 0x3fffffff),
    // a custody placement has a postcode like any other (rule 392b)
    local,
    reasonPlaceChange: reason
  }
}

const last = (plan: Plan): Segment => plan.segments[plan.segments.length - 1]!

/** Change legal status only (RNE L). */
const changeLegalStatus = (plan: Plan, at: number, legalStatus: Ls) => {
  plan.segments.push({ ...last(plan), at, legalStatus, reasonPlaceChange: null })
}

/** Change the placement code with the same carer (RNE T, or U with a legal status change). */
const changeStatusOfPlacement = (ctx: Context, plan: Plan, at: number, place: Place, legalStatus?: Ls) => {
  const previous = last(plan)
  plan.segments.push({
    ...previous,
    at,
    legalStatus: legalStatus ?? previous.legalStatus,
    placement: place,
    provider: providerFor(ctx.rng, place),
    reasonPlaceChange: "PLACE"
  })
}

/** Move to a new carer (RNE P, or B with a legal status change). */
const move = (ctx: Context, plan: Plan, at: number, place: Place, legalStatus?: Ls) => {
  plan.segments.push(
    newPlacement(ctx, at, legalStatus ?? last(plan).legalStatus, place, ctx.rng.weighted(placeChangeReasons))
  )
}

const ageAt = (ctx: Context, day: number) => (day - ctx.life.dob) / 365.25

const fosterForAge = (kin: boolean, longTerm: boolean): Place =>
  kin ? (longTerm ? "U1" : "U3") : longTerm ? "U4" : "U6"

/** A placement for a child in long-term care, by age at the move. */
const longTermPlace = (ctx: Context, at: number): Place => {
  const age = ageAt(ctx, at)
  const r = ctx.rng.next()
  if (age < 8)
    return band(
      r,
      [
        [0.6, "U4"],
        [0.74, "U6"],
        [0.86, "U1"]
      ],
      "P1"
    )
  if (age < 10)
    return band(
      r,
      [
        [0.55, "U4"],
        [0.7, "U6"],
        [0.82, "U1"],
        [0.9, "K2"]
      ],
      "P1"
    )
  if (age < 16)
    return band(
      r,
      [
        [0.45, "U4"],
        [0.56, "U6"],
        [0.63, "U1"],
        [0.88, "K2"],
        [0.92, "S1"],
        [0.93, "K1"]
      ],
      "P1"
    )
  return band(
    r,
    [
      [0.3, "U4"],
      [0.37, "U6"],
      [0.43, "U1"],
      [0.64, "K2"],
      [0.96, semiIndependent(at)]
    ],
    "P1"
  )
}

const exitAtAdulthood = (ctx: Context, plan: Plan): Rec => {
  const place = last(plan).placement
  const r = ctx.rng.next()
  if (isFosterPlace(place)) return r < 0.3 ? "E17" : r < 0.55 ? "E5" : r < 0.65 ? "E6" : r < 0.9 ? "E8" : "E13"
  return r < 0.4 ? "E5" : r < 0.6 ? "E6" : r < 0.88 ? "E8" : r < 0.96 ? "E13" : "E7"
}

/** Long-term care from `from` to adulthood or an earlier permanent exit, with moves along the way. */
const continueLongTerm = (ctx: Context, plan: Plan, from: number) => {
  const { rng } = ctx
  let t = from
  for (let guard = 0; guard < 60; guard++) {
    const age = ageAt(ctx, t)
    const moveMean = age < 10 ? 1000 : 650
    const exitRate = age < 12 ? 0.11 : 0.08
    const nextMove = t + Math.max(30, Math.round(rng.exponential(moveMean)))
    const nextExit = t + Math.max(30, Math.round(rng.exponential(365 / exitRate)))
    if (nextMove >= ctx.adulthood && nextExit >= ctx.adulthood) {
      plan.end = ctx.adulthood
      plan.reasonCeased = exitAtAdulthood(ctx, plan)
      return
    }
    if (nextExit < nextMove) {
      const place = last(plan).placement
      const r = rng.next()
      plan.end = nextExit
      if (age < 12 && r < 0.55)
        plan.reasonCeased = isKinPlace(place) ? "E45" : isFosterPlace(place) ? "E46" : rng.chance(0.6) ? "E47" : "E48"
      else if (r < 0.8) plan.reasonCeased = rng.chance(0.7) ? "E4A" : "E41"
      else if (r < 0.93) plan.reasonCeased = "E13"
      else if (r < 0.99) plan.reasonCeased = "E3"
      else plan.reasonCeased = "E2"
      return
    }
    t = nextMove
    const current = last(plan)
    if ((current.placement === "U6" || current.placement === "U3") && rng.chance(0.4)) {
      changeStatusOfPlacement(ctx, plan, t, current.placement === "U6" ? "U4" : "U1")
    } else {
      const place = longTermPlace(ctx, t)
      if (place === current.placement && !isFosterPlace(place)) continue
      move(ctx, plan, t, place)
    }
  }
  plan.end = ctx.adulthood
  plan.reasonCeased = exitAtAdulthood(ctx, plan)
}

const startPlan = (ctx: Context, start: number, legalStatus: Ls, place: Place): Plan => ({
  segments: [newPlacement(ctx, start, legalStatus, place, null)],
  end: start,
  reasonCeased: "E8",
  adoption: null,
  placementDecision: null
})

const adopters = (
  rng: Random.Random,
  byFormerFosterCarer: boolean,
  bestInterest: number,
  matched: number
): AdoptionFacts => {
  const couple = rng.chance(0.85)
  if (!couple) {
    return {
      bestInterest,
      matched,
      byFormerFosterCarer,
      numberOfAdopters: 1,
      adopterSex: rng.chance(0.85) ? "F1" : "M1",
      adopterLegalStatus: "L0"
    }
  }
  const r = rng.next()
  const adopterSex: Adoption.AdopterSex = r < 0.8 ? "MF" : r < 0.9 ? "MM" : "FF"
  const adopterLegalStatus: Adoption.AdopterLegalStatus =
    adopterSex === "MF" ? (rng.chance(0.75) ? "L11" : "L3") : rng.weighted(sameSexCouple)
  return { bestInterest, matched, byFormerFosterCarer, numberOfAdopters: 2, adopterSex, adopterLegalStatus }
}
const sameSexCouple = W<Adoption.AdopterLegalStatus>([
  ["L12", 45],
  ["L2", 30],
  ["L4", 25]
])

/** Care proceedings ending in adoption (or a plan for adoption that changes). Young children only. */
const adoptionPathway = (ctx: Context, start: number): Plan => {
  const { rng } = ctx
  const fosterForAdoption = rng.chance(0.15)
  const viaSection20 = rng.chance(0.25)
  const plan = startPlan(ctx, start, viaSection20 ? "V2" : "C1", fosterForAdoption ? "U5" : "U6")
  if (viaSection20) changeLegalStatus(plan, start + rng.int(20, 90), "C1")
  // placement orders (E1) exist from 30 December 2005, day 13147 (rule 446)
  const order = Math.max(start + rng.int(200, 420), 13147)
  const decision = Math.max(last(plan).at + 7, order - rng.int(30, 120))
  changeLegalStatus(plan, order, "E1")
  if (rng.chance(0.1)) {
    const ceased = order + rng.int(60, 300)
    plan.placementDecision = { decision, ceased, reason: rng.pick(["RD1", "RD3", "RD4"] as const) }
    changeLegalStatus(plan, ceased, "C2")
    continueLongTerm(ctx, plan, ceased)
    return plan
  }
  plan.placementDecision = { decision, ceased: null, reason: null }
  const placed = order + rng.int(60, 300)
  const withFosterCarer = fosterForAdoption || rng.chance(0.12)
  if (withFosterCarer) changeStatusOfPlacement(ctx, plan, placed, "A5")
  else move(ctx, plan, placed, "A6")
  const matched = Math.max(decision + 1, placed - rng.int(10, 60))
  plan.adoption = adopters(rng, withFosterCarer, decision, matched)
  plan.end = placed + rng.int(120, 400)
  plan.reasonCeased = rng.chance(0.75) ? "E11" : "E12"
  return plan
}

/** Care proceedings: emergency start, interim care order, then special guardianship, home, or long-term care. */
const proceedingsPathway = (ctx: Context, start: number): Plan => {
  const { rng } = ctx
  const kin = rng.chance(0.3)
  const place: Place = rng.chance(0.05) ? "P1" : fosterForAge(kin, false)
  const r = rng.next()
  // a child placed with parents is not accommodated under section 20 (rule 378)
  const first: Ls = r < 0.08 ? "L1" : r < 0.13 ? "L2" : r < 0.35 && place !== "P1" ? "V2" : "C1"
  const plan = startPlan(ctx, start, first, place)
  let t = start
  if (first === "L1") t = start + rng.int(1, 2)
  else if (first === "L2") t = start + rng.int(4, 14)
  else if (first === "V2") t = start + rng.int(14, 120)
  if (first !== "C1") changeLegalStatus(plan, t, "C1")
  const hearing = t + rng.int(120, 420)
  const outcome = rng.next()
  const current = last(plan)
  if (outcome < 0.25) {
    plan.end = hearing + rng.int(0, 30)
    plan.reasonCeased = isKinPlace(current.placement)
      ? "E45"
      : current.placement === "P1"
        ? "E41"
        : rng.weighted(sgoToOthers)
    return plan
  }
  if (outcome < 0.5) {
    if (current.placement === "P1") changeLegalStatus(plan, hearing, "C2")
    else move(ctx, plan, hearing, "P1", "C2")
    plan.end = hearing + rng.int(180, 900)
    plan.reasonCeased = rng.chance(0.75) ? "E4A" : "E41"
    return plan
  }
  if (outcome < 0.56) {
    plan.end = hearing
    plan.reasonCeased = "E4A"
    return plan
  }
  changeLegalStatus(plan, hearing, "C2")
  continueLongTerm(ctx, plan, hearing)
  return plan
}
const sgoToOthers = W<Rec>([
  ["E46", 30],
  ["E47", 45],
  ["E48", 25]
])

/** Accommodation under section 20 for a while, usually ending at home. */
const shortSection20Pathway = (ctx: Context, start: number): Plan => {
  const { rng } = ctx
  const age = ageAt(ctx, start)
  const r = rng.next()
  const place: Place =
    age < 11
      ? r < 0.75
        ? "U6"
        : r < 0.95
          ? "U3"
          : age >= 8
            ? "K2"
            : "U6"
      : age >= 16 && r < 0.15
        ? semiIndependent(start)
        : r < 0.6
          ? "U6"
          : r < 0.7
            ? "U3"
            : "K2"
  const plan = startPlan(ctx, start, "V2", place)
  if (rng.chance(0.15)) {
    const t = start + rng.int(20, 90)
    changeLegalStatus(plan, t, "C1")
    const hearing = t + rng.int(120, 400)
    if (rng.chance(0.5)) {
      plan.end = hearing
      plan.reasonCeased = "E4A"
      return plan
    }
    changeLegalStatus(plan, hearing, "C2")
    continueLongTerm(ctx, plan, hearing)
    return plan
  }
  const length = Math.round(Math.min(1500, Math.max(3, Math.exp(rng.normal(Math.log(90), 1.1)))))
  if (length > 200 && rng.chance(0.5)) {
    const at = start + rng.int(60, length - 30)
    move(ctx, plan, at, age < 11 ? "U6" : rng.chance(0.6) ? "U6" : "K2")
  }
  plan.end = start + length
  plan.reasonCeased = rng.weighted(shortStayExits)
  return plan
}

/** Older children accommodated under section 20 who mostly stay until 18. */
const teenSection20Pathway = (ctx: Context, start: number): Plan => {
  const { rng } = ctx
  const age = ageAt(ctx, start)
  const r = rng.next()
  const place: Place = age >= 16 && r < 0.3 ? semiIndependent(start) : r < 0.6 ? "K2" : "U6"
  const plan = startPlan(ctx, start, "V2", place)
  let t = start
  for (let guard = 0; guard < 30; guard++) {
    const nextMove = t + Math.max(30, Math.round(rng.exponential(420)))
    const nextExit = t + Math.max(30, Math.round(rng.exponential(1400)))
    if (nextMove >= ctx.adulthood && nextExit >= ctx.adulthood) break
    if (nextExit < nextMove) {
      plan.end = nextExit
      const reason = rng.pick(["E13", "E4B", "E5", "E6", "E8"] as const)
      // independent living only from 14 (rule 387)
      plan.reasonCeased = (reason === "E5" || reason === "E6") && ageAt(ctx, nextExit) < 14 ? "E13" : reason
      return plan
    }
    t = nextMove
    move(ctx, plan, t, ageAt(ctx, t) >= 16 && rng.chance(0.5) ? semiIndependent(t) : rng.chance(0.5) ? "K2" : "U6")
  }
  plan.end = ctx.adulthood
  plan.reasonCeased = exitAtAdulthood(ctx, plan)
  return plan
}

/** Unaccompanied asylum-seeking children: accommodated under section 20 until 18. */
const uascPathway = (ctx: Context, start: number): Plan => {
  const { rng } = ctx
  const age = ageAt(ctx, start)
  const r = rng.next()
  const place: Place = age < 16 ? (r < 0.8 ? "U6" : "K2") : r < 0.6 ? semiIndependent(start) : r < 0.9 ? "U6" : "K2"
  const plan = startPlan(ctx, start, "V2", place)
  const sixteen = birthday(ctx.life, 16)
  if (age < 16 && sixteen < ctx.adulthood && rng.chance(0.6))
    move(ctx, plan, sixteen + rng.int(0, 60), semiIndependent(sixteen))
  const early = rng.next()
  if (early < 0.03) {
    plan.end = start + rng.int(30, 200)
    plan.reasonCeased = "E15"
  } else if (early < 0.05) {
    plan.end = start + rng.int(60, 400)
    plan.reasonCeased = "E16"
  } else {
    plan.end = ctx.adulthood
    plan.reasonCeased = exitAtAdulthood(ctx, plan)
  }
  return plan
}

/** Remand to local authority accommodation (J1) or a night under PACE (J2). */
const youthJusticePathway = (ctx: Context, start: number): Plan => {
  const { rng } = ctx
  const age = ageAt(ctx, start)
  if (rng.chance(0.25)) {
    const plan = startPlan(ctx, start, "J2", rng.chance(0.7) ? "K2" : "U6")
    plan.end = start + 1
    plan.reasonCeased = "E8"
    return plan
  }
  const plan = startPlan(ctx, start, "J1", age >= 15 && rng.chance(0.2) ? "R5" : rng.chance(0.6) ? "K2" : "U6")
  const end = start + rng.int(10, 120)
  const r = rng.next()
  if (r < 0.15 && last(plan).placement !== "R5") {
    changeLegalStatus(plan, end, "V2")
    plan.end = end + rng.int(30, 300)
    plan.reasonCeased = rng.weighted(shortStayExits)
    return plan
  }
  plan.end = end
  plan.reasonCeased = r < 0.75 ? "E14" : "E9"
  return plan
}

type Pathway = "adoption" | "proceedings" | "shortSection20" | "teenSection20" | "uasc" | "youthJustice" | "longTerm"

const pathwayForAge = (rng: Random.Random, age: number, uasc: boolean, reentry: boolean): Pathway => {
  if (uasc) return "uasc"
  const r = rng.next()
  if (age < 1 && !reentry && r < 0.3) return "adoption"
  if (age < 4 && !reentry && r < 0.18) return "adoption"
  if (age < 1)
    return band(
      r,
      [
        [0.65, "proceedings"],
        [0.9, "shortSection20"]
      ],
      "longTerm"
    )
  if (age < 4)
    return band(
      r,
      [
        [0.57, "proceedings"],
        [0.82, "shortSection20"]
      ],
      "longTerm"
    )
  if (age < 10)
    return band(
      r,
      [
        [0.4, "proceedings"],
        [0.68, "shortSection20"]
      ],
      "longTerm"
    )
  if (age < 16) {
    return band(
      r,
      [
        [0.2, "proceedings"],
        [0.48, "shortSection20"],
        [0.7, "longTerm"],
        [0.93, "teenSection20"]
      ],
      "youthJustice"
    )
  }
  return band(
    r,
    [
      [0.3, "shortSection20"],
      [0.9, "teenSection20"]
    ],
    "youthJustice"
  )
}

const planFor = (ctx: Context, pathway: Pathway, start: number): Plan => {
  switch (pathway) {
    case "adoption":
      return adoptionPathway(ctx, start)
    case "proceedings":
      return proceedingsPathway(ctx, start)
    case "shortSection20":
      return shortSection20Pathway(ctx, start)
    case "teenSection20":
      return teenSection20Pathway(ctx, start)
    case "uasc":
      return uascPathway(ctx, start)
    case "youthJustice":
      return youthJusticePathway(ctx, start)
    case "longTerm": {
      const plan = startPlan(ctx, start, "C2", fosterForAge(ctx.rng.chance(0.25), false))
      continueLongTerm(ctx, plan, start)
      return plan
    }
  }
}

const reasonForNewEpisode = (previous: Segment, next: Segment): ReasonForNewEpisode.ReasonForNewEpisode => {
  const legal = previous.legalStatus !== next.legalStatus
  const carer = previous.carer !== next.carer
  const placement = carer || previous.placement !== next.placement
  if (!placement) return "L"
  if (!legal) return carer ? "P" : "T"
  return carer ? "B" : "U"
}

/**
 * Turn a plan into episodes: cap at the 18th birthday, drop segments at or after the end, merge segments that
 * change nothing, and derive RNE, REC and REASON_PLACE_CHANGE along the chain (every episode but the last ends X1
 * on the day the next begins).
 */
const toStays = (ctx: Context, plan: Plan): { stays: Array<Stay>; end: number; reasonCeased: Rec } => {
  let end = plan.end
  let reasonCeased = plan.reasonCeased
  if (end > ctx.adulthood) {
    end = ctx.adulthood
    reasonCeased = exitAtAdulthood(ctx, plan)
  }
  const kept: Array<Segment> = []
  for (const s of plan.segments) {
    if (s.at >= end) break
    const previous = kept[kept.length - 1]
    if (previous !== undefined) {
      if (s.at <= previous.at) {
        kept[kept.length - 1] = { ...s, at: previous.at, reasonPlaceChange: previous.reasonPlaceChange }
        continue
      }
      if (previous.legalStatus === s.legalStatus && previous.placement === s.placement && previous.carer === s.carer) {
        continue
      }
    }
    kept.push(s)
  }
  const stays: Array<Stay> = []
  for (let i = 0; i < kept.length; i++) {
    const s = kept[i]!
    const next = kept[i + 1]
    const rne = i === 0 ? "S" : reasonForNewEpisode(kept[i - 1]!, s)
    const nextRne = next === undefined ? null : reasonForNewEpisode(s, next)
    const placementChanges = nextRne === "P" || nextRne === "B" || nextRne === "T" || nextRne === "U"
    stays.push({
      start: s.at,
      end: next === undefined ? end : next.at,
      legalStatus: s.legalStatus,
      placement: s.placement,
      provider: s.provider,
      site: s.site,
      local: s.local,
      reasonForNewEpisode: rne,
      reasonCeased: next === undefined ? reasonCeased : "X1",
      reasonPlaceChange: placementChanges
        ? nextRne === "T" || nextRne === "U"
          ? "PLACE"
          : (next?.reasonPlaceChange ?? "OTHER")
        : null
    })
  }
  return { stays, end, reasonCeased }
}

/** The social workers allocated over a period of care, changing every year or so. */
export const socialWorkersOf = (
  council: Council,
  life: Life,
  period: Period,
  from = Number.NEGATIVE_INFINITY
): ReadonlyArray<SocialWorkerSpell> => {
  const rng = council.scratch
  rng.reseed(council.seed, life.serial, period.start, 707)
  const { start, end } = period
  const spells: Array<SocialWorkerSpell> = []
  let t = start
  // A spell carries the reason for the change that brought its worker in: DfE wants SW_REASON on every episode from
  // 1 April 2023 (SW01bSTG1, SW13STG1). The first worker of a period of care replaced no one: OTHERS.
  let cause: SocialWorkerEpisode.ChangeReason = "OTHERS"
  for (let guard = 0; guard < 40 && t < end; guard++) {
    const change = t + Math.max(30, Math.round(rng.exponential(330)))
    const worker = rng.int(1, council.socialWorkers)
    const last = change >= end
    const reason = last ? null : rng.weighted(socialWorkerChangeReasons)
    // Spells over before `from` are drawn (the stream stays the same) but not kept.
    if ((last ? end : change) >= from) {
      spells.push({
        socialWorkerId: `SW${String(worker).padStart(5, "0")}`,
        start: t,
        end: last ? end : change,
        reason: cause
      })
    }
    if (reason === null) break
    cause = reason
    t = change
  }
  return spells
}

/** Whether the child had left an earlier care through a permanence order, recorded when a period starts. */
export const previousPermanenceOf = (council: Council, life: Life, period: Period): PriorPermanence => {
  const rng = council.scratch
  rng.reseed(council.seed, life.serial, period.start, 708)
  const option = rng.weighted(previousPermanenceOptions)
  if (option === "Z1" || option === "P4") return { option, date: null }
  const earliest = life.dob + 60
  const latest = period.start - 60
  if (latest <= earliest) return { option: "Z1", date: null }
  const day = new Date(rng.int(earliest, latest) * msPerDay)
  const unknown = rng.next()
  // A part is left unknown only when the latest day it could stand for is still before care started (rule 632).
  const started = new Date(period.start * msPerDay)
  const sameYear = day.getUTCFullYear() === started.getUTCFullYear()
  const sameMonth = sameYear && day.getUTCMonth() === started.getUTCMonth()
  return {
    option,
    date: {
      year: day.getUTCFullYear(),
      month: unknown < 0.05 && !sameYear ? null : day.getUTCMonth() + 1,
      day: unknown < 0.25 && !sameMonth ? null : day.getUTCDate()
    }
  }
}

const periodOf = (
  ctx: Context,
  plan: Plan,
  category: CategoryOfNeed.CategoryOfNeed,
  shortBreak: boolean
): Period | null => {
  const { stays, end, reasonCeased } = toStays(ctx, plan)
  if (stays.length === 0) return null
  const start = stays[0]!.start
  return {
    start,
    end,
    reasonCeased,
    stays,
    categoryOfNeed: category,
    shortBreak,
    adoption: reasonCeased === "E11" || reasonCeased === "E12" ? plan.adoption : null,
    placementDecision:
      plan.placementDecision !== null && plan.placementDecision.decision < end ? plan.placementDecision : null
  }
}

const dobParts = (dob: number) => {
  const d = new Date(dob * msPerDay)
  return { dob, dobYear: d.getUTCFullYear(), dobMonth: d.getUTCMonth() + 1, dobDay: d.getUTCDate() }
}

const entryAgeDays = (rng: Random.Random): { days: number; uasc: boolean } => {
  const r = rng.next()
  if (r < 0.18) return { days: rng.chance(0.4) ? rng.int(0, 14) : rng.int(0, 364), uasc: false }
  if (r < 0.33) return { days: rng.int(365, 5 * 365 - 1), uasc: false }
  if (r < 0.48) return { days: rng.int(5 * 365 + 1, 10 * 365 - 1), uasc: false }
  if (r < 0.77) {
    const days = rng.int(10 * 365 + 3, 16 * 365 - 1)
    return { days, uasc: days >= 14 * 365 && rng.chance(0.25) }
  }
  return { days: rng.int(16 * 365 + 4, 18 * 365 - 30), uasc: rng.chance(0.55) }
}

/** Serial numbers of short-break lives start here, so their streams never meet those of other lives. */
export const shortBreakSerialBase = 1 << 30

/**
 * One child entering care on `start`: date of birth, sex, ethnicity, then one period of care, sometimes followed by
 * a return to care after going home. `null` when the child was born before `bornFrom` and so can matter to no
 * return being generated (every period ends by the 18th birthday; care leavers are followed to 21).
 */
export const simulateLife = (council: Council, serial: number, start: number, bornFrom: number): Life | null => {
  const rng = council.scratch
  rng.reseed(council.seed, serial, 101)
  const entry = entryAgeDays(rng)
  if (start - entry.days < bornFrom) return null
  const parts = dobParts(start - entry.days)
  const life = { ...parts, uasc: entry.uasc }
  const ctx: Context = { rng, council, life, adulthood: birthday(parts, 18), nextCarer: 1 }
  const sex: Child.Sex = rng.chance(entry.uasc ? 0.92 : 0.53) ? "male" : "female"
  const periods: Array<Period> = []
  let t = start
  for (let n = 0; n < 3 && t < ctx.adulthood - 7; n++) {
    const age = ageAt(ctx, t)
    const pathway = pathwayForAge(rng, age, entry.uasc && n === 0, n > 0)
    const category: CategoryOfNeed.CategoryOfNeed =
      pathway === "uasc"
        ? rng.chance(0.9)
          ? "N8"
          : "N4"
        : pathway === "youthJustice"
          ? rng.chance(0.5)
            ? "N6"
            : "N1"
          : rng.weighted(needs)
    const period = periodOf(ctx, planFor(ctx, pathway, t), category, false)
    if (period === null) break
    periods.push(period)
    const wentHome = period.reasonCeased === "E4A" || period.reasonCeased === "E4B" || period.reasonCeased === "E13"
    if (!wentHome || ageAt(ctx, period.end) > 16.5 || !rng.chance(0.2)) break
    t = period.end + rng.int(60, 900)
    if (new Date(t * msPerDay).getUTCMonth() === 3 && new Date(t * msPerDay).getUTCDate() === 1) t += 1
  }
  const mother =
    sex === "female" && !entry.uasc && rng.chance(0.03) ? parts.dob + rng.int(15 * 365, 18 * 365 - 60) : null
  return {
    serial,
    sex,
    ...parts,
    ethnicity: rng.weighted(entry.uasc ? ethnicityUasc : ethnicityWhiteMajority),
    uasc: entry.uasc,
    homeSite: rng.int(0, 0x3fffffff),
    motherChildDob: mother,
    periods
  }
}

/**
 * A disabled child on an agreed series of short breaks starting on `start`: individual V3 breaks of one to three
 * nights, at most about 55 nights a year (rules 365/367), or one V4 agreement. Never counted as looked after.
 */
export const simulateShortBreaks = (council: Council, serial: number, start: number): Life => {
  const rng = council.scratch
  rng.reseed(council.seed, serial, 202)
  const parts = dobParts(start - rng.int(5 * 365, 15 * 365))
  const ctx: Context = { rng, council, life: { ...parts, uasc: false }, adulthood: birthday(parts, 18), nextCarer: 1 }
  // short breaks are never long-term fostering (rule 384)
  const place: Place = rng.chance(0.7) ? "K2" : "U6"
  const carer = newPlacement(ctx, start, "V3", place, null)
  const periods: Array<Period> = []
  if (rng.chance(0.3)) {
    const plan: Plan = {
      segments: [{ ...carer, legalStatus: "V4" }],
      end: start + rng.int(120, 700),
      reasonCeased: "E4A",
      adoption: null,
      placementDecision: null
    }
    const period = periodOf(ctx, plan, "N2", true)
    if (period !== null) periods.push(period)
  } else {
    const until = Math.min(ctx.adulthood - 7, start + rng.int(365, 4 * 365))
    let t = start
    for (let guard = 0; guard < 400 && t < until; guard++) {
      const plan: Plan = {
        segments: [{ ...carer, at: t }],
        end: t + rng.int(1, 3),
        reasonCeased: "E4A",
        adoption: null,
        placementDecision: null
      }
      const period = periodOf(ctx, plan, "N2", true)
      if (period !== null) periods.push(period)
      t = plan.end + rng.int(18, 40)
    }
  }
  return {
    serial,
    sex: rng.chance(0.62) ? "male" : "female",
    ...parts,
    ethnicity: rng.weighted(ethnicityWhiteMajority),
    uasc: false,
    homeSite: rng.int(0, 0x3fffffff),
    motherChildDob: null,
    periods
  }
}

/** Looked after (not on short breaks) at the end of `day`. */
export const isLookedAfterOn = (life: Life, day: number): boolean => {
  for (const p of life.periods) {
    if (p.shortBreak || p.start > day || p.end <= day) continue
    return true
  }
  return false
}
