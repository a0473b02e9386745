/**
 * The figures Middlesbrough's Corporate Parenting Strategy 2018–2021 printed for its own children
 * (../shared/seeds/middlesbrough-2018-21.txt), given back by the core from plainly fake 903 returns built to the same
 * composition. Each year's figures come from that year's return, as Trend does. The seed file is not read here: the
 * figures are copied below with the line they are on.
 */
import { assert, describe, it } from "@effect/vitest"
import { Option, Result } from "effect"
import { Benchmark, CalendarDate, Cohort, type Indicator, ReportingYear, Scorecard } from "../../src/index.ts"
import { bornAged, type ChildSpec, inputsOf, plusDays, printed, quota, returnOf, roundRobin } from "./SeedCouncil.ts"

/** The figures as printed (seed line numbers). */
const seed = {
  claAt31March2018: 445, // line 150: "As at the 31st March 2018 there were 445 Looked after Children"
  claAt31March2017: 444, // line 150: "up slightly from 444 at the 31st March 2017"
  ratePer10k2018: 137, // line 150: "The rate (137 per 10,000)"
  started2018: 162, // line 164: "162 children became Looked After in Middlesbrough during 2017/18"
  started2017: 254, // line 164: "a reduction on 2016/17 when the number was 254"
  startedMale: { count: 98, pct: 60 }, // line 164: "60% … were male (98)"
  startedAbuseOrNeglect: { count: 101, pct: 62 }, // line 164: "62% were due to Abuse/Neglect (101)"
  startedSection20: { count: 79, pct: 49 }, // line 164: "49% (79) became Looked After on a Section 20"
  startedInterimCareOrder: { count: 66, pct: 41 }, // line 164: "41% (66) on an Interim Care Order"
  // line 164: "22% (35) were under 1, 25% (40) were aged 1-4, 25% (41) aged 5-9, and 24% (39) aged 10-16, … 4% (7) aged 16+"
  startedByAge: [
    ["under_1", 35, 22],
    ["1_4", 40, 25],
    ["5_9", 41, 25],
    ["10_15", 39, 24],
    ["16_plus", 7, 4]
  ],
  whiteBritishPct: 85, // line 169: "85% of children in care on 31st March 2018 were White British"
  fosterPct: 71, // line 172: "71% … were cared for in foster placements"
  placedWithParentsPct: 13, // line 172: "13% were placed with parents"
  longTermStabilityPct: 68, // line 172: "68% of children looked after continuously for more than 2.5 years …"
  threePlusPlacementsPct: 5, // line 172: "5% had been in 3 or more placements in the last 12 months"
  uascAt31March: 0, // line 180: "no unaccompanied asylum seeking children in care at year end"
  // lines 192–196: age profile at year end, numbers and percentages (one decimal where printed)
  ageAt31March2016: [
    ["under_1", 23, 8],
    ["1_4", 37, 12.8],
    ["5_9", 55, 19],
    ["10_15", 123, 42.6],
    ["16_plus", 51, 17.6]
  ],
  ageAt31March2015: [
    ["under_1", 15, 5],
    ["1_4", 47, 15.7],
    ["5_9", 66, 22],
    ["10_15", 119, 39.7],
    ["16_plus", 53, 17.7]
  ],
  // Comparators printed beside them (benchmarks, not 903 output): lines 150, 172
  benchmarks: {
    rate: { england: 64, region: 95, statisticalNeighbours: 111.4 },
    foster: { england: 73, region: 77 },
    placedWithParents: { england: 6, region: 6 },
    longTermStability: { england: 70 },
    threePlusPlacements: { england: 10, region: 9 }
  }
} as const

/**
 * The 0–17 population is not printed; any mid-year estimate from 32,365 to 32,600 gives 137 per 10,000 for 445
 * children. This one is the example of indicators.md.
 */
const population = 32_482

type AgeBand = "under_1" | "1_4" | "5_9" | "10_15" | "16_plus"
const ageIn: Record<AgeBand, number> = { under_1: 0, "1_4": 2, "5_9": 7, "10_15": 12, "16_plus": 16 }

/**
 * 2017/18: 444 children in care at 31 March 2017 (100 of them under 16 and in care since June 2015, 68 with the same
 * carer throughout and 32 who moved in October 2016; 344 in care since June 2016, 111 of whom go home in October
 * 2017) and 162 who start in the year (50 go home within two months; 22 of those who stay move twice).
 */
const return2018 = () => {
  const ye = "2018-03-31"
  const stable = Array.from({ length: 68 }, (_, i) => ({ id: `MB18-stable-${i}`, moved: false }))
  const unstable = Array.from({ length: 32 }, (_, i) => ({ id: `MB18-moved-${i}`, moved: true }))
  const longTerm = [...stable, ...unstable]
  const recent = Array.from({ length: 344 }, (_, i) => ({ id: `MB18-recent-${i}`, leaves: i < 111 }))
  const sex = quota(162, [
    ["male", seed.startedMale.count],
    ["female", 162 - seed.startedMale.count]
  ] as const)
  const needs = quota(162, [
    ["N1", seed.startedAbuseOrNeglect.count],
    ["N4", 30],
    ["N5", 31]
  ] as const)
  const legalStatus = quota(162, [
    ["V2", seed.startedSection20.count],
    ["C1", seed.startedInterimCareOrder.count],
    ["L2", 17]
  ] as const)
  const ageAtStart = quota(
    162,
    seed.startedByAge.map(([band, n]) => [ageIn[band], n] as const)
  )
  const starters = Array.from({ length: 162 }, (_, i) => ({
    id: `MB18-start-${i}`,
    start: plusDays("2017-05-01", i),
    leaves: i >= 112,
    movesTwice: i < 22
  }))
  // Who is in care at 31 March, in a fixed order, so the year-end quotas below can be dealt out to them.
  const atYearEnd = [
    ...longTerm.map((c) => c.id),
    ...recent.filter((c) => !c.leaves).map((c) => c.id),
    ...starters.filter((c) => !c.leaves).map((c) => c.id)
  ]
  const placementAtYearEnd = new Map(
    atYearEnd.map((id, i) => [
      id,
      quota(atYearEnd.length, [
        ["U4", 200],
        ["U6", 116],
        ["P1", 58],
        ["K2", 40],
        ["H5", 21],
        ["A5", 10]
      ] as const)[i]!
    ])
  )
  const others = ["WIRI", "MWBC", "MWAS", "AIND", "APKN", "BAFR", "BCRB", "CHNE", "OOTH", "MOTH"] as const
  const whiteBritish = 378
  const ethnicity = new Map(
    atYearEnd.map((id, i) => [id, i < whiteBritish ? "WBRI" : roundRobin(445, others)[i - whiteBritish]!] as const)
  )
  const yearEndFields = (id: string) => ({
    placement: placementAtYearEnd.get(id) ?? "U4",
    ethnicity: ethnicity.get(id) ?? "WBRI"
  })
  const specs: Array<ChildSpec> = [
    ...longTerm.map((c): ChildSpec => {
      const { placement, ethnicity } = yearEndFields(c.id)
      return {
        id: c.id,
        dateOfBirth: bornAged(9, ye),
        ethnicity,
        episodes: c.moved
          ? [{ start: "2015-06-01" }, { start: "2016-10-01", placement }]
          : [{ start: "2015-06-01", placement }]
      }
    }),
    ...recent.map((c): ChildSpec => {
      const { placement, ethnicity } = yearEndFields(c.id)
      return {
        id: c.id,
        dateOfBirth: bornAged(13, ye),
        ethnicity,
        episodes: [c.leaves ? { start: "2016-06-01", end: "2017-10-01" } : { start: "2016-06-01", placement }]
      }
    }),
    ...starters.map((c, i): ChildSpec => {
      const { placement, ethnicity } = yearEndFields(c.id)
      const first = { start: c.start, legalStatus: legalStatus[i]!, needs: needs[i]! }
      const episodes = c.leaves
        ? [{ ...first, end: plusDays(c.start, 60) }]
        : c.movesTwice
          ? [first, { ...first, start: plusDays(c.start, 30) }, { ...first, start: plusDays(c.start, 60), placement }]
          : [{ ...first, placement }]
      return {
        id: c.id,
        dateOfBirth: bornAged(ageAtStart[i]!, c.start),
        sex: sex[i]!,
        ethnicity,
        episodes
      }
    })
  ]
  return returnOf(2018, specs)
}

/** 2016/17: 190 children in care since January 2015 and 254 who start in the year, all in care at 31 March 2017. */
const return2017 = () =>
  returnOf(2017, [
    ...Array.from({ length: 190 }, (_, i) => ({
      id: `MB17-long-${i}`,
      dateOfBirth: bornAged(10, "2017-03-31"),
      episodes: [{ start: "2015-01-05" }]
    })),
    ...Array.from({ length: 254 }, (_, i) => ({
      id: `MB17-start-${i}`,
      dateOfBirth: bornAged(8, "2017-03-31"),
      episodes: [{ start: plusDays("2016-05-01", i) }]
    }))
  ])

const return2017Histories = () => inputsOf(return2017()).histories

/** A year-end population with the printed age profile. */
const returnByAge = (year: number, bands: ReadonlyArray<readonly [AgeBand, number, number]>) => {
  const ye = ReportingYear.end(ReportingYear.make(year))
  const total = bands.reduce((a, [, n]) => a + n, 0)
  const ages = quota(
    total,
    bands.map(([band, n]) => [ageIn[band], n] as const)
  )
  return returnOf(
    year,
    ages.map((age, i) => {
      const dateOfBirth = bornAged(age, ye)
      // A baby comes into care three weeks after birth; everyone else in January two years before.
      const start = age === 0 ? plusDays(dateOfBirth, 21) : `${year - 2}-01-05`
      return { id: `MB${year % 100}-age-${i}`, dateOfBirth, episodes: [{ start }] }
    })
  )
}

const benchmarkCsv = [
  "indicator,year,comparator,value,group,version,source",
  `cla_rate_per_10k,2018,region,${seed.benchmarks.rate.region},north-east,2018,Middlesbrough strategy line 150`,
  `cla_rate_per_10k,2018,statistical_neighbours,${seed.benchmarks.rate.statisticalNeighbours},cssnbt-10,2018,Middlesbrough strategy line 150`,
  `placed_foster_pct,2018,region,${seed.benchmarks.foster.region},north-east,2018,Middlesbrough strategy line 172`,
  `placed_with_parents_pct,2018,region,${seed.benchmarks.placedWithParents.region},north-east,2018,line 172`,
  `placed_with_parents_pct,2018,england,${seed.benchmarks.placedWithParents.england},england,1,line 172`,
  `stability_long_term_pct,2018,england,${seed.benchmarks.longTermStability.england},england,1,line 145`,
  `stability_3plus_placements_pct,2018,region,${seed.benchmarks.threePlusPlacements.region},north-east,2018,line 172`,
  `stability_3plus_placements_pct,2018,england,${seed.benchmarks.threePlusPlacements.england},england,1,line 172`
].join("\n")

const entryOf = (card: Scorecard.Scorecard, id: string): Scorecard.Entry => {
  const e = card.indicators.find((x) => x.id === id)
  assert.isDefined(e, id)
  return e!
}

const cohortCounts = (inputs: Indicator.Inputs, cohort: "started" | "cla_31_march", by: Cohort.Dimension) => {
  const doc = Cohort.document({ histories: inputs.histories, year: inputs.year, cohort, by: [by], audience: "officer" })
  assert.isTrue(Result.isSuccess(doc))
  const d = Result.getOrThrow(doc)
  return {
    total: d.total as number,
    count: (value: string) => {
      const g = d.groups.find((x) => x.key[by] === value)
      return g === undefined ? 0 : (g.count as number)
    },
    pct: (value: string) => d.groups.find((x) => x.key[by] === value)?.pct
  }
}

describe("Middlesbrough 2018–21 strategy, reproduced from fake 903 returns", () => {
  const inputs = inputsOf(return2018(), population)
  const card = Scorecard.make({
    council: "Middlesbrough (synthetic)",
    audience: "officer",
    inputs,
    benchmarks: [
      ...Benchmark.englandDefaults,
      ...Result.getOrThrow(Benchmark.fromCsv(benchmarkCsv, "middlesbrough-benchmarks.csv"))
    ]
  })

  it("has 445 children looked after at 31 March 2018, a rate of 137 per 10,000, and 444 a year before", () => {
    assert.strictEqual(entryOf(card, "cla_31_march").value, seed.claAt31March2018)
    assert.strictEqual(entryOf(card, "cla_rate_per_10k").display, String(seed.ratePer10k2018))
    const before = Cohort.members(inputs.histories, ReportingYear.make(2017), "cla_31_march")
    assert.strictEqual(before.length, seed.claAt31March2017)
    assert.strictEqual(
      Cohort.lookedAfterOn(return2017Histories(), CalendarDate.make("2017-03-31")).length,
      seed.claAt31March2017
    )
  })

  it("has 162 starters in 2017/18 and 254 in 2016/17, counted once each by the first start", () => {
    assert.strictEqual(entryOf(card, "cla_started").value, seed.started2018)
    const card2017 = Scorecard.make({
      council: "Middlesbrough (synthetic)",
      audience: "officer",
      inputs: inputsOf(return2017())
    })
    assert.strictEqual(entryOf(card2017, "cla_started").value, seed.started2017)
  })

  it("profiles the starters by sex, need, legal status and age at start as printed, whole-number percentages", () => {
    const pct = (n: number, total: number) => Math.round((n / total) * 100)
    const bySex = cohortCounts(inputs, "started", "sex")
    assert.strictEqual(bySex.count("male"), seed.startedMale.count)
    assert.strictEqual(pct(bySex.count("male"), bySex.total), seed.startedMale.pct)
    const byNeed = cohortCounts(inputs, "started", "category_of_need")
    assert.strictEqual(byNeed.count("N1"), seed.startedAbuseOrNeglect.count)
    assert.strictEqual(pct(byNeed.count("N1"), byNeed.total), seed.startedAbuseOrNeglect.pct)
    const byStatus = cohortCounts(inputs, "started", "legal_status")
    assert.strictEqual(byStatus.count("V2"), seed.startedSection20.count)
    assert.strictEqual(pct(byStatus.count("V2"), byStatus.total), seed.startedSection20.pct)
    assert.strictEqual(byStatus.count("C1"), seed.startedInterimCareOrder.count)
    assert.strictEqual(pct(byStatus.count("C1"), byStatus.total), seed.startedInterimCareOrder.pct)
    const byAge = cohortCounts(inputs, "started", "age_band")
    for (const [band, n, printedPct] of seed.startedByAge) {
      assert.strictEqual(byAge.count(band), n, band)
      assert.strictEqual(pct(byAge.count(band), byAge.total), printedPct, band)
    }
  })

  it("has 85% White British, 71% fostered and 13% placed with parents at 31 March 2018", () => {
    const byEthnicity = cohortCounts(inputs, "cla_31_march", "ethnicity")
    assert.strictEqual(Math.round((byEthnicity.count("WBRI") / byEthnicity.total) * 100), seed.whiteBritishPct)
    assert.strictEqual(entryOf(card, "placed_foster_pct").display, String(seed.fosterPct))
    assert.strictEqual(entryOf(card, "placed_with_parents_pct").display, String(seed.placedWithParentsPct))
  })

  it("has 68% in long-term stable placements, 5% with 3 or more placements and no UASC at 31 March 2018", () => {
    assert.strictEqual(entryOf(card, "stability_long_term_pct").display, String(seed.longTermStabilityPct))
    assert.strictEqual(entryOf(card, "stability_3plus_placements_pct").display, String(seed.threePlusPlacementsPct))
    assert.strictEqual(entryOf(card, "uasc_31_march").value, seed.uascAt31March)
    assert.strictEqual(printed(Option.fromNullishOr(entryOf(card, "uasc_31_march").value)), 0)
  })

  it("shows the comparators the strategy printed beside its figures, England from the shipped series", () => {
    assert.deepStrictEqual(entryOf(card, "cla_rate_per_10k").benchmarks, {
      england: seed.benchmarks.rate.england,
      region: seed.benchmarks.rate.region,
      statistical_neighbours: seed.benchmarks.rate.statisticalNeighbours
    })
    assert.deepStrictEqual(entryOf(card, "placed_foster_pct").benchmarks, {
      england: seed.benchmarks.foster.england,
      region: seed.benchmarks.foster.region
    })
    assert.strictEqual(
      entryOf(card, "stability_long_term_pct").benchmarks?.england,
      seed.benchmarks.longTermStability.england
    )
    assert.strictEqual(
      entryOf(card, "stability_3plus_placements_pct").benchmarks?.region,
      seed.benchmarks.threePlusPlacements.region
    )
  })

  it("has the year-end age profiles of 2015 and 2016, with the percentages as printed", () => {
    for (const [year, bands] of [
      [2016, seed.ageAt31March2016],
      [2015, seed.ageAt31March2015]
    ] as const) {
      const byAge = cohortCounts(inputsOf(returnByAge(year, bands)), "cla_31_march", "age_band")
      for (const [band, n, printedPct] of bands) {
        assert.strictEqual(byAge.count(band), n, `${year} ${band}`)
        assert.strictEqual(byAge.pct(band), printedPct, `${year} ${band}`)
      }
    }
  })
})
