/**
 * The administrator's page (domain.md §5.3 "Administrator: configuration only"): the audit log of child-level access,
 * the roles and what each may call (the API's own authorization table, read from its OpenAPI document), the council's
 * targets and benchmarks for the scorecard (uploaded as CSV files), and how to issue an access token. The API does not issue tokens: an administrator holds no child-level access, and a
 * credential minted through the API could carry more than its issuer's own, so tokens are signed on the server by
 * whoever runs it, with the command shown here.
 */
import * as UserRole from "@cpo/domain/UserRole"
import { A, useParams } from "@solidjs/router"
import { createResource, createSignal, For, Match, Show, Switch } from "solid-js"
import { DataTable } from "../components/data-table.tsx"
import { type ErrorItem, ErrorSummary, LoadError, Loading } from "../components/error-summary.tsx"
import { usePageTitle } from "../components/page-title.ts"
import { allows, fetchRouteAccess, lifetimes, type RouteAccess, tokenCommand } from "../data/admin.ts"
import { useCouncils } from "../data/councils.ts"
import { type ReferenceList, referenceLists, replaceReferenceList } from "../data/indicator-reference.ts"
import { useSession } from "../data/session.ts"

/** What each role is for, in the words of domain.md §5.3. */
const roleMeanings: Readonly<Record<UserRole.UserRole, string>> = {
  admin: "Configuration and the audit log; no child-level data.",
  officer: "Everything child-level for their council, including importing returns and recording take-up.",
  analyst: "Returns and exact figures for their council.",
  member: "Aggregate figures only, with counts of 1 to 5 suppressed; priorities and governance.",
  partner: "A young person's entitlements, limited to those named in their data-sharing agreement.",
  public: "Published figures with small counts suppressed, and the published local offer."
}

const TokenForm = (props: { readonly council: string }) => {
  const [command, setCommand] = createSignal<string>()
  const onSubmit = (event: SubmitEvent) => {
    event.preventDefault()
    const form = new FormData(event.currentTarget as HTMLFormElement)
    const role = UserRole.all.find((r) => r === form.get("role")) ?? "member"
    const ttl = lifetimes.find((t) => t === form.get("ttl")) ?? "8h"
    setCommand(tokenCommand({ role, council: props.council, subject: String(form.get("subject") ?? ""), ttl }))
  }
  return (
    <>
      <form class="update-form" onSubmit={onSubmit} aria-label="Issue an access token" novalidate>
        <div class="form-group">
          <label for="token-role">Role</label>
          <select id="token-role" name="role">
            <For each={UserRole.all}>{(role) => <option value={role}>{role}</option>}</For>
          </select>
        </div>
        <div class="form-group">
          <label for="token-subject">Who it is for</label>
          <p class="hint" id="token-subject-hint">
            A name or email address; it is written to the audit log with every child-level read.
          </p>
          <input id="token-subject" name="subject" type="text" aria-describedby="token-subject-hint" />
        </div>
        <div class="form-group">
          <label for="token-ttl">How long it lasts</label>
          <select id="token-ttl" name="ttl">
            <For each={lifetimes}>
              {(ttl) => (
                <option value={ttl} selected={ttl === "8h"}>
                  {ttl}
                </option>
              )}
            </For>
          </select>
        </div>
        <button type="submit" class="button">
          Show the command
        </button>
      </form>
      <Show when={command()}>
        {(text) => (
          <section aria-labelledby="token-command-heading">
            <h3 id="token-command-heading">Run this on the server</h3>
            <pre style={{ "white-space": "pre-wrap", "overflow-wrap": "anywhere" }}>
              <code data-token-command>{text()}</code>
            </pre>
            <p class="hint">
              It prints the token and nothing else. The server signs it with CPO_JWT_SECRET from its own environment, so
              the secret never reaches a browser. Give the token to the person it is for; they paste it on the sign in
              page.
            </p>
          </section>
        )}
      </Show>
    </>
  )
}

/**
 * Upload the council's targets or benchmarks file. A refused file is shown in the error summary with the line and
 * column the API names; a stored one is confirmed with how many entries the council now has.
 */
const ReferenceUploadForm = (props: { readonly council: string }) => {
  const [errors, setErrors] = createSignal<ReadonlyArray<ErrorItem>>([])
  const [stored, setStored] = createSignal<string>()
  const [sending, setSending] = createSignal(false)
  const onSubmit = async (event: SubmitEvent) => {
    event.preventDefault()
    setStored(undefined)
    const form = new FormData(event.currentTarget as HTMLFormElement)
    const list: ReferenceList = form.get("list") === "benchmarks" ? "benchmarks" : "targets"
    const file = form.get("file")
    if (!(file instanceof File) || file.size === 0) {
      setErrors([{ text: "Choose a CSV file to upload", href: "#reference-file" }])
      return
    }
    setErrors([])
    setSending(true)
    try {
      const count = await replaceReferenceList(props.council, list, await file.text())
      const label = referenceLists.find((r) => r.list === list)?.label ?? list
      setStored(`${label} stored: the council now has ${count}. The scorecard shows them from now on.`)
    } catch (error) {
      setErrors([{ text: error instanceof Error ? error.message : String(error), href: "#reference-file" }])
    } finally {
      setSending(false)
    }
  }
  return (
    <>
      <Show when={errors().length > 0}>
        <ErrorSummary title="The file was not stored" errors={errors()} />
      </Show>
      <Show when={stored()}>
        {(text) => (
          <div class="notification" role="status" data-reference-stored>
            <p>{text()}</p>
          </div>
        )}
      </Show>
      <form class="update-form" onSubmit={onSubmit} aria-label="Upload targets or benchmarks" novalidate>
        <fieldset class="form-group">
          <legend>Which list the file replaces</legend>
          <For each={referenceLists}>
            {(r) => (
              <div>
                <input
                  type="radio"
                  id={`reference-list-${r.list}`}
                  name="list"
                  value={r.list}
                  checked={r.list === "targets"}
                  aria-describedby={`reference-list-${r.list}-hint`}
                />
                <label for={`reference-list-${r.list}`}>{r.label}</label>
                <p class="hint" id={`reference-list-${r.list}-hint`}>
                  Columns: {r.columns}.
                </p>
              </div>
            )}
          </For>
        </fieldset>
        <div class="form-group">
          <label for="reference-file">CSV file</label>
          <p class="hint" id="reference-file-hint">
            The whole list: it replaces what is stored. A file with a mistake is refused and nothing changes.
          </p>
          <input
            id="reference-file"
            name="file"
            type="file"
            accept=".csv,text/csv"
            aria-describedby="reference-file-hint"
          />
        </div>
        <button type="submit" class="button" disabled={sending()}>
          Upload
        </button>
      </form>
    </>
  )
}

const RolesTable = (props: { readonly routes: ReadonlyArray<RouteAccess> }) => (
  <DataTable
    caption={`What each role may call: ${props.routes.length} routes of the API`}
    rows={props.routes}
    columns={[
      { heading: "Route", cell: (r: RouteAccess) => r.summary },
      ...UserRole.all.map((role) => ({
        heading: role,
        cell: (r: RouteAccess) => (r.roles === "open" ? "Open" : allows(r, role) ? "Yes" : "No")
      })),
      {
        heading: "Request",
        cell: (r: RouteAccess) => (
          <code style={{ "overflow-wrap": "anywhere" }}>
            {r.method} {r.path}
          </code>
        )
      }
    ]}
  />
)

export default function AdminPage() {
  const params = useParams<{ council: string }>()
  const councils = useCouncils()
  const session = useSession()
  const council = () => councils()?.find((c) => c.id === params.council)
  const isAdmin = () => session.user()?.role === "admin"
  const [routes] = createResource(() => isAdmin(), fetchRouteAccess)
  usePageTitle(() => `Admin${council() === undefined ? "" : `, ${council()?.name}`}`)
  return (
    <>
      <h1>
        <span class="caption">{council()?.name ?? params.council}</span>Admin
      </h1>
      <Show
        when={isAdmin()}
        fallback={
          <ErrorSummary
            title="There is a problem"
            errors={[{ text: "This page is for administrators: sign in with an administrator's token." }]}
          />
        }
      >
        <section aria-labelledby="audit-heading">
          <h2 id="audit-heading">Audit log</h2>
          <p>Who read, exported or imported child-level data for this council, when and why.</p>
          <p>
            <A href={`/councils/${encodeURIComponent(params.council)}/audit`}>Open the audit log</A>
          </p>
        </section>
        <section aria-labelledby="roles-heading">
          <h2 id="roles-heading">Roles</h2>
          <dl class="summary-list">
            <For each={UserRole.all}>
              {(role) => (
                <>
                  <dt>{role}</dt>
                  <dd>{roleMeanings[role]}</dd>
                </>
              )}
            </For>
          </dl>
          <Switch>
            <Match when={routes.error !== undefined}>
              <LoadError what="the API's roles" error={routes.error} />
            </Match>
            <Match when={routes.loading}>
              <Loading what="the API's roles" />
            </Match>
            <Match when={routes()}>{(list) => <RolesTable routes={list()} />}</Match>
          </Switch>
        </section>
        <section aria-labelledby="reference-heading">
          <h2 id="reference-heading">Targets and benchmarks</h2>
          <p>
            The scorecard shows each indicator against the council's target (with a red, amber or green rating) and
            against its comparators: England's published figures, and the region and statistical neighbours from the
            council's benchmarks file. Upload the files the council keeps, in the same form as for{" "}
            <code>cpo indicators --targets --benchmarks</code>.
          </p>
          <ReferenceUploadForm council={params.council} />
        </section>
        <section aria-labelledby="token-heading">
          <h2 id="token-heading">Issue an access token</h2>
          <p>
            The API does not issue tokens. An administrator has no access to child-level data, and a token made through
            the API could give more access than its maker has. Whoever runs the server signs tokens there instead.
            Choose the role and lifetime to see the command.
          </p>
          <TokenForm council={params.council} />
        </section>
      </Show>
    </>
  )
}
