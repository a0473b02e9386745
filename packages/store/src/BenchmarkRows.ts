/**
 * Benchmarks as both reference tables store them (`indicator_benchmarks`, `measure_benchmarks`): the comparator group
 * in `grp` (GROUP is reserved in SQL) and the value as PostgreSQL's numeric text, read back into the domain's
 * `Benchmark` through its Schema.
 */
import { Benchmark } from "@cpo/domain"
import { Effect, Schema } from "effect"

/** A stored benchmark row; `key` is the indicator or the local measure it is for. @category models */
export interface BenchmarkRow {
  readonly key: string
  readonly year: number
  readonly comparator: string
  readonly grp: string
  readonly version: string
  readonly value: unknown
  readonly status: string
  readonly source: string
}

const decode = Schema.decodeUnknownEffect(Schema.Array(Benchmark.Benchmark))

/**
 * The domain benchmarks of stored rows; a row the Schema refuses is a defect (the tables only hold what was decoded on
 * the way in).
 * @category decoding
 */
export const toBenchmarks = (rows: ReadonlyArray<BenchmarkRow>) =>
  decode(
    rows.map((r) => ({
      indicator: r.key,
      year: r.year,
      comparator: r.comparator,
      group: r.grp,
      version: r.version,
      value: Number(r.value),
      status: r.status,
      source: r.source
    }))
  ).pipe(Effect.orDie)
