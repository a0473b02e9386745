/**
 * Upload a year's 903 files: check them against the DfE rules first, then import them as the year's current return,
 * with upload progress. Form errors follow the error-summary pattern; a failed request is shown the same way.
 */
import * as ReportingYear from "@cpo/domain/ReportingYear"
import { A } from "@solidjs/router"
import { createSignal, Match, Show, Switch } from "solid-js"
import type { UploadProgress } from "../data/api.ts"
import { type ImportResult, importReturn, type ValidationReport, validateReturn } from "../data/returns.ts"
import { type ErrorItem, ErrorSummary, LoadError } from "./error-summary.tsx"
import { ValidationReportView } from "./validation-report.tsx"

type Stage =
  | { readonly kind: "idle" }
  | { readonly kind: "busy"; readonly doing: "Checking" | "Importing"; readonly progress: UploadProgress | undefined }
  | { readonly kind: "checked"; readonly report: ValidationReport }
  | { readonly kind: "imported"; readonly result: ImportResult }
  | { readonly kind: "failed"; readonly error: unknown }

const yearLabel = (year: number) => ReportingYear.label(ReportingYear.make(year))

const ProgressView = (props: { readonly doing: string; readonly progress: UploadProgress | undefined }) => {
  const percent = () =>
    props.progress?.stage === "uploading" && props.progress.total > 0
      ? Math.round((props.progress.sent / props.progress.total) * 100)
      : props.progress?.stage === "processing"
        ? 100
        : 0
  const words = () =>
    props.progress?.stage === "processing"
      ? `${props.doing} the files on the server…`
      : `Uploading the files: ${percent()}%`
  return (
    <div class="progress">
      <label for="upload-progress">{words()}</label>
      <progress id="upload-progress" max="100" value={percent()}>
        {percent()}%
      </progress>
    </div>
  )
}

export const ReturnUpload = (props: {
  readonly council: string
  readonly defaultYear: number
  readonly onImported: (result: ImportResult) => void
}) => {
  const [stage, setStage] = createSignal<Stage>({ kind: "idle" })
  const [formErrors, setFormErrors] = createSignal<ReadonlyArray<ErrorItem>>([])
  const [chosen, setChosen] = createSignal<{ year: number; files: ReadonlyArray<File> }>()
  const [announce, setAnnounce] = createSignal("")

  /** The stage when it is of `kind`, for `<Match>`. */
  const only = <K extends Stage["kind"]>(kind: K) => {
    const s = stage()
    return s.kind === kind ? (s as Extract<Stage, { kind: K }>) : undefined
  }

  const readForm = (form: HTMLFormElement) => {
    const data = new FormData(form)
    const rawYear = String(data.get("year") ?? "").trim()
    const files = data.getAll("files").filter((f): f is File => f instanceof File && f.name !== "")
    const errors: Array<ErrorItem> = []
    const year = Number(rawYear)
    if (rawYear === "")
      errors.push({ text: "Enter the year the return ends in, for example 2026", href: "#upload-year" })
    else if (!/^\d{4}$/.test(rawYear) || year < 2000 || year > 2100) {
      errors.push({ text: "Year must be a year such as 2026", href: "#upload-year" })
    }
    if (files.length === 0) errors.push({ text: "Choose the 903 files to upload", href: "#upload-files" })
    return { year, files, errors }
  }

  const run = async (doing: "Checking" | "Importing", year: number, files: ReadonlyArray<File>) => {
    setStage({ kind: "busy", doing, progress: undefined })
    setAnnounce(`${doing} the files…`)
    const onProgress = (progress: UploadProgress) => setStage({ kind: "busy", doing, progress })
    try {
      if (doing === "Checking") {
        const report = await validateReturn(props.council, year, files, onProgress)
        setStage({ kind: "checked", report })
        setAnnounce(
          report.errors.length === 0 ? "Check finished: no errors." : `Check finished: ${report.errors.length} errors.`
        )
      } else {
        const result = await importReturn(props.council, year, files, onProgress)
        setStage({ kind: "imported", result })
        setAnnounce(`Imported the ${yearLabel(year)} return.`)
        props.onImported(result)
      }
    } catch (error) {
      setStage({ kind: "failed", error })
      setAnnounce("")
    }
  }

  const onCheck = (event: SubmitEvent) => {
    event.preventDefault()
    const { year, files, errors } = readForm(event.currentTarget as HTMLFormElement)
    setFormErrors(errors)
    if (errors.length > 0) return
    setChosen({ year, files })
    void run("Checking", year, files)
  }

  const fileLabel = () => {
    const n = chosen()?.files.length ?? 0
    return n === 1 ? "1 file" : `${n} files`
  }

  return (
    <section aria-labelledby="upload-heading">
      <Show when={formErrors().length > 0} keyed>
        <ErrorSummary title="There is a problem" errors={formErrors()} />
      </Show>
      <h2 id="upload-heading">Upload a return</h2>
      <p>
        Choose the year's 903 files (one CSV per table, or the DfE XML). They are checked first; nothing is imported
        until you ask.
      </p>
      <form onSubmit={onCheck} novalidate>
        <div
          class="form-group"
          classList={{ "form-group--error": formErrors().some((e) => e.href === "#upload-year") }}
        >
          <label for="upload-year">Year ending 31 March</label>
          <p class="hint" id="upload-year-hint">
            For example, 2026 for 1 April 2025 to 31 March 2026
          </p>
          <input
            type="text"
            id="upload-year"
            name="year"
            inputmode="numeric"
            autocomplete="off"
            value={String(props.defaultYear)}
            class="input--year"
            aria-describedby="upload-year-hint"
            aria-invalid={formErrors().some((e) => e.href === "#upload-year")}
          />
        </div>
        <div
          class="form-group"
          classList={{ "form-group--error": formErrors().some((e) => e.href === "#upload-files") }}
        >
          <label for="upload-files">903 files</label>
          <input
            type="file"
            id="upload-files"
            name="files"
            multiple
            accept=".csv,.xml,text/csv,application/xml,text/xml"
            aria-invalid={formErrors().some((e) => e.href === "#upload-files")}
          />
        </div>
        <p>
          <button type="submit" class="button" disabled={stage().kind === "busy"}>
            Check the files
          </button>
        </p>
      </form>
      <div class="visually-hidden" role="status" aria-live="polite">
        {announce()}
      </div>
      <Switch>
        <Match when={only("busy")}>{(busy) => <ProgressView doing={busy().doing} progress={busy().progress} />}</Match>
        <Match when={only("failed")}>{(failed) => <LoadError what="the files" error={failed().error} />}</Match>
        <Match when={only("checked")}>
          {(checked) => (
            <>
              <ValidationReportView report={checked().report} fileLabel={fileLabel()} />
              <Show when={chosen()}>
                {(files) => (
                  <div class="inset">
                    <p>
                      {checked().report.errors.length === 0
                        ? `The files pass every rule checked. Import them as the ${yearLabel(files().year)} return?`
                        : `You can import the files with these errors, or correct them and check again. Figures from a return with errors may be wrong.`}
                    </p>
                    <button
                      type="button"
                      class="button"
                      classList={{ "button--warning": checked().report.errors.length > 0 }}
                      onClick={() => void run("Importing", files().year, files().files)}
                    >
                      {checked().report.errors.length === 0 ? "Import the return" : "Import with errors"}
                    </button>
                  </div>
                )}
              </Show>
            </>
          )}
        </Match>
        <Match when={only("imported")}>
          {(imported) => (
            <section class="notification" aria-labelledby="imported-heading" data-imported>
              <h2 id="imported-heading">{imported().result.unchanged ? "Already imported" : "Return imported"}</h2>
              <p>
                {imported().result.unchanged
                  ? `These files are already the current ${yearLabel(imported().result.import.year)} return; nothing changed.`
                  : `The ${yearLabel(imported().result.import.year)} return is now current: ${imported().result.import.children.toLocaleString("en-GB")} children, ${imported().result.import.episodes.toLocaleString("en-GB")} episodes.`}
              </p>
              <p>
                <A
                  href={`/councils/${encodeURIComponent(props.council)}/scorecard?year=${imported().result.import.year}`}
                >
                  See the scorecard for {yearLabel(imported().result.import.year)}
                </A>
              </p>
            </section>
          )}
        </Match>
      </Switch>
    </section>
  )
}
