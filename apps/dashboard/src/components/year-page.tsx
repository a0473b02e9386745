/**
 * The frame of a page about one council's year: the heading, the year (and, for officers and analysts, audience)
 * picker as a form with a button (nothing changes until asked, WCAG 3.2.2), the states of the councils list, and the
 * page's document fetched for the chosen year and audience. The page itself only lays out the document.
 *
 * Its parts (`useCouncilYear`, `CouncilYears`, `YearChoice`, `AudienceChoice`) also frame the pages whose form asks
 * for more than a year and an audience (cohorts, take-up, reports).
 */
import * as Audience from "@cpo/domain/Audience"
import * as ReportingYear from "@cpo/domain/ReportingYear"
import type * as UserRole from "@cpo/domain/UserRole"
import { useParams, useSearchParams } from "@solidjs/router"
import { Schema } from "effect"
import { type Accessor, createResource, For, type JSX, Match, Show, Switch } from "solid-js"
import { type CouncilSummary, useCouncils } from "../data/councils.ts"
import { mayOpen, useSession } from "../data/session.ts"
import { LoadError, Loading } from "./error-summary.tsx"
import { usePageTitle } from "./page-title.ts"

const isAudience = Schema.is(Audience.Audience)

const audiences: Readonly<Record<Audience.Audience, string>> = {
  officer: "Officers (exact figures)",
  member: "Members (small counts hidden)",
  public: "Public (small counts hidden)"
}

/** Members and the public always get suppressed figures (the API forces it); the others may choose. */
const chooseAudience: ReadonlyArray<UserRole.UserRole> = ["officer", "analyst"]

/**
 * The council in the address, once the shared councils list has it, and the year asked for in the address: the
 * newest year with a return when none is asked for or the council has no return for the one asked.
 */
export const useCouncilYear = (asked: () => string | undefined) => {
  const params = useParams<{ council: string }>()
  const councils = useCouncils()
  const council = () => councils()?.find((c) => c.id === params.council)
  const year = () => {
    const years = council()?.years ?? []
    return years.find((y) => y === Number(asked())) ?? years[0]
  }
  return { council, year }
}

/**
 * What the page shows until it has a council with a return (the councils list failing or loading, a council the user
 * cannot see, a council with no return yet), then `children` with that council.
 */
export const CouncilYears = (props: {
  readonly council: CouncilSummary | undefined
  /** What to say when no return has been imported for the council. */
  readonly noReturn?: string
  readonly children: (council: Accessor<CouncilSummary>) => JSX.Element
}) => {
  const params = useParams<{ council: string }>()
  const councils = useCouncils()
  return (
    <Switch>
      <Match when={councils.error !== undefined}>
        <LoadError what="the councils" error={councils.error} />
      </Match>
      <Match when={councils.loading}>
        <Loading what="the council" />
      </Match>
      <Match when={props.council === undefined}>
        <p>There is no council “{params.council}” that you can see.</p>
      </Match>
      <Match when={props.council?.years.length === 0}>
        <p>
          {props.noReturn ?? "No 903 return has been imported for this council yet, so there is no year to report."}
        </p>
      </Match>
      <Match when={props.council}>{(council) => props.children(council)}</Match>
    </Switch>
  )
}

/** The year field of a page's form (`year`): the council's years, newest first, the chosen one selected. */
export const YearChoice = (props: {
  readonly years: ReadonlyArray<ReportingYear.ReportingYear>
  readonly chosen: number | undefined
}) => (
  <div class="form-group">
    <label for="year">Year ending 31 March</label>
    <select id="year" name="year">
      <For each={props.years}>
        {(y) => (
          <option value={String(y)} selected={y === props.chosen}>
            {ReportingYear.label(y)}
          </option>
        )}
      </For>
    </select>
  </div>
)

/**
 * The audience field of a page's form (`audience`), for officers and analysts only: members and the public always
 * get suppressed figures, so they are not asked.
 */
export const AudienceChoice = (props: {
  /** The field's label ("Figures for"). */
  readonly label: string
  readonly chosen: Audience.Audience
  /** Each audience's option, when the page words them differently. */
  readonly options?: Readonly<Record<Audience.Audience, string>>
}) => {
  const session = useSession()
  return (
    <Show when={mayOpen(session.user(), chooseAudience)}>
      <div class="form-group">
        <label for="audience">{props.label}</label>
        <select id="audience" name="audience">
          <For each={Audience.Audience.literals}>
            {(a) => (
              <option value={a} selected={a === props.chosen}>
                {(props.options ?? audiences)[a]}
              </option>
            )}
          </For>
        </select>
      </div>
    </Show>
  )
}

/** What a year page asks the API for. @category models */
export interface YearQuery {
  readonly council: string
  readonly year: number
  readonly audience: Audience.Audience
}

export const YearPage = <D extends { readonly audience: Audience.Audience; readonly year: number }>(props: {
  /** The page's name, as its heading and title. */
  readonly title: string
  /** What is loading, in words ("placements"). */
  readonly what: string
  readonly fetch: (query: YearQuery) => Promise<D>
  readonly children: (document: D) => JSX.Element
}) => {
  const params = useParams<{ council: string }>()
  const [search, setSearch] = useSearchParams<{ year?: string; audience?: string }>()
  const session = useSession()
  const { council, year } = useCouncilYear(() => search.year)
  const audience = (): Audience.Audience => (isAudience(search.audience) ? search.audience : "officer")
  const [document] = createResource(() => {
    const y = year()
    return y === undefined ? false : { council: params.council, year: y, audience: audience(), v: session.version() }
  }, props.fetch)
  usePageTitle(() => {
    const y = year()
    const name = council()?.name
    return `${props.title}${y === undefined ? "" : ` ${ReportingYear.label(y)}`}${name === undefined ? "" : `, ${name}`}`
  })
  const onSubmit = (event: SubmitEvent) => {
    event.preventDefault()
    const form = new FormData(event.currentTarget as HTMLFormElement)
    setSearch({ year: String(form.get("year")), audience: String(form.get("audience") ?? audience()) })
  }
  return (
    <>
      <h1>
        <span class="caption">{council()?.name ?? params.council}</span>
        {props.title}
      </h1>
      <CouncilYears council={council()}>
        {(c) => (
          <>
            <form class="form-row" onSubmit={onSubmit} aria-label="Choose the year" novalidate>
              <YearChoice years={c().years} chosen={year()} />
              <AudienceChoice label="Figures for" chosen={audience()} />
              <div class="form-group">
                <button type="submit" class="button">
                  Show {props.what}
                </button>
              </div>
            </form>
            <Switch>
              <Match when={document.error !== undefined}>
                <LoadError what={props.what} error={document.error} />
              </Match>
              <Match when={document.loading && document.latest === undefined}>
                <Loading what={props.what} />
              </Match>
              <Match when={document.latest}>
                {(d) => (
                  <div aria-busy={document.loading}>
                    <p class="hint">
                      1 April {d().year - 1} to 31 March {d().year}.{" "}
                      {d().audience === "officer"
                        ? "Exact figures, for officers: not for publication."
                        : `Figures for ${d().audience === "member" ? "members" : "the public"}: a count of 1 to 5 children, and any figure that would let one be worked out, is shown as c.`}
                    </p>
                    {props.children(d())}
                  </div>
                )}
              </Match>
            </Switch>
          </>
        )}
      </CouncilYears>
    </>
  )
}
