/**
 * The engines every store test runs on: in-memory PGlite always, and PostgreSQL when `PG_URL` is set — each test file
 * in a database of its own (`cpo_test_<random>`), dropped afterwards, so runs never clash.
 */
import * as Crypto from "node:crypto"
import type { PgClient } from "@effect/sql-pg"
import { Effect, Layer } from "effect"
import { SqlClient } from "effect/sql"
import { Store } from "../src/index.ts"

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

/** A named engine and its migrated SQL layer. */
export interface Engine {
  readonly name: string
  readonly sql: Layer.Layer<SqlClient.SqlClient | PgClient.PgClient>
}

/** PGlite in memory, and PostgreSQL in a fresh database when `PG_URL` is set. */
export const engines: ReadonlyArray<Engine> = [
  { name: "PGlite", sql: Layer.orDie(Store.layerSql({})) },
  ...(pgUrl === undefined
    ? []
    : [
        {
          name: "PostgreSQL",
          sql: Layer.orDie(Layer.unwrap(Effect.map(freshPostgres(pgUrl), ({ url }) => Store.layerSql({ pgUrl: url }))))
        }
      ])
]
