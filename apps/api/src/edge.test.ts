/**
 * The edge build against the Node API: for the same published snapshot, the edge handler (from source and from the
 * esbuild bundle) answers the public routes exactly as the Node API answers a public caller.
 */
import * as Fs from "node:fs"
import * as Os from "node:os"
import * as Path from "node:path"
import { build } from "esbuild"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { edgeOptions, nodeImportIn } from "../edge.build.ts"
import { makeApp } from "./app.ts"
import { type EdgeEnv, makeEdgeApp } from "./edge.ts"
import type { ApiRuntime } from "./runtime.ts"
import * as Snapshot from "./snapshot.ts"
import { bearer, councilA, councilB, makeTestRuntime, secret } from "./testing.ts"

let runtime: ApiRuntime
let snapshot: Snapshot.Snapshot
type Handler = { fetch: (request: Request, env: EdgeEnv) => Promise<Response> }
let bundled: Handler
let freshHandler: () => Handler
let bundleCode: string
const dir = Fs.mkdtempSync(Path.join(Os.tmpdir(), "cpo-edge-"))

beforeAll(async () => {
  runtime = await makeTestRuntime()
  snapshot = await runtime.runPromise(Snapshot.make("2026-11-25T09:00:00.000Z"))
  const out = Path.join(dir, "edge.mjs")
  await build({ ...edgeOptions, outfile: out })
  bundleCode = Fs.readFileSync(out, "utf8")
  const module = (await import(out)) as { default: Handler; makeEdgeHandler: () => Handler }
  bundled = module.default
  freshHandler = module.makeEdgeHandler
}, 120_000)
afterAll(async () => {
  await runtime.dispose()
  Fs.rmSync(dir, { recursive: true, force: true })
})

const paths = [
  `/v1/councils/${councilA.id}/indicators?year=2018`,
  `/v1/councils/${councilB.id}/indicators?year=2018&audience=officer`,
  `/v1/councils/${councilA.id}`,
  `/v1/councils/${councilA.id}/indicators?year=2019`,
  `/v1/councils/${councilA.id}/indicators?year=abc`,
  "/health"
]

/** A response without what legitimately differs per request. */
const comparable = async (res: Response) => {
  const body = (await res.json()) as Record<string, unknown>
  const { requestId: _requestId, ...rest } = body
  return { status: res.status, contentType: res.headers.get("content-type"), body: rest }
}

describe("edge build", () => {
  it("publishes only public-audience scorecards, naming no child", () => {
    const text = Snapshot.encode(snapshot)
    expect(snapshot.councils.map((p) => p.council.id)).toEqual([councilA.id, councilB.id])
    expect(snapshot.councils.flatMap((p) => p.scorecards.map((s) => s.audience))).toEqual(["public", "public"])
    for (const child of ["FA1", "FA2", "FB1"]) expect(text).not.toContain(child)
  })

  it("answers as the Node API answers a public caller, from source and from the bundle", async () => {
    const node = makeApp({ runtime, jwtSecret: secret, log: () => {} })
    const edge = makeEdgeApp(async () => snapshot, { log: () => {} })
    const env = { CPO_SNAPSHOT: Snapshot.encode(snapshot) }
    const headers = await bearer("public", [councilA.id, councilB.id])
    for (const path of paths) {
      const expected = await comparable(await node.request(path, { headers }))
      expect(await comparable(await edge.request(path)), path).toEqual(expected)
      expect(await comparable(await bundled.fetch(new Request(`http://edge.test${path}`), env)), path).toEqual(expected)
    }
  })

  it("bundles no node: module and no store", () => {
    expect(nodeImportIn(bundleCode)).toBeUndefined()
    expect(bundleCode).not.toContain("pglite")
  })

  it("answers a problem, not a crash, when no snapshot is configured", async () => {
    const res = await freshHandler().fetch(new Request("http://edge.test/v1/councils"), {})
    expect(res.status).toBe(500)
    expect(res.headers.get("content-type")).toBe("application/problem+json")
  })
})
