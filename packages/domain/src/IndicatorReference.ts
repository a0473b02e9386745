/**
 * A council's reference figures for the catalogue indicators: its targets (`Target.fromCsv`) and its own benchmarks
 * (`Benchmark.fromCsv`: region, statistical neighbours, or a revised England figure), kept by the store so the API's
 * scorecard shows target, RAG and comparators just as `cpo indicators --targets --benchmarks` does from files. Each
 * set is replaced whole, as the council's CSV is: a new file is the council's whole current list.
 */
import { Context, type Effect } from "effect"
import type * as Benchmark from "./Benchmark.ts"
import type * as Council from "./Council.ts"
import type * as Target from "./Target.ts"

/**
 * A council's targets and benchmarks for the catalogue indicators.
 * @category services
 */
export class IndicatorReference extends Context.Service<
  IndicatorReference,
  {
    /** The council's targets, by indicator then year; none when it has set none. */
    readonly targets: (council: Council.CouncilId) => Effect.Effect<ReadonlyArray<Target.Target>>
    /** Replace all of the council's targets with `targets`, at once: a reader sees the old list or the new. */
    readonly replaceTargets: (council: Council.CouncilId, targets: ReadonlyArray<Target.Target>) => Effect.Effect<void>
    /**
     * The council's own benchmarks in the order given (a later one wins over an earlier one of the same status, as
     * `Benchmark.valuesFor` reads them); none when it has loaded none.
     */
    readonly benchmarks: (council: Council.CouncilId) => Effect.Effect<ReadonlyArray<Benchmark.Benchmark>>
    /** Replace all of the council's benchmarks with `benchmarks`, at once, keeping their order. */
    readonly replaceBenchmarks: (
      council: Council.CouncilId,
      benchmarks: ReadonlyArray<Benchmark.Benchmark>
    ) => Effect.Effect<void>
  }
>()("@cpo/domain/IndicatorReference") {}
