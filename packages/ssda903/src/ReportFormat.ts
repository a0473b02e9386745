/**
 * A validation report as an analyst reads it: JSON (the whole report), CSV (one line per error, opens in Excel),
 * XLSX (errors, summary by rule, by table, and every rule's outcome, one sheet each) and a plain-text table for the
 * terminal. Rows are the lines of the source file, so an analyst can go straight to them.
 */
import { Effect } from "effect"
import { zip } from "./internal/zip.ts"
import type { Report, ValidationError } from "./Validation.ts"

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

/** Excel's limits: characters in a cell, rows in a sheet. */
const maxCell = 32_767
const maxRows = 1_048_576

// Characters XML 1.0 cannot hold at all (most C0 controls, lone surrogates, U+FFFE/FFFF) are dropped from cell text.
const invalidXml = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu

const escapeXml = (s: string) =>
  clip(s, maxCell)
    .replace(invalidXml, "")
    .replaceAll("&", "&amp;")
    .replaceAll("<", "&lt;")
    .replaceAll(">", "&gt;")
    .replaceAll('"', "&quot;")

const columnName = (i: number): string => {
  let n = i + 1
  let s = ""
  while (n > 0) {
    const r = (n - 1) % 26
    s = String.fromCharCode(65 + r) + s
    n = Math.floor((n - 1) / 26)
  }
  return s
}

type Cell = string | number

interface Sheet {
  readonly name: string
  readonly columns: ReadonlyArray<string>
  readonly rows: ReadonlyArray<ReadonlyArray<Cell>>
}

const sheetXml = (sheet: Sheet): string => {
  const parts: Array<string> = [
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n',
    '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">',
    '<sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/></sheetView></sheetViews>',
    "<sheetData>"
  ]
  const rows = [sheet.columns as ReadonlyArray<Cell>, ...sheet.rows.slice(0, maxRows - 1)]
  rows.forEach((row, r) => {
    parts.push(`<row r="${r + 1}">`)
    row.forEach((v, c) => {
      const ref = `${columnName(c)}${r + 1}`
      const style = r === 0 ? ' s="1"' : ""
      if (typeof v === "number") parts.push(`<c r="${ref}"${style}><v>${v}</v></c>`)
      else if (v !== "")
        parts.push(`<c r="${ref}"${style} t="inlineStr"><is><t xml:space="preserve">${escapeXml(v)}</t></is></c>`)
    })
    parts.push("</row>")
  })
  parts.push("</sheetData>")
  parts.push(`<autoFilter ref="A1:${columnName(Math.max(sheet.columns.length - 1, 0))}${rows.length}"/>`)
  parts.push("</worksheet>")
  return parts.join("")
}

const contentTypes = (n: number) =>
  `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>${Array.from(
    { length: n },
    (_, i) =>
      `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`
  ).join("")}</Types>`

const rootRels = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`

const workbook = (sheets: ReadonlyArray<Sheet>) =>
  `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>${sheets
    .map((s, i) => `<sheet name="${escapeXml(s.name)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`)
    .join("")}</sheets></workbook>`

const workbookRels = (n: number) =>
  `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${Array.from(
    { length: n },
    (_, i) =>
      `<Relationship Id="rId${i + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`
  ).join(
    ""
  )}<Relationship Id="rId${n + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>`

const styles = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><fonts count="2"><font><sz val="11"/><name val="Calibri"/></font><font><b/><sz val="11"/><name val="Calibri"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/></cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>`

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
  Effect.promise(() => {
    const encoder = new TextEncoder()
    const all = sheets(report)
    const text = (name: string, body: string) => ({ name, bytes: encoder.encode(body) })
    return zip([
      text("[Content_Types].xml", contentTypes(all.length)),
      text("_rels/.rels", rootRels),
      text("xl/workbook.xml", workbook(all)),
      text("xl/_rels/workbook.xml.rels", workbookRels(all.length)),
      text("xl/styles.xml", styles),
      ...all.map((s, i) => text(`xl/worksheets/sheet${i + 1}.xml`, sheetXml(s)))
    ])
  })

/** The report in a format: text for table/json/csv, bytes for xlsx. @category encoding */
export const render = (report: Report, format: Format): Effect.Effect<string | Uint8Array> =>
  format === "xlsx"
    ? toXlsx(report)
    : Effect.succeed(format === "json" ? toJson(report) : format === "csv" ? toCsv(report) : toTable(report))
