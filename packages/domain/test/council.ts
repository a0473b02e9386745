/**
 * A plainly fake council for tests and the indicator benchmark: a seeded generator of 903 returns whose histories
 * exercise every indicator (placement moves, temporary moves, status-only changes, short breaks, second periods of
 * care, OC2, OC3, missing, reviews, UASC). Nothing here resembles a real child.
 */
import { Option } from "effect"
import {
  CalendarDate,
  type CareLeaverOutcome,
  type Child,
  type Episode,
  type HealthOutcome,
  type MissingEpisode,
  ReportingYear,
  Return,
  type Review,
  type UnaccompaniedAsylumSeekingChild
} from "../src/index.ts"

/** mulberry32: a small seeded generator, so a seed always gives the same council. */
const random = (seed: number) => {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

export const fakeReturn = (options: {
  readonly seed: number
  readonly children: number
  readonly year: number
}): Return.Return => {
  const next = random(options.seed)
  const pick = <A>(xs: ReadonlyArray<A>): A => xs[Math.floor(next() * xs.length)]!
  const chance = (p: number) => next() < p
  const int = (lo: number, hi: number) => lo + Math.floor(next() * (hi - lo + 1))
  const ys = ReportingYear.start(ReportingYear.make(options.year))
  const ye = ReportingYear.end(ReportingYear.make(options.year))
  const flag = () => (chance(0.1) ? Option.none() : Option.some(chance(0.8)))
  const children: Array<Child.Child> = []
  const episodes: Array<Episode.Episode> = []
  const oc2: Array<HealthOutcome.HealthOutcome> = []
  const oc3: Array<CareLeaverOutcome.CareLeaverOutcome> = []
  const missing: Array<MissingEpisode.MissingEpisode> = []
  const reviews: Array<Review.Review> = []
  const uasc: Array<UnaccompaniedAsylumSeekingChild.UnaccompaniedAsylumSeekingChild> = []
  const places: ReadonlyArray<Episode.Episode["placement"]> = [
    "U1",
    "U3",
    "U4",
    "U4",
    "U6",
    "U6",
    "U6",
    "A4",
    "A5",
    "K2",
    "K1",
    "H5",
    "P1",
    "P2",
    "R1",
    "S1",
    "Z1",
    "T3",
    "T4"
  ]
  const statuses: ReadonlyArray<Episode.Episode["legalStatus"]> = ["C1", "C2", "C2", "C2", "E1", "V2", "V2", "J1", "V3"]
  const leaving: ReadonlyArray<NonNullable<Option.Option.Value<Episode.Episode["reasonCeased"]>>> = [
    "E4A",
    "E4B",
    "E11",
    "E12",
    "E45",
    "E47",
    "E43",
    "E13",
    "E5",
    "E6",
    "E3",
    "E8",
    "E17"
  ]
  for (let i = 0; i < options.children; i++) {
    const id = `F${String(i).padStart(6, "0")}` as Child.ChildId
    const dob = CalendarDate.addDays(ye, -int(30, 22 * 365))
    children.push({
      id,
      sex: pick(["male", "female", "unknown"] as const),
      dateOfBirth: dob,
      ethnicity: pick(["WBRI", "WBRI", "WOTH", "MWBC", "AIND", "BAFR", "CHNE", "NOBT"] as const),
      upn: Option.none(),
      mother: Option.none(),
      motherChildDateOfBirth: Option.none()
    })
    let start = CalendarDate.max(dob, CalendarDate.addDays(ye, -int(0, 7 * 365)))
    let rne: Episode.Episode["reasonForNewEpisode"] = "S"
    let urn = `SC${int(1, 40)}`
    const shortBreaks = chance(0.04)
    for (let k = 0; k < 8 && start <= ye; k++) {
      const place = pick(places)
      const ls = shortBreaks ? pick(["V3", "V4"] as const) : pick(statuses)
      const length = place[0] === "T" ? int(1, 7) : int(5, 600)
      const endDay = CalendarDate.addDays(start, length)
      const open = endDay > ye && chance(0.85)
      const leaves = !open && (chance(0.25) || CalendarDate.ageOn(dob, endDay) >= 18)
      const rec = open ? undefined : leaves ? pick(leaving) : ("X1" as const)
      const sameAfterTemporary = place[0] === "T"
      episodes.push({
        childId: id,
        start,
        reasonForNewEpisode: rne,
        legalStatus: ls,
        categoryOfNeed: pick(["N1", "N1", "N2", "N4", "N5", "N8"] as const),
        placement: place,
        provider:
          place[0] === "T" || place === "Z1" ? Option.none() : Option.some(pick(["PR1", "PR2", "PR4"] as const)),
        end: open ? Option.none() : Option.some(endDay),
        reasonCeased: rec === undefined ? Option.none() : Option.some(rec),
        reasonPlaceChange:
          rne === "T" || rne === "U" ? Option.some(pick(["PLACE", "CARPL", "CREQB"] as const)) : Option.none(),
        homePostcode: Option.some(`HM${int(1, 9)} 1AA`),
        placementPostcode: Option.some(`PL${int(1, 9)} 2BB`),
        urn: Option.some(urn)
      })
      if (open) break
      if (rec !== "X1") {
        if (CalendarDate.ageOn(dob, endDay) >= 17 || !chance(0.3)) break
        start = CalendarDate.addDays(endDay, int(1, 300))
        rne = "S"
        continue
      }
      start = endDay
      rne = pick(["P", "P", "L", "T", "B", "U"] as const)
      if (!sameAfterTemporary) urn = chance(0.5) ? urn : `SC${int(1, 40)}`
    }
    if (chance(0.6)) {
      const score = chance(0.7) ? Option.some(int(0, 40)) : Option.none()
      oc2.push({
        childId: id,
        dateOfBirth: dob,
        sdqScore: score,
        sdqReason: Option.isSome(score) ? Option.none() : Option.some("SDQ4"),
        convicted: flag(),
        healthCheck: flag(),
        immunisations: flag(),
        teethCheck: flag(),
        healthAssessment: flag(),
        substanceMisuse: flag(),
        interventionReceived: Option.none(),
        interventionOffered: Option.none()
      })
    }
    const age = CalendarDate.ageOn(dob, ye)
    if (age >= 17 && chance(0.8)) {
      oc3.push({
        childId: id,
        dateOfBirth: dob,
        inTouch: Option.some(pick(["YES", "YES", "YES", "NO", "DIED", "REFU", "NREQ", "RHOM"] as const)),
        activity: Option.some(pick(["F1", "P2", "F4", "F5", "G4", "G5", "G6", "0"] as const)),
        accommodation: Option.some(pick(["B1", "C2", "D1", "E1", "S2", "U1", "U2", "X2", "Z1", "0"] as const))
      })
    }
    for (let m = int(0, 3) * (chance(0.2) ? 1 : 0); m > 0; m--) {
      const from = CalendarDate.addDays(ys, int(-60, 380))
      missing.push({
        childId: id,
        dateOfBirth: dob,
        kind: chance(0.7) ? "missing" : "away",
        start: from,
        end: chance(0.9) ? Option.some(CalendarDate.addDays(from, int(0, 5))) : Option.none()
      })
    }
    for (let r = int(0, 3); r > 0; r--) {
      reviews.push({
        childId: id,
        dateOfBirth: dob,
        date: CalendarDate.max(dob, CalendarDate.addDays(ys, int(-30, 380))),
        participation: pick(["PN0", "PN1", "PN2", "PN3", "PN4", "PN5", "PN6", "PN7"] as const)
      })
    }
    if (chance(0.06)) {
      uasc.push({
        childId: id,
        sex: "male",
        dateOfBirth: dob,
        statusCeased: chance(0.5) ? Option.some(CalendarDate.addYears(dob, 18)) : Option.none()
      })
    }
  }
  return Return.make({
    year: ReportingYear.make(options.year),
    children,
    episodes,
    reviews: reviews,
    uasc: uasc,
    healthOutcomes: oc2,
    careLeavers: oc3,
    missing: missing
  })
}
