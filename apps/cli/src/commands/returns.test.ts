import { mkdtempSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { Council, Returns } from "@cpo/domain"
import { Store } from "@cpo/store"
import { afterAll, describe, expect, it } from "@effect/vitest"
import { Effect, Option } from "effect"
import { fakeReturn } from "../../test/fake-return.ts"
import { migratedStore } from "../../test/stores.ts"
import { retentionCommand } from "./retention.ts"
import { returnsCommand } from "./returns.ts"
import { runInProcess } from "./run-in-process.ts"

const council = Council.CouncilId.make("fake-cli-borough")

/** A plainly fake return: `n` children born in `born`, each with one open episode. */
const fakeReturnOf = (year: number, n: number, born: number) =>
  fakeReturn(
    year,
    Array.from({ length: n }, (_, i) => ({ id: `CLI-FAKE-${i}`, born, start: `${year - 1}-05-01` }))
  )

const run = runInProcess

describe("cpo returns and cpo retention", () => {
  const dataDir = migratedStore(mkdtempSync(join(tmpdir(), "cpo-cli-returns-")))
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }))

  it.live("lists every import per council and year, marking the current one", () =>
    Effect.gen(function* () {
      yield* Effect.gen(function* () {
        const returns = yield* Returns.Returns
        yield* returns.saveCouncil({ id: council, name: "Fake CLI Borough", localAuthorityCode: Option.none() })
        yield* returns.importReturn(council, fakeReturnOf(2018, 3, 2005), "first")
        yield* returns.importReturn(council, fakeReturnOf(2018, 4, 2005), "second")
        yield* returns.importReturn(council, fakeReturnOf(1990, 2, 1940), "old")
      }).pipe(Effect.provide(Store.layer({ dataDir })))
      const listed = JSON.parse(yield* run(returnsCommand, dataDir, ["--format", "json"]))
      expect(listed.map((r: Returns.ImportRecord) => [r.year, r.checksum, r.current, r.children])).toEqual([
        [2018, "second", true, 4],
        [2018, "first", false, 3],
        [1990, "old", true, 2]
      ])
      const table = yield* run(returnsCommand, dataDir, ["--council", council])
      expect(table).toContain("2017/18")
    })
  )

  it.live("lists records past retention on a dry run, then deletes them", () =>
    Effect.gen(function* () {
      const dry = JSON.parse(
        yield* run(retentionCommand, dataDir, ["--dry-run", "--as-of", "2026-11-24", "--format", "json"])
      )
      expect(dry.dryRun).toBe(true)
      expect(dry.expired.map((e: Store.Expired) => [e.council, e.year, e.childId, e.retainUntil])).toEqual([
        [council, 1990, "CLI-FAKE-0", "2015-06-15"],
        [council, 1990, "CLI-FAKE-1", "2015-06-15"]
      ])
      const done = JSON.parse(yield* run(retentionCommand, dataDir, ["--as-of", "2026-11-24", "--format", "json"]))
      expect(done.rowsDeleted).toBe(4)
      const again = JSON.parse(
        yield* run(retentionCommand, dataDir, ["--dry-run", "--as-of", "2026-11-24", "--format", "json"])
      )
      expect(again.expired).toEqual([])
    })
  )
})
