/**
 * A DfE validation report: how many errors in which tables, the errors themselves filtered by rule and table (the
 * filters apply on a button, WCAG 3.2.2), and the full list as a CSV download.
 */
import { createMemo, createSignal, For, onCleanup, Show } from "solid-js"
import { errorsCsv, type ValidationError, type ValidationReport } from "../data/returns.ts"
import { DataTable } from "./data-table.tsx"

/** Errors listed on the page at once; the download always has all of them. */
const shownAtOnce = 200

const plural = (n: number, one: string, many: string) => `${n.toLocaleString("en-GB")} ${n === 1 ? one : many}`

export const ValidationReportView = (props: { readonly report: ValidationReport; readonly fileLabel: string }) => {
  const [rule, setRule] = createSignal("")
  const [table, setTable] = createSignal("")
  const filtered = createMemo(() =>
    props.report.errors.filter((e) => (rule() === "" || e.code === rule()) && (table() === "" || e.table === table()))
  )
  const download = createMemo(() =>
    URL.createObjectURL(new Blob([errorsCsv(props.report.errors)], { type: "text/csv" }))
  )
  onCleanup(() => URL.revokeObjectURL(download()))
  const onFilter = (event: SubmitEvent) => {
    event.preventDefault()
    const form = new FormData(event.currentTarget as HTMLFormElement)
    setRule(String(form.get("rule") ?? ""))
    setTable(String(form.get("table") ?? ""))
  }
  return (
    <section aria-labelledby="report-heading" data-report>
      <h2 id="report-heading">
        {props.report.errors.length === 0
          ? "No errors found"
          : `${plural(props.report.errors.length, "error", "errors")} found`}
      </h2>
      <p>
        {props.fileLabel} checked against the DfE rules for the year ending 31 March {props.report.year}. Tables read:{" "}
        {props.report.tables.join(", ")}.
      </p>
      <Show when={props.report.errors.length > 0}>
        <DataTable
          caption="Errors by table"
          rows={props.report.byTable.filter((t) => t.errors > 0)}
          columns={[
            { heading: "Table", cell: (t: { table: string; errors: number }) => t.table },
            { heading: "Errors", cell: (t: { table: string; errors: number }) => String(t.errors), numeric: true }
          ]}
        />
        <h3>Errors</h3>
        <form class="form-row" onSubmit={onFilter} aria-label="Filter the errors">
          <div class="form-group">
            <label for="filter-rule">Rule</label>
            <select id="filter-rule" name="rule" value={rule()}>
              <option value="">All rules</option>
              <For each={props.report.byRule.filter((r) => r.errors > 0)}>
                {(r) => (
                  <option value={r.code}>
                    {r.code}: {r.message.length > 60 ? `${r.message.slice(0, 58)}…` : r.message} ({r.errors})
                  </option>
                )}
              </For>
            </select>
          </div>
          <div class="form-group">
            <label for="filter-table">Table</label>
            <select id="filter-table" name="table" value={table()}>
              <option value="">All tables</option>
              <For each={props.report.byTable.filter((t) => t.errors > 0)}>
                {(t) => <option value={t.table}>{t.table}</option>}
              </For>
            </select>
          </div>
          <button type="submit" class="button button--secondary">
            Apply filters
          </button>
        </form>
        <p role="status" data-error-count>
          Showing {Math.min(filtered().length, shownAtOnce)} of {plural(filtered().length, "error", "errors")}
          {filtered().length === props.report.errors.length ? "" : ` (${props.report.errors.length} in all)`}.{" "}
          <a href={download()} download={`903-validation-errors-${props.report.year}.csv`}>
            Download all errors (CSV)
          </a>
        </p>
        <DataTable
          caption="Validation errors"
          captionHidden
          rows={filtered().slice(0, shownAtOnce)}
          columns={[
            { heading: "Rule", cell: (e: ValidationError) => e.code },
            {
              heading: "Problem",
              cell: (e: ValidationError) =>
                e.value === undefined
                  ? e.message
                  : `${e.message} (found “${e.value}”${e.expected ? `, expected ${e.expected}` : ""})`
            },
            { heading: "File and line", cell: (e: ValidationError) => `${e.file}: ${e.rows.join(", ")}` },
            { heading: "Child", cell: (e: ValidationError) => e.childId ?? "" },
            { heading: "Fields", cell: (e: ValidationError) => e.fields.join(", ") }
          ]}
        />
      </Show>
    </section>
  )
}
