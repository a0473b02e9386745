/**
 * One collection year's 903 return from simulated lives, as the council would submit it on the day after 31 March:
 * every child looked after at any time in the year with episodes back to the start of the current period of care
 * (ssda903.md §1), what happened after 31 March hidden (open episodes have no DEC), and the other tables derived
 * with the DfE cohort definitions so that a clean return passes the rules of ssda903.md §5.3.
 */
import {
  type Adoption,
  CalendarDate,
  type CareLeaverOutcome,
  type Child,
  type Episode,
  type HealthOutcome,
  type MissingEpisode,
  type PlacedForAdoption,
  type PlacementType,
  type PreviousPermanence,
  ReportingYear,
  type Return,
  type Review,
  type SocialWorkerEpisode,
  type UnaccompaniedAsylumSeekingChild
} from "@cpo/domain"
import { Option } from "effect"
import * as Random from "../Random.ts"
import {
  birthday,
  type Council,
  homePostcodeOf,
  type Life,
  type Period,
  placementPostcodeOf,
  previousPermanenceOf,
  type SocialWorkerSpell,
  socialWorkersOf,
  urnOf
} from "./Lifecycle.ts"

const msPerDay = 86_400_000

/** What every year of one synthetic council shares while it is being assembled. */
export interface Environment {
  readonly council: Council
  /** The council's three-digit DfE-style number, used in UPNs. */
  readonly laNumber: number
  /** Day numbers to dates, memoised: a national return converts millions of dates drawn from a few thousand days. */
  readonly dateOf: (day: number) => CalendarDate.CalendarDate
  /** `Option.some` of a date, shared (options are immutable), so that records do not each allocate their own. */
  readonly someDate: (day: number) => Option.Option<CalendarDate.CalendarDate>
  /** `Option.some` of a code, shared. */
  readonly someCode: <A extends string>(code: A) => Option.Option<A>
}

/** @category constructors */
export const makeEnvironment = (council: Council, laNumber: number): Environment => {
  const dates = new Map<number, CalendarDate.CalendarDate>()
  const someDates = new Map<number, Option.Option<CalendarDate.CalendarDate>>()
  const someCodes = new Map<string, Option.Option<string>>()
  const dateOf = (day: number) => {
    const hit = dates.get(day)
    if (hit !== undefined) return hit
    const date = CalendarDate.fromDayNumber(day)
    dates.set(day, date)
    return date
  }
  return {
    council,
    laNumber,
    dateOf,
    someDate: (day) => {
      const hit = someDates.get(day)
      if (hit !== undefined) return hit
      const o = Option.some(dateOf(day))
      someDates.set(day, o)
      return o
    },
    someCode: <A extends string>(code: A) => {
      const hit = someCodes.get(code)
      if (hit !== undefined) return hit as Option.Option<A>
      const o = Option.some(code)
      someCodes.set(code, o)
      return o
    }
  }
}

/**
 * A simulated life with the CHILD id it carries in every return, and the strings every year repeats (postcodes,
 * UPN) formatted once.
 */
export interface Identified {
  readonly id: Child.ChildId
  readonly life: Life
  readonly upn: string
  readonly homePostcode: Option.Option<string>
  /** Placement postcodes by period, then stay. */
  readonly placementPostcodes: ReadonlyArray<ReadonlyArray<Option.Option<string>>>
  /** Statutory reviews by period (none for short breaks). */
  readonly reviews: ReadonlyArray<ReadonlyArray<ScheduledReview>>
  /** Social workers by period (none for short breaks). */
  readonly socialWorkers: ReadonlyArray<ReadonlyArray<SocialWorkerSpell>>
}

interface ScheduledReview {
  readonly day: number
  readonly code: Review.ReviewParticipation
}

/**
 * Format once what every year repeats. Periods that end before `from` (the first year's 1 April) are in no return,
 * so nothing is formatted for them.
 * @category constructors
 */
export const identify = (env: Environment, life: Life, id: Child.ChildId, from: number): Identified => {
  const shown = (p: Period) => p.end >= from
  return {
    id,
    life,
    upn: upnOf(life, env.laNumber),
    homePostcode: Option.some(homePostcodeOf(env.council, life)),
    placementPostcodes: life.periods.map((p) =>
      shown(p)
        ? p.stays.map((stay) =>
            stay.local === null ? Option.none() : Option.some(placementPostcodeOf(env.council, stay)!)
          )
        : []
    ),
    reviews: life.periods.map((p) => (p.shortBreak || !shown(p) ? [] : reviewsOf(env.council, life, p, from))),
    socialWorkers: life.periods.map((p, i) =>
      p.shortBreak || !shown(p) ? [] : socialWorkersOf(env.council, life, allocatedUntilNextCare(life.periods, i), from)
    )
  }
}

/**
 * A period of care as its social workers see it: a child who comes back into care within two years keeps a social
 * worker in between, so each social worker episode follows the last (DfE SW10STG2, SW11aSTG2).
 */
const allocatedUntilNextCare = (periods: ReadonlyArray<Period>, i: number): Period => {
  const p = periods[i]!
  const next = periods.slice(i + 1).find((q) => !q.shortBreak)
  return next !== undefined && next.start - p.end <= 730 ? { ...p, end: next.start } : p
}

const some = Option.some
const none = Option.none()

/** Whole years on `day` for a life, the birthday counting as attained. */
const ageOn = (life: Life, day: number): number => {
  const d = new Date(day * msPerDay)
  const years = d.getUTCFullYear() - life.dobYear
  const m = d.getUTCMonth() + 1
  const before = m < life.dobMonth || (m === life.dobMonth && d.getUTCDate() < life.dobDay)
  return before ? years - 1 : years
}

/** From 2025/26 the return uses K3 and Z11–Z14 where H5, P2 and Z1 were used (ssda903.md §3.4). */
const placementFor = (year: number, place: PlacementType.PlacementType): PlacementType.PlacementType =>
  year >= 2026 ? (place === "H5" || place === "P2" ? "K3" : place === "Z1" ? "Z11" : place) : place

const upnCheckLetters = "ABCDEFGHJKLMNPQRTUVWXYZ"

/** A 13-character UPN with a valid check letter, unique per council and child serial. */
const upnOf = (life: Life, laNumber: number): string => {
  const serial = life.serial % 9_000_000
  const body = `${String(laNumber).padStart(3, "0")}${String(1000 + Math.floor(serial / 1000))
    .padStart(4, "0")
    .slice(-4)}${String((life.dobYear + 4) % 100).padStart(2, "0")}${String(serial % 1000).padStart(3, "0")}`
  let sum = 0
  for (let i = 0; i < body.length; i++) sum += Number(body[i]) * (i + 2)
  return `${upnCheckLetters[sum % 23]}${body}`
}

const reviewCodes = Random.weights<Review.ReviewParticipation>([
  ["PN1", 55],
  ["PN2", 8],
  ["PN3", 3],
  ["PN4", 4],
  ["PN5", 10],
  ["PN6", 12],
  ["PN7", 8]
])

/** Statutory reviews: within 20 working days of starting, then after 3 months, then every 6 months. */
const reviewsOf = (council: Council, life: Life, period: Period, from: number): ReadonlyArray<ScheduledReview> => {
  const rng = council.scratch
  rng.reseed(council.seed, life.serial, period.start, 303)
  const out: Array<ScheduledReview> = []
  const four = birthday(life, 4)
  let t = period.start + rng.int(14, 27)
  let gap = rng.int(75, 90)
  for (let guard = 0; guard < 60 && t < period.end; guard++) {
    const code = t < four ? "PN0" : rng.weighted(reviewCodes)
    if (t >= from) out.push({ day: t, code })
    t += gap
    gap = rng.int(150, 180)
  }
  return out
}

const activities = (year: number) =>
  Random.weights<CareLeaverOutcome.Activity>(
    year <= 2022
      ? [
          ["F1", 6],
          ["P1", 1],
          ["F2", 20],
          ["P2", 5],
          ["F3", 18],
          ["P3", 5],
          ["G4", 8],
          ["G5", 26],
          ["G6", 6]
        ]
      : [
          ["F1", 6],
          ["P1", 1],
          ["F2", 20],
          ["P2", 5],
          ["F4", 4],
          ["P4", 1],
          ["F5", 14],
          ["P5", 4],
          ["G4", 8],
          ["G5", 26],
          ["G6", 6]
        ]
  )
/** Main activities before 2022/23 (F3/P3 training or employment) and after (F4/P4 apprenticeships, F5/P5). */
const activitiesUntil2022 = activities(2022)
const activitiesFrom2023 = activities(2023)
const activityTable = (year: number) => (year <= 2022 ? activitiesUntil2022 : activitiesFrom2023)
const accommodationAt17 = Random.weights<CareLeaverOutcome.Accommodation>([
  ["B1", 20],
  ["D1", 30],
  ["E1", 12],
  ["C1", 10],
  ["U1", 8],
  ["T1", 5],
  ["B2", 4],
  ["D2", 3],
  ["K2", 3],
  ["X2", 3],
  ["S2", 1]
])
const accommodationAdult = Random.weights<CareLeaverOutcome.Accommodation>([
  ["U1", 30],
  ["Z1", 18],
  ["D1", 14],
  ["B1", 10],
  ["E1", 6],
  ["T1", 3],
  ["K1", 3],
  ["U2", 3],
  ["B2", 3],
  ["K2", 2],
  ["S2", 2],
  ["X2", 3],
  ["W2", 1],
  ["V2", 1],
  ["G1", 1]
])
const inTouchCodes = Random.weights<CareLeaverOutcome.InTouch>([
  ["YES", 88],
  ["NO", 4],
  ["REFU", 2],
  ["NREQ", 3],
  ["RHOM", 2],
  ["DIED", 1]
])

/** Periods that end the child's looked-after life in a way that makes them a care leaver (not adoption etc.). */
const notCareLeaving = new Set(["E11", "E12", "E2", "E3", "E15", "E16"])
const leavesAsCareLeaver = (period: Period): boolean => !notCareLeaving.has(period.reasonCeased)

/**
 * The care-leaver birthday in this year (17th to 21st) for a young person who qualifies (ssda903.md §4.7 and rules
 * 1001/1016): at least 13 weeks looked after since their 14th birthday in periods the return (or last year's) shows,
 * some of it after their 16th, and no longer looked after on the birthday.
 */
const careLeaverBirthday = (life: Life, ys: number, ye: number): number | null => {
  // Only those 17 to 21 at some point in the year can have their 17th to 21st birthday in it.
  if (life.dob > ye - 17 * 365 || life.dob < ys - 22 * 366) return null
  let age: number | null = null
  for (let k = 17; k <= 21; k++) {
    const day = birthday(life, k)
    if (day >= ys && day <= ye) age = k
  }
  if (age === null) return null
  const day = birthday(life, age)
  const periods = life.periods.filter((p) => !p.shortBreak)
  const lastPeriod = periods[periods.length - 1]
  if (lastPeriod === undefined || lastPeriod.end >= day || !leavesAsCareLeaver(lastPeriod)) return null
  const fourteen = birthday(life, 14)
  const sixteen = birthday(life, 16)
  let after14 = 0
  let after16 = 0
  // Only periods a validator can see count: those in this return when it shows the young person's episodes, else
  // those in last year's return (rule 1001 reads the current and previous episodes).
  const inThisReturn = periods.some((p) => p.end >= ys && p.start <= ye)
  const visibleFrom = inThisReturn ? ys : ys - 366
  for (const p of periods) {
    if (p.end < visibleFrom || p.start > ye) continue
    after14 += Math.max(0, p.end - Math.max(p.start, fourteen))
    after16 += Math.max(0, p.end - Math.max(p.start, sixteen))
  }
  return after14 >= 91 && after16 >= 1 ? age : null
}

const careLeaverOutcome = (
  env: Environment,
  { id, life }: Identified,
  year: number,
  age: number
): CareLeaverOutcome.CareLeaverOutcome => {
  const rng = env.council.scratch
  // A young person reported as having died in an earlier year (drawn from 17 on) is reported so again (rule 348).
  let diedEarlier = false
  for (let back = 1; back <= age - 17 && !diedEarlier; back++) {
    rng.reseed(env.council.seed, life.serial, year - back, 505)
    diedEarlier = rng.weighted(inTouchCodes) === "DIED"
  }
  rng.reseed(env.council.seed, life.serial, year, 505)
  const drawnInTouch = rng.weighted(inTouchCodes)
  const inTouch = diedEarlier ? "DIED" : drawnInTouch
  const known = inTouch === "YES"
  const drawn = known ? rng.weighted(age === 17 ? accommodationAt17 : accommodationAdult) : "0"
  // a foyer (T1) only for those 18 by the start of the year (rule 347): younger ones are in semi-independent housing
  const accommodation = drawn === "T1" && age <= 18 ? "D1" : drawn
  return {
    childId: id,
    dateOfBirth: env.dateOf(life.dob),
    inTouch: some(inTouch),
    activity: some(known ? rng.weighted(activityTable(year)) : "0"),
    accommodation: some(accommodation)
  }
}

const healthOutcome = (
  env: Environment,
  { id, life }: Identified,
  year: number,
  ye: number
): HealthOutcome.HealthOutcome => {
  const rng = env.council.scratch
  rng.reseed(env.council.seed, life.serial, year, 404)
  const age = ageOn(life, ye)
  const flag = (p: number) => some(rng.chance(p))
  const scored = age >= 4 && age <= 16 && rng.chance(age === 4 ? 0.5 : 0.78)
  let score = 0
  for (let i = 0; i < 8; i++) score += rng.int(0, 4)
  const misuse = age >= 11 && rng.chance(0.04)
  const received = misuse && rng.chance(0.6)
  return {
    childId: id,
    dateOfBirth: env.dateOf(life.dob),
    sdqScore: scored ? some(Math.min(40, Math.max(0, score - 2))) : none,
    sdqReason:
      // 4- and 17-year-olds turning that age in the year report a reason too (rule 197B); a child already 4 on
      // 1 April is in the SDQ age range all year and never gives "outside the age range" (rule 157)
      age >= 4 && age <= 17 && !scored
        ? some(
            (age === 4 && ageOn(life, Date.UTC(year - 1, 3, 1) / msPerDay) < 4) || age === 17
              ? "SDQ1"
              : rng.pick(age >= 11 ? (["SDQ2", "SDQ3", "SDQ4", "SDQ5"] as const) : (["SDQ2", "SDQ3", "SDQ4"] as const))
          )
        : none,
    convicted: age >= 10 ? flag(0.03) : none,
    healthCheck: age < 5 ? flag(0.88) : none,
    immunisations: flag(0.85),
    teethCheck: flag(0.79),
    healthAssessment: flag(0.89),
    substanceMisuse: some(misuse),
    interventionReceived: misuse ? some(received) : none,
    interventionOffered: misuse && !received ? flag(0.5) : none
  }
}

/** Missing and away incidents in the year, inside the child's time in care, never overlapping (rules 570–574). */
const missingOf = (
  env: Environment,
  { id, life }: Identified,
  year: number,
  intervals: ReadonlyArray<readonly [number, number]>
) => {
  const rng = env.council.scratch
  rng.reseed(env.council.seed, life.serial, year, 606)
  const out: Array<MissingEpisode.MissingEpisode> = []
  const ye = intervals.length === 0 ? 0 : intervals[intervals.length - 1]![1]
  const age = ageOn(life, ye)
  const p = age < 10 ? 0.01 : age < 13 ? 0.07 : 0.2
  if (!rng.chance(p)) return out
  const wanted = 1 + Math.floor(rng.exponential(5))
  for (const [from, to] of intervals) {
    let t = from + rng.int(3, 60)
    while (out.length < wanted && t + 4 < to) {
      const end = t + rng.int(1, 3)
      if (ageOn(life, t) >= 10) {
        out.push({
          childId: id,
          dateOfBirth: env.dateOf(life.dob),
          kind: rng.chance(0.75) ? "missing" : "away",
          start: env.dateOf(t),
          end: some(env.dateOf(end))
        })
      }
      t = end + rng.int(3, 45)
    }
  }
  return out
}

/** Every table of one collection year. Social-worker episodes from 2023/24 (collection year 2024). */
export const assemble = (env: Environment, lives: ReadonlyArray<Identified>, yearEnding: number): Return.Return => {
  const { council, dateOf, someDate, someCode } = env
  const year = ReportingYear.make(yearEnding)
  const ys = CalendarDate.toDayNumber(ReportingYear.start(year))
  const ye = CalendarDate.toDayNumber(ReportingYear.end(year))
  const children: Array<Child.Child> = []
  const episodes: Array<Episode.Episode> = []
  const reviews: Array<Review.Review> = []
  const uasc: Array<UnaccompaniedAsylumSeekingChild.UnaccompaniedAsylumSeekingChild> = []
  const healthOutcomes: Array<HealthOutcome.HealthOutcome> = []
  const careLeavers: Array<CareLeaverOutcome.CareLeaverOutcome> = []
  const adoptions: Array<Adoption.Adoption> = []
  const placedForAdoption: Array<PlacedForAdoption.PlacedForAdoption> = []
  const previousPermanence: Array<PreviousPermanence.PreviousPermanence> = []
  const missing: Array<MissingEpisode.MissingEpisode> = []
  const socialWorkerEpisodes: Array<SocialWorkerEpisode.SocialWorkerEpisode> = []
  const withSocialWorkers = yearEnding >= 2024

  for (const identified of lives) {
    const { id: childId, life } = identified
    const dob = dateOf(life.dob)
    const periods: Array<Period> = []
    const indexes: Array<number> = []
    for (let i = 0; i < life.periods.length; i++) {
      const p = life.periods[i]!
      if (p.start <= ye && p.end >= ys) {
        periods.push(p)
        indexes.push(i)
      }
    }
    const leaverAge = careLeaverBirthday(life, ys, ye)
    if (periods.length === 0 && leaverAge === null) continue

    // Episodes, and the facts the 12-month (OC2) cohort needs (ssda903.md §4.6).
    let startedInYear = false
    let leftInYear = false
    let shortBreakInYear = false
    let episodeInYear = false
    let prevPermDone = false
    const homePostcode = identified.homePostcode
    const intervals: Array<readonly [number, number]> = []
    for (let pi = 0; pi < periods.length; pi++) {
      const period = periods[pi]!
      const stayPostcodes = identified.placementPostcodes[indexes[pi]!]!
      for (let si = 0; si < period.stays.length; si++) {
        const stay = period.stays[si]!
        if (stay.start > ye) break
        const ended = stay.end <= ye
        const placement = placementFor(yearEnding, stay.placement)
        // supported accommodation (H5) is Ofsted-registered from 28 October 2023 and carries a URN (rule 230)
        const urn = urnOf(placement === "H5" && yearEnding >= 2024 ? "K3" : placement, stay.site)
        episodes.push({
          childId,
          start: dateOf(stay.start),
          reasonForNewEpisode: stay.reasonForNewEpisode,
          legalStatus: stay.legalStatus,
          categoryOfNeed: period.categoryOfNeed,
          placement,
          provider: stay.provider === null ? none : someCode(stay.provider),
          end: ended ? someDate(stay.end) : none,
          reasonCeased: ended ? someCode(stay.reasonCeased) : none,
          reasonPlaceChange: ended && stay.reasonPlaceChange !== null ? someCode(stay.reasonPlaceChange) : none,
          // no postcodes (so no distance) for short breaks (rule 398)
          homePostcode: period.shortBreak ? none : homePostcode,
          // a placement at the child's home postcode is only a placement with parents (rule 392d)
          placementPostcode: period.shortBreak
            ? none
            : placement !== "P1" && Option.getOrNull(stayPostcodes[si]!) === Option.getOrNull(homePostcode)
              ? Option.map(stayPostcodes[si]!, (p) => `${p.slice(0, -1)}${p.endsWith("A") ? "B" : "A"}`)
              : stayPostcodes[si]!,
          // no URN for short breaks (rule 214)
          urn: period.shortBreak ? none : urn === "XXXXXXX" ? someCode(urn) : some(urn)
        })
        if (stay.end >= ys) {
          episodeInYear = true
          if (period.shortBreak) shortBreakInYear = true
          if (stay.reasonForNewEpisode === "S" && stay.start > ys) startedInYear = true
          if (ended && stay.reasonCeased !== "X1") leftInYear = true
        }
      }
      if (period.shortBreak) continue
      intervals.push([Math.max(period.start, ys), Math.min(period.end, ye)])
      for (const r of identified.reviews[indexes[pi]!]!) {
        if (r.day >= ys && r.day <= ye)
          reviews.push({ childId, dateOfBirth: dob, date: dateOf(r.day), participation: r.code })
      }
      if (period.start >= ys && !prevPermDone) {
        prevPermDone = true
        const pp = previousPermanenceOf(council, life, period)
        previousPermanence.push({
          childId,
          dateOfBirth: dob,
          option: some(pp.option),
          localAuthority: none,
          date:
            pp.date === null
              ? none
              : some({
                  year: pp.date.year === null ? none : some(pp.date.year),
                  month: pp.date.month === null ? none : some(pp.date.month),
                  day: pp.date.day === null ? none : some(pp.date.day)
                })
        })
      }
      const decision = period.placementDecision
      // A decision reversed before the year began was last year's to report (DfE 118, 561, 584): it is not repeated.
      if (decision !== null && decision.decision <= ye && (decision.ceased === null || decision.ceased >= ys)) {
        const ceased = decision.ceased !== null && decision.ceased <= ye
        placedForAdoption.push({
          childId,
          dateOfBirth: dob,
          decision: dateOf(decision.decision),
          ceased: ceased ? some(dateOf(decision.ceased!)) : none,
          reasonCeased: ceased && decision.reason !== null ? some(decision.reason) : none
        })
      }
      if (period.adoption !== null && period.end >= ys && period.end <= ye) {
        const a = period.adoption
        adoptions.push({
          childId,
          dateOfBirth: dob,
          bestInterestDecision: some(dateOf(a.bestInterest)),
          matched: some(dateOf(a.matched)),
          byFormerFosterCarer: some(a.byFormerFosterCarer),
          numberOfAdopters: some(a.numberOfAdopters),
          adopterSex: some(a.adopterSex),
          adopterLegalStatus: some(a.adopterLegalStatus)
        })
      }
      if (withSocialWorkers) {
        for (const sw of identified.socialWorkers[indexes[pi]!]!) {
          if (sw.start > ye || sw.end < ys) continue
          const ended = sw.end <= ye
          socialWorkerEpisodes.push({
            childId,
            dateOfBirth: dob,
            socialWorkerId: sw.socialWorkerId,
            start: dateOf(sw.start),
            end: ended ? someDate(sw.end) : none,
            reason: sw.reason !== null ? someCode(sw.reason) : none
          })
        }
      }
    }

    const age = ageOn(life, ye)
    const female12 = life.sex === "female" && age >= 12
    // a first child born after the mother left care is not recorded (rule 625)
    const isMother =
      female12 && life.motherChildDob !== null && life.motherChildDob <= Math.min(ye, periods.at(-1)?.end ?? ye)
    children.push({
      id: childId,
      sex: life.sex,
      dateOfBirth: dob,
      ethnicity: life.ethnicity,
      upn: life.uasc ? someCode("UN2") : age < 5 ? someCode("UN1") : some(identified.upn),
      // MOTHER for every girl looked after other than on short breaks (rules 393, 399)
      mother: life.sex === "female" && periods.some((p) => !p.shortBreak) ? some(isMother) : none,
      // only beside a recorded MOTHER (rule 612)
      motherChildDateOfBirth: isMother && periods.some((p) => !p.shortBreak) ? some(dateOf(life.motherChildDob!)) : none
    })
    if (life.uasc && periods.length > 0) {
      uasc.push({ childId, sex: life.sex, dateOfBirth: dob, statusCeased: some(dateOf(birthday(life, 18))) })
    }
    if (episodeInYear && !startedInYear && !leftInYear && !shortBreakInYear) {
      healthOutcomes.push(healthOutcome(env, identified, yearEnding, ye))
    }
    if (leaverAge !== null) careLeavers.push(careLeaverOutcome(env, identified, yearEnding, leaverAge))
    if (intervals.length > 0) missing.push(...missingOf(env, identified, yearEnding, intervals))
  }

  return {
    year,
    children,
    episodes,
    reviews: some(reviews),
    uasc: some(uasc),
    healthOutcomes: some(healthOutcomes),
    careLeavers: some(careLeavers),
    adoptions: some(adoptions),
    placedForAdoption: some(placedForAdoption),
    previousPermanence: some(previousPermanence),
    missing: some(missing),
    socialWorkerEpisodes: withSocialWorkers ? some(socialWorkerEpisodes) : Option.none(),
    deprivationOfLiberty: Option.none()
  }
}
