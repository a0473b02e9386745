/**
 * A young person's entitlements: for a child id from the council's 903 returns and a day, what the published local
 * offer gives them, why each entitlement applies or not (the rule checked against their facts), the amount, and what
 * changes in the year ahead. Child-level: for officers, and every answer is recorded in the audit log by the API.
 * The id is kept out of the address so it does not stay in browser history.
 */
import * as CalendarDate from "@cpo/domain/CalendarDate"
import * as Eligibility from "@cpo/domain/Eligibility"
import * as Entitlement from "@cpo/domain/Entitlement"
import * as OfferArea from "@cpo/domain/OfferArea"
import { useParams } from "@solidjs/router"
import { Option } from "effect"
import { createResource, createSignal, Match, Show, Switch } from "solid-js"
import { DataTable } from "../components/data-table.tsx"
import { formatDay, todayInUk } from "../components/dates.ts"
import { type ErrorItem, ErrorSummary, fieldErrorItems, LoadError, Loading } from "../components/error-summary.tsx"
import { TextField, textOf } from "../components/form-field.tsx"
import { usePageTitle } from "../components/page-title.ts"
import { ApiFailure } from "../data/api.ts"
import { useCouncils } from "../data/councils.ts"
import { fetchEntitlements, type PersonalEntitlements } from "../data/entitlements.ts"

type Assessment = PersonalEntitlements["assessments"][number]
type Change = PersonalEntitlements["upcomingChanges"][number]

const changeWords: Readonly<Record<Change["change"], string>> = {
  starts: "Starts",
  ends: "Ends",
  amount_changes: "Amount changes"
}

const amountOf = (a: Assessment): string =>
  Option.match(a.amount, { onNone: () => "No set amount", onSome: Entitlement.formatAmount })

const Answer = (props: { readonly answer: PersonalEntitlements }) => {
  const applying = () => props.answer.assessments.filter((a) => a.applies)
  const notApplying = () => props.answer.assessments.filter((a) => !a.applies && a.inForce)
  return (
    <div data-child={props.answer.childId}>
      <h2>
        {props.answer.childId} on {formatDay(props.answer.on)}
      </h2>
      <p>
        Aged {props.answer.age};{" "}
        {Option.match(props.answer.status, {
          onNone: () => "not a care leaver on this day",
          onSome: (s) => `${Eligibility.statusLabels[s]} care leaver`
        })}
        . Offer version {props.answer.offerVersion}.
      </p>
      <Show
        when={applying().length > 0}
        fallback={<p class="inset">No entitlement of the offer applies to this young person on this day.</p>}
      >
        <DataTable
          caption={`${applying().length} ${applying().length === 1 ? "entitlement applies" : "entitlements apply"}`}
          rows={applying()}
          columns={[
            { heading: "Entitlement", cell: (a: Assessment) => a.title },
            { heading: "Area", cell: (a: Assessment) => a.areas.map(OfferArea.label).join(", ") },
            { heading: "Amount", cell: (a: Assessment) => amountOf(a) },
            { heading: "Why", cell: (a: Assessment) => a.check.because },
            { heading: "How to get it", cell: (a: Assessment) => a.howToAccess }
          ]}
        />
      </Show>
      <Show when={notApplying().length > 0}>
        <DataTable
          caption={`${notApplying().length} ${notApplying().length === 1 ? "entitlement does" : "entitlements do"} not apply`}
          rows={notApplying()}
          columns={[
            { heading: "Entitlement", cell: (a: Assessment) => a.title },
            { heading: "Who can get it", cell: (a: Assessment) => a.check.condition },
            { heading: "Why not", cell: (a: Assessment) => a.check.because }
          ]}
        />
      </Show>
      <h3>In the year ahead</h3>
      <Show
        when={props.answer.upcomingChanges.length > 0}
        fallback={<p>Nothing starts, ends or changes amount in the next year.</p>}
      >
        <DataTable
          caption="Changes in the year ahead"
          captionHidden
          rows={props.answer.upcomingChanges}
          columns={[
            { heading: "Day", cell: (c: Change) => formatDay(c.on) },
            { heading: "Entitlement", cell: (c: Change) => c.title },
            { heading: "Change", cell: (c: Change) => changeWords[c.change] },
            { heading: "Because", cell: (c: Change) => c.because }
          ]}
        />
      </Show>
    </div>
  )
}

export default function EntitlementsPage() {
  const params = useParams<{ council: string }>()
  const councils = useCouncils()
  const council = () => (councils.error === undefined ? councils()?.find((c) => c.id === params.council) : undefined)
  const [errors, setErrors] = createSignal<ReadonlyArray<ErrorItem>>([])
  const [fieldErrors, setFieldErrors] = createSignal<Readonly<Record<string, string>>>({})
  const [query, setQuery] = createSignal<{ readonly child: string; readonly on: string }>()
  const [answer] = createResource(() => {
    const q = query()
    return q === undefined ? false : { council: params.council, ...q }
  }, fetchEntitlements)
  usePageTitle(
    () =>
      `${errors().length > 0 ? "Error: " : ""}A young person's entitlements${council() ? `, ${council()?.name}` : ""}`
  )
  const onSubmit = (event: SubmitEvent) => {
    event.preventDefault()
    const form = new FormData(event.currentTarget as HTMLFormElement)
    const child = textOf(form, "child")
    const on = textOf(form, "on")
    const found: Record<string, string> = {}
    if (child === "") found.child = "Enter the young person's id from the 903 return"
    if (Option.isNone(CalendarDate.fromIso(on))) found.on = "Enter a real day as YYYY-MM-DD, for example 2026-04-01"
    setFieldErrors(found)
    setErrors(fieldErrorItems(found))
    if (Object.keys(found).length === 0) setQuery({ child, on })
  }
  return (
    <>
      <Show when={errors().length > 0 ? errors() : undefined} keyed>
        {(items) => <ErrorSummary title="There is a problem" errors={items} />}
      </Show>
      <h1>
        <span class="caption">{council()?.name ?? params.council}</span>A young person's entitlements
      </h1>
      <p>
        What the published local offer gives one young person on a day, and why. Each answer is recorded in the
        council's audit log.
      </p>
      <form class="form-row" onSubmit={onSubmit} novalidate aria-label="Choose the young person and day">
        <TextField
          id="child"
          label="Young person's id"
          hint="The child id in the 903 return"
          error={fieldErrors().child}
        />
        <TextField
          id="on"
          label="On"
          hint="As YYYY-MM-DD"
          value={todayInUk()}
          class="input--date"
          error={fieldErrors().on}
        />
        <div class="form-group">
          <button type="submit" class="button">
            Show entitlements
          </button>
        </div>
      </form>
      <Switch>
        <Match when={answer.error instanceof ApiFailure && answer.error.status === 404}>
          <ErrorSummary
            title="There is a problem"
            errors={[{ text: answer.error instanceof Error ? answer.error.message : "Not found", href: "#child" }]}
          />
        </Match>
        <Match when={answer.error !== undefined}>
          <LoadError what="the entitlements" error={answer.error} />
        </Match>
        <Match when={answer.loading}>
          <Loading what="the entitlements" />
        </Match>
        <Match when={answer()}>{(a) => <Answer answer={a()} />}</Match>
      </Switch>
    </>
  )
}
