import { assert, describe, it } from "@effect/vitest"
import { Option, Result, Schema } from "effect"
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

  it("reads named, versioned comparator groups from the council's CSV, one row per member", () => {
    const groups = Result.getOrThrow(
      Benchmark.groupsFromCsv(
        "group,name,comparator,version,la_code\n" +
          "cssnbt-10,Statistical neighbours,statistical_neighbours,2021,855\n" +
          "cssnbt-10,Statistical neighbours,statistical_neighbours,2021,856\n" +
          "cssnbt-10,Statistical neighbours,statistical_neighbours,2024,857\n" +
          "north-east,North East,region,2024,806\n"
      )
    )
    assert.deepStrictEqual(
      groups.map((g) => [g.id, g.version, g.comparator, g.members]),
      [
        ["cssnbt-10", "2021", "statistical_neighbours", ["855", "856"]],
        ["cssnbt-10", "2024", "statistical_neighbours", ["857"]],
        ["north-east", "2024", "region", ["806"]]
      ]
    )
  })

  it("names the line of a bad LA code, a member listed twice and a group renamed within a version", () => {
    const header = "group,name,comparator,version,la_code\n"
    const problem = (text: string) => {
      const r = Benchmark.groupsFromCsv(header + text, "g.csv")
      return Result.isFailure(r) ? r.failure.message : "accepted"
    }
    assert.match(problem("sn,SN,statistical_neighbours,1,E06000002\n"), /^g\.csv line 2, column la_code: /)
    assert.match(problem("sn,SN,statistical_neighbours,1,855\nsn,SN,statistical_neighbours,1,855\n"), /line 3.*twice/)
    assert.match(problem("sn,SN,statistical_neighbours,1,855\nsn,Other,statistical_neighbours,1,856\n"), /line 3/)
    assert.match(problem("sn,SN,england,1,855\n"), /column comparator/)
  })

  it("records a neighbour mean with the group and version it was computed over, and says so beside the value", () => {
    const [group] = Result.getOrThrow(
      Benchmark.groupsFromCsv(
        "group,name,comparator,version,la_code\ncssnbt-10,CSSNBT-10,statistical_neighbours,2021,855\n" +
          "cssnbt-10,CSSNBT-10,statistical_neighbours,2021,856\n"
      )
    )
    const mean = Benchmark.fromGroupMean(
      group!,
      Indicator.IndicatorId.make("placed_foster_pct"),
      2018,
      new Map([
        ["855", 70],
        ["856", 75]
      ]),
      "LAIT 2018"
    )
    assert.isTrue(Option.isSome(mean))
    const benchmarks = [...Benchmark.englandDefaults, ...Option.toArray(mean)]
    assert.deepStrictEqual(Benchmark.valuesFor(benchmarks, "placed_foster_pct", 2018), {
      england: 73,
      statistical_neighbours: 72.5
    })
    const sources = Benchmark.sourcesFor(benchmarks, "placed_foster_pct", 2018)
    assert.deepStrictEqual(
      [sources.statistical_neighbours?.group, sources.statistical_neighbours?.version, sources.england?.group],
      ["cssnbt-10", "2021", "england"]
    )
    assert.include(sources.statistical_neighbours?.source ?? "", "mean of 2 of 2 members of CSSNBT-10 2021")
  })

  it("lists the nine English regions once each", () => {
    assert.strictEqual(Benchmark.regions.length, 9)
    assert.strictEqual(new Set(Benchmark.regions.map((r) => r.onsCode)).size, 9)
  })
})

describe("Benchmark.IndicatorBenchmarks", () => {
  it("carries a council's benchmarks as read, in the order of its file, through JSON and back", () => {
    const benchmarks = Result.getOrThrow(
      Benchmark.fromCsv(
        "indicator,year,comparator,value,group,version,status\n" +
          "placed_foster_pct,2018,region,70,east-midlands,2018,first_published\n" +
          "cla_31_march,2018,statistical_neighbours,71.5,cssnbt-10,2021,revised\n"
      )
    )
    const list: Benchmark.IndicatorBenchmarks = { benchmarks }
    const json: unknown = JSON.parse(JSON.stringify(Schema.encodeSync(Benchmark.IndicatorBenchmarks)(list)))
    assert.deepStrictEqual(Schema.decodeUnknownSync(Benchmark.IndicatorBenchmarks)(json), list)
    assert.deepStrictEqual(
      list.benchmarks.map((b) => b.indicator),
      ["placed_foster_pct", "cla_31_march"]
    )
  })
})
