import { mkdtempSync, rmSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { Council, Returns } from "@cpo/domain"
import { Store } from "@cpo/store"
import { afterAll, describe, expect, it } from "@effect/vitest"
import { Effect, Option } from "effect"
import { fakeReturn } from "../../test/fake-return.ts"
import { migratedStore } from "../../test/stores.ts"
import { offerCommand } from "./offer.ts"
import { runInProcess } from "./run-in-process.ts"

const council = Council.CouncilId.make("fake-offer-cli")

/** A plainly fake return: one child, looked after from 15 to 17, so relevant at 17 and former relevant from 18. */
const fakeReturn2023 = () =>
  fakeReturn(2023, [
    {
      id: "FAKE-OFFER-1",
      born: 2005,
      start: "2020-09-01",
      left: { end: "2022-09-01", reasonCeased: "E4A" }
    }
  ])

const run = (dataDir: string, args: ReadonlyArray<string>) => runInProcess(offerCommand, dataDir, args)

// Every command opens the file-backed store afresh, as the real CLI does; the store starts as a migrated copy.
describe("cpo offer", () => {
  const dataDir = migratedStore(mkdtempSync(join(tmpdir(), "cpo-cli-offer-")))
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }))
  const c = ["--council", council]

  it.live(
    "drafts, refuses to approve before consulting care leavers, then approves and publishes",
    () =>
      Effect.gen(function* () {
        yield* Effect.gen(function* () {
          const returns = yield* Returns.Returns
          yield* returns.saveCouncil({ id: council, name: "Fake Offer Borough", localAuthorityCode: Option.none() })
          yield* returns.importReturn(council, fakeReturn2023(), "offer-cli")
        }).pipe(Effect.provide(Store.layer({ dataDir })))

        expect(yield* run(dataDir, ["draft", ...c, "--from", "demo", "--by", "officer@fake"])).toContain(
          "saved draft version 1"
        )
        const refused = yield* Effect.flip(run(dataDir, ["approve", ...c, "--version", "1"]))
        expect(refused.message).toContain("has not been consulted on with care leavers")
        yield* run(dataDir, [
          "consult",
          ...c,
          "--version",
          "1",
          "--date",
          "2024-02-01",
          "--with",
          "the care leavers' forum",
          "--summary",
          "Asked for driving lessons"
        ])
        expect(yield* run(dataDir, ["approve", ...c, "--version", "1", "--by", "director@fake"])).toContain("approved")
        expect(
          yield* run(dataDir, [
            "publish",
            ...c,
            "--version",
            "1",
            "--effective-from",
            "2024-04-01",
            "--by",
            "director@fake"
          ])
        ).toContain("in force from 2024-04-01")
        const listed = JSON.parse(yield* run(dataDir, ["list", ...c, "--format", "json"]))
        expect(listed.map((v: { version: number; state: string }) => [v.version, v.state])).toEqual([[1, "published"]])
      }),
    120_000
  )

  it.live(
    "answers a young person's entitlements from the return, with reasons and changes ahead",
    () =>
      Effect.gen(function* () {
        const json = JSON.parse(
          yield* run(dataDir, [
            "entitlements",
            ...c,
            "--child",
            "FAKE-OFFER-1",
            "--on",
            "2024-06-01",
            "--format",
            "json"
          ])
        )
        expect(json.status).toBe("former_relevant")
        expect(json.age).toBe(18)
        const applies = json.assessments
          .filter((a: { applies: boolean }) => a.applies)
          .map((a: { entitlementId: string }) => a.entitlementId)
        expect(applies).toContain("personal-adviser")
        expect(applies).toContain("setting-up-home-allowance")
        expect(applies).not.toContain("staying-put")
        expect(
          json.upcomingChanges.map((ch: { on: string; entitlementId: string }) => [ch.on, ch.entitlementId])
        ).toContainEqual(["2024-06-15", "birthday-money"])
        const text = yield* run(dataDir, [
          "entitlements",
          ...c,
          "--child",
          "FAKE-OFFER-1",
          "--on",
          "2024-06-01",
          "--all"
        ])
        expect(text).toContain("former relevant")
        expect(text).toContain("✗ Staying Put with your foster carers")
      }),
    120_000
  )

  it.live(
    "adds entered facts, and names a child it cannot find",
    () =>
      Effect.gen(function* () {
        const facts = join(dataDir, "facts.json")
        writeFileSync(facts, JSON.stringify([{ _tag: "Activity", activity: "higher_education", from: "2024-09-20" }]))
        const json = JSON.parse(
          yield* run(dataDir, [
            "entitlements",
            ...c,
            "--child",
            "FAKE-OFFER-1",
            "--on",
            "2024-10-01",
            "--facts",
            facts,
            "--format",
            "json"
          ])
        )
        const bursary = json.assessments.find(
          (a: { entitlementId: string }) => a.entitlementId === "higher-education-bursary"
        )
        expect([bursary.applies, bursary.amount.pence]).toEqual([true, 200_000])
        const missing = yield* Effect.flip(
          run(dataDir, ["entitlements", ...c, "--child", "NOBODY", "--on", "2024-10-01"])
        )
        expect(missing.message).toContain("child NOBODY is in no return")
        writeFileSync(facts, '[{"_tag": "Activity", "activity": "knitting", "from": "2024-09-20"}]')
        const bad = yield* Effect.flip(
          run(dataDir, ["entitlements", ...c, "--child", "FAKE-OFFER-1", "--facts", facts])
        )
        expect(bad.message).toContain("facts.json")
      }),
    120_000
  )

  it.live(
    "exports the published offer as an accessible page and as open JSON",
    () =>
      Effect.gen(function* () {
        const html = yield* run(dataDir, ["export", ...c, "--on", "2024-06-01"])
        expect(html).toContain('<html lang="en">')
        expect(html).toContain("<h1>Fake Offer Borough: local offer for care leavers</h1>")
        const json = JSON.parse(yield* run(dataDir, ["export", ...c, "--on", "2024-06-01", "--format", "json"]))
        expect(json.version).toBe(1)
        expect(json.entitlements.length).toBeGreaterThanOrEqual(25)
        const before = yield* Effect.flip(run(dataDir, ["export", ...c, "--on", "2024-03-31"]))
        expect(before.message).toContain("no published offer in force on 2024-03-31")
      }),
    120_000
  )

  it.live(
    "records take-up and reports it, suppressed for members",
    () =>
      Effect.gen(function* () {
        const take = (entitlement: string, stage: string, date: string, ...extra: ReadonlyArray<string>) =>
          run(dataDir, [
            "takeup",
            "record",
            ...c,
            "--entitlement",
            entitlement,
            "--child",
            "FAKE-OFFER-1",
            "--stage",
            stage,
            "--date",
            date,
            ...extra
          ])
        expect(yield* take("setting-up-home-allowance", "applied", "2024-07-01")).toContain(
          "recorded applied of setting-up-home-allowance"
        )
        yield* take("setting-up-home-allowance", "paid", "2024-08-01", "--amount-pence", "300000")
        const notInOffer = yield* Effect.flip(take("free-pony", "applied", "2024-07-01"))
        expect(notInOffer.message).toContain("has no entitlement free-pony")
        const officer = JSON.parse(
          yield* run(dataDir, ["takeup", "report", ...c, "--year", "2025", "--format", "json"])
        )
        expect(officer.rows).toEqual([
          expect.objectContaining({
            key: "setting-up-home-allowance",
            youngPeople: 1,
            applications: 1,
            payments: 1,
            paidPence: 300_000
          })
        ])
        const member = JSON.parse(
          yield* run(dataDir, ["takeup", "report", ...c, "--year", "2025", "--audience", "member", "--format", "json"])
        )
        expect(member.rows[0]).toEqual(expect.objectContaining({ youngPeople: "c", payments: "c", paidPence: "c" }))
      }),
    120_000
  )

  it.live(
    "diffs a new draft against the published version",
    () =>
      Effect.gen(function* () {
        expect(yield* run(dataDir, ["draft", ...c, "--from", "national"])).toContain("saved draft version 2")
        const diff = JSON.parse(yield* run(dataDir, ["diff", ...c, "--from", "1", "--to", "2", "--format", "json"]))
        expect(diff.added).toEqual([])
        expect(diff.removed.map((e: { id: string }) => e.id)).toContain("laptop")
        const published = yield* Effect.flip(
          run(dataDir, [
            "consult",
            ...c,
            "--version",
            "1",
            "--date",
            "2024-05-01",
            "--with",
            "forum",
            "--summary",
            "late"
          ])
        )
        expect(published.message).toContain("only a draft can change")
      }),
    120_000
  )
})
