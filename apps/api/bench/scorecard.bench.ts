/**
 * In-process cost of the warm scorecard route against a bare Hono route, on a synthetic council of 450 children
 * (`@cpo/synth`) in an in-memory PGlite store. It measures the app (routing, auth, validation, cache, encoding), not
 * the network, and reports **CPU milliseconds per 1,000 requests** (`process.cpuUsage`), which stays steady on a
 * shared, loaded machine where requests per second do not.
 *
 * Three routes, each in `rounds` interleaved rounds of `requests` requests at `concurrency` in flight:
 * - `bare`: `GET /bare` on a plain `new Hono()` (no middleware) — the floor;
 * - `health`: `GET /health` through the API's own middleware (request id, log line, authentication), no credential;
 * - `scorecard`: `GET /v1/councils/:council/indicators?year=2026` with an officer's bearer token, warm cache.
 *
 * `node bench/scorecard.bench.ts [--rounds=5] [--requests=4000] [--concurrency=50] [--profile=<file.cpuprofile>]`
 * (`--profile` records a V8 CPU profile of the scorecard rounds only, for `chrome://inspect` or speedscope).
 */
import * as Fs from "node:fs"
import { Session } from "node:inspector/promises"
import * as Os from "node:os"
import { type Council, Returns } from "@cpo/domain"
import { Synth } from "@cpo/synth"
import { Effect, Option } from "effect"
import { Hono } from "hono"
import { makeApp } from "../src/app.ts"
import { makeRuntime } from "../src/runtime.ts"
import { bearer, secret } from "../src/testing.ts"

const flag = (name: string): string | undefined =>
  process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3)
const rounds = Number(flag("rounds") ?? 5)
const requests = Number(flag("requests") ?? 4000)
const concurrency = Number(flag("concurrency") ?? 50)
const profileTo = flag("profile")

const council: Council.Council = {
  id: "bench-borough" as Council.CouncilId,
  name: "Bench Borough",
  localAuthorityCode: Option.none()
}
const synthetic = Synth.generate({ seed: 1, council: council.name, children: 450, years: { from: 2026, to: 2026 } })

const runtime = makeRuntime({})
await runtime.runPromise(
  Effect.gen(function* () {
    const returns = yield* Returns.Returns
    yield* returns.saveCouncil(council)
    for (const ret of synthetic.returns) yield* returns.importReturn(council.id, ret, `bench-${ret.year}`)
  })
)
const app = makeApp({ runtime, jwtSecret: secret, log: () => {} })
const bareApp = new Hono().get("/bare", (c) => c.json({ ok: true }))
const headers = await bearer("officer", [council.id])
const scorecardPath = `/v1/councils/${council.id}/indicators?year=2026`

type Target = { readonly name: string; readonly send: () => Response | Promise<Response> }
const targets: ReadonlyArray<Target> = [
  { name: "bare", send: () => bareApp.request("/bare") },
  { name: "health", send: () => app.request("/health") },
  { name: "scorecard", send: () => app.request(scorecardPath, { headers }) }
]

/** One round: `requests` requests at `concurrency` in flight; CPU and wall time per 1,000, and latency quantiles. */
const round = async (target: Target) => {
  const latencies: Array<number> = []
  let failures = 0
  let sent = 0
  const worker = async () => {
    while (sent < requests) {
      sent++
      const started = performance.now()
      const res = await target.send()
      await res.arrayBuffer()
      if (res.status !== 200) failures++
      latencies.push(performance.now() - started)
    }
  }
  const cpuBefore = process.cpuUsage()
  const wallBefore = performance.now()
  await Promise.all(Array.from({ length: concurrency }, worker))
  const wall = performance.now() - wallBefore
  const cpu = process.cpuUsage(cpuBefore)
  latencies.sort((a, b) => a - b)
  const at = (q: number) => latencies[Math.min(latencies.length - 1, Math.floor(latencies.length * q))] ?? 0
  return {
    cpuMsPer1k: ((cpu.user + cpu.system) / 1000 / latencies.length) * 1000,
    wallMsPer1k: (wall / latencies.length) * 1000,
    p50ms: at(0.5),
    p99ms: at(0.99),
    failures
  }
}

const median = (xs: ReadonlyArray<number>) => {
  const sorted = [...xs].sort((a, b) => a - b)
  const mid = Math.floor(sorted.length / 2)
  return sorted.length % 2 === 1 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2
}
const round1 = (x: number) => Math.round(x * 10) / 10

// Warm-up: fill the scorecard cache and let the JIT settle on every path.
for (const target of targets) await round(target)
const scorecardBytes = (await (await app.request(scorecardPath, { headers })).arrayBuffer()).byteLength

const session = new Session()
if (profileTo !== undefined) {
  session.connect()
  await session.post("Profiler.enable")
}
const results = new Map<string, Array<Awaited<ReturnType<typeof round>>>>(targets.map((t) => [t.name, []]))
for (let r = 0; r < rounds; r++) {
  for (const target of targets) {
    const profiling = profileTo !== undefined && target.name === "scorecard"
    if (profiling) await session.post("Profiler.start")
    results.get(target.name)?.push(await round(target))
    if (profiling) {
      const { profile } = await session.post("Profiler.stop")
      if (r === rounds - 1) Fs.writeFileSync(profileTo, JSON.stringify(profile))
    }
  }
}

const summary = Object.fromEntries(
  [...results].map(([name, rs]) => [
    name,
    {
      cpuMsPer1k: round1(median(rs.map((r) => r.cpuMsPer1k))),
      wallMsPer1k: round1(median(rs.map((r) => r.wallMsPer1k))),
      p50ms: round1(median(rs.map((r) => r.p50ms))),
      p99ms: round1(median(rs.map((r) => r.p99ms))),
      failures: rs.reduce((n, r) => n + r.failures, 0)
    }
  ])
)
const cpuOf = (name: string) => summary[name]?.cpuMsPer1k ?? Number.NaN
console.log(
  JSON.stringify(
    {
      rounds,
      requestsPerRound: requests,
      concurrency,
      scorecardBytes,
      loadAverage: Os.loadavg().map(round1),
      routes: summary,
      // Throughput a single core would give, relative to bare Hono: the ratio of CPU per request.
      cpuRatio: { scorecardToBare: Math.round((cpuOf("bare") / cpuOf("scorecard")) * 1000) / 1000 }
    },
    null,
    2
  )
)
await runtime.dispose()
