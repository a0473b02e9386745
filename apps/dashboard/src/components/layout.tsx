/**
 * The frame of every page: skip link, header with the service name and council, the council's navigation and
 * switcher, the main landmark (the skip link's target) and the footer. It fetches the councils once and shares them
 * with the pages.
 */
import { A, type RouteSectionProps, useLocation, useNavigate } from "@solidjs/router"
import { createEffect, For, on, Show } from "solid-js"
import { CouncilsContext, createCouncils, useCouncils } from "../data/councils.ts"
import { councilPages, createSession, mayOpen, SessionContext, useSession } from "../data/session.ts"

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
    <Show when={councils.error === undefined && (councils() ?? []).length > 1}>
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

const UserBar = () => {
  const session = useSession()
  const navigate = useNavigate()
  return (
    <div class="header__user">
      <Show
        when={session.user()}
        fallback={
          <A href="/sign-in" class="header__link">
            Sign in
          </A>
        }
      >
        {(user) => (
          <>
            <span>
              {user().subject} ({user().role})
            </span>
            <button
              type="button"
              class="link-button"
              onClick={() => {
                session.signOut()
                navigate("/sign-in")
              }}
            >
              Sign out
            </button>
          </>
        )}
      </Show>
    </div>
  )
}

const CouncilNav = (props: { readonly council: string }) => {
  const session = useSession()
  return (
    <ul>
      <For each={councilPages.filter((page) => mayOpen(session.user(), page.roles))}>
        {(page) => (
          <li>
            <A href={`/councils/${encodeURIComponent(props.council)}/${page.path}`}>{page.label}</A>
          </li>
        )}
      </For>
    </ul>
  )
}

export const Layout = (props: RouteSectionProps) => {
  const location = useLocation()
  let main: HTMLElement | undefined
  // After moving to another page, put focus at the start of the new content, as a full page load would, so
  // keyboard and screen-reader users continue from there rather than from the link they left (WCAG 2.4.3).
  createEffect(
    on(
      () => location.pathname,
      () => main?.focus({ preventScroll: false }),
      { defer: true }
    )
  )
  const session = createSession()
  const [councils, { refetch }] = createCouncils(session.version)
  const here = () => place(location.pathname)
  const councilName = () => {
    const id = here()?.council
    // A visitor without a token cannot list councils (the public offer page needs no list): no name then.
    return id === undefined || councils.error !== undefined
      ? undefined
      : (councils.latest ?? []).find((c) => c.id === id)?.name
  }
  return (
    <SessionContext.Provider value={session}>
      <CouncilsContext.Provider value={{ councils, refetch: () => void refetch() }}>
        <a class="skip-link" href="#main-content">
          Skip to main content
        </a>
        <header class="header">
          <div class="width-container header__bar">
            <A href="/" class="header__service" end>
              Corporate Parenting Oversight
            </A>
            <Show when={councilName()}>{(name) => <span class="header__council">{name()}</span>}</Show>
            <A href="/validate" class="header__link">
              Check a 903 return
            </A>
            <UserBar />
          </div>
        </header>
        <Show when={here()}>
          {(at) => (
            <nav class="nav" aria-label="Council pages">
              <div class="width-container nav__bar">
                <CouncilNav council={at().council} />
                <CouncilSwitcher current={at().council} />
              </div>
            </nav>
          )}
        </Show>
        <div class="width-container">
          <main id="main-content" tabindex="-1" ref={main}>
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
    </SessionContext.Provider>
  )
}
