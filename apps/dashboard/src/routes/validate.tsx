/**
 * Check a 903 return in the browser, offline: no sign-in, and the files never leave the analyst's machine. The page
 * hands the chosen files to a Web Worker that decodes them, runs the DfE rules and computes the officer scorecard
 * (`src/validate/`); a service worker keeps the page and the checker available without a network after one visit.
 */
import * as ReportingYear from "@cpo/domain/ReportingYear"
import { createSignal, Match, Show, Switch } from "solid-js"
import { type ErrorItem, ErrorSummary } from "../components/error-summary.tsx"
import { usePageTitle } from "../components/page-title.ts"
import { FilePicker } from "../validate/file-picker.tsx"
import { fileSet } from "../validate/file-set.ts"
import { createPageValidation, type Stage } from "../validate/in-page.ts"
import { createOfflineReady } from "../validate/offline.ts"
import type { ChosenFile, Progress } from "../validate/protocol.ts"
import { ValidationResults } from "../validate/results.tsx"
import "../validate/validate.css"

const stepNames: Record<Progress["step"], string> = {
  reading: "Reading the files",
  rules: "Running the rules",
  scorecard: "Computing the scorecard"
}

const ProgressView = (props: { readonly progress: Progress | undefined }) => {
  const percent = () => {
    const p = props.progress
    if (p === undefined) return 0
    // Reading is most of the work; the later steps share the rest.
    if (p.step === "reading") return Math.round((p.filesRead / Math.max(1, p.filesTotal)) * 70)
    return { rules: 75, scorecard: 95 }[p.step]
  }
  return (
    <div class="progress" data-progress>
      <label for="validate-progress">
        {props.progress === undefined ? "Starting" : stepNames[props.progress.step]}
      </label>
      <progress id="validate-progress" max="100" value={percent()}>
        {percent()}%
      </progress>
      <p class="hint">
        {props.progress === undefined
          ? "Starting the checker…"
          : `${props.progress.message}. Files read: ${props.progress.filesRead} of ${props.progress.filesTotal}; rows decoded: ${props.progress.rowsDecoded.toLocaleString("en-GB")}${props.progress.rulesRun > 0 ? `; rules run: ${props.progress.rulesRun}` : ""}.`}
      </p>
    </div>
  )
}

export default function ValidatePage() {
  usePageTitle(() => "Check a 903 return")
  const validation = createPageValidation()
  const offline = createOfflineReady()
  const [current, setCurrent] = createSignal<ReadonlyArray<ChosenFile>>([])
  const [previous, setPrevious] = createSignal<ReadonlyArray<ChosenFile>>([])
  const [formErrors, setFormErrors] = createSignal<ReadonlyArray<ErrorItem>>([])
  const [announce, setAnnounce] = createSignal("")

  const only = <K extends Stage["kind"]>(kind: K) => {
    const s = validation.stage()
    return s.kind === kind ? (s as Extract<Stage, { kind: K }>) : undefined
  }

  const onSubmit = (event: SubmitEvent) => {
    event.preventDefault()
    const rawYear = String(new FormData(event.currentTarget as HTMLFormElement).get("year") ?? "").trim()
    const set = fileSet(current(), previous())
    const errors: Array<ErrorItem> = []
    if (set.current.length === 0) {
      errors.push({ text: "Choose this year's 903 files (CSV or XML), or their folder", href: "#current-files" })
    }
    if (rawYear !== "" && !/^(19|20|21)\d{2}$/.test(rawYear)) {
      errors.push({ text: "Year must be a year such as 2026, or left blank", href: "#validate-year" })
    }
    setFormErrors(errors)
    if (errors.length > 0) return
    const year = rawYear === "" ? (set.year ?? null) : Number(rawYear)
    setAnnounce(`Checking ${set.current.length} ${set.current.length === 1 ? "file" : "files"}…`)
    validation.validate({ kind: "validate", current: set.current, previous: set.previous, year })
  }

  const finished = () => {
    const done = only("done")
    if (done === undefined) return ""
    const n = done.result.report.errors.length
    return `Check finished: ${n === 0 ? "no errors" : `${n} ${n === 1 ? "error" : "errors"}`}.`
  }

  return (
    <>
      <Show when={formErrors().length > 0} keyed>
        <ErrorSummary title="There is a problem" errors={formErrors()} />
      </Show>
      <h1>Check a 903 return</h1>
      <p class="lead">
        Check a year's SSDA903 files against the DfE rules for that year, and see the scorecard they give, without
        signing in.
      </p>
      <div class="inset privacy-note">
        <p>
          The files are checked in this browser. They are not uploaded or sent anywhere, and nothing is kept after you
          close the page.
        </p>
        <p data-offline-ready={offline() ? "yes" : "no"}>
          {offline()
            ? "This page now also works without a network connection."
            : "After this visit the page will also work without a network connection."}
        </p>
      </div>
      <form
        onSubmit={onSubmit}
        novalidate
        aria-label="Files to check"
        data-checker-ready={validation.ready() ? "yes" : "no"}
      >
        <FilePicker
          id="current"
          legend="This year's return"
          hint="One CSV per table, or the DfE XML. A folder of year folders (as cpo synth writes) is read as this year and last year."
          chosen={current()}
          onChoose={setCurrent}
          invalid={formErrors().some((e) => e.href === "#current-files")}
        />
        <FilePicker
          id="previous"
          legend="Last year's return (optional)"
          hint="Needed for the rules that compare the two years (503A to 503F and 1001)."
          chosen={previous()}
          onChoose={setPrevious}
        />
        <div
          class="form-group"
          classList={{ "form-group--error": formErrors().some((e) => e.href === "#validate-year") }}
        >
          <label for="validate-year">Year ending 31 March (optional)</label>
          <p class="hint" id="validate-year-hint">
            For example, 2026 for 1 April 2025 to 31 March 2026. Leave blank to take it from the latest episode.
          </p>
          <input
            type="text"
            id="validate-year"
            name="year"
            inputmode="numeric"
            autocomplete="off"
            class="input--year"
            aria-describedby="validate-year-hint"
            aria-invalid={formErrors().some((e) => e.href === "#validate-year")}
          />
        </div>
        <button type="submit" class="button" disabled={validation.stage().kind === "running"}>
          Check the files
        </button>
      </form>
      <div class="visually-hidden" role="status" aria-live="polite">
        {only("done") === undefined ? announce() : finished()}
      </div>
      <Switch>
        <Match when={only("running")}>{(running) => <ProgressView progress={running().progress} />}</Match>
        <Match when={only("failed")}>
          {(failed) => <ErrorSummary title="The files could not be checked" errors={[{ text: failed().message }]} />}
        </Match>
        <Match when={only("done")}>
          {(done) => (
            <ValidationResults
              result={done().result}
              elapsedMs={done().elapsedMs}
              downloads={done().downloads}
              childRows={validation.childRows}
            />
          )}
        </Match>
      </Switch>
      <p class="hint">
        Collection years run from 1 April to 31 March; {ReportingYear.label(ReportingYear.make(2026))} is the year
        ending 31 March 2026.
      </p>
    </>
  )
}
