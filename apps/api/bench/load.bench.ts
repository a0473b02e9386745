/**
 * Load over loopback, as a council deploys the API: `load.server.ts` in its own process (Node API on
 * `@hono/node-server`, the synthetic median council in PGlite), driven from this process.
 *
 * (a) Throughput: `autocannon`, 50 connections, the warm scorecard route against a bare Hono JSON route on the same
 *     server, alternately, `runs` times. Targets: the scorecard at ≥ 50 % of the bare route's requests per second,
 *     and its p99 latency under 25 ms.
 * (b) Soak: a mixed load of bounded request loops (each loop waits for its answer before the next request) — reads of
 *     the scorecard, a cohort profile and the local offer, uploads of a return with errors to the validation route,
 *     and priority updates — sampling the server's resident memory every second. Targets: no 5xx, resident memory
 *     growing < 10 % after the warm-up, and afterwards every priority update answered 201 is in the priority's
 *     history.
 *
 * `node bench/load.bench.ts` (60 s soak, 3 × 10 s throughput runs; writes `docs/benchmarks/api.json`) or
 * `node bench/load.bench.ts --quick` (20 s soak, 1 × 5 s runs; prints only). `--notes=<text>` records what else the
 * machine was doing.
 */
import { type ChildProcess, spawn } from "node:child_process"
import * as Fs from "node:fs"
import * as Os from "node:os"
import { createInterface } from "node:readline"
import { Synth } from "@cpo/synth"
import autocannon from "autocannon"
import { issueToken } from "../src/auth.ts"
import { secret } from "../src/testing.ts"

const quick = process.argv.includes("--quick")
const settings = quick
  ? { runs: 1, runSeconds: 5, soakSeconds: 20, warmupSeconds: 5 }
  : { runs: 3, runSeconds: 10, soakSeconds: 60, warmupSeconds: 10 }
const connections = 50
const soakLoops = 16
const year = 2026

/** The server's resident set in MiB, from /proc (Linux). */
const rssMiB = (pid: number): number => {
  const status = Fs.readFileSync(`/proc/${pid}/status`, "utf8")
  const kib = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? Number.NaN)
  return Math.round((kib / 1024) * 10) / 10
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

const MiB = (bytes: number) => Math.round((bytes / 1024 ** 2) * 10) / 10

/** Answers awaited from the server, in the order asked (it answers in order). */
const waiting: Array<(usage: NodeJS.MemoryUsage) => void> = []

/** The server's `process.memoryUsage()`, asked over IPC (after a full collection when `afterGc`). */
const memoryOf = (child: ChildProcess, afterGc = false): Promise<NodeJS.MemoryUsage> =>
  new Promise((resolve) => {
    waiting.push(resolve)
    child.send(afterGc ? "memory-after-gc" : "memory")
  })

const median = (xs: ReadonlyArray<number>) => {
  const sorted = [...xs].sort((a, b) => a - b)
  const mid = Math.floor(sorted.length / 2)
  return sorted.length % 2 === 1 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2
}
const summary = (xs: ReadonlyArray<number>) => ({
  median: Math.round(median(xs) * 10) / 10,
  min: Math.round(Math.min(...xs) * 10) / 10,
  max: Math.round(Math.max(...xs) * 10) / 10
})

/** Start the server process and wait for its port. */
const startServer = async (): Promise<{ child: ChildProcess; port: number; council: string; children: number }> => {
  const child = spawn(process.execPath, ["--expose-gc", new URL("./load.server.ts", import.meta.url).pathname], {
    stdio: ["ignore", "pipe", "inherit", "ipc"]
  })
  const lines = createInterface({ input: child.stdout as NodeJS.ReadableStream })
  for await (const line of lines) {
    const ready = JSON.parse(line) as { port: number; council: string; children: number }
    return { child, ...ready }
  }
  throw new Error("the server ended before listening")
}

const loadStart = Os.loadavg()
const started = performance.now()
const server = await startServer()
const setupSeconds = Math.round((performance.now() - started) / 100) / 10
const pid = server.child.pid ?? 0
server.child.on("message", (usage) => waiting.shift()?.(usage as NodeJS.MemoryUsage))
const base = `http://127.0.0.1:${server.port}`
const token = await issueToken({
  secret,
  subject: "bench@load",
  role: "officer",
  councils: [server.council as never],
  expiresIn: "2h"
})
const auth = { authorization: `Bearer ${token}` }
const scorecardPath = `/v1/councils/${server.council}/indicators?year=${year}`

// Warm the scorecard cache and the JIT before measuring.
for (let i = 0; i < 20; i++) await (await fetch(`${base}${scorecardPath}`, { headers: auth })).arrayBuffer()

/** One autocannon run against `path`. */
const cannon = async (path: string, headers: Record<string, string>) => {
  const result = await autocannon({ url: `${base}${path}`, connections, duration: settings.runSeconds, headers })
  return {
    requestsPerSecond: result.requests.average,
    p50ms: result.latency.p50,
    p99ms: result.latency.p99,
    non2xx: result.non2xx,
    errors: result.errors
  }
}

const bareRuns: Array<Awaited<ReturnType<typeof cannon>>> = []
const scorecardRuns: Array<Awaited<ReturnType<typeof cannon>>> = []
for (let run = 0; run < settings.runs; run++) {
  bareRuns.push(await cannon("/bare", {}))
  scorecardRuns.push(await cannon(scorecardPath, auth))
}
const ratios = scorecardRuns.map((s, i) => s.requestsPerSecond / (bareRuns[i]?.requestsPerSecond ?? Number.NaN))
const throughput = {
  connections,
  runs: settings.runs,
  secondsPerRun: settings.runSeconds,
  bare: {
    path: "GET /bare (Hono JSON, same app and middleware, no credential)",
    requestsPerSecond: summary(bareRuns.map((r) => r.requestsPerSecond)),
    p99ms: summary(bareRuns.map((r) => r.p99ms)),
    non2xx: bareRuns.reduce((n, r) => n + r.non2xx + r.errors, 0)
  },
  scorecard: {
    path: `GET ${scorecardPath} (officer bearer token, warm cache)`,
    requestsPerSecond: summary(scorecardRuns.map((r) => r.requestsPerSecond)),
    p50ms: summary(scorecardRuns.map((r) => r.p50ms)),
    p99ms: summary(scorecardRuns.map((r) => r.p99ms)),
    non2xx: scorecardRuns.reduce((n, r) => n + r.non2xx + r.errors, 0)
  },
  ratio: summary(ratios.map((r) => Math.round(r * 1000) / 1000)),
  targets: { ratioAtLeast: 0.5, p99BelowMs: 25 }
}
const throughputMet = median(ratios) >= 0.5 && median(scorecardRuns.map((r) => r.p99ms)) < 25

// (b) The soak.
const latest = Synth.generate(Synth.presets.median).returns.at(-1)
if (latest === undefined) throw new Error("the synthetic council has no return")
const codes = Synth.supportedErrorCodes.filter((code) => Synth.isSupported(code, year)).slice(0, 4)
const withErrors = Synth.injectErrors(latest, { errors: codes.map((code) => ({ code, count: 2 })), seed: 12 })
const uploadFiles = Synth.toCsvFiles(withErrors.return)
const uploadBytes = uploadFiles.reduce((n, f) => n + Buffer.byteLength(f.content), 0)

type Operation = { readonly name: string; readonly weight: number; readonly send: (n: number) => Promise<Response> }
const operations: ReadonlyArray<Operation> = [
  { name: "scorecard", weight: 35, send: () => fetch(`${base}${scorecardPath}`, { headers: auth }) },
  {
    name: "cohort",
    weight: 20,
    send: () => fetch(`${base}/v1/councils/${server.council}/cohorts?year=${year}&by=age_band,sex`, { headers: auth })
  },
  { name: "offer", weight: 20, send: () => fetch(`${base}/v1/councils/${server.council}/offer`) },
  {
    name: "validation upload",
    weight: 5,
    send: () => {
      const form = new FormData()
      for (const f of uploadFiles) form.append("files", new File([f.content], f.name, { type: "text/csv" }))
      return fetch(`${base}/v1/councils/${server.council}/returns/${year}/validation`, {
        method: "POST",
        body: form,
        headers: auth
      })
    }
  },
  {
    name: "priority update",
    weight: 20,
    send: (n) =>
      fetch(`${base}/v1/councils/${server.council}/priorities/P1/updates`, {
        method: "POST",
        body: JSON.stringify({ on: "2026-01-15", rag: "amber", commentary: `soak update ${n}` }),
        headers: { ...auth, "content-type": "application/json" }
      })
  }
]
const totalWeight = operations.reduce((n, o) => n + o.weight, 0)
const pick = (n: number): Operation => {
  // A fixed interleaving (no randomness): the n-th request of the soak takes the operation its slot falls in.
  let slot = (n * 37) % totalWeight
  for (const o of operations) {
    if (slot < o.weight) return o
    slot -= o.weight
  }
  return operations[0] as Operation
}

const counts = new Map<string, { requests: number; byStatus: Record<string, number>; latencies: Array<number> }>()
let sent = 0
let updatesCreated = 0
let fiveHundreds = 0
const rss: Array<{ second: number; rssMiB: number; heapUsedMiB: number; arrayBuffersMiB: number }> = []
const soakStart = performance.now()
const soakEnd = soakStart + settings.soakSeconds * 1000
const sampler = setInterval(() => {
  const second = Math.round((performance.now() - soakStart) / 1000)
  const resident = rssMiB(pid)
  void memoryOf(server.child).then((usage) =>
    rss.push({ second, rssMiB: resident, heapUsedMiB: MiB(usage.heapUsed), arrayBuffersMiB: MiB(usage.arrayBuffers) })
  )
}, 1000)
const loop = async () => {
  while (performance.now() < soakEnd) {
    const n = sent++
    const operation = pick(n)
    const t0 = performance.now()
    const res = await operation.send(n)
    await res.arrayBuffer()
    const entry = counts.get(operation.name) ?? { requests: 0, byStatus: {}, latencies: [] }
    entry.requests++
    entry.byStatus[res.status] = (entry.byStatus[res.status] ?? 0) + 1
    entry.latencies.push(performance.now() - t0)
    counts.set(operation.name, entry)
    if (res.status >= 500) fiveHundreds++
    if (operation.name === "priority update" && res.status === 201) updatesCreated++
  }
}
const rssAtStart = rssMiB(pid)
// The live heap once warmed up and at the end: the difference is what the soak retained.
const liveAfterWarmup = sleep(settings.warmupSeconds * 1000).then(() => memoryOf(server.child, true))
await Promise.all(Array.from({ length: soakLoops }, loop))
const liveAtWarmup = await liveAfterWarmup
clearInterval(sampler)
rss.sort((a, b) => a.second - b.second)

const liveAtEnd = await memoryOf(server.child, true)
const history = (await (
  await fetch(`${base}/v1/councils/${server.council}/priorities/P1/updates`, { headers: auth })
).json()) as { updates: Array<{ commentary: string }> }
const updatesStored = history.updates.filter((u) => u.commentary.startsWith("soak update ")).length

const afterWarmup = rss.filter((s) => s.second >= settings.warmupSeconds)
const warm = afterWarmup[0]?.rssMiB ?? rssAtStart
const lastFive = afterWarmup.slice(-5).map((s) => s.rssMiB)
const settled = median(lastFive)
const growthPercent = Math.round(((settled - warm) / warm) * 1000) / 10
const heapAfterWarmup = afterWarmup[0]?.heapUsedMiB ?? 0
const heapSettled = median(afterWarmup.slice(-5).map((s) => s.heapUsedMiB))
const peakRssMiB = Math.max(...rss.map((s) => s.rssMiB))
const soak = {
  seconds: settings.soakSeconds,
  warmupSeconds: settings.warmupSeconds,
  loops: soakLoops,
  requests: sent,
  requestsPerSecond: Math.round(sent / settings.soakSeconds),
  operations: [...counts.entries()].map(([name, c]) => {
    const sorted = [...c.latencies].sort((a, b) => a - b)
    const at = (q: number) =>
      Math.round((sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * q))] ?? 0) * 10) / 10
    return { name, requests: c.requests, byStatus: c.byStatus, p50ms: at(0.5), p99ms: at(0.99) }
  }),
  uploadBytes,
  injectedErrorCodes: codes,
  serverErrors: fiveHundreds,
  rssMiB: { atStart: rssAtStart, afterWarmup: warm, settled, growthPercent, peak: peakRssMiB, samples: rss.length },
  heapUsedMiB: {
    afterWarmup: heapAfterWarmup,
    settled: heapSettled,
    growthPercent: Math.round(((heapSettled - heapAfterWarmup) / heapAfterWarmup) * 1000) / 10
  },
  liveHeapMiB: {
    method: "heapUsed after a full collection (--expose-gc), at the end of the warm-up and after the soak",
    afterWarmup: MiB(liveAtWarmup.heapUsed),
    end: MiB(liveAtEnd.heapUsed),
    growthPercent: Math.round(((liveAtEnd.heapUsed - liveAtWarmup.heapUsed) / liveAtWarmup.heapUsed) * 1000) / 10
  },
  arrayBuffersMiB: {
    afterWarmup: afterWarmup[0]?.arrayBuffersMiB ?? 0,
    settled: median(afterWarmup.slice(-5).map((s) => s.arrayBuffersMiB))
  },
  rssEverySecond: rss.map((s) => s.rssMiB),
  priorityUpdates: { answered201: updatesCreated, inHistory: updatesStored },
  targets: { serverErrors: 0, rssGrowthBelowPercent: 10, everyWritePresent: true }
}
const soakMet = fiveHundreds === 0 && growthPercent < 10 && updatesStored === updatesCreated

server.child.kill("SIGTERM")
const loadEnd = Os.loadavg()

const cpu = Os.cpus()[0]?.model ?? "unknown"
const report = {
  benchmark: "API over loopback (autocannon): warm scorecard vs bare route, and a mixed soak",
  date: new Date().toISOString(),
  machine: {
    cpu,
    cores: Os.cpus().length,
    memoryGiB: Math.round((Os.totalmem() / 1024 ** 3) * 10) / 10,
    platform: `${Os.platform()} ${Os.release()}`,
    node: process.version
  },
  dataset: {
    source: "@cpo/synth presets.median (synthetic, seed 450): 2024–2026 returns in in-memory PGlite",
    childrenLookedAfterAt31March: server.children,
    setupSeconds
  },
  method: `server in its own process (@hono/node-server on 127.0.0.1, logging off); ${quick ? "--quick" : "full run"}`,
  loadAverage: {
    atStart: loadStart.map((l) => Math.round(l * 10) / 10),
    atEnd: loadEnd.map((l) => Math.round(l * 10) / 10)
  },
  peakRssMiB,
  throughput: { ...throughput, meetsTarget: throughputMet },
  soak: { ...soak, meetsTarget: soakMet },
  notes: process.argv.find((a) => a.startsWith("--notes="))?.slice("--notes=".length) ?? ""
}
const text = `${JSON.stringify(report, null, 2)}\n`
process.stdout.write(text)
if (!quick) Fs.writeFileSync(new URL("../../../docs/benchmarks/api.json", import.meta.url), text)
process.exit(0)
