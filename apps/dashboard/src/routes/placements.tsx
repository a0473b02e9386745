/**
 * Placements and stability for a council's year: the mix of placement types at 31 March (DfE's groups), whether
 * children live in or out of the council's area and how far from home (which needs a postcode directory), placement
 * moves in the year and why they happened, three or more placements, and long-term stability.
 */
import type * as Cohort from "@cpo/domain/Cohort"
import { Show } from "solid-js"
import type { Bar } from "../components/bar-chart.tsx"
import { ChartWithTable } from "../components/chart-with-table.tsx"
import { groupLabel } from "../components/cohort-labels.ts"
import { IndicatorCards } from "../components/indicator-cards.tsx"
import { YearPage } from "../components/year-page.tsx"
import { fetchPlacements, type PlacementsView, type PublishedCount, pick } from "../data/outcomes.ts"

const mixIds = [
  "placed_foster_pct",
  "placed_with_parents_pct",
  "placed_for_adoption_pct",
  "placed_homes_secure_semi_independent_pct"
]
const locationIds = ["placed_out_of_area_pct", "placed_over_20_miles_pct"]
const stabilityIds = ["stability_3plus_placements_pct", "stability_long_term_pct"]

const noDirectory = "postcode directory not configured"

const count = (value: PublishedCount): string => (value === "c" ? "c" : new Intl.NumberFormat("en-GB").format(value))

/** DfE's order of the placement groups (indicators.md). */
const groupOrder: ReadonlyArray<string> = ["foster", "adoption", "parents", "homes_secure_semi_independent", "other"]
const rank = (group: Cohort.DocumentGroup): number => {
  const i = groupOrder.indexOf(group.key.placement_group ?? "")
  return i < 0 ? groupOrder.length : i
}

const mixBars = (mix: Cohort.Document): ReadonlyArray<Bar> =>
  [...mix.groups]
    .sort((a, b) => rank(a) - rank(b))
    .map((g) => ({ label: groupLabel(mix.by, g.key), count: g.count, pct: g.pct }))

const reasonBars = (moves: PlacementsView["moves"]): ReadonlyArray<Bar> =>
  moves.reasons.map((r) => ({
    label: r.label,
    count: r.moves,
    pct: r.moves === "c" || moves.moves === "c" ? "c" : Math.round((r.moves / moves.moves) * 1000) / 10
  }))

const Placements = (props: { readonly view: PlacementsView }) => {
  const needsDirectory = () =>
    pick(props.view.indicators, locationIds).some((e) => e.display === "x" && e.reason === noDirectory)
  return (
    <>
      <section aria-labelledby="mix-heading">
        <h2 id="mix-heading">Placement types at 31 March</h2>
        <Show
          when={props.view.mix.groups.length > 0}
          fallback={<p class="inset">No child was looked after at 31 March.</p>}
        >
          <ChartWithTable
            title={`Children looked after at 31 March by placement group (${count(props.view.mix.total)} in all)`}
            bars={mixBars(props.view.mix)}
            groupHeading="Placement group"
            countHeading="Children"
          />
        </Show>
        <IndicatorCards entries={pick(props.view.indicators, mixIds)} />
      </section>
      <section aria-labelledby="location-heading">
        <h2 id="location-heading">In or out of area, and distance from home</h2>
        <Show when={needsDirectory()}>
          <p class="inset" data-needs-directory>
            These figures need a postcode directory (the ONS postcode directory, NSPL or ONSPD), which is not set up for
            this council yet. Without it cpo cannot tell where a placement postcode is, so the figures show x (not
            available).
          </p>
        </Show>
        <IndicatorCards entries={pick(props.view.indicators, locationIds)} />
      </section>
      <section aria-labelledby="moves-heading">
        <h2 id="moves-heading">Placement moves in the year</h2>
        <dl class="summary-list" data-moves>
          <dt>Children looked after in the year</dt>
          <dd>{count(props.view.moves.lookedAfter)}</dd>
          <dt>Children who moved at least once</dt>
          <dd>{count(props.view.moves.children)}</dd>
          <dt>Placement moves</dt>
          <dd>{count(props.view.moves.moves)}</dd>
        </dl>
        <Show
          when={props.view.moves.reasons.length > 0}
          fallback={<p class="inset">No child moved placement in the year.</p>}
        >
          <ChartWithTable
            title="Placement moves by reason for the change"
            bars={reasonBars(props.view.moves)}
            groupHeading="Reason for the change"
            countHeading="Moves"
          />
        </Show>
      </section>
      <section aria-labelledby="stability-heading">
        <h2 id="stability-heading">Stability</h2>
        <IndicatorCards entries={pick(props.view.indicators, stabilityIds)} />
      </section>
    </>
  )
}

export default function PlacementsPage() {
  return (
    <YearPage title="Placements and stability" what="placements" fetch={fetchPlacements}>
      {(view) => <Placements view={view} />}
    </YearPage>
  )
}
