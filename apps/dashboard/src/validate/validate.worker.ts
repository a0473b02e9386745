/**
 * The /validate page's worker: reads the analyst's 903 files from disk, decodes them with `@cpo/ssda903`, runs the
 * DfE rules in force for the year, computes the officer scorecard with `@cpo/domain`, and renders the CSV, JSON and
 * XLSX reports — all in the browser, off the page's thread, with progress after every file and step. It makes no
 * network request: the files never leave the analyst's machine.
 */
import * as ChildHistory from "@cpo/domain/ChildHistory"
import type * as Indicator from "@cpo/domain/Indicator"
import * as ReportingYear from "@cpo/domain/ReportingYear"
import * as Scorecard from "@cpo/domain/Scorecard"
import { Registry, ReportFormat, Ssda903, Validation } from "@cpo/ssda903"
import { Cause, Effect, Option, Schema } from "effect"
import type { ChildRows, ChildSource, Done, Downloads, Failed, Progress, Request, Response, Step } from "./protocol.ts"
import { childCsvRows, childXmlLines } from "./source-rows.ts"
import { warmUpFiles } from "./warm-up.ts"

/** The part of the worker's global scope used here (the DOM library types `self` as a window). */
interface WorkerScope {
  postMessage(message: Response): void
  onmessage: ((event: MessageEvent<Request>) => void) | null
}

/** The last validation, kept for the drill-down. */
interface Checked {
  readonly files: ReadonlyArray<File>
  readonly tableOf: ReadonlyMap<string, string>
  readonly errorsOf: ReadonlyMap<string, ReadonlyArray<Validation.ValidationError>>
}

/** The year a return is decoded under before its own year is known (the codec reads the same either way). */
const provisionalYear = ReportingYear.make(2000)

/** No year was given and the files have no episode to tell it from. */
class YearUnknown extends Schema.TaggedError<YearUnknown>()("YearUnknown", {}) {}

const rowsOf = (file: Ssda903.DecodedFile) => file.tables.reduce((n, t) => n + t.rows.length, 0)

const run = (request: Extract<Request, { kind: "validate" }>, post: (message: Response) => void) => {
  const filesTotal = request.current.length + request.previous.length
  const counters = { filesRead: 0, rowsDecoded: 0, rulesRun: 0 }
  const progress = (step: Step, message: string) =>
    Effect.sync(() => post({ kind: "progress", step, message, filesTotal, ...counters } satisfies Progress))

  const readYear = (files: ReadonlyArray<File>, year: ReportingYear.ReportingYear, which: string) =>
    Effect.gen(function* () {
      const decoded: Array<Ssda903.DecodedFile> = []
      for (const file of files) {
        yield* progress("reading", `Reading ${file.name} (${which})`)
        const one = yield* Ssda903.decodeStream(file.name, file.stream())
        counters.filesRead++
        counters.rowsDecoded += rowsOf(one)
        decoded.push(one)
      }
      return yield* Ssda903.assemble(decoded, { year })
    })

  return Effect.gen(function* () {
    const started = performance.now()
    const given = request.year === null ? undefined : ReportingYear.make(request.year)
    const read = yield* readYear(request.current, given ?? provisionalYear, "this year")
    const year = given ?? Option.getOrUndefined(Validation.inferYear(read))
    if (year === undefined) return yield* Effect.fail(new YearUnknown())
    const current = given === undefined ? Validation.withYear(read, year) : read
    const previous =
      request.previous.length === 0
        ? undefined
        : yield* readYear(request.previous, ReportingYear.previous(year), "last year")
    const readAt = performance.now()

    const rules = Registry.forYear(year).length
    yield* progress("rules", `Running the ${rules} DfE rules in force for ${ReportingYear.label(year)}`)
    const report = Validation.validate(current, { previous })
    counters.rulesRun = report.rules.filter((r) => r.status !== "skipped").length
    const rulesAt = performance.now()

    yield* progress("scorecard", "Computing the officer scorecard")
    const scorecard = Scorecard.make({
      council: "The uploaded return",
      audience: "officer",
      inputs: {
        year,
        histories: ChildHistory.index(current.return),
        tables: current.tables,
        population: Option.none()
      } satisfies Indicator.Inputs
    })
    const scorecardAt = performance.now()

    const tableOf = new Map<string, string>()
    for (const t of Object.values(current.sources)) if (t !== undefined) tableOf.set(t.file, t.name)
    const errorsOf = new Map<string, Array<Validation.ValidationError>>()
    for (const e of report.errors) {
      if (e.childId === null) continue
      const list = errorsOf.get(e.childId)
      if (list === undefined) errorsOf.set(e.childId, [e])
      else list.push(e)
    }
    const checked: Checked = { files: request.current, tableOf, errorsOf }
    const result: Done = {
      kind: "done",
      year,
      yearInferred: given === undefined,
      files: request.current.map((f) => f.name),
      previousFiles: request.previous.map((f) => f.name),
      rows: counters.rowsDecoded,
      children: current.return.children.length,
      report,
      scorecard,
      timings: {
        readMs: readAt - started,
        rulesMs: rulesAt - readAt,
        scorecardMs: scorecardAt - rulesAt,
        totalMs: scorecardAt - started
      }
    }
    return { result, checked }
  })
}

/** The report as CSV, JSON and XLSX files (`ReportFormat`). */
const downloadsOf = (report: Validation.Report) =>
  Effect.gen(function* () {
    const started = performance.now()
    const xlsx = yield* ReportFormat.toXlsx(report)
    return {
      kind: "downloads",
      csv: new Blob([ReportFormat.toCsv(report)], { type: "text/csv" }),
      json: new Blob([ReportFormat.toJson(report)], { type: "application/json" }),
      xlsx: new Blob([xlsx as Uint8Array<ArrayBuffer>], {
        type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
      }),
      downloadsMs: performance.now() - started
    } satisfies Downloads
  })

const failure = (cause: Cause.Cause<Ssda903.UnreadableFile | YearUnknown>): Failed => {
  const error = Cause.squash(cause)
  if (error instanceof Ssda903.UnreadableFile) return { kind: "failed", message: error.message }
  if (error instanceof YearUnknown) {
    return {
      kind: "failed",
      message: "The files have no episodes, so the collection year cannot be told from them: enter the year"
    }
  }
  return { kind: "failed", message: `The files could not be checked: ${String(error)}` }
}

/** The rows of one child in the last validated files, with the fields its errors point at. */
const childRows = async (checked: Checked, childId: string): Promise<ChildRows> => {
  const errors = checked.errorsOf.get(childId) ?? []
  const sources: Array<ChildSource> = []
  for (const file of checked.files) {
    const mine = errors.filter((e) => e.file === file.name)
    const flaggedAt = (line: number) => [...new Set(mine.filter((e) => e.rows.includes(line)).flatMap((e) => e.fields))]
    const text = await file.text()
    const table = checked.tableOf.get(file.name)
    const source = /\.xml$/i.test(file.name)
      ? childXmlLines(text, file.name, childId, (line) => flaggedAt(line).length > 0)
      : table === undefined
        ? undefined
        : childCsvRows(text, file.name, table, childId, flaggedAt)
    if (source !== undefined) sources.push(source)
  }
  return { kind: "child", childId, sources }
}

/** Check the warm-up return once (see `warm-up.ts`); its result is dropped and a failure ignored. */
const warmUp = Effect.gen(function* () {
  const year = ReportingYear.make(2025)
  const decoded = yield* Ssda903.decodeFiles(warmUpFiles(), { year })
  Validation.validate(decoded, { previous: Validation.withYear(decoded, ReportingYear.previous(year)) })
  Scorecard.make({
    council: "Warm-up",
    audience: "officer",
    inputs: { year, histories: ChildHistory.index(decoded.return), tables: decoded.tables, population: Option.none() }
  })
}).pipe(Effect.ignore)

const serve = (scope: WorkerScope) => {
  const state: { checked: Checked | undefined } = { checked: undefined }
  scope.onmessage = (event) => {
    const request = event.data
    if (request.kind === "child") {
      const checked = state.checked
      if (checked === undefined) scope.postMessage({ kind: "child", childId: request.childId, sources: [] })
      else void childRows(checked, request.childId).then((rows) => scope.postMessage(rows))
      return
    }
    state.checked = undefined
    const post = (message: Response) => Effect.sync(() => scope.postMessage(message))
    void Effect.runPromise(
      run(request, (m) => scope.postMessage(m)).pipe(
        Effect.matchCauseEffect({
          onSuccess: ({ result, checked }) =>
            Effect.gen(function* () {
              state.checked = checked
              yield* post(result)
              yield* post(yield* downloadsOf(result.report))
            }),
          onFailure: (cause) => post(failure(cause))
        })
      )
    )
  }
}

const scope = self as unknown as WorkerScope
serve(scope)
void Effect.runPromise(warmUp).then(() => scope.postMessage({ kind: "ready" }))
