/**
 * PGlite data folders made once and copied. Opening a new PGlite store runs PostgreSQL's initdb and every migration,
 * a few seconds of CPU; a copy of a closed, migrated (and perhaps seeded) folder opens in a fraction of that. Test runs
 * build their templates once and give each test file its own copy, so files stay independent.
 *
 * ```ts
 * await Effect.runPromise(Template.build("/tmp/templates/migrated", Effect.void))
 * const dataDir = Template.copy("/tmp/templates/migrated", Fs.mkdtempSync("/tmp/cpo-"))
 * ```
 */
import * as Fs from "node:fs"
import { Effect } from "effect"
import type { StoreError } from "./Database.ts"
import * as Store from "./Store.ts"

/**
 * Migrate a new PGlite store in `dataDir`, run `seed` in it, and close it, leaving a folder to copy.
 * @category constructors
 */
export const build = <A, E>(
  dataDir: string,
  seed: Effect.Effect<A, E, Store.Services>
): Effect.Effect<void, E | StoreError> => Effect.asVoid(seed).pipe(Effect.provide(Store.layer({ dataDir })))

/**
 * Copy the closed store folder `template` into `dataDir` (created if missing, and best empty); answers `dataDir`.
 * @category constructors
 */
export const copy = (template: string, dataDir: string): string => {
  Fs.cpSync(template, dataDir, { recursive: true })
  return dataDir
}
