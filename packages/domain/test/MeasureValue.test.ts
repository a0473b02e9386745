import { assert, describe, it } from "@effect/vitest"
import { Option, Result } from "effect"
import {
  type Benchmark,
  CalendarDate,
  Council,
  type Frequency,
  Indicator,
  LocalMeasure,
  MeasureValue,
  ReportingYear,
  type Target
} from "../src/index.ts"

const council = Council.CouncilId.make("demo-borough")
const pep = LocalMeasure.fromTemplate(Option.getOrThrow(LocalMeasure.templateById("pep_on_time_pct")), council)
const ks4 = LocalMeasure.fromTemplate(Option.getOrThrow(LocalMeasure.templateById("ks4_attainment8_average")), council)
const d = CalendarDate.make

const v = (period: string, numerator: number | null, denominator: number | null, value: number | null = null) => ({
  measure: pep.id,
  period: period as Frequency.PeriodKey,
  numerator,
  denominator,
  value
})

/** Two reporting years of monthly PEP figures, April 2023 to March 2025: 45 of 50 each month, 40 of 50 the first year. */
const twoYears = Array.from({ length: 24 }, (_, i) => {
  const start = CalendarDate.addMonths(d("2023-04-01"), i)
  return v(start.slice(0, 7), i < 12 ? 40 : 45, 50)
})

describe("MeasureValue.aggregate", () => {
  it("sums numerators and denominators rather than averaging percentages", () => {
    const m = MeasureValue.aggregate(pep, [v("2024-04", 9, 10), v("2024-05", 1, 2)])
    assert.closeTo(Option.getOrThrow(m.value), (10 / 12) * 100, 1e-9)
    assert.deepStrictEqual([Option.getOrNull(m.numerator), Option.getOrNull(m.denominator)], [10, 12])
  })
  it("weights a mean score by the number scored", () => {
    const scores = [
      { measure: ks4.id, period: "2024" as Frequency.PeriodKey, numerator: null, denominator: 10, value: 20 },
      { measure: ks4.id, period: "2025" as Frequency.PeriodKey, numerator: null, denominator: 30, value: 24 }
    ]
    assert.closeTo(Option.getOrThrow(MeasureValue.aggregate(ks4, scores).value), 23, 1e-9)
  })
  it("has no figure without values", () => {
    assert.isTrue(Option.isNone(MeasureValue.aggregate(pep, []).value))
  })
})

describe("windows over monthly values", () => {
  it("gives the latest period, the rolling twelve months and the year to date", () => {
    const asOf = d("2024-10-15")
    const latest = Option.getOrThrow(MeasureValue.latest(pep, twoYears, asOf))
    assert.strictEqual(latest.period.key, "2024-09")
    assert.closeTo(Option.getOrThrow(latest.measurement.value), 90, 1e-9)
    // October 2023 to September 2024: six months at 40 and six at 45.
    const rolling = MeasureValue.rolling12Months(pep, twoYears, asOf)
    assert.deepStrictEqual([Option.getOrNull(rolling.numerator), Option.getOrNull(rolling.denominator)], [510, 600])
    // April to September 2024.
    const ytd = MeasureValue.yearToDate(pep, twoYears, asOf)
    assert.deepStrictEqual([Option.getOrNull(ytd.numerator), Option.getOrNull(ytd.denominator)], [270, 300])
  })
  it("says how many periods are missing from a window", () => {
    const gappy = twoYears.filter((x) => x.period !== "2024-06")
    const ytd = MeasureValue.yearToDate(pep, gappy, d("2024-10-01"))
    assert.strictEqual(Option.getOrNull(ytd.reason), "5 of 6 periods recorded")
  })
})

describe("MeasureValue.fromCsv", () => {
  it("reads numerator and denominator or a value, blanks being absent", () => {
    const r = MeasureValue.fromCsv("measure,period,numerator,denominator,value\npep_on_time_pct,2024-04,45,50,\n", [
      pep
    ])
    assert.deepStrictEqual(Result.getOrThrow(r), [v("2024-04", 45, 50)])
  })
  it("names the line of an unknown measure, a period of the wrong frequency, a repeat and an impossible percentage", () => {
    const problem = (row: string) =>
      Result.match(MeasureValue.fromCsv(`measure,period,numerator,denominator\n${row}`, [pep]), {
        onFailure: (e) => e.message,
        onSuccess: () => "ok"
      })
    assert.include(problem("nope,2024-04,1,2"), 'unknown measure "nope"')
    assert.include(problem("pep_on_time_pct,2025,1,2"), "is not monthly")
    assert.include(problem("pep_on_time_pct,2024-04,3,2"), "numerator is larger than the denominator")
    assert.include(problem("pep_on_time_pct,2024-04,1,2\npep_on_time_pct,2024-04,1,2"), "line 3: a second figure")
  })
  it("writes what it reads", () => {
    const text = MeasureValue.toCsv(twoYears)
    assert.deepStrictEqual(Result.getOrThrow(MeasureValue.fromCsv(text, [pep])), twoYears)
  })
})

const target: Target.Target = { indicator: Indicator.IndicatorId.make(pep.id), year: 2025, value: 95, tolerance: 5 }
const england: Benchmark.Benchmark = {
  indicator: Indicator.IndicatorId.make(pep.id),
  year: 2025,
  comparator: "england",
  group: "england",
  version: "1",
  value: 88,
  status: "first_published",
  source: "test"
}

describe("MeasureValue.entry", () => {
  it("publishes the year with target, RAG, last year, direction, benchmark, latest, rolling and trend", () => {
    const e = MeasureValue.entry(pep, twoYears, {
      audience: "officer",
      year: ReportingYear.make(2025),
      targets: [target],
      benchmarks: [england]
    })
    assert.strictEqual(e.display, "90")
    assert.deepStrictEqual([e.numerator, e.denominator], [540, 600])
    assert.strictEqual(e.target, 95)
    assert.strictEqual(e.rag, "amber")
    assert.strictEqual(e.previous, 80)
    assert.strictEqual(e.direction, "improving")
    assert.deepStrictEqual(e.benchmarks, { england: 88 })
    assert.strictEqual(e.latest?.label, "March 2025")
    assert.strictEqual(e.rolling12Months?.display, "90")
    assert.strictEqual(e.trend.length, 24)
    assert.deepStrictEqual(e.window, { start: "2024-04-01", end: "2025-03-31" })
  })
  it("takes the year to date when the year is not over", () => {
    const e = MeasureValue.entry(pep, twoYears, {
      audience: "officer",
      year: ReportingYear.make(2025),
      asOf: d("2024-06-30")
    })
    assert.deepStrictEqual([e.numerator, e.denominator], [135, 150])
    assert.strictEqual(e.previous, 80)
  })
  it("hides for members a month of 1 to 5 and one more, so the year less the months shown cannot reveal it", () => {
    const small = twoYears.map((x) => (x.period === "2024-07" ? v("2024-07", 3, 4) : x))
    const officer = MeasureValue.entry(pep, small, { audience: "officer", year: ReportingYear.make(2025) })
    assert.strictEqual(officer.trend.find((p) => p.period === "2024-07")?.display, "75")
    const member = MeasureValue.entry(pep, small, { audience: "member", year: ReportingYear.make(2025) })
    const hidden = member.trend.filter((p) => p.display === "c")
    assert.isAtLeast(hidden.length, 2)
    assert.isTrue(hidden.some((p) => p.period === "2024-07"))
    // The year's total stays published: with two months hidden it gives away neither.
    assert.notStrictEqual(member.display, "c")
    assert.isTrue(member.trend.every((p) => p.display === "c" || p.value !== null))
  })
  it("hides for members the rolling twelve months mid-year while a period is hidden, so it less the year to date cannot reveal one", () => {
    const small = twoYears.map((x) => (x.period === "2024-02" ? v("2024-02", 3, 4) : x))
    const options = { year: ReportingYear.make(2025), asOf: d("2024-10-31") }
    const officer = MeasureValue.entry(pep, small, { ...options, audience: "officer" })
    assert.notStrictEqual(officer.rolling12Months?.display, "c")
    const member = MeasureValue.entry(pep, small, { ...options, audience: "member" })
    assert.strictEqual(member.trend.find((p) => p.period === "2024-02")?.display, "c")
    assert.strictEqual(member.rolling12Months?.display, "c")
    // At 31 March the two windows are the same months, and the rolling figure stays.
    const yearEnd = MeasureValue.entry(pep, small, { year: ReportingYear.make(2025), audience: "member" })
    assert.notStrictEqual(yearEnd.rolling12Months?.display, "c")
  })
  it("hides the year itself, its RAG and direction, when its numerator is small", () => {
    const few = [v("2024-04", 2, 3), v("2024-05", 1, 2), v("2023-04", 1, 9)]
    const member = MeasureValue.entry(pep, few, {
      audience: "member",
      year: ReportingYear.make(2025),
      targets: [target]
    })
    assert.strictEqual(member.display, "c")
    assert.isNull(member.value)
    assert.isUndefined(member.rag)
    assert.isUndefined(member.direction)
  })
})
