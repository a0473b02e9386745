/**
 * A validation report as an analyst reads it: JSON (the whole report), CSV (one line per error, opens in Excel),
 * XLSX (errors, summary by rule, by table, and every rule's outcome, one sheet each) and a plain-text table for the
 * terminal. Rows are the lines of the source file, so an analyst can go straight to them.
 */
import { Effect } from "effect"
import type { Report, ValidationError } from "./Validation.ts"
import * as Workbook from "./Workbook.ts"

/** @category models */
export const Format = ["table", "json", "csv", "xlsx"] as const
export type Format = (typeof Format)[number]

const errorColumns = ["code", "message", "table", "file", "rows", "child", "fields", "value", "expected"] as const

const errorRow = (e: ValidationError): ReadonlyArray<string> => [
  e.code,
  e.message,
  e.table,
  e.file,
  e.rows.join(" "),
  e.childId ?? "",
  e.fields.join(" "),
  e.value ?? "",
  e.expected ?? ""
]

/** The whole report as JSON. @category encoding */
export const toJson = (report: Report): string => `${JSON.stringify(report, null, 2)}\n`

/** One CSV field, quoted when it holds a comma, quote or line break (RFC 4180). @category encoding */
export const csvField = (s: string): string => (/[",\r\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s)

/** One line per error, CRLF line endings as Excel expects. @category encoding */
export const toCsv = (report: Report): string =>
  [errorColumns, ...report.errors.map(errorRow)].map((r) => r.map(csvField).join(",")).join("\r\n") + "\r\n"

const pad = (
  columns: ReadonlyArray<string>,
  rows: ReadonlyArray<ReadonlyArray<string>>,
  numeric: ReadonlySet<number>
) => {
  const widths = columns.map((c, i) => Math.max(c.length, ...rows.map((r) => (r[i] ?? "").length)))
  const line = (r: ReadonlyArray<string>) =>
    r
      .map((v, i) => (numeric.has(i) ? v.padStart(widths[i] ?? 0) : v.padEnd(widths[i] ?? 0)))
      .join("  ")
      .trimEnd()
  return [line(columns), widths.map((w) => "-".repeat(w)).join("  "), ...rows.map(line)].join("\n")
}

const clip = (s: string, n: number) => (s.length > n ? `${s.slice(0, n - 1)}…` : s)

/**
 * The report for a terminal: verdict, errors by rule and by table, rules skipped, then the first `limit` errors.
 * @category encoding
 */
export const toTable = (report: Report, limit = 50): string => {
  const out: Array<string> = []
  const failed = report.rules.filter((r) => r.status === "failed").length
  const skipped = report.rules.filter((r) => r.status === "skipped")
  out.push(
    report.errors.length === 0
      ? `${report.year}: no validation errors (${report.rules.length - skipped.length} rules run, ${skipped.length} skipped)`
      : `${report.year}: ${report.errors.length} validation error(s) from ${failed} rule(s) (${skipped.length} rules skipped)`
  )
  if (report.byRule.length > 0) {
    out.push(
      "",
      pad(
        ["code", "errors", "message", "fields"],
        report.byRule.map((r) => [r.code, String(r.errors), clip(r.message, 80), r.fields.join(" ")]),
        new Set([1])
      )
    )
    out.push(
      "",
      pad(
        ["table", "errors"],
        report.byTable.map((t) => [t.table, String(t.errors)]),
        new Set([1])
      )
    )
  }
  if (skipped.length > 0) {
    out.push("", "skipped:", ...skipped.map((r) => `  ${r.code}: needs ${r.skippedFor.join(", ")}`))
  }
  if (report.errors.length > 0) {
    const shown = report.errors.slice(0, limit)
    out.push(
      "",
      pad(
        ["code", "table", "file", "rows", "child", "fields", "value"],
        shown.map((e) => [
          e.code,
          e.table,
          e.file,
          e.rows.join(" "),
          e.childId ?? "",
          e.fields.join(" "),
          clip(e.value ?? "", 30)
        ]),
        new Set()
      )
    )
    if (report.errors.length > limit) {
      out.push(`… and ${report.errors.length - limit} more; --format csv or xlsx lists them all`)
    }
  }
  return `${out.join("\n")}\n`
}

// ── XLSX ──────────────────────────────────────────────────────────────────────────────────────────────────────────

/** One sheet of the report: its name, column headings and rows. @category models */
export interface Sheet {
  readonly name: string
  readonly columns: ReadonlyArray<string>
  readonly rows: ReadonlyArray<ReadonlyArray<Workbook.Cell>>
}

/** The sheets of the workbook. @category encoding */
export const sheets = (report: Report): ReadonlyArray<Sheet> => [
  { name: "Errors", columns: errorColumns, rows: report.errors.map(errorRow) },
  {
    name: "By rule",
    columns: ["code", "errors", "message", "fields"],
    rows: report.byRule.map((r) => [r.code, r.errors, r.message, r.fields.join(" ")])
  },
  { name: "By table", columns: ["table", "errors"], rows: report.byTable.map((t) => [t.table, t.errors]) },
  {
    name: "Rules",
    columns: ["code", "status", "errors", "message", "skipped for"],
    rows: report.rules.map((r) => [r.code, r.status, r.errors, r.message, r.skippedFor.join("; ")])
  }
]

/**
 * The report as an XLSX workbook (Office Open XML, SpreadsheetML): inline strings, a bold frozen header row and an
 * auto-filter on each sheet.
 * @category encoding
 */
export const toXlsx = (report: Report): Effect.Effect<Uint8Array> =>
  Effect.promise(() =>
    Workbook.xlsx(
      sheets(report).map((sheet) => ({
        name: sheet.name,
        rows: [sheet.columns, ...sheet.rows],
        headerRows: 1,
        filter: true
      }))
    )
  )

/** The report in a format: text for table/json/csv, bytes for xlsx. @category encoding */
export const render = (report: Report, format: Format): Effect.Effect<string | Uint8Array> =>
  format === "xlsx"
    ? toXlsx(report)
    : Effect.succeed(format === "json" ? toJson(report) : format === "csv" ? toCsv(report) : toTable(report))
