import { assert, describe, it } from "@effect/vitest"
import { Option } from "effect"
import { CalendarDate, CareLeaver, ChildHistory } from "../src/index.ts"
import { episode, returnOf } from "./fixtures.ts"

// Born 2001-06-01: 14 on 2015-06-01, 16 on 2017-06-01, 18 on 2019-06-01.
const dob = { C1: "2001-06-01" }
const assess = (episodes: Parameters<typeof returnOf>[1], on: string) =>
  CareLeaver.assess(ChildHistory.index(returnOf(2018, episodes, dob))[0]!, CalendarDate.make(on))
const status = (episodes: Parameters<typeof returnOf>[1], on: string) =>
  Option.getOrNull(Option.map(assess(episodes, on), (a) => a.status))

describe("care-leaver status (domain.md §1.2, indicators.md days14 rule)", () => {
  it("is eligible when looked after at 16–17 with 13 weeks since 14 including a day after 16", () => {
    assert.strictEqual(status([episode({ start: "2017-01-01" })], "2018-03-31"), "eligible")
  })

  it("counts days14 up to and including the date: 90 days is not enough, 91 is", () => {
    // Looked after from the 16th birthday; on day 90 (2017-08-29) days14 = 90, on 2017-08-30 it is 91.
    const history = [episode({ start: "2017-06-01" })]
    const on90 = Option.getOrThrow(assess(history, "2017-08-29"))
    assert.strictEqual(on90.days14, 90)
    assert.strictEqual(on90.status, "qualifying")
    assert.strictEqual(Option.getOrThrow(assess(history, "2017-08-30")).status, "eligible")
  })

  it("is relevant after leaving care at 17 having qualified, and former relevant at 18", () => {
    const history = [episode({ start: "2016-01-01", end: "2018-08-01", rec: "E6" })]
    assert.strictEqual(status(history, "2018-09-01"), "relevant")
    assert.strictEqual(status(history, "2019-06-01"), "former_relevant")
  })

  it("is qualifying after leaving care after 16 without 13 weeks, and nothing once 21", () => {
    const history = [episode({ start: "2017-06-10", end: "2017-07-10", rec: "E13" })]
    assert.strictEqual(status(history, "2018-01-01"), "qualifying")
    assert.strictEqual(status(history, "2022-06-01"), null)
  })

  it("is nothing for a young person never looked after after 16, and excludes short breaks from the count", () => {
    assert.strictEqual(status([episode({ start: "2015-01-01", end: "2017-05-31", rec: "E4A" })], "2018-01-01"), null)
    assert.strictEqual(status([episode({ start: "2016-01-01", ls: "V3" })], "2018-01-01"), null)
  })

  it("lists the cohort on a date", () => {
    const histories = ChildHistory.index(returnOf(2018, [episode({ start: "2017-01-01" })], dob))
    assert.deepStrictEqual(
      CareLeaver.cohort(histories, CalendarDate.make("2018-03-31")).map((a) => [a.status, a.age]),
      [["eligible", 16]]
    )
  })
})
