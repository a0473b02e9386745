import {
  type Audience,
  ChildHistory,
  Council,
  Indicator,
  MeasureValue,
  MemberReport,
  MemberReportMarkdown,
  Pledge,
  ReportingYear,
  Return,
  Scorecard,
  type Target
} from "@cpo/domain"
import { assert, describe, it } from "@effect/vitest"
import { Option, Result } from "effect"
import { LocalMeasures, Synth } from "../src/index.ts"

const council = Council.CouncilId.make("small-shire")
/** A small council, so that some monthly counts (return interviews) are 1 to 5 and must be hidden from members. */
const synthetic = Synth.generate({ seed: 15, council: "Small Shire", children: 60, years: { from: 2024, to: 2025 } })
const local = LocalMeasures.generate({ seed: 15, council, year: 2025, children: 60 })
const fosterTarget: Target.Target = {
  indicator: Indicator.IndicatorId.make("placed_foster_pct"),
  year: 2025,
  value: 75,
  tolerance: 5
}

const scorecard = (year: number, audience: Audience.Audience) => {
  const ret = synthetic.returns.find((r) => r.year === year)!
  const previous = synthetic.returns.find((r) => r.year === year - 1)
  const inputs = (r: Return.Return): Indicator.Inputs => ({
    year: ReportingYear.make(r.year),
    histories: ChildHistory.index(r),
    tables: Return.suppliedTables(r),
    population: Option.some(synthetic.population)
  })
  const card = Scorecard.make({
    council: "Small Shire",
    audience,
    inputs: inputs(ret),
    targets: [fosterTarget, ...local.targets],
    ...(previous === undefined ? {} : { previous: inputs(previous) })
  })
  return Scorecard.withLocalMeasures(
    card,
    MeasureValue.entries(local.measures, local.values, {
      audience,
      year: ReportingYear.make(year),
      targets: local.targets,
      benchmarks: local.benchmarks
    })
  )
}

const report = (audience: Audience.Audience) =>
  Result.getOrThrow(
    MemberReport.make({
      council: "Small Shire",
      year: ReportingYear.make(2025),
      audience,
      scorecards: [scorecard(2024, audience), scorecard(2025, audience)],
      strategy: Option.some(local.strategy),
      youSaidWeDid: local.youSaidWeDid,
      pledges: local.pledges,
      measures: local.measures,
      voice: local.voice
    })
  )

const sectionById = (r: MemberReport.Report, id: string): MemberReport.Section | undefined => {
  const all = (ss: ReadonlyArray<MemberReport.Section>): ReadonlyArray<MemberReport.Section> =>
    ss.flatMap((s) => [s, ...all(s.subsections)])
  return all(r.sections).find((s) => s.id === id)
}
const tablesOf = (s: MemberReport.Section | undefined): ReadonlyArray<MemberReport.Table> =>
  (s?.blocks ?? []).flatMap((b) => (b._tag === "Table" ? [b.table] : []))

describe("LocalMeasures.generate", () => {
  it("makes two years of monthly local measures, ten pledges and a year of feedback themes", () => {
    const monthly = local.measures.filter((m) => m.frequency === "monthly")
    assert.strictEqual(monthly.length, 6)
    for (const m of monthly) assert.strictEqual(local.values.filter((v) => v.measure === m.id).length, 24)
    assert.strictEqual(local.pledges.length, 10)
    assert.strictEqual(new Set(local.voice.map((t) => t.on.slice(0, 7))).size, 12)
    assert.isTrue(local.measures.some((m) => m.id === "ylyc_feel_safe"))
  })
  it("is deterministic for a seed", () => {
    assert.deepStrictEqual(LocalMeasures.generate({ seed: 15, council, year: 2025, children: 60 }), local)
  })
})

describe("a synthetic council's scorecard and member report with local measures", () => {
  it("puts local measures beside the 903 indicators with targets, RAG and trend", () => {
    const card = scorecard(2025, "officer")
    const foster = card.indicators.find((e) => e.id === "placed_foster_pct")!
    assert.strictEqual(foster.target, 75)
    assert.isDefined(foster.rag)
    const pep = card.local?.find((e) => e.id === "pep_on_time_pct")
    assert.isDefined(pep)
    assert.strictEqual(pep!.target, 95)
    assert.isDefined(pep!.rag)
    assert.isDefined(pep!.direction)
    assert.strictEqual(pep!.trend.length, 24)
    assert.strictEqual(pep!.latest?.label, "March 2025")
    const ks2 = card.local?.find((e) => e.id === "ks2_expected_standard_pct")
    assert.isDefined(ks2?.benchmarks?.england)

    const r = report("officer")
    const indicators = tablesOf(sectionById(r, "placements-and-stability")).find((t) =>
      t.caption.includes("indicators by year")
    )
    assert.include(indicators?.columns ?? [], "Against target")
    const localTable = tablesOf(sectionById(r, "local-measures"))[0]!
    assert.include(localTable.columns, "Against target")
    assert.include(localTable.columns, "Rolling 12 months")
    const pepRow = localTable.rows.find((row) => row[0]?.text === "Personal education plans completed on time")!
    assert.isDefined(pepRow.find((c) => c.rag !== undefined))
    const charts = (sectionById(r, "local-measures")?.blocks ?? []).filter((b) => b._tag === "Chart")
    assert.isAtLeast(charts.length, 6)
    // Side by side under the priority they serve.
    const health = sectionById(r, "priority-p3")
    const captions = tablesOf(health).map((t) => t.caption)
    assert.include(captions, 'Indicators for "My health and well-being"')
    assert.include(captions, 'Local measures for "My health and well-being"')
  })

  it("suppresses small numbers for members in every local figure and period", () => {
    const officer = scorecard(2025, "officer").local ?? []
    const member = scorecard(2025, "member").local ?? []
    // The small council has months with 1 to 5 return interviews: officers see them, members do not.
    const small = (n: number | null) => n !== null && n >= 1 && n <= 5
    const officerSmall = officer.flatMap((e) =>
      MeasureValue.within(local.measures.find((m) => m.id === e.id)!, local.values, {
        kind: "latest",
        start: "2023-04-01" as never,
        end: "2025-03-31" as never
      }).filter((v) => small(v.numerator) || small(v.denominator) || small((v.denominator ?? 0) - (v.numerator ?? 0)))
    )
    assert.isAbove(officerSmall.length, 0)
    for (const e of member) {
      assert.isFalse(small(e.numerator), e.id)
      assert.isFalse(small(e.denominator), e.id)
      for (const v of officerSmall.filter((x) => x.measure === e.id)) {
        assert.strictEqual(e.trend.find((p) => p.period === v.period)?.display, "c", `${e.id} ${v.period}`)
      }
      // A hidden period is never the only one hidden in a year that is shown.
      const ytdHidden = e.trend.filter((p) => p.display === "c" && p.period >= "2024-04")
      if (e.display !== "c" && e.display !== "x") assert.notStrictEqual(ytdHidden.length, 1, e.id)
    }
    const text = MemberReportMarkdown.render(report("member"))
    assert.include(text, "Local measures are recorded by the council")
    assert.notInclude(text, "(not found)")
  })

  it("traces every pledge's evidence to a measure, an action and a you-said-we-did entry", () => {
    const records: Pledge.Records = {
      measures: local.measures,
      strategy: Option.some(local.strategy),
      youSaidWeDid: local.youSaidWeDid
    }
    assert.deepStrictEqual(Pledge.problems(local.pledges, records), [])
    const rows = tablesOf(sectionById(report("member"), "pledges"))[0]!.rows
    assert.strictEqual(rows.length, 10)
    local.pledges.forEach((p, i) => {
      const evidence = rows[i]![4]!.text
      for (const link of Pledge.evidenceTrail(p, records)) assert.include(evidence, Option.getOrThrow(link.title))
    })
  })

  it("shows the year's feedback themes without identifying anyone", () => {
    const voice = sectionById(report("member"), "voice")
    const rows = tablesOf(voice)[0]!.rows
    assert.strictEqual(rows.length, local.voice.length)
    for (const row of rows) {
      const raised = row[4]!.text
      assert.isTrue(raised === "c" || Number(raised) > 5 || raised === "0", raised)
    }
  })
})
