import { Strategy } from "@cpo/domain"
import { Schema } from "effect"
import { describe, expect, it } from "vitest"
import { bearer, councilA, councilB, fakeStrategy } from "../testing.ts"
import { seededApi } from "../testing-app.ts"

const { app } = seededApi()
const base = (council: string) => `/v1/councils/${council}`
const post = async (path: string, body: string, headers: Record<string, string>) =>
  app().request(path, { method: "POST", body, headers: { ...headers, "content-type": "application/json" } })
const problemOf = async (res: Response) =>
  (await res.json()) as { type: string; detail?: string; errors?: Array<{ in: string; field: string }> }

interface Status {
  priorities: Array<{
    id: string
    latest: { rag: string; commentary: string } | null
    actions: Array<{ id: string; latest: { rag: string; author: string } | null }>
  }>
}

describe("priorities", () => {
  it("lists each priority and action with its latest RAG on the day asked, for a member too", async () => {
    const headers = await bearer("member", [councilA.id])
    const before = (await (
      await app().request(`${base(councilA.id)}/priorities?asOf=2017-11-30`, { headers })
    ).json()) as Status
    expect(before.priorities[0]?.actions[0]?.latest).toBeNull()
    const after = (await (
      await app().request(`${base(councilA.id)}/priorities?asOf=2018-03-31`, { headers })
    ).json()) as Status
    expect(after.priorities[0]?.actions[0]?.latest?.rag).toBe("red")
  })

  it("lists the overdue and at-risk actions on asOf, overdue first, with reasons in words", async () => {
    const res = await app().request(`${base(councilA.id)}/priorities/overdue?asOf=2018-03-31`, {
      headers: await bearer("officer", [councilA.id])
    })
    const body = (await res.json()) as {
      concerns: Array<{ action: string; level: string; reasons: Array<{ kind: string; text: string }> }>
    }
    // P1.1 is open and was due on 30 September 2017 (182 days before) and rated red; P2.1 is completed.
    expect(body.concerns[0]).toMatchObject({ action: "P1.1", level: "overdue" })
    expect(body.concerns[0]?.reasons.map((r) => r.text)).toEqual(["overdue by 182 days", "rated red on 01/12/2017"])
    expect(body.concerns.map((c) => c.action)).not.toContain("P2.1")
  })

  it("records a priority update and an action update written by the caller, and shows them as latest", async () => {
    const headers = await bearer("officer", [councilA.id])
    const whole = await post(
      `${base(councilA.id)}/priorities/P1/updates`,
      JSON.stringify({ on: "2018-03-01", rag: "amber", commentary: "recovering" }),
      headers
    )
    expect(whole.status).toBe(201)
    const action = await post(
      `${base(councilA.id)}/priorities/P1/actions/P1.1/updates`,
      JSON.stringify({
        on: "2018-03-02",
        rag: "green",
        commentary: "back on track",
        evidence: [{ _tag: "IndicatorEvidence", indicator: "cla_31_march", year: 2018 }]
      }),
      headers
    )
    expect(((await action.json()) as { author: string }).author).toBe("token:officer@test")
    const status = (await (
      await app().request(`${base(councilA.id)}/priorities?asOf=2018-03-31`, { headers })
    ).json()) as Status
    expect(status.priorities[0]?.latest).toMatchObject({ rag: "amber", commentary: "recovering" })
    expect(status.priorities[0]?.actions[0]?.latest?.rag).toBe("green")
  })

  it("answers 4xx problems for malformed JSON, wrong types, unknown codes and an action of another priority", async () => {
    const headers = await bearer("officer", [councilA.id])
    const broken = await post(`${base(councilA.id)}/priorities/P1/updates`, "{", headers)
    expect((await problemOf(broken)).type).toBe("urn:cpo:problem:malformed-body")
    const wrong = await post(
      `${base(councilA.id)}/priorities/P1/updates`,
      JSON.stringify({ on: "yesterday", rag: "purple", commentary: "" }),
      headers
    )
    expect(wrong.status).toBe(400)
    expect((await problemOf(wrong)).errors?.map((e) => e.field).sort()).toEqual(["commentary", "on", "rag"])
    const unknown = await post(
      `${base(councilA.id)}/priorities/P9/updates`,
      JSON.stringify({ on: "2018-03-01", rag: "green", commentary: "x" }),
      headers
    )
    expect(unknown.status).toBe(422)
    expect((await problemOf(unknown)).type).toBe("urn:cpo:problem:unknown-priority-or-action")
    const elsewhere = await post(
      `${base(councilA.id)}/priorities/P2/actions/P1.1/updates`,
      JSON.stringify({ on: "2018-03-01", rag: "green", commentary: "x" }),
      headers
    )
    expect(elsewhere.status).toBe(422)
    const member = await post(
      `${base(councilA.id)}/priorities/P1/updates`,
      JSON.stringify({ on: "2018-03-01", rag: "green", commentary: "x" }),
      await bearer("member", [councilA.id])
    )
    expect(member.status).toBe(403)
    const crossCouncil = await post(
      `${base(councilB.id)}/priorities/P1/updates`,
      JSON.stringify({ on: "2018-03-01", rag: "green", commentary: "x" }),
      headers
    )
    expect((await problemOf(crossCouncil)).type).toBe("urn:cpo:problem:council-not-permitted")
  })
})

describe("governance", () => {
  it("computes each meeting's quorum, the year's quorate meetings against the minimum, and reports due", async () => {
    const res = await app().request(`${base(councilA.id)}/governance?asOf=2018-03-31`, {
      headers: await bearer("member", [councilA.id])
    })
    expect(res.status).toBe(200)
    const body = (await res.json()) as {
      boards: Array<{
        meetings: Array<{ meeting: { id: string }; quorate: boolean; checks: Array<{ required: number }> }>
        year: { held: number; quorate: number; minimum: number; meetsMinimum: boolean }
        due: Array<{ due: string }>
      }>
    }
    const [board] = body.boards
    // 75 % of four core members is three: June had three present, January two.
    expect(board?.meetings.map((m) => [m.meeting.id, m.quorate, m.checks[0]?.required])).toEqual([
      ["meeting-june", true, 3],
      ["meeting-january", false, 3]
    ])
    expect(board?.year).toMatchObject({ held: 2, quorate: 1, minimum: 4, meetsMinimum: false })
    expect(board?.due.map((d) => d.due)).toEqual(["2018-04-30", "2018-10-31"])
  })
})

describe("saving the strategy", () => {
  it("saves the strategy under the council of the path, and refuses one with problems naming them", async () => {
    const headers = await bearer("officer", [councilA.id])
    const strategy = Schema.encodeSync(Strategy.Strategy)(fakeStrategy(councilA.id))
    const renamed = { ...strategy, council: councilB.id, title: "Fake strategy, revised" }
    const saved = await post(`${base(councilA.id)}/strategy`, JSON.stringify(renamed), headers)
    expect(saved.status).toBe(201)
    expect((await saved.json()) as { council: string }).toMatchObject({ council: councilA.id })
    const status = (await (
      await app().request(`${base(councilA.id)}/priorities?asOf=2018-03-31`, { headers })
    ).json()) as { strategy: { title: string } }
    expect(status.strategy.title).toBe("Fake strategy, revised")
    const first = strategy.priorities[0]
    const duplicated = { ...strategy, priorities: [first, first] }
    const refused = await post(`${base(councilA.id)}/strategy`, JSON.stringify(duplicated), headers)
    expect(refused.status).toBe(422)
    expect((await problemOf(refused)).type).toBe("urn:cpo:problem:invalid-strategy")
    const wrongTypes = await post(`${base(councilA.id)}/strategy`, JSON.stringify({ ...strategy, period: 3 }), headers)
    expect((await problemOf(wrongTypes)).errors?.map((e) => e.field)).toEqual(["period"])
  })
})
