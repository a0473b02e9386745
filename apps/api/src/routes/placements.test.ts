import {
  ChildHistory,
  Cohort,
  type Council,
  Indicator,
  type OutcomePage,
  Placement,
  ReportingYear,
  Return,
  Scorecard
} from "@cpo/domain"
import { Option, Result } from "effect"
import { describe, expect, it } from "vitest"
import { bearer, councilA, councilB, importCouncil, returnA2018, syntheticCouncil } from "../testing.ts"
import { seededApi } from "../testing-app.ts"
import { placementIndicators } from "./placements.ts"

const {
  council: synthetic,
  year,
  ret: ret2026
} = syntheticCouncil({ id: "synthetic-placements", name: "Synthetic Placements", seed: 11, children: 80 })
const { app } = seededApi(importCouncil(synthetic, ret2026, "synthetic-2026"))
const placementsOf = (council: string, query: string) => `/v1/councils/${council}/placements?${query}`
const get = async (council: Council.CouncilId, query: string, role: "officer" | "member" | "analyst" = "officer") =>
  app().request(placementsOf(council, query), { headers: await bearer(role, [council]) })

describe("placements", () => {
  it("gives an officer the placement indicators, the mix at 31 March and the year's moves with their reasons", async () => {
    const res = await get(councilA.id, "year=2018")
    expect(res.status).toBe(200)
    const view = (await res.json()) as OutcomePage.PlacementsView
    expect(view.audience).toBe("officer")
    expect(view.indicators.map((e) => e.id)).toEqual([...placementIndicators])
    const expectedMix = Cohort.document({
      histories: ChildHistory.index(returnA2018),
      year: ReportingYear.make(2018),
      cohort: "cla_31_march",
      by: ["placement_group"],
      audience: "officer"
    })
    if (Result.isFailure(expectedMix)) throw new Error("the mix cannot be built")
    expect(view.mix).toEqual(JSON.parse(JSON.stringify(expectedMix.success)))
    // FA1–FA5 were looked after in the year (FA6 only on short breaks); FA2 began a second placement in January.
    expect(view.moves).toEqual({
      lookedAfter: 5,
      children: 1,
      moves: 1,
      reasons: [{ reason: "not_recorded", label: "Not recorded", moves: 1 }]
    })
  })

  it("says that distance and in or out of area need a postcode directory", async () => {
    const view = (await (await get(councilA.id, "year=2018")).json()) as OutcomePage.PlacementsView
    for (const id of ["placed_out_of_area_pct", "placed_over_20_miles_pct"]) {
      const entry = view.indicators.find((e) => e.id === id)
      expect(entry).toMatchObject({ display: "x", reason: "postcode directory not configured" })
    }
  })

  it("suppresses small counts for a member whatever audience is asked for", async () => {
    const res = await get(councilA.id, "year=2018&audience=officer", "member")
    expect(res.status).toBe(200)
    const view = (await res.json()) as OutcomePage.PlacementsView
    expect(view.audience).toBe("member")
    expect(view.mix.total).toBe("c")
    expect(view.moves).toMatchObject({ children: "c", moves: "c" })
    expect(view.moves.reasons.map((r) => r.moves)).toEqual(["c"])
    expect(view.indicators.find((e) => e.id === "placed_foster_pct")?.display).toBe("c")
  })

  it("lets an analyst ask for the member audience", async () => {
    const view = (await (
      await get(councilA.id, "year=2018&audience=member", "analyst")
    ).json()) as OutcomePage.PlacementsView
    expect(view.audience).toBe("member")
    expect(view.moves.children).toBe("c")
  })

  it("matches the domain on a synthetic council: moves by reason add up to every move in the year", async () => {
    const view = (await (await get(synthetic.id, "year=2026")).json()) as OutcomePage.PlacementsView
    const histories = ChildHistory.index(ret2026)
    const from = ReportingYear.start(year)
    const to = ReportingYear.end(year)
    const moves = histories.reduce((n, h) => n + Placement.movesDuring(h, from, to).length, 0)
    expect(moves).toBeGreaterThan(0)
    expect(view.moves.moves).toBe(moves)
    expect(view.moves.reasons.reduce((n, r) => n + (r.moves === "c" ? 0 : r.moves), 0)).toBe(moves)
    expect(view.moves.reasons.map((r) => r.reason)).toEqual(
      Placement.reasonsForChange(histories, from, to).map((r) => r.reason)
    )
    const scorecard = Scorecard.make({
      council: synthetic.name,
      audience: "officer",
      inputs: { year, histories, tables: Return.suppliedTables(ret2026), population: Option.none() },
      catalogue: Indicator.catalogue.filter((d) => (placementIndicators as ReadonlyArray<string>).includes(d.id))
    })
    expect(view.indicators).toEqual(JSON.parse(JSON.stringify(scorecard.indicators)))
  })

  it("answers 400 for a missing or malformed year and an unknown audience", async () => {
    for (const query of ["", "year=soon", "year=2018&audience=everyone"]) {
      const res = await get(councilB.id, query)
      expect(res.status, query).toBe(400)
      expect(((await res.json()) as { type: string }).type).toBe("urn:cpo:problem:validation-failed")
    }
  })

  it("answers 404 for a year without a return", async () => {
    const res = await get(councilB.id, "year=2019")
    expect(res.status).toBe(404)
    expect(((await res.json()) as { type: string }).type).toBe("urn:cpo:problem:return-not-found")
  })
})
