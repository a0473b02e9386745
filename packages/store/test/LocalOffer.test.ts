import {
  AuditLog,
  CalendarDate,
  type Child,
  Council,
  DemoOffer,
  type Entitlement,
  LocalOffer,
  NationalEntitlements,
  Returns
} from "@cpo/domain"
import { assert, describe, layer } from "@effect/vitest"
import { Effect, Exit, Layer, Option } from "effect"
import { SqlClient } from "effect/sql"
import { Store } from "../src/index.ts"
import { engines } from "./Engines.ts"

const d = CalendarDate.make
const a = Council.CouncilId.make("fake-offer-a")
const b = Council.CouncilId.make("fake-offer-b")
const callerOf = (council: Council.CouncilId): AuditLog.Caller => ({
  actor: `officer@${council}`,
  role: "manager",
  council: Option.some(council),
  purpose: "local offer"
})
const consultation: LocalOffer.Consultation = {
  on: d("2025-02-01"),
  with: "the care leavers' forum",
  careLeavers: true,
  summary: "Asked for free leisure passes to 25",
  recordedBy: "officer@fake"
}

const setUp = Effect.gen(function* () {
  const returns = yield* Returns.Returns
  yield* returns.saveCouncil({ id: a, name: "Fake Offer A", localAuthorityCode: Option.none() })
  yield* returns.saveCouncil({ id: b, name: "Fake Offer B", localAuthorityCode: Option.none() })
})

/** Draft, consult, approve and publish version `n` of council `a`. */
const publishDemo = (entitlements: ReadonlyArray<Entitlement.Entitlement>, effectiveFrom: string) =>
  Effect.gen(function* () {
    const offers = yield* LocalOffer.LocalOffers
    const draft = yield* offers.saveDraft(a, { title: DemoOffer.title, entitlements }, "officer@fake")
    yield* offers.recordConsultation(a, draft.version, consultation)
    yield* offers.approve(a, draft.version, "director@fake")
    return yield* offers.publish(a, draft.version, "director@fake", d(effectiveFrom))
  })

for (const engine of engines) {
  describe(engine.name, () => {
    layer(Layer.provideMerge(Store.layerFromSql, engine.sql), { timeout: 120_000, excludeTestServices: true })((it) => {
      it.effect("keeps a draft exactly as given, and revises the open draft rather than starting another", () =>
        Effect.gen(function* () {
          yield* setUp
          const offers = yield* LocalOffer.LocalOffers
          const first = yield* offers.saveDraft(
            a,
            { title: "First go", entitlements: NationalEntitlements.catalogue },
            "officer@fake"
          )
          assert.strictEqual(first.version, 1)
          assert.strictEqual(first.state, "draft")
          assert.deepStrictEqual(first.entitlements, NationalEntitlements.catalogue)
          const revised = yield* offers.saveDraft(
            a,
            { title: DemoOffer.title, entitlements: DemoOffer.entitlements },
            "officer@fake"
          )
          assert.strictEqual(revised.version, 1)
          assert.strictEqual(revised.title, DemoOffer.title)
          assert.deepStrictEqual(revised.entitlements, DemoOffer.entitlements)
          assert.strictEqual((yield* offers.versions(a)).length, 1)
        })
      )

      it.effect("approves only after consulting care leavers, then publishes with who and when", () =>
        Effect.gen(function* () {
          const offers = yield* LocalOffer.LocalOffers
          const notConsulted = yield* Effect.flip(offers.approve(a, 1, "director@fake"))
          assert.strictEqual(notConsulted._tag, "OfferNotConsulted")
          const notApproved = yield* Effect.flip(offers.publish(a, 1, "director@fake", d("2025-04-01")))
          assert.strictEqual(notApproved._tag, "OfferNotApproved")
          const consulted = yield* offers.recordConsultation(a, 1, consultation)
          assert.deepStrictEqual(consulted.consultations, [consultation])
          const approved = yield* offers.approve(a, 1, "director@fake")
          assert.strictEqual(approved.state, "approved")
          const published = yield* offers.publish(a, 1, "director@fake", d("2025-04-01"))
          assert.strictEqual(published.state, "published")
          assert.deepStrictEqual(
            Option.map(published.published, (p) => [p.by, p.effectiveFrom]),
            Option.some(["director@fake", "2025-04-01"])
          )
          assert.deepStrictEqual(yield* offers.version(a, 1), published)
        })
      )

      it.effect("answers the version in force on a day, and NoPublishedOffer before the first", () =>
        Effect.gen(function* () {
          const offers = yield* LocalOffer.LocalOffers
          const before = yield* Effect.flip(offers.publishedOn(a, d("2025-03-31")))
          assert.strictEqual(before._tag, "NoPublishedOffer")
          const v2 = yield* publishDemo(
            DemoOffer.entitlements.filter((e) => e.id !== "laptop"),
            "2026-04-01"
          )
          assert.strictEqual(v2.version, 2)
          assert.strictEqual((yield* offers.publishedOn(a, d("2026-03-31"))).version, 1)
          assert.strictEqual((yield* offers.publishedOn(a, d("2026-04-01"))).version, 2)
          const diff = LocalOffer.diff(yield* offers.version(a, 1), v2)
          assert.deepStrictEqual(
            diff.removed.map((e) => e.id),
            ["laptop"]
          )
        })
      )

      it.effect("refuses to change a published version, in the service and in the database itself", () =>
        Effect.gen(function* () {
          const offers = yield* LocalOffer.LocalOffers
          const consulted = yield* Effect.flip(offers.recordConsultation(a, 1, consultation))
          assert.strictEqual(consulted._tag, "OfferNotDraft")
          const sql = yield* SqlClient.SqlClient
          const update = yield* Effect.exit(
            sql`UPDATE offer_versions SET title = 'tampered' WHERE council = ${a} AND version = 1`
          )
          assert.isTrue(Exit.isFailure(update))
          const entitlement = yield* Effect.exit(
            sql`UPDATE entitlement_versions SET title = 'tampered' WHERE offer_version_id =
              (SELECT id FROM offer_versions WHERE council = ${a} AND version = 1)`
          )
          assert.isTrue(Exit.isFailure(entitlement))
          const removal = yield* Effect.exit(sql`DELETE FROM offer_versions WHERE council = ${a} AND version = 1`)
          assert.isTrue(Exit.isFailure(removal))
          assert.strictEqual((yield* offers.version(a, 1)).title, DemoOffer.title)
        })
      )

      it.effect("names a missing version, and keeps each council's offer to itself", () =>
        Effect.gen(function* () {
          const offers = yield* LocalOffer.LocalOffers
          const missing = yield* Effect.flip(offers.version(a, 99))
          assert.strictEqual(missing._tag, "OfferVersionNotFound")
          const asB = AuditLog.withCaller(callerOf(b))
          assert.strictEqual((yield* asB(Effect.flip(offers.version(a, 1))))._tag, "CouncilNotFound")
          assert.deepStrictEqual(yield* asB(offers.versions(b)), [])
          const unknown = yield* Effect.flip(offers.versions(Council.CouncilId.make("no-such-council")))
          assert.strictEqual(unknown._tag, "CouncilNotFound")
        })
      )

      it.effect("records take-up against a version, refuses an entitlement not in it, and audits reads", () =>
        Effect.gen(function* () {
          const offers = yield* LocalOffer.LocalOffers
          const asA = AuditLog.withCaller(callerOf(a))
          const record = (childId: string, entitlementId: string, stage: "applied" | "paid", on: string) =>
            offers.recordTakeUp({
              council: a,
              offerVersion: 1,
              entitlementId: entitlementId as Entitlement.EntitlementId,
              childId: childId as Child.ChildId,
              stage,
              on: d(on),
              pence: stage === "paid" ? Option.some(300_000) : Option.none(),
              recordedBy: "officer@fake"
            })
          const applied = yield* asA(record("FAKE-TU-1", "setting-up-home-allowance", "applied", "2025-05-01"))
          assert.strictEqual(applied.entitlementId, "setting-up-home-allowance")
          assert.strictEqual(applied.on, "2025-05-01")
          yield* asA(record("FAKE-TU-1", "setting-up-home-allowance", "paid", "2025-05-20"))
          yield* asA(record("FAKE-TU-2", "driving-lessons", "applied", "2025-07-01"))
          const notInOffer = yield* Effect.flip(record("FAKE-TU-1", "free-pony", "applied", "2025-05-01"))
          assert.strictEqual(notInOffer._tag, "EntitlementNotInOffer")
          const laptopInV2 = yield* Effect.flip(
            offers.recordTakeUp({ ...applied, offerVersion: 2, entitlementId: "laptop" as Entitlement.EntitlementId })
          )
          assert.strictEqual(laptopInV2._tag, "EntitlementNotInOffer")

          const may = yield* asA(offers.takeUp(a, d("2025-05-01"), d("2025-05-31")))
          assert.deepStrictEqual(
            may.map((r): ReadonlyArray<unknown> => [r.childId, r.stage, Option.getOrNull(r.pence)]),
            [
              ["FAKE-TU-1", "applied", null],
              ["FAKE-TU-1", "paid", 300_000]
            ]
          )
          const audit = yield* AuditLog.AuditLog
          const [latest] = yield* audit.entries(a)
          assert.deepStrictEqual(latest?.subject, { _tag: "Children", childIds: ["FAKE-TU-1"] })
          assert.strictEqual(latest?.actor, "officer@fake-offer-a")
        })
      )
    })
  })
}
