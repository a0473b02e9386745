/**
 * Benchmark: parse + every rule on synthetic median (≈ 450 children looked after) and national (≈ 80,000) years.
 * The parent generates each council with `@cpo/synth`, writes its CSV files to a temporary folder, then runs itself
 * as a child process per measurement, so that the child's peak RSS and wall time are those of reading and validating
 * only (start-up included), not of generating. Prints the results as JSON and writes docs/benchmarks/ssda903.json.
 *
 *   node bench/validate.bench.ts            # both sizes
 *   node bench/validate.bench.ts median     # one size
 */
import { spawnSync } from "node:child_process"
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs"
import { cpus, freemem, loadavg, platform, release, tmpdir, totalmem } from "node:os"
import { join } from "node:path"
import { ReportingYear } from "@cpo/domain"
import { Synth } from "@cpo/synth"
import { Effect } from "effect"
import { Registry, type Rule, Validation } from "../src/index.ts"
import { readYear } from "./read-year.ts"

const self = import.meta.filename
const mib = (kib: number) => Math.round(kib / 1024)

/** Child: read and validate `<dir>/<year>` (with `<dir>/<year-1>` as last year's return) and report. */
const measure = async (dir: string, yearEnding: number, timeRules: boolean) => {
  const cpuNow = () => {
    const c = process.cpuUsage()
    return (c.user + c.system) / 1e6
  }
  const started = performance.now()
  const cpuStarted = cpuNow()
  const year = ReportingYear.make(yearEnding)
  const decoded = await Effect.runPromise(readYear(join(dir, String(yearEnding)), year))
  const previous = await Effect.runPromise(
    readYear(join(dir, String(yearEnding - 1)), ReportingYear.previous(year), Validation.previousTables)
  )
  const parsed = performance.now()
  const cpuParsed = cpuNow()
  const report = Validation.validate(decoded, { previous })
  const done = performance.now()
  const cpuDone = cpuNow()
  const peakRssMiB = mib(process.resourceUsage().maxRSS)
  const cpu = process.cpuUsage()
  // With `--rule-times`, each rule's check is then timed (wall and CPU) by a wrapper, in a second pass outside the
  // figures above: wrapped, a rule runs over the whole return on its own (one rule after another, not child by child
  // as `validate` runs them), so these times are each rule's cost alone, a little more than its share of the pass.
  const ruleTimes: Array<{ code: string; ms: number; cpuMs: number; hits: number }> = []
  const rules = Registry.forYear(year).map(
    (rule): Rule.Rule => ({
      ...rule,
      check: (ctx) => {
        const t = performance.now()
        const c = cpuNow()
        const hits = rule.check(ctx)
        ruleTimes.push({
          code: rule.code,
          ms: performance.now() - t,
          cpuMs: (cpuNow() - c) * 1000,
          hits: hits.length
        })
        return hits
      }
    })
  )
  if (timeRules) Validation.validate(decoded, { previous, rules })
  const rows = Object.values(decoded.sources).reduce((n, t) => n + (t?.rows.length ?? 0), 0)
  process.stdout.write(
    JSON.stringify({
      parseSeconds: (parsed - started) / 1000,
      rulesSeconds: (done - parsed) / 1000,
      // CPU time includes V8's garbage-collection helper threads, so it can exceed wall time on an idle machine.
      parseCpuSeconds: cpuParsed - cpuStarted,
      rulesCpuSeconds: cpuDone - cpuParsed,
      seconds: (done - started) / 1000,
      // CPU time is the steadier figure on a shared machine: wall time stretches when other work holds the cores.
      cpuSeconds: (cpu.user + cpu.system) / 1e6,
      peakRssMiB,
      children: decoded.return.children.length,
      episodes: decoded.return.episodes.length,
      rows,
      rules: report.rules.length,
      errors: report.errors.length,
      rulesCpuSecondsSum: ruleTimes.reduce((n, r) => n + r.cpuMs, 0) / 1000,
      slowestRules: [...ruleTimes].sort((a, b) => b.cpuMs - a.cpuMs).slice(0, 10)
    })
  )
}

interface Size {
  readonly name: "median" | "national"
  readonly runs: number
  readonly targetSeconds: number
  readonly targetRssMiB: number
}

const sizes: ReadonlyArray<Size> = [
  { name: "median", runs: 5, targetSeconds: 1, targetRssMiB: 1536 },
  // Five runs: on a machine whose speed varies by ±20 % from minute to minute, the median of five is the steadier figure.
  { name: "national", runs: 5, targetSeconds: 5, targetRssMiB: 1536 }
]

const median = (xs: ReadonlyArray<number>) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? Number.NaN
const round = (x: number, places = 2) => Math.round(x * 10 ** places) / 10 ** places

const bench = (size: Size) => {
  const preset = Synth.presets[size.name]
  const generationStart = performance.now()
  const council = Synth.generate(preset)
  const dir = mkdtempSync(join(tmpdir(), `cpo-bench-903-${size.name}-`))
  let bytes = 0
  for (const ret of council.returns.slice(-2)) {
    const folder = join(dir, String(ret.year))
    mkdirSync(folder, { recursive: true })
    for (const f of Synth.toCsvFiles(ret)) {
      writeFileSync(join(folder, f.name), f.content)
      if (ret.year === preset.years.to) bytes += Buffer.byteLength(f.content)
    }
  }
  const generationSeconds = (performance.now() - generationStart) / 1000
  interface Measured {
    readonly [figure: string]: number
  }
  interface RuleTime {
    readonly code: string
    readonly ms: number
    readonly cpuMs: number
    readonly hits: number
  }
  const runs: Array<{ wall: number; result: Measured; slowestRules: ReadonlyArray<RuleTime> }> = []
  try {
    // The timed runs, then one more timing each rule on its own (slower, so kept out of the figures).
    for (let i = 0; i <= size.runs; i++) {
      const t0 = performance.now()
      const timeRules = i === size.runs ? ["--rule-times"] : []
      const child = spawnSync(process.execPath, [self, "--measure", dir, String(preset.years.to), ...timeRules], {
        encoding: "utf8",
        maxBuffer: 1 << 24
      })
      const wall = (performance.now() - t0) / 1000
      if (child.status !== 0) throw new Error(`measurement failed: ${child.stderr}`)
      const { slowestRules, ...result } = JSON.parse(child.stdout) as Measured & {
        slowestRules: ReadonlyArray<RuleTime>
      }
      runs.push({ wall, result, slowestRules })
    }
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
  const ruleTimesRun = runs.pop()!
  const first = runs[0]!.result
  const seconds = runs.map((r) => r.result.seconds!)
  const peak = Math.max(...runs.map((r) => r.result.peakRssMiB!))
  return {
    size: size.name,
    council: preset.council,
    year: preset.years.to,
    children: first.children,
    episodes: first.episodes,
    rowsAllTables: first.rows,
    csvMiB: round(bytes / 1024 / 1024, 1),
    rulesInForce: first.rules,
    validationErrors: first.errors,
    runs: size.runs,
    generationSeconds: round(generationSeconds),
    medianParseSeconds: round(median(runs.map((r) => r.result.parseSeconds!))),
    medianRulesSeconds: round(median(runs.map((r) => r.result.rulesSeconds!))),
    medianParseCpuSeconds: round(median(runs.map((r) => r.result.parseCpuSeconds!))),
    medianRulesCpuSeconds: round(median(runs.map((r) => r.result.rulesCpuSeconds!))),
    medianSeconds: round(median(seconds)),
    medianCpuSeconds: round(median(runs.map((r) => r.result.cpuSeconds!))),
    minSeconds: round(Math.min(...seconds)),
    maxSeconds: round(Math.max(...seconds)),
    // Time inside the rules' own checks, each rule run on its own (see `measure`), as opposed to indexing the return
    // and gathering the report.
    rulesOwnCpuSeconds: round(ruleTimesRun.result.rulesCpuSecondsSum!),
    medianWallSecondsWithStartup: round(median(runs.map((r) => r.wall))),
    peakRssMiB: peak,
    targetSeconds: size.targetSeconds,
    targetRssMiB: size.targetRssMiB,
    meetsTarget:
      (size.name === "median" ? median(runs.map((r) => r.wall)) : median(seconds)) <= size.targetSeconds &&
      peak <= size.targetRssMiB,
    /** The ten rules taking most CPU time when timed one by one (an extra run), with their wall time and hits. */
    slowestRules: ruleTimesRun.slowestRules.map((r) => ({
      code: r.code,
      cpuMs: round(r.cpuMs, 1),
      wallMs: round(r.ms, 1),
      hits: r.hits
    }))
  }
}

if (process.argv[2] === "--measure") {
  await measure(process.argv[3]!, Number(process.argv[4]), process.argv[5] === "--rule-times")
} else {
  const only = process.argv[2]
  const chosen = sizes.filter((s) => only === undefined || s.name === only)
  if (chosen.length === 0) throw new Error(`unknown size ${only}; choose median or national`)
  const loadAverage1mAtStart = round(loadavg()[0] ?? 0, 1)
  const results = chosen.map(bench)
  const doc = {
    benchmark:
      "SSDA903 codec and validation: parse a year's CSV files (streamed) plus last year's, then run every rule in force",
    date: new Date().toISOString(),
    machine: {
      cpu: cpus()[0]?.model ?? "unknown",
      cores: cpus().length,
      memoryGiB: round(totalmem() / 1024 ** 3, 1),
      freeMemoryGiB: round(freemem() / 1024 ** 3, 1),
      // The machine is shared: a load average above the core count stretches every wall-clock figure below.
      loadAverage1mAtStart,
      loadAverage1mAtEnd: round(loadavg()[0] ?? 0, 1),
      platform: `${platform()} ${release()}`,
      node: process.version
    },
    dataset: "@cpo/synth presets (synthetic, never real data); the last two years of each are written as CSV",
    method:
      "each run is a fresh node process reading the files from disk as Web streams; seconds = read + decode + index + rules, measured inside the process; wall time includes Node start-up and module loading; peak RSS is the process's maxRSS",
    results
  }
  const out = join(import.meta.dirname, "..", "..", "..", "docs", "benchmarks", "ssda903.json")
  writeFileSync(out, `${JSON.stringify(doc, null, 2)}\n`)
  process.stdout.write(`${JSON.stringify(doc, null, 2)}\n`)
}
