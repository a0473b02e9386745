/**
 * Every route × every role × two councils, checked against the matrix in `authorization.ts`: a token bound to
 * council A is allowed on A exactly when the table allows its role, and never on B.
 */
import {
  type Council,
  DemoOffer,
  Entitlement,
  Governance,
  LocalMeasure,
  LocalOffer,
  Pledge,
  Strategy,
  UserRole
} from "@cpo/domain"
import { Effect, Schema } from "effect"
import { describe, expect, it } from "vitest"
import { isAllowed, matrix } from "./authorization.ts"
import { type EndpointId, endpoints } from "./endpoints.ts"
import { bearer, councilA, councilB, csvFiles2019, fakeBoard, fakeStrategy, formOf, seedOffer } from "./testing.ts"
import { seededApi } from "./testing-app.ts"

const { app, runtime } = seededApi()

type SampleRequest = { path: string; init?: RequestInit }

const json = (method: string, body: unknown): RequestInit => ({
  method,
  body: JSON.stringify(body),
  headers: { "content-type": "application/json" }
})

const csv = (method: string, body: string): RequestInit => ({ method, body, headers: { "content-type": "text/csv" } })

/** A draft of the demo offer as the council's open version (consulted on when asked), for lifecycle requests. */
const openDraft = (council: string, consulted: boolean) =>
  runtime().runPromise(
    Effect.gen(function* () {
      const offers = yield* LocalOffer.LocalOffers
      const draft = yield* offers.saveDraft(
        council as Council.CouncilId,
        { title: DemoOffer.title, entitlements: DemoOffer.entitlements },
        "test"
      )
      if (!consulted) return draft.version
      const consultedDraft = yield* offers.recordConsultation(council as Council.CouncilId, draft.version, {
        on: "2017-03-01" as never,
        with: "the fake care leavers' forum",
        careLeavers: true,
        summary: "fine",
        recordedBy: "test"
      })
      return consultedDraft.version
    })
  )

/** The ready-made PEP measure switched on for the council, for requests about a measure's figures. */
const definePep = (council: string) =>
  runtime().runPromise(
    LocalMeasure.LocalMeasures.use((store) =>
      store.define(
        LocalMeasure.fromTemplate(LocalMeasure.templates[0]!, council as Council.CouncilId, [
          "P2" as Strategy.PriorityId
        ])
      )
    )
  )

/** A pledge held by the council, for a review request. */
const seedPledge = (council: string) =>
  runtime().runPromise(
    Pledge.Pledges.use((store) =>
      store.save({
        id: "fake-pledge" as Pledge.PledgeId,
        council: council as Council.CouncilId,
        promise: "We will do something plainly fake",
        meaning: "fake",
        owner: "Fake service",
        ownerKind: "service",
        priorities: ["P2" as Strategy.PriorityId],
        evidence: { measures: [], actions: ["P2.2" as Strategy.ActionId], youSaidWeDid: [] },
        reviews: []
      })
    )
  )

/** A valid request for each route; a route added without one here fails the completeness test below. */
const requests: {
  readonly [Id in EndpointId]: (council: string) => SampleRequest | Promise<SampleRequest>
} = {
  health: () => ({ path: "/health" }),
  openapi: () => ({ path: "/openapi.json" }),
  docs: () => ({ path: "/docs" }),
  listCouncils: () => ({ path: "/v1/councils" }),
  getCouncil: (council) => ({ path: `/v1/councils/${council}` }),
  indicators: (council) => ({ path: `/v1/councils/${council}/indicators?year=2018` }),
  indicatorTargets: (council) => ({ path: `/v1/councils/${council}/indicators/targets` }),
  replaceIndicatorTargets: (council) => ({
    path: `/v1/councils/${council}/indicators/targets`,
    init: csv("PUT", "indicator,year,target,tolerance\nplaced_foster_pct,2018,75,5\n")
  }),
  indicatorBenchmarks: (council) => ({ path: `/v1/councils/${council}/indicators/benchmarks` }),
  replaceIndicatorBenchmarks: (council) => ({
    path: `/v1/councils/${council}/indicators/benchmarks`,
    init: csv("PUT", "indicator,year,comparator,value\nplaced_foster_pct,2018,region,71\n")
  }),
  cohorts: (council) => ({ path: `/v1/councils/${council}/cohorts?year=2018&by=age_band` }),
  returnHistory: (council) => ({ path: `/v1/councils/${council}/returns` }),
  uploadReturn: (council) => ({
    path: `/v1/councils/${council}/returns/2019`,
    init: { method: "POST", body: formOf(csvFiles2019()) }
  }),
  validateReturn: (council) => ({
    path: `/v1/councils/${council}/returns/2019/validation`,
    init: { method: "POST", body: formOf(csvFiles2019()) }
  }),
  offer: (council) => ({ path: `/v1/councils/${council}/offer?on=2018-03-31` }),
  offerPage: (council) => ({ path: `/v1/councils/${council}/offer.html?on=2018-03-31` }),
  offerVersions: (council) => ({ path: `/v1/councils/${council}/offer/versions` }),
  offerVersion: (council) => ({ path: `/v1/councils/${council}/offer/versions/1` }),
  draftOffer: (council) => ({
    path: `/v1/councils/${council}/offer/versions`,
    init: json("POST", {
      title: "A fake draft",
      entitlements: Schema.encodeSync(Schema.Array(Entitlement.Entitlement))(DemoOffer.entitlements)
    })
  }),
  consultOffer: async (council) => ({
    path: `/v1/councils/${council}/offer/versions/${await openDraft(council, false)}/consultations`,
    init: json("POST", { on: "2017-03-02", with: "the fake forum", careLeavers: true, summary: "more on housing" })
  }),
  approveOffer: async (council) => ({
    path: `/v1/councils/${council}/offer/versions/${await openDraft(council, true)}/approval`,
    init: { method: "POST" }
  }),
  publishOffer: async (council) => ({
    path: `/v1/councils/${council}/offer/versions/${(await runtime().runPromise(seedOffer(council as Council.CouncilId, { publish: false }))).version}/publication`,
    init: json("POST", { effectiveFrom: "2030-04-01" })
  }),
  offerDiff: (council) => ({ path: `/v1/councils/${council}/offer/diff?from=1&to=1` }),
  entitlements: (council) => ({
    path: `/v1/councils/${council}/entitlements/FA1?on=2018-03-31&entitlements=personal-adviser`
  }),
  recordTakeUp: (council) => ({
    path: `/v1/councils/${council}/takeup`,
    init: json("POST", { entitlementId: "personal-adviser", childId: "FA1", stage: "applied", on: "2018-01-10" })
  }),
  takeUpSummary: (council) => ({ path: `/v1/councils/${council}/takeup?year=2018` }),
  takeUpGaps: (council) => ({ path: `/v1/councils/${council}/takeup/gaps?on=2018-03-31` }),
  priorities: (council) => ({ path: `/v1/councils/${council}/priorities?asOf=2018-03-31` }),
  saveStrategy: (council) => ({
    path: `/v1/councils/${council}/strategy`,
    init: json("POST", Schema.encodeSync(Strategy.Strategy)(fakeStrategy(council as Council.CouncilId)))
  }),
  overdue: (council) => ({ path: `/v1/councils/${council}/priorities/overdue?asOf=2018-03-31` }),
  priorityUpdate: (council) => ({
    path: `/v1/councils/${council}/priorities/P2/updates`,
    init: json("POST", { on: "2018-02-01", rag: "green", commentary: "on track" })
  }),
  actionUpdate: (council) => ({
    path: `/v1/councils/${council}/priorities/P2/actions/P2.2/updates`,
    init: json("POST", { on: "2018-02-01", rag: "amber", commentary: "slipping" })
  }),
  priorityHistory: (council) => ({ path: `/v1/councils/${council}/priorities/P1/updates` }),
  actionHistory: (council) => ({ path: `/v1/councils/${council}/priorities/P1/actions/P1.1/updates` }),
  youSaidWeDid: (council) => ({ path: `/v1/councils/${council}/you-said-we-did?from=2017-04-01` }),
  recordYouSaidWeDid: (council) => ({
    path: `/v1/councils/${council}/you-said-we-did`,
    init: json("POST", {
      on: "2018-02-01",
      source: "children_in_care_council",
      youSaid: "fake: more say in reviews",
      weDid: "fake: reviews now start with the young person",
      priorities: ["P1"]
    })
  }),
  governance: (council) => ({ path: `/v1/councils/${council}/governance?asOf=2018-03-31` }),
  saveBoard: (council) => ({
    path: `/v1/councils/${council}/governance/boards`,
    init: json("POST", Schema.encodeSync(Governance.Board)(fakeBoard(council as Council.CouncilId)))
  }),
  recordMeeting: (council) => ({
    path: `/v1/councils/${council}/governance/boards/fake-board/meetings`,
    init: json("POST", { on: "2018-02-20", attendance: [{ member: "M1", status: "present" }] })
  }),
  addBoardMember: (council) => ({
    path: `/v1/councils/${council}/governance/boards/fake-board/members`,
    init: json("POST", { name: "Fake new member", role: "councillor", membership: "core", from: "2018-04-01" })
  }),
  endBoardTerm: (council) => ({
    path: `/v1/councils/${council}/governance/boards/fake-board/members/M4/term-end`,
    init: json("POST", { until: "2018-03-31" })
  }),
  placements: (council) => ({ path: `/v1/councils/${council}/placements?year=2018` }),
  careLeavers: (council) => ({ path: `/v1/councils/${council}/care-leavers?year=2018` }),
  healthOutcomes: (council) => ({ path: `/v1/councils/${council}/health?year=2018` }),
  memberReport: (council) => ({ path: `/v1/councils/${council}/reports/member?year=2018&format=md` }),
  memberReportPdf: (council) => ({ path: `/v1/councils/${council}/reports/member.pdf?year=2018` }),
  measures: (council) => ({ path: `/v1/councils/${council}/measures?year=2025` }),
  defineMeasure: (council) => ({
    path: `/v1/councils/${council}/measures`,
    init: json("POST", { ...LocalMeasure.templates[1]!, priorities: ["P2"], template: null })
  }),
  measureValues: async (council) => {
    await definePep(council)
    return { path: `/v1/councils/${council}/measures/pep_on_time_pct/values` }
  },
  recordMeasureValues: async (council) => {
    await definePep(council)
    return {
      path: `/v1/councils/${council}/measures/values`,
      init: json("POST", {
        values: [{ measure: "pep_on_time_pct", period: "2025-01", numerator: 9, denominator: 10, value: null }]
      })
    }
  },
  pledges: (council) => ({ path: `/v1/councils/${council}/pledges?asOf=2025-03-31` }),
  publishedPledges: (council) => ({ path: `/v1/councils/${council}/pledges/published?asOf=2025-03-31` }),
  savePledge: (council) => ({
    path: `/v1/councils/${council}/pledges`,
    init: json("POST", {
      id: "fake-pledge-2",
      promise: "We will keep a plainly fake promise",
      meaning: "fake",
      owner: "Fake service",
      ownerKind: "service",
      priorities: ["P2"],
      evidence: { measures: [], actions: ["P2.2"], youSaidWeDid: [] }
    })
  }),
  reviewPledge: async (council) => {
    await seedPledge(council)
    return {
      path: `/v1/councils/${council}/pledges/fake-pledge/reviews`,
      init: json("POST", { on: "2025-02-01", with: "children_in_care_council", status: "kept", summary: "fake" })
    }
  },
  voice: (council) => ({ path: `/v1/councils/${council}/voice` }),
  recordTheme: (council) => ({
    path: `/v1/councils/${council}/voice`,
    init: json("POST", {
      id: "fake-theme",
      on: "2025-01-10",
      source: "children_in_care_council",
      theme: "Fake theme",
      summary: "plainly fake",
      raisedBy: 7,
      priorities: ["P2"],
      pledges: [],
      actions: []
    })
  }),
  auditLog: (council) => ({ path: `/v1/councils/${council}/audit` })
}

const roles = UserRole.all
const ids = Object.keys(endpoints) as Array<EndpointId>

describe("authorization matrix", () => {
  it("has a row and a sample request for every route", () => {
    expect(Object.keys(matrix).sort()).toEqual([...ids].sort())
    expect(Object.keys(requests).sort()).toEqual([...ids].sort())
  })

  for (const id of ids) {
    // An open route (the published offer) needs no binding to the council; every other route does.
    const pathNamesCouncil = endpoints[id].path.includes(":council") && matrix[id] !== "open"
    for (const role of roles) {
      const allowed = isAllowed(id, role)
      it(`${id} × ${role}: ${allowed ? "allowed" : "denied"} on its own council${pathNamesCouncil ? ", denied on another" : ""}`, async () => {
        const headers = await bearer(role, [councilA.id])
        const own = await requests[id](councilA.id)
        const res = await app().request(own.path, { ...own.init, headers: { ...own.init?.headers, ...headers } })
        if (allowed) {
          expect(res.status, `${id} as ${role}`).toBe(endpoints[id].status)
        } else {
          expect(res.status, `${id} as ${role}`).toBe(403)
          expect(((await res.json()) as { type: string }).type).toBe("urn:cpo:problem:role-not-permitted")
        }
        if (pathNamesCouncil) {
          const other = await requests[id](councilB.id)
          const denied = await app().request(other.path, {
            ...other.init,
            headers: { ...other.init?.headers, ...headers }
          })
          expect(denied.status, `${id} as ${role} on another council`).toBe(403)
        }
      })
    }
    it(`${id} without a credential: ${matrix[id] === "open" ? "allowed" : "401"}`, async () => {
      const own = await requests[id](councilA.id)
      const res = await app().request(own.path, own.init)
      expect(res.status).toBe(matrix[id] === "open" ? endpoints[id].status : 401)
    })
  }

  it("never shows a council's data to a token bound to another: listing councils as A never names B", async () => {
    for (const role of roles) {
      const res = await app().request("/v1/councils", { headers: await bearer(role, [councilA.id]) })
      const body = (await res.json()) as { councils: Array<{ id: string }> }
      expect(body.councils.map((c) => c.id)).toEqual([councilA.id])
    }
  })
})
