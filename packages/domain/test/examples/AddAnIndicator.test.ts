/**
 * The worked example of docs/extending.md, "Add an indicator": a definition as data plus a pure compute function, and
 * the tests a new indicator needs. The doc quotes the regions of this file, so the doc cannot drift from code that runs.
 */
import { assert, describe, it } from "@effect/vitest"
import { Option } from "effect"
import { CalendarDate, Indicator } from "../../src/index.ts"
import { episode, inputsOf } from "../fixtures.ts"

// #region definition
/** Children looked after at 31 March who are aged 16 or 17: the cohort that pathway planning must reach. */
export const claAged16To17Pct: Indicator.Definition = {
  id: Indicator.IndicatorId.make("cla_aged_16_17_pct"),
  title: "Children looked after aged 16–17",
  description: "Share of the children looked after at 31 March who were aged 16 or 17 on that day.",
  unit: "percent",
  polarity: "neutral",
  cohort: "children looked after at the end of the year (YE)",
  numerator: "children in the cohort aged 16 or 17 at YE",
  denominator: Option.some("children looked after at YE"),
  reference: "ssda903.md §4.1 (cohort); DfE age bands",
  tables: ["episodes"],
  compute: (v) => {
    const cohort = v.lookedAfterAtYearEnd()
    let aged16To17 = 0
    for (const m of cohort) {
      const age = Option.map(m.history.child, (c) => CalendarDate.ageOn(c.dateOfBirth, v.yearEnd))
      if (Option.isSome(age) && age.value >= 16 && age.value <= 17) aged16To17++
    }
    return Indicator.percent(aged16To17, cohort.length)
  }
}
// #endregion definition

describe("cla_aged_16_17_pct", () => {
  // #region tests
  const episodes = [
    episode({ child: "A", start: "2024-05-01" }), // aged 17 at 31 March 2025
    episode({ child: "B", start: "2024-05-01" }), // aged 9
    episode({ child: "C", start: "2024-05-01", end: "2025-01-10" }), // left care in the year: not in the cohort
    episode({ child: "D", start: "2024-05-01", ls: "V4" }) // short breaks only: never counted as looked after
  ]
  const dates = { A: "2007-09-01", B: "2015-09-01", C: "2008-01-01", D: "2008-01-01" }

  it("counts the cohort aged 16–17 at 31 March, with numerator and denominator", () => {
    const m = Indicator.measure(claAged16To17Pct, inputsOf(2025, episodes, dates))
    assert.deepStrictEqual([m.numerator, m.denominator, m.value], [Option.some(1), Option.some(2), Option.some(50)])
  })

  it("takes age on 31 March: a child who turns 18 that day is out, one turning 16 is in", () => {
    const turning = [episode({ child: "E", start: "2024-05-01" }), episode({ child: "F", start: "2024-05-01" })]
    const m = Indicator.measure(claAged16To17Pct, inputsOf(2025, turning, { E: "2007-03-31", F: "2009-03-31" }))
    assert.deepStrictEqual(m.numerator, Option.some(1))
  })

  it("runs beside the catalogue with measureAll, sharing its cohorts", () => {
    const all = Indicator.measureAll(inputsOf(2025, episodes, dates), [...Indicator.catalogue, claAged16To17Pct])
    const ours = all.find((r) => r.definition.id === "cla_aged_16_17_pct")
    const cla = all.find((r) => r.definition.id === "cla_31_march")
    assert.deepStrictEqual(ours?.measurement.denominator, cla?.measurement.value)
  })
  // #endregion tests
})
