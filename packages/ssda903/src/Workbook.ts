/**
 * A small XLSX writer (Office Open XML SpreadsheetML in a zip), shared by everything `cpo` hands to Excel: the
 * validation report (`ReportFormat.toXlsx`) and the member report's tables (the API). Inline strings, numbers as
 * numbers, the first `headerRows` rows bold, optionally frozen with an auto-filter. Runs anywhere the codec runs.
 */
import { zip } from "./internal/zip.ts"

/** A cell: text or a number. @category models */
export type Cell = string | number

/** One sheet: its name (made safe by `sheetNames`), its rows, and how many of them head it. @category models */
export interface Sheet {
  readonly name: string
  readonly rows: ReadonlyArray<ReadonlyArray<Cell>>
  readonly headerRows: number
  /** Freeze the header rows and put an auto-filter on them (a table an analyst sorts and filters). */
  readonly filter?: boolean
}

/** Excel's limits: rows in a sheet (further rows are left out) and characters in a cell (longer text is cut). */
const maxRows = 1_048_576
const maxCell = 32_767

const invalidXml = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu

/** Text made safe for XML: characters XML cannot hold dropped, markup escaped. @category encoding */
export const escapeXml = (text: string): string =>
  text
    .replace(invalidXml, "")
    .replaceAll("&", "&amp;")
    .replaceAll("<", "&lt;")
    .replaceAll(">", "&gt;")
    .replaceAll('"', "&quot;")

const clip = (text: string) => (text.length > maxCell ? `${text.slice(0, maxCell - 1)}…` : text)

/** A column's letters: 0 → A, 26 → AA. @category encoding */
export const columnName = (i: number): string => {
  let n = i + 1
  let name = ""
  while (n > 0) {
    const r = (n - 1) % 26
    name = String.fromCharCode(65 + r) + name
    n = Math.floor((n - 1) / 26)
  }
  return name
}

/**
 * Sheet names as Excel allows them: at most 31 characters, none of `[]:*?/\`, unique without regard to case.
 * @category encoding
 */
export const sheetNames = (names: ReadonlyArray<string>): ReadonlyArray<string> => {
  const used = new Set<string>()
  return names.map((wanted, i) => {
    const base = wanted.replace(/[[\]:*?/\\]/g, " ").trim() || `Sheet ${i + 1}`
    let name = base.slice(0, 31)
    for (let n = 2; used.has(name.toLowerCase()); n++) name = `${base.slice(0, 31 - ` (${n})`.length)} (${n})`
    used.add(name.toLowerCase())
    return name
  })
}

const sheetXml = (sheet: Sheet): string => {
  const rows = sheet.rows.slice(0, maxRows)
  const width = Math.max(1, ...rows.slice(0, sheet.headerRows).map((r) => r.length))
  const parts: Array<string> = [
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n',
    '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
  ]
  if (sheet.filter === true && sheet.headerRows > 0) {
    const first = `A${sheet.headerRows + 1}`
    parts.push(
      `<sheetViews><sheetView workbookViewId="0"><pane ySplit="${sheet.headerRows}" topLeftCell="${first}" activePane="bottomLeft" state="frozen"/></sheetView></sheetViews>`
    )
  }
  parts.push("<sheetData>")
  rows.forEach((row, r) => {
    parts.push(`<row r="${r + 1}">`)
    row.forEach((value, c) => {
      const ref = `${columnName(c)}${r + 1}`
      const style = r < sheet.headerRows ? ' s="1"' : ""
      if (typeof value === "number") parts.push(`<c r="${ref}"${style}><v>${value}</v></c>`)
      else if (value !== "")
        parts.push(
          `<c r="${ref}"${style} t="inlineStr"><is><t xml:space="preserve">${escapeXml(clip(value))}</t></is></c>`
        )
    })
    parts.push("</row>")
  })
  parts.push("</sheetData>")
  if (sheet.filter === true && sheet.headerRows > 0) {
    parts.push(
      `<autoFilter ref="A${sheet.headerRows}:${columnName(width - 1)}${Math.max(rows.length, sheet.headerRows)}"/>`
    )
  }
  parts.push("</worksheet>")
  return parts.join("")
}

const sheetType = "application/vnd.openxmlformats-officedocument.spreadsheetml"
const relType = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"

const styles = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><fonts count="2"><font><sz val="11"/><name val="Calibri"/></font><font><b/><sz val="11"/><name val="Calibri"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/></cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>`

/**
 * The workbook's bytes. At least one sheet is written: an empty list gives one empty sheet.
 * @category encoding
 */
export const xlsx = (given: ReadonlyArray<Sheet>): Promise<Uint8Array> => {
  const sheets: ReadonlyArray<Sheet> = given.length > 0 ? given : [{ name: "Sheet 1", rows: [], headerRows: 0 }]
  const names = sheetNames(sheets.map((s) => s.name))
  const encoder = new TextEncoder()
  const part = (name: string, text: string) => ({ name, bytes: encoder.encode(text) })
  return zip([
    part(
      "[Content_Types].xml",
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="${sheetType}.sheet.main+xml"/><Override PartName="/xl/styles.xml" ContentType="${sheetType}.styles+xml"/>${sheets
        .map(
          (_, i) => `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="${sheetType}.worksheet+xml"/>`
        )
        .join("")}</Types>`
    ),
    part(
      "_rels/.rels",
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${relType}/officeDocument" Target="xl/workbook.xml"/></Relationships>`
    ),
    part(
      "xl/workbook.xml",
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="${relType}"><sheets>${names
        .map((name, i) => `<sheet name="${escapeXml(name)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`)
        .join("")}</sheets></workbook>`
    ),
    part(
      "xl/_rels/workbook.xml.rels",
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${sheets
        .map(
          (_, i) => `<Relationship Id="rId${i + 1}" Type="${relType}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`
        )
        .join(
          ""
        )}<Relationship Id="rId${sheets.length + 1}" Type="${relType}/styles" Target="styles.xml"/></Relationships>`
    ),
    part("xl/styles.xml", styles),
    ...sheets.map((sheet, i) => part(`xl/worksheets/sheet${i + 1}.xml`, sheetXml(sheet)))
  ])
}
