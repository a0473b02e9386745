/**
 * The figures Rutland's corporate parenting report to scrutiny (31 July 2014) printed for its own children
 * (../shared/seeds/rutland-2014.txt), given back by the core from a plainly fake 903 return for 2014/15; and that
 * return, the size of the smallest council, published for members with no count from 1 to 5 anywhere (issue 5). The
 * seed file is not read here: the figures are copied below with the line they are on.
 */
import { assert, describe, it } from "@effect/vitest"
import { Result } from "effect"
import { type Audience, CalendarDate, Cohort, ReportingYear, Scorecard } from "../../src/index.ts"
import { bornAged, type ChildSpec, inputsOf, plusDays, quota, returnOf, roundRobin } from "./SeedCouncil.ts"

const seed = {
  // line 122: "Rutland County Council currently has 37 looked after children in their care. In addition there are
  // approximately 30 care leavers at any time." (report dated 31 July 2014, line 80)
  on: "2014-07-31",
  lookedAfter: 37,
  careLeavers: 30
} as const

/**
 * 2014/15: 33 children in care since March 2012 (ages 2 to 16; 3 go home in November), 4 who start between April and
 * July, 2 who start in January; 8 young people aged 17 who left care in spring 2014 (relevant) and 22 aged 18–20 who
 * were looked after from 15 to 18 (former relevant), all of whom are in the OC3 19–21 cohort of the year.
 */
const return2015 = () => {
  const on = seed.on
  const ages = roundRobin(33, [2, 7, 11, 14, 16])
  const housed = quota(22, [
    ["D1", 20],
    ["S2", 2]
  ] as const)
  const activity = quota(22, [
    ["F2", 12],
    ["G5", 10]
  ] as const)
  const children: Array<ChildSpec> = [
    ...ages.map((age, i) => ({
      id: `RU15-long-${i}`,
      dateOfBirth: bornAged(age, on),
      episodes: [i < 3 ? { start: "2012-03-05", end: "2014-11-03" } : { start: "2012-03-05", placement: "U6" as const }]
    })),
    ...Array.from({ length: 4 }, (_, i) => ({
      id: `RU15-spring-${i}`,
      dateOfBirth: bornAged(9, on),
      sex: "male" as const,
      episodes: [{ start: plusDays("2014-04-14", i * 30), legalStatus: "V2" as const, placement: "U1" as const }]
    })),
    ...Array.from({ length: 2 }, (_, i) => ({
      id: `RU15-january-${i}`,
      dateOfBirth: bornAged(3, on),
      episodes: [{ start: plusDays("2015-01-12", i), legalStatus: "C1" as const }]
    })),
    ...Array.from({ length: 8 }, (_, i) => {
      const dateOfBirth = CalendarDate.make(bornAged(17, on))
      return {
        id: `RU15-relevant-${i}`,
        dateOfBirth,
        episodes: [{ start: CalendarDate.addYears(dateOfBirth, 15), end: "2014-04-28" }]
      }
    }),
    ...roundRobin(22, [18, 19, 20]).map((age, i) => {
      const dateOfBirth = CalendarDate.make(bornAged(age, on))
      return {
        id: `RU15-former-${i}`,
        dateOfBirth,
        episodes: [
          {
            start: CalendarDate.addYears(dateOfBirth, 15),
            end: CalendarDate.addYears(dateOfBirth, 18),
            reasonCeased: "E17" as const
          }
        ],
        careLeaver: { inTouch: "YES" as const, activity: activity[i]!, accommodation: housed[i]! }
      }
    })
  ]
  return returnOf(2015, children)
}

const inputs = inputsOf(return2015(), 7_400)
const year = ReportingYear.make(2015)

/** Every number in a published scorecard or cohort document that counts children. */
const countsIn = (audience: Audience.Audience): ReadonlyArray<readonly [where: string, n: number]> => {
  const out: Array<readonly [string, number]> = []
  const add = (where: string, n: number | string | null | undefined) => {
    if (typeof n === "number") out.push([where, n])
  }
  for (const e of Scorecard.make({ council: "Rutland (synthetic)", audience, inputs }).indicators) {
    if (e.unit === "count") add(`${e.id} value`, e.value)
    if (e.unit !== "score") add(`${e.id} numerator`, e.numerator)
    add(`${e.id} denominator`, e.denominator)
  }
  for (const cohort of Cohort.CohortName.literals) {
    const dimensions = cohort === "care_leavers" ? Cohort.careLeaverDimensions : Cohort.memberDimensions
    for (const by of dimensions) {
      const doc = Result.getOrThrow(Cohort.document({ histories: inputs.histories, year, cohort, by: [by], audience }))
      add(`${cohort} total`, doc.total)
      for (const g of doc.groups) add(`${cohort} by ${by} ${JSON.stringify(g.key)}`, g.count)
    }
  }
  return out
}

describe("Rutland 2014 report to scrutiny, reproduced from a fake 903 return", () => {
  it("has 37 children looked after on the day of the report", () => {
    assert.strictEqual(Cohort.lookedAfterOn(inputs.histories, CalendarDate.make(seed.on)).length, seed.lookedAfter)
  })

  it("has about 30 care leavers: relevant and former relevant young people on that day", () => {
    const doc = Result.getOrThrow(
      Cohort.document({
        histories: inputs.histories,
        year,
        cohort: "care_leavers",
        on: CalendarDate.make(seed.on),
        by: ["care_leaver_status"],
        audience: "officer"
      })
    )
    const count = (status: string) =>
      (doc.groups.find((g) => g.key.care_leaver_status === status)?.count ?? 0) as number
    assert.strictEqual(count("relevant") + count("former_relevant"), seed.careLeavers)
  })
})

describe("A Rutland-sized council published for members", () => {
  it("has counts from 1 to 5 in the officers' scorecard and cohorts (so the test below can fail)", () => {
    const small = countsIn("officer").filter(([, n]) => n >= 1 && n <= 5)
    assert.isAbove(small.length, 10)
  })

  it("states no count from 1 to 5 in the member or public scorecard or in any cohort profile", () => {
    for (const audience of ["member", "public"] as const) {
      const small = countsIn(audience).filter(([, n]) => n >= 1 && n <= 5)
      assert.deepStrictEqual(small, [], audience)
    }
  })
})
