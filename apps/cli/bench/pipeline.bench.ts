/**
 * Benchmark: the analyst's whole pipeline through the bundled `cpo`, one fresh process per stage (start-up included),
 * on synthetic councils from Rutland size to national scale: validate a year against last year's return, compute the
 * scorecard, import the year into PGlite (and into PostgreSQL when `PG_URL` is set), write the member report. The
 * stages run one after another as an analyst would run them, so their sum is the end-to-end time.
 *
 * Each stage's wall time, CPU time and peak RSS come from GNU time (`/usr/bin/time`) around the child process; without
 * it only wall time is recorded. Writes docs/benchmarks/pipeline.json.
 *
 *   node bench/pipeline.bench.ts                          # rutland, median, largeCounty, national
 *   node bench/pipeline.bench.ts rutland median           # chosen sizes
 *   CPO_BENCH_RUNS=1 node bench/pipeline.bench.ts median  # fewer runs
 */
import { spawnSync } from "node:child_process"
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs"
import { cpus, loadavg, platform, release, tmpdir, totalmem } from "node:os"
import { join } from "node:path"

const root = join(import.meta.dirname, "..", "..", "..")
const cpo = join(import.meta.dirname, "..", "dist", "cpo.mjs")
const gnuTime = existsSync("/usr/bin/time") ? "/usr/bin/time" : undefined
const year = 2026

/** The councils of issue #12, by children looked after on 31 March of the last year. */
const sizes = {
  rutland: { children: 40, seed: 40, runs: 5 },
  median: { children: 450, seed: 450, runs: 5 },
  largeCounty: { children: 2500, seed: 2500, runs: 3 },
  national: { children: 80_000, seed: 80_000, runs: 1 }
} as const
type Size = keyof typeof sizes

interface Measurement {
  readonly seconds: number
  readonly cpuSeconds?: number
  readonly peakRssMiB?: number
  readonly exitCode: number
}

/** Run `cpo` once; exit codes other than those `ok` allows are a failed benchmark, not a figure. */
const run = (args: ReadonlyArray<string>, env: NodeJS.ProcessEnv, ok: ReadonlyArray<number> = [0]): Measurement => {
  const timeFile = join(tmpdir(), `cpo-bench-time-${process.pid}`)
  const command = gnuTime === undefined ? process.execPath : gnuTime
  const commandArgs =
    gnuTime === undefined
      ? ["--max-old-space-size=4096", cpo, ...args]
      : ["-f", "%e %U %S %M", "-o", timeFile, process.execPath, "--max-old-space-size=4096", cpo, ...args]
  const started = performance.now()
  const child = spawnSync(command, commandArgs, {
    env: { ...process.env, ...env },
    stdio: ["ignore", "ignore", "pipe"],
    maxBuffer: 1 << 26
  })
  const seconds = (performance.now() - started) / 1000
  const exitCode = child.status ?? -1
  if (!ok.includes(exitCode)) {
    throw new Error(`cpo ${args.join(" ")} exited ${exitCode}: ${child.stderr.toString().slice(0, 2000)}`)
  }
  if (gnuTime === undefined) return { seconds, exitCode }
  const [wall, user, system, maxRssKiB] = readFileSync(timeFile, "utf8").trim().split(/\s+/).slice(-4).map(Number)
  rmSync(timeFile, { force: true })
  return {
    seconds: wall ?? seconds,
    cpuSeconds: (user ?? 0) + (system ?? 0),
    peakRssMiB: Math.round((maxRssKiB ?? 0) / 1024),
    exitCode
  }
}

const median = (xs: ReadonlyArray<number>) => {
  const s = [...xs].sort((a, b) => a - b)
  return s.length === 0
    ? Number.NaN
    : s.length % 2 === 1
      ? s[(s.length - 1) / 2]!
      : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2
}
const round = (x: number) => Math.round(x * 1000) / 1000

const benchSize = (size: Size, work: string) => {
  const { children, seed, runs: defaultRuns } = sizes[size]
  const runs = Number(process.env.CPO_BENCH_RUNS ?? defaultRuns)
  const council = `bench-${size.toLowerCase()}`
  const files = join(work, size)
  const generated = run(
    ["synth", "--out", files, "--children", String(children), "--seed", String(seed), "--years", `${year - 1}-${year}`],
    {}
  )
  // The store an analyst keeps: created once here (the first-run cost is its own stage), then each import replaces
  // the year's current return in it, as a monthly refresh does.
  const store = join(work, `${size}-pglite`)
  run(["db", "migrate"], { CPO_DATA_DIR: store, PG_URL: "" })
  const stages: Array<{
    stage: string
    args: () => ReadonlyArray<string>
    env: () => NodeJS.ProcessEnv
    ok?: ReadonlyArray<number>
  }> = [
    {
      stage: "validate (this year + last year's return)",
      args: () => [
        "validate",
        "--input",
        join(files, String(year)),
        "--previous",
        join(files, String(year - 1)),
        "--format",
        "json",
        "--out",
        join(work, `${size}-report.json`)
      ],
      env: () => ({}),
      ok: [0, 1]
    },
    {
      stage: "indicators (scorecard, member audience)",
      args: () => ["indicators", "--input", files, "--year", String(year), "--audience", "member", "--format", "json"],
      env: () => ({})
    },
    {
      stage: "create a PGlite store (first run: initdb and migrations)",
      args: () => ["db", "migrate"],
      env: () => ({ CPO_DATA_DIR: join(work, `${size}-pglite-${Math.random().toString(36).slice(2)}`), PG_URL: "" })
    },
    {
      stage: "import into PGlite (the store exists; the year replaced)",
      args: () => ["import", "--input", files, "--year", String(year), "--council", council],
      env: () => ({ CPO_DATA_DIR: store, PG_URL: "" })
    },
    ...(process.env.PG_URL
      ? [
          {
            stage: "import into PostgreSQL (PG_URL)",
            args: () => ["import", "--input", files, "--year", String(year), "--council", council],
            env: () => ({})
          }
        ]
      : []),
    {
      stage: "member report (HTML)",
      args: () => [
        "report",
        "--input",
        files,
        "--year",
        String(year),
        "--audience",
        "member",
        "--format",
        "html",
        "--out",
        join(work, `${size}-report.html`)
      ],
      env: () => ({})
    }
  ]
  const results = stages.map(({ stage, args, env, ok }) => {
    const measured = Array.from({ length: runs }, () => run(args(), env(), ok))
    const cpu = measured.flatMap((m) => (m.cpuSeconds === undefined ? [] : [m.cpuSeconds]))
    const rss = measured.flatMap((m) => (m.peakRssMiB === undefined ? [] : [m.peakRssMiB]))
    return {
      size,
      children,
      stage,
      runs,
      medianSeconds: round(median(measured.map((m) => m.seconds))),
      minSeconds: round(Math.min(...measured.map((m) => m.seconds))),
      maxSeconds: round(Math.max(...measured.map((m) => m.seconds))),
      ...(cpu.length > 0 ? { medianCpuSeconds: round(median(cpu)) } : {}),
      ...(rss.length > 0 ? { peakRssMiB: Math.max(...rss) } : {})
    }
  })
  const endToEnd = results.filter(
    (r) =>
      r.stage.startsWith("validate") ||
      r.stage.startsWith("indicators") ||
      r.stage.startsWith("import into PGlite") ||
      r.stage.startsWith("member report")
  )
  results.push({
    size,
    children,
    stage: "end to end: validate + indicators + import (existing PGlite store) + report",
    runs,
    medianSeconds: round(endToEnd.reduce((n, r) => n + r.medianSeconds, 0)),
    minSeconds: round(endToEnd.reduce((n, r) => n + r.minSeconds, 0)),
    maxSeconds: round(endToEnd.reduce((n, r) => n + r.maxSeconds, 0)),
    ...(endToEnd.every((r) => r.medianCpuSeconds !== undefined)
      ? { medianCpuSeconds: round(endToEnd.reduce((n, r) => n + (r.medianCpuSeconds ?? 0), 0)) }
      : {}),
    ...(endToEnd.every((r) => r.peakRssMiB !== undefined)
      ? { peakRssMiB: Math.max(...endToEnd.map((r) => r.peakRssMiB ?? 0)) }
      : {})
  })
  process.stderr.write(`${size}: generated in ${generated.seconds.toFixed(1)} s; ${results.length} stages measured\n`)
  return { generationSeconds: round(generated.seconds), results }
}

if (!existsSync(cpo)) throw new Error(`build the CLI first (pnpm --filter @cpo/cli build): ${cpo} is missing`)
const chosen = (process.argv.slice(2).length > 0 ? process.argv.slice(2) : Object.keys(sizes)) as Array<Size>
for (const size of chosen)
  if (!(size in sizes)) throw new Error(`unknown size ${size}: one of ${Object.keys(sizes).join(", ")}`)
const work = mkdtempSync(join(tmpdir(), "cpo-pipeline-bench-"))
const loadAtStart = loadavg()[0] ?? 0
try {
  const bySize = chosen.map((size) => ({ size, ...benchSize(size, work) }))
  const out = {
    benchmark: "the analyst's pipeline through the bundled cpo: validate, indicators, import, member report",
    date: new Date().toISOString(),
    machine: {
      cpu: cpus()[0]?.model.trim(),
      cores: cpus().length,
      memoryGiB: Math.round((totalmem() / 2 ** 30) * 10) / 10,
      platform: `${platform()} ${release()}`,
      node: process.version,
      loadAverage1mAtStart: Math.round(loadAtStart * 10) / 10,
      loadAverage1mAtEnd: Math.round((loadavg()[0] ?? 0) * 10) / 10
    },
    dataset: `cpo synth (synthetic, never real data): ${year - 1} and ${year} returns per size; seeds ${chosen.map((s) => `${s} ${sizes[s].seed}`).join(", ")}`,
    method:
      "each stage a fresh `node dist/cpo.mjs` process (start-up included) timed by GNU time; median of the runs; end to end is the sum of the stage medians",
    generationSeconds: Object.fromEntries(bySize.map((s) => [s.size, s.generationSeconds])),
    results: bySize.flatMap((s) => s.results)
  }
  mkdirSync(join(root, "docs", "benchmarks"), { recursive: true })
  writeFileSync(join(root, "docs", "benchmarks", "pipeline.json"), `${JSON.stringify(out, null, 2)}\n`)
  process.stdout.write(`${JSON.stringify(out.results, null, 2)}\n`)
} finally {
  rmSync(work, { recursive: true, force: true })
}
