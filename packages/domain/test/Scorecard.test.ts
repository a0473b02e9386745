import { assert, describe, it } from "@effect/vitest"
import { Option, Result, Schema } from "effect"
import { Benchmark, ChildHistory, Indicator, Scorecard, Suppression, Target } from "../src/index.ts"
import { fakeReturn } from "./council.ts"

const tables = new Set(["children", "episodes", "reviews", "uasc", "healthOutcomes", "careLeavers", "missing"] as const)
const inputsFor = (seed: number, children: number, year: number): Indicator.Inputs => {
  const ret = fakeReturn({ seed, children, year })
  return { year: ret.year, histories: ChildHistory.index(ret), tables, population: Option.some(7_500) }
}

describe("Scorecard", () => {
  it("for members of a Rutland-sized council (about 40 looked after) shows no count of 1–5, directly or by complement", () => {
    const inputs = inputsFor(11, 95, 2018)
    const officer = Scorecard.make({ council: "Small Shire", audience: "officer", inputs })
    const cla = officer.indicators.find((e) => e.id === "cla_31_march")!
    assert.isAtLeast(cla.value!, 25)
    assert.isAtMost(cla.value!, 60)
    // The officers' view does hold small numbers, so the member view has something to hide.
    assert.isTrue(officer.indicators.some((e) => e.numerator !== null && Suppression.isSmall(e.numerator)))
    const member = Scorecard.make({ council: "Small Shire", audience: "member", inputs })
    for (const e of member.indicators) {
      for (const n of [e.numerator, e.unit === "rate" ? null : e.denominator]) {
        assert.isFalse(n !== null && Suppression.isSmall(n), `${e.id} shows ${n}`)
      }
      if (e.unit === "count" && e.value !== null) assert.isFalse(Suppression.isSmall(e.value), e.id)
      if (e.unit === "percent" && e.value !== null) {
        const officerEntry = officer.indicators.find((o) => o.id === e.id)!
        const complement = officerEntry.denominator! - officerEntry.numerator!
        assert.isFalse(Suppression.isSmall(complement), `${e.id} reveals a complement of ${complement}`)
      }
      if (e.display === "c") assert.isNull(e.value)
    }
    assert.isTrue(member.indicators.some((e) => e.display === "c"))
  })

  it("adds target, RAG, previous, direction and benchmarks when supplied", () => {
    const targets = Result.getOrThrow(
      Target.fromCsv("indicator,year,target,tolerance\nplaced_foster_pct,2018,101,200\n")
    )
    const doc = Scorecard.make({
      council: "Test Shire",
      audience: "officer",
      inputs: inputsFor(5, 400, 2018),
      previous: inputsFor(6, 400, 2017),
      targets,
      benchmarks: Benchmark.englandDefaults
    })
    const foster = doc.indicators.find((e) => e.id === "placed_foster_pct")!
    assert.strictEqual(foster.target, 101)
    assert.strictEqual(foster.rag, "amber")
    assert.isNumber(foster.previous)
    assert.include(["improving", "declining", "stable"], foster.direction)
    assert.deepStrictEqual(foster.benchmarks, { england: 73 })
    const started = doc.indicators.find((e) => e.id === "cla_started")!
    assert.isUndefined(started.direction, "a neutral figure has no direction of travel")
    assert.isUndefined(started.target)
  })

  it("says which comparator group and version each benchmark value comes from", () => {
    const neighbours = Result.getOrThrow(
      Benchmark.fromCsv(
        "indicator,year,comparator,value,group,version,source\nplaced_foster_pct,2018,statistical_neighbours,70,cssnbt-10,2021,council file\n"
      )
    )
    const doc = Scorecard.make({
      council: "Test Shire",
      audience: "officer",
      inputs: inputsFor(5, 400, 2018),
      benchmarks: [...Benchmark.englandDefaults, ...neighbours]
    })
    const foster = doc.indicators.find((e) => e.id === "placed_foster_pct")!
    assert.deepStrictEqual(foster.benchmarks, { england: 73, statistical_neighbours: 70 })
    assert.deepStrictEqual(foster.benchmark_sources?.statistical_neighbours, {
      group: "cssnbt-10",
      version: "2021",
      status: "first_published",
      source: "council file"
    })
    assert.strictEqual(foster.benchmark_sources?.england?.group, "england")
    assert.isUndefined(foster.benchmark_sources?.region)
  })

  it("prints a score to one decimal place and a tiny percentage as k", () => {
    const sdq = Option.getOrThrow(Indicator.byId("sdq_average"))
    assert.strictEqual(Scorecard.display(sdq, Indicator.mean(143, 10), "officer"), "14.3")
    const foster = Option.getOrThrow(Indicator.byId("placed_foster_pct"))
    assert.strictEqual(Scorecard.display(foster, Indicator.percent(1, 400), "officer"), "k")
    assert.strictEqual(Scorecard.display(foster, Indicator.percent(1, 400), "public"), "c")
  })
})

describe("Scorecard schema", () => {
  it("encodes and decodes a scorecard with comparisons (the API's response schema)", () => {
    const doc = Scorecard.make({
      council: "Test Shire",
      audience: "member",
      inputs: inputsFor(8, 200, 2018),
      previous: inputsFor(9, 200, 2017),
      benchmarks: Benchmark.englandDefaults
    })
    const encoded = Schema.encodeSync(Scorecard.Scorecard)(doc)
    assert.deepStrictEqual(Schema.decodeUnknownSync(Scorecard.Scorecard)(JSON.parse(JSON.stringify(encoded))), doc)
  })
})
