/**
 * Take-up of the local offer: in a year (1 April to 31 March), how many young people had each entitlement awarded
 * or paid, with applications, refusals and declines, grouped by entitlement, area, age band or care leaver status.
 * For members and the public the API shows small counts as `c`; the page says what that means. Choices take effect
 * when the form is submitted (WCAG 3.2.2).
 */
import * as Audience from "@cpo/domain/Audience"
import * as ReportingYear from "@cpo/domain/ReportingYear"
import * as TakeUp from "@cpo/domain/TakeUp"
import { useParams, useSearchParams } from "@solidjs/router"
import { Schema } from "effect"
import { createResource, For, Match, Show, Switch } from "solid-js"
import { DataTable } from "../components/data-table.tsx"
import { LoadError, Loading } from "../components/error-summary.tsx"
import { usePageTitle } from "../components/page-title.ts"
import { AudienceChoice, CouncilYears, useCouncilYear, YearChoice } from "../components/year-page.tsx"
import { isProblem } from "../data/api.ts"
import { useSession } from "../data/session.ts"
import { fetchTakeUp, type TakeUpRow } from "../data/take-up.ts"

const isGroupBy = Schema.is(TakeUp.GroupBy)
const isAudience = Schema.is(Audience.Audience)

const groupings: Readonly<Record<TakeUp.GroupBy, string>> = {
  entitlement: "Entitlement",
  area: "Area of the offer",
  age_band: "Age band",
  status: "Care leaver status"
}

const count = new Intl.NumberFormat("en-GB")
const money = new Intl.NumberFormat("en-GB", { style: "currency", currency: "GBP" })

const cell = (value: number | "c"): string => (value === "c" ? "c" : count.format(value))

export default function TakeUpPage() {
  const params = useParams<{ council: string }>()
  const [search, setSearch] = useSearchParams<{ year?: string; by?: string; audience?: string }>()
  const session = useSession()
  const { council, year } = useCouncilYear(() => search.year)
  const yearLabel = () => {
    const y = year()
    return y === undefined ? "" : ReportingYear.label(y)
  }
  const by = (): TakeUp.GroupBy => (isGroupBy(search.by) ? search.by : "entitlement")
  const audience = (): Audience.Audience => (isAudience(search.audience) ? search.audience : "officer")
  const [summary] = createResource(() => {
    const y = year()
    return y === undefined
      ? false
      : { council: params.council, year: y, by: by(), audience: audience(), v: session.version() }
  }, fetchTakeUp)
  usePageTitle(() => `Take-up of the local offer${council() ? `, ${council()?.name}` : ""}`)
  const onSubmit = (event: SubmitEvent) => {
    event.preventDefault()
    const form = new FormData(event.currentTarget as HTMLFormElement)
    setSearch({ year: String(form.get("year")), by: String(form.get("by")), audience: String(form.get("audience")) })
  }
  return (
    <>
      <h1>
        <span class="caption">{council()?.name ?? params.council}</span>Take-up of the local offer
      </h1>
      <CouncilYears council={council()}>
        {(c) => (
          <>
            <form class="form-row" onSubmit={onSubmit} aria-label="Choose the year and grouping" novalidate>
              <YearChoice years={c().years} chosen={year()} />
              <div class="form-group">
                <label for="by">Group by</label>
                <select id="by" name="by">
                  <For each={TakeUp.GroupBy.literals}>
                    {(g) => (
                      <option value={g} selected={g === by()}>
                        {groupings[g]}
                      </option>
                    )}
                  </For>
                </select>
              </div>
              <AudienceChoice label="Figures for" chosen={audience()} />
              <div class="form-group">
                <button type="submit" class="button">
                  Show take-up
                </button>
              </div>
            </form>
            <Switch>
              <Match when={isProblem(summary.error, "no-published-offer")}>
                <p class="inset">
                  No local offer was published and in force at the end of this year, so there is no take-up to count.
                </p>
              </Match>
              <Match when={summary.error !== undefined}>
                <LoadError what="take-up" error={summary.error} />
              </Match>
              <Match when={summary.loading && summary.latest === undefined}>
                <Loading what="take-up" />
              </Match>
              <Match when={summary.latest}>
                {(s) => (
                  <>
                    <Show when={s().audience !== "officer"}>
                      <p class="inset">
                        These figures are for {s().audience === "member" ? "members" : "the public"}: a count of 1 to 5
                        young people, and any count that would let one be worked out, is shown as c.
                      </p>
                    </Show>
                    <Show
                      when={s().rows.length > 0}
                      fallback={<p class="inset">No application, award or payment has been recorded in this year.</p>}
                    >
                      <DataTable
                        caption={`Take-up in ${yearLabel()} by ${groupings[s().by].toLowerCase()}`}
                        rows={[...s().rows, s().total]}
                        columns={[
                          { heading: groupings[s().by], cell: (r: TakeUpRow) => r.label },
                          { heading: "Young people", cell: (r: TakeUpRow) => cell(r.youngPeople), numeric: true },
                          { heading: "Applications", cell: (r: TakeUpRow) => cell(r.applications), numeric: true },
                          { heading: "Awards", cell: (r: TakeUpRow) => cell(r.awards), numeric: true },
                          { heading: "Payments", cell: (r: TakeUpRow) => cell(r.payments), numeric: true },
                          {
                            heading: "Paid",
                            cell: (r: TakeUpRow) => (r.paidPence === "c" ? "c" : money.format(r.paidPence / 100)),
                            numeric: true
                          },
                          { heading: "Refusals", cell: (r: TakeUpRow) => cell(r.refusals), numeric: true },
                          { heading: "Declines", cell: (r: TakeUpRow) => cell(r.declines), numeric: true }
                        ]}
                      />
                    </Show>
                  </>
                )}
              </Match>
            </Switch>
          </>
        )}
      </CouncilYears>
    </>
  )
}
