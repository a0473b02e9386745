import { assert, describe, it } from "@effect/vitest"
import { Effect, Option, Schema } from "effect"
import {
  CalendarDate,
  type Child,
  Council,
  DemoOffer,
  Eligibility,
  type Entitlement,
  LocalOffer,
  TakeUp
} from "../src/index.ts"

const d = CalendarDate.make
const council = Council.CouncilId.make("fake-takeup-borough")
const offer = Effect.runSync(
  LocalOffer.makeDraft({
    council,
    version: 1,
    title: DemoOffer.title,
    entitlements: DemoOffer.entitlements,
    created: { by: "officer@fake", at: "2025-01-01T00:00:00Z" }
  })
)

/** Plainly fake young people: FAKE-T0..n, all former relevant, born on 1 January of `born`. */
const people = (n: number, born: number): ReadonlyArray<Eligibility.YoungPerson> =>
  Array.from({ length: n }, (_, i) =>
    Schema.decodeUnknownSync(Eligibility.YoungPerson)({
      childId: `FAKE-T${born}-${i}`,
      dateOfBirth: `${born}-01-01`,
      facts: [{ _tag: "Status", status: "former_relevant", from: `${born + 18}-01-01` }]
    })
  )

const record = (
  childId: string,
  entitlementId: string,
  stage: TakeUp.Stage,
  on: string,
  pence: Option.Option<number> = Option.none()
): TakeUp.TakeUp => ({
  id: `${childId}/${entitlementId}/${stage}/${on}`,
  council,
  offerVersion: 1,
  entitlementId: entitlementId as Entitlement.EntitlementId,
  childId: childId as Child.ChildId,
  stage,
  on: d(on),
  pence,
  recordedBy: "officer@fake",
  recordedAt: "2025-06-01T00:00:00Z"
})

const twenty = people(8, 2005)
const older = people(3, 2002)
const records = [
  ...twenty.map((p) => record(p.childId, "setting-up-home-allowance", "applied", "2025-03-01")),
  ...twenty
    .slice(0, 7)
    .map((p) => record(p.childId, "setting-up-home-allowance", "paid", "2025-04-01", Option.some(300_000))),
  record(twenty[7]!.childId, "setting-up-home-allowance", "refused", "2025-04-02"),
  ...older.map((p) => record(p.childId, "driving-lessons", "awarded", "2025-05-01")),
  record("FAKE-UNKNOWN", "laptop", "awarded", "2025-05-01")
]

describe("take-up summaries", () => {
  it("counts by entitlement for officers, exactly", () => {
    const summary = TakeUp.summarise({
      records,
      offer,
      people: [...twenty, ...older],
      by: "entitlement",
      audience: "officer"
    })
    const suha = summary.rows.find((r) => r.key === "setting-up-home-allowance")!
    assert.deepStrictEqual(
      [suha.youngPeople, suha.applications, suha.payments, suha.paidPence, suha.refusals],
      [7, 8, 7, 2_100_000, 1]
    )
    assert.strictEqual(summary.rows.find((r) => r.key === "driving-lessons")?.awards, 3)
    assert.strictEqual(summary.total.youngPeople, 11)
  })

  it("suppresses counts of 1 to 5 for members, with secondary suppression, and hides the amount paid with them", () => {
    const summary = TakeUp.summarise({
      records,
      offer,
      people: [...twenty, ...older],
      by: "entitlement",
      audience: "member"
    })
    const row = (key: string) => summary.rows.find((r) => r.key === key)!
    assert.strictEqual(row("driving-lessons").awards, "c")
    assert.strictEqual(row("laptop").awards, "c")
    assert.strictEqual(row("setting-up-home-allowance").payments, 7)
    assert.strictEqual(row("setting-up-home-allowance").paidPence, 2_100_000)
    assert.strictEqual(row("setting-up-home-allowance").refusals, "c")
    assert.strictEqual(row("driving-lessons").paidPence, 0)
    // Refusals: one row of 1 and a total of 1 — both hidden so the total cannot reveal the cell.
    assert.strictEqual(summary.total.refusals, "c")
  })

  it("counts by age band and status on each record's day, unknown people as unknown", () => {
    const byAge = TakeUp.summarise({
      records,
      offer,
      people: [...twenty, ...older],
      by: "age_band",
      audience: "officer"
    })
    assert.deepStrictEqual(
      byAge.rows.map((r) => [r.key, r.applications, r.awards]),
      [
        ["18_20", 8, 0],
        ["21_24", 0, 3],
        ["unknown", 0, 1]
      ]
    )
    const byStatus = TakeUp.summarise({ records, offer, people: twenty, by: "status", audience: "officer" })
    assert.deepStrictEqual(
      byStatus.rows.map((r) => r.key),
      ["former_relevant", "unknown"]
    )
  })

  it("counts an entitlement in each of its areas", () => {
    const byArea = TakeUp.summarise({ records, offer, people: twenty, by: "area", audience: "officer" })
    const keys = byArea.rows.map((r) => r.key)
    assert.includeMembers(keys, ["accommodation", "financial_literacy", "employment"])
  })
})

describe("not taken up", () => {
  it("lists young people an entitlement applies to with no award or payment, with their latest stage", () => {
    const gaps = TakeUp.notTakenUp({
      offer,
      people: [...twenty, ...older],
      records,
      on: d("2025-06-01"),
      keys: ["setting-up-home-allowance" as Entitlement.EntitlementId]
    })
    assert.deepStrictEqual(
      gaps.map((g) => [g.childId, Option.getOrNull(g.latestStage)]),
      [[twenty[7]!.childId, "refused"], ...older.map((p) => [p.childId, null])]
    )
  })

  it("ignores records dated after the day asked about", () => {
    const gaps = TakeUp.notTakenUp({
      offer,
      people: twenty.slice(0, 1),
      records,
      on: d("2025-03-15"),
      keys: ["setting-up-home-allowance" as Entitlement.EntitlementId]
    })
    assert.deepStrictEqual(
      gaps.map((g) => Option.getOrNull(g.latestStage)),
      ["applied"]
    )
  })
})

describe("age bands", () => {
  const cases: ReadonlyArray<readonly [number, TakeUp.AgeBand]> = [
    [15, "under_16"],
    [16, "16_17"],
    [17, "16_17"],
    [18, "18_20"],
    [20, "18_20"],
    [21, "21_24"],
    [24, "21_24"],
    [25, "25_plus"]
  ]
  for (const [age, band] of cases) it(`puts ${age} in ${band}`, () => assert.strictEqual(TakeUp.ageBand(age), band))
})
