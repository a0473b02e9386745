/**
 * Time every indicator of the catalogue on a national-scale synthetic year (about 80,000 children looked after at
 * 31 March, as England) and record the run in `docs/benchmarks/indicators.json` (composed into docs/benchmarks.md by
 * scripts/benchmarks.ts). Target (issue 5): all indicators within 2 s on top of parsing.
 */
import { mkdirSync, writeFileSync } from "node:fs"
import { cpus, loadavg, totalmem } from "node:os"
import { join } from "node:path"
import { Option } from "effect"
import { ChildHistory, Indicator, Scorecard } from "../src/index.ts"
import { fakeReturn } from "../test/council.ts"

const runs = 3
const targetSeconds = 2
const seconds = (from: number) => (performance.now() - from) / 1000
// CPU time of this process: on a shared 2-core machine wall time also counts other people's work.
const cpuSeconds = (from: NodeJS.CpuUsage) => {
  const used = process.cpuUsage(from)
  return (used.user + used.system) / 1e6
}
const median = (xs: ReadonlyArray<number>) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!
const round = (x: number) => Math.round(x * 1000) / 1000

// A fixed workload timed the same way, so a run on a busy machine can be read against one on a quiet machine.
const calibrate = () => {
  const keys = Array.from({ length: 190_000 }, (_, i) => `K${i}`)
  const t = performance.now()
  const groups = new Map<string, Array<number>>()
  for (let i = 0; i < 550_000; i++) {
    const k = keys[i % keys.length]!
    const list = groups.get(k)
    if (list === undefined) groups.set(k, [i])
    else list.push(i)
  }
  return round(seconds(t))
}
const calibrationBefore = calibrate()
const generating = performance.now()
const ret = fakeReturn({ seed: 2018, children: 190_000, year: 2018 })
const generationSeconds = seconds(generating)
const tables = new Set(["children", "episodes", "reviews", "uasc", "healthOutcomes", "careLeavers", "missing"] as const)

const indexTimes: Array<number> = []
const measureTimes: Array<number> = []
const scorecardTimes: Array<number> = []
const cpuTimes: Array<number> = []
let claAt31March = 0
for (let i = 0; i < runs; i++) {
  const c0 = process.cpuUsage()
  const t0 = performance.now()
  const histories = ChildHistory.index(ret)
  indexTimes.push(seconds(t0))
  const inputs: Indicator.Inputs = { year: ret.year, histories, tables, population: Option.some(12_000_000) }
  const t1 = performance.now()
  const results = Indicator.measureAll(inputs)
  measureTimes.push(seconds(t1))
  cpuTimes.push(cpuSeconds(c0))
  claAt31March = Option.getOrElse(results[0]!.measurement.value, () => 0)
  const t2 = performance.now()
  Scorecard.make({ council: "England (synthetic)", audience: "member", inputs })
  scorecardTimes.push(seconds(t2))
}

const total = indexTimes.map((t, i) => t + measureTimes[i]!)
const report = {
  benchmark: "Indicator.measureAll: all 35 indicators of the catalogue for one national-scale 903 year",
  date: new Date().toISOString(),
  machine: {
    cpu: cpus()[0]?.model ?? "unknown",
    cores: cpus().length,
    memoryGiB: Math.round((totalmem() / 2 ** 30) * 10) / 10,
    platform: `${process.platform} ${process.release.name}`,
    node: process.version
  },
  dataset: {
    source: "packages/domain/test/council.ts (plainly fake, seed 2018)",
    children: ret.children.length,
    episodes: ret.episodes.length,
    claAt31March,
    generationSeconds: round(generationSeconds)
  },
  loadAverage1m: Math.round(loadavg()[0]! * 10) / 10,
  calibrationSeconds: {
    workload: "group 550,000 numbers by 190,000 string keys in a Map",
    before: calibrationBefore,
    after: calibrate()
  },
  method: `${runs} runs; index = ChildHistory.index (once per return), measure = Indicator.measureAll (cohorts shared), scorecard = Scorecard.make with member suppression; parsing excluded`,
  results: [
    {
      step: "index histories",
      medianSeconds: round(median(indexTimes)),
      minSeconds: round(Math.min(...indexTimes)),
      maxSeconds: round(Math.max(...indexTimes))
    },
    {
      step: "measure all indicators",
      medianSeconds: round(median(measureTimes)),
      minSeconds: round(Math.min(...measureTimes)),
      maxSeconds: round(Math.max(...measureTimes))
    },
    {
      step: "scorecard (member)",
      medianSeconds: round(median(scorecardTimes)),
      minSeconds: round(Math.min(...scorecardTimes)),
      maxSeconds: round(Math.max(...scorecardTimes))
    },
    {
      step: "index + measure",
      medianSeconds: round(median(total)),
      minSeconds: round(Math.min(...total)),
      maxSeconds: round(Math.max(...total)),
      targetSeconds,
      meetsTarget: median(total) <= targetSeconds
    },
    {
      step: "index + measure, CPU time of this process",
      medianSeconds: round(median(cpuTimes)),
      minSeconds: round(Math.min(...cpuTimes)),
      maxSeconds: round(Math.max(...cpuTimes)),
      targetSeconds,
      meetsTarget: median(cpuTimes) <= targetSeconds
    }
  ]
}
const dir = join(import.meta.dirname, "..", "..", "..", "docs", "benchmarks")
mkdirSync(dir, { recursive: true })
writeFileSync(join(dir, "indicators.json"), `${JSON.stringify(report, null, 2)}\n`)
process.stdout.write(`${JSON.stringify(report.results, null, 2)}\nwrote docs/benchmarks/indicators.json\n`)
