/**
 * The frame of a page about one council's year: the heading, the year (and, for officers and analysts, audience)
 * picker as a form with a button (nothing changes until asked, WCAG 3.2.2), the states of the councils list, and the
 * page's document fetched for the chosen year and audience. The page itself only lays out the document.
 */
import * as Audience from "@cpo/domain/Audience"
import * as ReportingYear from "@cpo/domain/ReportingYear"
import { useParams, useSearchParams } from "@solidjs/router"
import { Schema } from "effect"
import { createResource, For, type JSX, Match, Show, Switch } from "solid-js"
import { useCouncils } from "../data/councils.ts"
import { mayOpen, type Role, useSession } from "../data/session.ts"
import { LoadError, Loading } from "./error-summary.tsx"
import { usePageTitle } from "./page-title.ts"

const isAudience = Schema.is(Audience.Audience)

const audiences: Readonly<Record<Audience.Audience, string>> = {
  officer: "Officers (exact figures)",
  member: "Members (small counts hidden)",
  public: "Public (small counts hidden)"
}

/** Members and the public always get suppressed figures (the API forces it); the others may choose. */
const chooseAudience: ReadonlyArray<Role> = ["officer", "analyst"]

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
  const councils = useCouncils()
  const session = useSession()
  const council = () => councils()?.find((c) => c.id === params.council)
  const year = () => {
    const years = council()?.years ?? []
    return years.find((y) => y === Number(search.year)) ?? years[0]
  }
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
      <Switch>
        <Match when={councils.error !== undefined}>
          <LoadError what="the councils" error={councils.error} />
        </Match>
        <Match when={councils.loading}>
          <Loading what="the council" />
        </Match>
        <Match when={council() === undefined}>
          <p>There is no council “{params.council}” that you can see.</p>
        </Match>
        <Match when={council()?.years.length === 0}>
          <p>No 903 return has been imported for this council yet, so there is no year to report.</p>
        </Match>
        <Match when={council()}>
          {(c) => (
            <>
              <form class="form-row" onSubmit={onSubmit} aria-label="Choose the year" novalidate>
                <div class="form-group">
                  <label for="year">Year ending 31 March</label>
                  <select id="year" name="year">
                    <For each={c().years}>
                      {(y) => (
                        <option value={String(y)} selected={y === year()}>
                          {ReportingYear.label(y)}
                        </option>
                      )}
                    </For>
                  </select>
                </div>
                <Show when={mayOpen(session.user(), chooseAudience)}>
                  <div class="form-group">
                    <label for="audience">Figures for</label>
                    <select id="audience" name="audience">
                      <For each={Audience.Audience.literals}>
                        {(a) => (
                          <option value={a} selected={a === audience()}>
                            {audiences[a]}
                          </option>
                        )}
                      </For>
                    </select>
                  </div>
                </Show>
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
        </Match>
      </Switch>
    </>
  )
}
