import * as ChildProcess from "node:child_process"
import * as Fs from "node:fs"
import * as Os from "node:os"
import * as Path from "node:path"
import * as Readline from "node:readline"
import { Council, ReportingYear, Returns } from "@cpo/domain"
import { afterAll, assert, describe, expect, it } from "@effect/vitest"
import { Effect, Option } from "effect"
import { SqlClient } from "effect/sql"
import { inject } from "vitest"
import { Store } from "../src/index.ts"
import * as Template from "../src/Template.ts"
import { freshPostgres, pgUrl } from "./Engines.ts"
import * as FakeReturn from "./fixtures/FakeReturn.ts"

const council: Council.Council = {
  id: Council.CouncilId.make("fake-kill-borough"),
  name: "Fake Kill Borough",
  localAuthorityCode: Option.none()
}
const previous = FakeReturn.make({ seed: 11, year: 2018, children: 400 })
const child = Path.join(import.meta.dirname, "fixtures", "import-child.ts")
/** The long run (`pnpm crash`) kills a 12,000-child import; the default run a 3,000-child one, still a dozen batches. */
const largeChildren = Number(process.env.CPO_KILL_POINTS ?? 0) > 0 ? 12_000 : 3_000
/**
 * Each child process lives for seconds: V8's baseline WebAssembly code alone spares it optimising PGlite's module on
 * background threads, which otherwise costs more CPU than the import (apps/cli/bench/pipeline.bench.ts).
 */
const childFlags = ["--liftoff-only"]

/** Import a large return in a child process and SIGKILL it once `fraction` of its rows are written. */
const importAndKill = (target: Store.Options, fraction: number, checksum: string) =>
  new Promise<{ killedAt: number; total: number; signal: string | null }>((resolve, reject) => {
    const args = JSON.stringify({ ...target, council: council.id, children: largeChildren, seed: 12, checksum })
    const proc = ChildProcess.spawn(process.execPath, [...childFlags, child, args], {
      stdio: ["ignore", "pipe", "pipe"]
    })
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
    ChildProcess.execFile(process.execPath, [...childFlags, child, args], { maxBuffer: 64 * 1024 * 1024 }, (error) =>
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

/**
 * Where each import is killed, as fractions of its rows: three fixed points by default (start, middle, end); with
 * CPO_KILL_POINTS=n (the `crash` script: `pnpm --filter @cpo/store crash`), n points spread over the load, each at a
 * seeded random place within its own slice, so a long run covers the whole import and is repeatable.
 */
const killPoints = ((n: number) => {
  if (!Number.isInteger(n) || n < 1) return [0.02, 0.5, 0.98]
  let seed = 20_261_125
  const next = () => {
    seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31
    return seed / 2 ** 31
  }
  return Array.from({ length: n }, (_, i) => Math.min(0.995, Math.max(0.005, (i + next()) / n)))
})(Number(process.env.CPO_KILL_POINTS ?? 0))

/** What a long run found, for docs/benchmarks/crash.json (written when CPO_CRASH_REPORT names a file). */
const report: Array<{ engine: string; point: number; killedAtRow: number; rows: number; previousIntact: boolean }> = []

const scenario = async (target: Store.Options, engine: string) => {
  const first = await setUp(target)
  for (const fraction of killPoints) {
    const killed = await importAndKill(target, fraction, `large-${fraction}`)
    assert.strictEqual(killed.signal, "SIGKILL")
    assert.isTrue(killed.killedAt < killed.total)
    await checkPreviousIntact(target, first.id)
    report.push({
      engine,
      point: Math.round(fraction * 1000) / 1000,
      killedAtRow: killed.killedAt,
      rows: killed.total,
      previousIntact: true
    })
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

afterAll(() => {
  const out = process.env.CPO_CRASH_REPORT
  if (out === undefined || report.length === 0) return
  Fs.writeFileSync(
    out,
    `${JSON.stringify(
      {
        benchmark: "crash safety: cpo import killed with SIGKILL mid-load (packages/store/test/Kill.test.ts)",
        date: new Date().toISOString(),
        machine: { cpus: Os.cpus().length, memoryGiB: Math.round(Os.totalmem() / 2 ** 30), node: process.version },
        dataset: `a ${largeChildren.toLocaleString("en-GB")}-child fake return imported over a 400-child one`,
        killsPerEngine: killPoints.length,
        kills: report.length,
        previousIntactAfterEveryKill: report.every((r) => r.previousIntact),
        points: report
      },
      null,
      2
    )}\n`
  )
})

describe("an import killed with SIGKILL", () => {
  it("leaves the previous return current and whole on PGlite, at every point of the load", {
    timeout: Number(process.env.CPO_KILL_POINTS ?? 0) > 3 ? 3_600_000 : 300_000
  }, async () => {
    const dataDir = Template.copy(inject("migratedTemplate"), Fs.mkdtempSync(Path.join(Os.tmpdir(), "cpo-kill-")))
    try {
      await scenario({ dataDir }, "PGlite")
    } finally {
      Fs.rmSync(dataDir, { recursive: true, force: true })
    }
  })

  // PostgreSQL runs when PG_URL names a server (README); PGlite always runs.
  if (pgUrl !== undefined) {
    const url = pgUrl
    it("leaves the previous return current and whole on PostgreSQL, at every point of the load", {
      timeout: Number(process.env.CPO_KILL_POINTS ?? 0) > 3 ? 3_600_000 : 300_000
    }, async () => {
      await Effect.gen(function* () {
        const db = yield* freshPostgres(url)
        yield* Effect.promise(() => scenario({ pgUrl: db.url }, "PostgreSQL"))
      }).pipe(Effect.scoped, Effect.runPromise)
    })
  }
})
