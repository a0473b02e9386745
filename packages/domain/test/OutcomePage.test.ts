import { assert, describe, it } from "@effect/vitest"
import { Result, Schema } from "effect"
import { ChildHistory, Cohort, OutcomePage, ReportingYear, type Scorecard } from "../src/index.ts"
import { episode, returnOf } from "./fixtures.ts"

const year = ReportingYear.make(2018)
const histories = ChildHistory.index(
  returnOf(
    2018,
    [
      episode({ child: "A", start: "2017-05-01", place: "U1" }),
      episode({ child: "B", start: "2017-06-01", place: "K2" }),
      episode({ child: "C", start: "2015-06-01", place: "U1" })
    ],
    { A: "2010-01-01", B: "2005-01-01", C: "2012-01-01" }
  )
)

/** A suppressed indicator as the scorecard publishes it for members. */
const fostered: Scorecard.Entry = {
  id: "placed_foster_pct",
  title: "Children looked after in foster placements",
  unit: "percent",
  polarity: "neutral",
  value: null,
  numerator: null,
  denominator: null,
  display: "c"
}

const header = {
  council: "Fake Borough",
  year: 2018,
  period: { start: "2017-04-01", end: "2018-03-31" },
  audience: "member" as const,
  indicators: [fostered]
}

describe("OutcomePage.PlacementsView", () => {
  it("carries the placement mix and moves as published for members, `c` included, through JSON and back", () => {
    const mix = Result.getOrThrow(
      Cohort.document({ histories, year, cohort: "cla_31_march", by: ["placement_group"], audience: "member" })
    )
    const view: OutcomePage.PlacementsView = {
      ...header,
      mix,
      moves: { lookedAfter: "c", children: 0, moves: 0, reasons: [] }
    }
    const json: unknown = JSON.parse(JSON.stringify(Schema.encodeSync(OutcomePage.PlacementsView)(view)))
    assert.deepStrictEqual(Schema.decodeUnknownSync(OutcomePage.PlacementsView)(json), view)
  })

  it("refuses a count that is neither a number nor `c`", () => {
    const mix = Result.getOrThrow(
      Cohort.document({ histories, year, cohort: "cla_31_march", by: ["placement_group"], audience: "officer" })
    )
    const json = { ...header, mix, moves: { lookedAfter: "x", children: 0, moves: 0, reasons: [] } }
    assert.throws(() => Schema.decodeUnknownSync(OutcomePage.PlacementsView)(json))
  })
})

describe("OutcomePage.CareLeaversView and HealthView", () => {
  it("carry the care leavers' statuses and the measures the return does not hold, through JSON and back", () => {
    const statuses = Result.getOrThrow(
      Cohort.document({ histories, year, cohort: "care_leavers", by: ["care_leaver_status"], audience: "member" })
    )
    const careLeavers: OutcomePage.CareLeaversView = { ...header, statuses }
    const health: OutcomePage.HealthView = {
      ...header,
      notCollected: [{ measure: "return_interviews", reason: "the 903 Missing table holds dates only" }]
    }
    const roundTrip = <S extends Schema.Codec<unknown, unknown>>(schema: S, value: S["Type"]) =>
      Schema.decodeUnknownSync(schema)(JSON.parse(JSON.stringify(Schema.encodeSync(schema)(value))))
    assert.deepStrictEqual(roundTrip(OutcomePage.CareLeaversView, careLeavers), careLeavers)
    assert.deepStrictEqual(roundTrip(OutcomePage.HealthView, health), health)
  })
})
