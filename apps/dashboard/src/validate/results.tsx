/**
 * The result of checking a return in the page: the headline and downloads (CSV, XLSX, JSON made in the page), the
 * errors by rule and by table, the errors themselves filtered by rule, table and child (on a button, WCAG 3.2.2),
 * one child's rows with the faulty values marked, the rules that could not run, and the officer scorecard.
 */
import * as ReportingYear from "@cpo/domain/ReportingYear"
import type { Validation } from "@cpo/ssda903"
import { createMemo, createSignal, For, onCleanup, onMount, Show } from "solid-js"
import { DataTable } from "../components/data-table.tsx"
import { IndicatorCard } from "../components/indicator-card.tsx"
import { ChildRowsView } from "./child-rows.tsx"
import type { ChildRows, Done, Downloads as Files } from "./protocol.ts"

/** Errors listed at once; the downloads always hold all of them. */
const shownAtOnce = 200

const plural = (n: number, one: string, many: string) => `${n.toLocaleString("en-GB")} ${n === 1 ? one : many}`

const seconds = (ms: number) => `${(ms / 1000).toLocaleString("en-GB", { maximumFractionDigits: 2 })} s`

type RuleSummary = Validation.Report["byRule"][number]
type TableSummary = Validation.Report["byTable"][number]
type Skipped = Validation.Report["rules"][number]

const Downloads = (props: { readonly year: number; readonly files: Files }) => {
  const urls = createMemo(() => ({
    csv: URL.createObjectURL(props.files.csv),
    xlsx: URL.createObjectURL(props.files.xlsx),
    json: URL.createObjectURL(props.files.json)
  }))
  onCleanup(() => {
    for (const url of Object.values(urls())) URL.revokeObjectURL(url)
  })
  const name = (ext: string) => `903-validation-${props.year}.${ext}`
  return (
    <ul class="downloads" aria-label="Download the report" data-downloads-ms={Math.round(props.files.downloadsMs)}>
      <li>
        <a href={urls().csv} download={name("csv")} data-download="csv">
          Download the errors (CSV)
        </a>
      </li>
      <li>
        <a href={urls().xlsx} download={name("xlsx")} data-download="xlsx">
          Download the report (Excel, XLSX)
        </a>
      </li>
      <li>
        <a href={urls().json} download={name("json")} data-download="json">
          Download the report (JSON)
        </a>
      </li>
    </ul>
  )
}

const Errors = (props: { readonly report: Validation.Report; readonly onChild: (childId: string) => void }) => {
  const [filter, setFilter] = createSignal({ rule: "", table: "", child: "" })
  const filtered = createMemo(() => {
    const { rule, table, child } = filter()
    const wanted = child.trim().toUpperCase()
    return props.report.errors.filter(
      (e) =>
        (rule === "" || e.code === rule) &&
        (table === "" || e.table === table) &&
        (wanted === "" || (e.childId ?? "").toUpperCase() === wanted)
    )
  })
  const onFilter = (event: SubmitEvent) => {
    event.preventDefault()
    const form = new FormData(event.currentTarget as HTMLFormElement)
    setFilter({
      rule: String(form.get("rule") ?? ""),
      table: String(form.get("table") ?? ""),
      child: String(form.get("child") ?? "")
    })
  }
  return (
    <section aria-labelledby="errors-heading">
      <h3 id="errors-heading">Errors</h3>
      <form class="form-row" onSubmit={onFilter} aria-label="Filter the errors">
        <div class="form-group">
          <label for="filter-rule">Rule</label>
          <select id="filter-rule" name="rule">
            <option value="">All rules</option>
            <For each={props.report.byRule}>
              {(r) => (
                <option value={r.code}>
                  {r.code}: {r.message.length > 50 ? `${r.message.slice(0, 48)}…` : r.message} ({r.errors})
                </option>
              )}
            </For>
          </select>
        </div>
        <div class="form-group">
          <label for="filter-table">Table</label>
          <select id="filter-table" name="table">
            <option value="">All tables</option>
            <For each={props.report.byTable}>{(t) => <option value={t.table}>{t.table}</option>}</For>
          </select>
        </div>
        <div class="form-group">
          <label for="filter-child">Child</label>
          <input
            id="filter-child"
            name="child"
            type="text"
            autocomplete="off"
            spellcheck={false}
            class="input--child"
          />
        </div>
        <button type="submit" class="button button--secondary">
          Apply filters
        </button>
      </form>
      <p role="status" data-error-count>
        Showing {Math.min(filtered().length, shownAtOnce)} of {plural(filtered().length, "error", "errors")}
        {filtered().length === props.report.errors.length ? "" : ` (${props.report.errors.length} in all)`}.
      </p>
      <DataTable
        caption="Validation errors"
        captionHidden
        rows={filtered().slice(0, shownAtOnce)}
        columns={[
          { heading: "Rule", cell: (e: Validation.ValidationError) => e.code },
          {
            heading: "Child",
            cell: (e: Validation.ValidationError) =>
              e.childId === null ? (
                ""
              ) : (
                <button
                  type="button"
                  class="child-link"
                  data-child={e.childId}
                  onClick={() => props.onChild(e.childId ?? "")}
                >
                  {e.childId}
                  <span class="visually-hidden">: show this child's rows</span>
                </button>
              )
          },
          {
            heading: "Problem",
            cell: (e: Validation.ValidationError) =>
              e.value === undefined
                ? e.message
                : `${e.message} (found “${e.value}”${e.expected ? `, expected ${e.expected}` : ""})`
          },
          { heading: "Table", cell: (e: Validation.ValidationError) => e.table },
          { heading: "File and line", cell: (e: Validation.ValidationError) => `${e.file}: ${e.rows.join(", ")}` },
          { heading: "Fields", cell: (e: Validation.ValidationError) => e.fields.join(", ") }
        ]}
      />
    </section>
  )
}

export const ValidationResults = (props: {
  readonly result: Done
  readonly elapsedMs: number
  readonly downloads: Files | undefined
  readonly childRows: (childId: string) => Promise<ChildRows>
}) => {
  const report = () => props.result.report
  const [child, setChild] = createSignal<ChildRows>()
  const skipped = () => report().rules.filter((r) => r.status === "skipped")
  const yearLabel = () => ReportingYear.label(ReportingYear.make(props.result.year))
  const openChild = (childId: string) => void props.childRows(childId).then(setChild)
  let resultsHeading: HTMLHeadingElement | undefined
  // The result replaces the progress: focus goes to its heading, so keyboard and screen-reader users continue from
  // the verdict and reach the downloads next (WCAG 2.4.3).
  onMount(() => resultsHeading?.focus())
  const closeChild = () => {
    setChild(undefined)
    resultsHeading?.focus()
  }
  return (
    <>
      <section
        aria-labelledby="report-heading"
        data-report
        data-elapsed-ms={Math.round(props.elapsedMs)}
        data-timings={JSON.stringify(props.result.timings)}
      >
        <h2 id="report-heading" tabindex="-1" ref={resultsHeading}>
          {report().errors.length === 0
            ? "No errors found"
            : `${plural(report().errors.length, "error", "errors")} found`}
        </h2>
        <p>
          {plural(props.result.files.length, "file", "files")} for {yearLabel()}
          {props.result.yearInferred ? " (the year of the latest episode)" : ""}:{" "}
          {plural(props.result.children, "child", "children")}, {plural(props.result.rows, "row", "rows")} read
          {props.result.previousFiles.length > 0
            ? `, with last year's ${plural(props.result.previousFiles.length, "file", "files")}`
            : ""}
          . Checked in this browser in {seconds(props.elapsedMs)} against{" "}
          {plural(report().rules.length - skipped().length, "rule", "rules")}; nothing was sent anywhere.
        </p>
        <Show when={props.downloads} fallback={<p class="hint">Preparing the downloads (CSV, Excel, JSON)…</p>}>
          {(files) => <Downloads year={props.result.year} files={files()} />}
        </Show>
        <Show when={report().errors.length > 0}>
          <DataTable
            caption="Errors by rule"
            rows={report().byRule}
            columns={[
              { heading: "Rule", cell: (r: RuleSummary) => r.code },
              { heading: "Errors", cell: (r: RuleSummary) => String(r.errors), numeric: true },
              { heading: "Problem", cell: (r: RuleSummary) => r.message },
              { heading: "Fields", cell: (r: RuleSummary) => r.fields.join(", ") }
            ]}
          />
          <DataTable
            caption="Errors by table"
            rows={report().byTable}
            columns={[
              { heading: "Table", cell: (t: TableSummary) => t.table },
              { heading: "Errors", cell: (t: TableSummary) => String(t.errors), numeric: true }
            ]}
          />
          <Show when={child()} keyed>
            {(rows) => <ChildRowsView rows={rows} onClose={closeChild} />}
          </Show>
          <Errors report={report()} onChild={openChild} />
        </Show>
        <Show when={skipped().length > 0}>
          <details>
            <summary>{plural(skipped().length, "rule was", "rules were")} not run</summary>
            <DataTable
              caption="Rules not run, and what they need"
              rows={skipped()}
              columns={[
                { heading: "Rule", cell: (r: Skipped) => r.code },
                { heading: "Problem", cell: (r: Skipped) => r.message },
                { heading: "Needs", cell: (r: Skipped) => r.skippedFor.join(", ") }
              ]}
            />
          </details>
        </Show>
      </section>
      <section aria-labelledby="scorecard-heading" data-scorecard>
        <h2 id="scorecard-heading">Scorecard for {yearLabel()}</h2>
        <p class="hint">
          Exact figures for officers, computed in this browser from the files. Rates per 10,000 need the council's
          population, which the files do not hold.
        </p>
        <ul class="cards">
          <For each={props.result.scorecard.indicators}>{(entry) => <IndicatorCard entry={entry} trend={[]} />}</For>
        </ul>
      </section>
    </>
  )
}
