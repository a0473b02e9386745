/**
 * The RAG history of a priority and of an action, and "you said, we did": listing, recording, and their refusals.
 */
import { describe, expect, it } from "vitest"
import { bearer, councilA, councilB } from "../testing.ts"
import { seededApi } from "../testing-app.ts"

const { app } = seededApi()
const base = (council: string) => `/v1/councils/${council}`
const post = async (path: string, body: unknown, headers: Record<string, string>) =>
  app().request(path, {
    method: "POST",
    body: JSON.stringify(body),
    headers: { ...headers, "content-type": "application/json" }
  })
const problemOf = async (res: Response) =>
  (await res.json()) as { type: string; errors?: Array<{ in: string; field: string }> }

interface History {
  updates: Array<{ id: string; on: string; rag: string; action: string | null; author: string }>
}

describe("progress history", () => {
  it("lists every update of an action oldest first, and of the whole priority apart from its actions", async () => {
    const officer = await bearer("officer", [councilA.id])
    const actionUpdate = await post(
      `${base(councilA.id)}/priorities/P1/actions/P1.1/updates`,
      { on: "2018-02-01", rag: "amber", commentary: "recovering" },
      officer
    )
    expect(actionUpdate.status).toBe(201)
    const wholeUpdate = await post(
      `${base(councilA.id)}/priorities/P1/updates`,
      { on: "2018-01-20", rag: "red", commentary: "behind overall" },
      officer
    )
    expect(wholeUpdate.status).toBe(201)

    const member = await bearer("member", [councilA.id])
    const action = await app().request(`${base(councilA.id)}/priorities/P1/actions/P1.1/updates`, { headers: member })
    expect(action.status).toBe(200)
    const actionHistory = (await action.json()) as History
    // The fake store's own update (red, 1 December 2017) comes first, then the one recorded here.
    expect(actionHistory.updates.map((u) => [u.on, u.rag, u.action])).toEqual([
      ["2017-12-01", "red", "P1.1"],
      ["2018-02-01", "amber", "P1.1"]
    ])
    expect(actionHistory.updates[1]?.author).toBe("token:officer@test")

    const whole = (await (
      await app().request(`${base(councilA.id)}/priorities/P1/updates`, { headers: member })
    ).json()) as History
    expect(whole.updates.map((u) => [u.on, u.rag, u.action])).toEqual([["2018-01-20", "red", null]])
  })

  it("refuses a priority the strategy lacks, and an action of another priority", async () => {
    const headers = await bearer("analyst", [councilA.id])
    for (const path of ["priorities/P9/updates", "priorities/P2/actions/P1.1/updates"]) {
      const res = await app().request(`${base(councilA.id)}/${path}`, { headers })
      expect(res.status, path).toBe(422)
      expect((await problemOf(res)).type).toBe("urn:cpo:problem:unknown-priority-or-action")
    }
  })

  it("answers another council's history only to its own credentials", async () => {
    const res = await app().request(`${base(councilB.id)}/priorities/P1/updates`, {
      headers: await bearer("officer", [councilA.id])
    })
    expect(res.status).toBe(403)
  })
})

interface Entries {
  entries: Array<{ id: string; council: string; on: string; source: string; youSaid: string; priorities: string[] }>
}

describe("you said, we did", () => {
  const entry = {
    on: "2018-02-14",
    source: "children_in_care_council",
    youSaid: "fake: we want to know our social worker's name",
    weDid: "fake: every letter now names the social worker",
    priorities: ["P1"]
  }

  it("records an entry for the council in the path and lists it for a member, within a period", async () => {
    const created = await post(
      `${base(councilB.id)}/you-said-we-did`,
      { ...entry, council: councilA.id },
      await bearer("admin", [councilB.id])
    )
    expect(created.status).toBe(201)
    const body = (await created.json()) as Entries["entries"][number]
    expect(body.council).toBe(councilB.id)
    expect(body.id).toMatch(/^Y-/)

    const member = await bearer("member", [councilB.id])
    const listed = (await (
      await app().request(`${base(councilB.id)}/you-said-we-did`, { headers: member })
    ).json()) as Entries
    expect(listed.entries.map((e) => [e.id, e.youSaid])).toEqual([[body.id, entry.youSaid]])
    const later = (await (
      await app().request(`${base(councilB.id)}/you-said-we-did?from=2018-03-01`, { headers: member })
    ).json()) as Entries
    expect(later.entries).toEqual([])
    const none = (await (
      await app().request(`${base(councilA.id)}/you-said-we-did`, { headers: await bearer("member", [councilA.id]) })
    ).json()) as Entries
    expect(none.entries).toEqual([])
  })

  it("refuses an entry linked to a priority the strategy lacks, an unknown source, and a member", async () => {
    const officer = await bearer("officer", [councilB.id])
    const unknown = await post(`${base(councilB.id)}/you-said-we-did`, { ...entry, priorities: ["P9"] }, officer)
    expect(unknown.status).toBe(422)
    expect((await problemOf(unknown)).type).toBe("urn:cpo:problem:unknown-priority-or-action")

    const badSource = await post(`${base(councilB.id)}/you-said-we-did`, { ...entry, source: "rumour" }, officer)
    expect(badSource.status).toBe(400)
    expect((await problemOf(badSource)).errors?.map((e) => `${e.in}:${e.field}`)).toEqual(["body:source"])

    const member = await post(`${base(councilB.id)}/you-said-we-did`, entry, await bearer("member", [councilB.id]))
    expect(member.status).toBe(403)
  })
})
