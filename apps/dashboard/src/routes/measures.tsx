/**
 * Local measures: the figures the council tracks beyond the 903 (PEPs on time, return interviews, visits, pathway
 * plans, health assessments, key stage results, Bright Spots answers), each for the year to date with the latest
 * period, the rolling twelve months, its target and RAG, direction of travel and a trend by period — as the API
 * publishes them for the caller (members and the public see `c` for small numbers). Officers and analysts can record
 * a period's figure. RAG is given in words and an icon as well as colour.
 */
import * as CalendarDate from "@cpo/domain/CalendarDate"
import * as Frequency from "@cpo/domain/Frequency"
import * as MeasureValue from "@cpo/domain/MeasureValue"
import * as Narrative from "@cpo/domain/Narrative"
import * as ReportingYear from "@cpo/domain/ReportingYear"
import type * as Scorecard from "@cpo/domain/Scorecard"
import type * as Target from "@cpo/domain/Target"
import type * as UserRole from "@cpo/domain/UserRole"
import { useParams, useSearchParams } from "@solidjs/router"
import { Option, Schema } from "effect"
import { createResource, createSignal, createUniqueId, For, Match, Show, Switch } from "solid-js"
import { DataTable } from "../components/data-table.tsx"
import { formatDay, todayInUk } from "../components/dates.ts"
import { FormErrors, LoadError, Loading } from "../components/error-summary.tsx"
import { TextField, textOf } from "../components/form-field.tsx"
import { createSubmission } from "../components/form-submission.ts"
import { usePageTitle } from "../components/page-title.ts"
import { useCouncils } from "../data/councils.ts"
import { fetchMeasures, recordFigure } from "../data/measures.ts"
import { mayOpen, useSession } from "../data/session.ts"

/** Who may record figures (the API's authorization matrix). */
const recorders: ReadonlyArray<UserRole.UserRole> = ["officer", "analyst"]

type Entry = Scorecard.LocalEntry

const ragIcons: Readonly<Record<Target.Rag, string>> = { green: "✓", amber: "!", red: "✕" }
const ragLabels: Readonly<Record<Target.Rag, string>> = { green: "Green", amber: "Amber", red: "Red" }

const RagTag = (props: { readonly rag: Target.Rag | undefined }) => (
  <Show when={props.rag} fallback={<span class="tag tag--neutral">No target</span>}>
    {(rag) => (
      <strong class={`tag tag--${rag()}`} data-rag={rag()}>
        <span aria-hidden="true">{ragIcons[rag()]}</span>
        {ragLabels[rag()]}
      </strong>
    )}
  </Show>
)

/** A published figure with its unit: `96%`, `21.4`, or the symbol that stands for it. */
const withUnit = (e: Entry, display: string): string =>
  /^-?\d+(\.\d+)?$/.test(display) && e.unit === "percent" ? `${display}%` : display

const directionText = (e: Entry): string => Narrative.directionLabel[e.direction ?? "not_comparable"]

type Point = Scorecard.PeriodPoint

/** A period's short axis label: a month's initial, a quarter's number, a year as 2024/25. */
const shortLabel = (e: Entry, p: Point): string =>
  e.frequency === "monthly" ? p.label.slice(0, 3) : e.frequency === "quarterly" ? p.label.slice(0, 2) : p.label

const chartWidth = 360
const chartHeight = 130
const chartPad = { top: 18, bottom: 22, side: 4 }

/**
 * A column chart of a measure's last twelve periods as SVG, with a title and a description stating every figure;
 * a suppressed period has no column and shows `c`. The same figures follow as a table behind a toggle.
 */
const PeriodChart = (props: { readonly entry: Entry }) => {
  const titleId = createUniqueId()
  const descId = createUniqueId()
  const points = () => props.entry.trend.slice(-12)
  const max = () =>
    props.entry.unit === "percent" ? 100 : Math.max(1, ...points().map((p) => (p.value === null ? 0 : p.value)))
  const slot = () => (chartWidth - 2 * chartPad.side) / Math.max(1, points().length)
  const plot = chartHeight - chartPad.top - chartPad.bottom
  const heightOf = (p: Point) => (p.value === null ? 0 : Math.max(1, (p.value / max()) * plot))
  return (
    <figure class="chart" style={{ margin: "0 0 10px", "max-width": "480px" }}>
      <svg
        viewBox={`0 0 ${chartWidth} ${chartHeight}`}
        width="100%"
        role="img"
        aria-labelledby={`${titleId} ${descId}`}
      >
        <title
          id={titleId}
        >{`${props.entry.title}, ${points()[0]?.label ?? ""} to ${points().at(-1)?.label ?? ""}`}</title>
        <desc id={descId}>
          {`${points()
            .map(
              (p) => `${p.label}: ${p.display === "c" ? "c (too small to publish)" : withUnit(props.entry, p.display)}`
            )
            .join("; ")}.`}
        </desc>
        <line
          x1={chartPad.side}
          x2={chartWidth - chartPad.side}
          y1={chartHeight - chartPad.bottom}
          y2={chartHeight - chartPad.bottom}
          stroke="#505a5f"
        />
        <For each={points()}>
          {(p, i) => {
            const x = () => chartPad.side + i() * slot()
            const top = () => chartHeight - chartPad.bottom - heightOf(p)
            return (
              <g>
                <Show when={p.value !== null}>
                  <rect x={x() + slot() * 0.15} y={top()} width={slot() * 0.7} height={heightOf(p)} fill="#1d70b8" />
                </Show>
                <text x={x() + slot() / 2} y={top() - 4} text-anchor="middle" font-size="10" fill="#0b0c0c">
                  {p.display}
                </text>
                <text x={x() + slot() / 2} y={chartHeight - 6} text-anchor="middle" font-size="11" fill="#484949">
                  {shortLabel(props.entry, p)}
                </text>
              </g>
            )
          }}
        </For>
      </svg>
      <details>
        <summary>Show the figures as a table</summary>
        <DataTable
          caption={`${props.entry.title} by period`}
          columns={[
            { heading: "Period", cell: (p: Point) => p.label },
            { heading: "Figure", cell: (p: Point) => withUnit(props.entry, p.display), numeric: true }
          ]}
          rows={points()}
        />
      </details>
    </figure>
  )
}

const MeasureDetail = (props: { readonly entry: Entry }) => (
  <section class="measure" aria-labelledby={`measure-${props.entry.id}`} data-measure={props.entry.id}>
    <h3 id={`measure-${props.entry.id}`}>{props.entry.title}</h3>
    <dl class="summary-list">
      <dt>Year to date</dt>
      <dd data-year-to-date>
        {withUnit(props.entry, props.entry.display)} <RagTag rag={props.entry.rag} />
      </dd>
      <dt>Latest</dt>
      <dd>
        {props.entry.latest === null
          ? "None recorded"
          : `${withUnit(props.entry, props.entry.latest.display)} in ${props.entry.latest.label}`}
      </dd>
      <dt>Where it comes from</dt>
      <dd>{props.entry.source}</dd>
      <dt>Who answers for it</dt>
      <dd>{props.entry.owner}</dd>
    </dl>
    <Show when={props.entry.trend.length > 1}>
      <PeriodChart entry={props.entry} />
    </Show>
  </section>
)

const MeasuresTable = (props: { readonly year: number; readonly entries: ReadonlyArray<Entry> }) => (
  <DataTable
    caption={`Local measures, ${ReportingYear.label(ReportingYear.make(props.year))}`}
    rows={props.entries}
    columns={[
      { heading: "Measure", cell: (e: Entry) => e.title },
      { heading: "How often", cell: (e: Entry) => Frequency.frequencyLabel[e.frequency] },
      {
        heading: "Latest",
        cell: (e: Entry) => (e.latest === null ? "x" : `${withUnit(e, e.latest.display)} (${e.latest.label})`)
      },
      { heading: "Year to date", cell: (e: Entry) => withUnit(e, e.display), numeric: true },
      {
        heading: "Rolling 12 months",
        cell: (e: Entry) => (e.rolling12Months === null ? "x" : withUnit(e, e.rolling12Months.display)),
        numeric: true
      },
      {
        heading: "Target",
        cell: (e: Entry) => (e.target === undefined ? "" : withUnit(e, String(e.target))),
        numeric: true
      },
      { heading: "Against target", cell: (e: Entry) => <RagTag rag={e.rag} /> },
      { heading: "Direction of travel", cell: directionText }
    ]}
  />
)

/** The form to record one period's figure of a measure: the period, numerator and denominator. */
const FigureForm = (props: {
  readonly council: string
  readonly entries: ReadonlyArray<Entry>
  readonly onRecorded: (what: string) => void
}) => {
  const { fieldErrors, refusal, sending, begin, send } = createSubmission()
  const onSubmit = (event: SubmitEvent) => {
    event.preventDefault()
    const data = new FormData(event.currentTarget as HTMLFormElement)
    const measure = textOf(data, "figure-measure")
    const entry = props.entries.find((e) => e.id === measure)
    const period = textOf(data, "figure-period")
    const numerator = Number(textOf(data, "figure-numerator"))
    const denominator = Number(textOf(data, "figure-denominator"))
    const found: Record<string, string> = {}
    if (entry === undefined || Option.isNone(Frequency.parse(entry.frequency, period))) {
      found["figure-period"] =
        entry?.frequency === "annual"
          ? "Enter the reporting year as YYYY, e.g. 2025 for 2024/25"
          : entry?.frequency === "quarterly"
            ? "Enter the quarter as YYYY-Qn, e.g. 2025-Q1 for April to June 2024"
            : "Enter the month as YYYY-MM, e.g. 2025-01"
    }
    if (textOf(data, "figure-numerator") === "" || !Number.isFinite(numerator) || numerator < 0) {
      found["figure-numerator"] = "Enter how many met the measure, a whole number of 0 or more"
    }
    if (textOf(data, "figure-denominator") === "" || !Number.isFinite(denominator) || denominator < numerator) {
      found["figure-denominator"] = "Enter how many were counted, no fewer than met the measure"
    }
    begin(found)
    if (Object.keys(found).length > 0 || entry === undefined) return
    const value = Schema.decodeUnknownSync(MeasureValue.Value)({
      measure,
      period,
      numerator,
      denominator,
      value: null
    })
    send(
      () => recordFigure(props.council, value),
      () => props.onRecorded(`${entry.title}: ${numerator} of ${denominator} for ${period}`)
    )
  }
  return (
    <section class="update-form" aria-labelledby="record-figure">
      <h2 id="record-figure">Record a figure</h2>
      <form onSubmit={onSubmit} novalidate aria-label="Record a figure">
        <FormErrors fieldErrors={fieldErrors()} refusal={refusal()} refusedTitle="The figure was not recorded" />
        <div class="form-group">
          <label for="figure-measure">Measure</label>
          <select id="figure-measure" name="figure-measure">
            <For each={props.entries.filter((e) => e.unit === "percent" || e.unit === "rate")}>
              {(e) => <option value={e.id}>{e.title}</option>}
            </For>
          </select>
        </div>
        <TextField
          id="figure-period"
          label="Period"
          hint="A month as YYYY-MM, a quarter as YYYY-Qn or a reporting year as YYYY"
          value={todayInUk().slice(0, 7)}
          class="input--date"
          error={fieldErrors()["figure-period"]}
        />
        <TextField
          id="figure-numerator"
          label="How many met the measure"
          class="input--date"
          error={fieldErrors()["figure-numerator"]}
        />
        <TextField
          id="figure-denominator"
          label="How many were counted"
          class="input--date"
          error={fieldErrors()["figure-denominator"]}
        />
        <p>
          <button type="submit" class="button" disabled={sending()}>
            Record the figure
          </button>
        </p>
      </form>
    </section>
  )
}

export default function MeasuresPage() {
  const params = useParams<{ council: string }>()
  const [search, setSearch] = useSearchParams<{ year?: string }>()
  const councils = useCouncils()
  const session = useSession()
  const council = () => councils()?.find((c) => c.id === params.council)
  const thisYear = () => ReportingYear.containing(CalendarDate.make(todayInUk()))
  const year = () => {
    const asked = Number(search.year)
    return Number.isInteger(asked) && asked > 2000 && asked < 2100 ? asked : thisYear()
  }
  const source = () => ({ council: params.council, year: year(), version: session.version() })
  const [view, { refetch }] = createResource(source, (q) => fetchMeasures(q.council, q.year))
  const [recorded, setRecorded] = createSignal<string>()
  usePageTitle(() => `Local measures${council() === undefined ? "" : `, ${council()?.name}`}`)
  const years = () => Array.from({ length: 5 }, (_, i) => thisYear() - i)
  return (
    <>
      <h1>
        <span class="caption">{council()?.name ?? params.council}</span>Local measures
      </h1>
      <p class="lead">
        Figures the council tracks beyond the 903 return, recorded monthly, quarterly or yearly, shown for the year to
        date against their targets.
      </p>
      <form
        class="council-switcher"
        aria-label="Choose the year"
        onSubmit={(event) => {
          event.preventDefault()
          setSearch({ year: textOf(new FormData(event.currentTarget), "measures-year") })
        }}
      >
        <label for="measures-year">Reporting year</label>
        <select id="measures-year" name="measures-year" value={String(year())}>
          <For each={years()}>
            {(y) => <option value={String(y)}>{ReportingYear.label(ReportingYear.make(y))}</option>}
          </For>
        </select>
        <button type="submit" class="button button--secondary">
          Show
        </button>
      </form>
      <Show when={recorded()} keyed>
        {(what) => (
          <div class="notification" role="status">
            <h2>Figure recorded</h2>
            <p>{what}</p>
          </div>
        )}
      </Show>
      <Switch>
        <Match when={view.error !== undefined}>
          <LoadError what="the local measures" error={view.error} />
        </Match>
        <Match when={view.loading && view.latest === undefined}>
          <Loading what="the local measures" />
        </Match>
        <Match when={view.latest}>
          {(v) => (
            <Show
              when={v().measures.length > 0}
              fallback={
                <div class="inset">
                  <p>The council has no local measures yet. Ready-made measures it can switch on:</p>
                  <ul>
                    <For each={v().templates}>{(t) => <li>{t.title}</li>}</For>
                  </ul>
                </div>
              }
            >
              <Show when={v().audience !== "officer"}>
                <p class="inset">
                  Numbers from one to five, and figures that would reveal them, are shown as c to protect children's
                  privacy.
                </p>
              </Show>
              <MeasuresTable year={v().year} entries={v().measures} />
              <Show when={mayOpen(session.user(), recorders)}>
                <FigureForm
                  council={params.council}
                  entries={v().measures}
                  onRecorded={(what) => {
                    setRecorded(what)
                    void refetch()
                  }}
                />
              </Show>
              <h2>Each measure</h2>
              <p class="hint">
                Year to date runs from 1 April {v().year - 1} to{" "}
                {formatDay(v().measures[0]?.window.end ?? `${v().year}-03-31`)}.
              </p>
              <For each={v().measures}>{(entry) => <MeasureDetail entry={entry} />}</For>
            </Show>
          )}
        </Match>
      </Switch>
    </>
  )
}
