/**
 * Rendering documents for the terminal and for files: JSON, CSV (RFC 4180 quoting) and plain-text tables.
 * Data goes to stdout; diagnostics go to stderr.
 */
import { Effect } from "effect"

export const Format = ["json", "csv", "table"] as const
export type Format = (typeof Format)[number]

/** One CSV field, quoted when it holds a comma, quote or line break. */
export const csvField = (value: unknown): string => {
  const s = value === null || value === undefined ? "" : String(value)
  return /[",\r\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s
}

/** CSV text from a header and rows, CRLF line endings as RFC 4180 and Excel expect. */
export const toCsv = (columns: ReadonlyArray<string>, rows: ReadonlyArray<ReadonlyArray<unknown>>): string =>
  [columns, ...rows].map((r) => r.map(csvField).join(",")).join("\r\n") + "\r\n"

/** A plain-text table with columns padded to their widest cell; numbers right-aligned. */
export const toTable = (columns: ReadonlyArray<string>, rows: ReadonlyArray<ReadonlyArray<unknown>>): string => {
  const cells = rows.map((r) => r.map((v) => (v === null || v === undefined ? "" : String(v))))
  const widths = columns.map((c, i) => Math.max(c.length, ...cells.map((r) => (r[i] ?? "").length)))
  const numeric = columns.map((_, i) => cells.length > 0 && cells.every((r) => /^-?[\d.,]*$|^[cxz]$/.test(r[i] ?? "")))
  const line = (r: ReadonlyArray<string>) =>
    r
      .map((v, i) => (numeric[i] ? v.padStart(widths[i] ?? 0) : v.padEnd(widths[i] ?? 0)))
      .join("  ")
      .trimEnd()
  return [line(columns), widths.map((w) => "-".repeat(w)).join("  "), ...cells.map(line)].join("\n") + "\n"
}

/** A document as indented JSON text with a final newline. */
export const toJson = (value: unknown): string => `${JSON.stringify(value, null, 2)}\n`

/** Rows as JSON text: an array of objects keyed by the column names. */
const toJsonRecords = (columns: ReadonlyArray<string>, rows: ReadonlyArray<ReadonlyArray<unknown>>): string =>
  toJson(rows.map((r) => Object.fromEntries(columns.map((c, i) => [c, r[i]]))))

/** Rows as text in the chosen format. */
export const renderRows = (
  format: Format,
  columns: ReadonlyArray<string>,
  rows: ReadonlyArray<ReadonlyArray<unknown>>
): string =>
  format === "json" ? toJsonRecords(columns, rows) : format === "csv" ? toCsv(columns, rows) : toTable(columns, rows)

/** Write text to stdout as it is (no extra newline). */
export const writeStdout = (text: string) =>
  Effect.callback<void>((resume) => {
    process.stdout.write(text, () => resume(Effect.void))
  })

/** Write rows to stdout in the chosen format. */
export const writeRows = (
  format: Format,
  columns: ReadonlyArray<string>,
  rows: ReadonlyArray<ReadonlyArray<unknown>>
) => writeStdout(renderRows(format, columns, rows))

/** Write a diagnostic line to stderr. */
export const writeStderr = (line: string) => Effect.sync(() => void process.stderr.write(`${line}\n`))
