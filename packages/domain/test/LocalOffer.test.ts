import { assert, describe, it } from "@effect/vitest"
import { Effect, Exit, Option, Schema } from "effect"
import {
  CalendarDate,
  Council,
  DemoOffer,
  Eligibility,
  type Entitlement,
  LocalOffer,
  NationalEntitlements,
  OfferArea,
  OfferPage
} from "../src/index.ts"

const d = CalendarDate.make
const council = Council.CouncilId.make("fake-offer-borough")
const signOff = (by: string, at: string): LocalOffer.SignOff => ({ by, at })
const consultation: LocalOffer.Consultation = {
  on: d("2025-02-01"),
  with: "the care leavers' forum",
  careLeavers: true,
  summary: "Asked for council tax relief to 25",
  recordedBy: "officer@fake"
}
const person = (dateOfBirth: string, facts: ReadonlyArray<typeof Eligibility.Fact.Encoded>) =>
  Schema.decodeUnknownSync(Eligibility.YoungPerson)({ childId: "FAKE-L", dateOfBirth, facts })

const draft = (entitlements: ReadonlyArray<Entitlement.Entitlement> = DemoOffer.entitlements, version = 1) =>
  Effect.runSync(
    LocalOffer.makeDraft({
      council,
      version,
      title: DemoOffer.title,
      entitlements,
      created: signOff("officer@fake", "2025-01-10T09:00:00.000Z")
    })
  )

const published = (entitlements: ReadonlyArray<Entitlement.Entitlement>, version: number, effectiveFrom: string) =>
  Effect.runSync(
    Effect.gen(function* () {
      const consulted = yield* LocalOffer.recordConsultation(draft(entitlements, version), consultation)
      const approved = yield* LocalOffer.approve(consulted, signOff("director@fake", "2025-02-10T10:00:00.000Z"))
      return yield* LocalOffer.publish(approved, {
        by: "director@fake",
        at: "2025-02-11T10:00:00.000Z",
        effectiveFrom: d(effectiveFrom)
      })
    })
  )

describe("the demo offer", () => {
  it("has at least 25 entitlements covering all seven areas, and its worked examples pass", () => {
    assert.isAtLeast(DemoOffer.entitlements.length, 25)
    const covered = new Set(DemoOffer.entitlements.flatMap((e) => e.areas))
    for (const area of OfferArea.all) assert.isTrue(covered.has(area), area)
    assert.deepStrictEqual(LocalOffer.missingAreas(draft()), [])
  })
})

describe("versions and publication", () => {
  it("publishes a draft once consulted with care leavers and approved", () => {
    const v = published(DemoOffer.entitlements, 1, "2025-04-01")
    assert.strictEqual(v.state, "published")
    assert.deepStrictEqual(
      Option.map(v.published, (p) => [p.by, p.effectiveFrom]),
      Option.some(["director@fake", "2025-04-01"])
    )
  })

  it("refuses to approve a draft not consulted on with care leavers", () => {
    const notCareLeavers = { ...consultation, careLeavers: false, with: "district councils" }
    const exit = Effect.runSyncExit(
      Effect.flatMap(LocalOffer.recordConsultation(draft(), notCareLeavers), (v) =>
        LocalOffer.approve(v, signOff("director@fake", "2025-02-10T10:00:00.000Z"))
      )
    )
    assert.isTrue(Exit.hasFails(exit))
    assert.strictEqual(Exit.isFailure(exit) && String(exit.cause).includes("OfferNotConsulted"), true)
  })

  it("refuses to approve an offer missing a statutory area, naming it", () => {
    const noAccommodation = DemoOffer.entitlements.filter((e) => !e.areas.includes("accommodation"))
    const result = Effect.runSync(
      Effect.flip(
        Effect.flatMap(LocalOffer.recordConsultation(draft(noAccommodation), consultation), (v) =>
          LocalOffer.approve(v, signOff("director@fake", "2025-02-10T10:00:00.000Z"))
        )
      )
    )
    assert.strictEqual(result._tag, "OfferIncomplete")
    assert.deepStrictEqual(result._tag === "OfferIncomplete" ? result.missingAreas : [], ["accommodation"])
  })

  it("refuses to publish a draft that is not approved, and to change a published version", () => {
    const unapproved = Effect.runSync(
      Effect.flip(LocalOffer.publish(draft(), { by: "x", at: "2025-01-01T00:00:00Z", effectiveFrom: d("2025-01-01") }))
    )
    assert.strictEqual(unapproved._tag, "OfferNotApproved")
    const v = published(DemoOffer.entitlements, 1, "2025-04-01")
    const revised = Effect.runSync(Effect.flip(LocalOffer.revise(v, { title: "changed", entitlements: [] })))
    assert.strictEqual(revised._tag, "OfferNotDraft")
    const consulted = Effect.runSync(Effect.flip(LocalOffer.recordConsultation(v, consultation)))
    assert.strictEqual(consulted._tag, "OfferNotDraft")
  })

  it("refuses two entitlements with the same id", () => {
    const first = NationalEntitlements.catalogue[0]!
    const error = Effect.runSync(
      Effect.flip(
        LocalOffer.makeDraft({
          council,
          version: 1,
          title: "t",
          entitlements: [first, first],
          created: signOff("a", "2025-01-01T00:00:00Z")
        })
      )
    )
    assert.strictEqual(error.entitlementId, first.id)
  })

  it("picks the version in force on a day from the publication dates", () => {
    const v1 = published(NationalEntitlements.catalogue.concat(DemoOffer.discretionary), 1, "2024-04-01")
    const v2 = published(DemoOffer.entitlements, 2, "2025-04-01")
    const versionOn = (on: string) =>
      Option.map(LocalOffer.inForceOn([v2, v1, draft(undefined, 3)], d(on)), (v) => v.version)
    assert.deepStrictEqual(versionOn("2024-03-31"), Option.none())
    assert.deepStrictEqual(versionOn("2024-04-01"), Option.some(1))
    assert.deepStrictEqual(versionOn("2025-03-31"), Option.some(1))
    assert.deepStrictEqual(versionOn("2025-04-01"), Option.some(2))
  })
})

describe("diff", () => {
  it("lists added, removed and changed entitlements with the fields that changed", () => {
    const before = draft(DemoOffer.entitlements, 1)
    const leisure = DemoOffer.discretionary.find((e) => e.id === "leisure-pass")!
    const after = draft(
      [
        ...DemoOffer.entitlements.filter((e) => e.id !== "laptop" && e.id !== "leisure-pass"),
        {
          ...leisure,
          eligibility: Eligibility.all(
            Eligibility.status("former_relevant"),
            Eligibility.ageRange({ from: 18, under: 26 })
          )
        },
        { ...leisure, id: "bus-pass" as Entitlement.EntitlementId, title: "Free bus pass" }
      ],
      2
    )
    const diff = LocalOffer.diff(before, after)
    assert.deepStrictEqual(
      diff.added.map((e) => e.id),
      ["bus-pass"]
    )
    assert.deepStrictEqual(
      diff.removed.map((e) => e.id),
      ["laptop"]
    )
    assert.deepStrictEqual(
      diff.changed.map((c) => [c.id, c.fields.map((f) => f.field)]),
      [["leisure-pass", ["eligibility"]]]
    )
    assert.isFalse(diff.titleChanged)
  })

  it("finds nothing between a version and itself", () => {
    const diff = LocalOffer.diff(draft(), draft(undefined, 2))
    assert.deepStrictEqual([diff.added, diff.removed, diff.changed], [[], [], []])
  })
})

describe("a young person's entitlements", () => {
  const offer = published(DemoOffer.entitlements, 1, "2024-04-01")
  // Plainly fake: former relevant, at university from September 2024, turns 21 on 2025-01-15.
  const student = person("2004-01-15", [
    { _tag: "Status", status: "former_relevant", from: "2022-01-15" },
    { _tag: "Activity", activity: "higher_education", from: "2024-09-23", to: "2027-06-30" },
    { _tag: "Accommodation", accommodation: "independent", from: "2024-09-20" }
  ])

  it("lists what applies by area, with amounts and reasons", () => {
    const personal = LocalOffer.entitlementsOn(offer, student, d("2024-10-01"))
    assert.strictEqual(personal.age, 20)
    assert.deepStrictEqual(personal.status, Option.some("former_relevant"))
    const applies: ReadonlyArray<string> = personal.assessments.filter((a) => a.applies).map((a) => a.entitlementId)
    for (const id of [
      "higher-education-bursary",
      "higher-education-living-allowance",
      "council-tax-exemption-to-21",
      "personal-adviser"
    ]) {
      assert.include(applies, id)
    }
    assert.notInclude(applies, "staying-put")
    const bursary = personal.assessments.find((a) => a.entitlementId === "higher-education-bursary")!
    assert.deepStrictEqual(
      Option.map(bursary.amount, (a) => a.pence),
      Option.some(200_000)
    )
    const areas = LocalOffer.appliesByArea(personal).map((g) => g.area)
    assert.include(areas, "education_and_training")
    const councilTax = personal.assessments.find((a) => a.entitlementId === "council-tax-discount-21-to-25")!
    assert.isFalse(councilTax.applies)
    assert.include(councilTax.check.because, "aged 21 to 24")
  })

  it("lists upcoming changes: the 21st birthday swaps council tax relief and ends the PA without a request", () => {
    const changes = LocalOffer.upcomingChanges(offer, student, d("2024-10-01"), d("2025-12-31"))
    const on21st = changes.filter((c) => c.on === "2025-01-15")
    assert.includeDeepMembers(
      on21st.map((c) => [c.entitlementId, c.change]),
      [
        ["council-tax-exemption-to-21", "ends"],
        ["council-tax-discount-21-to-25", "starts"],
        ["personal-adviser", "ends"]
      ]
    )
    assert.include(on21st[0]?.because ?? "", "21st birthday")
  })

  it("lists a new amount as a change while the entitlement keeps applying", () => {
    const relevant = person("2005-09-09", [{ _tag: "Status", status: "relevant", from: "2022-09-09" }])
    const changes = LocalOffer.upcomingChanges(offer, relevant, d("2023-01-01"), d("2023-06-30"))
    const suha = changes.filter((c) => c.entitlementId === "setting-up-home-allowance")
    assert.deepStrictEqual(
      suha.map((c) => [c.on, c.change]),
      [["2023-04-01", "amount_changes"]]
    )
    assert.include(suha[0]?.because ?? "", "new amount")
  })

  it("lists the end of a course as a change", () => {
    const changes = LocalOffer.upcomingChanges(offer, student, d("2027-01-01"), d("2027-12-31"))
    const courseEnd: ReadonlyArray<string> = changes.filter((c) => c.on === "2027-07-01").map((c) => c.entitlementId)
    assert.include(courseEnd, "higher-education-living-allowance")
    assert.include(changes.find((c) => c.on === "2027-07-01")?.because ?? "", "higher education ends")
  })
})

describe("the public page", () => {
  const offer = published(DemoOffer.entitlements, 1, "2025-04-01")
  it("is open JSON listing each area and the rule in words", () => {
    const json = OfferPage.toJson(offer, d("2025-06-01"))
    assert.strictEqual(json.areas.length, 7)
    const bursary = json.entitlements.find((e) => e.id === "apprenticeship-bursary")
    assert.strictEqual(bursary?.amountNow, "£3,000")
    assert.include(bursary?.whoCanGetIt ?? "", "aged under 25 when the course or apprenticeship started")
    assert.deepStrictEqual(JSON.parse(JSON.stringify(json)), json)
  })

  it("is an accessible page: one h1, headings in order, labelled sections, escaped text", () => {
    const page = OfferPage.toHtmlPage(offer, "Demo <Borough>", d("2025-06-01"))
    assert.include(page, '<html lang="en">')
    assert.include(page, "<title>Demo &lt;Borough&gt;: local offer for care leavers</title>")
    assert.strictEqual(page.match(/<h1>/g)?.length, 1)
    assert.include(page, '<section aria-labelledby="area-financial_literacy">')
    assert.include(page, "<dt>How it is agreed</dt><dd>Agreed in your pathway plan</dd>")
    assert.include(page, "published on 11 February 2025, in force from 1 April 2025.")
    const ids = [...page.matchAll(/ id="([^"]+)"/g)].map((m) => m[1])
    assert.strictEqual(new Set(ids).size, ids.length, "ids are unique")
    const levels = [...page.matchAll(/<h(\d)/g)].map((m) => Number(m[1]))
    for (const [i, level] of levels.entries()) {
      assert.isAtMost(level - (levels[i - 1] ?? 0), 1, "no heading level skipped")
    }
  })

  it("leaves out entitlements not yet in force", () => {
    const before = OfferPage.toHtmlFragment(offer, d("2025-12-22"))
    const after = OfferPage.toHtmlFragment(offer, d("2025-12-23"))
    assert.notInclude(before, "Free NHS prescriptions")
    assert.include(after, "Free NHS prescriptions")
  })
})

describe("the in-memory LocalOffers service", () => {
  it.effect("keeps one open draft, publishes it, starts version 2 after, and records take-up", () =>
    Effect.gen(function* () {
      const offers = yield* LocalOffer.LocalOffers
      yield* offers.saveDraft(council, { title: "first", entitlements: NationalEntitlements.catalogue }, "a")
      const draft = yield* offers.saveDraft(
        council,
        { title: DemoOffer.title, entitlements: DemoOffer.entitlements },
        "a"
      )
      assert.strictEqual(draft.version, 1)
      yield* offers.recordConsultation(council, 1, consultation)
      yield* offers.approve(council, 1, "director")
      yield* offers.publish(council, 1, "director", d("2025-04-01"))
      const next = yield* offers.saveDraft(council, { title: "next", entitlements: DemoOffer.entitlements }, "a")
      assert.strictEqual(next.version, 2)
      assert.strictEqual((yield* offers.publishedOn(council, d("2025-04-01"))).version, 1)
      assert.strictEqual((yield* Effect.flip(offers.publishedOn(council, d("2025-03-31"))))._tag, "NoPublishedOffer")
      const base = {
        council,
        offerVersion: 1,
        childId: "FAKE-M" as Parameters<typeof offers.recordTakeUp>[0]["childId"],
        stage: "applied" as const,
        on: d("2025-05-01"),
        pence: Option.none(),
        recordedBy: "a"
      }
      yield* offers.recordTakeUp({ ...base, entitlementId: "laptop" as Entitlement.EntitlementId })
      const refused = yield* Effect.flip(
        offers.recordTakeUp({ ...base, entitlementId: "free-pony" as Entitlement.EntitlementId })
      )
      assert.strictEqual(refused._tag, "EntitlementNotInOffer")
      assert.strictEqual((yield* offers.takeUp(council, d("2025-04-01"), d("2026-03-31"))).length, 1)
    }).pipe(Effect.provide(LocalOffer.layerMemory))
  )
})
