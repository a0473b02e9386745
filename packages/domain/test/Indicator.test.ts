import { assert, describe, it } from "@effect/vitest"
import { Option } from "effect"
import { Indicator } from "../src/index.ts"
import { episode, inputsOf } from "./fixtures.ts"

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
