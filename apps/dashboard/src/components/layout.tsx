/**
 * The frame of every page: skip link, header with the service name and council, the council's navigation and
 * switcher, the main landmark (the skip link's target) and the footer. It fetches the councils once and shares them
 * with the pages.
 */
import { A, type RouteSectionProps, useLocation, useNavigate } from "@solidjs/router"
import { For, Show } from "solid-js"
import { CouncilsContext, createCouncils, useCouncils } from "../data/councils.ts"

const pages = [{ path: "scorecard", label: "Scorecard" }] as const

/** The council and page in the current URL (`/councils/:council/:page`), if any. */
const place = (pathname: string) => {
  const match = /^\/councils\/([^/]+)(?:\/([^/]+))?/.exec(pathname)
  return match === null ? undefined : { council: decodeURIComponent(match[1] ?? ""), page: match[2] ?? "scorecard" }
}

const CouncilSwitcher = (props: { readonly current: string }) => {
  const councils = useCouncils()
  const navigate = useNavigate()
  const location = useLocation()
  const onSubmit = (event: SubmitEvent) => {
    event.preventDefault()
    const chosen = new FormData(event.currentTarget as HTMLFormElement).get("council")
    const page = place(location.pathname)?.page ?? "scorecard"
    if (typeof chosen === "string") navigate(`/councils/${encodeURIComponent(chosen)}/${page}`)
  }
  return (
    <Show when={(councils() ?? []).length > 1}>
      <form class="council-switcher" onSubmit={onSubmit}>
        <label for="council-switcher">Council</label>
        <select id="council-switcher" name="council" value={props.current}>
          <For each={councils()}>{(council) => <option value={council.id}>{council.name}</option>}</For>
        </select>
        <button type="submit" class="button button--secondary">
          Change
        </button>
      </form>
    </Show>
  )
}

export const Layout = (props: RouteSectionProps) => {
  const location = useLocation()
  const [councils] = createCouncils()
  const here = () => place(location.pathname)
  const councilName = () => {
    const id = here()?.council
    return id === undefined ? undefined : (councils.latest ?? []).find((c) => c.id === id)?.name
  }
  return (
    <CouncilsContext.Provider value={councils}>
      <a class="skip-link" href="#main-content">
        Skip to main content
      </a>
      <header class="header">
        <div class="width-container header__bar">
          <A href="/" class="header__service" end>
            Corporate Parenting Oversight
          </A>
          <Show when={councilName()}>{(name) => <span class="header__council">{name()}</span>}</Show>
        </div>
      </header>
      <Show when={here()}>
        {(at) => (
          <nav class="nav" aria-label="Council pages">
            <div class="width-container nav__bar">
              <ul>
                <For each={pages}>
                  {(page) => (
                    <li>
                      <A href={`/councils/${encodeURIComponent(at().council)}/${page.path}`}>{page.label}</A>
                    </li>
                  )}
                </For>
              </ul>
              <CouncilSwitcher current={at().council} />
            </div>
          </nav>
        )}
      </Show>
      <div class="width-container">
        <main id="main-content" tabindex="-1">
          {props.children}
        </main>
      </div>
      <footer class="footer">
        <div class="width-container">
          <p>
            Figures come from each council's SSDA903 return. For members and the public, counts of 1 to 5 children are
            shown as c to protect confidentiality.
          </p>
        </div>
      </footer>
    </CouncilsContext.Provider>
  )
}
