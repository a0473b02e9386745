import * as Fs from "node:fs"
import * as Os from "node:os"
import * as Path from "node:path"
import { Layer } from "effect"
import { afterAll, describe, expect, it } from "vitest"
import { makeApp } from "./app.ts"
import { dashboard } from "./dashboard.ts"
import { fromLayer } from "./runtime.ts"

const dir = Fs.mkdtempSync(Path.join(Os.tmpdir(), "cpo-dashboard-"))
Fs.mkdirSync(Path.join(dir, "assets"))
Fs.writeFileSync(Path.join(dir, "index.html"), "<!doctype html><title>cpo dashboard</title>")
Fs.writeFileSync(Path.join(dir, "assets", "app.js"), "console.log('dashboard')")
afterAll(() => Fs.rmSync(dir, { recursive: true, force: true }))

// These routes never reach the store, so the runtime has no services.
const app = makeApp({ runtime: fromLayer(Layer.empty as never), log: () => {}, fallback: dashboard(dir) })

describe("dashboard files", () => {
  it("serves index.html at / and the built assets", async () => {
    expect(await (await app.request("/")).text()).toContain("cpo dashboard")
    const asset = await app.request("/assets/app.js")
    expect(asset.status).toBe(200)
    expect(await asset.text()).toContain("dashboard")
  })

  it("lets browsers keep the content-hashed assets and check index.html on every load", async () => {
    expect((await app.request("/assets/app.js")).headers.get("cache-control")).toBe(
      "public, max-age=31536000, immutable"
    )
    expect((await app.request("/")).headers.get("cache-control")).toBe("no-cache")
    expect((await app.request("/councils/demo-borough/scorecard")).headers.get("cache-control")).toBe("no-cache")
    // A missing asset is answered with index.html, which must not be kept under the asset's name.
    expect((await app.request("/assets/gone.js")).headers.get("cache-control")).toBe("no-cache")
  })

  it("falls back to index.html for the dashboard's own routes", async () => {
    const res = await app.request("/councils/demo-borough/scorecard")
    expect(res.status).toBe(200)
    expect(await res.text()).toContain("cpo dashboard")
  })

  it("keeps API paths as API answers: an unknown /v1 route is a problem, not the page", async () => {
    const res = await app.request("/v1/unknown")
    expect(res.status).toBe(404)
    expect(res.headers.get("content-type")).toBe("application/problem+json")
    expect((await app.request("/health")).headers.get("content-type")).toContain("application/json")
  })
})
