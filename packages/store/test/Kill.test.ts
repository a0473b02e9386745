import * as ChildProcess from "node:child_process"
import * as Fs from "node:fs"
import * as Os from "node:os"
import * as Path from "node:path"
import * as Readline from "node:readline"
import { Council, ReportingYear, Returns } from "@cpo/domain"
import { assert, describe, expect, it } from "@effect/vitest"
import { Effect, Option } from "effect"
import { SqlClient } from "effect/sql"
import { Store } from "../src/index.ts"
import { freshPostgres, pgUrl } from "./Engines.ts"
import * as FakeReturn from "./fixtures/FakeReturn.ts"

const council: Council.Council = {
  id: Council.CouncilId.make("fake-kill-borough"),
  name: "Fake Kill Borough",
  localAuthorityCode: Option.none()
}
const previous = FakeReturn.make({ seed: 11, year: 2018, children: 400 })
const child = Path.join(import.meta.dirname, "fixtures", "import-child.ts")
const largeChildren = 12_000

/** Import a large return in a child process and SIGKILL it once `fraction` of its rows are written. */
const importAndKill = (target: Store.Options, fraction: number, checksum: string) =>
  new Promise<{ killedAt: number; total: number; signal: string | null }>((resolve, reject) => {
    const args = JSON.stringify({ ...target, council: council.id, children: largeChildren, seed: 12, checksum })
    const proc = ChildProcess.spawn(process.execPath, [child, args], { stdio: ["ignore", "pipe", "pipe"] })
    let killedAt = -1
    let total = 0
    let stderr = ""
    proc.stderr.on("data", (d) => {
      stderr += String(d)
    })
    Readline.createInterface({ input: proc.stdout }).on("line", (line) => {
      const [word, written, all] = line.split(" ")
      if (word === "progress" && killedAt < 0) {
        total = Number(all)
        if (Number(written) >= fraction * total) {
          killedAt = Number(written)
          proc.kill("SIGKILL")
        }
      }
    })
    proc.on("exit", (_code, signal) =>
      killedAt < 0
        ? reject(new Error(`import ended before it was killed: ${stderr}`))
        : resolve({ killedAt, total, signal })
    )
  })

/** Import a large return in a child process and let it finish. */
const importToEnd = (target: Store.Options, checksum: string) =>
  new Promise<void>((resolve, reject) => {
    const args = JSON.stringify({ ...target, council: council.id, children: largeChildren, seed: 12, checksum })
    ChildProcess.execFile(process.execPath, [child, args], { maxBuffer: 64 * 1024 * 1024 }, (error) =>
      error === null ? resolve() : reject(error)
    )
  })

const setUp = (target: Store.Options) =>
  Effect.gen(function* () {
    const returns = yield* Returns.Returns
    yield* returns.saveCouncil(council)
    return yield* returns.importReturn(council.id, previous, "previous")
  }).pipe(Effect.provide(Store.layer(target)), Effect.runPromise)

/** The previous return is current, whole, and no row of the killed import is visible. */
const checkPreviousIntact = (target: Store.Options, previousId: string) =>
  Effect.gen(function* () {
    const returns = yield* Returns.Returns
    const sql = yield* SqlClient.SqlClient
    expect(yield* returns.current(council.id, ReportingYear.make(2018))).toEqual(previous)
    expect((yield* returns.history(council.id)).map((h) => [h.id, h.current])).toEqual([[previousId, true]])
    const [imports] = yield* sql<{ n: number }>`SELECT count(*)::int AS n FROM imports`
    const [strays] = yield* sql<{ n: number }>`SELECT count(*)::int AS n FROM episodes WHERE import_id <> ${previousId}`
    assert.strictEqual(imports!.n, 1)
    assert.strictEqual(strays!.n, 0)
  }).pipe(Effect.provide(Store.layerFromSql), Effect.provide(Store.layerSql(target)), Effect.runPromise)

const killPoints = [0.02, 0.5, 0.98]

const scenario = async (target: Store.Options) => {
  const first = await setUp(target)
  for (const fraction of killPoints) {
    const killed = await importAndKill(target, fraction, `large-${fraction}`)
    assert.strictEqual(killed.signal, "SIGKILL")
    assert.isTrue(killed.killedAt < killed.total)
    await checkPreviousIntact(target, first.id)
  }
  await importToEnd(target, "large")
  await Effect.gen(function* () {
    const returns = yield* Returns.Returns
    const history = yield* returns.history(council.id)
    expect(history.map((h) => [h.checksum, h.current])).toEqual([
      ["large", true],
      ["previous", false]
    ])
    assert.strictEqual((yield* returns.current(council.id, ReportingYear.make(2018))).children.length, largeChildren)
  }).pipe(Effect.provide(Store.layer(target)), Effect.runPromise)
}

describe("an import killed with SIGKILL", () => {
  it("leaves the previous return current and whole on PGlite, at every point of the load", {
    timeout: 300_000
  }, async () => {
    const dataDir = Fs.mkdtempSync(Path.join(Os.tmpdir(), "cpo-kill-"))
    try {
      await scenario({ dataDir })
    } finally {
      Fs.rmSync(dataDir, { recursive: true, force: true })
    }
  })

  // PostgreSQL runs when PG_URL names a server (README); PGlite always runs.
  if (pgUrl !== undefined) {
    const url = pgUrl
    it("leaves the previous return current and whole on PostgreSQL, at every point of the load", {
      timeout: 300_000
    }, async () => {
      await Effect.gen(function* () {
        const db = yield* freshPostgres(url)
        yield* Effect.promise(() => scenario({ pgUrl: db.url }))
      }).pipe(Effect.scoped, Effect.runPromise)
    })
  }
})
