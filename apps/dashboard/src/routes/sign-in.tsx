/**
 * Sign in by pasting an access token (issued by an administrator with `cpo`); sign out from the header. Errors follow
 * the error-summary pattern: a summary linking to the field, and the message again beside the field.
 */
import { useNavigate } from "@solidjs/router"
import { Result } from "effect"
import { createSignal, Show } from "solid-js"
import { ErrorSummary } from "../components/error-summary.tsx"
import { usePageTitle } from "../components/page-title.ts"
import { type TokenProblem, useSession } from "../data/session.ts"

const messages: Readonly<Record<TokenProblem, string>> = {
  empty: "Enter your access token",
  malformed: "The access token is not in the right form: copy it again, all of it",
  expired: "The access token has expired: ask your administrator for a new one"
}

export default function SignIn() {
  const session = useSession()
  const navigate = useNavigate()
  const [problem, setProblem] = createSignal<TokenProblem>()
  usePageTitle(() => (problem() === undefined ? "Sign in" : "Error: Sign in"))
  const onSubmit = (event: SubmitEvent) => {
    event.preventDefault()
    const raw = new FormData(event.currentTarget as HTMLFormElement).get("token")
    const result = session.signIn(typeof raw === "string" ? raw : "")
    if (Result.isFailure(result)) setProblem(result.failure)
    else navigate("/")
  }
  return (
    <>
      <Show when={problem()} keyed>
        {(p) => <ErrorSummary title="There is a problem" errors={[{ text: messages[p], href: "#token" }]} />}
      </Show>
      <h1>Sign in</h1>
      <Show when={session.user()}>
        {(user) => (
          <p class="inset">
            You are signed in as {user().subject} ({user().role}). Signing in again replaces this token.
          </p>
        )}
      </Show>
      <form onSubmit={onSubmit} novalidate>
        <div class="form-group" classList={{ "form-group--error": problem() !== undefined }}>
          <label for="token">Access token</label>
          <p class="hint" id="token-hint">
            Paste the token your administrator gave you. It is kept only in this browser tab and forgotten when you
            close it.
          </p>
          <Show when={problem()}>
            {(p) => (
              <p class="error-message" id="token-error">
                <span class="visually-hidden">Error:</span> {messages[p()]}
              </p>
            )}
          </Show>
          <input
            type="password"
            id="token"
            name="token"
            autocomplete="off"
            spellcheck={false}
            aria-describedby={problem() === undefined ? "token-hint" : "token-hint token-error"}
            aria-invalid={problem() !== undefined}
          />
        </div>
        <p>
          <button type="submit" class="button">
            Sign in
          </button>
        </p>
      </form>
    </>
  )
}
