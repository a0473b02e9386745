/**
 * Compare two versions of the local offer: the entitlements added, removed and changed, field by field, from the
 * API's diff (`LocalOffer.diff`).
 */
import type * as LocalOffer from "@cpo/domain/LocalOffer"
import { createResource, createSignal, For, Match, Show, Switch } from "solid-js"
import { fetchOfferDiff, type OfferVersion } from "../data/offer.ts"
import { DataTable } from "./data-table.tsx"
import { LoadError, Loading } from "./error-summary.tsx"
import { SelectField } from "./form-field.tsx"

type Change = LocalOffer.OfferDiff["changed"][number]["fields"][number]

/** A changed value as it was stored (text as text, anything else as JSON). */
const shown = (value: unknown): string =>
  value === null || value === undefined ? "(none)" : typeof value === "string" ? value : JSON.stringify(value)

const DiffResult = (props: { readonly diff: LocalOffer.OfferDiff }) => (
  <div class="offer-diff" data-diff={`${props.diff.from}-${props.diff.to}`}>
    <p role="status">
      From version {props.diff.from} to version {props.diff.to}: {props.diff.added.length} added,{" "}
      {props.diff.removed.length} removed, {props.diff.changed.length} changed
      {props.diff.titleChanged ? "; the title changed" : ""}.
    </p>
    <Show when={props.diff.added.length > 0}>
      <h4>Added</h4>
      <ul>
        <For each={props.diff.added}>{(e) => <li>{e.title}</li>}</For>
      </ul>
    </Show>
    <Show when={props.diff.removed.length > 0}>
      <h4>Removed</h4>
      <ul>
        <For each={props.diff.removed}>{(e) => <li>{e.title}</li>}</For>
      </ul>
    </Show>
    <For each={props.diff.changed}>
      {(entitlement) => (
        <>
          <h4>Changed: {entitlement.title}</h4>
          <DataTable
            caption={`What changed in ${entitlement.title}`}
            captionHidden
            rows={entitlement.fields}
            columns={[
              { heading: "Field", cell: (c: Change) => c.field },
              { heading: "Before", cell: (c: Change) => <span class="diff-value">{shown(c.before)}</span> },
              { heading: "After", cell: (c: Change) => <span class="diff-value">{shown(c.after)}</span> }
            ]}
          />
        </>
      )}
    </For>
  </div>
)

export const OfferDiffView = (props: { readonly council: string; readonly versions: ReadonlyArray<OfferVersion> }) => {
  const [pair, setPair] = createSignal<{ readonly from: number; readonly to: number }>()
  const [diff] = createResource(
    () => {
      const chosen = pair()
      return chosen === undefined ? false : { council: props.council, ...chosen }
    },
    (q) => fetchOfferDiff(q.council, q.from, q.to)
  )
  const options = () => props.versions.map((v) => ({ value: String(v.version), label: `Version ${v.version}` }))
  const onSubmit = (event: SubmitEvent) => {
    event.preventDefault()
    const form = new FormData(event.currentTarget as HTMLFormElement)
    setPair({ from: Number(form.get("diff-from")), to: Number(form.get("diff-to")) })
  }
  return (
    <Show when={props.versions.length > 1}>
      <h3>Compare two versions</h3>
      <form class="form-row" onSubmit={onSubmit} aria-label="Compare two versions">
        <SelectField id="diff-from" label="From" options={options()} value={String(props.versions[1]?.version)} />
        <SelectField id="diff-to" label="To" options={options()} value={String(props.versions[0]?.version)} />
        <div class="form-group">
          <button type="submit" class="button button--secondary">
            Compare
          </button>
        </div>
      </form>
      <Switch>
        <Match when={diff.error !== undefined}>
          <LoadError what="the comparison" error={diff.error} />
        </Match>
        <Match when={diff.loading}>
          <Loading what="the comparison" />
        </Match>
        <Match when={diff()}>{(result) => <DiffResult diff={result()} />}</Match>
      </Switch>
    </Show>
  )
}
