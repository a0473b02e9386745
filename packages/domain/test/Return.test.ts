import { describe, expect, it } from "@effect/vitest"
import { Option } from "effect"
import { ChildHistory, MemberReport, ReportingYear, Return } from "../src/index.ts"
import { episode, returnOf } from "./fixtures.ts"

describe("Return.suppliedTables", () => {
  it("always holds Header and Episodes, and another table only when it was supplied, even empty", () => {
    const ret = returnOf(2018, [episode({ start: "2017-05-01" })])
    expect([...Return.suppliedTables(ret)].sort()).toEqual(["children", "episodes"])
    const withMissing = { ...ret, missing: Option.some([]) }
    expect([...Return.suppliedTables(withMissing)].sort()).toEqual(["children", "episodes", "missing"])
  })
})

describe("Return.make", () => {
  it("supplies each table it is given, even an empty one, and leaves every other table out", () => {
    const ret = Return.make({ year: ReportingYear.make(2018), children: [], episodes: [], missing: [], reviews: [] })
    expect([...Return.suppliedTables(ret)].sort()).toEqual(["children", "episodes", "missing", "reviews"])
    expect(ret.missing).toEqual(Option.some([]))
    expect(Option.isNone(ret.careLeavers)).toBe(true)
  })
})

describe("MemberReport.profilesAt31March", () => {
  it("labels the children looked after at 31 March by age band and by sex, leaving out those who left", () => {
    const ret = returnOf(
      2018,
      [
        episode({ child: "A", start: "2017-05-01" }),
        episode({ child: "B", start: "2016-01-10" }),
        episode({ child: "C", start: "2017-06-01", end: "2018-01-01" })
      ],
      { A: "2017-09-01", B: "2002-01-01", C: "2010-01-01" }
    )
    const [byAge, bySex] = MemberReport.profilesAt31March(ChildHistory.index(ret), ReportingYear.make(2018))
    expect(byAge).toEqual({
      title: "Children looked after by age",
      dimension: "Age",
      groups: [
        { label: "Under one", count: 1 },
        { label: "16 and over", count: 1 }
      ]
    })
    expect(bySex?.groups).toEqual([{ label: "Female", count: 2 }])
  })
})
