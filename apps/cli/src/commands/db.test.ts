import { mkdtempSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { afterAll, describe, expect, it } from "@effect/vitest"
import { Effect } from "effect"
import { dbCommand } from "./db.ts"
import { runInProcess } from "./run-in-process.ts"

const run = (dataDir: string, args: ReadonlyArray<string>) => runInProcess(dbCommand, dataDir, args)

describe("cpo db migrate", () => {
  const dataDir = mkdtempSync(join(tmpdir(), "cpo-cli-db-"))
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }))

  it.live("applies every migration to a new PGlite data folder, then reports the schema up to date", () =>
    Effect.gen(function* () {
      const first = yield* run(dataDir, ["migrate"])
      expect(first).toContain("applied 0001_create_councils_and_imports")
      expect(first).toContain("applied 0005_enable_row_level_security")
      expect(yield* run(dataDir, ["migrate"])).toBe("database schema is up to date\n")
    })
  )
})
