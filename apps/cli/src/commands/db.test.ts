import { mkdtempSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { NodeServices } from "@effect/platform-node"
import { afterAll, describe, expect, it } from "@effect/vitest"
import { Effect } from "effect"
import { Command } from "effect/cli"
import { dbCommand, layerStoreOptions } from "./db.ts"

/** Run a command in this process with the store in `dataDir`, answering what it wrote to stdout. */
const run = (dataDir: string, args: ReadonlyArray<string>) =>
  Effect.gen(function* () {
    const written: Array<string> = []
    const write = process.stdout.write.bind(process.stdout)
    process.stdout.write = ((chunk: string, done?: () => void) => {
      written.push(String(chunk))
      done?.()
      return true
    }) as typeof process.stdout.write
    yield* Command.runWith(dbCommand, { version: "test" })(args).pipe(
      Effect.provide(layerStoreOptions({ dataDir })),
      Effect.provide(NodeServices.layer),
      Effect.ensuring(
        Effect.sync(() => {
          process.stdout.write = write
        })
      )
    )
    return written.join("")
  })

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
