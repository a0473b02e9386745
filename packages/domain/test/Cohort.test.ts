import { assert, describe, it } from "@effect/vitest"
import { Option, Result } from "effect"
import { CalendarDate, ChildHistory, Cohort, ReportingYear } from "../src/index.ts"
import { episode, returnOf } from "./fixtures.ts"

const year = ReportingYear.make(2018)
const histories = (episodes: Parameters<typeof returnOf>[1], dobs: Record<string, string> = {}) =>
  ChildHistory.index(returnOf(2018, episodes, dobs))
const ids = (members: ReadonlyArray<Cohort.Member>) => members.map((m) => m.history.childId)

describe("starts and ceases in the year", () => {
  it("counts a child who starts twice in a year once, by the first start", () => {
    const h = histories([
      episode({ start: "2017-05-01", end: "2017-07-01", rec: "E4A" }),
      episode({ start: "2017-11-01", place: "K2" })
    ])
    const started = Cohort.members(h, year, "started")
    assert.deepStrictEqual(ids(started), ["C1"])
    assert.strictEqual(started[0]!.episode.start, "2017-05-01")
  })

  it("counts a child who leaves twice once, by the last leaving, and ages them on that day", () => {
    const h = histories(
      [
        episode({ start: "2017-05-01", end: "2017-07-01", rec: "E4A" }),
        episode({ start: "2017-11-01", end: "2018-02-01", rec: "E11" })
      ],
      { C1: "2017-01-15" }
    )
    const ceased = Cohort.members(h, year, "ceased")
    assert.strictEqual(Option.getOrNull(ceased[0]!.episode.reasonCeased), "E11")
    assert.strictEqual(Cohort.dimensionValue(ceased[0]!, "age_band"), "1_4")
  })

  it("counts a start on 1 April and a leaving on 31 March in the year, and not a start on 1 April after it", () => {
    const h = histories([
      episode({ child: "A", start: "2017-04-01" }),
      episode({ child: "B", start: "2016-04-01", end: "2018-03-31", rec: "E13" }),
      episode({ child: "C", start: "2018-04-01" })
    ])
    assert.deepStrictEqual(ids(Cohort.members(h, year, "started")), ["A"])
    assert.deepStrictEqual(ids(Cohort.members(h, year, "ceased")), ["B"])
    assert.deepStrictEqual(ids(Cohort.members(h, year, "during_year")), ["A", "B"])
    assert.deepStrictEqual(ids(Cohort.members(h, year, "cla_31_march")), ["A"])
  })

  it("leaves out short breaks from starts, ceases and the year", () => {
    const h = histories([
      episode({ child: "A", start: "2017-06-01", end: "2017-06-03", ls: "V3", rec: "E8" }),
      episode({ child: "B", start: "2017-06-01", ls: "V4" })
    ])
    assert.strictEqual(Cohort.members(h, year, "started").length, 0)
    assert.strictEqual(Cohort.members(h, year, "ceased").length, 0)
    assert.strictEqual(Cohort.members(h, year, "during_year").length, 0)
  })

  it("does not count a change of placement (X1) as leaving care", () => {
    const h = histories([
      episode({ start: "2016-01-01", end: "2017-09-01", rec: "X1" }),
      episode({ start: "2017-09-01", rne: "P", place: "K2" })
    ])
    assert.strictEqual(Cohort.members(h, year, "ceased").length, 0)
  })
})

describe("continuously looked after for 12 months (OC2)", () => {
  const oc2 = (episodes: Parameters<typeof returnOf>[1]) =>
    histories(episodes).filter((h) => Cohort.isContinuouslyLookedAfterForYear(h, year)).length

  it("includes a child in care since before 1 April with placement moves", () => {
    assert.strictEqual(
      oc2([episode({ start: "2016-01-01", end: "2017-09-01", rec: "X1" }), episode({ start: "2017-09-01", rne: "P" })]),
      1
    )
  })

  it("excludes a child who started after 1 April, left in the year, or had a short break", () => {
    assert.strictEqual(oc2([episode({ start: "2017-04-02" })]), 0)
    assert.strictEqual(oc2([episode({ start: "2016-01-01", end: "2018-03-31", rec: "E4A" })]), 0)
    assert.strictEqual(
      oc2([
        episode({ start: "2016-01-01", end: "2017-06-01", rec: "X1", ls: "V3" }),
        episode({ start: "2017-06-01", rne: "L" })
      ]),
      0
    )
  })
})

describe("Cohort.document", () => {
  const h = histories(
    [
      episode({ child: "A", start: "2017-05-01" }),
      episode({ child: "B", start: "2017-06-01", place: "K2" }),
      episode({ child: "C", start: "2015-06-01", place: "P1" })
    ],
    { A: "2017-01-01", B: "2005-01-01", C: "2012-01-01" }
  )

  it("profiles a cohort by age band and placement group, groups sorted by key, pct of total", () => {
    const doc = Result.getOrThrow(
      Cohort.document({ histories: h, year, cohort: "cla_31_march", by: ["age_band"], audience: "officer" })
    )
    assert.strictEqual(doc.total, 3)
    assert.deepStrictEqual(
      doc.groups.map((g) => [g.key.age_band, g.count, g.pct]),
      [
        ["1_4", 1, 33.3],
        ["5_9", 1, 33.3],
        ["10_15", 1, 33.3]
      ]
    )
    assert.strictEqual(doc.on, "2018-03-31")
  })

  it("ages the started cohort on the day they started", () => {
    const doc = Result.getOrThrow(
      Cohort.document({
        histories: h,
        year,
        cohort: "started",
        by: ["age_band", "placement_group"],
        audience: "officer"
      })
    )
    assert.deepStrictEqual(
      doc.groups.map((g) => g.key),
      [
        { age_band: "under_1", placement_group: "foster" },
        { age_band: "10_15", placement_group: "homes_secure_semi_independent" }
      ]
    )
  })

  it("suppresses every count of 1–5 for members, and the total that would reveal them", () => {
    const doc = Result.getOrThrow(
      Cohort.document({ histories: h, year, cohort: "cla_31_march", by: ["sex"], audience: "member" })
    )
    assert.deepStrictEqual(doc.groups, [{ key: { sex: "female" }, count: "c", pct: "c" }])
    assert.strictEqual(doc.total, "c")
  })

  it("refuses a dimension the cohort does not have, naming the allowed ones", () => {
    const r = Cohort.document({
      histories: h,
      year,
      cohort: "started",
      by: ["care_leaver_status"],
      audience: "officer"
    })
    assert.isTrue(Result.isFailure(r))
    if (Result.isFailure(r)) assert.match(r.failure.message, /cannot be profiled by "care_leaver_status"/)
  })

  it("moves the 31 March cohort to another date with on", () => {
    const doc = Result.getOrThrow(
      Cohort.document({
        histories: h,
        year,
        cohort: "cla_31_march",
        by: [],
        audience: "officer",
        on: CalendarDate.make("2017-05-15")
      })
    )
    assert.strictEqual(doc.total, 2)
  })
})
