import { assert, describe, it } from "@effect/vitest"
import { Option, Result } from "effect"
import { Benchmark, Indicator } from "../src/index.ts"

describe("Benchmark", () => {
  it("ships the England series with first-published and revised values for known indicators only", () => {
    for (const b of Benchmark.englandDefaults) assert.isTrue(Option.isSome(Indicator.byId(b.indicator)), b.indicator)
    const cla2018 = Benchmark.englandDefaults.filter((b) => b.indicator === "cla_31_march" && b.year === 2018)
    assert.deepStrictEqual(
      cla2018.map((b) => [b.status, b.value]),
      [
        ["first_published", 75_420],
        ["revised", 75_360]
      ]
    )
  })

  it("prefers a revised value, and a council's later file over the defaults", () => {
    assert.deepStrictEqual(Benchmark.valuesFor(Benchmark.englandDefaults, "cla_31_march", 2018), { england: 75_360 })
    const council = Result.getOrThrow(
      Benchmark.fromCsv(
        "indicator,year,comparator,value,group,version,status\n" +
          "placed_foster_pct,2018,england,74,england,1,revised\n" +
          "placed_foster_pct,2018,region,70,east-midlands,2018,first_published\n" +
          "placed_foster_pct,2018,statistical_neighbours,71.5,cssnbt-10,2021,\n"
      )
    )
    assert.deepStrictEqual(Benchmark.valuesFor([...Benchmark.englandDefaults, ...council], "placed_foster_pct", 2018), {
      england: 74,
      region: 70,
      statistical_neighbours: 71.5
    })
  })

  it("reports a bad comparator with its line", () => {
    const r = Benchmark.fromCsv("indicator,year,comparator,value\ncla_31_march,2018,wales,1\n", "b.csv")
    assert.isTrue(Result.isFailure(r))
    if (Result.isFailure(r)) assert.match(r.failure.message, /^b\.csv line 2, column comparator: "wales" is not one of/)
  })

  it("takes the mean of a versioned neighbour group over the members with a value", () => {
    const group: Benchmark.ComparatorGroup = {
      id: "cssnbt-10",
      name: "Statistical neighbours",
      comparator: "statistical_neighbours",
      version: "2021",
      members: ["855", "856", "857"]
    }
    assert.deepStrictEqual(
      Option.getOrNull(
        Benchmark.groupMean(
          group,
          new Map([
            ["855", 60],
            ["857", 70],
            ["999", 0]
          ])
        )
      ),
      { mean: 65, members: 2 }
    )
  })
})
