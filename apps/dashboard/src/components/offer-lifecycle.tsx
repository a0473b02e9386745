/**
 * The versions of a local offer and the next step for the one in progress: start a draft from the newest version,
 * record a consultation with care leavers and approve the draft (CSWA 2017 s2 requires consulting before
 * publishing), then publish it with the day it takes effect. Each form checks its fields first and shows an error
 * summary linked to them; a refusal by the API (e.g. a draft not yet consulted on) is shown the same way.
 */
import * as CalendarDate from "@cpo/domain/CalendarDate"
import { Option } from "effect"
import { For, type JSX, Show } from "solid-js"
import { approveVersion, draftFrom, type OfferVersion, publishVersion, recordConsultation } from "../data/offer.ts"
import { DataTable } from "./data-table.tsx"
import { formatDay, formatInstant, todayInUk } from "./dates.ts"
import { FormErrors } from "./error-summary.tsx"
import { TextArea, TextField, textOf } from "./form-field.tsx"
import { createSubmission, type FieldErrors } from "./form-submission.ts"

const states: Readonly<
  Record<OfferVersion["state"], { readonly label: string; readonly icon: string; readonly tag: string }>
> = {
  draft: { label: "Draft", icon: "✎", tag: "tag--neutral" },
  approved: { label: "Approved", icon: "☑", tag: "tag--amber" },
  published: { label: "Published", icon: "✓", tag: "tag--green" }
}

const StateTag = (props: { readonly state: OfferVersion["state"] }) => (
  <strong class={`tag ${states[props.state].tag}`}>
    <span aria-hidden="true">{states[props.state].icon}</span>
    {states[props.state].label}
  </strong>
)

const dayError = (value: string, what: string): string | undefined =>
  value === ""
    ? `Enter ${what}`
    : Option.isNone(CalendarDate.fromIso(value))
      ? `${what[0]?.toUpperCase()}${what.slice(1)} must be a real date written as YYYY-MM-DD, for example 2026-04-01`
      : undefined

/**
 * One step's form: checks the fields with `check`, sends with `send`, and shows an error summary for either kind
 * of failure. `children` are the fields, given the current field errors.
 */
const StepForm = (props: {
  readonly label: string
  readonly button: string
  readonly check: (form: FormData) => FieldErrors
  readonly send: (form: FormData) => Promise<unknown>
  readonly onDone: () => void
  readonly children: (errors: FieldErrors) => JSX.Element
}) => {
  const { fieldErrors: errors, refusal, sending, begin, send } = createSubmission()
  const onSubmit = (event: SubmitEvent) => {
    event.preventDefault()
    const form = new FormData(event.currentTarget as HTMLFormElement)
    const found = props.check(form)
    begin(found)
    if (Object.keys(found).length > 0) return
    send(
      () => props.send(form),
      () => props.onDone()
    )
  }
  return (
    <form onSubmit={onSubmit} novalidate aria-label={props.label}>
      <FormErrors fieldErrors={errors()} refusal={refusal()} refusedTitle="The API did not accept this" />
      {props.children(errors())}
      <p>
        <button type="submit" class="button" disabled={sending()}>
          {props.button}
        </button>
      </p>
    </form>
  )
}

const NewDraft = (props: { readonly council: string; readonly from: OfferVersion; readonly onDone: () => void }) => (
  <>
    <h3>Start a new version</h3>
    <p>
      The draft starts as a copy of version {props.from.version}. Consult care leavers on it, approve it, then publish
      it with the day it takes effect.
    </p>
    <StepForm
      label="Start a new version"
      button="Start a draft"
      check={(form) => (textOf(form, "draft-title") === "" ? { "draft-title": "Enter a title for the draft" } : {})}
      send={(form) => draftFrom(props.council, props.from, textOf(form, "draft-title"))}
      onDone={props.onDone}
    >
      {(errors) => <TextField id="draft-title" label="Title" value={props.from.title} error={errors["draft-title"]} />}
    </StepForm>
  </>
)

const DraftSteps = (props: { readonly council: string; readonly draft: OfferVersion; readonly onDone: () => void }) => {
  const consulted = () => props.draft.consultations.some((c) => c.careLeavers)
  return (
    <>
      <h3>Version {props.draft.version} is a draft</h3>
      <Show
        when={props.draft.consultations.length > 0}
        fallback={<p>No consultation has been recorded yet. Care leavers must be consulted before approval.</p>}
      >
        <ul class="consultations">
          <For each={props.draft.consultations}>
            {(c) => (
              <li>
                {formatDay(c.on)}, with {c.with}
                {c.careLeavers ? " (care leavers took part)" : ""}: {c.summary}
              </li>
            )}
          </For>
        </ul>
      </Show>
      <h4>Record a consultation</h4>
      <StepForm
        label="Record a consultation"
        button="Record the consultation"
        check={(form) => {
          const found: Record<string, string> = {}
          const day = dayError(textOf(form, "consulted-on"), "the day of the consultation")
          if (day !== undefined) found["consulted-on"] = day
          if (textOf(form, "consulted-with") === "") found["consulted-with"] = "Enter who was consulted"
          if (textOf(form, "consultation-summary") === "") found["consultation-summary"] = "Enter what was said"
          return found
        }}
        send={(form) =>
          recordConsultation(props.council, props.draft.version, {
            on: CalendarDate.make(textOf(form, "consulted-on")),
            with: textOf(form, "consulted-with"),
            careLeavers: form.get("care-leavers") === "yes",
            summary: textOf(form, "consultation-summary")
          })
        }
        onDone={props.onDone}
      >
        {(errors) => (
          <>
            <TextField
              id="consulted-on"
              label="Day of the consultation"
              hint="As YYYY-MM-DD, for example 2026-03-01"
              value={todayInUk()}
              class="input--date"
              error={errors["consulted-on"]}
            />
            <TextField
              id="consulted-with"
              label="Who was consulted"
              hint="For example, the Children in Care Council"
              error={errors["consulted-with"]}
            />
            <div class="form-group checkbox">
              <input type="checkbox" id="care-leavers" name="care-leavers" value="yes" checked />
              <label for="care-leavers">Care leavers took part</label>
            </div>
            <TextArea id="consultation-summary" label="What was said" error={errors["consultation-summary"]} />
          </>
        )}
      </StepForm>
      <h4>Approve the draft</h4>
      <p>
        {consulted()
          ? "Care leavers have been consulted. Approving checks that every statutory area is covered."
          : "Record a consultation in which care leavers took part first."}
      </p>
      <StepForm
        label="Approve the draft"
        button={`Approve version ${props.draft.version}`}
        check={() => ({})}
        send={() => approveVersion(props.council, props.draft.version)}
        onDone={props.onDone}
      >
        {() => null}
      </StepForm>
    </>
  )
}

const PublishStep = (props: {
  readonly council: string
  readonly approved: OfferVersion
  readonly onDone: () => void
}) => (
  <>
    <h3>Version {props.approved.version} is approved</h3>
    <p>Publishing makes it the offer everyone sees from the day it takes effect. A published version never changes.</p>
    <StepForm
      label="Publish the approved version"
      button={`Publish version ${props.approved.version}`}
      check={(form) => {
        const day = dayError(textOf(form, "effective-from"), "the day it takes effect")
        return day === undefined ? {} : { "effective-from": day }
      }}
      send={(form) =>
        publishVersion(props.council, props.approved.version, CalendarDate.make(textOf(form, "effective-from")))
      }
      onDone={props.onDone}
    >
      {(errors) => (
        <TextField
          id="effective-from"
          label="Takes effect on"
          hint="As YYYY-MM-DD, for example 2026-04-01"
          value={todayInUk()}
          class="input--date"
          error={errors["effective-from"]}
        />
      )}
    </StepForm>
  </>
)

export const OfferLifecycle = (props: {
  readonly council: string
  readonly versions: ReadonlyArray<OfferVersion>
  /** After a step succeeded; `true` when a version was published. */
  readonly onChanged: (published: boolean) => void
}) => {
  const inProgress = () => props.versions.find((v) => v.state !== "published")
  return (
    <>
      <DataTable
        caption={`${props.versions.length} ${props.versions.length === 1 ? "version" : "versions"} of the offer`}
        rows={props.versions}
        columns={[
          { heading: "Version", cell: (v: OfferVersion) => String(v.version) },
          { heading: "Title", cell: (v: OfferVersion) => v.title },
          { heading: "State", cell: (v: OfferVersion) => <StateTag state={v.state} /> },
          { heading: "Created", cell: (v: OfferVersion) => `${formatInstant(v.created.at)} by ${v.created.by}` },
          {
            heading: "In force from",
            cell: (v: OfferVersion) =>
              Option.match(v.published, { onNone: () => "Not published", onSome: (p) => formatDay(p.effectiveFrom) })
          }
        ]}
      />
      <Show
        when={inProgress()}
        keyed
        fallback={
          <Show when={props.versions[0]} keyed>
            {(newest) => <NewDraft council={props.council} from={newest} onDone={() => props.onChanged(false)} />}
          </Show>
        }
      >
        {(version) =>
          version.state === "draft" ? (
            <DraftSteps council={props.council} draft={version} onDone={() => props.onChanged(false)} />
          ) : (
            <PublishStep council={props.council} approved={version} onDone={() => props.onChanged(true)} />
          )
        }
      </Show>
    </>
  )
}
