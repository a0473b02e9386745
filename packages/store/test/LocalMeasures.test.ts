import { CalendarDate, Council, Indicator, LocalMeasure, type MeasureValue, Pledge, Returns, Voice } from "@cpo/domain"
import { LocalMeasures } from "@cpo/synth"
import { assert, describe, expect, layer } from "@effect/vitest"
import { Effect, Layer, Option } from "effect"
import { SqlClient } from "effect/sql"
import { Store } from "../src/index.ts"
import { engines } from "./Engines.ts"

const council = Council.CouncilId.make("measure-shire")
const other = Council.CouncilId.make("other-measure-shire")
const synthetic = LocalMeasures.generate({ seed: 3, council, year: 2025, children: 80 })
const pep = synthetic.measures.find((m) => m.id === "pep_on_time_pct")!

const setUp = Effect.gen(function* () {
  const returns = yield* Returns.Returns
  yield* returns.saveCouncil({ id: council, name: "Measure Shire", localAuthorityCode: Option.none() })
  yield* returns.saveCouncil({ id: other, name: "Other Measure Shire", localAuthorityCode: Option.none() })
})

for (const engine of engines) {
  describe(`Local measures, pledges and voice on ${engine.name}`, () => {
    layer(Layer.provideMerge(Store.layerFromSql, engine.sql), { timeout: 120_000, excludeTestServices: true })((it) => {
      it.effect("keeps definitions, values, targets and benchmarks as given", () =>
        Effect.gen(function* () {
          yield* setUp
          const measures = yield* LocalMeasure.LocalMeasures
          for (const m of synthetic.measures) yield* measures.define(m)
          expect(yield* measures.definitions(council)).toEqual(synthetic.measures)
          assert.strictEqual(yield* measures.recordValues(council, synthetic.values), synthetic.values.length)
          const byKey = (vs: ReadonlyArray<MeasureValue.Value>) =>
            [...vs].sort((a, b) => `${a.measure}/${a.period}`.localeCompare(`${b.measure}/${b.period}`))
          expect(yield* measures.values(council)).toEqual(byKey(synthetic.values))
          yield* measures.setTargets(council, synthetic.targets)
          expect(yield* measures.targets(council)).toEqual(
            [...synthetic.targets].sort((a, b) => `${a.indicator}/${a.year}`.localeCompare(`${b.indicator}/${b.year}`))
          )
          yield* measures.setBenchmarks(council, synthetic.benchmarks)
          assert.strictEqual((yield* measures.benchmarks(council)).length, synthetic.benchmarks.length)
          // Another council sees none of it.
          assert.deepStrictEqual(yield* measures.definitions(other), [])
          assert.deepStrictEqual(yield* measures.values(other), [])
        })
      )

      it.effect("replaces a period's figure when it is recorded again, and refuses values that do not fit", () =>
        Effect.gen(function* () {
          const measures = yield* LocalMeasure.LocalMeasures
          const corrected = { ...synthetic.values.find((v) => v.measure === pep.id)!, numerator: 1, denominator: 2 }
          yield* measures.recordValues(council, [corrected])
          const held = (yield* measures.values(council)).filter(
            (v) => v.measure === pep.id && v.period === corrected.period
          )
          expect(held).toEqual([corrected])
          const unknown = yield* Effect.flip(
            measures.recordValues(council, [{ ...corrected, measure: LocalMeasure.MeasureId.make("nope") }])
          )
          assert.strictEqual(unknown._tag, "UnknownMeasure")
          const wrong = yield* Effect.flip(
            measures.recordValues(council, [{ ...corrected, period: "2025" as MeasureValue.Value["period"] }])
          )
          assert.strictEqual(wrong._tag, "InvalidMeasure")
          const target = yield* Effect.flip(
            measures.setTargets(council, [
              { indicator: Indicator.IndicatorId.make("nope"), year: 2025, value: 1, tolerance: 0 }
            ])
          )
          assert.strictEqual(target._tag, "UnknownMeasure")
        })
      )

      it.effect("refuses a measure whose id is a 903 indicator's", () =>
        Effect.gen(function* () {
          const measures = yield* LocalMeasure.LocalMeasures
          const error = yield* Effect.flip(
            measures.define({ ...pep, id: LocalMeasure.MeasureId.make("placed_foster_pct") })
          )
          assert.strictEqual(error._tag, "InvalidMeasure")
        })
      )

      it.effect("keeps pledges in order with their evidence and adds reviews without losing the history", () =>
        Effect.gen(function* () {
          const pledges = yield* Pledge.Pledges
          for (const p of synthetic.pledges) yield* pledges.save(p)
          yield* pledges.save(synthetic.pledges[0]!)
          expect(yield* pledges.pledges(council)).toEqual(synthetic.pledges)
          const review: Pledge.Review = {
            on: CalendarDate.make("2025-03-20"),
            with: "children_in_care_council",
            status: "kept",
            summary: "The Children in Care Council agreed it is kept."
          }
          yield* pledges.review(council, synthetic.pledges[0]!.id, review)
          const [first] = yield* pledges.pledges(council)
          expect(first!.reviews).toEqual([...synthetic.pledges[0]!.reviews, review])
          assert.strictEqual(Option.getOrNull(Pledge.statusOn(first!, CalendarDate.make("2025-03-31"))), "kept")
          const missing = yield* Effect.flip(pledges.review(council, Pledge.PledgeId.make("nope"), review))
          assert.strictEqual(missing._tag, "PledgeNotFound")
          assert.deepStrictEqual(yield* pledges.pledges(other), [])
        })
      )

      it.effect("keeps a year of feedback themes", () =>
        Effect.gen(function* () {
          const themes = yield* Voice.Themes
          for (const t of synthetic.voice) yield* themes.record(t)
          yield* themes.record(synthetic.voice[0]!)
          expect(yield* themes.themes(council)).toEqual(synthetic.voice)
          assert.deepStrictEqual(yield* themes.themes(other), [])
        })
      )

      it.effect("runs every new table under row-level security", () =>
        Effect.gen(function* () {
          const sql = yield* SqlClient.SqlClient
          const rows = yield* sql<{ relname: string; relrowsecurity: boolean }>`SELECT relname, relrowsecurity
            FROM pg_class WHERE relname IN ('local_measures', 'measure_values', 'measure_targets',
              'measure_benchmarks', 'pledges', 'pledge_reviews', 'voice_themes')`
          assert.strictEqual(rows.length, 7)
          assert.isTrue(rows.every((r) => r.relrowsecurity))
        })
      )
    })
  })
}
