import { assert, describe, it } from "@effect/vitest"
import { Option } from "effect"
import { CalendarDate, Frequency } from "../src/index.ts"

const d = CalendarDate.make

describe("Frequency.parse", () => {
  it("reads a month, a quarter of the reporting year and a reporting year", () => {
    const month = Option.getOrThrow(Frequency.parse("monthly", "2024-02"))
    assert.deepStrictEqual([month.start, month.end], [d("2024-02-01"), d("2024-02-29")])
    const q1 = Option.getOrThrow(Frequency.parse("quarterly", "2025-Q1"))
    assert.deepStrictEqual([q1.start, q1.end], [d("2024-04-01"), d("2024-06-30")])
    const q4 = Option.getOrThrow(Frequency.parse("quarterly", "2025-Q4"))
    assert.deepStrictEqual([q4.start, q4.end], [d("2025-01-01"), d("2025-03-31")])
    const year = Option.getOrThrow(Frequency.parse("annual", "2025"))
    assert.deepStrictEqual([year.start, year.end], [d("2024-04-01"), d("2025-03-31")])
  })
  it("refuses a key of another frequency's shape", () => {
    assert.isTrue(Option.isNone(Frequency.parse("monthly", "2025-Q1")))
    assert.isTrue(Option.isNone(Frequency.parse("quarterly", "2025-04")))
    assert.isTrue(Option.isNone(Frequency.parse("annual", "2025-04")))
    assert.isTrue(Option.isNone(Frequency.parse("monthly", "2025-13")))
  })
})

describe("Frequency.containing", () => {
  it("counts quarters from April, as the reporting year does", () => {
    assert.strictEqual(Frequency.containing("quarterly", d("2024-04-15")).key, "2025-Q1")
    assert.strictEqual(Frequency.containing("quarterly", d("2024-12-31")).key, "2025-Q3")
    assert.strictEqual(Frequency.containing("quarterly", d("2025-03-01")).key, "2025-Q4")
    assert.strictEqual(Frequency.containing("annual", d("2025-03-31")).key, "2025")
    assert.strictEqual(Frequency.containing("annual", d("2025-04-01")).key, "2026")
    assert.strictEqual(Frequency.previous(Frequency.containing("monthly", d("2025-01-10"))).key, "2024-12")
  })
  it("labels periods as councils write them", () => {
    assert.strictEqual(Frequency.label(Option.getOrThrow(Frequency.parse("monthly", "2025-04"))), "April 2025")
    assert.strictEqual(Frequency.label(Option.getOrThrow(Frequency.parse("quarterly", "2025-Q4"))), "Q4 2024/25")
    assert.strictEqual(Frequency.label(Option.getOrThrow(Frequency.parse("annual", "2025"))), "2024/25")
  })
})

describe("windows", () => {
  it("ends the rolling twelve months with the last complete month", () => {
    assert.deepStrictEqual(Frequency.rolling12Months(d("2025-03-31")), {
      kind: "rolling_12_months",
      start: d("2024-04-01"),
      end: d("2025-03-31")
    })
    assert.deepStrictEqual(Frequency.rolling12Months(d("2025-03-15")), {
      kind: "rolling_12_months",
      start: d("2024-03-01"),
      end: d("2025-02-28")
    })
  })
  it("runs the year to date from 1 April to the last complete month", () => {
    assert.deepStrictEqual(Frequency.yearToDate(d("2024-11-20")), {
      kind: "year_to_date",
      start: d("2024-04-01"),
      end: d("2024-10-31")
    })
    // In April the year in progress has no complete month: the year to date is the whole of the last one.
    assert.deepStrictEqual(Frequency.yearToDate(d("2025-04-10")), {
      kind: "year_to_date",
      start: d("2024-04-01"),
      end: d("2025-03-31")
    })
  })
})
