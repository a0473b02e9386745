/**
 * The corporate parenting report to members (or the public, or officers): the document councils write by hand each
 * year or half-year — cohort profile, placements and stability, health, care leavers, comparison with England and
 * statistical neighbours, progress on each priority with its RAG status, "you said, we did", governance and the local
 * offer (the seeds: Wiltshire's bi-annual update, Tameside's corporate parenting update). Here it is built from data by
 * a pure function: every figure is taken from the scorecards of the indicator engine (the same documents
 * `cpo indicators` prints for the audience) and every sentence from those figures, so report and scorecard cannot
 * disagree and nothing the audience may not see is stated. The model is rendered to Markdown and HTML by
 * `MemberReportMarkdown` and `MemberReportHtml`.
 */
import { Option, Result } from "effect"
import type { Audience } from "./Audience.ts"
import * as CalendarDate from "./CalendarDate.ts"
import type * as ChildHistory from "./ChildHistory.ts"
import * as Cohort from "./Cohort.ts"
import * as Frequency from "./Frequency.ts"
import * as Governance from "./Governance.ts"
import type * as LocalMeasure from "./LocalMeasure.ts"
import * as Narrative from "./Narrative.ts"
import * as Pledge from "./Pledge.ts"
import * as Progress from "./Progress.ts"
import * as ReportingCycle from "./ReportingCycle.ts"
import * as ReportingYear from "./ReportingYear.ts"
import * as Scorecard from "./Scorecard.ts"
import * as Strategy from "./Strategy.ts"
import * as Voice from "./Voice.ts"
import * as YouSaidWeDid from "./YouSaidWeDid.ts"

/** A table cell; `rag` marks a RAG status so renderers can show it as text and colour. @category models */
export interface Cell {
  readonly text: string
  readonly rag?: Progress.Rag
  readonly numeric?: boolean
}

/** @category models */
export interface Table {
  readonly caption: string
  readonly columns: ReadonlyArray<string>
  /** The first cell of each row heads the row. */
  readonly rows: ReadonlyArray<ReadonlyArray<Cell>>
}

/** One bar of a chart; `value` is `null` when the figure is hidden (`display` then says why). @category models */
export interface Bar {
  readonly label: string
  readonly value: number | null
  readonly display: string
}

/** A bar chart with a text alternative: its title, a description and the same data as a table. @category models */
export interface Chart {
  readonly id: string
  readonly title: string
  readonly description: string
  readonly unit: Scorecard.Entry["unit"]
  readonly bars: ReadonlyArray<Bar>
}

/** @category models */
export type Block =
  | { readonly _tag: "Paragraph"; readonly text: string }
  | { readonly _tag: "List"; readonly items: ReadonlyArray<string> }
  | { readonly _tag: "Facts"; readonly facts: ReadonlyArray<{ readonly term: string; readonly value: Cell }> }
  | { readonly _tag: "Table"; readonly table: Table }
  | { readonly _tag: "Chart"; readonly chart: Chart }

/** @category models */
export interface Section {
  readonly id: string
  readonly heading: string
  readonly blocks: ReadonlyArray<Block>
  readonly subsections: ReadonlyArray<Section>
}

/** @category models */
export interface Report {
  readonly title: string
  readonly council: string
  readonly year: ReportingYear.ReportingYear
  readonly audience: Audience
  readonly asOf: CalendarDate.CalendarDate
  readonly sections: ReadonlyArray<Section>
}

/** A benchmark for an indicator and year. @category models */
export interface Benchmark extends Narrative.Comparison {
  readonly indicator: string
  readonly year: number
}

/** Counts of the children looked after by one dimension, before any suppression. @category models */
export interface Profile {
  readonly title: string
  readonly dimension: string
  readonly groups: ReadonlyArray<{ readonly label: string; readonly count: number }>
}

/** A board with its meetings. @category models */
export interface BoardRecord {
  readonly board: Governance.Board
  readonly meetings: ReadonlyArray<Governance.Meeting>
}

/** An entitlement of the local offer, summarised. @category models */
export interface OfferItem {
  readonly title: string
  readonly summary: string
}

/** Everything a report is made from. @category models */
export interface Inputs {
  readonly council: string
  readonly year: ReportingYear.ReportingYear
  readonly audience: Audience
  /** Scorecards for the audience: the report's year and any previous years. */
  readonly scorecards: ReadonlyArray<Scorecard.Scorecard>
  readonly benchmarks?: ReadonlyArray<Benchmark>
  readonly profiles?: ReadonlyArray<Profile>
  readonly strategy?: Option.Option<Strategy.Strategy>
  readonly updates?: ReadonlyArray<Progress.Update>
  readonly youSaidWeDid?: ReadonlyArray<YouSaidWeDid.Entry>
  readonly boards?: ReadonlyArray<BoardRecord>
  /** Duties besides those of the boards' own reporting cycles. */
  readonly reportingCycle?: ReadonlyArray<ReportingCycle.Duty>
  readonly localOffer?: ReadonlyArray<OfferItem>
  /** The council's pledges to children in care and care leavers. */
  readonly pledges?: ReadonlyArray<Pledge.Pledge>
  /** The local measures' definitions, to follow a pledge's evidence to them (the figures come from the scorecard). */
  readonly measures?: ReadonlyArray<LocalMeasure.Definition>
  /** Themes raised by the Children in Care Council, the care leavers' forum and surveys. */
  readonly voice?: ReadonlyArray<Voice.Theme>
  /** The date progress is reported at; 31 March of the year unless given. */
  readonly asOf?: CalendarDate.CalendarDate
}

/** The scorecard of the report's year is missing, or a scorecard is for another audience. @category models */
export interface InputProblem {
  readonly message: string
}

/** The indicator groups of the report, in the order of `indicators.md`. @category models */
export const groups: ReadonlyArray<{
  readonly id: string
  readonly heading: string
  readonly chart: string
  readonly indicators: ReadonlyArray<string>
}> = [
  {
    id: "children-looked-after",
    heading: "Children looked after",
    chart: "cla_31_march",
    indicators: ["cla_31_march", "cla_rate_per_10k", "cla_started", "cla_ceased", "cla_during_year", "uasc_31_march"]
  },
  {
    id: "placements-and-stability",
    heading: "Placements and stability",
    chart: "stability_3plus_placements_pct",
    indicators: [
      "placed_foster_pct",
      "placed_with_parents_pct",
      "placed_for_adoption_pct",
      "placed_homes_secure_semi_independent_pct",
      "placed_out_of_area_pct",
      "placed_over_20_miles_pct",
      "stability_3plus_placements_pct",
      "stability_long_term_pct",
      "adopted_count",
      "sgo_count"
    ]
  },
  {
    id: "health-and-wellbeing",
    heading: "Health, wellbeing and participation",
    chart: "health_assessment_pct",
    indicators: [
      "oc2_cohort",
      "health_assessment_pct",
      "dental_check_pct",
      "immunisations_pct",
      "development_check_under5_pct",
      "sdq_average",
      "sdq_concern_pct",
      "convicted_pct",
      "substance_misuse_pct",
      "missing_children_pct",
      "missing_incidents",
      "away_children_pct",
      "review_participation_pct"
    ]
  },
  {
    id: "care-leavers",
    heading: "Care leavers",
    chart: "care_leavers_19_21_eet_pct",
    indicators: [
      "care_leavers_17_18_in_touch_pct",
      "care_leavers_17_18_eet_pct",
      "care_leavers_17_18_suitable_accommodation_pct",
      "care_leavers_19_21_in_touch_pct",
      "care_leavers_19_21_eet_pct",
      "care_leavers_19_21_suitable_accommodation_pct"
    ]
  }
]

const grouped = new Set(groups.flatMap((g) => g.indicators))

const audienceLabel: Readonly<Record<Audience, string>> = {
  member: "Report to elected members",
  public: "Public report",
  officer: "Officers' report (unsuppressed figures: not for publication)"
}

const p = (text: string): Block => ({ _tag: "Paragraph", text })
const table = (t: Table): Block => ({ _tag: "Table", table: t })
const text = (s: string): Cell => ({ text: s })
const num = (s: string): Cell => ({ text: s, numeric: true })
const section = (id: string, heading: string, blocks: ReadonlyArray<Block>, subsections: ReadonlyArray<Section> = []) =>
  ({ id, heading, blocks, subsections }) satisfies Section

const ddmmyyyy = CalendarDate.toDdMmYyyy

/**
 * Secondary suppression for a profile shown to members or the public (domain.md §5.1): counts of 1 to 5 become `c`;
 * when only one cell is hidden, the next smallest non-zero cell is hidden too so that the total cannot give it away,
 * and when there is none the total is hidden.
 * @category getters
 */
export const suppressProfile = (
  counts: ReadonlyArray<number>,
  audience: Audience
): { readonly cells: ReadonlyArray<number | null>; readonly total: number | null } => {
  const total = counts.reduce((a, b) => a + b, 0)
  if (audience === "officer") return { cells: counts, total }
  if (Scorecard.isSmallCount(total)) return { cells: counts.map((n) => (n === 0 ? 0 : null)), total: null }
  const hidden = new Set(counts.flatMap((n, i) => (Scorecard.isSmallCount(n) ? [i] : [])))
  let totalHidden = false
  if (hidden.size === 1) {
    const candidates = counts.flatMap((n, i) => (!hidden.has(i) && n > 0 ? [{ n, i }] : [])).sort((a, b) => a.n - b.n)
    const next = candidates[0]
    if (next === undefined) totalHidden = true
    else hidden.add(next.i)
  }
  return { cells: counts.map((n, i) => (hidden.has(i) ? null : n)), total: totalHidden ? null : total }
}

const profileTable = (profile: Profile, audience: Audience, year: ReportingYear.ReportingYear): Table => {
  const { cells, total } = suppressProfile(
    profile.groups.map((g) => g.count),
    audience
  )
  const pct = (n: number | null) =>
    n === null || total === null || total === 0 ? "c" : `${Math.round((n / total) * 100)}%`
  return {
    caption: `${profile.title} at 31 March ${year}`,
    columns: [profile.dimension, "Children", "Share"],
    rows: [
      ...profile.groups.map((g, i) => {
        const n = cells[i] ?? null
        return [text(g.label), num(n === null ? "c" : Narrative.formatNumber(n)), num(n === null ? "c" : pct(n))]
      }),
      [text("Total"), num(total === null ? "c" : Narrative.formatNumber(total)), num(total === null ? "c" : "100%")]
    ]
  }
}

interface Context {
  readonly inputs: Inputs
  readonly audience: Audience
  readonly year: ReportingYear.ReportingYear
  readonly asOf: CalendarDate.CalendarDate
  /** Scorecards oldest first, ending with the report's year. */
  readonly years: ReadonlyArray<Scorecard.Scorecard>
  readonly current: Scorecard.Scorecard
}

const entryOf = (card: Scorecard.Scorecard | undefined, id: string): Option.Option<Scorecard.Entry> =>
  Option.fromNullishOr(card?.indicators.find((e) => e.id === id))

const previousCard = (ctx: Context): Scorecard.Scorecard | undefined => ctx.years.find((c) => c.year === ctx.year - 1)

/**
 * The benchmarks of an indicator for the report's year: those given to the report, else those the scorecard entry
 * carries (`cpo indicators --benchmarks`).
 */
const comparisonsFor = (ctx: Context, id: string): ReadonlyArray<Narrative.Comparison> => {
  const given = (ctx.inputs.benchmarks ?? []).filter((b) => b.indicator === id && b.year === ctx.year)
  if (given.length > 0) return given
  const carried = Option.getOrUndefined(entryOf(ctx.current, id))?.benchmarks
  if (carried === undefined) return []
  return (["england", "region", "statistical_neighbours"] as const).flatMap((area) => {
    const value = carried[area]
    return value === undefined ? [] : [{ area, value }]
  })
}

/** Indicators of the year with a benchmark, counts excepted: a council's count is not comparable with England's. */
const benchmarked = (ctx: Context): ReadonlyArray<Scorecard.Entry> =>
  ctx.current.indicators.filter((e) => e.unit !== "count" && comparisonsFor(ctx, e.id).length > 0)

const sentenceFor = (ctx: Context, entry: Scorecard.Entry): string =>
  Narrative.sentence({
    year: ctx.year,
    audience: ctx.audience,
    entry,
    previous: entryOf(previousCard(ctx), entry.id),
    comparisons: comparisonsFor(ctx, entry.id)
  })

const areaHeading: Readonly<Record<Narrative.Comparison["area"], string>> = {
  statistical_neighbours: "Statistical neighbours",
  region: "Region",
  england: "England"
}

/** The comparators with at least one figure this year, in the order reports print them. */
const benchmarkAreas = (ctx: Context): ReadonlyArray<Narrative.Comparison["area"]> => {
  const present = new Set(benchmarked(ctx).flatMap((e) => comparisonsFor(ctx, e.id).map((c) => c.area)))
  return (["statistical_neighbours", "region", "england"] as const).filter((a) => present.has(a))
}

const hasTargets = (ctx: Context) => ctx.current.indicators.some((e) => e.target !== undefined)

const benchmarkCell = (ctx: Context, id: string, area: Narrative.Comparison["area"], unit: Scorecard.Entry["unit"]) => {
  const b = unit === "count" ? undefined : comparisonsFor(ctx, id).find((x) => x.area === area)
  return num(b === undefined ? "" : `${Narrative.formatNumber(b.value)}${unit === "percent" ? "%" : ""}`)
}

const targetCells = (e: Scorecard.Entry): ReadonlyArray<Cell> => [
  num(e.target === undefined ? "" : `${Narrative.formatNumber(e.target)}${e.unit === "percent" ? "%" : ""}`),
  e.rag === undefined ? text("") : { text: Progress.ragLabel[e.rag], rag: e.rag }
]

const indicatorTable = (ctx: Context, caption: string, ids: ReadonlyArray<string>): Table => {
  const entries = ids.flatMap((id) => Option.toArray(entryOf(ctx.current, id)))
  const areas = benchmarkAreas(ctx)
  const targets = hasTargets(ctx)
  return {
    caption,
    columns: [
      "Indicator",
      ...ctx.years.map((c) => ReportingYear.label(ReportingYear.make(c.year))),
      ...areas.map((a) => areaHeading[a]),
      ...(targets ? ["Target", "Against target"] : []),
      "Direction of travel"
    ],
    rows: entries.map((e) => [
      text(e.title),
      ...ctx.years.map((c) =>
        Option.match(entryOf(c, e.id), { onNone: () => num("x"), onSome: (x) => num(Narrative.cell(x, ctx.audience)) })
      ),
      ...areas.map((a) => benchmarkCell(ctx, e.id, a, e.unit)),
      ...(targets ? targetCells(e) : []),
      text(Narrative.directionLabel[Narrative.direction(e, entryOf(previousCard(ctx), e.id), ctx.audience)])
    ])
  }
}

const trendChart = (ctx: Context, id: string): Option.Option<Chart> =>
  Option.map(entryOf(ctx.current, id), (e) => ({
    id: `chart-${id}`,
    title: `${e.title}, ${ReportingYear.label(ReportingYear.make(ctx.years[0]?.year ?? ctx.year))} to ${ReportingYear.label(ctx.year)}`,
    description: `${e.title} for each year. ${ctx.years
      .map((c) => {
        const x = entryOf(c, id)
        return `${ReportingYear.label(ReportingYear.make(c.year))}: ${Option.match(x, {
          onNone: () => "not available",
          onSome: (y) => describeCell(Narrative.cell(y, ctx.audience))
        })}`
      })
      .join("; ")}.`,
    unit: e.unit,
    bars: ctx.years.map((c) => {
      const x = entryOf(c, id)
      const shown = Option.filter(x, (y) => Narrative.isShown(y, ctx.audience))
      return {
        label: ReportingYear.label(ReportingYear.make(c.year)),
        value: Option.match(shown, { onNone: () => null, onSome: (y) => y.value }),
        display: Option.match(x, { onNone: () => "x", onSome: (y) => Narrative.cell(y, ctx.audience) })
      }
    })
  }))

const describeCell = (s: string) =>
  s === "c" ? "too small to publish" : s === "x" ? "not available" : s === "z" ? "not applicable" : s

const indicatorSection = (ctx: Context, group: (typeof groups)[number]): Section => {
  const entries = group.indicators.flatMap((id) => Option.toArray(entryOf(ctx.current, id)))
  const blocks: Array<Block> = []
  if (group.id === "children-looked-after") {
    const count = entryOf(ctx.current, "cla_31_march")
    if (Option.isSome(count)) {
      blocks.push(
        p(
          Narrative.lookedAfter({
            year: ctx.year,
            audience: ctx.audience,
            count: count.value,
            rate: entryOf(ctx.current, "cla_rate_per_10k"),
            previousCount: entryOf(previousCard(ctx), "cla_31_march"),
            rateComparisons: comparisonsFor(ctx, "cla_rate_per_10k")
          })
        )
      )
    }
    const rest = entries.filter(
      (e) => e.id !== "cla_31_march" && e.id !== "cla_rate_per_10k" && e.display !== "x" && e.display !== "z"
    )
    blocks.push(...rest.map((e) => p(sentenceFor(ctx, e))))
  } else {
    blocks.push(...entries.filter((e) => e.display !== "x" && e.display !== "z").map((e) => p(sentenceFor(ctx, e))))
  }
  const chart = trendChart(ctx, group.chart)
  if (Option.isSome(chart)) blocks.push({ _tag: "Chart", chart: chart.value })
  blocks.push(table(indicatorTable(ctx, `${group.heading}: indicators by year`, group.indicators)))
  if (group.id === "children-looked-after") {
    for (const profile of ctx.inputs.profiles ?? []) blocks.push(table(profileTable(profile, ctx.audience, ctx.year)))
  }
  return section(group.id, group.heading, blocks)
}

const ragCell = (rag: Option.Option<Progress.Rag>): Cell =>
  Option.match(rag, {
    onNone: () => text("Not yet rated"),
    onSome: (r) => ({ text: Progress.ragLabel[r], rag: r })
  })

const priorityRag = (ctx: Context, priority: Strategy.Priority): Option.Option<Progress.Update> =>
  Progress.latest(ctx.inputs.updates ?? [], { _tag: "Priority", priority: priority.id }, ctx.asOf)

const statusLabel: Readonly<Record<Strategy.ActionStatus, string>> = {
  not_started: "Not started",
  in_progress: "In progress",
  completed: "Completed",
  cancelled: "Cancelled"
}

const prioritySection = (ctx: Context, priority: Strategy.Priority): Section => {
  const latest = priorityRag(ctx, priority)
  const updates = ctx.inputs.updates ?? []
  const blocks: Array<Block> = [
    {
      _tag: "Facts",
      facts: [
        { term: "Lead member(s)", value: text(Narrative.joinAnd(priority.leadMembers)) },
        { term: "Lead officer", value: text(priority.leadOfficer) },
        { term: `Status at ${ddmmyyyy(ctx.asOf)}`, value: ragCell(Option.map(latest, (u) => u.rag)) },
        {
          term: "Corporate parenting principles",
          value: text(priority.principles.map((x) => Strategy.Principle.label(x)).join("; ") || "None recorded")
        }
      ]
    }
  ]
  if (Option.isSome(latest)) blocks.push(p(latest.value.commentary))
  const sections: ReadonlyArray<readonly [string, ReadonlyArray<string>]> = [
    ["What we need to improve", priority.whatWeNeedToImprove],
    ["What we will do", priority.whatWeWillDo],
    ["What this will mean in practice", priority.whatThisWillMeanInPractice]
  ]
  for (const [heading, items] of sections) {
    if (items.length > 0) {
      blocks.push(p(`${heading}:`))
      blocks.push({ _tag: "List", items })
    }
  }
  if (priority.indicators.length > 0) {
    blocks.push(table(indicatorTable(ctx, `Indicators for "${priority.title}"`, priority.indicators)))
  }
  const linked = (ctx.current.local ?? []).filter((e) => e.priorities.includes(priority.id))
  if (linked.length > 0) {
    blocks.push(table(localMeasureTable(ctx, `Local measures for "${priority.title}"`, linked)))
  }
  if (priority.actions.length > 0) {
    const showOwner = ctx.audience !== "public"
    blocks.push(
      table({
        caption: `Actions for "${priority.title}"`,
        columns: ["Action", ...(showOwner ? ["Owner"] : []), "Due", "Status", "RAG"],
        rows: priority.actions.map((a) => [
          text(a.title),
          ...(showOwner ? [text(a.owner)] : []),
          text(ddmmyyyy(a.due)),
          text(statusLabel[a.status]),
          ragCell(Option.map(Progress.latest(updates, { _tag: "Action", action: a.id }, ctx.asOf), (u) => u.rag))
        ])
      })
    )
  }
  const history = Progress.history(updates, { _tag: "Priority", priority: priority.id }).filter((u) => u.on <= ctx.asOf)
  if (history.length > 1) {
    blocks.push(
      table({
        caption: `Progress history of "${priority.title}"`,
        columns: ["Date", "RAG", "Commentary"],
        rows: history.map((u) => [text(ddmmyyyy(u.on)), ragCell(Option.some(u.rag)), text(u.commentary)])
      })
    )
  }
  return section(`priority-${priority.id.toLowerCase().replace(/[^a-z0-9-]/g, "-")}`, priority.title, blocks)
}

const pointCell = (e: Scorecard.LocalEntry, point: Scorecard.PeriodPoint | null): Cell =>
  point === null
    ? num("x")
    : num(/^-?\d+(\.\d+)?$/.test(point.display) && e.unit === "percent" ? `${point.display}%` : point.display)

const localMeasureTable = (ctx: Context, caption: string, entries: ReadonlyArray<Scorecard.LocalEntry>): Table => {
  const targets = entries.some((e) => e.target !== undefined)
  const england = entries.some((e) => e.benchmarks?.england !== undefined)
  return {
    caption,
    columns: [
      "Measure",
      "How often",
      "Latest period",
      "Latest",
      `Year to date (${ReportingYear.label(ctx.year)})`,
      "Same months last year",
      "Rolling 12 months",
      ...(england ? ["England"] : []),
      ...(targets ? ["Target", "Against target"] : []),
      "Direction of travel"
    ],
    rows: entries.map((e) => [
      text(e.title),
      text(Frequency.frequencyLabel[e.frequency]),
      text(e.latest === null ? "None recorded" : e.latest.label),
      pointCell(e, e.latest),
      num(Narrative.cell(e, ctx.audience)),
      num(
        e.previous === undefined || e.previous === null
          ? // A period of last year on record means its figure exists and was hidden.
            e.trend.some((x) => x.period < e.window.start)
            ? "c"
            : "x"
          : `${Narrative.formatNumber(e.unit === "score" ? e.previous : Math.round(e.previous))}${e.unit === "percent" ? "%" : ""}`
      ),
      pointCell(e, e.rolling12Months),
      ...(england
        ? [
            num(
              e.benchmarks?.england === undefined
                ? ""
                : `${Narrative.formatNumber(e.benchmarks.england)}${e.unit === "percent" ? "%" : ""}`
            )
          ]
        : []),
      ...(targets ? targetCells(e) : []),
      text(Narrative.directionLabel[e.direction ?? "not_comparable"])
    ])
  }
}

const localTrendChart = (e: Scorecard.LocalEntry): Chart => {
  const points = e.trend.slice(-12)
  return {
    id: `chart-local-${e.id}`,
    title: `${e.title}, ${points[0]?.label ?? ""} to ${points.at(-1)?.label ?? ""}`,
    description: `${e.title} for each period. ${points.map((x) => `${x.label}: ${describeCell(x.display)}`).join("; ")}.`,
    unit: e.unit,
    bars: points.map((x) => ({ label: x.label, value: x.value, display: x.display }))
  }
}

const localMeasuresSection = (ctx: Context): Option.Option<Section> => {
  const local = ctx.current.local ?? []
  if (local.length === 0) return Option.none()
  return Option.some(
    section("local-measures", "Local measures", [
      p(
        `Besides the figures from the 903 return, ${ctx.inputs.council} tracks ${local.length} local measure${local.length === 1 ? "" : "s"} of its own, recorded monthly, quarterly or yearly. Each is shown for the year to date with the same months of last year, the latest period and the rolling twelve months, against its target.`
      ),
      table(localMeasureTable(ctx, `Local measures: ${ReportingYear.label(ctx.year)}`, local)),
      ...local.filter((e) => e.trend.length > 1).map((e): Block => ({ _tag: "Chart", chart: localTrendChart(e) }))
    ])
  )
}

const evidenceKindLabel: Readonly<Record<Pledge.EvidenceLink["kind"], string>> = {
  measure: "Measure",
  action: "Action",
  you_said_we_did: "You said, we did"
}

const pledgesSection = (ctx: Context, strategy: Option.Option<Strategy.Strategy>): Option.Option<Section> => {
  const pledges = ctx.inputs.pledges ?? []
  if (pledges.length === 0) return Option.none()
  const records: Pledge.Records = {
    measures: ctx.inputs.measures ?? [],
    strategy,
    youSaidWeDid: ctx.inputs.youSaidWeDid ?? []
  }
  const statuses = pledges.map((x) => Pledge.statusOn(x, ctx.asOf))
  const countOf = (s: Pledge.Status) => statuses.filter((x) => Option.isSome(x) && x.value === s).length
  return Option.some(
    section("pledges", "Our pledges", [
      p(
        `${ctx.inputs.council} has made ${pledges.length} pledge${pledges.length === 1 ? "" : "s"} to its children in care and care leavers. At ${ddmmyyyy(ctx.asOf)}, ${countOf("kept")} ${countOf("kept") === 1 ? "was" : "were"} kept, ${countOf("partly_kept")} partly kept and ${countOf("not_yet_kept")} not yet kept.`
      ),
      table({
        caption: `Pledges and whether they are kept at ${ddmmyyyy(ctx.asOf)}`,
        columns: ["Pledge", "Owner", "Status", "Last reviewed with the Children in Care Council", "Evidence"],
        rows: pledges.map((x, i) => [
          text(x.promise),
          text(x.owner),
          text(
            Option.match(statuses[i] ?? Option.none(), {
              onNone: () => "Not yet reviewed",
              onSome: (s) => Pledge.Status.label(s)
            })
          ),
          text(
            Option.match(Pledge.lastReviewedWithChildren(x, ctx.asOf), { onNone: () => "Not yet", onSome: ddmmyyyy })
          ),
          text(
            Pledge.evidenceTrail(x, records)
              .map((l) => `${evidenceKindLabel[l.kind]}: ${Option.getOrElse(l.title, () => `${l.id} (not found)`)}`)
              .join("; ") || "None recorded"
          )
        ])
      })
    ])
  )
}

const voiceSection = (ctx: Context, strategy: Option.Option<Strategy.Strategy>): Option.Option<Section> => {
  const themes = Voice.during(ctx.inputs.voice ?? [], ReportingYear.start(ctx.year), ctx.asOf)
  if (themes.length === 0) return Option.none()
  const priorityTitle = (id: string) =>
    Option.match(
      Option.flatMap(strategy, (s) => Strategy.priorityById(s, id)),
      { onNone: () => id, onSome: (x) => x.title }
    )
  const pledgePromise = (id: string) => (ctx.inputs.pledges ?? []).find((x) => x.id === id)?.promise ?? id
  const published = Voice.publish(themes, ctx.audience)
  const top = Voice.tally(themes).slice(0, 3)
  return Option.some(
    section("voice", "What children and young people told us", [
      p(
        `In ${ReportingYear.label(ctx.year)} the Children in Care Council, the care leavers' forum and surveys raised ${themes.length} theme${themes.length === 1 ? "" : "s"}${top.length > 0 ? `; the most frequent were ${Narrative.joinAnd(top.map((t) => `${t.theme.toLowerCase()} (${t.times})`))}` : ""}. Themes are reported for the group, never for one young person.`
      ),
      table({
        caption: `Themes raised by children in care and care leavers: ${ReportingYear.label(ctx.year)}`,
        columns: ["Date", "Heard through", "Theme", "What they said", "Young people raising it", "Linked to"],
        rows: published.map((t) => [
          text(ddmmyyyy(t.on)),
          text(t.source),
          text(t.theme),
          text(t.summary),
          num(Option.match(t.raisedBy, { onNone: () => "x", onSome: String })),
          text(
            [
              ...t.priorities.map((id) => `Priority: ${priorityTitle(id)}`),
              ...t.pledges.map((id) => `Pledge: ${pledgePromise(id)}`)
            ].join("; ")
          )
        ])
      })
    ])
  )
}

const prioritiesSection = (ctx: Context, strategy: Strategy.Strategy): Section => {
  const ratings = strategy.priorities.map((x) => Option.map(priorityRag(ctx, x), (u) => u.rag))
  const countOf = (r: Progress.Rag) => ratings.filter((x) => Option.isSome(x) && x.value === r).length
  const unrated = ratings.filter(Option.isNone).length
  const parts = (["green", "amber", "red"] as const).filter((r) => countOf(r) > 0).map((r) => `${countOf(r)} ${r}`)
  const blocks: Array<Block> = [
    p(
      `${strategy.title} ${Strategy.periodLabel(strategy)} has ${strategy.priorities.length} priorities. At ${ddmmyyyy(ctx.asOf)}, ${
        parts.length === 0 ? "none has been rated" : `the priorities were rated ${Narrative.joinAnd(parts)}`
      }${unrated > 0 && parts.length > 0 ? `, with ${unrated} not yet rated` : ""}.`
    ),
    table({
      caption: `Priorities and their RAG status at ${ddmmyyyy(ctx.asOf)}`,
      columns: ["Priority", "Lead member(s)", "RAG"],
      rows: strategy.priorities.map((x, i) => [
        text(x.title),
        text(Narrative.joinAnd(x.leadMembers)),
        ragCell(ratings[i] ?? Option.none())
      ])
    })
  ]
  const concerns = Progress.concerns(strategy, ctx.inputs.updates ?? [], { asOf: ctx.asOf })
  const subsections = strategy.priorities.map((x) => prioritySection(ctx, x))
  if (ctx.audience !== "public") {
    subsections.push(
      section(
        "overdue-and-at-risk",
        "Actions overdue or at risk",
        concerns.length === 0
          ? [p(`No action was overdue or at risk at ${ddmmyyyy(ctx.asOf)}.`)]
          : [
              table({
                caption: `Actions overdue or at risk at ${ddmmyyyy(ctx.asOf)}`,
                columns: ["Action", "Priority", "Due", "Level", "Why"],
                rows: concerns.map((c) => [
                  text(c.action.title),
                  text(c.priority.title),
                  text(ddmmyyyy(c.action.due)),
                  text(c.level === "overdue" ? "Overdue" : "At risk"),
                  text(c.reasons.map(Progress.describeReason).join("; "))
                ])
              })
            ]
      )
    )
  }
  return section("priorities", "Our priorities", blocks, subsections)
}

const youSaidWeDidSection = (ctx: Context, strategy: Option.Option<Strategy.Strategy>): Option.Option<Section> => {
  const entries = YouSaidWeDid.during(ctx.inputs.youSaidWeDid ?? [], ReportingYear.start(ctx.year), ctx.asOf)
  if (entries.length === 0) return Option.none()
  const titleOf = (id: string) =>
    Option.match(
      Option.flatMap(strategy, (s) => Strategy.priorityById(s, id)),
      { onNone: () => id, onSome: (x) => x.title }
    )
  return Option.some(
    section("you-said-we-did", "You said, we did", [
      table({
        caption: `You said, we did: ${ReportingYear.label(ctx.year)}`,
        columns: ["You said", "We did", "Heard through", "Priority"],
        rows: entries.map((e) => [
          text(e.youSaid),
          text(e.weDid),
          text(YouSaidWeDid.Source.label(e.source)),
          text(e.priorities.map(titleOf).join("; "))
        ])
      })
    ])
  )
}

const memberName = (m: Governance.Member, audience: Audience): string =>
  // Young people on the board are never named outside the council's officers.
  m.role === "young_person" && audience !== "officer" ? "Young people's representative" : m.name

const governanceSection = (ctx: Context): Option.Option<Section> => {
  const boards = ctx.inputs.boards ?? []
  const duties = [...(ctx.inputs.reportingCycle ?? []), ...boards.flatMap((b) => b.board.reportingCycle)]
  if (boards.length === 0 && duties.length === 0) return Option.none()
  const ys = ReportingYear.start(ctx.year)
  const ye = ReportingYear.end(ctx.year)
  const subsections: Array<Section> = boards.map(({ board, meetings }) => {
    const summary = Governance.meetingsSummary(board, meetings, ys, ye)
    const held = meetings.filter((m) => CalendarDate.isBetween(m.on, ys, ye)).sort((a, b) => (a.on < b.on ? -1 : 1))
    const rules = board.terms.quorum.map((r) => `${r.percent}% of ${r.membership} members`)
    const serving = Governance.membersOn(board, ye)
    return section(`board-${board.id}`, board.name, [
      p(
        `The ${board.name} met ${summary.held} time${summary.held === 1 ? "" : "s"} in ${ReportingYear.label(ctx.year)}; ${summary.quorate} of these meetings ${summary.quorate === 1 ? "was" : "were"} quorate. Its terms of reference require at least ${summary.minimum} meetings a year${rules.length > 0 ? ` and a quorum of ${Narrative.joinAnd(rules)}` : ""}: ${summary.meetsMinimum ? "this was met" : "this was not met"}.`
      ),
      ...(board.terms.reportsTo.length > 0
        ? [p(`The board reports to ${Narrative.joinAnd(board.terms.reportsTo)}.`)]
        : []),
      table({
        caption: `Members of the ${board.name} at 31 March ${ctx.year}`,
        columns: ["Member", "Role", "Membership"],
        rows: serving.map((m) => [
          text(memberName(m, ctx.audience)),
          text(Governance.Role.label(m.role)),
          text(m.membership === "core" ? "Core" : "Associate")
        ])
      }),
      table({
        caption: `Meetings of the ${board.name} in ${ReportingYear.label(ctx.year)}`,
        columns: [
          "Date",
          ...board.terms.quorum.map(
            (r) => `${r.membership === "core" ? "Core" : "Associate"} members present (needed)`
          ),
          "Quorate"
        ],
        rows: held.map((m) => {
          const q = Governance.quorum(board, m)
          return [
            text(ddmmyyyy(m.on)),
            ...q.checks.map((c) => num(`${c.present} of ${c.members} (${c.required})`)),
            text(q.quorate ? "Yes" : "No")
          ]
        })
      })
    ])
  })
  if (duties.length > 0) {
    const due = ReportingCycle.dueBetween(duties, CalendarDate.addDays(ctx.asOf, 1), CalendarDate.addYears(ctx.asOf, 1))
    subsections.push(
      section("reporting-cycle", "Reporting cycle", [
        table({
          caption: `Reports due in the twelve months after ${ddmmyyyy(ctx.asOf)}`,
          columns: ["Due", "Report", "To", "How often"],
          rows: due.map((d) => [
            text(ddmmyyyy(d.due)),
            text(d.duty.report),
            text(d.duty.to),
            text(ReportingCycle.Frequency.label(d.duty.frequency))
          ])
        })
      ])
    )
  }
  return Option.some(section("governance", "Governance", [], subsections))
}

const benchmarkSection = (ctx: Context): Option.Option<Section> => {
  const entries = benchmarked(ctx)
  if (entries.length === 0) return Option.none()
  return Option.some(
    section("how-we-compare", "How we compare", [
      p(
        `These figures compare ${ctx.inputs.council} with its statistical neighbours (councils with similar populations), its region and England for ${ReportingYear.label(ctx.year)}.`
      ),
      table({
        caption: `${ctx.inputs.council} compared with statistical neighbours, the region and England, ${ReportingYear.label(ctx.year)}`,
        columns: ["Indicator", ctx.inputs.council, ...benchmarkAreas(ctx).map((a) => areaHeading[a])],
        rows: entries.map((e) => [
          text(e.title),
          num(Narrative.cell(e, ctx.audience)),
          ...benchmarkAreas(ctx).map((a) => benchmarkCell(ctx, e.id, a, e.unit))
        ])
      })
    ])
  )
}

/** The strategy's progress in one sentence: how many actions are complete, overdue and at risk. */
const progressSummary = (ctx: Context, strategy: Strategy.Strategy): string => {
  const all = Strategy.actions(strategy)
  const completed = all.filter(({ action }) => action.status === "completed").length
  const concerns = Progress.concerns(strategy, ctx.inputs.updates ?? [], { asOf: ctx.asOf })
  const overdue = concerns.filter((c) => c.level === "overdue").length
  const atRisk = concerns.length - overdue
  const actions = (n: number) => `${n} action${n === 1 ? "" : "s"}`
  return `Of the ${actions(all.length)} in ${strategy.title} ${Strategy.periodLabel(strategy)}, ${completed} ${
    completed === 1 ? "was" : "were"
  } complete at ${ddmmyyyy(ctx.asOf)}, ${overdue} overdue and ${atRisk} at risk of slipping.`
}

/**
 * Figures that would give away a suppressed one by subtraction: children looked after during the year are those at
 * the previous 31 March plus those who started, and those at 31 March plus those who ceased, so a published
 * `cla_during_year` next to a suppressed `cla_started` or `cla_ceased` reveals it (domain.md §5.1: never derive a
 * suppressed cell). Each pair is (suppressed, also hide).
 * @category models
 */
export const secondarySuppression: ReadonlyArray<readonly [string, string]> = [
  ["cla_started", "cla_during_year"],
  ["cla_ceased", "cla_during_year"]
]

/**
 * A member or public scorecard with the figures hidden that would reveal a suppressed one; officers' are unchanged.
 * @category getters
 */
export const withSecondarySuppression = (card: Scorecard.Scorecard): Scorecard.Scorecard => {
  if (card.audience === "officer") return card
  const hidden = new Set(card.indicators.filter((e) => e.display === "c").map((e) => e.id))
  const also = new Set(secondarySuppression.filter(([a]) => hidden.has(a)).map(([, b]) => b))
  if (also.size === 0) return card
  return {
    ...card,
    indicators: card.indicators.map((e) =>
      also.has(e.id) && e.display !== "x" && e.display !== "z"
        ? { ...e, value: null, numerator: null, denominator: null, display: "c" }
        : e
    )
  }
}

/**
 * Build the report, or say why it cannot be: the scorecard of the year must be there, and every scorecard must be
 * for the report's audience (a member report built from officers' figures would publish small numbers).
 * @category constructors
 */
export const make = (inputs: Inputs): Result.Result<Report, InputProblem> => {
  const wrong = inputs.scorecards.find((c) => c.audience !== inputs.audience)
  if (wrong !== undefined) {
    return Result.fail({ message: `the scorecard for ${wrong.year} is for ${wrong.audience}, not ${inputs.audience}` })
  }
  const years = inputs.scorecards
    .map((c) => withSecondarySuppression(c))
    .filter((c) => c.year <= inputs.year)
    .sort((a, b) => a.year - b.year)
    .slice(-3)
  const current = years.find((c) => c.year === inputs.year)
  if (current === undefined) {
    return Result.fail({ message: `no scorecard for ${inputs.year}` })
  }
  const asOf = inputs.asOf ?? ReportingYear.end(inputs.year)
  const ctx: Context = { inputs, audience: inputs.audience, year: inputs.year, asOf, years, current }
  const strategy = inputs.strategy ?? Option.none()

  const headline = Option.map(entryOf(current, "cla_31_march"), (count) =>
    Narrative.lookedAfter({
      year: inputs.year,
      audience: inputs.audience,
      count,
      rate: entryOf(current, "cla_rate_per_10k"),
      previousCount: entryOf(previousCard(ctx), "cla_31_march"),
      rateComparisons: comparisonsFor(ctx, "cla_rate_per_10k")
    })
  )
  const summary = section("summary", "Summary", [
    p(
      `This report sets out how ${inputs.council} has acted as corporate parent to the children it looks after and its care leavers in ${ReportingYear.label(inputs.year)} (1 April ${inputs.year - 1} to 31 March ${inputs.year}).`
    ),
    ...Option.toArray(Option.map(headline, p)),
    ...Option.toArray(Option.map(strategy, (st) => p(progressSummary(ctx, st))))
  ])

  const others = current.indicators.filter((e) => !grouped.has(e.id)).map((e) => e.id)
  const sections: Array<Section> = [summary, ...groups.map((g) => indicatorSection(ctx, g))]
  if (others.length > 0) {
    sections.push(
      section("other-indicators", "Other indicators", [table(indicatorTable(ctx, "Other indicators by year", others))])
    )
  }
  sections.push(...Option.toArray(localMeasuresSection(ctx)))
  sections.push(...Option.toArray(benchmarkSection(ctx)))
  if (Option.isSome(strategy)) sections.push(prioritiesSection(ctx, strategy.value))
  sections.push(...Option.toArray(pledgesSection(ctx, strategy)))
  sections.push(...Option.toArray(youSaidWeDidSection(ctx, strategy)))
  sections.push(...Option.toArray(voiceSection(ctx, strategy)))
  sections.push(...Option.toArray(governanceSection(ctx)))
  if ((inputs.localOffer ?? []).length > 0) {
    sections.push(
      section("local-offer", "Our local offer to care leavers", [
        p("The local offer sets out the support care leavers can expect from the council and its partners."),
        table({
          caption: "The local offer to care leavers",
          columns: ["Support", "What it means"],
          rows: (inputs.localOffer ?? []).map((o) => [text(o.title), text(o.summary)])
        })
      ])
    )
  }
  sections.push(
    section("about-the-figures", "About the figures", [
      {
        _tag: "List",
        items: [
          `Figures are computed from the council's SSDA903 return with the Department for Education's definitions; each year runs from April to the following March.`,
          inputs.audience === "officer"
            ? "Figures are exact and include small numbers: this version must not be published."
            : "To protect children's privacy, numbers from one to five, and figures that would reveal them, are shown as c and never stated in the text.",
          "x: not available; z: not applicable. Percentages are rounded to whole numbers.",
          ...((current.local ?? []).length > 0
            ? [
                "Local measures are recorded by the council and its partners month by month or year by year; the year to date adds up the periods from April, and a period that would reveal a small number, with one more, is shown as c."
              ]
            : []),
          `Progress is reported as at ${ddmmyyyy(asOf)}. RAG: green on track, amber at risk, red off track.`
        ]
      }
    ])
  )
  return Result.succeed({
    title: `Corporate parenting annual report ${ReportingYear.label(inputs.year)}`,
    council: inputs.council,
    year: inputs.year,
    audience: inputs.audience,
    asOf,
    sections
  })
}

/** The subtitle under the title, naming the audience. @category getters */
export const subtitle = (report: Report): string => `${report.council} · ${audienceLabel[report.audience]}`

const ageBandLabels: Readonly<Record<string, string>> = {
  under_1: "Under one",
  "1_4": "One to four",
  "5_9": "Five to nine",
  "10_15": "10 to 15",
  "16_plus": "16 and over",
  unknown: "Not known"
}
const sexLabels: Readonly<Record<string, string>> = { female: "Female", male: "Male", unknown: "Not known" }

/**
 * The profiles a member report shows of the children looked after at 31 March: by age band and by sex, labelled in
 * words. `cpo report` and the API's report route both take them from here, so the two reports read the same.
 * @category constructors
 */
export const profilesAt31March = (
  histories: ReadonlyArray<ChildHistory.ChildHistory>,
  year: ReportingYear.ReportingYear
): ReadonlyArray<Profile> => {
  const members = Cohort.members(histories, year, "cla_31_march")
  const by = (dimension: Cohort.Dimension, labels: Readonly<Record<string, string>>) =>
    Cohort.profile(members, [dimension]).map((g) => ({
      label: labels[g.key[dimension] ?? "unknown"] ?? g.key[dimension] ?? "Not known",
      count: g.count
    }))
  return [
    { title: "Children looked after by age", dimension: "Age", groups: by("age_band", ageBandLabels) },
    { title: "Children looked after by sex", dimension: "Sex", groups: by("sex", sexLabels) }
  ]
}
