import { ChildHistory, Cohort, type Council, Indicator, type OutcomePage, Return, Scorecard } from "@cpo/domain"
import { Option, Result } from "effect"
import { describe, expect, it } from "vitest"
import { bearer, councilA, councilB, importCouncil, syntheticCouncil } from "../testing.ts"
import { seededApi } from "../testing-app.ts"
import { careLeaverIndicators } from "./care-leavers.ts"

const {
  council: synthetic,
  year,
  ret: ret2026
} = syntheticCouncil({ id: "synthetic-care-leavers", name: "Synthetic Care Leavers", seed: 5, children: 120 })
const { app } = seededApi(importCouncil(synthetic, ret2026, "synthetic"))
const get = async (council: Council.CouncilId, query: string, role: "officer" | "member" = "officer") =>
  app().request(`/v1/councils/${council}/care-leavers?${query}`, { headers: await bearer(role, [council]) })

const expected = (audience: "officer" | "member") => {
  const histories = ChildHistory.index(ret2026)
  const scorecard = Scorecard.make({
    council: synthetic.name,
    audience,
    inputs: { year, histories, tables: Return.suppliedTables(ret2026), population: Option.none() },
    catalogue: Indicator.catalogue.filter((d) => careLeaverIndicators.includes(d.id))
  })
  const statuses = Cohort.document({ histories, year, cohort: "care_leavers", by: ["care_leaver_status"], audience })
  if (Result.isFailure(statuses)) throw new Error("the statuses cannot be built")
  return JSON.parse(JSON.stringify({ ...scorecard, statuses: statuses.success }))
}

describe("care leavers", () => {
  it("gives an officer the 17–18 and 19–21 outcomes and the statuses on 31 March, as the domain computes them", async () => {
    const res = await get(synthetic.id, "year=2026")
    expect(res.status).toBe(200)
    const view = (await res.json()) as OutcomePage.CareLeaversView
    expect(view).toEqual(expected("officer"))
    expect(view.indicators.map((e) => e.id)).toEqual([
      "care_leavers_17_18_in_touch_pct",
      "care_leavers_17_18_eet_pct",
      "care_leavers_17_18_suitable_accommodation_pct",
      "care_leavers_19_21_in_touch_pct",
      "care_leavers_19_21_eet_pct",
      "care_leavers_19_21_suitable_accommodation_pct"
    ])
    expect(view.statuses.groups.length).toBeGreaterThan(0)
    expect(view.indicators.every((e) => e.display !== "x")).toBe(true)
  })

  it("suppresses for a member as the domain does for the member audience", async () => {
    const view = (await (
      await get(synthetic.id, "year=2026&audience=officer", "member")
    ).json()) as OutcomePage.CareLeaversView
    expect(view.audience).toBe("member")
    expect(view).toEqual(expected("member"))
    const counts = view.statuses.groups.map((g) => g.count)
    expect(counts.every((n) => n === "c" || n === 0 || n > 5)).toBe(true)
  })

  it("says which table is missing when the council supplied no care leaver outcomes", async () => {
    const view = (await (await get(councilA.id, "year=2018")).json()) as OutcomePage.CareLeaversView
    for (const entry of view.indicators) {
      expect(entry).toMatchObject({ display: "x", reason: "table not supplied: careLeavers" })
    }
  })

  it("answers 400 for a bad year and 404 for a year without a return", async () => {
    expect((await get(councilB.id, "year=1066")).status).toBe(400)
    expect((await get(councilB.id, "audience=member")).status).toBe(400)
    expect((await get(councilB.id, "year=2019")).status).toBe(404)
  })
})
