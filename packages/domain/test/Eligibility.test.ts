import { assert, describe, it } from "@effect/vitest"
import { Option, Schema } from "effect"
import { CalendarDate, type Child, ChildHistory, Eligibility } from "../src/index.ts"
import { episode, returnOf } from "./fixtures.ts"

const d = CalendarDate.make
const person = (dateOfBirth: string, facts: ReadonlyArray<typeof Eligibility.Fact.Encoded>): Eligibility.YoungPerson =>
  Schema.decodeUnknownSync(Eligibility.YoungPerson)({ childId: "FAKE-1", dateOfBirth, facts })

const holds = (c: Eligibility.Condition, p: Eligibility.YoungPerson, on: string) =>
  Eligibility.evaluate(c, Eligibility.circumstancesOn(p, d(on))).holds

describe("Age conditions on birthdays", () => {
  const under25 = Eligibility.ageRange({ under: 25 })
  const from18To20 = Eligibility.ageRange({ from: 18, under: 21 })
  const cases: ReadonlyArray<readonly [string, Eligibility.Condition, string, string, boolean]> = [
    ["under 25: the day before the 25th birthday", under25, "2000-06-15", "2025-06-14", true],
    ["under 25: on the 25th birthday", under25, "2000-06-15", "2025-06-15", false],
    ["18 to 20: the day before the 18th birthday", from18To20, "2005-01-01", "2022-12-31", false],
    ["18 to 20: on the 18th birthday", from18To20, "2005-01-01", "2023-01-01", true],
    ["18 to 20: the day before the 21st birthday", from18To20, "2005-01-01", "2025-12-31", true],
    ["18 to 20: on the 21st birthday", from18To20, "2005-01-01", "2026-01-01", false],
    ["born 29 February: not yet 18 on 28 February of a common year", from18To20, "2004-02-29", "2022-02-28", false],
    ["born 29 February: 18 on 1 March of a common year", from18To20, "2004-02-29", "2022-03-01", true]
  ]
  for (const [name, condition, dob, on, expected] of cases) {
    it(name, () => assert.strictEqual(holds(condition, person(dob, []), on), expected))
  }

  it("measures the age when the activity started for an age `at: activity_start`", () => {
    const c = Eligibility.ageRange({ under: 25, at: "activity_start" })
    const started24 = person("1999-10-10", [{ _tag: "Activity", activity: "apprenticeship", from: "2024-10-09" }])
    const started25 = person("1999-10-10", [{ _tag: "Activity", activity: "apprenticeship", from: "2024-10-10" }])
    assert.isTrue(holds(c, started24, "2025-01-01"))
    assert.isFalse(holds(c, started25, "2025-01-01"))
    assert.isFalse(holds(c, person("1999-10-10", []), "2024-01-01"))
  })
})

describe("status transitions", () => {
  // A plainly fake young person: eligible at 16 in foster care, relevant after leaving care at 17, former relevant
  // from 18, asked for support at 22.
  const yp = person("2004-04-10", [
    { _tag: "Status", status: "eligible", from: "2020-04-10", to: "2021-09-30" },
    { _tag: "Status", status: "relevant", from: "2021-10-01", to: "2022-04-09" },
    { _tag: "Status", status: "former_relevant", from: "2022-04-10" },
    { _tag: "RequestedSupport", from: "2026-05-01" }
  ])
  const cases: ReadonlyArray<readonly [string, Option.Option<Eligibility.CareLeaverStatus>]> = [
    ["2020-04-09", Option.none()],
    ["2020-04-10", Option.some("eligible")],
    ["2021-09-30", Option.some("eligible")],
    ["2021-10-01", Option.some("relevant")],
    ["2022-04-09", Option.some("relevant")],
    ["2022-04-10", Option.some("former_relevant")],
    ["2027-01-01", Option.some("former_relevant")]
  ]
  for (const [on, expected] of cases) {
    it(`has status ${Option.getOrElse(expected, () => "none")} on ${on}`, () =>
      assert.deepStrictEqual(Eligibility.circumstancesOn(yp, d(on)).status, expected))
  }

  it("is asked for support only from the day it is recorded", () => {
    assert.isFalse(Eligibility.circumstancesOn(yp, d("2026-04-30")).requestedSupport)
    assert.isTrue(Eligibility.circumstancesOn(yp, d("2026-05-01")).requestedSupport)
  })

  it("takes the later-starting fact when two of the same kind overlap", () => {
    const overlapping = person("2004-04-10", [
      { _tag: "Status", status: "relevant", from: "2021-10-01" },
      { _tag: "Status", status: "former_relevant", from: "2022-04-10" }
    ])
    assert.deepStrictEqual(
      Eligibility.circumstancesOn(overlapping, d("2023-01-01")).status,
      Option.some("former_relevant")
    )
  })
})

describe("UASC, public funds and area", () => {
  const uasc = person("2006-03-03", [
    { _tag: "Status", status: "former_relevant", from: "2024-03-03" },
    { _tag: "UnaccompaniedAsylumSeeker", from: "2022-01-01" },
    { _tag: "NoRecourseToPublicFunds", from: "2024-06-01", to: "2025-05-31" },
    { _tag: "LivesOutsideArea", from: "2025-01-01" }
  ])
  it("is UASC while recorded", () => assert.isTrue(holds(Eligibility.unaccompaniedAsylumSeeker, uasc, "2024-04-01")))
  it("has no recourse to public funds only within the recorded period", () => {
    assert.isTrue(holds(Eligibility.recourseToPublicFunds, uasc, "2024-05-31"))
    assert.isFalse(holds(Eligibility.recourseToPublicFunds, uasc, "2024-06-01"))
    assert.isFalse(holds(Eligibility.recourseToPublicFunds, uasc, "2025-05-31"))
    assert.isTrue(holds(Eligibility.recourseToPublicFunds, uasc, "2025-06-01"))
  })
  it("lives in the area unless recorded as living outside", () => {
    assert.isTrue(holds(Eligibility.livesInArea, uasc, "2024-12-31"))
    assert.isFalse(holds(Eligibility.livesInArea, uasc, "2025-01-01"))
  })
})

describe("explanations", () => {
  const c = Eligibility.all(
    Eligibility.status("former_relevant"),
    Eligibility.any(Eligibility.ageRange({ under: 21 }), Eligibility.requestedSupport),
    Eligibility.not(Eligibility.activity("not_in_education_employment_or_training"))
  )
  const yp = person("2002-02-02", [
    { _tag: "Status", status: "former_relevant", from: "2020-02-02" },
    { _tag: "Activity", activity: "employment", from: "2023-01-01" }
  ])

  it("says which conditions failed and on what facts", () => {
    const check = Eligibility.evaluate(c, Eligibility.circumstancesOn(yp, d("2024-01-01")))
    assert.isFalse(check.holds)
    assert.include(check.because, "one of: aged under 21; or has asked for support after turning 21")
    const [status, either, notNeet] = check.parts
    assert.strictEqual(status?.because, "former relevant on 2024-01-01")
    assert.strictEqual(either?.parts[0]?.because, "aged 21 on 2024-01-01")
    assert.isTrue(notNeet?.holds)
  })

  it("describes a rule in plain words", () => {
    assert.strictEqual(
      Eligibility.describe(
        Eligibility.all(
          Eligibility.status("eligible", "relevant", "former_relevant"),
          Eligibility.ageRange({ from: 16, under: 25 })
        )
      ),
      "an eligible, relevant or former relevant care leaver; and aged 16 to 24"
    )
  })

  it("round-trips a condition through JSON", () => {
    const json = JSON.parse(JSON.stringify(Schema.encodeSync(Eligibility.Condition)(c)))
    assert.deepStrictEqual(Schema.decodeUnknownSync(Eligibility.Condition)(json), c)
  })

  it("rejects an unknown status in stored rules", () => {
    assert.isTrue(
      Option.isNone(Schema.decodeUnknownOption(Eligibility.Condition)({ _tag: "Status", anyOf: ["adopted"] }))
    )
  })

  it("rejects a fact that ends before it starts", () => {
    const bad = Schema.decodeUnknownOption(Eligibility.YoungPerson)({
      childId: "FAKE-2" satisfies string as Child.ChildId,
      dateOfBirth: "2004-01-01",
      facts: [{ _tag: "Status", status: "relevant", from: "2021-05-01", to: "2021-04-30" }]
    })
    assert.isTrue(Option.isNone(bad))
  })
})

describe("a young person from the 903 return", () => {
  // Plainly fake: born 2006-05-20, looked after from 15 until leaving care at 17.
  const ret = returnOf(2024, [episode({ child: "FAKE-H", start: "2021-06-01", end: "2023-11-01" })], {
    "FAKE-H": "2006-05-20"
  })
  const withOutcome = {
    ...ret,
    uasc: Option.some([
      {
        childId: "FAKE-H" as Child.ChildId,
        sex: "female" as const,
        dateOfBirth: d("2006-05-20"),
        statusCeased: Option.some(d("2024-05-20"))
      }
    ]),
    careLeavers: Option.some([
      {
        childId: "FAKE-H" as Child.ChildId,
        dateOfBirth: d("2006-05-20"),
        inTouch: Option.some("YES" as const),
        activity: Option.some("F4" as const),
        accommodation: Option.some("U1" as const)
      }
    ])
  }
  const history = ChildHistory.index(withOutcome)[0]!

  it("is relevant after leaving care at 17 having been eligible, and former relevant from 18", () => {
    const yp = Option.getOrThrow(Eligibility.fromHistory(history, d("2024-01-10")))
    assert.deepStrictEqual(Eligibility.circumstancesOn(yp, d("2024-01-10")).status, Option.some("relevant"))
    assert.deepStrictEqual(Eligibility.circumstancesOn(yp, d("2024-05-19")).status, Option.some("relevant"))
    assert.deepStrictEqual(Eligibility.circumstancesOn(yp, d("2024-05-20")).status, Option.some("former_relevant"))
  })

  it("stays former relevant after 21, and takes activity, accommodation and UASC from the return", () => {
    const yp = Option.getOrThrow(Eligibility.fromHistory(history, d("2028-01-01")))
    const facts = Eligibility.circumstancesOn(yp, d("2028-01-01"))
    assert.deepStrictEqual(facts.status, Option.some("former_relevant"))
    assert.deepStrictEqual(
      Option.map(facts.activity, (a) => a.activity),
      Option.some("apprenticeship")
    )
    assert.deepStrictEqual(facts.accommodation, Option.some("independent"))
    assert.isTrue(facts.unaccompaniedAsylumSeeker)
  })

  it("adds entered facts to those from the return", () => {
    const yp = Eligibility.withFacts(Option.getOrThrow(Eligibility.fromHistory(history, d("2025-01-01"))), [
      { _tag: "Activity", activity: "higher_education", from: d("2025-01-01"), to: Option.none() }
    ])
    assert.deepStrictEqual(
      Option.map(Eligibility.circumstancesOn(yp, d("2025-02-01")).activity, (a) => a.activity),
      Option.some("higher_education")
    )
  })
})

describe("stored rules are checked", () => {
  it("rejects an empty age range", () => {
    assert.isTrue(
      Option.isNone(Schema.decodeUnknownOption(Eligibility.Condition)({ _tag: "Age", from: 25, under: 21 }))
    )
    assert.isTrue(
      Option.isSome(Schema.decodeUnknownOption(Eligibility.Condition)({ _tag: "Age", from: 21, under: 25 }))
    )
  })
})
