/**
 * The edge build against the Node API: for the same published snapshot, the edge handler (from source and from the
 * esbuild bundle) answers the public routes — scorecards, the local offer as JSON and as a page, the public member
 * report — exactly as the Node API answers a public caller.
 */
import * as Fs from "node:fs"
import * as Os from "node:os"
import * as Path from "node:path"
import { build } from "esbuild"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { edgeOptions, nodeImportIn } from "../edge.build.ts"
import { type EdgeEnv, makeEdgeApp } from "./edge.ts"
import * as Snapshot from "./snapshot.ts"
import { councilA, councilB } from "./testing.ts"
import { comparable, publicAnswers, seededApi } from "./testing-app.ts"

const { runtime } = seededApi()
let snapshot: Snapshot.Snapshot
type Handler = { fetch: (request: Request, env: EdgeEnv) => Promise<Response> }
let bundled: Handler
let freshHandler: () => Handler
let bundleCode: string
const dir = Fs.mkdtempSync(Path.join(Os.tmpdir(), "cpo-edge-"))

beforeAll(async () => {
  snapshot = await runtime().runPromise(Snapshot.make("2026-11-25T09:00:00.000Z"))
  const out = Path.join(dir, "edge.mjs")
  await build({ ...edgeOptions, outfile: out })
  bundleCode = Fs.readFileSync(out, "utf8")
  const module = (await import(out)) as { default: Handler; makeEdgeHandler: () => Handler }
  bundled = module.default
  freshHandler = module.makeEdgeHandler
}, 120_000)
afterAll(() => {
  Fs.rmSync(dir, { recursive: true, force: true })
})

describe("edge build", () => {
  it("publishes only public-audience scorecards, naming no child", () => {
    const text = Snapshot.encode(snapshot)
    expect(snapshot.councils.map((p) => p.council.id)).toEqual([councilA.id, councilB.id])
    expect(snapshot.councils.flatMap((p) => p.scorecards.map((s) => s.audience))).toEqual(["public", "public"])
    for (const child of ["FA1", "FA2", "FB1"]) expect(text).not.toContain(child)
  })

  it("publishes each council's published offer without who signed it off, and its public member report", () => {
    for (const published of snapshot.councils) {
      expect(published.offers.map((o) => [o.version, o.state])).toEqual([[1, "published"]])
      expect(published.reports.map((r) => r.year)).toEqual([2018])
    }
    // The fake store signs every step as "test"; the snapshot names the council instead.
    const offer = snapshot.councils[0]?.offers[0]
    expect([offer?.created.by, offer?.consultations[0]?.recordedBy]).toEqual(["the council", "the council"])
    expect(Snapshot.decode(Snapshot.encode(snapshot))).toEqual(snapshot)
  })

  it("answers as the Node API answers a public caller, from source and from the bundle", async () => {
    const edge = makeEdgeApp(async () => snapshot, { log: () => {} })
    const env = { CPO_SNAPSHOT: Snapshot.encode(snapshot) }
    for (const { path, headers, expected } of await publicAnswers(runtime())) {
      expect(await comparable(await edge.request(path, { headers })), path).toEqual(expected)
      const fromBundle = await bundled.fetch(new Request(`http://edge.test${path}`, { headers }), env)
      expect(await comparable(fromBundle), path).toEqual(expected)
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
