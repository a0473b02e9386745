import { mkdtempSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { Store } from "@cpo/store"
import { afterAll, describe, expect, it } from "@effect/vitest"
import { Effect } from "effect"
import { inject } from "vitest"
import { migratedStore } from "../../test/stores.ts"
import { dbCommand } from "./db.ts"
import { runInProcess } from "./run-in-process.ts"

const run = (dataDir: string, args: ReadonlyArray<string>) => runInProcess(dbCommand, dataDir, args)

// The run's set-up (test/templates.ts) migrates a new PGlite data folder with the bundled CLI's `cpo db migrate`, and
// every store test copies that folder: its output is the first migration of a new folder, checked here.
describe("cpo db migrate", () => {
  const dataDir = migratedStore(mkdtempSync(join(tmpdir(), "cpo-cli-db-")))
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }))

  it.live("applies every migration to a new PGlite data folder, then reports the schema up to date", () =>
    Effect.gen(function* () {
      const first = inject("migrateOutput")
      expect(first).toContain("applied 0001_create_councils_and_imports")
      expect(first).toContain("applied 0005_enable_row_level_security")
      for (const name of Object.keys(Store.migrations)) expect(first).toContain(`applied ${name}\n`)
      expect(yield* run(dataDir, ["migrate"])).toBe("database schema is up to date\n")
    })
  )
})
