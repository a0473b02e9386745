/**
 * The CLI's configuration from the environment — the only module that reads `process.env`.
 *
 * - `CPO_DATA_DIR`: the PGlite data folder (default `.data/pglite` under the current directory)
 * - `PG_URL`: a PostgreSQL connection URL; when set, the store uses PostgreSQL instead of PGlite
 */
import * as Path from "node:path"

export interface CliConfig {
  readonly dataDir: string
  readonly pgUrl: string | undefined
}

export const readConfig = (env: NodeJS.ProcessEnv = process.env): CliConfig => ({
  dataDir: Path.resolve(env.CPO_DATA_DIR ?? ".data/pglite"),
  pgUrl: env.PG_URL === undefined || env.PG_URL === "" ? undefined : env.PG_URL
})

/** The store options for this configuration. */
export const storeOptions = (config: CliConfig): { dataDir?: string; pgUrl?: string } =>
  config.pgUrl === undefined ? { dataDir: config.dataDir } : { pgUrl: config.pgUrl }
