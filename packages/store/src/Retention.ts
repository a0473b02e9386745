/**
 * Statutory retention of child-level records (domain.md §5.2). A child's records are kept until the 75th anniversary
 * of their birth (Care Planning, Placement and Case Review (England) Regulations 2010, reg 50); when the return
 * records an adoption (AD1), until 100 years after the end of that collection year, since the adoption order falls
 * within it and the 903 carries no order date. Past that, every row of the child in that import is deleted; the
 * import itself stays in the history with its counts. A dry run reports the same list and deletes nothing.
 *
 * Not covered: the 15-years-after-death rule (the 903 does not record deaths).
 */
import { AuditLog, CalendarDate, type Council, ReportingYear } from "@cpo/domain"
import { Context, Effect, Layer } from "effect"
import { SqlClient } from "effect/sql"
import { recordAccess } from "./AuditLogRepository.ts"
import { scoped } from "./Database.ts"
import { tables } from "./Tables.ts"

/** Why a record reached the end of its retention. @category models */
export type Rule = "75th birthday" | "adoption, 100 years"

/** One child of one import past retention. @category models */
export interface Expired {
  readonly council: Council.CouncilId
  readonly year: ReportingYear.ReportingYear
  readonly importId: string
  readonly childId: string
  readonly rule: Rule
  readonly retainUntil: CalendarDate.CalendarDate
  /** Rows of this child in the import, over all 903 tables. */
  readonly rows: number
}

/** @category models */
export interface Report {
  readonly asOf: CalendarDate.CalendarDate
  readonly dryRun: boolean
  readonly expired: ReadonlyArray<Expired>
  readonly rowsDeleted: number
}

/**
 * The day a child's records may be deleted: the 75th birthday, or 100 years after the end of the adoption's year.
 * @category getters
 */
export const retainUntil = (
  dateOfBirth: CalendarDate.CalendarDate,
  adoptedInYear: ReportingYear.ReportingYear | undefined
): CalendarDate.CalendarDate =>
  adoptedInYear === undefined
    ? CalendarDate.addYears(dateOfBirth, 75)
    : CalendarDate.max(
        CalendarDate.addYears(dateOfBirth, 75),
        CalendarDate.addYears(ReportingYear.end(adoptedInYear), 100)
      )

/** @category services */
export class Retention extends Context.Service<
  Retention,
  {
    /** Delete (or with `dryRun`, list) every child-level record past retention on `asOf`, for the caller's councils. */
    readonly run: (options: {
      readonly asOf: CalendarDate.CalendarDate
      readonly dryRun: boolean
    }) => Effect.Effect<Report>
  }
>()("@cpo/store/Retention") {}

/**
 * `Retention` on the `SqlClient` in context.
 * @category layers
 */
export const layer: Layer.Layer<Retention, never, SqlClient.SqlClient> = Layer.effect(
  Retention,
  Effect.gen(function* () {
    const sql = yield* SqlClient.SqlClient
    const provide = Effect.provideService(SqlClient.SqlClient, sql)

    const forCouncil = (council: Council.CouncilId, asOf: CalendarDate.CalendarDate, dryRun: boolean) =>
      Effect.gen(function* () {
        const caller = yield* AuditLog.CurrentCaller
        const candidates = yield* sql<{
          import_id: string
          year: number
          child_id: string
          date_of_birth: string
          adopted: boolean
        }>`SELECT i.id::text AS import_id, i.year, c.child_id, c.date_of_birth::text AS date_of_birth,
            EXISTS (SELECT 1 FROM adoptions a WHERE a.import_id = c.import_id AND a.child_id = c.child_id) AS adopted
          FROM children c JOIN imports i ON i.id = c.import_id
          WHERE c.council = ${council} AND c.date_of_birth <= ${CalendarDate.addYears(asOf, -75)}::date
          ORDER BY i.id, c.child_id`
        const expired: Array<Omit<Expired, "rows">> = []
        for (const c of candidates) {
          const year = ReportingYear.make(c.year)
          const until = retainUntil(c.date_of_birth as CalendarDate.CalendarDate, c.adopted ? year : undefined)
          if (until > asOf) continue
          expired.push({
            council,
            year,
            importId: c.import_id,
            childId: c.child_id,
            rule: c.adopted ? "adoption, 100 years" : "75th birthday",
            retainUntil: until
          })
        }
        if (expired.length === 0) return { expired: [] as ReadonlyArray<Expired>, rowsDeleted: 0 }
        const counts = new Map<string, number>()
        const keys = expired.map((e) => `${e.importId}/${e.childId}`)
        for (const table of tables) {
          for (let i = 0; i < keys.length; i += 5000) {
            const chunk = keys.slice(i, i + 5000)
            const statement = dryRun
              ? sql<{ k: string; n: number }>`SELECT import_id::text || '/' || child_id AS k, count(*)::int AS n
                  FROM ${sql(table.sqlName)} WHERE council = ${council}
                  AND import_id::text || '/' || child_id IN ${sql.in(chunk)} GROUP BY 1`
              : sql<{ k: string; n: number }>`WITH gone AS (DELETE FROM ${sql(table.sqlName)} WHERE council = ${council}
                  AND import_id::text || '/' || child_id IN ${sql.in(chunk)} RETURNING import_id, child_id)
                  SELECT import_id::text || '/' || child_id AS k, count(*)::int AS n FROM gone GROUP BY 1`
            for (const r of yield* statement) counts.set(r.k, (counts.get(r.k) ?? 0) + r.n)
          }
        }
        const withRows = expired.map((e) => ({ ...e, rows: counts.get(`${e.importId}/${e.childId}`) ?? 0 }))
        if (!dryRun) {
          yield* recordAccess(
            AuditLog.access({ ...caller, purpose: "statutory retention" }, council, "delete", {
              _tag: "Children",
              childIds: [...new Set(expired.map((e) => e.childId))]
            })
          )
        }
        return { expired: withRows, rowsDeleted: withRows.reduce((n, e) => n + e.rows, 0) }
      })

    return Retention.of({
      run: ({ asOf, dryRun }) =>
        Effect.gen(function* () {
          const caller = yield* AuditLog.CurrentCaller
          const ids = yield* sql<{ id: string }>`SELECT id FROM councils ORDER BY id`
          const councils = ids.map((r) => r.id as Council.CouncilId).filter((id) => AuditLog.mayActFor(caller, id))
          const results = yield* Effect.forEach(councils, (id) => provide(scoped(id)(forCouncil(id, asOf, dryRun))))
          return {
            asOf,
            dryRun,
            expired: results.flatMap((r) => r.expired),
            rowsDeleted: results.reduce((n, r) => n + r.rowsDeleted, 0)
          }
        }).pipe(Effect.orDie)
    })
  })
)
