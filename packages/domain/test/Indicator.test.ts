import { assert, describe, it } from "@effect/vitest"
import { Option } from "effect"
import {
  CalendarDate,
  type CareLeaverOutcome,
  type Child,
  ChildHistory,
  Indicator,
  Placement,
  ReportingYear
} from "../src/index.ts"
import { child, episode, inputsOf, returnOf } from "./fixtures.ts"

const claAt31March = (year: number, episodes: Parameters<typeof inputsOf>[1]) =>
  Option.getOrNull(Indicator.measure(Indicator.claAt31March, inputsOf(year, episodes)).value)

describe("cla_31_march", () => {
  it("counts a child whose episode is open over 31 March", () => {
    assert.strictEqual(claAt31March(2018, [episode({ start: "2017-01-10" })]), 1)
  })

  it("does not count a child whose episode ends on 31 March with a reason other than X1", () => {
    assert.strictEqual(claAt31March(2018, [episode({ start: "2017-01-10", end: "2018-03-31", rec: "E4A" })]), 0)
  })

  it("counts a child whose episode ends on 31 March when the next starts the same day (X1)", () => {
    const episodes = [
      episode({ start: "2017-01-10", end: "2018-03-31", rec: "X1" }),
      episode({ start: "2018-03-31", rne: "P", place: "U6" })
    ]
    assert.strictEqual(claAt31March(2018, episodes), 1)
  })

  it("counts a child who starts to be looked after on 31 March", () => {
    assert.strictEqual(claAt31March(2018, [episode({ start: "2018-03-31" })]), 1)
  })

  it("does not count a child who starts on 1 April, the day after the year ends", () => {
    assert.strictEqual(claAt31March(2018, [episode({ start: "2018-04-01" })]), 0)
  })

  it("excludes a child on an agreed series of short breaks (V3 and V4)", () => {
    const episodes = [
      episode({ child: "A", start: "2018-03-30", ls: "V3" }),
      episode({ child: "B", start: "2017-09-01", ls: "V4" }),
      episode({ child: "C", start: "2017-09-01", ls: "V2" })
    ]
    assert.strictEqual(claAt31March(2018, episodes), 1)
  })

  it("counts a child with several episodes once", () => {
    const episodes = [
      episode({ start: "2015-05-01", end: "2016-02-01", rec: "X1" }),
      episode({ start: "2016-02-01", end: "2017-12-01", rne: "P", rec: "X1" }),
      episode({ start: "2017-12-01", rne: "L", ls: "E1" })
    ]
    assert.strictEqual(claAt31March(2018, episodes), 1)
  })

  it("counts a child who left and came back into care within the year", () => {
    const episodes = [
      episode({ start: "2016-05-01", end: "2017-06-01", rec: "E13" }),
      episode({ start: "2017-11-20", rne: "S" })
    ]
    assert.strictEqual(claAt31March(2018, episodes), 1)
  })

  it("counts a short-break child who moves to a care order before 31 March", () => {
    const episodes = [
      episode({ start: "2017-05-01", end: "2017-08-01", ls: "V3", rec: "X1" }),
      episode({ start: "2017-08-01", rne: "L", ls: "C1" })
    ]
    assert.strictEqual(claAt31March(2018, episodes), 1)
  })

  it("treats an episode left open before a later one as ended when the later one starts", () => {
    const episodes = [episode({ start: "2016-01-01" }), episode({ start: "2017-06-01", ls: "V3", rne: "L" })]
    assert.strictEqual(claAt31March(2018, episodes), 0)
  })

  it("is x with a reason when the Episodes table was not supplied", () => {
    const inputs = { ...inputsOf(2018, []), tables: new Set<never>() }
    const m = Indicator.measure(Indicator.claAt31March, inputs)
    assert.isTrue(Option.isNone(m.value))
    assert.strictEqual(Option.getOrNull(m.reason), "table not supplied: episodes")
  })
})

const measureOf = (id: string, inputs: Indicator.Inputs) =>
  Indicator.measure(Option.getOrThrow(Indicator.byId(id)), inputs)

describe("the catalogue", () => {
  it("has the 35 ids of indicators.md version 1, each once", () => {
    const ids = Indicator.catalogue.map((d) => d.id)
    assert.strictEqual(ids.length, 35)
    assert.strictEqual(new Set(ids).size, 35)
    assert.includeMembers(ids, [
      "cla_rate_per_10k",
      "care_leavers_19_21_suitable_accommodation_pct",
      "review_participation_pct"
    ])
  })

  it("gives the rate per 10,000 only with a population, keeping the numerator", () => {
    const inputs = inputsOf(2018, [episode({ start: "2017-01-10" })])
    const without = measureOf("cla_rate_per_10k", inputs)
    assert.strictEqual(Option.getOrNull(without.reason), "population not supplied")
    assert.strictEqual(Option.getOrNull(without.numerator), 1)
    const withPopulation = measureOf("cla_rate_per_10k", { ...inputs, population: Option.some(2000) })
    assert.strictEqual(Option.getOrNull(withPopulation.value), 5)
  })

  it("reports placement location as x until a postcode directory is configured", () => {
    const inputs = inputsOf(2018, [episode({ start: "2017-01-10", home: "A1 1AA", placed: "B1 1BB" })])
    assert.strictEqual(
      Option.getOrNull(measureOf("placed_out_of_area_pct", inputs).reason),
      "postcode directory not configured"
    )
    const area = {
      localAuthority: "857",
      directory: Placement.directoryFromEntries([
        ["A1 1AA", { easting: 0, northing: 0, localAuthority: "857" }],
        ["B1 1BB", { easting: 0, northing: 40_000, localAuthority: "856" }]
      ])
    }
    assert.strictEqual(Option.getOrNull(measureOf("placed_out_of_area_pct", { ...inputs, area }).value), 100)
    assert.strictEqual(Option.getOrNull(measureOf("placed_over_20_miles_pct", { ...inputs, area }).value), 100)
  })
})

describe("care leaver cohorts (OC3) by birthdays in the year", () => {
  const oc3 = (id: string, dob: string, inTouch: CareLeaverOutcome.InTouch): CareLeaverOutcome.CareLeaverOutcome => ({
    childId: id as Child.ChildId,
    dateOfBirth: CalendarDate.make(dob),
    inTouch: Option.some(inTouch),
    activity: Option.some("F2"),
    accommodation: Option.some("U1")
  })
  const inputs = (rows: ReadonlyArray<CareLeaverOutcome.CareLeaverOutcome>): Indicator.Inputs => {
    const base = returnOf(2018, [])
    return {
      year: ReportingYear.make(2018),
      // Care leavers have a Header record in the return, as every child does.
      histories: ChildHistory.index({
        ...base,
        children: rows.map((r) => child(r.childId, r.dateOfBirth)),
        careLeavers: Option.some(rows)
      }),
      tables: new Set(["children", "episodes", "careLeavers"]),
      population: Option.none()
    }
  }

  it("takes a 17th birthday on 1 April and an 18th on 31 March into 17–18, not one on 1 April after the year", () => {
    const m = measureOf(
      "care_leavers_17_18_in_touch_pct",
      inputs([
        oc3("A", "2000-04-01", "YES"), // 17 on 2017-04-01
        oc3("B", "2000-03-31", "NO"), // 18 on 2018-03-31
        oc3("C", "2001-04-01", "YES") // 17 on 2018-04-01: next year
      ])
    )
    assert.deepStrictEqual([Option.getOrNull(m.numerator), Option.getOrNull(m.denominator)], [1, 2])
  })

  it("leaves out those who died or returned home, and puts a 21st birthday into 19–21", () => {
    const m = measureOf(
      "care_leavers_19_21_in_touch_pct",
      inputs([oc3("A", "1997-01-01", "YES"), oc3("B", "1998-01-01", "DIED"), oc3("C", "1999-01-01", "RHOM")])
    )
    assert.deepStrictEqual([Option.getOrNull(m.numerator), Option.getOrNull(m.denominator)], [1, 1])
  })

  it("is x when the OC3 table was not supplied", () => {
    const m = measureOf("care_leavers_19_21_eet_pct", inputsOf(2018, []))
    assert.strictEqual(Option.getOrNull(m.reason), "table not supplied: careLeavers")
  })
})
