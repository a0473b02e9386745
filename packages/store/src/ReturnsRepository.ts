/**
 * The `Returns` service on SQL. An import is staged and made current in one transaction: its rows are written under
 * a new import id, then the year's previous import stops being current and the new one starts, and only the commit
 * makes any of it visible. A failed or killed import therefore leaves the previous return current and whole.
 *
 * Every call acts for the caller's council only (`AuditLog.CurrentCaller`): a caller of another council is told the
 * council does not exist, and the SQL runs under row-level security for that council. Reading a return is an access
 * to child-level data and is written to the audit log in the same transaction.
 */

import type { Return } from "@cpo/domain"
import { AuditLog, Council, ReportingYear, Returns } from "@cpo/domain"
import type { Array as Arr } from "effect"
import { Context, Effect, Layer, Option } from "effect"
import { SqlClient, SqlError } from "effect/sql"
import { recordAccess } from "./AuditLogRepository.ts"
import { scoped } from "./Database.ts"
import { fromRow, tables, toRow } from "./Tables.ts"

/** Rows per INSERT statement: large enough to amortise round trips, small enough for the 65,535-parameter limit. */
const batchSize = 1000

/**
 * Reports how many rows of an import are written, for progress bars; does nothing unless provided.
 * @category services
 */
export const ImportProgress = Context.Reference<(written: number, total: number) => Effect.Effect<void>>(
  "@cpo/store/ImportProgress",
  { defaultValue: () => () => Effect.void }
)

interface ImportRow {
  readonly id: string
  readonly council: string
  readonly year: number
  readonly checksum: string
  readonly imported_at: string
  readonly is_current: boolean
  readonly children: number
  readonly episodes: number
  readonly tables: ReadonlyArray<string>
}

const toRecord = (row: ImportRow): Returns.ImportRecord => ({
  id: row.id,
  council: row.council as Council.CouncilId,
  year: ReportingYear.make(row.year),
  checksum: row.checksum,
  importedAt: row.imported_at,
  current: row.is_current,
  children: row.children,
  episodes: row.episodes
})

interface CouncilRow {
  readonly id: string
  readonly name: string
  readonly local_authority_code: string | null
  readonly population: number | null
}

const councilOf = (row: CouncilRow): Council.Council => ({
  id: row.id as Council.CouncilId,
  name: row.name,
  localAuthorityCode: Option.fromNullishOr(row.local_authority_code) as Option.Option<Council.LocalAuthorityCode>,
  population: Option.fromNullishOr(row.population)
})

const rowsOf = (ret: Return.Return, key: Return.TableName): ReadonlyArray<Record<string, unknown>> | undefined => {
  const value: unknown = ret[key]
  if (Option.isOption(value)) return Option.isSome(value) ? (value.value as ReadonlyArray<never>) : undefined
  return value as ReadonlyArray<never>
}

/**
 * `Returns` on the `SqlClient` in context.
 * @category layers
 */
export const layer: Layer.Layer<Returns.Returns, never, SqlClient.SqlClient> = Layer.effect(
  Returns.Returns,
  Effect.gen(function* () {
    const sql = yield* SqlClient.SqlClient
    const provide = Effect.provideService(SqlClient.SqlClient, sql)

    const importColumns = sql`id::text AS id, council, year, checksum,
      to_char(imported_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS imported_at, is_current, children,
      episodes, tables`

    /** The caller may act for the council and it exists; otherwise `CouncilNotFound`, never a hint it exists. */
    const guard = (id: Council.CouncilId) =>
      Effect.gen(function* () {
        const caller = yield* AuditLog.CurrentCaller
        if (!AuditLog.mayActFor(caller, id)) return yield* new Returns.CouncilNotFound({ council: id })
        return caller
      })

    const findCouncil = (id: Council.CouncilId) =>
      Effect.gen(function* () {
        const rows = yield* sql<CouncilRow>`
          SELECT id, name, local_authority_code, population FROM councils WHERE id = ${id}`
        const row = rows[0]
        if (row === undefined) return yield* new Returns.CouncilNotFound({ council: id })
        return councilOf(row)
      })

    const inCouncil = <A, E>(id: Council.CouncilId, self: Effect.Effect<A, E, SqlClient.SqlClient>) =>
      Effect.flatMap(guard(id), () => provide(scoped(id)(self)))

    const councils = Effect.gen(function* () {
      const caller = yield* AuditLog.CurrentCaller
      if (Option.isSome(caller.council)) {
        return yield* provide(scoped(caller.council.value)(findCouncil(caller.council.value))).pipe(
          Effect.map((c) => [c]),
          Effect.catchTag("CouncilNotFound", () => Effect.succeed([]))
        )
      }
      if (caller.role !== "system") return []
      // Only the local operator lists every council; the councils table holds no child-level data.
      const ids = yield* sql<{ id: string }>`SELECT id FROM councils ORDER BY id`
      return yield* Effect.forEach(ids, (r) => provide(scoped(r.id)(findCouncil(r.id as Council.CouncilId))))
    }).pipe(Effect.orDie)

    const writeRows = (council: string, importId: string, ret: Return.Return) =>
      Effect.gen(function* () {
        const progress = yield* ImportProgress
        const total = tables.reduce((n, t) => n + (rowsOf(ret, t.key)?.length ?? 0), 0)
        let written = 0
        for (const table of tables) {
          const records = rowsOf(ret, table.key)
          if (records === undefined) continue
          for (let i = 0; i < records.length; i += batchSize) {
            const batch = records
              .slice(i, i + batchSize)
              .map((r, j) => ({ council, import_id: importId, seq: i + j, ...toRow(table, r) }))
            yield* sql`INSERT INTO ${sql(table.sqlName)} ${sql.insert(batch as unknown as Arr.NonEmptyReadonlyArray<Record<string, unknown>>)}`
            written += batch.length
            yield* progress(written, total)
          }
        }
      })

    const readReturn = (importId: string, year: number, supplied: ReadonlyArray<string>) =>
      Effect.gen(function* () {
        const out: Record<string, unknown> = { year }
        for (const table of tables) {
          if (!supplied.includes(table.key)) {
            out[table.key] = Option.none()
            continue
          }
          const rows = yield* sql<Record<string, unknown>>`
            SELECT * FROM ${sql(table.sqlName)} WHERE import_id = ${importId} ORDER BY seq`
          const records = rows.map((r) => fromRow(table, r))
          out[table.key] = table.key === "children" || table.key === "episodes" ? records : Option.some(records)
        }
        return out as Return.Return
      })

    return Returns.Returns.of({
      councils,
      council: (id) => inCouncil(id, findCouncil(id)).pipe(Effect.catchIf(SqlError.isSqlError, Effect.die)),
      saveCouncil: (c) =>
        inCouncil(
          c.id,
          sql`INSERT INTO councils (id, name, local_authority_code, population)
            VALUES (${c.id}, ${c.name}, ${Option.getOrNull(c.localAuthorityCode)}, ${Option.getOrNull(Council.populationOf(c))})
            ON CONFLICT (id) DO UPDATE SET name = EXCLUDED.name, local_authority_code = EXCLUDED.local_authority_code,
              population = EXCLUDED.population`
        ).pipe(Effect.asVoid, Effect.catchTag("CouncilNotFound", Effect.die), Effect.orDie),
      years: (id) =>
        inCouncil(
          id,
          Effect.gen(function* () {
            yield* findCouncil(id)
            const rows = yield* sql<{ year: number }>`
              SELECT year FROM imports WHERE council = ${id} AND is_current ORDER BY year DESC`
            return rows.map((r) => ReportingYear.make(r.year))
          })
        ).pipe(Effect.catchIf(SqlError.isSqlError, Effect.die)),
      current: (id, year) =>
        Effect.gen(function* () {
          const caller = yield* guard(id)
          return yield* provide(
            scoped(id)(
              Effect.gen(function* () {
                yield* findCouncil(id)
                const rows = yield* sql<ImportRow>`SELECT ${importColumns} FROM imports
                  WHERE council = ${id} AND year = ${year} AND is_current`
                const row = rows[0]
                if (row === undefined) return yield* new Returns.ReturnNotFound({ council: id, year })
                const ret = yield* readReturn(row.id, row.year, row.tables)
                yield* recordAccess(
                  AuditLog.access(caller, id, "read", {
                    _tag: "Cohort",
                    description: `903 return ${ReportingYear.label(year)} (import ${row.id})`,
                    children: row.children
                  })
                )
                return ret
              })
            )
          )
        }).pipe(Effect.catchIf(SqlError.isSqlError, Effect.die)),
      importReturn: (id, ret, checksum) =>
        Effect.gen(function* () {
          const caller = yield* guard(id)
          return yield* provide(
            scoped(id)(
              Effect.gen(function* () {
                yield* findCouncil(id)
                // Two imports of the same year wait for each other rather than both staging.
                yield* sql`SELECT pg_advisory_xact_lock(hashtext(${`${id}/${ret.year}`}))`
                const same = yield* sql<ImportRow>`SELECT ${importColumns} FROM imports
                  WHERE council = ${id} AND year = ${ret.year} AND checksum = ${checksum} AND is_current`
                if (same[0] !== undefined) return toRecord(same[0])
                const supplied = tables.filter((t) => rowsOf(ret, t.key) !== undefined).map((t) => t.key)
                const [staged] = yield* sql<{ id: string }>`INSERT INTO imports ${sql.insert({
                  council: id,
                  year: ret.year,
                  checksum,
                  status: "loading",
                  imported_by: caller.actor,
                  tables: JSON.stringify(supplied),
                  children: ret.children.length,
                  episodes: ret.episodes.length
                })} RETURNING id::text AS id`
                const importId = staged!.id
                yield* writeRows(id, importId, ret)
                yield* sql`UPDATE imports SET is_current = false WHERE council = ${id} AND year = ${ret.year} AND is_current`
                const [done] = yield* sql<ImportRow>`UPDATE imports SET is_current = true, status = 'complete'
                  WHERE id = ${importId} RETURNING ${importColumns}`
                yield* recordAccess(
                  AuditLog.access(caller, id, "import", {
                    _tag: "Cohort",
                    description: `903 return ${ReportingYear.label(ret.year)} (import ${importId})`,
                    children: ret.children.length
                  })
                )
                return toRecord(done!)
              })
            )
          )
        }).pipe(Effect.catchIf(SqlError.isSqlError, Effect.die)),
      history: (id) =>
        inCouncil(
          id,
          Effect.gen(function* () {
            yield* findCouncil(id)
            const rows = yield* sql<ImportRow>`SELECT ${importColumns} FROM imports
              WHERE council = ${id} AND status = 'complete' ORDER BY year DESC, id DESC`
            return rows.map(toRecord)
          })
        ).pipe(Effect.catchIf(SqlError.isSqlError, Effect.die))
    })
  })
)
