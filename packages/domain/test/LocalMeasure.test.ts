import { assert, describe, it } from "@effect/vitest"
import { Option, Result } from "effect"
import { Council, LocalMeasure, Strategy } from "../src/index.ts"

const council = Council.CouncilId.make("demo-borough")

describe("LocalMeasure templates", () => {
  it("ship the measures councils show members, each with a distinct id that is no 903 indicator's", () => {
    const ids = LocalMeasure.templates.map((t) => t.id)
    for (const id of [
      "pep_on_time_pct",
      "return_interviews_offered_pct",
      "return_interviews_completed_pct",
      "statutory_visits_on_time_pct",
      "care_leavers_pathway_plan_pct",
      "health_assessments_on_time_pct",
      "ks2_expected_standard_pct"
    ]) {
      assert.include(ids, id)
    }
    const all = LocalMeasure.templates.map((t) => LocalMeasure.fromTemplate(t, council))
    assert.deepStrictEqual(LocalMeasure.problems(all), [])
  })
  it("switches a template on for a council, linked to priorities", () => {
    const t = Option.getOrThrow(LocalMeasure.templateById("pep_on_time_pct"))
    const m = LocalMeasure.fromTemplate(t, council, [Strategy.PriorityId.make("P2")])
    assert.strictEqual(m.council, council)
    assert.strictEqual(m.template, "pep_on_time_pct")
    assert.deepStrictEqual(m.priorities, [Strategy.PriorityId.make("P2")])
  })
})

describe("LocalMeasure.problems", () => {
  it("names an id used twice and one that is a 903 indicator's", () => {
    const t = Option.getOrThrow(LocalMeasure.templateById("pep_on_time_pct"))
    const pep = LocalMeasure.fromTemplate(t, council)
    const clash: LocalMeasure.Definition = { ...pep, id: LocalMeasure.MeasureId.make("placed_foster_pct") }
    assert.deepStrictEqual(LocalMeasure.problems([pep, pep, clash]), [
      { at: "measure pep_on_time_pct", message: "id used by another measure" },
      { at: "measure placed_foster_pct", message: "id is a 903 indicator's" }
    ])
  })
})

describe("LocalMeasure.targetsFromCsv", () => {
  const pep = LocalMeasure.fromTemplate(Option.getOrThrow(LocalMeasure.templateById("pep_on_time_pct")), council)
  it("reads targets of the council's measures with an optional tolerance", () => {
    const r = Result.getOrThrow(
      LocalMeasure.targetsFromCsv("measure,year,target,tolerance\npep_on_time_pct,2025,95,5\n", [pep])
    )
    assert.deepStrictEqual(
      r.map((t) => [t.indicator as string, t.year, t.value, t.tolerance]),
      [["pep_on_time_pct", 2025, 95, 5]]
    )
  })
  it("refuses a measure the council has not defined, naming the line and column", () => {
    const r = LocalMeasure.targetsFromCsv("measure,year,target\nnope,2025,95\n", [pep])
    assert.isTrue(Result.isFailure(r))
    if (Result.isFailure(r)) {
      assert.strictEqual(r.failure.line, 2)
      assert.strictEqual(r.failure.column, "measure")
      assert.strictEqual(r.failure.problem, 'unknown measure "nope"')
    }
  })
  it("refuses a second target for the same measure and year", () => {
    const r = LocalMeasure.targetsFromCsv("measure,year,target\npep_on_time_pct,2025,95\npep_on_time_pct,2025,90\n", [
      pep
    ])
    assert.isTrue(Result.isFailure(r))
    if (Result.isFailure(r)) assert.strictEqual(r.failure.problem, "a second target for pep_on_time_pct in 2025")
  })
})
