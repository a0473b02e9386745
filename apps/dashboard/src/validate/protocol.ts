/**
 * The messages between the /validate page and its Web Worker. The files go to the worker as `File` objects (handles
 * to the analyst's disk, cloned within the page); only the report, the scorecard, the downloads and a child's rows
 * come back. Nothing here is ever sent over the network.
 */
import type * as Scorecard from "@cpo/domain/Scorecard"
import type { Validation } from "@cpo/ssda903"

/** A chosen file with the folder path it was picked from (`webkitRelativePath`), empty when picked alone. */
export interface ChosenFile {
  readonly file: File
  readonly path: string
}

/** What the page asks of the worker. @category models */
export type Request =
  | {
      readonly kind: "validate"
      readonly current: ReadonlyArray<File>
      readonly previous: ReadonlyArray<File>
      /** Collection year named by its 31 March; `null` to take it from the latest episode date. */
      readonly year: number | null
    }
  | { readonly kind: "child"; readonly childId: string }

/** The steps of a validation, in order. @category models */
export type Step = "reading" | "rules" | "scorecard"

/** Progress of a running validation. @category models */
export interface Progress {
  readonly kind: "progress"
  readonly step: Step
  readonly message: string
  readonly filesRead: number
  readonly filesTotal: number
  readonly rowsDecoded: number
  readonly rulesRun: number
}

/** How long each step took, in milliseconds. @category models */
export interface Timings {
  readonly readMs: number
  readonly rulesMs: number
  readonly scorecardMs: number
  readonly totalMs: number
}

/** The finished validation. @category models */
export interface Done {
  readonly kind: "done"
  readonly year: number
  /** True when the year was taken from the latest episode date rather than given. */
  readonly yearInferred: boolean
  readonly files: ReadonlyArray<string>
  readonly previousFiles: ReadonlyArray<string>
  readonly rows: number
  readonly children: number
  readonly report: Validation.Report
  readonly scorecard: Scorecard.Scorecard
  readonly timings: Timings
}

/**
 * The report as files, made after the result is shown (the analyst reads the result while they are made).
 * @category models
 */
export interface Downloads {
  readonly kind: "downloads"
  readonly csv: Blob
  readonly json: Blob
  readonly xlsx: Blob
  readonly downloadsMs: number
}

/** A validation that could not run (an unreadable file, no year). @category models */
export interface Failed {
  readonly kind: "failed"
  readonly message: string
}

/** One row of a CSV table as written, with the columns an error points at. @category models */
export interface SourceRow {
  readonly line: number
  readonly cells: ReadonlyArray<string>
  readonly flagged: ReadonlyArray<string>
}

/** A child's rows in one file: CSV rows under their header, or the lines of the child's XML element. @category models */
export type ChildSource =
  | {
      readonly kind: "csv"
      readonly file: string
      readonly table: string
      readonly columns: ReadonlyArray<string>
      readonly rows: ReadonlyArray<SourceRow>
    }
  | {
      readonly kind: "xml"
      readonly file: string
      readonly lines: ReadonlyArray<{ readonly line: number; readonly text: string; readonly flagged: boolean }>
    }

/** A child's rows across the current year's files. @category models */
export interface ChildRows {
  readonly kind: "child"
  readonly childId: string
  readonly sources: ReadonlyArray<ChildSource>
}

/** The worker has started and warmed up (see `warm-up.ts`). @category models */
export interface Ready {
  readonly kind: "ready"
}

/** What the worker answers. @category models */
export type Response = Ready | Progress | Done | Downloads | Failed | ChildRows
