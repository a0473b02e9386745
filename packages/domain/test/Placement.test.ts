import { assert, describe, it } from "@effect/vitest"
import { Option } from "effect"
import { CalendarDate, ChildHistory, Cohort, Placement, ReportingYear } from "../src/index.ts"
import { episode, returnOf } from "./fixtures.ts"

const ys = CalendarDate.make("2017-04-01")
const ye = CalendarDate.make("2018-03-31")
const history = (episodes: Parameters<typeof returnOf>[1]) => ChildHistory.index(returnOf(2018, episodes))[0]!

describe("placements in the year (ssda903.md §4.4)", () => {
  it("counts the placement at 1 April and each change of placement, not a change of legal status", () => {
    const h = history([
      episode({ start: "2016-01-01", end: "2017-06-01", rec: "X1" }),
      episode({ start: "2017-06-01", end: "2017-09-01", rne: "L", ls: "C1", rec: "X1" }),
      episode({ start: "2017-09-01", end: "2018-01-01", rne: "P", place: "U6", rec: "X1" }),
      episode({ start: "2018-01-01", rne: "B", place: "K2" })
    ])
    assert.strictEqual(Placement.countDuring(h, ys, ye), 3)
    assert.deepStrictEqual(
      Placement.movesDuring(h, ys, ye).map((e) => e.start),
      ["2017-09-01", "2018-01-01"]
    )
  })

  it("does not count a temporary move or the return to the same placement after it", () => {
    const h = history([
      episode({ start: "2016-01-01", end: "2017-08-01", rec: "X1", urn: "SC1" }),
      episode({ start: "2017-08-01", end: "2017-08-05", rne: "P", place: "T3", rec: "X1" }),
      episode({ start: "2017-08-05", rne: "P", urn: "SC1" })
    ])
    assert.strictEqual(Placement.countDuring(h, ys, ye), 1)
  })

  it("counts a move to a different carer after a temporary move", () => {
    const h = history([
      episode({ start: "2016-01-01", end: "2017-08-01", rec: "X1", urn: "SC1" }),
      episode({ start: "2017-08-01", end: "2017-08-05", rne: "P", place: "T4", rec: "X1" }),
      episode({ start: "2017-08-05", rne: "P", urn: "SC2" })
    ])
    assert.strictEqual(Placement.countDuring(h, ys, ye), 2)
  })

  it("does not count a change of placement status only (U6 to U4, same carer) unless configured to", () => {
    const h = history([
      episode({ start: "2016-01-01", end: "2017-08-01", rec: "X1", place: "U6" }),
      episode({ start: "2017-08-01", rne: "T", place: "U4", reason: "PLACE" })
    ])
    assert.strictEqual(Placement.countDuring(h, ys, ye), 1)
    assert.strictEqual(Placement.countDuring(h, ys, ye, { excludeStatusOnlyChanges: false }), 2)
  })

  it("counts a new period of care in the year as a new placement", () => {
    const h = history([
      episode({ start: "2016-01-01", end: "2017-06-01", rec: "E4A" }),
      episode({ start: "2017-10-01", rne: "S" })
    ])
    assert.strictEqual(Placement.countDuring(h, ys, ye), 2)
  })
})

describe("reasons for placement change", () => {
  it("counts the moves of every child by reason, most frequent first", () => {
    const histories = ChildHistory.index(
      returnOf(2018, [
        episode({ child: "A", start: "2016-01-01", end: "2017-06-01", rec: "X1" }),
        episode({ child: "A", start: "2017-06-01", end: "2017-09-01", rne: "P", reason: "CREQB", rec: "X1", urn: "X" }),
        episode({ child: "A", start: "2017-09-01", rne: "P", reason: "CARPL", urn: "Y" }),
        episode({ child: "B", start: "2016-01-01", end: "2017-07-01", rec: "X1" }),
        episode({ child: "B", start: "2017-07-01", rne: "P", reason: "CREQB", urn: "Z" })
      ])
    )
    assert.deepStrictEqual(Placement.reasonsForChange(histories, ys, ye), [
      { reason: "CREQB", moves: 2 },
      { reason: "CARPL", moves: 1 }
    ])
  })
})

describe("long-term stability (ssda903.md §4.5)", () => {
  it("is stable when the same carer since over 2 years ago, through legal status and same-carer changes", () => {
    const h = history([
      episode({ start: "2015-01-01", end: "2015-06-01", rec: "X1" }),
      episode({ start: "2015-06-01", end: "2016-02-01", rne: "P", rec: "X1" }),
      episode({ start: "2016-02-01", end: "2017-02-01", rne: "L", ls: "E1", rec: "X1" }),
      episode({ start: "2017-02-01", rne: "U", place: "A5" })
    ])
    assert.strictEqual(Option.getOrNull(Placement.periodOfCareStart(h, ye)), "2015-01-01")
    assert.strictEqual(Option.getOrNull(Placement.sameCarerSince(h, ye)), "2015-06-01")
    assert.isTrue(Placement.isLongTermStabilityCohort(h, ye, 10))
    assert.isTrue(Placement.isStableFor2Years(h, ye))
  })

  it("is not in the cohort at 16, nor before 2½ years in care; not stable after a move 2 years less a day ago", () => {
    const h = history([
      episode({ start: "2015-09-30", end: "2016-04-01", rec: "X1" }),
      episode({ start: "2016-04-01", rne: "P" })
    ])
    assert.isTrue(Placement.isLongTermStabilityCohort(h, ye, 15))
    assert.isFalse(Placement.isLongTermStabilityCohort(h, ye, 16))
    assert.isFalse(Placement.isStableFor2Years(h, ye))
    const late = history([episode({ start: "2015-10-01" })])
    assert.isFalse(Placement.isLongTermStabilityCohort(late, ye, 10))
  })

  it("lets a temporary move bridge the same-carer chain", () => {
    const h = history([
      episode({ start: "2015-01-01", end: "2017-01-01", rec: "X1" }),
      episode({ start: "2017-01-01", end: "2017-01-10", rne: "P", place: "T3", rec: "X1" }),
      episode({ start: "2017-01-10", rne: "P" })
    ])
    assert.strictEqual(Option.getOrNull(Placement.sameCarerSince(h, ye)), "2015-01-01")
  })
})

describe("placement location (ssda903.md §4.10)", () => {
  const directory = Placement.directoryFromEntries([
    ["AB1 1AA", { easting: 400_000, northing: 300_000, localAuthority: "857" }],
    ["ab2 2bb", { easting: 400_000, northing: 340_000, localAuthority: "855" }]
  ])
  it("measures miles between postcodes, normalising spaces and case", () => {
    const e = episode({ start: "2017-01-01", home: "ab11aa", placed: "AB2 2BB" })
    assert.strictEqual(Option.getOrNull(Placement.distanceMiles(e, directory)), 24.9)
    assert.isTrue(Option.getOrThrow(Placement.isOutOfArea(e, { directory, localAuthority: "857" })))
  })
  it("names the local authority of a known placement postcode, and none for an unknown or missing one", () => {
    const la = (placed?: string) =>
      Option.getOrNull(
        Placement.placementLocalAuthority(
          episode(placed === undefined ? { start: "2017-01-01" } : { start: "2017-01-01", placed }),
          directory
        )
      )
    assert.strictEqual(la("AB2 2BB"), "855")
    assert.strictEqual(la("ZZ9 9ZZ"), null)
    assert.strictEqual(la(undefined), null)
  })
  it("normalises a postcode to upper case without spaces, however it is spelled", () => {
    for (const [given, key] of [
      ["AB1 2CD", "AB12CD"],
      ["AB12CD", "AB12CD"],
      ["ab1 2cd", "AB12CD"],
      [" AB1  2CD ", "AB12CD"],
      ["AB1\t2CD", "AB12CD"],
      ["A B1 2CD", "AB12CD"]
    ] as const)
      assert.strictEqual(Placement.normalisePostcode(given), key, given)
  })
  it("compares two postcodes as their normalised forms compare", () => {
    const spellings = ["AB1 2CD", "ab12cd", " AB1  2CD ", "AB1\t2CD", "AB1\u00A02CD", "AB1 2CE", "AB1 2C", "B1 2CD", ""]
    for (const a of spellings)
      for (const b of spellings)
        assert.strictEqual(
          Placement.samePostcode(a, b),
          Placement.normalisePostcode(a) === Placement.normalisePostcode(b),
          `${JSON.stringify(a)} ${JSON.stringify(b)}`
        )
    assert.isTrue(Placement.samePostcode("ab1 2cd", "AB12CD"))
    assert.isFalse(Placement.samePostcode("AB1 2CD", "AB1 2CE"))
  })
  it("has no distance when a postcode is missing or unknown", () => {
    assert.isTrue(Option.isNone(Placement.distanceMiles(episode({ start: "2017-01-01", home: "AB1 1AA" }), directory)))
    assert.isTrue(
      Option.isNone(
        Placement.distanceMiles(episode({ start: "2017-01-01", home: "AB1 1AA", placed: "ZZ9" }), directory)
      )
    )
  })
})

describe("an episode of under 24 hours (DECOM = DEC, which validation rule 355 rejects)", () => {
  it("counts a same-day placement as a placement: §4.4 counts every episode with RNE P in the year", () => {
    const h = history([
      episode({ start: "2016-01-01", end: "2017-06-01", rec: "X1", urn: "SC1" }),
      episode({ start: "2017-06-01", end: "2017-06-01", rne: "P", urn: "SC2", rec: "X1" }),
      episode({ start: "2017-06-01", rne: "P", urn: "SC3" })
    ])
    assert.strictEqual(Placement.countDuring(h, ys, ye), 3)
  })

  it("does not make the child looked after at the end of that day, though they were looked after in the year", () => {
    const h = history([episode({ start: "2017-06-01", end: "2017-06-01", rec: "E13" })])
    assert.isFalse(Cohort.isLookedAfterOn(h, CalendarDate.make("2017-06-01")))
    assert.deepStrictEqual(
      (["started", "ceased", "during_year", "cla_31_march"] as const).map(
        (cohort) => Cohort.members([h], ReportingYear.make(2018), cohort).length
      ),
      [1, 1, 1, 0]
    )
  })
})
