/**
 * The error summary at the top of a page: a titled, focused box listing what went wrong, each item linking to the
 * field it concerns when there is one.
 */
import { For, onMount, Show } from "solid-js"
import { ApiFailure } from "../data/api.ts"

export interface ErrorItem {
  readonly text: string
  /** `#id` of the field to fix, when the error belongs to one. */
  readonly href?: string
}

export const ErrorSummary = (props: { readonly title: string; readonly errors: ReadonlyArray<ErrorItem> }) => {
  let box: HTMLDivElement | undefined
  onMount(() => box?.focus())
  return (
    <div class="error-summary" role="alert" tabindex="-1" ref={box} aria-labelledby="error-summary-title">
      <h2 id="error-summary-title">{props.title}</h2>
      <ul>
        <For each={props.errors}>
          {(error) => (
            <li>
              <Show when={error.href} fallback={error.text}>
                {(href) => <a href={href()}>{error.text}</a>}
              </Show>
            </li>
          )}
        </For>
      </ul>
    </div>
  )
}

/** A failed request as an error summary; when the API wants a credential, it links to the sign-in page. */
export const LoadError = (props: { readonly what: string; readonly error: unknown }) => (
  <ErrorSummary
    title={`There is a problem loading ${props.what}`}
    errors={[
      { text: props.error instanceof Error ? props.error.message : String(props.error) },
      ...(props.error instanceof ApiFailure && props.error.status === 401
        ? [{ text: "Sign in with your access token", href: "/sign-in" }]
        : [])
    ]}
  />
)

/** What a region shows while it waits for the API; announced politely to screen readers. */
export const Loading = (props: { readonly what: string }) => (
  <p class="status" role="status">
    Loading {props.what}…
  </p>
)
