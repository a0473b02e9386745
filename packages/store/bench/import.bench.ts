/**
 * Import speed at national scale: one synthetic collection year of about 80,000 children looked after and 300,000
 * episodes, imported through `Returns.importReturn` into file-backed PGlite (target 30 s) and, when `PG_URL` is set,
 * PostgreSQL (target 15 s), each run into an empty database. Writes `docs/benchmarks/store.json`.
 *
 * Usage: node bench/import.bench.ts [runs=3] [children=80000]
 */
import * as Fs from "node:fs"
import * as Os from "node:os"
import * as Path from "node:path"
import { Council, Returns } from "@cpo/domain"
import { Effect, Option } from "effect"
import { Store } from "../src/index.ts"
import { freshPostgres } from "../test/Engines.ts"
import * as FakeReturn from "../test/fixtures/FakeReturn.ts"

const runs = Number(process.argv[2] ?? 3)
const children = Number(process.argv[3] ?? 80_000)
const pgUrl = process.env.PG_URL === "" ? undefined : process.env.PG_URL
const council: Council.Council = {
  id: Council.CouncilId.make("bench-borough"),
  name: "Bench Borough",
  localAuthorityCode: Option.none()
}

const generatedAt = performance.now()
const ret = FakeReturn.make({ seed: 2018, year: 2018, children, episodesPerChild: 4.2 })
const generationSeconds = (performance.now() - generatedAt) / 1000
const optional: ReadonlyArray<Option.Option<ReadonlyArray<unknown>>> = [
  ret.reviews,
  ret.uasc,
  ret.healthOutcomes,
  ret.careLeavers,
  ret.adoptions,
  ret.placedForAdoption,
  ret.previousPermanence,
  ret.missing,
  ret.socialWorkerEpisodes,
  ret.deprivationOfLiberty
]
const rows = optional.reduce(
  (n, t) => n + Option.getOrElse(t, () => []).length,
  ret.children.length + ret.episodes.length
)

/** Seconds to import the return into an empty store. */
const importOnce = (options: Store.Options) =>
  Effect.gen(function* () {
    const returns = yield* Returns.Returns
    yield* returns.saveCouncil(council)
    const started = performance.now()
    yield* returns.importReturn(council.id, ret, "bench")
    return (performance.now() - started) / 1000
  }).pipe(Effect.provide(Store.layer(options)))

const summary = (engine: string, target: number, seconds: ReadonlyArray<number>) => {
  const sorted = [...seconds].sort((a, b) => a - b)
  const median = sorted[Math.floor(sorted.length / 2)]!
  return {
    engine,
    runs: sorted.length,
    medianSeconds: Number(median.toFixed(2)),
    minSeconds: Number(sorted[0]!.toFixed(2)),
    maxSeconds: Number(sorted[sorted.length - 1]!.toFixed(2)),
    rowsPerSecond: Math.round(rows / median),
    targetSeconds: target,
    meetsTarget: median <= target
  }
}

const program = Effect.gen(function* () {
  const results = []
  const pglite: Array<number> = []
  for (let i = 0; i < runs; i++) {
    const dataDir = Fs.mkdtempSync(Path.join(Os.tmpdir(), "cpo-bench-"))
    pglite.push(
      yield* Effect.ensuring(
        importOnce({ dataDir }),
        Effect.sync(() => Fs.rmSync(dataDir, { recursive: true, force: true }))
      )
    )
    console.log(`PGlite run ${i + 1}: ${pglite[i]!.toFixed(2)} s`)
  }
  results.push(summary("PGlite 0.5.14 (file-backed, via pglite-socket)", 30, pglite))
  if (pgUrl !== undefined) {
    const pg: Array<number> = []
    for (let i = 0; i < runs; i++) {
      pg.push(yield* Effect.scoped(Effect.flatMap(freshPostgres(pgUrl), (db) => importOnce({ pgUrl: db.url }))))
      console.log(`PostgreSQL run ${i + 1}: ${pg[i]!.toFixed(2)} s`)
    }
    results.push(summary("PostgreSQL (PG_URL)", 15, pg))
  }
  return results
})

const results = await Effect.runPromise(program)
const cpus = Os.cpus()
const report = {
  benchmark: "Returns.importReturn: one national-scale 903 year into an empty store",
  date: new Date().toISOString(),
  machine: {
    cpu: cpus[0]?.model ?? "unknown",
    cores: cpus.length,
    memoryGiB: Number((Os.totalmem() / 1024 ** 3).toFixed(1)),
    platform: `${Os.platform()} ${Os.release()}`,
    node: process.version
  },
  dataset: {
    source: "packages/store/test/fixtures/FakeReturn.ts (plainly fake, seed 2018)",
    children: ret.children.length,
    episodes: ret.episodes.length,
    rowsAllTables: rows,
    generationSeconds: Number(generationSeconds.toFixed(2))
  },
  method: "multi-row INSERT, 1000 rows per statement, one transaction per import; time excludes generating the data",
  peakRssMiB: Math.round(process.resourceUsage().maxRSS / 1024),
  results
}
const out = Path.join(import.meta.dirname, "..", "..", "..", "docs", "benchmarks", "store.json")
Fs.mkdirSync(Path.dirname(out), { recursive: true })
Fs.writeFileSync(out, `${JSON.stringify(report, null, 2)}\n`)
console.log(JSON.stringify(report, null, 2))
