import { assert, describe, it } from "@effect/vitest"
import { Effect, Layer, Option } from "effect"
import { CalendarDate, Council, LocalMeasure, Pledge, Priorities, Strategy, YouSaidWeDid } from "../src/index.ts"

const council = Council.CouncilId.make("demo-borough")
const d = CalendarDate.make
const pep = LocalMeasure.fromTemplate(Option.getOrThrow(LocalMeasure.templateById("pep_on_time_pct")), council)

const strategy: Strategy.Strategy = {
  id: Strategy.StrategyId.make("cps"),
  council,
  title: "Our strategy",
  period: { start: d("2024-04-01"), end: d("2027-03-31") },
  priorities: [
    {
      id: Strategy.PriorityId.make("P1"),
      title: "My education",
      leadMembers: ["Cllr A"],
      leadOfficer: "Head of Virtual School",
      whatWeNeedToImprove: [],
      whatWeWillDo: [],
      whatThisWillMeanInPractice: [],
      principles: [],
      indicators: [],
      actions: [
        {
          id: Strategy.ActionId.make("P1.1"),
          title: "Every PEP reviewed each term",
          owner: "Virtual School",
          start: d("2024-04-01"),
          due: d("2025-03-31"),
          status: "in_progress",
          milestones: []
        }
      ]
    }
  ]
}

const ysd: YouSaidWeDid.Entry = {
  id: YouSaidWeDid.EntryId.make("ysd-1"),
  council,
  on: d("2024-09-01"),
  source: "children_in_care_council",
  youSaid: "Our PEP meetings happen in lessons we like",
  weDid: "PEP meetings are now booked outside favourite lessons",
  priorities: [Strategy.PriorityId.make("P1")]
}

const pledge: Pledge.Pledge = {
  id: Pledge.PledgeId.make("school-1"),
  council,
  promise: "We will help you do your best at school",
  meaning: "Your personal education plan is reviewed every term, with you.",
  owner: "Virtual School",
  ownerKind: "service",
  priorities: [Strategy.PriorityId.make("P1")],
  evidence: {
    measures: [pep.id],
    actions: [Strategy.ActionId.make("P1.1")],
    youSaidWeDid: [ysd.id]
  },
  reviews: [
    { on: d("2024-07-10"), with: "children_in_care_council", status: "not_yet_kept", summary: "Too many late PEPs." },
    { on: d("2025-01-15"), with: "corporate_parenting_board", status: "partly_kept", summary: "Better, not there." }
  ]
}

const records: Pledge.Records = { measures: [pep], strategy: Option.some(strategy), youSaidWeDid: [ysd] }

describe("Pledge status", () => {
  it("is the latest review's on the date, none before the first", () => {
    assert.isTrue(Option.isNone(Pledge.statusOn(pledge, d("2024-07-01"))))
    assert.strictEqual(Option.getOrNull(Pledge.statusOn(pledge, d("2024-12-31"))), "not_yet_kept")
    assert.strictEqual(Option.getOrNull(Pledge.statusOn(pledge, d("2025-03-31"))), "partly_kept")
  })
  it("remembers the last review with the Children in Care Council", () => {
    assert.strictEqual(Option.getOrNull(Pledge.lastReviewedWithChildren(pledge, d("2025-03-31"))), "2024-07-10")
  })
  it("keeps reviews in date order when one is added", () => {
    const later = Pledge.review(pledge, {
      on: d("2024-10-01"),
      with: "children_in_care_council",
      status: "partly_kept",
      summary: "Some progress."
    })
    assert.deepStrictEqual(
      later.reviews.map((r) => r.on),
      ["2024-07-10", "2024-10-01", "2025-01-15"]
    )
  })
})

describe("Pledge evidence", () => {
  it("follows each link to the measure, action or you-said-we-did entry it names", () => {
    assert.deepStrictEqual(
      Pledge.evidenceTrail(pledge, records).map((l) => [l.kind, Option.getOrNull(l.title)]),
      [
        ["measure", "Personal education plans completed on time"],
        ["action", "Every PEP reviewed each term"],
        ["you_said_we_did", "Our PEP meetings happen in lessons we like"]
      ]
    )
    assert.deepStrictEqual(Pledge.problems([pledge], records), [])
  })
  it("names evidence that links to nothing held, a pledge with none, an unknown priority and a repeated id", () => {
    const broken: Pledge.Pledge = {
      ...pledge,
      id: Pledge.PledgeId.make("home-1"),
      priorities: [Strategy.PriorityId.make("P9")],
      evidence: { measures: [LocalMeasure.MeasureId.make("gone")], actions: [], youSaidWeDid: [] }
    }
    const empty: Pledge.Pledge = { ...pledge, evidence: { measures: [], actions: [], youSaidWeDid: [] } }
    assert.deepStrictEqual(Pledge.problems([pledge, broken, empty], records), [
      { at: "pledge home-1", message: "evidence measure gone is not held" },
      { at: "pledge home-1", message: "priority P9 is not in the strategy" },
      { at: "pledge school-1", message: "id used by another pledge" },
      { at: "pledge school-1", message: "has no evidence" }
    ])
  })
})

describe("Pledge.publish", () => {
  it("gives the promise in plain words with its status and last review with children", () => {
    assert.deepStrictEqual(Pledge.publish([pledge], d("2025-03-31")), [
      {
        id: "school-1",
        promise: "We will help you do your best at school",
        meaning: "Your personal education plan is reviewed every term, with you.",
        status: "Partly kept",
        lastReviewedWithChildren: Option.some(d("2024-07-10"))
      }
    ])
  })
})

describe("Pledge.recordsOf", () => {
  /** Only `definitions` is asked for: any other call is a test failure. */
  const measures = Layer.succeed(LocalMeasure.LocalMeasures, {
    definitions: (c: Council.CouncilId) => Effect.succeed(c === council ? [pep] : []),
    ...Object.fromEntries(
      ["define", "recordValues", "values", "setTargets", "targets", "setBenchmarks", "benchmarks"].map((name) => [
        name,
        () => Effect.die(`unexpected LocalMeasures.${name}`)
      ])
    )
  } as unknown as LocalMeasure.LocalMeasures["Service"])
  const stores = Layer.merge(Priorities.layerMemory, measures)

  it.effect("reads the council's measures, current strategy and you-said-we-did entries", () =>
    Effect.gen(function* () {
      const priorities = yield* Priorities.Priorities
      yield* priorities.saveStrategy(strategy)
      yield* priorities.recordYouSaidWeDid(ysd)
      assert.deepStrictEqual(yield* Pledge.recordsOf(council), records)
    }).pipe(Effect.provide(stores))
  )

  it.effect("has no strategy, not an error, for a council without one", () =>
    Effect.map(Pledge.recordsOf(council), (found) => {
      assert.isTrue(Option.isNone(found.strategy))
      assert.deepStrictEqual(found.youSaidWeDid, [])
    }).pipe(Effect.provide(stores))
  )
})
