/**
 * The scorecard: every indicator of a council's year for an audience, with a year and audience picker and a trend
 * across the council's years. The picker is a form with a button, so nothing changes until the user asks (WCAG 3.2.2).
 */
import * as Audience from "@cpo/domain/Audience"
import * as Benchmark from "@cpo/domain/Benchmark"
import * as ReportingYear from "@cpo/domain/ReportingYear"
import { type RouteSectionProps, useParams, useSearchParams } from "@solidjs/router"
import { Schema } from "effect"
import { createMemo, createResource, For, Match, Show, Switch } from "solid-js"
import { DataTable } from "../components/data-table.tsx"
import { ErrorSummary, LoadError, Loading } from "../components/error-summary.tsx"
import { explainSymbol, fraction, isSymbol, unitSuffix } from "../components/figures.ts"
import { IndicatorCard } from "../components/indicator-card.tsx"
import { usePageTitle } from "../components/page-title.ts"
import type { TrendPoint } from "../components/trend-chart.tsx"
import { useCouncils } from "../data/councils.ts"
import { fetchPriorities } from "../data/priorities.ts"
import {
  type Document,
  decodeScorecard,
  type Entry,
  fetchScorecard,
  fetchTrend,
  path,
  type Query
} from "../data/scorecard.ts"
import type { EarlyScorecard } from "../data/scorecard-request.ts"

/** Years shown in a trend: the chosen year and up to four before it. */
const trendLength = 5

const audiences: ReadonlyArray<{ readonly id: Audience.Audience; readonly label: string }> = [
  { id: "officer", label: "Officers (exact figures)" },
  { id: "member", label: "Members (small counts suppressed)" },
  { id: "public", label: "Public (small counts suppressed)" }
]

const isAudience = Schema.is(Audience.Audience)

/** Each indicator of the newest document with its figures across `documents` (oldest first), by indicator id. */
const trendsOf = (documents: ReadonlyArray<Document>): ReadonlyMap<string, ReadonlyArray<TrendPoint>> => {
  const years = documents.map((document) => ({
    label: ReportingYear.label(ReportingYear.make(document.year)),
    entries: new Map(document.indicators.map((entry) => [entry.id, entry]))
  }))
  const point = (label: string, entry: Entry): TrendPoint => ({
    label,
    value: entry.value,
    display: isSymbol(entry.display) ? entry.display : `${entry.display}${unitSuffix(entry.unit)}`
  })
  return new Map(
    (documents.at(-1)?.indicators ?? []).map(({ id }) => [
      id,
      years.flatMap(({ label, entries }) => {
        const entry = entries.get(id)
        return entry === undefined ? [] : [point(label, entry)]
      })
    ])
  )
}

/**
 * An entry with England's published figure for the year (the domain's DfE benchmarks) when the API sent no
 * comparators; region and statistical neighbours are shown only when the API sends them.
 */
const withEngland = (entry: Entry, year: number): Entry => {
  if (entry.benchmarks !== undefined) return entry
  const values = Benchmark.valuesFor(Benchmark.englandDefaults, entry.id, year)
  return Object.keys(values).length === 0 ? entry : { ...entry, benchmarks: values }
}

export default function ScorecardPage(props: RouteSectionProps<EarlyScorecard | undefined>) {
  const params = useParams<{ council: string }>()
  const [search, setSearch] = useSearchParams<{ year?: string; audience?: string; priority?: string }>()
  const councils = useCouncils()
  const council = () => councils()?.find((c) => c.id === params.council)
  /** The year in the address, if it names one. */
  const askedYear = (): number | undefined => {
    const asked = Number(search.year)
    return search.year !== undefined && Number.isInteger(asked) ? asked : undefined
  }
  /** The year shown: the one asked for if the council has it, else its newest. */
  const year = () => {
    const years = council()?.years ?? []
    const asked = askedYear()
    return asked !== undefined && years.includes(asked as ReportingYear.ReportingYear) ? asked : years[0]
  }
  const audience = (): Audience.Audience => (isAudience(search.audience) ? search.audience : "officer")
  // Until the councils list first arrives, the year in the address is asked for at once rather than after the list:
  // the list nearly always confirms it, and the figures then come a whole request sooner. If the council has no such
  // year, its newest year is asked for when the list says so, and the early answer is dropped.
  const query = createMemo(
    (): Query | false => {
      const y = council() === undefined && councils.loading ? askedYear() : year()
      return y === undefined ? false : { council: params.council, year: y, audience: audience() }
    },
    false,
    { equals: (a, b) => a === b || (a !== false && b !== false && path(a) === path(b)) }
  )
  // The route's preload may have asked already (routes.ts); its answer serves the first query, if it is the same one.
  let early = props.data
  const [scorecard] = createResource(query, (q) => {
    const started = early
    early = undefined
    return started !== undefined && started.path === path(q)
      ? started.answer.then((answer) => decodeScorecard(started.path, answer))
      : fetchScorecard(q)
  })
  /** The document on screen; none once the request has failed (a failed resource's `latest` throws). */
  const shownDocument = (): Document | undefined => (scorecard.state === "errored" ? undefined : scorecard.latest)
  // The strategy's priorities name the indicators that show their progress; the public cannot read them, and then
  // the filter is simply not offered.
  const [priorities] = createResource(
    () => params.council,
    (council) => fetchPriorities(council).catch(() => undefined)
  )
  const priorityChoices = () => priorities()?.strategy.priorities ?? []
  const chosenPriority = () => priorityChoices().find((p) => p.id === search.priority)
  // Memos, not functions: the cards, the table and the heading read them many times while rendering, and the cards
  // are keyed by entry, so the entries must stay the same objects when, say, the priorities arrive.
  const entries = createMemo((): ReadonlyArray<Entry> => {
    const current = shownDocument()
    return current === undefined ? [] : current.indicators.map((e) => withEngland(e, current.year))
  })
  const shown = createMemo((): ReadonlyArray<Entry> => {
    const priority = chosenPriority()
    return priority === undefined ? entries() : entries().filter((e) => priority.indicators.includes(e.id))
  })
  /** The years before the chosen one that its trend shows; the chosen year's own figures are the scorecard's. */
  const earlierYears = () => {
    const y = year()
    return y === undefined ? [] : (council()?.years ?? []).filter((x) => x < y).slice(0, trendLength - 1)
  }
  // The earlier years are asked for once the chosen year's figures have arrived, so their requests neither compete
  // with it nor hold up the cards; the charts appear in the cards a moment later.
  const hasScorecard = createMemo(() => shownDocument() !== undefined)
  const [earlier] = createResource(
    () =>
      hasScorecard() && earlierYears().length > 0
        ? { council: params.council, audience: audience(), years: earlierYears() }
        : false,
    (q) => fetchTrend(q, q.years)
  )
  /**
   * The documents of the shown scorecard's trend, oldest first: the earlier years, then the shown year. While another
   * year or audience loads, earlier years that do not belong with the shown document are left out.
   */
  const trendDocuments = (): ReadonlyArray<Document> => {
    const current = shownDocument()
    if (current === undefined) return []
    const before = (earlier.latest ?? []).filter((d) => d.year < current.year && d.audience === current.audience)
    return [...before, current]
  }
  /** Each indicator's trend, by indicator id; none until the earlier years arrive, since a trend needs two points. */
  const trends = createMemo(() =>
    earlier.latest === undefined ? new Map<string, ReadonlyArray<TrendPoint>>() : trendsOf(trendDocuments())
  )
  usePageTitle(() => {
    const name = council()?.name
    const y = year()
    return name === undefined
      ? "Scorecard"
      : `Scorecard ${y === undefined ? "" : ReportingYear.label(ReportingYear.make(y))}, ${name}`
  })

  const onSubmit = (event: SubmitEvent) => {
    event.preventDefault()
    const form = new FormData(event.currentTarget as HTMLFormElement)
    const priority = form.get("priority")
    setSearch({
      year: String(form.get("year") ?? ""),
      audience: String(form.get("audience") ?? "officer"),
      priority: typeof priority === "string" && priority !== "" ? priority : undefined
    })
  }

  return (
    <Switch>
      <Match when={councils.error !== undefined}>
        <h1>Scorecard</h1>
        <LoadError what="the councils" error={councils.error} />
      </Match>
      <Match when={councils.loading}>
        <h1>Scorecard</h1>
        <Loading what="the council" />
      </Match>
      <Match when={council() === undefined}>
        <h1>Scorecard</h1>
        <ErrorSummary
          title="There is a problem"
          errors={[{ text: `There is no council “${params.council}” that you can see.` }]}
        />
      </Match>
      <Match when={council()?.years.length === 0}>
        <h1>
          <span class="caption">{council()?.name}</span>Scorecard
        </h1>
        <p>No 903 return has been imported for this council yet.</p>
      </Match>
      <Match when={council()}>
        {(c) => (
          <>
            <h1>
              <span class="caption">{c().name}</span>Scorecard
            </h1>
            <form class="form-row" onSubmit={onSubmit} aria-label="Choose the year and audience">
              <div class="form-group">
                <label for="year">Year ending 31 March</label>
                <select id="year" name="year" value={String(year())}>
                  <For each={c().years}>{(y) => <option value={String(y)}>{ReportingYear.label(y)}</option>}</For>
                </select>
              </div>
              <div class="form-group">
                <label for="audience">Show figures for</label>
                <select id="audience" name="audience" value={audience()}>
                  <For each={audiences}>{(a) => <option value={a.id}>{a.label}</option>}</For>
                </select>
              </div>
              <Show when={priorityChoices().length > 0}>
                <div class="form-group">
                  <label for="priority">Priority</label>
                  <select id="priority" name="priority">
                    <option value="">All indicators</option>
                    <For each={priorityChoices()}>
                      {(p) => (
                        <option value={p.id} selected={p.id === search.priority}>
                          {p.title}
                        </option>
                      )}
                    </For>
                  </select>
                </div>
              </Show>
              <button type="submit" class="button">
                Show scorecard
              </button>
            </form>
            <Switch>
              <Match when={scorecard.error !== undefined && !scorecard.loading}>
                <LoadError what="the scorecard" error={scorecard.error} />
              </Match>
              <Match when={scorecard.loading && scorecard.latest === undefined}>
                <Loading what="the scorecard" />
              </Match>
              <Match when={scorecard.latest}>
                {(document) => (
                  <section aria-labelledby="indicators-heading" aria-busy={scorecard.loading}>
                    <h2 id="indicators-heading">
                      {ReportingYear.label(ReportingYear.make(document().year))}: {shown().length}{" "}
                      {shown().length === 1 ? "indicator" : "indicators"}
                      {chosenPriority() === undefined ? "" : ` for “${chosenPriority()?.title}”`}
                    </h2>
                    <p class="hint">
                      1 April {document().period.start.slice(0, 4)} to 31 March {document().period.end.slice(0, 4)}.
                      Figures for {document().audience}s.
                    </p>
                    <Show when={earlier.error !== undefined}>
                      <p class="inset">The trend across years could not be loaded; this year's figures are below.</p>
                    </Show>
                    <details class="scorecard-table">
                      <summary>Show every indicator in one table</summary>
                      <DataTable
                        caption={`Scorecard ${ReportingYear.label(ReportingYear.make(document().year))}`}
                        rows={shown()}
                        columns={[
                          { heading: "Indicator", cell: (e: Entry) => e.title },
                          {
                            heading: "Figure",
                            cell: (e: Entry) => (isSymbol(e.display) ? e.display : `${e.display}${unitSuffix(e.unit)}`),
                            numeric: true
                          },
                          { heading: "Counted", cell: (e: Entry) => fraction(e) ?? "" },
                          { heading: "Note", cell: (e: Entry) => explainSymbol(e) ?? "" }
                        ]}
                      />
                    </details>
                    <ul class="cards">
                      <For each={shown()}>
                        {(entry) => (
                          <IndicatorCard
                            entry={entry}
                            trend={earlier.error === undefined ? (trends().get(entry.id) ?? []) : []}
                          />
                        )}
                      </For>
                    </ul>
                  </section>
                )}
              </Match>
            </Switch>
          </>
        )}
      </Match>
    </Switch>
  )
}
