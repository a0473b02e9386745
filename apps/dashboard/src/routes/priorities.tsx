/**
 * Priorities: the council's corporate parenting strategy — each priority with its lead member and officer and latest
 * RAG, its actions with owner, status, due date and latest RAG — and the open actions overdue or at risk, with the
 * reasons. Officers and administrators add a dated RAG update with commentary for a priority or an action; members
 * read the same page without the form (the API refuses them the update too). RAG is always given in words and an
 * icon as well as colour.
 */
import * as CalendarDate from "@cpo/domain/CalendarDate"
import * as Progress from "@cpo/domain/Progress"
import type * as Strategy from "@cpo/domain/Strategy"
import type * as UserRole from "@cpo/domain/UserRole"
import { useParams } from "@solidjs/router"
import { Option } from "effect"
import { createResource, createSignal, For, Match, onMount, Show, Switch } from "solid-js"
import { DataTable } from "../components/data-table.tsx"
import { formatDay, todayInUk } from "../components/dates.ts"
import { FormErrors, LoadError, Loading } from "../components/error-summary.tsx"
import { RadioField, type RadioOption, TextArea, TextField, textOf } from "../components/form-field.tsx"
import { createSubmission } from "../components/form-submission.ts"
import { usePageTitle } from "../components/page-title.ts"
import { isProblem } from "../data/api.ts"
import { useCouncils } from "../data/councils.ts"
import { type Concern, fetchConcerns, fetchPriorities, type PriorityStatus, recordUpdate } from "../data/priorities.ts"
import { mayOpen, useSession } from "../data/session.ts"

/** Who may record progress (the API's authorization matrix). */
const updaters: ReadonlyArray<UserRole.UserRole> = ["admin", "officer"]

const ragIcons: Readonly<Record<Progress.Rag, string>> = { green: "✓", amber: "!", red: "✕" }

/** The RAG ratings an update may give. */
const ragOptions: ReadonlyArray<RadioOption> = Progress.Rag.literals.map((rag) => ({
  value: rag,
  label: Progress.ragLabel[rag],
  icon: ragIcons[rag]
}))

const RagTag = (props: { readonly rag: Progress.Rag }) => (
  <strong class={`tag tag--${props.rag}`} data-rag={props.rag}>
    <span aria-hidden="true">{ragIcons[props.rag]}</span>
    {Progress.ragLabel[props.rag]}
  </strong>
)

const Latest = (props: { readonly update: Option.Option<Progress.Update> }) => (
  <Show when={Option.getOrUndefined(props.update)} fallback={<span class="tag tag--neutral">No update yet</span>}>
    {(u) => (
      <>
        <RagTag rag={u().rag} /> <span class="hint">on {formatDay(u().on)}</span>
      </>
    )}
  </Show>
)

const statusLabels: Readonly<Record<Strategy.ActionStatus, string>> = {
  not_started: "Not started",
  in_progress: "In progress",
  completed: "Completed",
  cancelled: "Cancelled"
}

const levels: Readonly<
  Record<Concern["level"], { readonly label: string; readonly icon: string; readonly tag: string }>
> = {
  overdue: { label: "Overdue", icon: "✕", tag: "tag--red" },
  at_risk: { label: "At risk", icon: "!", tag: "tag--amber" }
}

const Concerns = (props: { readonly concerns: ReadonlyArray<Concern> }) => (
  <Show when={props.concerns.length > 0} fallback={<p class="inset">No open action is overdue or at risk.</p>}>
    <DataTable
      caption={`${props.concerns.length} ${props.concerns.length === 1 ? "action needs" : "actions need"} attention`}
      rows={props.concerns}
      columns={[
        { heading: "Action", cell: (c: Concern) => c.actionTitle },
        {
          heading: "Attention",
          cell: (c: Concern) => (
            <strong class={`tag ${levels[c.level].tag}`}>
              <span aria-hidden="true">{levels[c.level].icon}</span>
              {levels[c.level].label}
            </strong>
          )
        },
        { heading: "Priority", cell: (c: Concern) => c.priorityTitle },
        { heading: "Owner", cell: (c: Concern) => c.owner },
        { heading: "Due", cell: (c: Concern) => formatDay(c.due) },
        { heading: "Why", cell: (c: Concern) => c.reasons.map((r) => r.text).join("; ") }
      ]}
    />
  </Show>
)

type ActionRow = { readonly action: Strategy.Action; readonly latest: Option.Option<Progress.Update> }

const PriorityCard = (props: {
  readonly priority: Strategy.Priority
  readonly status: PriorityStatus["priorities"][number] | undefined
}) => {
  const rows = (): ReadonlyArray<ActionRow> =>
    props.priority.actions.map((action) => ({
      action,
      latest: Option.flatMap(
        Option.fromNullishOr(props.status?.actions.find((a) => a.id === action.id)),
        (a) => a.latest
      )
    }))
  const latest = () => props.status?.latest ?? Option.none()
  return (
    <section class="priority" aria-labelledby={`priority-${props.priority.id}`} data-priority={props.priority.id}>
      <h3 id={`priority-${props.priority.id}`}>{props.priority.title}</h3>
      <dl class="summary-list">
        <dt>Lead member</dt>
        <dd>{props.priority.leadMembers.join(", ") || "None named"}</dd>
        <dt>Lead officer</dt>
        <dd>{props.priority.leadOfficer}</dd>
        <dt>Latest RAG</dt>
        <dd data-latest>
          <Latest update={latest()} />
          <Show when={Option.getOrUndefined(latest())}>{(u) => <p class="commentary">{u().commentary}</p>}</Show>
        </dd>
      </dl>
      <DataTable
        caption={`Actions of ${props.priority.title}`}
        captionHidden
        rows={rows()}
        columns={[
          { heading: "Action", cell: (r: ActionRow) => r.action.title },
          { heading: "Owner", cell: (r: ActionRow) => r.action.owner },
          { heading: "Status", cell: (r: ActionRow) => statusLabels[r.action.status] },
          { heading: "Due", cell: (r: ActionRow) => formatDay(r.action.due) },
          { heading: "Latest RAG", cell: (r: ActionRow) => <Latest update={r.latest} /> }
        ]}
      />
    </section>
  )
}

/** The form to add an update: for a whole priority or one action, a day, a RAG and commentary. */
const UpdateForm = (props: {
  readonly council: string
  readonly strategy: Strategy.Strategy
  readonly onRecorded: (update: Progress.Update) => void
}) => {
  const { fieldErrors, refusal, sending, begin, send } = createSubmission()
  let form: HTMLFormElement | undefined
  const subjects = () =>
    props.strategy.priorities.flatMap((p) => [
      { value: p.id, label: `${p.title} (the whole priority)` },
      ...p.actions.map((a) => ({ value: `${p.id}/${a.id}`, label: `${p.title}: ${a.title}` }))
    ])
  const onSubmit = (event: SubmitEvent) => {
    event.preventDefault()
    const data = new FormData(event.currentTarget as HTMLFormElement)
    const on = textOf(data, "update-on")
    const rag = textOf(data, "update-rag")
    const commentary = textOf(data, "update-commentary")
    const found: Record<string, string> = {}
    if (Option.isNone(CalendarDate.fromIso(on))) found["update-on"] = "Enter the day of the update as YYYY-MM-DD"
    if (!Progress.Rag.literals.some((r) => r === rag)) found["update-rag-red"] = "Choose red, amber or green"
    if (commentary === "") found["update-commentary"] = "Enter commentary saying what has happened"
    begin(found)
    if (Object.keys(found).length > 0) return
    const [priority = "", action] = textOf(data, "update-subject").split("/")
    send(
      () =>
        recordUpdate(props.council, priority, action, {
          on: CalendarDate.make(on),
          rag: rag as Progress.Rag,
          commentary
        }),
      (update) => {
        // Clear the rating and commentary for the next update; the day stays today.
        form?.reset()
        const day = form?.elements.namedItem("update-on")
        if (day instanceof HTMLInputElement) day.value = todayInUk()
        props.onRecorded(update)
      }
    )
  }
  return (
    <section class="update-form" aria-labelledby="add-update">
      <h2 id="add-update">Add a progress update</h2>
      <form ref={form} onSubmit={onSubmit} novalidate aria-label="Add a progress update">
        <FormErrors fieldErrors={fieldErrors()} refusal={refusal()} refusedTitle="The update was not recorded" />
        <div class="form-group">
          <label for="update-subject">About</label>
          <select id="update-subject" name="update-subject">
            <For each={subjects()}>{(s) => <option value={s.value}>{s.label}</option>}</For>
          </select>
        </div>
        <TextField
          id="update-on"
          label="Day of the update"
          hint="As YYYY-MM-DD"
          value={todayInUk()}
          class="input--date"
          error={fieldErrors()["update-on"]}
        />
        <RadioField
          name="update-rag"
          legend="RAG rating"
          options={ragOptions}
          error={fieldErrors()["update-rag-red"]}
        />
        <TextArea
          id="update-commentary"
          label="Commentary"
          hint="What has happened since the last update, and what happens next"
          error={fieldErrors()["update-commentary"]}
        />
        <p>
          <button type="submit" class="button" disabled={sending()}>
            Record the update
          </button>
        </p>
      </form>
    </section>
  )
}

/** The confirmation after an update, focused so keyboard and screen-reader users hear it and continue from it. */
const Recorded = (props: { readonly update: Progress.Update }) => {
  let box: HTMLDivElement | undefined
  onMount(() => box?.focus())
  return (
    <div class="notification" role="status" tabindex="-1" ref={box} aria-labelledby="update-recorded">
      <h2 id="update-recorded">Update recorded</h2>
      <p>
        {Progress.ragLabel[props.update.rag]} on {formatDay(props.update.on)}: {props.update.commentary}
      </p>
    </div>
  )
}

export default function PrioritiesPage() {
  const params = useParams<{ council: string }>()
  const councils = useCouncils()
  const session = useSession()
  const council = () => councils()?.find((c) => c.id === params.council)
  const source = () => ({ council: params.council, version: session.version() })
  const [status, { refetch: refetchStatus }] = createResource(source, (q) => fetchPriorities(q.council))
  const [concerns, { refetch: refetchConcerns }] = createResource(source, (q) => fetchConcerns(q.council))
  const [recorded, setRecorded] = createSignal<Progress.Update>()
  usePageTitle(() => `Priorities${council() === undefined ? "" : `, ${council()?.name}`}`)
  return (
    <>
      <h1>
        <span class="caption">{council()?.name ?? params.council}</span>Priorities
      </h1>
      <Show when={recorded()} keyed>
        {(update) => <Recorded update={update} />}
      </Show>
      <Switch>
        <Match when={isProblem(status.error, "strategy-not-found")}>
          <p class="inset">
            No corporate parenting strategy has been recorded for this council, so there are no priorities to follow
            yet.
          </p>
        </Match>
        <Match when={status.error !== undefined}>
          <LoadError what="the priorities" error={status.error} />
        </Match>
        <Match when={status.loading && status.latest === undefined}>
          <Loading what="the priorities" />
        </Match>
        <Match when={status.latest}>
          {(s) => (
            <>
              <p class="lead">
                {s().strategy.title}, {formatDay(s().strategy.period.start)} to {formatDay(s().strategy.period.end)}
              </p>
              <h2>Needs attention</h2>
              <Switch>
                <Match when={concerns.error !== undefined}>
                  <LoadError what="the actions needing attention" error={concerns.error} />
                </Match>
                <Match when={concerns.latest}>{(list) => <Concerns concerns={list()} />}</Match>
                <Match when={concerns.loading}>
                  <Loading what="the actions needing attention" />
                </Match>
              </Switch>
              <Show when={mayOpen(session.user(), updaters)}>
                <UpdateForm
                  council={params.council}
                  strategy={s().strategy}
                  onRecorded={(update) => {
                    setRecorded(update)
                    void refetchStatus()
                    void refetchConcerns()
                  }}
                />
              </Show>
              <h2>The priorities</h2>
              <For each={s().strategy.priorities}>
                {(priority) => (
                  <PriorityCard priority={priority} status={s().priorities.find((p) => p.id === priority.id)} />
                )}
              </For>
            </>
          )}
        </Match>
      </Switch>
    </>
  )
}
