import { LocalMeasure } from "@cpo/domain"
import { describe, expect, it } from "vitest"
import { bearer, councilA } from "../testing.ts"
import { seededApi } from "../testing-app.ts"

const { app } = seededApi()
const base = `/v1/councils/${councilA.id}`
const post = async (path: string, body: unknown, headers: Record<string, string>) =>
  app().request(path, {
    method: "POST",
    body: JSON.stringify(body),
    headers: { ...headers, "content-type": "application/json" }
  })

const returnInterviews = LocalMeasure.templates.find((t) => t.id === "return_interviews_completed_pct")!
/** A year of plainly fake monthly figures, April 2024 to March 2025: 30 of 50, but 3 of 4 in March. */
const months = Array.from({ length: 12 }, (_, i) => {
  const m = ((i + 3) % 12) + 1
  const period = `${m >= 4 ? 2024 : 2025}-${String(m).padStart(2, "0")}`
  return m === 3
    ? { measure: returnInterviews.id, period, numerator: 3, denominator: 4, value: null }
    : { measure: returnInterviews.id, period, numerator: 30, denominator: 50, value: null }
})

interface Entry {
  id: string
  display: string
  numerator: number | null
  rag?: string
  latest: { display: string } | null
  trend: Array<{ period: string; display: string }>
}

describe("local measures", () => {
  it("defines a measure, records a year of figures and a target, and answers the year with RAG", async () => {
    const officer = await bearer("officer", [councilA.id])
    const defined = await post(`${base}/measures`, { ...returnInterviews, priorities: ["P2"], template: null }, officer)
    expect(defined.status).toBe(201)
    const recorded = await post(
      `${base}/measures/values`,
      { values: months, targets: [{ indicator: returnInterviews.id, year: 2025, value: 70, tolerance: 5 }] },
      officer
    )
    expect(recorded.status).toBe(201)
    expect(await recorded.json()).toEqual({ recorded: 12 })
    const res = await app().request(`${base}/measures?year=2025`, { headers: officer })
    const body = (await res.json()) as { measures: Array<Entry>; templates: Array<{ id: string }> }
    const entry = body.measures.find((e) => e.id === returnInterviews.id)!
    expect(entry.numerator).toBe(333)
    expect(entry.rag).toBe("red")
    expect(entry.latest?.display).toBe("75")
    expect(body.templates.map((t) => t.id)).not.toContain(returnInterviews.id)
  })

  it("forces a member's view to suppress March's small count and one more month", async () => {
    const res = await app().request(`${base}/measures?year=2025&audience=officer`, {
      headers: await bearer("member", [councilA.id])
    })
    const body = (await res.json()) as { audience: string; measures: Array<Entry> }
    expect(body.audience).toBe("member")
    const entry = body.measures.find((e) => e.id === returnInterviews.id)!
    expect(entry.latest?.display).toBe("c")
    expect(entry.trend.filter((p) => p.display === "c").length).toBeGreaterThanOrEqual(2)
  })

  it("answers 404 for a measure's figures when the council has no such measure, 422 for a value of none", async () => {
    const officer = await bearer("officer", [councilA.id])
    const missing = await app().request(`${base}/measures/nope/values`, { headers: officer })
    expect(missing.status).toBe(404)
    const refused = await post(
      `${base}/measures/values`,
      { values: [{ measure: "nope", period: "2025-01", numerator: 1, denominator: 2, value: null }] },
      officer
    )
    expect(refused.status).toBe(422)
    expect(((await refused.json()) as { type: string }).type).toBe("urn:cpo:problem:unknown-measure")
  })
})

describe("pledges and voice", () => {
  const pledge = {
    id: "missing-1",
    promise: "We will listen when you come home",
    meaning: "Someone offers to talk within three days.",
    owner: "Missing from care service",
    ownerKind: "service",
    priorities: ["P2"],
    evidence: { measures: [returnInterviews.id], actions: ["P2.2"], youSaidWeDid: [] }
  }

  it("keeps a pledge whose evidence leads to records held, and follows it", async () => {
    const officer = await bearer("officer", [councilA.id])
    expect((await post(`${base}/pledges`, pledge, officer)).status).toBe(201)
    const reviewed = await post(
      `${base}/pledges/missing-1/reviews`,
      { on: "2025-02-01", with: "children_in_care_council", status: "partly_kept", summary: "fake" },
      officer
    )
    expect(reviewed.status).toBe(201)
    const res = await app().request(`${base}/pledges?asOf=2025-03-31`, {
      headers: await bearer("member", [councilA.id])
    })
    const body = (await res.json()) as {
      pledges: Array<{ status: string; lastReviewedWithChildren: string; evidence: Array<{ title: string | null }> }>
      problems: Array<unknown>
    }
    const held = body.pledges.find((p) => (p as unknown as { pledge: { id: string } }).pledge.id === "missing-1")!
    expect(held.status).toBe("partly_kept")
    expect(held.lastReviewedWithChildren).toBe("2025-02-01")
    expect(held.evidence.map((e) => e.title)).toEqual([
      "Return home interviews completed within 72 hours",
      "Fake action 2.2"
    ])
  })

  it("refuses a pledge whose evidence leads nowhere", async () => {
    const res = await post(
      `${base}/pledges`,
      { ...pledge, id: "broken", evidence: { measures: ["gone"], actions: [], youSaidWeDid: [] } },
      await bearer("officer", [councilA.id])
    )
    expect(res.status).toBe(422)
    expect(((await res.json()) as { detail: string }).detail).toContain("evidence measure gone is not held")
  })

  it("publishes the pledges in plain words to anyone, without owner or evidence", async () => {
    const res = await app().request(`${base}/pledges/published?asOf=2025-03-31`)
    expect(res.status).toBe(200)
    const body = (await res.json()) as { pledges: Array<Record<string, unknown>> }
    const published = body.pledges.find((p) => p.id === "missing-1")!
    expect(published).toEqual({
      id: "missing-1",
      promise: pledge.promise,
      meaning: pledge.meaning,
      status: "Partly kept",
      lastReviewedWithChildren: "2025-02-01"
    })
  })

  it("hides from members how many young people raised a theme when it is 1 to 5", async () => {
    const officer = await bearer("officer", [councilA.id])
    const theme = (id: string, raisedBy: number) => ({
      id,
      on: "2025-01-10",
      source: "children_in_care_council",
      theme: `Fake theme ${id}`,
      summary: "plainly fake",
      raisedBy,
      priorities: ["P2"],
      pledges: ["missing-1"],
      actions: []
    })
    for (const t of [theme("t1", 3), theme("t2", 12), theme("t3", 20)]) {
      expect((await post(`${base}/voice`, t, officer)).status).toBe(201)
    }
    const member = (await (
      await app().request(`${base}/voice`, { headers: await bearer("member", [councilA.id]) })
    ).json()) as { themes: Array<{ id: string; raisedBy: number | "c" | null }> }
    expect(member.themes.filter((t) => t.id.startsWith("t")).map((t) => t.raisedBy)).toEqual(["c", "c", 20])
  })

  it("puts the local measures and pledges in the member report beside the 903 indicators", async () => {
    const res = await app().request(`${base}/reports/member?year=2018&format=md`, {
      headers: await bearer("member", [councilA.id])
    })
    expect(res.status).toBe(200)
    const text = await res.text()
    expect(text).toContain("## Local measures")
    expect(text).toContain("| Return home interviews completed within 72 hours | Monthly |")
    expect(text).toContain("## Our pledges")
    expect(text).toContain("We will listen when you come home")
    expect(text).not.toContain("(not found)")
  })
})
