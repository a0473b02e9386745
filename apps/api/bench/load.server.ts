/**
 * The server half of `load.bench.ts`, run as its own process so that its resident memory can be sampled apart from
 * the load generator: the Node API (`@hono/node-server`) on a free loopback port over an in-memory PGlite store
 * holding the synthetic median council (`Synth.presets.median`: 450 children looked after, 2024–2026) with the demo
 * offer published and a fake strategy; and, for the baseline, a bare Hono app (`GET /bare` answering `{"ok":true}`, no
 * middleware) and `GET /bare-scorecard` (answering the warm scorecard's exact bytes, the like-for-like baseline) on a
 * second loopback port of the same process, so both are measured under the same conditions. It
 * prints one JSON line `{ "port", "barePort", "council", "children" }` on stdout when both listen, and answers the
 * IPC messages `"memory"` with `process.memoryUsage()` and the count of major (mark-compact) collections so far
 * (`"memory-after-gc"`: after a full collection) and `"cpu"` with `process.cpuUsage()`.
 *
 * `CPO_BENCH_DATA_DIR=<dir>` keeps PGlite's data in that folder, as a deployment does, instead of in memory.
 */
import { constants, PerformanceObserver } from "node:perf_hooks"
import { type Council, Priorities, Returns } from "@cpo/domain"
import { Synth } from "@cpo/synth"
import { type ServerType, serve } from "@hono/node-server"
import { Effect, Option } from "effect"
import { Hono } from "hono"
import { makeApp } from "../src/app.ts"
import { issueToken } from "../src/auth.ts"
import { makeRuntime } from "../src/runtime.ts"
import { fakeStrategy, secret, seedOffer } from "../src/testing.ts"

const preset = Synth.presets.median
const council: Council.Council = {
  id: "synthetic-median-borough" as Council.CouncilId,
  name: preset.council,
  localAuthorityCode: Option.none()
}
const synthetic = Synth.generate(preset)

const dataDir = process.env.CPO_BENCH_DATA_DIR
const runtime = makeRuntime(dataDir === undefined ? {} : { dataDir })
await runtime.runPromise(
  Effect.gen(function* () {
    const returns = yield* Returns.Returns
    yield* returns.saveCouncil(council)
    for (const ret of synthetic.returns) yield* returns.importReturn(council.id, ret, `median-${ret.year}`)
    yield* seedOffer(council.id)
    yield* Priorities.Priorities.use((store) => store.saveStrategy(fakeStrategy(council.id)))
  })
)

const app = makeApp({ runtime, jwtSecret: secret, log: () => {} })
// The scorecard's own bytes, for the like-for-like baseline: a bare Hono route answering exactly what the API's warm
// scorecard answers, so that the comparison measures the API's own work (authentication, authorization, validation,
// cache lookup, request id) and not the cost of sending 8 KB instead of 11 bytes.
const officer = await issueToken({ secret, subject: "bench@load", role: "officer", councils: [council.id] })
const scorecardResponse = await app.request(`/v1/councils/${council.id}/indicators?year=${preset.years.to}`, {
  headers: { authorization: `Bearer ${officer}` }
})
if (scorecardResponse.status !== 200) throw new Error(`the scorecard answered ${scorecardResponse.status}`)
const scorecardBody = new Uint8Array(await scorecardResponse.arrayBuffer())
const bare = new Hono()
  .get("/bare", (c) => c.json({ ok: true }))
  .get("/bare-scorecard", (c) => c.body(scorecardBody, 200, { "content-type": "application/json" }))

const listen = (fetch: (request: Request) => Response | Promise<Response>) =>
  new Promise<{ server: ServerType; port: number }>((resolve) => {
    const server = serve({ fetch, port: 0, hostname: "127.0.0.1" }, (info) => resolve({ server, port: info.port }))
  })
const api = await listen(app.fetch)
const baseline = await listen(bare.fetch)
process.stdout.write(
  `${JSON.stringify({ port: api.port, barePort: baseline.port, council: council.id, children: preset.children })}\n`
)

// Major collections, so that the bench can tell when the V8 heap has been through a full cycle under its load.
let majorCollections = 0
new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) {
    const { detail } = entry as { readonly detail?: { readonly kind?: number } | null }
    if (detail?.kind === constants.NODE_PERFORMANCE_GC_MAJOR) majorCollections++
  }
}).observe({ entryTypes: ["gc"] })
const memory = () => ({ ...process.memoryUsage(), majorCollections })

// The bench asks for the memory breakdown each second over IPC: the V8 heap apart from what lives outside it
// (PGlite's WebAssembly memory is in `arrayBuffers` and `rss` and never shrinks once grown).
process.on("message", (message) => {
  if (message === "memory") process.send?.(memory())
  if (message === "cpu") process.send?.(process.cpuUsage())
  // The live heap: after a full collection (the bench starts this process with --expose-gc), so that garbage not yet
  // collected is not mistaken for growth.
  if (message === "memory-after-gc") {
    ;(globalThis as { gc?: () => void }).gc?.()
    process.send?.(memory())
  }
})

process.on("SIGTERM", () => {
  api.server.close()
  baseline.server.close()
  void runtime.dispose().then(() => process.exit(0))
})
