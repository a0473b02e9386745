/**
 * `pnpm fuzz`: the fuzz properties with many more cases than the default test run — the 903 codec and rules on random,
 * truncated and mutated files (packages/ssda903/test/Fuzz.test.ts) and every API route on random paths, queries and
 * bodies (apps/api/src/fuzz.test.ts). Writes docs/benchmarks/fuzz.json with the cases tried, the time and the outcome.
 *
 *   node scripts/fuzz.ts [runsPerProperty]     # default 5,000
 */
import { spawnSync } from "node:child_process"
import { writeFileSync } from "node:fs"
import { cpus, totalmem } from "node:os"
import { join } from "node:path"

const root = join(import.meta.dirname, "..")
const runs = Number(process.argv[2] ?? 5000)

/** Each suite with the number of cases its properties try for `runs` (see the files: runs each, one at runs / 4). */
const suites = [
  {
    name: "903 codec and rules",
    cwd: join(root, "packages", "ssda903"),
    file: "test/Fuzz.test.ts",
    cases: (n: number) => 6 * n + Math.max(20, Math.round(n / 4))
  },
  { name: "API routes", cwd: join(root, "apps", "api"), file: "src/fuzz.test.ts", cases: (n: number) => n }
]

const results = suites.map((s) => {
  const started = performance.now()
  const run = spawnSync("pnpm", ["exec", "vitest", "run", s.file, "--testTimeout=3600000"], {
    cwd: s.cwd,
    env: { ...process.env, CPO_FUZZ_RUNS: String(runs) },
    encoding: "utf8"
  })
  const seconds = Math.round((performance.now() - started) / 100) / 10
  const passed = run.status === 0
  process.stdout.write(`${s.name}: ${s.cases(runs)} cases, ${seconds} s, ${passed ? "no failure" : "FAILED"}\n`)
  if (!passed) process.stdout.write(run.stdout.slice(-4000))
  return { suite: s.name, file: s.file, cases: s.cases(runs), seconds, crashesOrHangs: passed ? 0 : "see output" }
})

writeFileSync(
  join(root, "docs", "benchmarks", "fuzz.json"),
  `${JSON.stringify(
    {
      benchmark: "fuzzing (pnpm fuzz): random, truncated and mutated 903 files and API requests",
      date: new Date().toISOString(),
      machine: { cpus: cpus().length, memoryGiB: Math.round(totalmem() / 2 ** 30), node: process.version },
      runsPerProperty: runs,
      totalCases: results.reduce((n, r) => n + r.cases, 0),
      suites: results
    },
    null,
    2
  )}\n`
)
process.exit(results.every((r) => r.crashesOrHangs === 0) ? 0 : 1)
