import { assert, describe, it } from "@effect/vitest"
import { Option } from "effect"
import { Indicator, Trend } from "../src/index.ts"
import { episode, inputsOf } from "./fixtures.ts"

describe("Trend", () => {
  it("computes each year from its own return, oldest first", () => {
    const y2017 = inputsOf(2017, [episode({ child: "A", start: "2016-05-01" })])
    const y2018 = inputsOf(2018, [
      episode({ child: "A", start: "2016-05-01" }),
      episode({ child: "B", start: "2017-05-01" })
    ])
    const series = Trend.series([y2018, y2017], [Indicator.claAt31March])
    const points = series.get("cla_31_march")!
    assert.deepStrictEqual(
      points.map((p) => [p.year, Option.getOrNull(p.measurement.value)]),
      [
        [2017, 1],
        [2018, 2]
      ]
    )
    assert.strictEqual(Option.getOrNull(Trend.valueIn(points, 2018)), 2)
    assert.isTrue(Option.isNone(Trend.valueIn(points, 2016)))
  })
})
