/**
 * The `AuditLog` service on SQL. Entries are only ever inserted: the application role has no UPDATE or DELETE on
 * `audit_log`, and a trigger refuses both to everyone (migration 0004).
 */
import { AuditLog, type Council } from "@cpo/domain"
import { Effect, Layer } from "effect"
import { SqlClient } from "effect/sql"
import { scoped } from "./Database.ts"

/**
 * Append an access inside the current transaction (which must be scoped to the access's council).
 * @category constructors
 */
export const recordAccess = (access: AuditLog.ChildLevelAccess) =>
  Effect.flatMap(
    SqlClient.SqlClient,
    (sql) =>
      sql`INSERT INTO audit_log (council, actor, role, action, purpose, subject) VALUES (${access.council}, ${access.actor},
        ${access.role}, ${access.action}, ${access.purpose}, ${JSON.stringify(access.subject)})`
  )

/**
 * `AuditLog` on the `SqlClient` in context.
 * @category layers
 */
export const layer: Layer.Layer<AuditLog.AuditLog, never, SqlClient.SqlClient> = Layer.effect(
  AuditLog.AuditLog,
  Effect.gen(function* () {
    const sql = yield* SqlClient.SqlClient
    const provide = Effect.provideService(SqlClient.SqlClient, sql)
    return AuditLog.AuditLog.of({
      record: (access) => provide(scoped(access.council)(recordAccess(access))).pipe(Effect.asVoid, Effect.orDie),
      entries: (council: Council.CouncilId) =>
        provide(
          scoped(council)(
            Effect.map(
              sql<{
                id: string
                at: string
                council: string
                actor: string
                role: string
                action: string
                purpose: string
                subject: unknown
              }>`SELECT id::text AS id, to_char(at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS at, council,
                actor, role, action, purpose, subject
                FROM audit_log WHERE council = ${council} ORDER BY at DESC, id DESC`,
              (rows) =>
                rows.map((r) => ({
                  ...r,
                  subject: typeof r.subject === "string" ? JSON.parse(r.subject) : r.subject
                })) as unknown as ReadonlyArray<AuditLog.Entry>
            )
          )
        ).pipe(Effect.orDie)
    })
  })
)
