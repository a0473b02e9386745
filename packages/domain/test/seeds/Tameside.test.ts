/**
 * The figures Tameside's corporate parenting update (24 October 2018) printed for its own children
 * (../shared/seeds/tameside-2018.txt), given back by the core from a plainly fake 903 return for 2018/19 built to the
 * same composition. The seed file is not read here: the figures are copied below with the line they are on.
 */
import { assert, describe, it } from "@effect/vitest"
import { Result } from "effect"
import { CalendarDate, Cohort, ReportingYear } from "../../src/index.ts"
import { bornAged, type ChildSpec, inputsOf, plusDays, returnOf, roundRobin } from "./SeedCouncil.ts"

const seed = {
  // line 38: "At the beginning of September 2018 we are Corporate Parents to 634 children and 290 Care Leavers."
  on: "2018-09-01",
  lookedAfter: 634,
  careLeavers: 290
} as const

/**
 * 2018/19 up to 1 September 2018: 560 children in care since February 2016; 30 aged 16 in care since they were 14
 * (eligible care leavers, still looked after); 44 who start in June and 20 who start in May and go home in July; 10
 * who start after the date. Care leavers: 40 aged 17 who left care in May 2018 after two years in care (relevant),
 * 250 aged 18–20 who were looked after from 15 to 18 (former relevant) and 10 aged 17 looked after for only 30 days
 * after their 16th birthday (qualifying, not counted by the update).
 */
const return2019 = () => {
  const on = seed.on
  const children: Array<ChildSpec> = [
    ...Array.from({ length: 560 }, (_, i) => ({
      id: `TA19-long-${i}`,
      dateOfBirth: bornAged(9, on),
      episodes: [{ start: "2016-02-01" }]
    })),
    ...Array.from({ length: 30 }, (_, i) => {
      const dateOfBirth = bornAged(16, on)
      return {
        id: `TA19-eligible-${i}`,
        dateOfBirth,
        episodes: [{ start: plusDays(CalendarDate.addYears(CalendarDate.make(dateOfBirth), 14), 5) }]
      }
    }),
    ...Array.from({ length: 44 }, (_, i) => ({
      id: `TA19-june-${i}`,
      dateOfBirth: bornAged(6, on),
      episodes: [{ start: plusDays("2018-06-01", i % 28) }]
    })),
    ...Array.from({ length: 20 }, (_, i) => ({
      id: `TA19-home-${i}`,
      dateOfBirth: bornAged(4, on),
      episodes: [{ start: "2018-05-07", end: "2018-07-02" }]
    })),
    ...Array.from({ length: 10 }, (_, i) => ({
      id: `TA19-october-${i}`,
      dateOfBirth: bornAged(5, on),
      episodes: [{ start: "2018-10-01" }]
    })),
    ...Array.from({ length: 40 }, (_, i) => {
      const dateOfBirth = bornAged(17, on)
      const from = CalendarDate.addYears(CalendarDate.make(dateOfBirth), 15)
      return { id: `TA19-relevant-${i}`, dateOfBirth, episodes: [{ start: from, end: "2018-05-01" }] }
    }),
    ...roundRobin(250, [18, 19, 20]).map((age, i) => {
      const dateOfBirth = CalendarDate.make(bornAged(age, on))
      return {
        id: `TA19-former-${i}`,
        dateOfBirth,
        episodes: [
          {
            start: CalendarDate.addYears(dateOfBirth, 15),
            end: CalendarDate.addYears(dateOfBirth, 18),
            reasonCeased: "E17" as const
          }
        ]
      }
    }),
    ...Array.from({ length: 10 }, (_, i) => {
      const dateOfBirth = CalendarDate.make(bornAged(17, on))
      const from = plusDays(CalendarDate.addYears(dateOfBirth, 16), 10)
      return { id: `TA19-qualifying-${i}`, dateOfBirth, episodes: [{ start: from, end: plusDays(from, 30) }] }
    })
  ]
  return returnOf(2019, children)
}

describe("Tameside 2018 corporate parenting update, reproduced from a fake 903 return", () => {
  const inputs = inputsOf(return2019())

  it("is corporate parent to 634 children looked after at the beginning of September 2018", () => {
    assert.strictEqual(Cohort.lookedAfterOn(inputs.histories, CalendarDate.make(seed.on)).length, seed.lookedAfter)
    const doc = Result.getOrThrow(
      Cohort.document({
        histories: inputs.histories,
        year: ReportingYear.make(2019),
        cohort: "cla_31_march",
        on: CalendarDate.make(seed.on),
        by: ["sex"],
        audience: "officer"
      })
    )
    assert.strictEqual(doc.total, seed.lookedAfter)
  })

  it("has 290 care leavers on that day: relevant and former relevant young people (eligible ones are still in care)", () => {
    const doc = Result.getOrThrow(
      Cohort.document({
        histories: inputs.histories,
        year: ReportingYear.make(2019),
        cohort: "care_leavers",
        on: CalendarDate.make(seed.on),
        by: ["care_leaver_status"],
        audience: "officer"
      })
    )
    const count = (status: string) => doc.groups.find((g) => g.key.care_leaver_status === status)?.count
    assert.strictEqual((count("relevant") as number) + (count("former_relevant") as number), seed.careLeavers)
    assert.strictEqual(count("eligible"), 30)
    assert.strictEqual(count("qualifying"), 10)
  })
})
