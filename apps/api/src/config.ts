/**
 * The API's configuration from the environment — the only module that reads `process.env`.
 *
 * - `PORT`: the port to listen on (default 8787)
 * - `CPO_DATA_DIR`: the PGlite data folder (default `.data/pglite` under the current directory)
 * - `PG_URL`: a PostgreSQL connection URL; when set, the store uses PostgreSQL instead of PGlite
 * - `CPO_JWT_SECRET`: the HS256 secret that signs and verifies bearer tokens (at least 32 characters)
 * - `CPO_API_KEYS`: API keys for scripts, as JSON: `[{ "name", "sha256", "role", "councils" }]` (see `auth.ts`)
 * - `CPO_DASHBOARD_DIR`: a folder of static files (the built dashboard) served at `/` with an SPA fallback
 * - `CPO_DEMO`: `1` opens reads to an anonymous officer without a token — for the local demo only, never production
 * - `CPO_MAX_UPLOAD_BYTES`: the largest 903 upload accepted (default 50 MiB)
 */
import * as Path from "node:path"
import type { Store } from "@cpo/store"
import { type ApiKeyEntry, decodeApiKeys } from "./auth.ts"

export interface ApiConfig {
  readonly port: number
  readonly store: Store.Options
  readonly jwtSecret: string | undefined
  readonly apiKeys: ReadonlyArray<ApiKeyEntry>
  readonly dashboardDir: string | undefined
  readonly demo: boolean
  readonly maxUploadBytes: number
}

/** A configuration value that cannot be used; `main.ts` prints it and exits. */
export class ConfigError extends Error {
  override readonly name = "ConfigError"
}

const nonEmpty = (value: string | undefined): string | undefined =>
  value === undefined || value.trim() === "" ? undefined : value

const positiveInt = (name: string, value: string | undefined, fallback: number): number => {
  if (nonEmpty(value) === undefined) return fallback
  const n = Number(value)
  if (!Number.isInteger(n) || n <= 0) throw new ConfigError(`${name} must be a positive whole number, got "${value}"`)
  return n
}

export const readConfig = (env: NodeJS.ProcessEnv = process.env): ApiConfig => {
  const pgUrl = nonEmpty(env.PG_URL)
  const jwtSecret = nonEmpty(env.CPO_JWT_SECRET)
  if (jwtSecret !== undefined && jwtSecret.length < 32) {
    throw new ConfigError("CPO_JWT_SECRET must be at least 32 characters (HS256 needs a 256-bit secret)")
  }
  const keys = nonEmpty(env.CPO_API_KEYS)
  const apiKeys = keys === undefined ? [] : decodeApiKeys(keys)
  if (apiKeys instanceof Error) throw new ConfigError(`CPO_API_KEYS: ${apiKeys.message}`)
  const dashboard = nonEmpty(env.CPO_DASHBOARD_DIR)
  return {
    port: positiveInt("PORT", env.PORT, 8787),
    store: pgUrl === undefined ? { dataDir: Path.resolve(env.CPO_DATA_DIR ?? ".data/pglite") } : { pgUrl },
    jwtSecret,
    apiKeys,
    dashboardDir: dashboard === undefined ? undefined : Path.resolve(dashboard),
    demo: env.CPO_DEMO === "1",
    maxUploadBytes: positiveInt("CPO_MAX_UPLOAD_BYTES", env.CPO_MAX_UPLOAD_BYTES, 50 * 1024 * 1024)
  }
}
