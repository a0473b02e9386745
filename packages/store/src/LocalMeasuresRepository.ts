/**
 * The `LocalMeasures` service on SQL: a council's local measure definitions (upserted by the council's own id), the
 * figures recorded per period (one per measure and period; a new figure for a period replaces the old, so a corrected
 * CSV can be imported again), and their targets and benchmarks. Values are checked against the definitions before
 * anything is written, in the same transaction.
 *
 * Every call runs under row-level security for its council (`scoped`), and only for a caller who may act for it.
 */
import { type Benchmark, type Council, LocalMeasure, MeasureValue, Target } from "@cpo/domain"
import { Array as Arr, Effect, Layer, Schema } from "effect"
import { SqlClient } from "effect/sql"
import { type BenchmarkRow, toBenchmarks } from "./BenchmarkRows.ts"
import { inCouncilOf, parsedJson } from "./Database.ts"

const decodeDefinitions = Schema.decodeUnknownEffect(Schema.Array(LocalMeasure.Definition))
const decodeValues = Schema.decodeUnknownEffect(Schema.Array(MeasureValue.Value))
const decodeTargets = Schema.decodeUnknownEffect(Schema.Array(Target.Target))

/** Numbers come back from PostgreSQL's double precision as numbers, and from some drivers as text. */
const num = (v: unknown): number | null => (v === null || v === undefined ? null : Number(v))

/**
 * `LocalMeasures` on the `SqlClient` in context.
 * @category layers
 */
export const layer: Layer.Layer<LocalMeasure.LocalMeasures, never, SqlClient.SqlClient> = Layer.effect(
  LocalMeasure.LocalMeasures,
  Effect.gen(function* () {
    const sql = yield* SqlClient.SqlClient
    const inCouncil = inCouncilOf(sql)

    const definitions = (council: Council.CouncilId) =>
      Effect.gen(function* () {
        const rows = yield* sql<{
          key: string
          title: string
          description: string
          unit: string
          polarity: string
          frequency: string
          source: string
          owner: string
          priorities: unknown
          template: string | null
        }>`SELECT key, title, description, unit, polarity, frequency, source, owner, priorities, template
          FROM local_measures WHERE council = ${council} ORDER BY id`
        return yield* decodeDefinitions(
          rows.map((r) => ({
            id: r.key,
            council,
            title: r.title,
            description: r.description,
            unit: r.unit,
            polarity: r.polarity,
            frequency: r.frequency,
            source: r.source,
            owner: r.owner,
            priorities: parsedJson(r.priorities),
            template: r.template
          }))
        ).pipe(Effect.orDie)
      })

    const define = (d: LocalMeasure.Definition) =>
      sql`INSERT INTO local_measures (council, key, title, description, unit, polarity, frequency, source, owner,
        priorities, template)
        VALUES (${d.council}, ${d.id}, ${d.title}, ${d.description}, ${d.unit}, ${d.polarity}, ${d.frequency},
          ${d.source}, ${d.owner}, ${JSON.stringify(d.priorities)}::jsonb, ${d.template})
        ON CONFLICT (council, key) DO UPDATE SET title = excluded.title, description = excluded.description,
          unit = excluded.unit, polarity = excluded.polarity, frequency = excluded.frequency, source = excluded.source,
          owner = excluded.owner, priorities = excluded.priorities, template = excluded.template`

    const knownIds = (council: Council.CouncilId, ids: ReadonlyArray<string>) =>
      Effect.gen(function* () {
        const held = new Set((yield* definitions(council)).map((d) => d.id as string))
        const missing = ids.find((id) => !held.has(id))
        return missing === undefined
          ? yield* Effect.void
          : yield* Effect.fail(new LocalMeasure.UnknownMeasure({ council, measure: missing }))
      })

    const recordValues = (council: Council.CouncilId, values: ReadonlyArray<MeasureValue.Value>) =>
      Effect.gen(function* () {
        yield* MeasureValue.check(council, yield* definitions(council), values)
        // The last figure given for a period wins, as it would row by row; one statement per 500 rows.
        const latest = [...new Map(values.map((v) => [`${v.measure}/${v.period}`, v])).values()]
        for (let i = 0; i < latest.length; i += 500) {
          const rows = latest.slice(i, i + 500).map((v) => ({
            council,
            measure: v.measure,
            period: v.period,
            numerator: v.numerator,
            denominator: v.denominator,
            value: v.value
          }))
          if (!Arr.isArrayNonEmpty(rows)) continue
          yield* sql`INSERT INTO measure_values ${sql.insert(rows)}
            ON CONFLICT (council, measure, period) DO UPDATE SET numerator = excluded.numerator,
              denominator = excluded.denominator, value = excluded.value`
        }
        return values.length
      })

    const values = (council: Council.CouncilId) =>
      Effect.gen(function* () {
        const rows = yield* sql<{
          measure: string
          period: string
          numerator: unknown
          denominator: unknown
          value: unknown
        }>`SELECT measure, period, numerator, denominator, value FROM measure_values
          WHERE council = ${council} ORDER BY measure, period`
        return yield* decodeValues(
          rows.map((r) => ({
            measure: r.measure,
            period: r.period,
            numerator: num(r.numerator),
            denominator: num(r.denominator),
            value: num(r.value)
          }))
        ).pipe(Effect.orDie)
      })

    const setTargets = (council: Council.CouncilId, targets: ReadonlyArray<Target.Target>) =>
      Effect.gen(function* () {
        yield* knownIds(
          council,
          targets.map((t) => t.indicator)
        )
        for (const t of targets) {
          yield* sql`INSERT INTO measure_targets (council, measure, year, value, tolerance)
            VALUES (${council}, ${t.indicator}, ${t.year}, ${t.value}, ${t.tolerance})
            ON CONFLICT (council, measure, year) DO UPDATE SET value = excluded.value, tolerance = excluded.tolerance`
        }
      })

    const targets = (council: Council.CouncilId) =>
      Effect.gen(function* () {
        const rows = yield* sql<{ measure: string; year: number; value: unknown; tolerance: unknown }>`SELECT measure,
          year, value, tolerance FROM measure_targets WHERE council = ${council} ORDER BY measure, year`
        return yield* decodeTargets(
          rows.map((r) => ({ indicator: r.measure, year: r.year, value: num(r.value), tolerance: num(r.tolerance) }))
        ).pipe(Effect.orDie)
      })

    const setBenchmarks = (council: Council.CouncilId, benchmarks: ReadonlyArray<Benchmark.Benchmark>) =>
      Effect.gen(function* () {
        yield* knownIds(
          council,
          benchmarks.map((b) => b.indicator)
        )
        for (const b of benchmarks) {
          yield* sql`INSERT INTO measure_benchmarks (council, measure, year, comparator, grp, version, value, status,
            source)
            VALUES (${council}, ${b.indicator}, ${b.year}, ${b.comparator}, ${b.group}, ${b.version}, ${b.value},
              ${b.status}, ${b.source})
            ON CONFLICT (council, measure, year, comparator) DO UPDATE SET grp = excluded.grp,
              version = excluded.version, value = excluded.value, status = excluded.status, source = excluded.source`
        }
      })

    const benchmarks = (council: Council.CouncilId) =>
      Effect.gen(function* () {
        const rows =
          yield* sql<BenchmarkRow>`SELECT measure AS key, year, comparator, grp, version, value, status, source FROM measure_benchmarks
          WHERE council = ${council} ORDER BY measure, year, comparator`
        return yield* toBenchmarks(rows)
      })

    return LocalMeasure.LocalMeasures.of({
      define: (definition) => {
        const problems = LocalMeasure.problems([definition])
        return problems.length > 0
          ? Effect.fail(
              new LocalMeasure.InvalidMeasure({
                measure: definition.id,
                problems: problems.map((p) => p.message)
              })
            )
          : inCouncil(definition.council, define(definition)).pipe(Effect.asVoid, Effect.orDie)
      },
      definitions: (council) => inCouncil(council, definitions(council)).pipe(Effect.orDie),
      recordValues: (council, vs) =>
        inCouncil(council, recordValues(council, vs)).pipe(Effect.catchTag("SqlError", Effect.die)),
      values: (council) => inCouncil(council, values(council)).pipe(Effect.orDie),
      setTargets: (council, ts) =>
        inCouncil(council, setTargets(council, ts)).pipe(Effect.catchTag("SqlError", Effect.die)),
      targets: (council) => inCouncil(council, targets(council)).pipe(Effect.orDie),
      setBenchmarks: (council, bs) =>
        inCouncil(council, setBenchmarks(council, bs)).pipe(Effect.catchTag("SqlError", Effect.die)),
      benchmarks: (council) => inCouncil(council, benchmarks(council)).pipe(Effect.orDie)
    })
  })
)
