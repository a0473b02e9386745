import { ChildHistory, type Council, Indicator, type OutcomePage, Return, Scorecard } from "@cpo/domain"
import { Option } from "effect"
import { describe, expect, it } from "vitest"
import { bearer, councilA, councilB, importCouncil, syntheticCouncil } from "../testing.ts"
import { seededApi } from "../testing-app.ts"
import { healthIndicators } from "./health.ts"

const {
  council: synthetic,
  year,
  ret: ret2026
} = syntheticCouncil({ id: "synthetic-health", name: "Synthetic Health", seed: 3, children: 120, from: 2025 })
const { app } = seededApi(importCouncil(synthetic, ret2026, "synthetic"))
const get = async (council: Council.CouncilId, query: string, role: "officer" | "member" | "public" = "officer") =>
  app().request(`/v1/councils/${council}/health?${query}`, { headers: await bearer(role, [council]) })

const expectedIndicators = (audience: "officer" | "public") =>
  JSON.parse(
    JSON.stringify(
      Scorecard.make({
        council: synthetic.name,
        audience,
        inputs: {
          year,
          histories: ChildHistory.index(ret2026),
          tables: Return.suppliedTables(ret2026),
          population: Option.none()
        },
        catalogue: Indicator.catalogue.filter((d) => (healthIndicators as ReadonlyArray<string>).includes(d.id))
      }).indicators
    )
  )

describe("health and missing", () => {
  it("gives an officer the OC2 and missing measures as the domain computes them", async () => {
    const res = await get(synthetic.id, "year=2026")
    expect(res.status).toBe(200)
    const view = (await res.json()) as OutcomePage.HealthView
    expect(view.indicators.map((e) => e.id)).toEqual([...healthIndicators])
    expect(view.indicators).toEqual(expectedIndicators("officer"))
    expect(view.indicators.find((e) => e.id === "oc2_cohort")?.value).toBeGreaterThan(0)
  })

  it("says plainly that return interviews are not in the 903 return", async () => {
    const view = (await (await get(synthetic.id, "year=2026")).json()) as OutcomePage.HealthView
    expect(view.notCollected.map((n) => n.measure)).toEqual(["Return interviews offered", "Return interviews taken up"])
    expect(view.notCollected.every((n) => n.reason.includes("SSDA903"))).toBe(true)
  })

  it("suppresses for the public whatever audience is asked for", async () => {
    const view = (await (
      await get(synthetic.id, "year=2026&audience=officer", "public")
    ).json()) as OutcomePage.HealthView
    expect(view.audience).toBe("public")
    expect(view.indicators).toEqual(expectedIndicators("public"))
    const small = await get(councilA.id, "year=2018", "public")
    const missing = ((await small.json()) as OutcomePage.HealthView).indicators.find(
      (e) => e.id === "missing_children_pct"
    )
    expect(missing).toMatchObject({ display: "x", reason: "table not supplied: missing" })
  })

  it("answers 400 for a malformed year and 404 for a year without a return", async () => {
    expect((await get(councilB.id, "year=twenty")).status).toBe(400)
    expect((await get(councilB.id, "year=2020")).status).toBe(404)
  })
})
