import { assert, describe, it } from "@effect/vitest"
import { Option, Result, Schema } from "effect"
import { Indicator, Target } from "../src/index.ts"

const target = (value: number, tolerance: number): Target.Target => ({
  indicator: Indicator.IndicatorId.make("placed_foster_pct"),
  year: 2018,
  value,
  tolerance
})

describe("RAG", () => {
  it("is green at or above target, amber within tolerance below, red beyond, when higher is better", () => {
    assert.strictEqual(Target.rag("higher_is_better", 75, target(75, 5)), "green")
    assert.strictEqual(Target.rag("higher_is_better", 70, target(75, 5)), "amber")
    assert.strictEqual(Target.rag("higher_is_better", 69.9, target(75, 5)), "red")
  })
  it("mirrors for lower is better", () => {
    assert.strictEqual(Target.rag("lower_is_better", 9, target(10, 2)), "green")
    assert.strictEqual(Target.rag("lower_is_better", 12, target(10, 2)), "amber")
    assert.strictEqual(Target.rag("lower_is_better", 12.5, target(10, 2)), "red")
  })
  it("never rates a neutral figure red", () => {
    assert.strictEqual(Target.rag("neutral", 400, target(300, 10)), "amber")
    assert.strictEqual(Target.rag("neutral", 305, target(300, 10)), "green")
  })
})

describe("direction of travel", () => {
  it("reads polarity and treats a change that does not show when rounded as stable", () => {
    assert.strictEqual(Option.getOrNull(Target.direction("higher_is_better", "percent", 72, 70)), "improving")
    assert.strictEqual(Option.getOrNull(Target.direction("lower_is_better", "percent", 72, 70)), "declining")
    assert.strictEqual(Option.getOrNull(Target.direction("lower_is_better", "percent", 70.2, 69.8)), "stable")
    assert.strictEqual(Option.getOrNull(Target.direction("lower_is_better", "score", 14.26, 14.14)), "declining")
    assert.isTrue(Option.isNone(Target.direction("neutral", "count", 10, 5)))
  })
})

describe("Target.fromCsv", () => {
  it("reads targets with an optional tolerance", () => {
    const r = Target.fromCsv("indicator,year,target,tolerance\r\nplaced_foster_pct,2018,75,5\ncla_31_march,2018,40,\n")
    assert.deepStrictEqual(
      Result.getOrThrow(r).map((t) => [t.indicator, t.year, t.value, t.tolerance]),
      [
        ["placed_foster_pct", 2018, 75, 5],
        ["cla_31_march", 2018, 40, 0]
      ]
    )
  })
  it("names the file, line and column of a bad value", () => {
    const r = Target.fromCsv("indicator,year,target\nplaced_foster_pct,2018,seventy\n", "t.csv")
    assert.isTrue(Result.isFailure(r))
    if (Result.isFailure(r))
      assert.strictEqual(r.failure.message, 't.csv line 2, column target: "seventy" is not a number')
  })
  it("rejects an unknown indicator, a missing column and a repeated target", () => {
    const message = (text: string) => {
      const r = Target.fromCsv(text, "t.csv")
      return Result.isFailure(r) ? r.failure.message : "ok"
    }
    assert.match(
      message("indicator,year,target\nfoster,2018,1\n"),
      /line 2, column indicator: unknown indicator "foster"/
    )
    assert.match(message("indicator,target\n"), /line 1: missing column\(s\) year/)
    assert.match(
      message("indicator,year,target\ncla_31_march,2018,1\ncla_31_march,2018,2\n"),
      /line 3: a second target/
    )
  })
})

describe("Target.IndicatorTargets", () => {
  it("carries the targets as read through JSON and back, and refuses a negative tolerance", () => {
    const targets = Result.getOrThrow(Target.fromCsv("indicator,year,target,tolerance\nplaced_foster_pct,2018,75,5\n"))
    const list: Target.IndicatorTargets = { targets }
    const json = JSON.parse(JSON.stringify(Schema.encodeSync(Target.IndicatorTargets)(list)))
    assert.deepStrictEqual(Schema.decodeUnknownSync(Target.IndicatorTargets)(json), list)
    json.targets[0].tolerance = -1
    assert.throws(() => Schema.decodeUnknownSync(Target.IndicatorTargets)(json))
  })
})
