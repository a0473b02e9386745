/**
 * In-process throughput of the warm scorecard route against a bare route (`/health`), on a synthetic council of 450
 * children (`@cpo/synth`) in an in-memory PGlite store: `node bench/scorecard.bench.ts [seconds] [concurrency]`.
 * It measures the app (routing, auth, validation, cache, encoding), not the network.
 */
import { type Council, Returns } from "@cpo/domain"
import { Synth } from "@cpo/synth"
import { Effect, Option } from "effect"
import { makeApp } from "../src/app.ts"
import { makeRuntime } from "../src/runtime.ts"
import { bearer, secret } from "../src/testing.ts"

const seconds = Number(process.argv[2] ?? 5)
const concurrency = Number(process.argv[3] ?? 50)
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
const headers = await bearer("officer", [council.id])

const measure = async (path: string) => {
  const latencies: Array<number> = []
  let failures = 0
  const end = performance.now() + seconds * 1000
  const worker = async () => {
    while (performance.now() < end) {
      const started = performance.now()
      const res = await app.request(path, { headers })
      await res.arrayBuffer()
      if (res.status !== 200) failures++
      latencies.push(performance.now() - started)
    }
  }
  await Promise.all(Array.from({ length: concurrency }, worker))
  latencies.sort((a, b) => a - b)
  const at = (q: number) =>
    (latencies[Math.min(latencies.length - 1, Math.floor(latencies.length * q))] ?? 0).toFixed(1)
  return { path, requestsPerSecond: Math.round(latencies.length / seconds), p50ms: at(0.5), p99ms: at(0.99), failures }
}

const bare = await measure("/health")
await app.request(`/v1/councils/${council.id}/indicators?year=2026`, { headers }) // warm the cache
const scorecard = await measure(`/v1/councils/${council.id}/indicators?year=2026`)
console.log(
  JSON.stringify(
    { concurrency, seconds, bare, scorecard, ratio: scorecard.requestsPerSecond / bare.requestsPerSecond },
    null,
    2
  )
)
await runtime.dispose()
