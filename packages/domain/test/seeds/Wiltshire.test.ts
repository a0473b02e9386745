/**
 * The figures Wiltshire's bi-annual corporate parenting update (30 November 2017) printed for its own children
 * (../shared/seeds/wiltshire-2017.txt), given back by the core from a plainly fake 903 return for 2016/17 built to the
 * same composition. The update does not date its figures; they are read as the 2016/17 year-end return's. The seed
 * file is not read here: the figures are copied below with the line they are on.
 */
import { assert, describe, it } from "@effect/vitest"
import { Result } from "effect"
import { Benchmark, Scorecard, Target } from "../../src/index.ts"
import { bornAged, type ChildSpec, inputsOf, plusDays, quota, returnOf } from "./SeedCouncil.ts"

const seed = {
  // line 27: "Long-term placement stability at 77% is good (looked after for at least 2.5 years, in the same placement for
  // the last 2 years), this is above the end of year target (72%) and national averages (68%)"
  longTermStabilityPct: 77,
  longTermStabilityTarget: 72,
  longTermStabilityEngland: 68,
  // line 43: "care leavers in suitable accommodation at 98% for 16-18 year olds … drops to 83% for 19-21 year olds …
  // 90% of 16-18 year olds in education or training but dropping to 46% for 19-21 yr olds"
  suitableAccommodation17To18Pct: 98,
  suitableAccommodation19To21Pct: 83,
  eet17To18Pct: 90,
  eet19To21Pct: 46
} as const

const ye = "2017-03-31"

/**
 * 2016/17: 130 children under 16 in care since 2013, 100 of them with the same carer since then and 30 who moved in
 * 2016; 270 more in care since January 2016; and the OC3 cohorts: 50 young people whose 18th birthday falls in the
 * year and 100 whose 20th does, each looked after from 14 to 18.
 */
const return2017 = () => {
  const longTerm = Array.from({ length: 130 }, (_, i): ChildSpec => {
    const moved = i >= 100
    return {
      id: `WI17-long-${i}`,
      dateOfBirth: bornAged(11, ye),
      episodes: moved ? [{ start: "2013-09-02" }, { start: "2016-06-01" }] : [{ start: "2013-09-02" }]
    }
  })
  const recent = Array.from({ length: 270 }, (_, i) => ({
    id: `WI17-recent-${i}`,
    dateOfBirth: bornAged(8, ye),
    episodes: [{ start: "2016-01-11" }]
  }))
  const careLeavers = (
    label: string,
    size: number,
    ageInYear: number,
    suitable: number,
    eet: number
  ): ReadonlyArray<ChildSpec> => {
    const housed = quota(size, [
      ["D1", suitable],
      ["S2", size - suitable]
    ] as const)
    const activity = quota(size, [
      ["F2", eet],
      ["G5", size - eet]
    ] as const)
    return Array.from({ length: size }, (_, i) => {
      // The birthday falls on 1 October of the collection year.
      const dateOfBirth = `${2016 - ageInYear}-10-01`
      const birthday14 = `${2016 - ageInYear + 14}-10-01`
      const birthday18 = `${2016 - ageInYear + 18}-10-01`
      return {
        id: `WI17-${label}-${i}`,
        dateOfBirth,
        episodes: [{ start: plusDays(birthday14, 10), end: birthday18, reasonCeased: "E17" as const }],
        careLeaver: { inTouch: "YES" as const, activity: activity[i]!, accommodation: housed[i]! }
      }
    })
  }
  return returnOf(2017, [
    ...longTerm,
    ...recent,
    ...careLeavers("leaver18", 50, 18, 49, 45),
    ...careLeavers("leaver20", 100, 20, 83, 46)
  ])
}

describe("Wiltshire 2017 corporate parenting update, reproduced from a fake 903 return", () => {
  const targets = Result.getOrThrow(
    Target.fromCsv(`indicator,year,target\nstability_long_term_pct,2017,${seed.longTermStabilityTarget}`)
  )
  const benchmarks = Result.getOrThrow(
    Benchmark.fromCsv(
      `indicator,year,comparator,value\nstability_long_term_pct,2017,england,${seed.longTermStabilityEngland}`
    )
  )
  const card = Scorecard.make({
    council: "Wiltshire (synthetic)",
    audience: "officer",
    inputs: inputsOf(return2017()),
    targets,
    benchmarks
  })
  const entry = (id: string) => card.indicators.find((e) => e.id === id)!

  it("has 77% in long-term stable placements, green against the 72% target, beside England's 68%", () => {
    const stability = entry("stability_long_term_pct")
    assert.strictEqual(stability.display, String(seed.longTermStabilityPct))
    assert.strictEqual(stability.numerator, 100)
    assert.strictEqual(stability.denominator, 130)
    assert.strictEqual(stability.target, seed.longTermStabilityTarget)
    assert.strictEqual(stability.rag, "green")
    assert.deepStrictEqual(stability.benchmarks, { england: seed.longTermStabilityEngland })
  })

  it("has care leavers in suitable accommodation and in education, employment or training as printed", () => {
    assert.strictEqual(
      entry("care_leavers_17_18_suitable_accommodation_pct").display,
      String(seed.suitableAccommodation17To18Pct)
    )
    assert.strictEqual(
      entry("care_leavers_19_21_suitable_accommodation_pct").display,
      String(seed.suitableAccommodation19To21Pct)
    )
    assert.strictEqual(entry("care_leavers_17_18_eet_pct").display, String(seed.eet17To18Pct))
    assert.strictEqual(entry("care_leavers_19_21_eet_pct").display, String(seed.eet19To21Pct))
  })
})
