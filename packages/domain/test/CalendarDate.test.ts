import { assert, describe, it } from "@effect/vitest"
import { Option, Schema } from "effect"
import { CalendarDate, ReportingYear } from "../src/index.ts"

describe("CalendarDate", () => {
  it("rejects days that do not exist", () => {
    assert.isTrue(Option.isNone(CalendarDate.fromParts(2019, 2, 29)))
    assert.isTrue(Option.isSome(CalendarDate.fromParts(2020, 2, 29)))
    assert.isTrue(Option.isNone(CalendarDate.fromIso("2018-04-31")))
    assert.throws(() => Schema.decodeUnknownSync(CalendarDate.CalendarDate)("2018-13-01"))
  })

  it("counts the birthday itself as attained", () => {
    const dob = CalendarDate.make("2002-03-31")
    assert.strictEqual(CalendarDate.ageOn(dob, CalendarDate.make("2018-03-30")), 15)
    assert.strictEqual(CalendarDate.ageOn(dob, CalendarDate.make("2018-03-31")), 16)
  })

  it("attains an age on 1 March in a common year for someone born on 29 February", () => {
    const dob = CalendarDate.make("2004-02-29")
    assert.strictEqual(CalendarDate.ageOn(dob, CalendarDate.make("2022-02-28")), 17)
    assert.strictEqual(CalendarDate.ageOn(dob, CalendarDate.make("2022-03-01")), 18)
    assert.strictEqual(CalendarDate.addYears(dob, 18), "2022-03-01")
  })

  it("spells the same date whether it is remembered (1900–2149) or not", () => {
    for (const [y, m, d] of [
      [1899, 12, 31],
      [1900, 1, 1],
      [2024, 2, 29],
      [2149, 12, 31],
      [2150, 1, 1],
      [812, 7, 4]
    ] as const) {
      const spelled = `${String(y).padStart(4, "0")}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`
      assert.strictEqual(CalendarDate.unsafeFromParts(y, m, d), spelled)
      assert.strictEqual(CalendarDate.unsafeFromParts(y, m, d), spelled, "asked twice")
    }
    // Neighbouring days stay apart (each day has its own slot).
    assert.strictEqual(CalendarDate.unsafeFromParts(2018, 1, 31), "2018-01-31")
    assert.strictEqual(CalendarDate.unsafeFromParts(2018, 2, 1), "2018-02-01")
    assert.strictEqual(
      CalendarDate.fromDayNumber(CalendarDate.toDayNumber(CalendarDate.make("2018-12-31")) + 1),
      "2019-01-01"
    )
  })

  it("does day arithmetic across months and leap years", () => {
    assert.strictEqual(CalendarDate.addDays(CalendarDate.make("2020-02-28"), 1), "2020-02-29")
    assert.strictEqual(CalendarDate.daysBetween(CalendarDate.make("2017-04-01"), CalendarDate.make("2018-03-31")), 364)
    assert.strictEqual(CalendarDate.addMonths(CalendarDate.make("2018-01-31"), 1), "2018-02-28")
  })

  it("names months 1 to 12 in English and nothing outside them", () => {
    assert.strictEqual(CalendarDate.monthName(1), "January")
    assert.strictEqual(CalendarDate.monthName(CalendarDate.month(CalendarDate.make("2025-04-30"))), "April")
    assert.strictEqual(CalendarDate.monthName(12), "December")
    assert.strictEqual(CalendarDate.monthName(0), "")
    assert.strictEqual(CalendarDate.monthName(13), "")
  })
})

describe("ReportingYear", () => {
  it("runs from 1 April to 31 March and is named by its end", () => {
    const y = ReportingYear.make(2018)
    assert.strictEqual(ReportingYear.start(y), "2017-04-01")
    assert.strictEqual(ReportingYear.end(y), "2018-03-31")
    assert.strictEqual(ReportingYear.label(y), "2017/18")
    assert.strictEqual(ReportingYear.containing(CalendarDate.make("2018-04-01")), 2019)
  })
})
