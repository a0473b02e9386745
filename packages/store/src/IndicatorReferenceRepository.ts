/**
 * The `IndicatorReference` service on SQL: a council's targets (`indicator_targets`) and benchmarks
 * (`indicator_benchmarks`, in the order given) for the catalogue indicators. A replacement deletes the council's rows
 * and writes the new ones in one transaction, so a reader sees the old list or the new, never a mixture.
 *
 * Every call runs under row-level security for its council (`scoped`), and only for a caller who may act for it.
 */
import { type Benchmark, type Council, IndicatorReference, Target } from "@cpo/domain"
import { Array as Arr, Effect, Layer, Schema } from "effect"
import { SqlClient } from "effect/sql"
import { type BenchmarkRow, toBenchmarks } from "./BenchmarkRows.ts"
import { inCouncilOf } from "./Database.ts"

const decodeTargets = Schema.decodeUnknownEffect(Schema.Array(Target.Target))

/** Numbers come back from PostgreSQL's double precision as numbers, and from some drivers as text. */
const num = (v: unknown): number => Number(v)

/** Rows written per INSERT statement. */
const batch = 500

/**
 * `IndicatorReference` on the `SqlClient` in context.
 * @category layers
 */
export const layer: Layer.Layer<IndicatorReference.IndicatorReference, never, SqlClient.SqlClient> = Layer.effect(
  IndicatorReference.IndicatorReference,
  Effect.gen(function* () {
    const sql = yield* SqlClient.SqlClient
    const inCouncil = inCouncilOf(sql)

    const targets = (council: Council.CouncilId) =>
      Effect.gen(function* () {
        const rows = yield* sql<{ indicator: string; year: number; value: unknown; tolerance: unknown }>`SELECT
          indicator, year, value, tolerance FROM indicator_targets WHERE council = ${council} ORDER BY indicator, year`
        return yield* decodeTargets(
          rows.map((r) => ({ indicator: r.indicator, year: r.year, value: num(r.value), tolerance: num(r.tolerance) }))
        ).pipe(Effect.orDie)
      })

    const replaceTargets = (council: Council.CouncilId, ts: ReadonlyArray<Target.Target>) =>
      Effect.gen(function* () {
        yield* sql`DELETE FROM indicator_targets WHERE council = ${council}`
        for (let i = 0; i < ts.length; i += batch) {
          const rows = ts.slice(i, i + batch).map((t) => ({
            council,
            indicator: t.indicator,
            year: t.year,
            value: t.value,
            tolerance: t.tolerance
          }))
          if (Arr.isArrayNonEmpty(rows)) yield* sql`INSERT INTO indicator_targets ${sql.insert(rows)}`
        }
      })

    const benchmarks = (council: Council.CouncilId) =>
      Effect.gen(function* () {
        const rows =
          yield* sql<BenchmarkRow>`SELECT indicator AS key, year, comparator, grp, version, value, status, source FROM indicator_benchmarks
          WHERE council = ${council} ORDER BY position`
        return yield* toBenchmarks(rows)
      })

    const replaceBenchmarks = (council: Council.CouncilId, bs: ReadonlyArray<Benchmark.Benchmark>) =>
      Effect.gen(function* () {
        yield* sql`DELETE FROM indicator_benchmarks WHERE council = ${council}`
        for (let i = 0; i < bs.length; i += batch) {
          const rows = bs.slice(i, i + batch).map((b, j) => ({
            council,
            position: i + j,
            indicator: b.indicator,
            year: b.year,
            comparator: b.comparator,
            grp: b.group,
            version: b.version,
            value: b.value,
            status: b.status,
            source: b.source
          }))
          if (Arr.isArrayNonEmpty(rows)) yield* sql`INSERT INTO indicator_benchmarks ${sql.insert(rows)}`
        }
      })

    return IndicatorReference.IndicatorReference.of({
      targets: (council) => inCouncil(council, targets(council)).pipe(Effect.orDie),
      replaceTargets: (council, ts) => inCouncil(council, replaceTargets(council, ts)).pipe(Effect.orDie),
      benchmarks: (council) => inCouncil(council, benchmarks(council)).pipe(Effect.orDie),
      replaceBenchmarks: (council, bs) => inCouncil(council, replaceBenchmarks(council, bs)).pipe(Effect.orDie)
    })
  })
)
