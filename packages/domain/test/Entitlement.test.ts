import { assert, describe, it } from "@effect/vitest"
import { Option, Schema } from "effect"
import { CalendarDate, DemoOffer, Eligibility, Entitlement, NationalEntitlements, OfferArea } from "../src/index.ts"

const d = CalendarDate.make
const byId = (id: string) => {
  const e = NationalEntitlements.catalogue.find((x) => x.id === id)
  if (e === undefined) throw new Error(`no national entitlement ${id}`)
  return e
}
const person = (dateOfBirth: string, facts: ReadonlyArray<typeof Eligibility.Fact.Encoded>) =>
  Schema.decodeUnknownSync(Eligibility.YoungPerson)({ childId: "FAKE-E", dateOfBirth, facts })

describe("the national catalogue", () => {
  it("decodes, with unique ids, a source for each entitlement, and every statutory area but one covered", () => {
    const ids = NationalEntitlements.catalogue.map((e) => e.id)
    assert.strictEqual(new Set(ids).size, ids.length)
    assert.isAtLeast(ids.length, 12)
    for (const e of NationalEntitlements.catalogue) assert.isAbove(e.sources.length, 0, e.id)
    const covered = new Set(NationalEntitlements.catalogue.flatMap((e) => e.areas))
    for (const area of OfferArea.statutory) assert.isTrue(covered.has(area), area)
  })
})

describe("worked examples kept with the rules (national and the demo council's)", () => {
  for (const e of DemoOffer.entitlements) {
    for (const result of Entitlement.runExamples(e)) {
      it(`${e.id}: ${result.example.description}`, () => {
        assert.isTrue(
          result.passed,
          `expected applies=${result.example.applies}, got ${result.assessment.applies}: ${result.assessment.check.because}`
        )
      })
    }
  }
})

describe("effective-dated amounts", () => {
  const bursary = byId("apprenticeship-bursary")
  const startedOn = (from: string) =>
    person("2000-01-01", [
      { _tag: "Status", status: "former_relevant", from: "2018-01-01" },
      { _tag: "Activity", activity: "apprenticeship", from }
    ])
  const cases: ReadonlyArray<readonly [string, string, Option.Option<number>]> = [
    ["2018-07-31", "2018-09-01", Option.none()],
    ["2018-08-01", "2018-09-01", Option.some(100_000)],
    ["2023-07-31", "2024-01-01", Option.some(100_000)],
    ["2023-08-01", "2024-01-01", Option.some(300_000)]
  ]
  for (const [start, on, pence] of cases) {
    it(`apprenticeship started ${start}, asked ${on}: ${Option.getOrElse(pence, () => 0)}p`, () => {
      const a = Entitlement.assess(bursary, startedOn(start), d(on))
      assert.deepStrictEqual(
        Option.map(a.amount, (x) => x.pence),
        pence
      )
    })
  }

  it("is not offered before it came into force, and says so", () => {
    const a = Entitlement.assess(bursary, startedOn("2018-05-01"), d("2018-07-31"))
    assert.isFalse(a.inForce)
    assert.isFalse(a.applies)
    assert.strictEqual(a.check.because, "offered from 2018-08-01")
  })

  it("takes the setting-up-home amount on the day asked", () => {
    const suha = byId("setting-up-home-allowance")
    assert.deepStrictEqual(
      Option.map(Entitlement.amountOn(suha, d("2023-03-31")), (a) => a.pence),
      Option.some(200_000)
    )
    assert.deepStrictEqual(
      Option.map(Entitlement.amountOn(suha, d("2023-04-01")), (a) => a.pence),
      Option.some(300_000)
    )
  })

  it("formats amounts as a young person reads them", () => {
    const amount = (pence: number, per: Entitlement.Frequency, upTo: boolean): Entitlement.Amount => ({
      from: d("2020-01-01"),
      to: Option.none(),
      pence,
      per,
      upTo
    })
    assert.strictEqual(Entitlement.formatAmount(amount(300_000, "once", false)), "£3,000")
    assert.strictEqual(Entitlement.formatAmount(amount(7_500, "year", true)), "up to £75 a year")
    assert.strictEqual(Entitlement.formatAmount(amount(5_790, "week", false)), "£57.90 a week")
  })
})

describe("Staying Put", () => {
  const stayingPut = byId("staying-put")
  const fostered = person("2004-03-01", [
    { _tag: "Status", status: "former_relevant", from: "2022-03-01" },
    { _tag: "Accommodation", accommodation: "foster_care", from: "2019-01-01" }
  ])
  it("applies from the 18th birthday to the day before the 21st", () => {
    assert.isTrue(Entitlement.assess(stayingPut, fostered, d("2022-03-01")).applies)
    assert.isTrue(Entitlement.assess(stayingPut, fostered, d("2025-02-28")).applies)
    assert.isFalse(Entitlement.assess(stayingPut, fostered, d("2025-03-01")).applies)
  })
  it("does not apply to someone who moved into foster care after 18", () => {
    const movedLater = person("2004-03-01", [
      { _tag: "Status", status: "former_relevant", from: "2022-03-01" },
      { _tag: "Accommodation", accommodation: "foster_care", from: "2022-03-02" }
    ])
    assert.isFalse(Entitlement.assess(stayingPut, movedLater, d("2023-01-01")).applies)
  })
})

describe("personal adviser: eligible → relevant → former relevant → 21–25 on request", () => {
  const pa = byId("personal-adviser")
  const yp = person("2004-04-10", [
    { _tag: "Status", status: "eligible", from: "2020-04-10", to: "2021-09-30" },
    { _tag: "Status", status: "relevant", from: "2021-10-01", to: "2022-04-09" },
    { _tag: "Status", status: "former_relevant", from: "2022-04-10" },
    { _tag: "RequestedSupport", from: "2026-05-01" }
  ])
  const cases: ReadonlyArray<readonly [string, boolean]> = [
    ["2020-04-09", false],
    ["2020-04-10", true],
    ["2021-10-01", true],
    ["2022-04-10", true],
    ["2025-04-09", true],
    ["2025-04-10", false],
    ["2026-05-01", true],
    ["2029-04-09", true],
    ["2029-04-10", false]
  ]
  for (const [on, applies] of cases) {
    it(`${applies ? "has" : "has no"} PA on ${on}`, () =>
      assert.strictEqual(Entitlement.assess(pa, yp, d(on)).applies, applies))
  }
})

describe("encoding", () => {
  it("round-trips the catalogue through JSON", () => {
    const codec = Schema.Array(Entitlement.Entitlement)
    const json = JSON.parse(JSON.stringify(Schema.encodeSync(codec)(NationalEntitlements.catalogue)))
    assert.deepStrictEqual(Schema.decodeUnknownSync(codec)(json), NationalEntitlements.catalogue)
  })
  it("reads a stored entitlement without an approval route as one to ask or apply for", () => {
    const encoded = Schema.encodeSync(Entitlement.Entitlement)(byId("staying-put")) as Record<string, unknown>
    assert.strictEqual(encoded.approval, "pathway_plan")
    const { approval: _approval, ...older } = encoded
    assert.strictEqual(Schema.decodeUnknownSync(Entitlement.Entitlement)(older).approval, "application")
  })

  it("rejects an entitlement id that is not a slug", () => {
    assert.isTrue(Option.isNone(Schema.decodeUnknownOption(Entitlement.EntitlementId)("Council Tax!")))
  })
})
