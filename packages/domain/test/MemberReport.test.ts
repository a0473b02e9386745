import { assert, describe, it } from "@effect/vitest"
import { Option, Result } from "effect"
import {
  type Audience,
  Benchmark,
  CalendarDate,
  Indicator,
  MemberReport,
  MemberReportHtml,
  MemberReportMarkdown,
  Narrative,
  ReportingYear,
  Scorecard
} from "../src/index.ts"
import { episode, inputsOf } from "./fixtures.ts"
import { action, meeting, panel, priority, strategy, update } from "./plans.ts"

/**
 * A council the size of Rutland (about 30 children looked after): 30 children in care throughout, 3 who started in
 * 2017/18 and 2 who left, so the year's starters and leavers are small counts that members must not see.
 */
const episodes = [
  ...Array.from({ length: 30 }, (_, i) => episode({ child: `L${i + 1}`, start: "2015-06-01" })),
  ...Array.from({ length: 3 }, (_, i) => episode({ child: `S${i + 1}`, start: "2017-09-01" })),
  ...Array.from({ length: 2 }, (_, i) => episode({ child: `E${i + 1}`, start: "2016-01-10", end: "2017-10-01" }))
]
const scorecard = (year: number, audience: Audience.Audience) =>
  Scorecard.make({
    council: "Small Shire",
    audience,
    inputs: { ...inputsOf(year, episodes), population: Option.some(7_600) }
  })

const reportFor = (audience: Audience.Audience, extra: Partial<MemberReport.Inputs> = {}) =>
  Result.getOrThrow(
    MemberReport.make({
      council: "Small Shire",
      year: ReportingYear.make(2018),
      audience,
      scorecards: [scorecard(2017, audience), scorecard(2018, audience)],
      profiles: [
        {
          title: "Children looked after by sex",
          dimension: "Sex",
          groups: [
            { label: "Female", count: 29 },
            { label: "Male", count: 4 }
          ]
        }
      ],
      ...extra
    })
  )

/** The text a reader sees, with what may lawfully contain small digits taken out: titles, dates, years, %, rates. */
const figuresOnly = (text: string): string => {
  let s = text
  for (const d of Indicator.catalogue) s = s.replaceAll(d.title, "")
  return s
    .replace(/<style>[\s\S]*?<\/style>/g, "")
    .replace(/<[^>]+>/g, " ")
    .replace(
      /\b\d{1,2}(\/\d{2}\/\d{4}| (January|February|March|April|May|June|July|August|September|October|November|December) \d{4})/g,
      ""
    )
    .replace(/\b\d{4}\/\d{2}\b/g, "")
    .replace(/\b\d{4}\b/g, "")
    .replace(/-?\d+(\.\d+)?%/g, "")
    .replace(/\d[\d,]*(\.\d+)? per 10,000/g, "")
}
const smallCount = /(?<![\d.,\w])[1-5](?![\d.,%\w])/

describe("MemberReport for a Rutland-sized council", () => {
  it("has small counts in the officers' scorecard (so the test below can fail)", () => {
    const officer = scorecard(2018, "officer")
    const started = officer.indicators.find((e) => e.id === "cla_started")
    assert.strictEqual(started?.numerator, 3)
    const md = MemberReportMarkdown.render(reportFor("officer"))
    assert.include(md, "In 2017/18, 3 children started to be looked after")
    assert.match(figuresOnly(md), smallCount)
  })

  it("states no count from 1 to 5 in the member or public report, in text or tables, Markdown or HTML", () => {
    for (const audience of ["member", "public"] as const) {
      const report = reportFor(audience)
      for (const rendered of [MemberReportMarkdown.render(report), MemberReportHtml.render(report)]) {
        const match = smallCount.exec(figuresOnly(rendered))
        assert.isNull(
          match,
          `${audience}: small number near "${match === null ? "" : figuresOnly(rendered).slice(Math.max(0, match.index - 60), match.index + 20)}"`
        )
      }
    }
  })

  it("suppresses the profile cell of 4 and, secondarily, the next smallest so the total cannot reveal it", () => {
    assert.deepStrictEqual(MemberReport.suppressProfile([29, 4], "member"), { cells: [null, null], total: 33 })
    assert.deepStrictEqual(MemberReport.suppressProfile([20, 3, 10, 0], "public"), {
      cells: [20, null, null, 0],
      total: 33
    })
    assert.deepStrictEqual(MemberReport.suppressProfile([3, 0], "member"), { cells: [null, 0], total: null })
    assert.deepStrictEqual(MemberReport.suppressProfile([20, 3, 4], "member"), { cells: [20, null, null], total: 27 })
    assert.deepStrictEqual(MemberReport.suppressProfile([29, 4], "officer"), { cells: [29, 4], total: 33 })
  })

  it("shows every indicator of the scorecard with the figure cpo indicators publishes for the audience", () => {
    const report = reportFor("member")
    const card = scorecard(2018, "member")
    const rows = new Map<string, ReadonlyArray<string>>()
    const walk = (s: MemberReport.Section) => {
      for (const b of s.blocks) {
        if (b._tag === "Table" && b.table.caption.endsWith("indicators by year")) {
          for (const r of b.table.rows)
            rows.set(
              r[0]?.text ?? "",
              r.map((c) => c.text)
            )
        }
      }
      s.subsections.forEach(walk)
    }
    report.sections.forEach(walk)
    for (const e of card.indicators) {
      const row = rows.get(e.title)
      assert.isDefined(row, e.id)
      // Columns: indicator, 2016/17, 2017/18, direction of travel.
      const published = MemberReport.withSecondarySuppression(card).indicators.find((x) => x.id === e.id)
      assert.strictEqual(row?.[2], Narrative.cell(published ?? e, "member"), e.id)
      // Only secondary suppression may hide a figure cpo indicators shows; it never shows a different one.
      if (row?.[2] !== Narrative.cell(e, "member")) assert.strictEqual(row?.[2], "c", e.id)
    }
    assert.strictEqual(rows.get("Started to be looked after")?.[2], "c")
    assert.strictEqual(rows.get("Children looked after at 31 March")?.[2], "33")
  })

  it("hides children looked after during the year when starters or leavers are suppressed, as it would reveal them", () => {
    const member = MemberReport.withSecondarySuppression(scorecard(2018, "member"))
    assert.strictEqual(member.indicators.find((e) => e.id === "cla_during_year")?.display, "c")
    const officer = MemberReport.withSecondarySuppression(scorecard(2018, "officer"))
    assert.strictEqual(officer.indicators.find((e) => e.id === "cla_during_year")?.display, "35")
    assert.notInclude(MemberReportMarkdown.render(reportFor("member")), "35")
  })

  it("refuses scorecards for another audience: a member report from officers' figures would publish small numbers", () => {
    const result = MemberReport.make({
      council: "Small Shire",
      year: ReportingYear.make(2018),
      audience: "member",
      scorecards: [scorecard(2018, "officer")]
    })
    assert.isTrue(Result.isFailure(result))
    assert.match(Result.isFailure(result) ? result.failure.message : "", /for officer, not member/)
  })
})

describe("MemberReport with benchmarks and targets carried by the scorecard", () => {
  const card = (year: number) =>
    Scorecard.make({
      council: "Small Shire",
      audience: "member",
      inputs: { ...inputsOf(year, episodes), population: Option.some(7_600) },
      benchmarks: Benchmark.englandDefaults,
      targets: [{ indicator: Indicator.IndicatorId.make("placed_foster_pct"), year: 2018, value: 90, tolerance: 5 }]
    })
  const report = Result.getOrThrow(
    MemberReport.make({
      council: "Small Shire",
      year: ReportingYear.make(2018),
      audience: "member",
      scorecards: [card(2017), card(2018)]
    })
  )
  const md = MemberReportMarkdown.render(report)

  it("compares rates and percentages with England, never a count", () => {
    assert.match(
      md,
      /At 31 March 2018 there were 33 children looked after, a rate of 43 per 10,000, lower than England \(\d+\)\./
    )
    assert.include(md, "## How we compare")
    assert.notInclude(md, "75,420")
  })

  it("shows the target and the RAG against it", () => {
    assert.match(md, /\| In foster placements \| 100% \| 100% \| \d+% \| 90% \| Green \| Stable \|/)
  })
})

describe("MemberReport with priorities and governance", () => {
  const plan = strategy([
    priority("P1", [action("P1.1", { due: "2018-01-31", start: "2017-06-01", title: "Recruit foster carers" })]),
    priority("P2", [action("P2.1", { due: "2019-03-31", start: "2017-06-01" })])
  ])
  const report = reportFor("member", {
    strategy: Option.some(plan),
    updates: [
      update("P1", undefined, "2017-10-01", "amber", "Recruitment is behind plan"),
      update("P1", undefined, "2018-03-01", "red", "Net growth of carers is slow"),
      update("P2", undefined, "2018-03-01", "green", "On track")
    ],
    boards: [
      {
        board: panel,
        meetings: [
          meeting("M1", "2017-05-10", 6, 7),
          meeting("M2", "2017-07-12", 8, 9),
          meeting("M3", "2017-09-13", 4, 9),
          meeting("M4", "2017-11-08", 7, 7),
          meeting("M5", "2018-01-10", 6, 8)
        ]
      }
    ],
    reportingCycle: [
      {
        id: "select",
        report: "Progress against each priority",
        to: "Children's Select Committee",
        frequency: "six_monthly",
        scope: "each_priority",
        firstDue: CalendarDate.make("2017-07-31")
      }
    ]
  })
  const md = MemberReportMarkdown.render(report)

  it("summarises the priorities' RAG status at 31 March and keeps each priority's history", () => {
    assert.include(md, "has 2 priorities. At 31/03/2018, the priorities were rated 1 green and 1 red.")
    assert.include(md, "| 01/10/2017 | Amber | Recruitment is behind plan |")
    assert.include(md, "| 01/03/2018 | Red | Net growth of carers is slow |")
  })

  it("sums up the actions complete, overdue and at risk in the summary", () => {
    assert.include(
      md,
      "Of the 2 actions in Corporate Parenting Strategy 2018-21, 0 were complete at 31/03/2018, 1 overdue and 1 at risk of slipping."
    )
  })

  it("lists the overdue action", () => {
    assert.include(
      md,
      "| Recruit foster carers | Priority P1 | 31/01/2018 | Overdue | overdue by 59 days; no progress update yet |"
    )
  })

  it("reports meetings held and quorate against the terms of reference", () => {
    assert.include(
      md,
      "met 5 times in 2017/18; 4 of these meetings were quorate. Its terms of reference require at least 5 meetings a year and a quorum of 75% of core members and 70% of associate members: this was not met."
    )
    assert.include(md, "| 13/09/2017 | 4 of 8 (6) | 9 of 10 (7) | No |")
  })

  it("lists the reports due in the next twelve months", () => {
    assert.include(md, "| 31/07/2018 | Progress against each priority | Children's Select Committee | Six-monthly |")
    assert.include(md, "| 31/01/2019 |")
  })

  it("renders accessible HTML: language, one h1, captions on every table, SVG charts with title and description", () => {
    const html = MemberReportHtml.render(report)
    assert.include(html, '<html lang="en-GB">')
    assert.strictEqual(html.match(/<h1[ >]/g)?.length, 1)
    assert.strictEqual(html.match(/<table>/g)?.length, html.match(/<caption>/g)?.length)
    const svgs = html.match(/<svg [^>]*>/g) ?? []
    assert.isAbove(svgs.length, 0)
    for (const svg of svgs) assert.match(svg, /role="img" aria-labelledby="[^"]+-title [^"]+-desc"/)
    assert.include(html, "@page { size: A4")
    assert.include(html, '<span class="rag rag-red">Red</span>')
    assert.notInclude(html, "<script")
  })

  it("escapes text from the data", () => {
    assert.strictEqual(
      MemberReportHtml.escapeHtml(`<b>"Tom" & 'Jerry'</b>`),
      "&lt;b&gt;&quot;Tom&quot; &amp; &#39;Jerry&#39;&lt;/b&gt;"
    )
  })
})
