import { assert, describe, it } from "@effect/vitest"
import { CalendarDate, ReportingCycle } from "../src/index.ts"

const d = CalendarDate.make
const sixMonthly: ReportingCycle.Duty = {
  id: "select-committee",
  report: "Progress against each strategic priority",
  to: "Children's Select Committee",
  frequency: "six_monthly",
  scope: "each_priority",
  firstDue: d("2018-01-31")
}
const annual: ReportingCycle.Duty = {
  id: "full-council",
  report: "Corporate parenting annual report",
  to: "Full Council",
  frequency: "annual",
  scope: "whole_strategy",
  firstDue: d("2018-07-19")
}

describe("ReportingCycle.dueBetween", () => {
  it("lists the six-monthly scrutiny reports and the annual report to Full Council due in 2018/19, in date order", () => {
    const due = ReportingCycle.dueBetween([annual, sixMonthly], d("2018-04-01"), d("2019-03-31"))
    assert.deepStrictEqual(
      due.map((x) => [x.duty.id, x.due]),
      [
        ["full-council", "2018-07-19"],
        ["select-committee", "2018-07-31"],
        ["select-committee", "2019-01-31"]
      ]
    )
  })

  it("clamps a month-end due date: 31 August plus six months is 28 February", () => {
    const duty = { ...sixMonthly, firstDue: d("2018-08-31") }
    assert.deepStrictEqual(
      ReportingCycle.dueBetween([duty], d("2018-01-01"), d("2019-12-31")).map((x) => x.due),
      ["2018-08-31", "2019-02-28", "2019-08-31"]
    )
  })

  it("includes a report due on the first or last day of the period", () => {
    assert.strictEqual(ReportingCycle.dueBetween([sixMonthly], d("2018-07-31"), d("2018-07-31")).length, 1)
  })
})

describe("ReportingCycle.nextDue", () => {
  it("is the first due date on or after the date asked", () => {
    assert.strictEqual(ReportingCycle.nextDue(sixMonthly, d("2018-08-01")), "2019-01-31")
    assert.strictEqual(ReportingCycle.nextDue(sixMonthly, d("2019-01-31")), "2019-01-31")
    assert.strictEqual(ReportingCycle.nextDue(sixMonthly, d("2017-06-01")), "2018-01-31")
  })
})
