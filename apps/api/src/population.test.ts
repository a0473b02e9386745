/**
 * The council's 0–17 population travels from `council.json` through `cpo import` into the store, so that the API's
 * scorecard — rate per 10,000 included — is exactly the document `cpo indicators --format json` prints for the same
 * folder. Both CLI commands run as the user would run them (the CLI's own entry, in a child process).
 */
import { execFile } from "node:child_process"
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { fileURLToPath } from "node:url"
import { promisify } from "node:util"
import { Synth } from "@cpo/synth"
import { afterAll, describe, expect, it } from "vitest"
import { makeApp } from "./app.ts"
import { type ApiRuntime, makeRuntime } from "./runtime.ts"
import { bearer, dataDirFromTemplate, secret } from "./testing.ts"

const folder = mkdtempSync(join(tmpdir(), "cpo-api-population-"))
// A copy of the store the run's set-up migrated once (test/templates.ts), as `cpo import` would find after `cpo db
// migrate`; a fresh folder when the test runs without that set-up.
const dataDir = dataDirFromTemplate("migrated") ?? join(folder, "pglite")
const cli = fileURLToPath(new URL("../../cli/src/bin.ts", import.meta.url))
const council = "population-shire"

const synthetic = Synth.generate({
  seed: 11,
  council: "Population Shire",
  children: 50,
  years: { from: 2026, to: 2026 }
})
// Only the 2026 folder: with no 2025 return beside it, the CLI has no previous year to compare, as the API has none.
mkdirSync(join(folder, "2026"))
for (const ret of synthetic.returns) {
  for (const file of Synth.toCsvFiles(ret)) writeFileSync(join(folder, String(ret.year), file.name), file.content)
}
writeFileSync(
  join(folder, "council.json"),
  JSON.stringify({ id: council, name: "Population Shire", population: synthetic.population, synthetic: true })
)

const cpo = async (...args: ReadonlyArray<string>) =>
  // --liftoff-only: a short command gains nothing from optimising PGlite's WebAssembly on background threads.
  (
    await promisify(execFile)(process.execPath, ["--liftoff-only", cli, ...args], {
      env: { ...process.env, CPO_DATA_DIR: dataDir, PG_URL: "" },
      maxBuffer: 16 * 1024 * 1024
    })
  ).stdout

let runtime: ApiRuntime | undefined
afterAll(async () => {
  await runtime?.dispose()
  rmSync(folder, { recursive: true, force: true })
})

describe("the council's population", () => {
  it("is saved by cpo import, so the API's scorecard and member report equal the CLI's, rates included", async () => {
    // The indicators read the folder, not the store: they run while the import does.
    const [, indicatorsFromCli] = await Promise.all([
      cpo("import", "--input", folder, "--year", "2026"),
      cpo("indicators", "--input", folder, "--year", "2026", "--format", "json")
    ])
    const fromCli = JSON.parse(indicatorsFromCli) as { indicators: Array<{ id: string; value: unknown }> }
    // `cpo report --council` takes the population from its flag; the API from the council's stored estimate.
    const reportFromCli = await cpo(
      "report",
      "--council",
      council,
      "--year",
      "2026",
      "--format",
      "md",
      "--population",
      String(synthetic.population)
    )
    runtime = makeRuntime({ dataDir })
    const app = makeApp({ runtime, jwtSecret: secret, log: () => {} })
    const res = await app.request(`/v1/councils/${council}/indicators?year=2026`, {
      headers: await bearer("officer", [council as never])
    })
    expect(res.status).toBe(200)
    const fromApi = (await res.json()) as typeof fromCli
    const rate = fromApi.indicators.find((e) => e.id === "cla_rate_per_10k")
    expect(typeof rate?.value).toBe("number")
    expect(fromApi).toEqual(fromCli)
    const councilRes = await app.request(`/v1/councils/${council}`, {
      headers: await bearer("officer", [council as never])
    })
    expect(((await councilRes.json()) as { population: number }).population).toBe(synthetic.population)
    const reportRes = await app.request(`/v1/councils/${council}/reports/member?year=2026&format=md`, {
      headers: await bearer("member", [council as never])
    })
    expect(reportRes.headers.get("content-type")).toContain("text/markdown")
    const reportFromApi = await reportRes.text()
    expect(reportFromApi).toContain("per 10,000")
    expect(reportFromApi).toBe(reportFromCli)
  }, 120_000)
})
