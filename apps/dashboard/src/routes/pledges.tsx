/**
 * Pledges: the council's promises to its children in care and care leavers, each with its owner, whether it is kept
 * (kept, partly kept, not yet kept — in words and an icon as well as colour), when it was last reviewed with the
 * Children in Care Council, and its evidence followed to the local measures, actions and "you said, we did" entries
 * that show it; evidence that leads nowhere is listed. Below, the themes children and care leavers raised, with how
 * many raised each (`c` for members when 1 to 5). Officers and administrators record a dated review.
 */
import * as CalendarDate from "@cpo/domain/CalendarDate"
import * as Pledge from "@cpo/domain/Pledge"
import type * as UserRole from "@cpo/domain/UserRole"
import { useParams } from "@solidjs/router"
import { Option } from "effect"
import { createResource, createSignal, For, Match, Show, Switch } from "solid-js"
import { DataTable } from "../components/data-table.tsx"
import { formatDay, todayInUk } from "../components/dates.ts"
import { ErrorSummary, FormErrors, LoadError, Loading } from "../components/error-summary.tsx"
import { RadioField, type RadioOption, TextArea, TextField, textOf } from "../components/form-field.tsx"
import { createSubmission } from "../components/form-submission.ts"
import { usePageTitle } from "../components/page-title.ts"
import { useCouncils } from "../data/councils.ts"
import { fetchPledges, fetchVoice, type PledgeRow, reviewPledge, type VoiceView } from "../data/pledges.ts"
import { mayOpen, useSession } from "../data/session.ts"

/** Who may record a review (the API's authorization matrix). */
const reviewers: ReadonlyArray<UserRole.UserRole> = ["admin", "officer"]

const statusTags: Readonly<Record<Pledge.Status, { readonly icon: string; readonly tag: string }>> = {
  kept: { icon: "✓", tag: "tag--green" },
  partly_kept: { icon: "!", tag: "tag--amber" },
  not_yet_kept: { icon: "✕", tag: "tag--red" }
}

/** The statuses a review may give a pledge. */
const statusOptions: ReadonlyArray<RadioOption> = Pledge.Status.codes.map((code) => ({
  value: code,
  label: Pledge.Status.label(code),
  icon: statusTags[code].icon
}))

const StatusTag = (props: { readonly status: Pledge.Status | null }) => (
  <Show when={props.status} fallback={<span class="tag tag--neutral">Not yet reviewed</span>}>
    {(s) => (
      <strong class={`tag ${statusTags[s()].tag}`} data-status={s()}>
        <span aria-hidden="true">{statusTags[s()].icon}</span>
        {Pledge.Status.label(s())}
      </strong>
    )}
  </Show>
)

const evidenceLabels: Readonly<Record<PledgeRow["evidence"][number]["kind"], string>> = {
  measure: "Local measure",
  action: "Action",
  you_said_we_did: "You said, we did"
}

const PledgeCard = (props: { readonly row: PledgeRow }) => (
  <section class="priority" aria-labelledby={`pledge-${props.row.pledge.id}`} data-pledge={props.row.pledge.id}>
    <h3 id={`pledge-${props.row.pledge.id}`}>{props.row.pledge.promise}</h3>
    <Show when={props.row.pledge.meaning !== ""}>
      <p>{props.row.pledge.meaning}</p>
    </Show>
    <dl class="summary-list">
      <dt>Status</dt>
      <dd>
        <StatusTag status={props.row.status} />
      </dd>
      <dt>Owner</dt>
      <dd>
        {props.row.pledge.owner} ({props.row.pledge.ownerKind === "partner" ? "partner" : "council service"})
      </dd>
      <dt>Last reviewed with the Children in Care Council</dt>
      <dd>{props.row.lastReviewedWithChildren === null ? "Not yet" : formatDay(props.row.lastReviewedWithChildren)}</dd>
      <dt>Evidence</dt>
      <dd>
        <ul class="evidence">
          <For each={props.row.evidence}>
            {(link) => (
              <li data-evidence={link.kind}>
                {evidenceLabels[link.kind]}:{" "}
                {link.title ?? <strong class="tag tag--red">{`${link.id} is not held`}</strong>}
              </li>
            )}
          </For>
        </ul>
      </dd>
    </dl>
  </section>
)

type Theme = VoiceView["themes"][number]

const Themes = (props: { readonly voice: VoiceView; readonly promiseOf: (id: string) => string }) => (
  <>
    <Show when={props.voice.tally.length > 0}>
      <p>
        Most often raised:{" "}
        {props.voice.tally
          .slice(0, 3)
          .map((t) => `${t.theme} (${t.times} ${t.times === 1 ? "time" : "times"})`)
          .join(", ")}
        .
      </p>
    </Show>
    <DataTable
      caption="Themes raised by children in care and care leavers"
      rows={props.voice.themes}
      columns={[
        { heading: "Theme", cell: (t: Theme) => t.theme },
        { heading: "Date", cell: (t: Theme) => formatDay(t.on) },
        { heading: "Heard through", cell: (t: Theme) => t.source },
        { heading: "What they said", cell: (t: Theme) => t.summary },
        { heading: "Young people raising it", cell: (t: Theme) => String(t.raisedBy ?? "x"), numeric: true },
        { heading: "Pledge", cell: (t: Theme) => t.pledges.map(props.promiseOf).join("; ") }
      ]}
    />
  </>
)

/** The form to record a dated review of a pledge. */
const ReviewForm = (props: {
  readonly council: string
  readonly rows: ReadonlyArray<PledgeRow>
  readonly onRecorded: (pledge: Pledge.Pledge) => void
}) => {
  const { fieldErrors, refusal, sending, begin, send } = createSubmission()
  const onSubmit = (event: SubmitEvent) => {
    event.preventDefault()
    const data = new FormData(event.currentTarget as HTMLFormElement)
    const on = textOf(data, "review-on")
    const status = textOf(data, "review-status")
    const found: Record<string, string> = {}
    if (Option.isNone(CalendarDate.fromIso(on))) found["review-on"] = "Enter the day of the review as YYYY-MM-DD"
    if (!Pledge.Status.is(status)) found["review-status-kept"] = "Choose kept, partly kept or not yet kept"
    begin(found)
    if (Object.keys(found).length > 0 || !Pledge.Status.is(status)) return
    const withWhom = textOf(data, "review-with")
    send(
      () =>
        reviewPledge(props.council, textOf(data, "review-pledge"), {
          on: CalendarDate.make(on),
          with: Pledge.ReviewedWith.is(withWhom) ? withWhom : "children_in_care_council",
          status,
          summary: textOf(data, "review-summary")
        }),
      props.onRecorded
    )
  }
  return (
    <section class="update-form" aria-labelledby="record-review">
      <h2 id="record-review">Record a review</h2>
      <form onSubmit={onSubmit} novalidate aria-label="Record a review">
        <FormErrors fieldErrors={fieldErrors()} refusal={refusal()} refusedTitle="The review was not recorded" />
        <div class="form-group">
          <label for="review-pledge">Pledge</label>
          <select id="review-pledge" name="review-pledge">
            <For each={props.rows}>{(r) => <option value={r.pledge.id}>{r.pledge.promise}</option>}</For>
          </select>
        </div>
        <div class="form-group">
          <label for="review-with">Reviewed with</label>
          <select id="review-with" name="review-with">
            <For each={Pledge.ReviewedWith.codes}>
              {(code) => <option value={code}>{Pledge.ReviewedWith.label(code)}</option>}
            </For>
          </select>
        </div>
        <TextField
          id="review-on"
          label="Day of the review"
          hint="As YYYY-MM-DD"
          value={todayInUk()}
          class="input--date"
          error={fieldErrors()["review-on"]}
        />
        <RadioField
          name="review-status"
          legend="Is the pledge kept?"
          options={statusOptions}
          error={fieldErrors()["review-status-kept"]}
        />
        <TextArea id="review-summary" label="What was found" hint="In plain words, as young people would say it" />
        <p>
          <button type="submit" class="button" disabled={sending()}>
            Record the review
          </button>
        </p>
      </form>
    </section>
  )
}

export default function PledgesPage() {
  const params = useParams<{ council: string }>()
  const councils = useCouncils()
  const session = useSession()
  const council = () => councils()?.find((c) => c.id === params.council)
  const source = () => ({ council: params.council, version: session.version() })
  const [pledges, { refetch }] = createResource(source, (q) => fetchPledges(q.council, todayInUk()))
  const [voice] = createResource(source, (q) => fetchVoice(q.council))
  const [recorded, setRecorded] = createSignal<Pledge.Pledge>()
  usePageTitle(() => `Pledges${council() === undefined ? "" : `, ${council()?.name}`}`)
  const promiseOf = (id: string) => pledges.latest?.pledges.find((p) => p.pledge.id === id)?.pledge.promise ?? id
  return (
    <>
      <h1>
        <span class="caption">{council()?.name ?? params.council}</span>Pledges
      </h1>
      <p class="lead">
        The council's promises to its children in care and care leavers, written with the Children in Care Council, and
        what shows whether each is kept.
      </p>
      <Show when={recorded()} keyed>
        {(p) => (
          <div class="notification" role="status">
            <h2>Review recorded</h2>
            <p>{p.promise}</p>
          </div>
        )}
      </Show>
      <Switch>
        <Match when={pledges.error !== undefined}>
          <LoadError what="the pledges" error={pledges.error} />
        </Match>
        <Match when={pledges.loading && pledges.latest === undefined}>
          <Loading what="the pledges" />
        </Match>
        <Match when={pledges.latest}>
          {(v) => (
            <>
              <Show when={v().problems.length > 0}>
                <ErrorSummary
                  title="Some evidence cannot be followed"
                  errors={v().problems.map((p) => ({ text: `${p.at}: ${p.message}` }))}
                />
              </Show>
              <Show when={v().pledges.length > 0} fallback={<p class="inset">The council has no pledges yet.</p>}>
                <DataTable
                  caption={`Pledges at ${formatDay(v().asOf)}`}
                  rows={v().pledges}
                  columns={[
                    { heading: "Pledge", cell: (r: PledgeRow) => r.pledge.promise },
                    { heading: "Owner", cell: (r: PledgeRow) => r.pledge.owner },
                    { heading: "Status", cell: (r: PledgeRow) => <StatusTag status={r.status} /> },
                    {
                      heading: "Reviewed with children",
                      cell: (r: PledgeRow) =>
                        r.lastReviewedWithChildren === null ? "Not yet" : formatDay(r.lastReviewedWithChildren)
                    }
                  ]}
                />
                <Show when={mayOpen(session.user(), reviewers)}>
                  <ReviewForm
                    council={params.council}
                    rows={v().pledges}
                    onRecorded={(p) => {
                      setRecorded(p)
                      void refetch()
                    }}
                  />
                </Show>
                <h2>Each pledge and its evidence</h2>
                <For each={v().pledges}>{(row) => <PledgeCard row={row} />}</For>
              </Show>
            </>
          )}
        </Match>
      </Switch>
      <h2>What children and young people told us</h2>
      <Switch>
        <Match when={voice.error !== undefined}>
          <LoadError what="the themes" error={voice.error} />
        </Match>
        <Match when={voice.latest}>
          {(v) => (
            <Show when={v().themes.length > 0} fallback={<p class="inset">No themes are recorded yet.</p>}>
              <Show when={v().audience !== "officer"}>
                <p class="inset">Counts from one to five are shown as c so that no young person can be identified.</p>
              </Show>
              <Themes voice={v()} promiseOf={promiseOf} />
            </Show>
          )}
        </Match>
        <Match when={voice.loading}>
          <Loading what="the themes" />
        </Match>
      </Switch>
    </>
  )
}
