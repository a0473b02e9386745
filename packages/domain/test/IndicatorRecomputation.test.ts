/**
 * Every indicator of the catalogue against a second, deliberately plain implementation: loops over the raw records
 * of the return, written from ssda903.md §4 without using the domain's cohort or placement functions. The two must
 * agree on numerator, denominator and value for synthetic councils.
 */
import { assert, describe, it } from "@effect/vitest"
import { Option } from "effect"
import { ChildHistory, Indicator, type Return } from "../src/index.ts"
import { fakeReturn } from "./council.ts"

type Figure = { value: number | null; numerator: number | null; denominator: number | null }

const naive = (ret: Return.Return, population: number): Record<string, Figure> => {
  const year = ret.year
  const ys = `${year - 1}-04-01`
  const ye = `${year}-03-31`
  const inYear = (d: string) => d >= ys && d <= ye
  const isSB = (e: Episode) => e.legalStatus === "V3" || e.legalStatus === "V4"
  type Episode = Return.Return["episodes"][number]
  const end = (e: Episode) => (Option.isSome(e.end) ? e.end.value : null)
  const rec = (e: Episode) => (Option.isSome(e.reasonCeased) ? e.reasonCeased.value : null)
  const byChild: Record<string, Array<Episode>> = {}
  for (const e of ret.episodes) {
    if (byChild[e.childId] === undefined) byChild[e.childId] = []
    byChild[e.childId]!.push(e)
  }
  for (const k of Object.keys(byChild)) byChild[k]!.sort((a, b) => (a.start < b.start ? -1 : a.start > b.start ? 1 : 0))
  const dob: Record<string, string> = {}
  for (const c of ret.children) dob[c.id] = c.dateOfBirth
  const age = (id: string, on: string) => {
    const d = dob[id]!
    let a = Number(on.slice(0, 4)) - Number(d.slice(0, 4))
    if (on.slice(5) < d.slice(5)) a--
    return a
  }
  const pct = (n: number, d: number): Figure => ({
    value: d === 0 ? null : (n / d) * 100,
    numerator: n,
    denominator: d
  })
  const cnt = (n: number): Figure => ({ value: n, numerator: n, denominator: null })

  const openAt = (id: string, on: string): Episode | undefined => {
    let found: Episode | undefined
    for (const e of byChild[id] ?? []) if (e.start <= on && (end(e) === null || end(e)! > on)) found = e
    return found
  }
  const cla: Array<[string, Episode]> = []
  const during: Array<string> = []
  const started: Array<string> = []
  const ceasedLast: Array<[string, Episode]> = []
  const oc2: Array<string> = []
  for (const id of Object.keys(byChild).sort()) {
    const eps = byChild[id]!
    const e = openAt(id, ye)
    if (e !== undefined && !isSB(e)) cla.push([id, e])
    if (eps.some((x) => !isSB(x) && x.start <= ye && (end(x) === null || end(x)! >= ys))) during.push(id)
    if (eps.some((x) => !isSB(x) && x.reasonForNewEpisode === "S" && inYear(x.start))) started.push(id)
    let last: Episode | undefined
    for (const x of eps) if (!isSB(x) && end(x) !== null && inYear(end(x)!) && rec(x) !== "X1") last = x
    if (last !== undefined) ceasedLast.push([id, last])
    const inYr = eps.filter((x) => x.start <= ye && (end(x) === null || end(x)! >= ys))
    if (
      inYr.length > 0 &&
      !inYr.some((x) => isSB(x)) &&
      !inYr.some((x) => x.reasonForNewEpisode === "S" && x.start > ys) &&
      !inYr.some((x) => end(x) !== null && end(x)! <= ye && rec(x) !== "X1")
    )
      oc2.push(id)
  }
  const placedShare = (codes: ReadonlyArray<string>) =>
    pct(cla.filter(([, e]) => codes.includes(e.placement)).length, cla.length)

  // §4.4, counted afresh.
  const placements = (id: string): number => {
    let n = 0
    let last: Episode | undefined
    let temp = false
    for (const e of byChild[id]!) {
      if (isSB(e) || e.start > ye || (end(e) !== null && end(e)! < ys)) continue
      if (e.placement.startsWith("T")) {
        temp = true
        continue
      }
      const same =
        last !== undefined &&
        last.placement === e.placement &&
        Option.getOrNull(last.urn) === Option.getOrNull(e.urn) &&
        Option.getOrNull(last.placementPostcode) === Option.getOrNull(e.placementPostcode) &&
        Option.getOrNull(last.provider) === Option.getOrNull(e.provider)
      const statusOnly = ["T", "U"].includes(e.reasonForNewEpisode) && Option.getOrNull(e.reasonPlaceChange) === "PLACE"
      if (last === undefined || e.reasonForNewEpisode === "S") n++
      else if (["P", "B", "T", "U"].includes(e.reasonForNewEpisode) && !(temp && same) && !statusOnly) n++
      last = e
      temp = false
    }
    return n
  }
  // §4.5, walked afresh.
  const longTerm = cla.filter(([id]) => {
    if (age(id, ye) >= 16) return false
    const eps = byChild[id]!
    let i = eps.findLastIndex((e) => e.start <= ye && (end(e) === null || end(e)! > ye))
    while (
      i > 0 &&
      eps[i]!.reasonForNewEpisode !== "S" &&
      end(eps[i - 1]!) === eps[i]!.start &&
      rec(eps[i - 1]!) === "X1"
    )
      i--
    const y = Number(ye.slice(0, 4))
    return eps[i]!.start <= `${y - 3}-09-30`
  })
  const stable = longTerm.filter(([id]) => {
    const eps = byChild[id]!
    let i = eps.findLastIndex((e) => e.start <= ye && (end(e) === null || end(e)! > ye))
    while (
      i > 0 &&
      end(eps[i - 1]!) === eps[i]!.start &&
      rec(eps[i - 1]!) === "X1" &&
      (["L", "T", "U"].includes(eps[i]!.reasonForNewEpisode) ||
        eps[i]!.placement.startsWith("T") ||
        eps[i - 1]!.placement.startsWith("T"))
    )
      i--
    return eps[i]!.start <= `${Number(ye.slice(0, 4)) - 2}-03-31`
  })

  const oc2Rows: Record<string, HealthRow> = {}
  type HealthRow = NonNullable<Option.Option.Value<Return.Return["healthOutcomes"]>>[number]
  for (const r of Option.getOrElse(ret.healthOutcomes, () => [])) oc2Rows[r.childId] = r
  const oc2Flag = (ids: ReadonlyArray<string>, field: keyof HealthRow) =>
    pct(
      ids.filter((id) => Option.getOrNull((oc2Rows[id]?.[field] as Option.Option<boolean>) ?? Option.none()) === true)
        .length,
      ids.length
    )
  const scored: Array<number> = []
  for (const id of oc2) {
    const a = age(id, ye)
    const s = oc2Rows[id] === undefined ? null : Option.getOrNull(oc2Rows[id]!.sdqScore)
    if (a >= 5 && a <= 16 && s !== null) scored.push(s)
  }

  const missingRows = Option.getOrElse(ret.missing, () => [])
  const missingChildren = (kind: string) =>
    pct(
      during.filter((id) => missingRows.some((m) => m.childId === id && m.kind === kind && inYear(m.start))).length,
      during.length
    )

  const leavers = (ages: ReadonlyArray<number>) =>
    Option.getOrElse(ret.careLeavers, () => []).filter((o) => {
      const d = dob[o.childId] ?? o.dateOfBirth
      const birthdays = ages.map((a) => {
        const y = Number(d.slice(0, 4)) + a
        const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0
        return d.slice(5) === "02-29" && !leap ? `${y}-03-01` : `${y}${d.slice(4)}`
      })
      if (!birthdays.some(inYear)) return false
      const touch = Option.getOrNull(o.inTouch)
      if (touch === "DIED" || touch === "RHOM") return false
      const eps = byChild[o.childId] ?? []
      if (eps.length > 0 && eps.every(isSB)) return false
      if (eps.length > 0 && rec(eps[eps.length - 1]!) === "E3") return false
      return true
    })
  const leaverShare = (ages: ReadonlyArray<number>, test: (o: ReturnType<typeof leavers>[number]) => boolean) => {
    const c = leavers(ages)
    return pct(c.filter(test).length, c.length)
  }
  const eet = (o: ReturnType<typeof leavers>[number]) => /^[FP][1-5]$/.test(Option.getOrElse(o.activity, () => "0"))
  const suitable = (o: ReturnType<typeof leavers>[number]) => Option.getOrElse(o.accommodation, () => "0").endsWith("1")
  const touching = (o: ReturnType<typeof leavers>[number]) => Option.getOrNull(o.inTouch) === "YES"

  const reviewsInYear = Option.getOrElse(ret.reviews, () => []).filter(
    (r) => inYear(r.date) && age(r.childId, r.date) >= 4
  )

  return {
    cla_31_march: cnt(cla.length),
    cla_rate_per_10k: { value: (cla.length / population) * 10_000, numerator: cla.length, denominator: population },
    cla_started: cnt(started.length),
    cla_ceased: cnt(ceasedLast.length),
    cla_during_year: cnt(during.length),
    uasc_31_march: cnt(
      cla.filter(([id]) =>
        Option.getOrElse(ret.uasc, () => []).some(
          (u) => u.childId === id && (Option.isNone(u.statusCeased) || u.statusCeased.value > ye)
        )
      ).length
    ),
    placed_foster_pct: placedShare(["U1", "U2", "U3", "U4", "U5", "U6"]),
    placed_with_parents_pct: placedShare(["P1"]),
    placed_for_adoption_pct: placedShare(["A3", "A4", "A5", "A6"]),
    placed_homes_secure_semi_independent_pct: placedShare(["K1", "K2", "K3", "H5"]),
    placed_out_of_area_pct: { value: null, numerator: null, denominator: null },
    placed_over_20_miles_pct: { value: null, numerator: null, denominator: null },
    stability_3plus_placements_pct: pct(cla.filter(([id]) => placements(id) >= 3).length, cla.length),
    stability_long_term_pct: pct(stable.length, longTerm.length),
    oc2_cohort: cnt(oc2.length),
    health_assessment_pct: oc2Flag(oc2, "healthAssessment"),
    dental_check_pct: oc2Flag(oc2, "teethCheck"),
    immunisations_pct: oc2Flag(oc2, "immunisations"),
    development_check_under5_pct: oc2Flag(
      oc2.filter((id) => age(id, ye) < 5),
      "healthCheck"
    ),
    sdq_average: {
      value: scored.length === 0 ? null : scored.reduce((a, b) => a + b, 0) / scored.length,
      numerator: scored.reduce((a, b) => a + b, 0),
      denominator: scored.length
    },
    sdq_concern_pct: pct(scored.filter((s) => s >= 17).length, scored.length),
    convicted_pct: oc2Flag(
      oc2.filter((id) => age(id, ye) >= 10),
      "convicted"
    ),
    substance_misuse_pct: oc2Flag(oc2, "substanceMisuse"),
    missing_children_pct: missingChildren("missing"),
    missing_incidents: cnt(
      missingRows.filter((m) => m.kind === "missing" && inYear(m.start) && during.includes(m.childId)).length
    ),
    away_children_pct: missingChildren("away"),
    care_leavers_17_18_in_touch_pct: leaverShare([17, 18], touching),
    care_leavers_17_18_eet_pct: leaverShare([17, 18], eet),
    care_leavers_17_18_suitable_accommodation_pct: leaverShare([17, 18], suitable),
    care_leavers_19_21_in_touch_pct: leaverShare([19, 20, 21], touching),
    care_leavers_19_21_eet_pct: leaverShare([19, 20, 21], eet),
    care_leavers_19_21_suitable_accommodation_pct: leaverShare([19, 20, 21], suitable),
    adopted_count: cnt(ceasedLast.filter(([, e]) => ["E11", "E12"].includes(rec(e)!)).length),
    sgo_count: cnt(ceasedLast.filter(([, e]) => ["E43", "E44", "E45", "E46", "E47", "E48"].includes(rec(e)!)).length),
    review_participation_pct: pct(
      reviewsInYear.filter((r) => !["PN0", "PN7"].includes(r.participation)).length,
      reviewsInYear.length
    )
  }
}

describe("every indicator agrees with a naive recomputation", () => {
  for (const seed of [1, 2, 3]) {
    it(`agrees per indicator for synthetic council ${seed} (600 children, 2018)`, () => {
      const ret = fakeReturn({ seed, children: 600, year: 2018 })
      const population = 48_000
      const expected = naive(ret, population)
      const results = Indicator.measureAll({
        year: ret.year,
        histories: ChildHistory.index(ret),
        tables: new Set(["children", "episodes", "reviews", "uasc", "healthOutcomes", "careLeavers", "missing"]),
        population: Option.some(population)
      })
      assert.strictEqual(results.length, 35)
      assert.deepStrictEqual(Object.keys(expected).sort(), results.map((r) => r.definition.id).sort())
      for (const { definition, measurement } of results) {
        const want = expected[definition.id]!
        const got = {
          value: Option.getOrNull(measurement.value),
          numerator: Option.getOrNull(measurement.numerator),
          denominator: Option.getOrNull(measurement.denominator)
        }
        assert.deepStrictEqual(
          { numerator: got.numerator, denominator: got.denominator },
          { numerator: want.numerator, denominator: want.denominator },
          definition.id
        )
        if (want.value === null) assert.isNull(got.value, definition.id)
        else assert.closeTo(got.value ?? Number.NaN, want.value, 1e-9, definition.id)
      }
      // The synthetic council is rich enough that no percentage is vacuous.
      for (const id of [
        "stability_3plus_placements_pct",
        "stability_long_term_pct",
        "sdq_average",
        "care_leavers_19_21_eet_pct"
      ]) {
        assert.isAbove(expected[id]!.denominator ?? 0, 0, id)
      }
    })
  }
})
