/**
 * The cohort explorer: a cohort of the year (looked after at 31 March, started, ceased, during the year, care
 * leavers) broken down by one dimension, as a bar chart and a table. Choices take effect when the form is submitted
 * (WCAG 3.2.2); a breakdown the cohort does not support is explained in an error summary.
 */
import * as Audience from "@cpo/domain/Audience"
import * as Cohort from "@cpo/domain/Cohort"
import * as ReportingYear from "@cpo/domain/ReportingYear"
import { useParams, useSearchParams } from "@solidjs/router"
import { Schema } from "effect"
import { createResource, createSignal, For, Match, Show, Switch } from "solid-js"
import { BarChart } from "../components/bar-chart.tsx"
import { cohortLabels, dimensionLabels, groupLabel } from "../components/cohort-labels.ts"
import { DataTable } from "../components/data-table.tsx"
import { ErrorSummary, LoadError, Loading } from "../components/error-summary.tsx"
import { usePageTitle } from "../components/page-title.ts"
import { CouncilYears, useCouncilYear, YearChoice } from "../components/year-page.tsx"
import { dimensionsOf, fetchCohort } from "../data/cohorts.ts"
import { useSession } from "../data/session.ts"

const isCohort = Schema.is(Cohort.CohortName)
const isDimension = Schema.is(Cohort.Dimension)
const isAudience = Schema.is(Audience.Audience)

const cohorts = Cohort.CohortName.literals
const dimensions = Cohort.Dimension.literals

interface Row {
  readonly label: string
  readonly count: number | "c"
  readonly pct: number | "c"
}

export default function CohortsPage() {
  const params = useParams<{ council: string }>()
  const [search, setSearch] = useSearchParams<{ year?: string; cohort?: string; by?: string; audience?: string }>()
  const session = useSession()
  const [problem, setProblem] = createSignal<string>()
  const { council, year } = useCouncilYear(() => search.year)
  const cohort = (): Cohort.CohortName => (isCohort(search.cohort) ? search.cohort : "cla_31_march")
  const by = (): Cohort.Dimension => {
    const allowed = dimensionsOf(cohort())
    return isDimension(search.by) && allowed.includes(search.by) ? search.by : (allowed[0] ?? "age_band")
  }
  const audience = (): Audience.Audience => (isAudience(search.audience) ? search.audience : "officer")
  const [profile] = createResource(() => {
    const y = year()
    return y === undefined
      ? false
      : { council: params.council, year: y, cohort: cohort(), by: [by()], audience: audience(), v: session.version() }
  }, fetchCohort)
  usePageTitle(() => `${problem() === undefined ? "" : "Error: "}Cohorts${council() ? `, ${council()?.name}` : ""}`)

  const onSubmit = (event: SubmitEvent) => {
    event.preventDefault()
    const form = new FormData(event.currentTarget as HTMLFormElement)
    const chosenCohort = String(form.get("cohort"))
    const chosenBy = String(form.get("by"))
    if (isCohort(chosenCohort) && isDimension(chosenBy) && !dimensionsOf(chosenCohort).includes(chosenBy)) {
      setProblem(
        `${cohortLabels[chosenCohort]} cannot be broken down by ${dimensionLabels[chosenBy].toLowerCase()}: choose ` +
          dimensionsOf(chosenCohort)
            .map((d) => dimensionLabels[d].toLowerCase())
            .join(", ")
      )
      return
    }
    setProblem(undefined)
    setSearch({
      year: String(form.get("year")),
      cohort: chosenCohort,
      by: chosenBy,
      audience: String(form.get("audience"))
    })
  }

  const rows = (): ReadonlyArray<Row> =>
    (profile.latest?.groups ?? []).map((g) => ({
      label: groupLabel(profile.latest?.by ?? [], g.key),
      count: g.count,
      pct: g.pct
    }))

  return (
    <>
      <Show when={problem()} keyed>
        {(text) => <ErrorSummary title="There is a problem" errors={[{ text, href: "#by" }]} />}
      </Show>
      <h1>
        <span class="caption">{council()?.name ?? params.council}</span>Cohorts
      </h1>
      <CouncilYears council={council()} noReturn="No 903 return has been imported for this council yet.">
        {(c) => (
          <>
            <form class="form-row" onSubmit={onSubmit} aria-label="Choose the cohort and breakdown" novalidate>
              <YearChoice years={c().years} chosen={year()} />
              <div class="form-group">
                <label for="cohort">Children</label>
                <select id="cohort" name="cohort" value={cohort()}>
                  <For each={cohorts}>{(name) => <option value={name}>{cohortLabels[name]}</option>}</For>
                </select>
              </div>
              <div class="form-group" classList={{ "form-group--error": problem() !== undefined }}>
                <label for="by">Break down by</label>
                <Show when={problem()}>
                  <p class="error-message" id="by-error">
                    <span class="visually-hidden">Error:</span> Choose a breakdown this cohort supports
                  </p>
                </Show>
                <select
                  id="by"
                  name="by"
                  value={by()}
                  aria-invalid={problem() !== undefined}
                  aria-describedby={problem() === undefined ? undefined : "by-error"}
                >
                  <For each={dimensions}>{(d) => <option value={d}>{dimensionLabels[d]}</option>}</For>
                </select>
              </div>
              <div class="form-group">
                <label for="audience">Show figures for</label>
                <select id="audience" name="audience" value={audience()}>
                  <option value="officer">Officers (exact figures)</option>
                  <option value="member">Members (small counts suppressed)</option>
                  <option value="public">Public (small counts suppressed)</option>
                </select>
              </div>
              <button type="submit" class="button">
                Show cohort
              </button>
            </form>
            <Switch>
              <Match when={profile.error !== undefined}>
                <LoadError what="the cohort" error={profile.error} />
              </Match>
              <Match when={profile.loading && profile.latest === undefined}>
                <Loading what="the cohort" />
              </Match>
              <Match when={profile.latest}>
                {(document) => {
                  const heading = () =>
                    `${cohortLabels[document().cohort]}, ${ReportingYear.label(ReportingYear.make(document().year))}, ` +
                    `by ${(dimensionLabels[document().by[0] as Cohort.Dimension] ?? document().by.join(", ")).toLowerCase()}`
                  return (
                    <section aria-labelledby="cohort-heading" aria-busy={profile.loading}>
                      <h2 id="cohort-heading">{heading()}</h2>
                      <p class="lead" data-total>
                        {document().total === "c" ? "c" : String(document().total)}{" "}
                        {document().total === 1 ? "child" : "children"} in total
                      </p>
                      <Show when={rows().some((r) => r.count === "c") || document().total === "c"}>
                        <p class="inset">
                          c: suppressed to protect confidentiality, because the figure involves between 1 and 5 children
                          or would let such a figure be worked out.
                        </p>
                      </Show>
                      <Show when={rows().length > 0} fallback={<p>No children are in this cohort.</p>}>
                        <BarChart title={heading()} bars={rows()} />
                        <DataTable
                          caption={heading()}
                          rows={rows()}
                          columns={[
                            { heading: dimensionLabels[by()], cell: (r: Row) => r.label },
                            { heading: "Children", cell: (r: Row) => String(r.count), numeric: true },
                            {
                              heading: "Percentage",
                              cell: (r: Row) => (r.pct === "c" ? "c" : `${r.pct}%`),
                              numeric: true
                            }
                          ]}
                        />
                      </Show>
                    </section>
                  )
                }}
              </Match>
            </Switch>
          </>
        )}
      </CouncilYears>
    </>
  )
}
