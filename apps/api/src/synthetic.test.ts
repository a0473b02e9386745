/**
 * A synthetic council end to end: its 903 CSV files uploaded through the API, stored, and read back as a scorecard
 * equal to the one the CLI computes straight from the same files (`Ssda903.decodeFiles` then `Scorecard.make`).
 */
import { ChildHistory, type Council, ReportingYear, Returns, Scorecard } from "@cpo/domain"
import { Ssda903 } from "@cpo/ssda903"
import { Synth } from "@cpo/synth"
import { Effect, Option } from "effect"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { makeApp } from "./app.ts"
import type { ApiRuntime } from "./runtime.ts"
import { bearer, makeEmptyRuntime, secret } from "./testing.ts"

const council: Council.Council = {
  id: "synthetic-shire" as Council.CouncilId,
  name: "Synthetic Shire",
  localAuthorityCode: Option.none()
}
const synthetic = Synth.generate({ seed: 7, council: council.name, children: 60, years: { from: 2025, to: 2026 } })
const year = ReportingYear.make(2026)
const ret2026 = synthetic.returns.find((r) => r.year === year)
if (ret2026 === undefined) throw new Error("the synthetic council has no 2026 return")
const files = Synth.toCsvFiles(ret2026).map((f) => ({ name: f.name, bytes: new TextEncoder().encode(f.content) }))

let runtime: ApiRuntime
beforeAll(async () => {
  runtime = makeEmptyRuntime()
  await runtime.runPromise(Returns.Returns.use((returns) => returns.saveCouncil(council)))
}, 120_000)
afterAll(() => runtime.dispose())

describe("a synthetic council through the API", () => {
  it("serves the scorecard the CLI computes from the same files", async () => {
    const app = makeApp({ runtime, jwtSecret: secret, log: () => {} })
    const headers = await bearer("officer", [council.id])
    const form = new FormData()
    for (const f of files) form.append("files", new File([f.bytes], f.name, { type: "text/csv" }))
    const uploaded = await app.request(`/v1/councils/${council.id}/returns/2026`, {
      method: "POST",
      body: form,
      headers
    })
    expect(uploaded.status).toBe(201)

    const res = await app.request(
      `/v1/councils/${council.id}/indicators?year=2026&population=${synthetic.population}`,
      {
        headers
      }
    )
    expect(res.status).toBe(200)
    const decoded = await Effect.runPromise(Ssda903.decodeFiles(files, { year }))
    const fromFiles = Scorecard.make({
      council: council.name,
      audience: "officer",
      inputs: {
        year,
        histories: ChildHistory.index(decoded.return),
        tables: decoded.tables,
        population: Option.some(synthetic.population)
      }
    })
    const served = (await res.json()) as Scorecard.Scorecard
    expect(served).toEqual(JSON.parse(JSON.stringify(fromFiles)))
    expect(served.indicators.find((i) => i.id === "cla_31_march")?.value).toBe(60)
  })
})
