import type { OutcomePage, Scorecard } from "@cpo/domain"
import { beforeAll, describe, expect, it } from "vitest"
import { bearer, councilA, councilB } from "../testing.ts"
import { seededApi, testApp } from "../testing-app.ts"

const { runtime } = seededApi()

// One app for the file: its scorecard cache is warm between requests, as a running server's is.
let app: ReturnType<typeof testApp>
beforeAll(() => {
  app = testApp(runtime())
})

const targetsPath = `/v1/councils/${councilA.id}/indicators/targets`
const benchmarksPath = `/v1/councils/${councilA.id}/indicators/benchmarks`
const scorecardPath = `/v1/councils/${councilA.id}/indicators?year=2018`

const put = async (path: string, body: string, role: "officer" | "admin" | "analyst" | "member" = "officer") =>
  app.request(path, {
    method: "PUT",
    body,
    headers: { ...(await bearer(role, [councilA.id])), "content-type": "text/csv" }
  })

const fosteredOnScorecard = async () => {
  const res = await app.request(scorecardPath, { headers: await bearer("officer", [councilA.id]) })
  return ((await res.json()) as Scorecard.Scorecard).indicators.find((i) => i.id === "placed_foster_pct")
}

describe("indicator targets", () => {
  it("stores a targets file and the scorecard shows its target and RAG at once, though it was cached before", async () => {
    // Fake Borough A fostered three of its four children on 31 March 2018: 75 %, against 80 with 10 of tolerance.
    expect(await fosteredOnScorecard()).not.toHaveProperty("target")
    const res = await put(targetsPath, "indicator,year,target,tolerance\nplaced_foster_pct,2018,80,10\n")
    expect(res.status).toBe(200)
    expect(await res.json()).toEqual({
      targets: [{ indicator: "placed_foster_pct", year: 2018, value: 80, tolerance: 10 }]
    })
    expect(await fosteredOnScorecard()).toMatchObject({ value: 75, target: 80, rag: "amber" })
  })

  it("shows the stored target and RAG on the placements page too, the same entry as the scorecard's", async () => {
    await put(targetsPath, "indicator,year,target,tolerance\nplaced_foster_pct,2018,80,10\n")
    const res = await app.request(`/v1/councils/${councilA.id}/placements?year=2018`, {
      headers: await bearer("officer", [councilA.id])
    })
    const onPage = ((await res.json()) as OutcomePage.PlacementsView).indicators.find(
      (i) => i.id === "placed_foster_pct"
    )
    expect(onPage).toMatchObject({ value: 75, target: 80, rag: "amber" })
    expect(onPage).toEqual(await fosteredOnScorecard())
  })

  it("puts the stored targets into the member report too: a Target column and the RAG against it", async () => {
    const report = async () =>
      (
        await app.request(`/v1/councils/${councilA.id}/reports/member?year=2018&audience=officer&format=md`, {
          headers: await bearer("officer", [councilA.id])
        })
      ).text()
    // The previous test stored 80 % (tolerance 10) for fostering; the report was not built before, so no cache hides it.
    const md = await report()
    expect(md).toContain("Target")
    expect(md).toMatch(/In foster placements[^\n]*75%[^\n]*80%/)
  })

  it("answers 400 naming the line and column of a bad file, and keeps the targets stored before", async () => {
    const res = await put(
      targetsPath,
      "indicator,year,target\nplaced_foster_pct,2018,90\nnot_an_indicator,2018,5\n",
      "admin"
    )
    expect(res.status).toBe(400)
    const problem = (await res.json()) as { type: string; detail: string }
    expect(problem.type).toBe("urn:cpo:problem:validation-failed")
    expect(problem.detail).toBe('targets.csv line 3, column indicator: unknown indicator "not_an_indicator"')
    const held = await app.request(targetsPath, { headers: await bearer("member", [councilA.id]) })
    expect(((await held.json()) as { targets: Array<{ value: number }> }).targets.map((t) => t.value)).toEqual([80])
    expect(await fosteredOnScorecard()).toMatchObject({ target: 80, rag: "amber" })
  })

  it("refuses a body not sent as text/csv", async () => {
    const res = await app.request(targetsPath, {
      method: "PUT",
      body: JSON.stringify({ targets: [] }),
      headers: { ...(await bearer("officer", [councilA.id])), "content-type": "application/json" }
    })
    expect(res.status).toBe(400)
    expect(((await res.json()) as { type: string }).type).toBe("urn:cpo:problem:malformed-body")
  })

  it("refuses a member, and a token bound to another council, storing nothing", async () => {
    const member = await put(targetsPath, "indicator,year,target\nplaced_foster_pct,2018,10\n", "member")
    expect(member.status).toBe(403)
    const other = await app.request(targetsPath, {
      method: "PUT",
      body: "indicator,year,target\nplaced_foster_pct,2018,10\n",
      headers: { ...(await bearer("officer", [councilB.id])), "content-type": "text/csv" }
    })
    expect(other.status).toBe(403)
    expect(await fosteredOnScorecard()).toMatchObject({ target: 80 })
  })

  it("refuses a file larger than the limit", async () => {
    const row = "placed_foster_pct,2018,80,10\n"
    const res = await put(targetsPath, `indicator,year,target,tolerance\n${row.repeat(40_000)}`)
    expect(res.status).toBe(413)
  })
})

describe("indicator benchmarks", () => {
  it("adds the council's benchmarks to England's on the scorecard, a revised England figure winning", async () => {
    const res = await put(
      benchmarksPath,
      [
        "indicator,year,comparator,value,group,version,status",
        "placed_foster_pct,2018,region,71,east-midlands,2024,first_published",
        "placed_foster_pct,2018,england,74,england,1,revised"
      ].join("\n")
    )
    expect(res.status).toBe(200)
    expect(((await res.json()) as { benchmarks: Array<unknown> }).benchmarks).toHaveLength(2)
    expect((await fosteredOnScorecard())?.benchmarks).toEqual({ england: 74, region: 71 })
    const held = await app.request(benchmarksPath, { headers: await bearer("analyst", [councilA.id]) })
    expect(held.status).toBe(200)
  })

  it("answers 400 naming the line of a bad benchmarks file", async () => {
    const res = await put(benchmarksPath, "indicator,year,comparator,value\nplaced_foster_pct,2018,county,71\n")
    expect(res.status).toBe(400)
    expect(((await res.json()) as { detail: string }).detail).toMatch(/^benchmarks\.csv line 2, column comparator:/)
    expect((await fosteredOnScorecard())?.benchmarks).toEqual({ england: 74, region: 71 })
  })
})
