/**
 * The engines every store test runs on: PGlite always, and PostgreSQL when `PG_URL` is set — each test file in a
 * database of its own (a copy of the PGlite store the run's set-up migrated, `templates.ts`; on PostgreSQL
 * `cpo_test_<random>`), removed afterwards, so runs never clash.
 */
import * as Crypto from "node:crypto"
import * as Fs from "node:fs"
import * as Os from "node:os"
import * as Path from "node:path"
import type { PgClient } from "@effect/sql-pg"
import { Effect, Layer } from "effect"
import { SqlClient } from "effect/sql"
import { inject } from "vitest"
import { Store } from "../src/index.ts"
import * as Template from "../src/Template.ts"

/** The PostgreSQL URL for tests, when one is configured. */
export const pgUrl: string | undefined = process.env.PG_URL === "" ? undefined : process.env.PG_URL

const withDatabase = (url: string, database: string): string => {
  const u = new URL(url)
  u.pathname = `/${database}`
  return u.toString()
}

/**
 * A fresh, empty PostgreSQL database for the life of the scope.
 * @category constructors
 */
export const freshPostgres = (url: string) =>
  Effect.acquireRelease(
    Effect.gen(function* () {
      const name = `cpo_test_${Crypto.randomBytes(6).toString("hex")}`
      yield* admin(url, `CREATE DATABASE ${name}`)
      return { name, url: withDatabase(url, name) }
    }),
    ({ name }) => admin(url, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`).pipe(Effect.ignore)
  )

const admin = (url: string, statement: string) =>
  Effect.scoped(
    Effect.gen(function* () {
      const sql = yield* SqlClient.SqlClient
      yield* sql.unsafe(statement)
    }).pipe(Effect.provide(Store.layerConnection({ pgUrl: url })))
  ).pipe(Effect.orDie)

/**
 * A copy of the migrated PGlite store the run's set-up built, in a temporary folder for the life of the scope.
 * @category constructors
 */
export const migratedPglite = Effect.acquireRelease(
  Effect.sync(() => Template.copy(inject("migratedTemplate"), Fs.mkdtempSync(Path.join(Os.tmpdir(), "cpo-store-")))),
  (dataDir) => Effect.sync(() => Fs.rmSync(dataDir, { recursive: true, force: true }))
)

/** A named engine and its migrated SQL layer. */
export interface Engine {
  readonly name: string
  readonly sql: Layer.Layer<SqlClient.SqlClient | PgClient.PgClient>
}

/** PGlite in a copy of the migrated template, and PostgreSQL in a fresh database when `PG_URL` is set. */
export const engines: ReadonlyArray<Engine> = [
  {
    name: "PGlite",
    sql: Layer.orDie(Layer.unwrap(Effect.map(migratedPglite, (dataDir) => Store.layerSql({ dataDir }))))
  },
  ...(pgUrl === undefined
    ? []
    : [
        {
          name: "PostgreSQL",
          sql: Layer.orDie(Layer.unwrap(Effect.map(freshPostgres(pgUrl), ({ url }) => Store.layerSql({ pgUrl: url }))))
        }
      ])
]
