import { assert, describe, it } from "@effect/vitest"
import { Effect, Layer, Option } from "effect"
import { Council, LocalMeasure, LocalReport, Pledge, type Scorecard, Voice } from "../src/index.ts"

const council = Council.CouncilId.make("demo-borough")
const pep = LocalMeasure.fromTemplate(Option.getOrThrow(LocalMeasure.templateById("pep_on_time_pct")), council)
const card = (audience: "officer" | "member"): Scorecard.Scorecard => ({
  council: "Demo Borough",
  year: 2025,
  period: { start: "2024-04-01", end: "2025-03-31" },
  audience,
  indicators: []
})

/** Fake services holding one measure with a small March, and nothing else. */
const services = (definitions: ReadonlyArray<LocalMeasure.Definition>) =>
  Layer.mergeAll(
    Layer.succeed(LocalMeasure.LocalMeasures)({
      define: () => Effect.void,
      definitions: () => Effect.succeed(definitions),
      recordValues: () => Effect.succeed(0),
      values: () =>
        Effect.succeed([
          { measure: pep.id, period: "2025-02" as never, numerator: 40, denominator: 50, value: null },
          { measure: pep.id, period: "2025-03" as never, numerator: 3, denominator: 4, value: null }
        ]),
      setTargets: () => Effect.void,
      targets: () => Effect.succeed([]),
      setBenchmarks: () => Effect.void,
      benchmarks: () => Effect.succeed([])
    }),
    Layer.succeed(Pledge.Pledges)({
      save: () => Effect.void,
      pledges: () => Effect.succeed([]),
      review: () => Effect.void
    }),
    Layer.succeed(Voice.Themes)({ record: () => Effect.void, themes: () => Effect.succeed([]) })
  )

describe("LocalReport.inputs", () => {
  it.effect("puts the local measures beside each scorecard for that scorecard's audience", () =>
    Effect.gen(function* () {
      const local = yield* LocalReport.inputs(council)
      const officer = local.withLocalMeasures(card("officer")).local ?? []
      const member = local.withLocalMeasures(card("member")).local ?? []
      assert.strictEqual(officer[0]?.latest?.display, "75")
      assert.strictEqual(member[0]?.latest?.display, "c")
      assert.deepStrictEqual(local.measures, [pep])
    }).pipe(Effect.provide(services([pep])))
  )
  it.effect("leaves a scorecard as it was when the council keeps no local measure", () =>
    Effect.gen(function* () {
      const local = yield* LocalReport.inputs(council)
      assert.isUndefined(local.withLocalMeasures(card("member")).local)
    }).pipe(Effect.provide(services([])))
  )
})
