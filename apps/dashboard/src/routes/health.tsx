/**
 * Health and education, offending and missing for a council's year: the OC2 measures of children looked after for
 * 12 months at 31 March (health assessments, dental checks, immunisations, development checks, SDQ, convictions,
 * substance misuse), children going missing or away from placement, and what the 903 return does not hold (return
 * interviews), said plainly.
 */
import { Show } from "solid-js"
import { DataTable } from "../components/data-table.tsx"
import { IndicatorCards } from "../components/indicator-cards.tsx"
import { YearPage } from "../components/year-page.tsx"
import { fetchHealth, type HealthView, pick } from "../data/outcomes.ts"

const healthIds = [
  "oc2_cohort",
  "health_assessment_pct",
  "dental_check_pct",
  "immunisations_pct",
  "development_check_under5_pct"
]
const wellbeingIds = ["sdq_average", "sdq_concern_pct", "substance_misuse_pct", "convicted_pct"]
const missingIds = ["missing_children_pct", "missing_incidents", "away_children_pct"]

const Health = (props: { readonly view: HealthView }) => (
  <>
    <section aria-labelledby="health-heading">
      <h2 id="health-heading">Health checks</h2>
      <p>Children looked after continuously for 12 months at 31 March (the OC2 cohort).</p>
      <IndicatorCards entries={pick(props.view.indicators, healthIds)} />
    </section>
    <section aria-labelledby="wellbeing-heading">
      <h2 id="wellbeing-heading">Emotional wellbeing, substance misuse and offending</h2>
      <p>
        The SDQ (strengths and difficulties questionnaire) score runs from 0 to 40; 17 or more is a cause for concern.
        Convictions count children aged 10 or over.
      </p>
      <IndicatorCards entries={pick(props.view.indicators, wellbeingIds)} />
    </section>
    <section aria-labelledby="missing-heading">
      <h2 id="missing-heading">Missing and away from placement</h2>
      <p>Of the children looked after at any time in the year.</p>
      <IndicatorCards entries={pick(props.view.indicators, missingIds)} />
      <DataTable
        caption="Not in the 903 return"
        rows={props.view.notCollected}
        columns={[
          { heading: "Measure", cell: (n) => n.measure },
          { heading: "Figure", cell: () => "x", numeric: true },
          { heading: "Why", cell: (n) => `Not available: ${n.reason}.` }
        ]}
      />
      <Show when={props.view.notCollected.length > 0}>
        <p class="hint">
          Return home interviews are recorded in the council's case management system, not in the 903 return, so cpo
          cannot count them from the return.
        </p>
      </Show>
    </section>
  </>
)

export default function HealthPage() {
  return (
    <YearPage title="Health and wellbeing" what="health" fetch={fetchHealth}>
      {(view) => <Health view={view} />}
    </YearPage>
  )
}
