/**
 * The server half of `load.bench.ts`, run as its own process so that its resident memory can be sampled apart from
 * the load generator: the Node API (`@hono/node-server`) on a free loopback port over an in-memory PGlite store
 * holding the synthetic median council (`Synth.presets.median`: 450 children looked after, 2024–2026) with the demo
 * offer published and a fake strategy, plus a bare Hono JSON route (`GET /bare`) mounted on the same app for the
 * baseline. It prints one JSON line `{ "port", "council" }` on stdout when it is listening, and answers the message
 * `"memory"` with `process.memoryUsage()` (`"memory-after-gc"`: after a full collection).
 */
import { type Council, Priorities, Returns } from "@cpo/domain"
import { Synth } from "@cpo/synth"
import { serve } from "@hono/node-server"
import { Effect, Option } from "effect"
import { Hono } from "hono"
import { makeApp } from "../src/app.ts"
import type { ApiEnv } from "../src/runtime.ts"
import { makeRuntime } from "../src/runtime.ts"
import { fakeStrategy, secret, seedOffer } from "../src/testing.ts"

const preset = Synth.presets.median
const council: Council.Council = {
  id: "synthetic-median-borough" as Council.CouncilId,
  name: preset.council,
  localAuthorityCode: Option.none()
}
const synthetic = Synth.generate(preset)

const runtime = makeRuntime({})
await runtime.runPromise(
  Effect.gen(function* () {
    const returns = yield* Returns.Returns
    yield* returns.saveCouncil(council)
    for (const ret of synthetic.returns) yield* returns.importReturn(council.id, ret, `median-${ret.year}`)
    yield* seedOffer(council.id)
    yield* Priorities.Priorities.use((store) => store.saveStrategy(fakeStrategy(council.id)))
  })
)

const bare = new Hono<ApiEnv>().get("/bare", (c) => c.json({ ok: true }))
const app = makeApp({ runtime, jwtSecret: secret, log: () => {}, fallback: bare })

const server = serve({ fetch: app.fetch, port: 0, hostname: "127.0.0.1" }, (info) => {
  process.stdout.write(`${JSON.stringify({ port: info.port, council: council.id, children: preset.children })}\n`)
})

// The bench asks for the memory breakdown each second over IPC: the V8 heap apart from what lives outside it
// (PGlite's WebAssembly memory is in `arrayBuffers` and `rss` and never shrinks once grown).
process.on("message", (message) => {
  if (message === "memory") process.send?.(process.memoryUsage())
  // The live heap: after a full collection (the bench starts this process with --expose-gc), so that garbage not yet
  // collected is not mistaken for growth.
  if (message === "memory-after-gc") {
    ;(globalThis as { gc?: () => void }).gc?.()
    process.send?.(process.memoryUsage())
  }
})

process.on("SIGTERM", () => {
  server.close()
  void runtime.dispose().then(() => process.exit(0))
})
