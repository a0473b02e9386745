/**
 * The edge bundle in workerd, the runtime of Cloudflare Workers, through Miniflare: `dist/edge.mjs` is built as
 * `build.ts` builds it, loaded as a module worker with the published snapshot as a text binding (`CPO_SNAPSHOT`), and
 * must answer every public route — status, content type and body — exactly as the Node API answers a public caller
 * over the same store. A second worker fetches the snapshot from a URL (`CPO_SNAPSHOT_URL`), as `cpo publish --to
 * <url>` leaves it.
 */
import * as Fs from "node:fs"
import * as Http from "node:http"
import type { AddressInfo } from "node:net"
import * as Os from "node:os"
import * as Path from "node:path"
import { build } from "esbuild"
import { Miniflare } from "miniflare"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { edgeOptions } from "../edge.build.ts"
import * as Snapshot from "./snapshot.ts"
import { councilA, councilB } from "./testing.ts"
import { comparable, publicAnswers, seededApi, unknownCouncil } from "./testing-app.ts"

const { runtime } = seededApi()
let snapshotText: string
/** What the URL serves: the snapshot of council A only, so that an answer from it is told apart from the binding's. */
let councilAOnly: string
let workerd: Miniflare
let server: Http.Server
const dir = Fs.mkdtempSync(Path.join(Os.tmpdir(), "cpo-workerd-"))
const bundle = Path.join(dir, "edge.mjs")

beforeAll(async () => {
  const snapshot = await runtime().runPromise(Snapshot.make("2026-11-25T09:00:00.000Z"))
  snapshotText = Snapshot.encode(snapshot)
  councilAOnly = Snapshot.encode({
    ...snapshot,
    councils: snapshot.councils.filter((p) => p.council.id === councilA.id)
  })
  await build({ ...edgeOptions, outfile: bundle })
  server = Http.createServer((req, res) => {
    if (req.url === "/snapshot.json") res.writeHead(200, { "content-type": "application/json" }).end(councilAOnly)
    else res.writeHead(404).end()
  })
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve))
  const { port } = server.address() as AddressInfo
  workerd = new Miniflare({
    workers: [
      {
        name: "edge",
        modules: true,
        scriptPath: bundle,
        modulesRoot: dir,
        compatibilityDate: "2026-07-01",
        bindings: { CPO_SNAPSHOT: snapshotText }
      },
      {
        name: "edge-from-url",
        modules: true,
        scriptPath: bundle,
        modulesRoot: dir,
        compatibilityDate: "2026-07-01",
        bindings: { CPO_SNAPSHOT_URL: `http://127.0.0.1:${port}/snapshot.json` },
        routes: ["from-url.test/*"]
      }
    ]
  })
  await workerd.ready
}, 180_000)

afterAll(async () => {
  await workerd?.dispose()
  await new Promise((resolve) => server?.close(resolve))
  Fs.rmSync(dir, { recursive: true, force: true })
})

describe("the edge bundle in workerd", () => {
  it("answers every public route as the Node API answers a public caller", async () => {
    for (const { path, headers, expected } of await publicAnswers(runtime())) {
      const answered = await comparable(await workerd.dispatchFetch(`http://edge.test${path}`, { headers }))
      expect(answered, path).toEqual(expected)
    }
  })

  it("answers a 404 council-not-found problem for an unknown council", async () => {
    const res = await workerd.dispatchFetch(`http://edge.test/v1/councils/${unknownCouncil}/indicators?year=2018`)
    expect(res.status).toBe(404)
    expect(res.headers.get("content-type")).toBe("application/problem+json")
    expect(await res.json()).toMatchObject({ type: "urn:cpo:problem:council-not-found", status: 404 })
  })

  it("loads the snapshot from CPO_SNAPSHOT_URL", async () => {
    // The second worker's route sends this host to it.
    const res = await workerd.dispatchFetch(`http://from-url.test/v1/councils/${councilA.id}/indicators?year=2018`)
    expect(res.status).toBe(200)
    expect(await res.json()).toMatchObject({ council: "Fake Borough A", audience: "public", year: 2018 })
    const other = await workerd.dispatchFetch(`http://from-url.test/v1/councils/${councilB.id}`)
    expect(other.status).toBe(404)
  })
})
