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

/** The summary's items for a form's field errors (by field id), each linking to its field. */
export const fieldErrorItems = (errors: Readonly<Record<string, string>>): ReadonlyArray<ErrorItem> =>
  Object.entries(errors).map(([field, text]) => ({ text, href: `#${field}` }))

/**
 * The top of a form that sends to the API: the fields to fix before it can be sent, and why the API refused what was
 * sent. Each summary is shown anew (and takes focus) whenever its errors change.
 */
export const FormErrors = (props: {
  /** Each field's error, by field id. */
  readonly fieldErrors: Readonly<Record<string, string>>
  /** The API's reason, when it refused what the form sent. */
  readonly refusal: string | undefined
  /** The title of the refusal's summary ("The review was not recorded"). */
  readonly refusedTitle: string
}) => (
  <>
    <Show when={Object.keys(props.fieldErrors).length > 0 ? props.fieldErrors : undefined} keyed>
      {(errors) => <ErrorSummary title="There is a problem" errors={fieldErrorItems(errors)} />}
    </Show>
    <Show when={props.refusal} keyed>
      {(text) => <ErrorSummary title={props.refusedTitle} errors={[{ text }]} />}
    </Show>
  </>
)
