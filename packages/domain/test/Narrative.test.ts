import { assert, describe, it } from "@effect/vitest"
import { Option } from "effect"
import { Narrative, ReportingYear, type Scorecard } from "../src/index.ts"

const entry = (
  fields: Partial<Scorecard.Entry> & Pick<Scorecard.Entry, "id" | "value" | "display">
): Scorecard.Entry => ({
  title: fields.id,
  unit: "count",
  polarity: "neutral",
  numerator: fields.value,
  denominator: null,
  ...fields
})
const y2018 = ReportingYear.make(2018)

describe("Narrative.lookedAfter", () => {
  it("writes the headline in the register councils use, with rate, benchmarks and direction of travel", () => {
    const text = Narrative.lookedAfter({
      year: y2018,
      audience: "member",
      count: entry({ id: "cla_31_march", value: 445, display: "445" }),
      rate: Option.some(
        entry({
          id: "cla_rate_per_10k",
          unit: "rate",
          value: 137.2,
          numerator: 445,
          denominator: 32_430,
          display: "137"
        })
      ),
      previousCount: Option.some(entry({ id: "cla_31_march", value: 420, display: "420" })),
      rateComparisons: [
        { area: "england", value: 64 },
        { area: "statistical_neighbours", value: 111.4 }
      ]
    })
    assert.strictEqual(
      text,
      "At 31 March 2018 there were 445 children looked after, a rate of 137 per 10,000, higher than statistical neighbours (111.4) and England (64). This is up from 420 at 31 March 2017."
    )
  })

  it("never states a suppressed count, and gives no direction of travel from a suppressed year", () => {
    const text = Narrative.lookedAfter({
      year: y2018,
      audience: "member",
      count: entry({ id: "cla_31_march", value: null, numerator: null, display: "c" }),
      rate: Option.none(),
      previousCount: Option.some(entry({ id: "cla_31_march", value: 7, display: "7" })),
      rateComparisons: []
    })
    assert.strictEqual(
      text,
      "At 31 March 2018 the number of children looked after was too small to publish without risk of identifying them."
    )
  })

  it("refuses a count of 1 to 5 for members even when the entry was not marked c", () => {
    const leaked = entry({ id: "cla_31_march", value: 4, display: "4" })
    assert.isFalse(Narrative.isShown(leaked, "member"))
    assert.isFalse(Narrative.isShown(leaked, "public"))
    assert.isTrue(Narrative.isShown(leaked, "officer"))
    assert.strictEqual(Narrative.cell(leaked, "public"), "c")
  })
})

describe("Narrative.sentence", () => {
  const foster = (value: number, display: string) =>
    entry({
      id: "placed_foster_pct",
      title: "In foster placements",
      unit: "percent",
      polarity: "higher_is_better",
      value,
      numerator: 316,
      denominator: 445,
      display
    })

  it("says what a percentage describes, whether it improved and how it compares", () => {
    assert.strictEqual(
      Narrative.sentence({
        year: y2018,
        audience: "member",
        entry: foster(71.01, "71"),
        previous: Option.some(foster(68.2, "68")),
        comparisons: [{ area: "england", value: 73 }]
      }),
      "In 2017/18, 71% of children looked after at 31 March were living with foster carers, up from 68% in 2016/17, an improvement; lower than England (73%)."
    )
  })

  it("calls a rise a decline when lower is better", () => {
    const moves = (value: number, display: string) =>
      entry({
        id: "stability_3plus_placements_pct",
        unit: "percent",
        polarity: "lower_is_better",
        value,
        display,
        numerator: 40,
        denominator: 400
      })
    assert.strictEqual(Narrative.direction(moves(12, "12"), Option.some(moves(10, "10")), "member"), "declining")
    assert.strictEqual(Narrative.direction(moves(10.4, "10"), Option.some(moves(10, "10")), "member"), "stable")
  })

  it("says a suppressed figure is too small to publish without giving it", () => {
    const text = Narrative.sentence({
      year: y2018,
      audience: "member",
      entry: entry({ id: "adopted_count", title: "Adopted", value: null, numerator: null, display: "c" }),
      previous: Option.none(),
      comparisons: []
    })
    assert.strictEqual(
      text,
      "Adopted: the number for 2017/18 is too small to publish without risk of identifying children."
    )
  })

  it("formats numbers with thousands separators and one decimal place at most", () => {
    assert.strictEqual(Narrative.formatNumber(75_420), "75,420")
    assert.strictEqual(Narrative.formatNumber(111.44), "111.4")
    assert.strictEqual(Narrative.formatNumber(64), "64")
  })
})
