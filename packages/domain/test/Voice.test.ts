import { assert, describe, it } from "@effect/vitest"
import { Option, Result, Schema } from "effect"
import { CalendarDate, Council, Strategy, Voice } from "../src/index.ts"

const council = Council.CouncilId.make("demo-borough")

describe("Voice.surveyFromCsv", () => {
  it("turns each Bright Spots question into an annual percentage measure with the national figure as England", () => {
    const csv = [
      "survey,question,title,year,respondents,positive,national",
      "your_life_your_care,feel_safe,Feel safe where they live,2024,80,72,91",
      "your_life_your_care,feel_safe,Feel safe where they live,2025,90,84,91",
      "your_life_beyond_care,home_right,Feel their home is right for them,2025,40,30,"
    ].join("\n")
    const r = Result.getOrThrow(Voice.surveyFromCsv(csv, council))
    assert.deepStrictEqual(
      r.measures.map((m): ReadonlyArray<unknown> => [m.id, m.unit, m.frequency, m.polarity]),
      [
        ["ylyc_feel_safe", "percent", "annual", "higher_is_better"],
        ["ylbc_home_right", "percent", "annual", "higher_is_better"]
      ]
    )
    assert.deepStrictEqual(
      r.values.map((v): ReadonlyArray<unknown> => [v.measure, v.period, v.numerator, v.denominator]),
      [
        ["ylyc_feel_safe", "2024", 72, 80],
        ["ylyc_feel_safe", "2025", 84, 90],
        ["ylbc_home_right", "2025", 30, 40]
      ]
    )
    assert.deepStrictEqual(
      r.benchmarks.map((b): ReadonlyArray<unknown> => [b.indicator, b.year, b.comparator, b.value]),
      [
        ["ylyc_feel_safe", 2024, "england", 91],
        ["ylyc_feel_safe", 2025, "england", 91]
      ]
    )
  })
  it("names a line with more positive answers than respondents, or an unknown survey", () => {
    const header = "survey,question,title,year,respondents,positive\n"
    assert.isTrue(Result.isFailure(Voice.surveyFromCsv(`${header}your_life_your_care,q,Q,2025,5,6`, council)))
    assert.isTrue(Result.isFailure(Voice.surveyFromCsv(`${header}other,q,Q,2025,5,4`, council)))
  })
})

const theme = (id: string, raisedBy: number | null, theme = "Contact with brothers and sisters"): Voice.Theme => ({
  id: Voice.ThemeId.make(id),
  council,
  on: CalendarDate.make("2024-10-01"),
  source: "children_in_care_council",
  theme,
  summary: "Members want more time with their brothers and sisters.",
  raisedBy,
  priorities: [Strategy.PriorityId.make("P1")],
  pledges: [],
  actions: []
})

describe("Voice.publish", () => {
  it("shows officers how many raised each theme", () => {
    const out = Voice.publish([theme("t1", 3), theme("t2", 12, "Pocket money")], "officer")
    assert.deepStrictEqual(
      out.map((t) => Option.getOrNull(t.raisedBy)),
      [3, 12]
    )
  })
  it("hides for members a count of 1 to 5 and one more from the same meeting", () => {
    const out = Voice.publish([theme("t1", 3), theme("t2", 12, "Pocket money"), theme("t3", 20, "Wi-fi")], "member")
    assert.deepStrictEqual(
      out.map((t) => Option.getOrNull(t.raisedBy)),
      ["c", "c", 20]
    )
    assert.isTrue(Option.isNone(Voice.publish([theme("t4", null)], "member")[0]!.raisedBy))
  })
  it("answers the voice page with the suppressed counts as published, through JSON and back", () => {
    const themes = [theme("t1", 3), theme("t2", 12, "Pocket money"), theme("t3", 20, "Wi-fi"), theme("t4", null)]
    const view: Voice.View = {
      audience: "member",
      themes: Voice.publish(themes, "member").map((t) => ({ ...t, raisedBy: Option.getOrNull(t.raisedBy) })),
      tally: Voice.tally(themes)
    }
    const json: unknown = JSON.parse(JSON.stringify(Schema.encodeSync(Voice.View)(view)))
    assert.deepStrictEqual(Schema.decodeUnknownSync(Voice.View)(json), view)
    assert.deepStrictEqual(
      view.themes.map((t) => t.raisedBy),
      ["c", "c", 20, null]
    )
  })
  it("tallies how often each theme came up", () => {
    assert.deepStrictEqual(Voice.tally([theme("a", 1), theme("b", 1), theme("c", 1, "Wi-fi")]), [
      { theme: "Contact with brothers and sisters", times: 2 },
      { theme: "Wi-fi", times: 1 }
    ])
  })
})
