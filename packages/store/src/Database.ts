/**
 * The connection to the database, one `SqlClient` for both engines. PostgreSQL is reached with `@effect/sql-pg`
 * directly; PGlite (embedded PostgreSQL) is served inside this process by `PGLiteSocketServer` on a private unix
 * socket and reached by the same `@effect/sql-pg` client, so the SQL, migrations, transactions and row-level security
 * are identical on both (stack.md §5(a): faster than a custom client over `db.query`, thanks to prepared statements).
 */
import * as Crypto from "node:crypto"
import * as Fs from "node:fs"
import * as Os from "node:os"
import * as Path from "node:path"
import { AuditLog, type Council } from "@cpo/domain"
import { PgClient } from "@effect/sql-pg"
import { PGlite } from "@electric-sql/pglite"
import { PGLiteSocketServer } from "@electric-sql/pglite-socket"
import { Effect, Layer, Redacted, Schema } from "effect"
import { Migrator, SqlClient, SqlError } from "effect/sql"
import migration0001 from "./migrations/0001_create_councils_and_imports.ts"
import migration0002 from "./migrations/0002_create_return_tables.ts"
import migration0003 from "./migrations/0003_create_oversight_tables.ts"
import migration0004 from "./migrations/0004_create_users_and_audit_log.ts"
import migration0005 from "./migrations/0005_enable_row_level_security.ts"
import migration0006 from "./migrations/0006_local_offer.ts"
import migration0007 from "./migrations/0007_priorities_and_governance.ts"
import migration0008 from "./migrations/0008_council_population.ts"
import migration0009 from "./migrations/0009_local_measures_and_pledges.ts"
import migration0010 from "./migrations/0010_indicator_targets_and_benchmarks.ts"

/** Where the data lives: PostgreSQL when `pgUrl` is given, else PGlite in `dataDir`, else PGlite in memory. */
export interface Options {
  readonly dataDir?: string | undefined
  readonly pgUrl?: string | undefined
}

/** The store could not be opened or migrated. @category errors */
export class StoreError extends Schema.TaggedError<StoreError>()("StoreError", {
  message: Schema.String,
  cause: Schema.optional(Schema.Unknown)
}) {}

/** The migrations, in order; the Migrator records applied ones in `cpo_migrations`. @category models */
export const migrations = {
  "0001_create_councils_and_imports": migration0001,
  "0002_create_return_tables": migration0002,
  "0003_create_oversight_tables": migration0003,
  "0004_create_users_and_audit_log": migration0004,
  "0005_enable_row_level_security": migration0005,
  "0006_local_offer": migration0006,
  "0007_priorities_and_governance": migration0007,
  "0008_council_population": migration0008,
  "0009_local_measures_and_pledges": migration0009,
  "0010_indicator_targets_and_benchmarks": migration0010
}

/**
 * Apply the migrations not yet applied; answers the ones it applied.
 * @category constructors
 */
export const migrate: Effect.Effect<
  ReadonlyArray<readonly [id: number, name: string]>,
  StoreError,
  SqlClient.SqlClient
> = Migrator.make({})({ loader: Migrator.fromRecord(migrations), table: "cpo_migrations" }).pipe(
  Effect.mapError((cause) => new StoreError({ message: `migration failed: ${cause.message}`, cause }))
)

const pglite = (dataDir: string | undefined) =>
  Effect.acquireRelease(
    Effect.tryPromise({
      try: async () => {
        if (dataDir !== undefined) Fs.mkdirSync(dataDir, { recursive: true })
        const db = await PGlite.create(dataDir ?? "memory://")
        // A unix socket path must stay under ~104 bytes, so it lives in the temporary folder, not the data folder.
        const path = Path.join(Os.tmpdir(), `cpo-pglite-${process.pid}-${Crypto.randomBytes(6).toString("hex")}.sock`)
        const server = new PGLiteSocketServer({ db, path })
        await server.start()
        return { db, server, path }
      },
      catch: (cause) => new StoreError({ message: `cannot open PGlite in ${dataDir ?? "memory"}: ${cause}`, cause })
    }),
    ({ db, server, path }) =>
      Effect.promise(async () => {
        await server.stop()
        await db.close()
        Fs.rmSync(path, { force: true })
      })
  )

/**
 * A `SqlClient` (and `PgClient`) for the options, without migrating.
 * @category layers
 */
export const layerConnection = (options: Options): Layer.Layer<SqlClient.SqlClient | PgClient.PgClient, StoreError> => {
  const toStoreError = (cause: { readonly message: string }) =>
    new StoreError({ message: `cannot connect to the database: ${cause.message}`, cause })
  if (options.pgUrl !== undefined) {
    return PgClient.layerFrom(
      PgClient.make({ url: Redacted.make(options.pgUrl), maxConnections: 8 }).pipe(Effect.mapError(toStoreError))
    )
  }
  return PgClient.layerFrom(
    Effect.gen(function* () {
      const { path } = yield* pglite(options.dataDir)
      // PGlite is one session: a second connection would interleave with an open transaction.
      return yield* PgClient.make({ path, username: "postgres", database: "postgres", maxConnections: 1 }).pipe(
        Effect.mapError(toStoreError)
      )
    })
  )
}

/**
 * A migrated `SqlClient` for the options: migrations run when the layer is built.
 * @category layers
 */
export const layer = (options: Options): Layer.Layer<SqlClient.SqlClient | PgClient.PgClient, StoreError> =>
  Layer.effectDiscard(migrate).pipe(Layer.provideMerge(layerConnection(options)))

/**
 * Run `self` in one transaction as the application role `cpo_app`, for `council` only: row-level security then hides
 * and refuses every other council's rows, whatever the SQL inside says.
 * @category constructors
 */
export const scoped =
  (council: string) =>
  <A, E, R>(self: Effect.Effect<A, E, R>): Effect.Effect<A, E, R | SqlClient.SqlClient> =>
    Effect.flatMap(SqlClient.SqlClient, (sql) =>
      sql
        .withTransaction(
          Effect.gen(function* () {
            yield* sql`SET LOCAL ROLE cpo_app`
            yield* sql`SELECT set_config('app.council', ${council}, true)`
            return yield* self
          })
        )
        .pipe(Effect.catchIf(SqlError.isSqlError, Effect.die))
    )

/**
 * `self` for `council`, under row-level security (`scoped`) on `sql`, for a caller who may act for it. A caller acting
 * for another council is a bug in the adapter that set it, not a user error: it is a defect.
 * @category constructors
 */
export const inCouncilOf =
  (sql: SqlClient.SqlClient) =>
  <A, E>(council: Council.CouncilId, self: Effect.Effect<A, E, SqlClient.SqlClient>): Effect.Effect<A, E> =>
    Effect.flatMap(AuditLog.CurrentCaller, (caller) =>
      AuditLog.mayActFor(caller, council)
        ? Effect.provideService(scoped(council)(self), SqlClient.SqlClient, sql)
        : Effect.die(new Error(`${caller.actor} may not act for council ${council}`))
    )

/** A JSON column as the driver gives it: parsed already (PostgreSQL jsonb), or as text (some drivers). @category decoding */
export const parsedJson = (value: unknown): unknown => (typeof value === "string" ? JSON.parse(value) : value)
