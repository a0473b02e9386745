import { Benchmark, Council, IndicatorReference, Returns, Target } from "@cpo/domain"
import { assert, describe, expect, layer } from "@effect/vitest"
import { Effect, Exit, Layer, Option, Result } from "effect"
import { Store } from "../src/index.ts"
import { engines } from "./Engines.ts"

const council = Council.CouncilId.make("target-shire")
const other = Council.CouncilId.make("other-target-shire")

const targets = Result.getOrThrow(
  Target.fromCsv(
    [
      "indicator,year,target,tolerance",
      "placed_foster_pct,2025,75,3",
      "stability_3plus_placements_pct,2025,9,",
      "placed_foster_pct,2024,74,2"
    ].join("\n")
  )
)

// Two statistical-neighbour figures for the same year: the later one wins, so the order must survive the store.
const benchmarks = Result.getOrThrow(
  Benchmark.fromCsv(
    [
      "indicator,year,comparator,value,group,version,status",
      "placed_foster_pct,2025,statistical_neighbours,71,cssnbt-10,2021,first_published",
      "placed_foster_pct,2025,region,69,east-midlands,2024,first_published",
      "placed_foster_pct,2025,statistical_neighbours,72,cssnbt-10,2021,first_published"
    ].join("\n")
  )
)

const byIndicatorAndYear = (ts: ReadonlyArray<Target.Target>) =>
  [...ts].sort((a, b) => `${a.indicator}/${a.year}`.localeCompare(`${b.indicator}/${b.year}`))

for (const engine of engines) {
  describe(`Indicator targets and benchmarks on ${engine.name}`, () => {
    layer(Layer.provideMerge(Store.layerFromSql, engine.sql), { timeout: 120_000, excludeTestServices: true })((it) => {
      it.effect("keeps a council's targets and benchmarks as given, benchmarks in their order", () =>
        Effect.gen(function* () {
          const returns = yield* Returns.Returns
          yield* returns.saveCouncil({ id: council, name: "Target Shire", localAuthorityCode: Option.none() })
          yield* returns.saveCouncil({ id: other, name: "Other Target Shire", localAuthorityCode: Option.none() })
          const reference = yield* IndicatorReference.IndicatorReference
          assert.deepStrictEqual(yield* reference.targets(council), [])
          yield* reference.replaceTargets(council, targets)
          yield* reference.replaceBenchmarks(council, benchmarks)
          expect(yield* reference.targets(council)).toEqual(byIndicatorAndYear(targets))
          const held = yield* reference.benchmarks(council)
          expect(held).toEqual(benchmarks)
          expect(Benchmark.valuesFor(held, "placed_foster_pct", 2025)).toEqual({
            statistical_neighbours: 72,
            region: 69
          })
          // Another council sees none of it.
          assert.deepStrictEqual(yield* reference.targets(other), [])
          assert.deepStrictEqual(yield* reference.benchmarks(other), [])
        })
      )

      it.effect("replaces the whole list, leaving out what the new file leaves out", () =>
        Effect.gen(function* () {
          const reference = yield* IndicatorReference.IndicatorReference
          const [first] = targets
          yield* reference.replaceTargets(council, [{ ...first!, value: 80 }])
          expect(yield* reference.targets(council)).toEqual([{ ...first!, value: 80 }])
          yield* reference.replaceBenchmarks(council, [])
          assert.deepStrictEqual(yield* reference.benchmarks(council), [])
        })
      )

      it.effect("keeps the old targets when a replacement fails part-way", () =>
        Effect.gen(function* () {
          const reference = yield* IndicatorReference.IndicatorReference
          yield* reference.replaceTargets(council, targets)
          // The second row breaks the table's tolerance check after the delete and the first insert batch began.
          const broken = [...targets.slice(0, 1), { ...targets[1]!, tolerance: -1 }]
          const exit = yield* Effect.exit(reference.replaceTargets(council, broken))
          assert.isTrue(Exit.isFailure(exit))
          expect(yield* reference.targets(council)).toEqual(byIndicatorAndYear(targets))
        })
      )
    })
  })
}
