/**
 * Care leavers in a council's year: for the young people whose 17th or 18th, and 19th to 21st, birthday fell in the
 * year (DfE's OC3 cohorts after exclusions), how many the council is in touch with, who are in education, employment
 * or training and who live in suitable accommodation; and the young people aged 16 to 20 at 31 March by their legal
 * status as care leavers (eligible, relevant, former relevant, qualifying).
 */
import type * as Cohort from "@cpo/domain/Cohort"
import { For, Show } from "solid-js"
import type { Bar } from "../components/bar-chart.tsx"
import { ChartWithTable } from "../components/chart-with-table.tsx"
import { DataTable } from "../components/data-table.tsx"
import { explainSymbol, isSymbol } from "../components/figures.ts"
import { IndicatorCards } from "../components/indicator-cards.tsx"
import { YearPage } from "../components/year-page.tsx"
import { type CareLeaversView, fetchCareLeavers, pick } from "../data/outcomes.ts"
import type { Entry } from "../data/scorecard.ts"

const bands = [
  { id: "17_18", label: "Aged 17 to 18" },
  { id: "19_21", label: "Aged 19 to 21" }
] as const

const measures = [
  { id: "in_touch", label: "In touch" },
  { id: "eet", label: "In education, employment or training" },
  { id: "suitable_accommodation", label: "In suitable accommodation" }
] as const

/** The four statuses in the order of the law (CA 1989), each with what it means. */
const statuses: ReadonlyArray<{ readonly id: string; readonly label: string; readonly meaning: string }> = [
  { id: "eligible", label: "Eligible", meaning: "looked after, aged 16 or 17, 13 weeks in care since 14" },
  { id: "relevant", label: "Relevant", meaning: "left care at 16 or 17 having been eligible" },
  { id: "former_relevant", label: "Former relevant", meaning: "aged 18 to 20, eligible or relevant before 18" },
  { id: "qualifying", label: "Qualifying", meaning: "looked after after 16, without the 13 weeks" }
]

const idOf = (band: string, measure: string) => `care_leavers_${band}_${measure}_pct`

const figure = (e: Entry): string => (isSymbol(e.display) ? e.display : `${e.display}%`)

const counted = (e: Entry): string =>
  e.numerator === null || e.denominator === null ? (explainSymbol(e) ?? "") : `${e.numerator} of ${e.denominator}`

const statusBars = (doc: Cohort.Document): ReadonlyArray<Bar> =>
  statuses.map((s) => {
    const group = doc.groups.find((g) => g.key.care_leaver_status === s.id)
    return { label: s.label, count: group?.count ?? 0, pct: group?.pct ?? 0 }
  })

const CareLeavers = (props: { readonly view: CareLeaversView }) => {
  const entry = (band: string, measure: string) => pick(props.view.indicators, [idOf(band, measure)])[0]
  return (
    <>
      <section aria-labelledby="outcomes-heading">
        <h2 id="outcomes-heading">Outcomes by age band</h2>
        <DataTable
          caption="Care leavers' outcomes by age band (per cent of the cohort, and how counted)"
          rows={measures}
          columns={[
            { heading: "Outcome", cell: (m) => m.label },
            ...bands.map((b) => ({
              heading: b.label,
              cell: (m: (typeof measures)[number]) => {
                const e = entry(b.id, m.id)
                return e === undefined ? (
                  ""
                ) : (
                  <>
                    <span data-figure>{figure(e)}</span>
                    <span class="counted">{counted(e)}</span>
                  </>
                )
              },
              numeric: true
            }))
          ]}
        />
        <For each={bands}>
          {(band) => (
            <>
              <h3>{band.label}</h3>
              <IndicatorCards entries={measures.flatMap((m) => pick(props.view.indicators, [idOf(band.id, m.id)]))} />
            </>
          )}
        </For>
      </section>
      <section aria-labelledby="statuses-heading">
        <h2 id="statuses-heading">Care leavers by legal status at 31 March</h2>
        <p>Young people aged 16 to 20 who were looked after on or after their 16th birthday.</p>
        <Show
          when={props.view.statuses.groups.length > 0}
          fallback={<p class="inset">No young person aged 16 to 20 had been looked after since their 16th birthday.</p>}
        >
          <ChartWithTable
            title={`Care leavers by legal status (${props.view.statuses.total} in all)`}
            bars={statusBars(props.view.statuses)}
            groupHeading="Status"
            countHeading="Young people"
          />
        </Show>
        <dl class="summary-list">
          <For each={statuses}>
            {(s) => (
              <>
                <dt>{s.label}</dt>
                <dd>{s.meaning}</dd>
              </>
            )}
          </For>
        </dl>
      </section>
    </>
  )
}

export default function CareLeaversPage() {
  return (
    <YearPage title="Care leavers" what="care leavers" fetch={fetchCareLeavers}>
      {(view) => <CareLeavers view={view} />}
    </YearPage>
  )
}
