import { CalendarDate, DemoOffer, Entitlement, LocalOffer, OfferPage, type TakeUp } from "@cpo/domain"
import { Effect, Schema } from "effect"
import { describe, expect, it } from "vitest"
import { bearer, councilA, councilB } from "../testing.ts"
import { seededApi } from "../testing-app.ts"

const { app, runtime } = seededApi()
const base = (council: string) => `/v1/councils/${council}`
const post = async (path: string, body: string, headers: Record<string, string>) =>
  app().request(path, { method: "POST", body, headers: { ...headers, "content-type": "application/json" } })
const problemOf = async (res: Response) =>
  (await res.json()) as { type: string; detail?: string; errors?: Array<{ in: string; field: string }> }
const encodedDemo = () => Schema.encodeSync(Schema.Array(Entitlement.Entitlement))(DemoOffer.entitlements)

describe("the published local offer", () => {
  it("answers anyone, with no credential, the open JSON OfferPage.toJson builds", async () => {
    const res = await app().request(`${base(councilA.id)}/offer?on=2018-03-31`)
    expect(res.status).toBe(200)
    const offer = await runtime().runPromise(
      LocalOffer.LocalOffers.use((offers) => offers.publishedOn(councilA.id, CalendarDate.make("2018-03-31")))
    )
    expect(await res.json()).toEqual(
      JSON.parse(JSON.stringify(OfferPage.toJson(offer, CalendarDate.make("2018-03-31"))))
    )
  })

  it("answers the accessible page for Accept: text/html and at offer.html", async () => {
    const page = OfferPage.toHtmlPage(
      await runtime().runPromise(
        LocalOffer.LocalOffers.use((offers) => offers.publishedOn(councilA.id, CalendarDate.make("2018-03-31")))
      ),
      councilA.name,
      CalendarDate.make("2018-03-31")
    )
    const negotiated = await app().request(`${base(councilA.id)}/offer?on=2018-03-31`, {
      headers: { accept: "text/html,application/xhtml+xml,*/*;q=0.8" }
    })
    expect(negotiated.headers.get("content-type")).toContain("text/html")
    expect(await negotiated.text()).toBe(page)
    const direct = await app().request(`${base(councilA.id)}/offer.html?on=2018-03-31`)
    expect(await direct.text()).toBe(page)
  })

  it("answers no-published-offer before the first version takes effect, and council-not-found for no council", async () => {
    const early = await app().request(`${base(councilA.id)}/offer?on=2016-01-01`)
    expect(early.status).toBe(404)
    expect((await problemOf(early)).type).toBe("urn:cpo:problem:no-published-offer")
    const none = await app().request(`${base("no-such-council")}/offer`)
    expect(none.status).toBe(404)
    expect((await problemOf(none)).type).toBe("urn:cpo:problem:council-not-found")
  })

  it("answers validation-failed naming the field for a day that is not a date", async () => {
    const res = await app().request(`${base(councilA.id)}/offer?on=2018-02-31`)
    expect(res.status).toBe(400)
    expect((await problemOf(res)).errors?.map((e) => e.field)).toEqual(["on"])
  })
})

describe("the offer's lifecycle", () => {
  it("drafts, consults, approves and publishes a version, then diffs it with version 1", async () => {
    const headers = await bearer("officer", [councilB.id])
    const changed = encodedDemo().map((e) =>
      e.id === "personal-adviser" ? { ...e, title: "A personal adviser until you are 25" } : e
    )
    const draft = await post(
      `${base(councilB.id)}/offer/versions`,
      JSON.stringify({
        title: "Fake Borough B offer, revised",
        entitlements: changed.filter((e) => e.id !== "laptop")
      }),
      headers
    )
    expect(draft.status).toBe(201)
    const { version } = (await draft.json()) as { version: number; state: string }
    const notConsulted = await app().request(`${base(councilB.id)}/offer/versions/${version}/approval`, {
      method: "POST",
      headers
    })
    expect(notConsulted.status).toBe(409)
    expect((await problemOf(notConsulted)).type).toBe("urn:cpo:problem:offer-not-consulted")
    const consulted = await post(
      `${base(councilB.id)}/offer/versions/${version}/consultations`,
      JSON.stringify({ on: "2019-02-01", with: "the fake forum", careLeavers: true, summary: "clearer titles" }),
      headers
    )
    expect(consulted.status).toBe(201)
    const approved = await app().request(`${base(councilB.id)}/offer/versions/${version}/approval`, {
      method: "POST",
      headers
    })
    expect(((await approved.json()) as { state: string }).state).toBe("approved")
    const published = await post(
      `${base(councilB.id)}/offer/versions/${version}/publication`,
      JSON.stringify({ effectiveFrom: "2019-04-01" }),
      headers
    )
    expect(((await published.json()) as { state: string; published: { by: string } }).published.by).toBe(
      "token:officer@test"
    )
    const again = await post(
      `${base(councilB.id)}/offer/versions/${version}/consultations`,
      JSON.stringify({ on: "2019-05-01", with: "the fake forum", careLeavers: true, summary: "too late" }),
      headers
    )
    expect(again.status).toBe(409)
    expect((await problemOf(again)).type).toBe("urn:cpo:problem:offer-not-draft")
    const diff = await app().request(`${base(councilB.id)}/offer/diff?from=1&to=${version}`, { headers })
    const body = (await diff.json()) as LocalOffer.OfferDiff
    expect(body.removed.map((e) => e.id)).toContain("laptop")
    expect(body.changed.map((e) => e.id)).toEqual(["personal-adviser"])
    expect(body.titleChanged).toBe(true)
    const publicNow = await app().request(`${base(councilB.id)}/offer?on=2019-04-01`)
    expect(((await publicNow.json()) as { version: number }).version).toBe(version)
  })

  it("answers malformed-body for broken JSON and validation-failed for wrong types and unknown codes", async () => {
    const headers = await bearer("officer", [councilA.id])
    const broken = await post(`${base(councilA.id)}/offer/versions`, '{"title": "x", "entitlements": [', headers)
    expect(broken.status).toBe(400)
    expect((await problemOf(broken)).type).toBe("urn:cpo:problem:malformed-body")
    const wrongTypes = await post(
      `${base(councilA.id)}/offer/versions`,
      JSON.stringify({ title: 7, entitlements: {} }),
      headers
    )
    expect(wrongTypes.status).toBe(400)
    expect((await problemOf(wrongTypes)).errors?.map((e) => e.field).sort()).toEqual(["entitlements", "title"])
    const [first] = encodedDemo()
    const unknownArea = await post(
      `${base(councilA.id)}/offer/versions`,
      JSON.stringify({ title: "x", entitlements: [{ ...first, areas: ["astrology"] }] }),
      headers
    )
    expect(unknownArea.status).toBe(400)
    expect((await problemOf(unknownArea)).errors?.[0]?.field).toBe("entitlements.0.areas.0")
    const duplicate = await post(
      `${base(councilA.id)}/offer/versions`,
      JSON.stringify({ title: "x", entitlements: [first, first] }),
      headers
    )
    expect(duplicate.status).toBe(400)
    expect((await problemOf(duplicate)).type).toBe("urn:cpo:problem:duplicate-entitlement")
    const badVersion = await app().request(`${base(councilA.id)}/offer/versions/zero`, { headers })
    expect((await problemOf(badVersion)).errors?.[0]).toMatchObject({ in: "path", field: "version" })
    const noVersion = await app().request(`${base(councilA.id)}/offer/versions/99`, { headers })
    expect(noVersion.status).toBe(404)
    expect((await problemOf(noVersion)).type).toBe("urn:cpo:problem:offer-version-not-found")
  })

  it("refuses another council's versions (cross-council ids)", async () => {
    const res = await app().request(`${base(councilB.id)}/offer/versions/1`, {
      headers: await bearer("officer", [councilA.id])
    })
    expect(res.status).toBe(403)
    expect((await problemOf(res)).type).toBe("urn:cpo:problem:council-not-permitted")
  })
})

describe("a young person's entitlements", () => {
  it("answers what applies and why, with upcoming changes, and audits the read with the stated purpose", async () => {
    const purpose = "pathway plan review"
    const res = await app().request(`${base(councilA.id)}/entitlements/FA1?on=2018-03-31&ahead=3650`, {
      headers: { ...(await bearer("officer", [councilA.id])), "x-cpo-purpose": purpose }
    })
    expect(res.status).toBe(200)
    const body = (await res.json()) as { childId: string; age: number; assessments: Array<unknown> }
    expect(body).toMatchObject({ childId: "FA1", age: 7 })
    expect(body.assessments).toHaveLength(DemoOffer.entitlements.length)
    const audit = await app().request(`${base(councilA.id)}/audit`, { headers: await bearer("admin", [councilA.id]) })
    const { entries } = (await audit.json()) as {
      entries: Array<{ purpose: string; subject: { childIds?: string[] } }>
    }
    expect(entries.find((e) => e.purpose === purpose)?.subject.childIds).toEqual(["FA1"])
  })

  it("shows a partner only the entitlements named, and refuses a partner who names none", async () => {
    const headers = await bearer("partner", [councilA.id])
    const named = await app().request(`${base(councilA.id)}/entitlements/FA1?on=2018-03-31&entitlements=staying-put`, {
      headers
    })
    const body = (await named.json()) as { assessments: Array<{ entitlementId: string }> }
    expect(body.assessments.map((a) => a.entitlementId)).toEqual(["staying-put"])
    const unnamed = await app().request(`${base(councilA.id)}/entitlements/FA1?on=2018-03-31`, { headers })
    expect(unnamed.status).toBe(403)
    expect((await problemOf(unnamed)).type).toBe("urn:cpo:problem:entitlements-not-named")
  })

  it("answers child-not-found for a child in none of the council's returns, such as another council's", async () => {
    const res = await app().request(`${base(councilA.id)}/entitlements/FB1?on=2018-03-31`, {
      headers: await bearer("officer", [councilA.id])
    })
    expect(res.status).toBe(404)
    expect((await problemOf(res)).type).toBe("urn:cpo:problem:child-not-found")
  })
})

describe("take-up", () => {
  it("records take-up and summarises it, exact for officers and suppressed for members", async () => {
    const headers = await bearer("officer", [councilA.id])
    for (const [child, stage] of [
      ["FA1", "applied"],
      ["FA2", "applied"],
      ["FA2", "awarded"]
    ] as const) {
      const res = await post(
        `${base(councilA.id)}/takeup`,
        JSON.stringify({ entitlementId: "staying-put", childId: child, stage, on: "2017-11-01" }),
        headers
      )
      expect(res.status).toBe(201)
      expect(((await res.json()) as TakeUp.TakeUp).offerVersion).toBe(1)
    }
    const exact = (await (
      await app().request(`${base(councilA.id)}/takeup?year=2018`, { headers })
    ).json()) as TakeUp.Summary
    const stayingPut = exact.rows.find((r) => r.key === "staying-put")
    // young people count those awarded or paid (TakeUp.summarise): FA2 only
    expect(stayingPut).toMatchObject({ youngPeople: 1, applications: 2, awards: 1 })
    const member = (await (
      await app().request(`${base(councilA.id)}/takeup?year=2018&audience=officer`, {
        headers: await bearer("member", [councilA.id])
      })
    ).json()) as TakeUp.Summary
    expect(member.audience).toBe("member")
    expect(member.rows.find((r) => r.key === "staying-put")?.youngPeople).toBe("c")
  })

  it("answers unknown-entitlement for an id the offer does not have, and validation-failed for a bad stage", async () => {
    const headers = await bearer("officer", [councilA.id])
    const unknown = await post(
      `${base(councilA.id)}/takeup`,
      JSON.stringify({ entitlementId: "free-unicorn", childId: "FA1", stage: "applied", on: "2017-11-01" }),
      headers
    )
    expect(unknown.status).toBe(422)
    expect((await problemOf(unknown)).type).toBe("urn:cpo:problem:unknown-entitlement")
    const badStage = await post(
      `${base(councilA.id)}/takeup`,
      JSON.stringify({ entitlementId: "staying-put", childId: "FA1", stage: "won", on: "2017-11-01", pence: -1 }),
      headers
    )
    expect(badStage.status).toBe(400)
    expect((await problemOf(badStage)).errors?.map((e) => e.field).sort()).toEqual(["pence", "stage"])
  })

  it("is not visible to a token of another council even through the take-up summary", async () => {
    const res = await app().request(`${base(councilB.id)}/takeup?year=2018`, {
      headers: await bearer("officer", [councilA.id])
    })
    expect(res.status).toBe(403)
    // the test data is untouched by the refusal
    const offers = await runtime().runPromise(
      LocalOffer.LocalOffers.use((o) =>
        o.takeUp(councilB.id, CalendarDate.make("2017-04-01"), CalendarDate.make("2018-03-31"))
      ).pipe(Effect.map((r) => r.length))
    )
    expect(offers).toBe(0)
  })
})
