/**
 * The worked example of docs/extending.md, "Add a local-offer entitlement": an entitlement is data — who it is for
 * (an eligibility condition), from when, how much, how to get it, and worked examples kept with the rule. The doc
 * quotes the regions of this file, so the doc cannot drift from code that runs.
 */
import { assert, describe, it } from "@effect/vitest"
import { Effect, Option, Schema } from "effect"
import { CalendarDate, Council, Eligibility, Entitlement, LocalOffer, NationalEntitlements } from "../../src/index.ts"

// #region entitlement
/**
 * A fictional council's bus pass: free travel for care leavers aged 18 to 24 who are in education, training or an
 * apprenticeship, from 1 September 2026. Written in the Schema's encoded form, as a council's offer file holds it.
 */
export const busPass = Schema.decodeUnknownSync(Entitlement.Entitlement)({
  id: "bus-pass-18-to-24-in-learning",
  title: "Free bus pass while you are learning",
  summary: "If you are 18 to 24 and at college, university, in training or an apprenticeship, your bus travel is free.",
  areas: ["education_and_training", "participation_in_society"],
  basis: "discretionary",
  setBy: "local",
  eligibility: Eligibility.all(
    Eligibility.status("eligible", "relevant", "former_relevant"),
    Eligibility.ageRange({ from: 18, under: 25 }),
    Eligibility.activity("higher_education", "further_education", "training", "apprenticeship")
  ),
  effectiveFrom: "2026-09-01",
  amounts: [],
  amountDatedBy: "date",
  howToAccess: "Ask your personal adviser; the pass is posted to you within a week.",
  approval: "automatic",
  sources: [{ title: "Fictional Borough Cabinet decision, July 2026" }],
  examples: [
    {
      description: "a 19-year-old former relevant care leaver at college",
      dateOfBirth: "2007-05-01",
      facts: [
        { _tag: "Status", status: "former_relevant", from: "2025-05-01" },
        { _tag: "Activity", activity: "further_education", from: "2026-09-05" }
      ],
      on: "2026-10-01",
      applies: true
    },
    {
      description: "the same young person before the pass was offered",
      dateOfBirth: "2007-05-01",
      facts: [
        { _tag: "Status", status: "former_relevant", from: "2025-05-01" },
        { _tag: "Activity", activity: "further_education", from: "2026-03-01" }
      ],
      on: "2026-08-31",
      applies: false
    }
  ]
})
// #endregion entitlement

describe("the bus pass entitlement", () => {
  // #region tests
  it("passes its own worked examples", () => {
    for (const result of Entitlement.runExamples(busPass)) assert.isTrue(result.passed, result.example.description)
  })

  const person = Schema.decodeUnknownSync(Eligibility.YoungPerson)({
    childId: "FAKE-BUS",
    dateOfBirth: "2002-01-10",
    facts: [
      { _tag: "Status", status: "former_relevant", from: "2020-01-10" },
      { _tag: "Activity", activity: "apprenticeship", from: "2026-09-01" }
    ]
  })

  it("applies up to the day before the 25th birthday, and says why it stops", () => {
    const before = Entitlement.assess(busPass, person, CalendarDate.make("2027-01-09"))
    const after = Entitlement.assess(busPass, person, CalendarDate.make("2027-01-10"))
    assert.deepStrictEqual([before.applies, after.applies], [true, false])
    assert.match(after.check.because, /25/)
  })

  it.effect("joins a draft offer beside the national entitlements, and shows in the young person's offer", () =>
    Effect.gen(function* () {
      const draft = yield* LocalOffer.makeDraft({
        council: Council.CouncilId.make("fictional-borough"),
        version: 1,
        title: "Our offer to care leavers",
        entitlements: [...NationalEntitlements.catalogue, busPass],
        created: { by: "offer lead", at: "2026-07-20T10:00:00Z" }
      })
      const personal = LocalOffer.entitlementsOn(draft, person, CalendarDate.make("2026-12-01"))
      const ours = personal.assessments.find((a) => a.entitlementId === busPass.id)
      assert.deepStrictEqual([ours?.applies, Option.isNone(ours?.amount ?? Option.none())], [true, true])
      const byArea = LocalOffer.appliesByArea(personal).map((g) => g.area)
      assert.include(byArea, "education_and_training")
    })
  )
  // #endregion tests
})
