/**
 * The tables of the corporate parenting report (`MemberReport.Report`) for people who work with the figures: every
 * table, chart and list of facts in the report, as one tidy CSV (one row per cell: section, table, row, column,
 * value) or as an XLSX workbook with one sheet per table. The figures are the report's own, already suppressed for
 * its audience; nothing is recomputed here.
 */
import type { MemberReport } from "@cpo/domain"

/** One table of the report, flattened to text. @category models */
export interface ReportTable {
  readonly section: string
  readonly caption: string
  readonly columns: ReadonlyArray<string>
  /** The first cell of each row heads it; a cell is a number when the report marks it numeric and it is one. */
  readonly rows: ReadonlyArray<ReadonlyArray<string | number>>
}

const plainNumber = /^-?\d+(?:\.\d+)?$/

const cellValue = (cell: MemberReport.Cell): string | number =>
  cell.numeric === true && plainNumber.test(cell.text) ? Number(cell.text) : cell.text

const blockTables = (section: string, block: MemberReport.Block): ReadonlyArray<ReportTable> => {
  switch (block._tag) {
    case "Table":
      return [
        {
          section,
          caption: block.table.caption,
          columns: block.table.columns,
          rows: block.table.rows.map((row) => row.map(cellValue))
        }
      ]
    case "Chart":
      return [
        {
          section,
          caption: block.chart.title,
          columns: ["", "Figure"],
          rows: block.chart.bars.map((bar) => [
            bar.label,
            plainNumber.test(bar.display) ? Number(bar.display) : bar.display
          ])
        }
      ]
    case "Facts":
      return [
        {
          section,
          caption: section,
          columns: ["", ""],
          rows: block.facts.map((fact) => [fact.term, cellValue(fact.value)])
        }
      ]
    default:
      return []
  }
}

const sectionTables = (section: MemberReport.Section, parent?: string): ReadonlyArray<ReportTable> => {
  const name = parent === undefined ? section.heading : `${parent}: ${section.heading}`
  return [
    ...section.blocks.flatMap((block) => blockTables(name, block)),
    ...section.subsections.flatMap((sub) => sectionTables(sub, name))
  ]
}

/**
 * Every table of the report, in reading order.
 * @category getters
 */
export const tablesOf = (report: MemberReport.Report): ReadonlyArray<ReportTable> =>
  report.sections.flatMap((section) => sectionTables(section))

const csvField = (value: string | number): string => {
  const text = String(value)
  // A leading =, +, - or @ would be read as a formula by a spreadsheet (CSV injection), so it is quoted with a '.
  const safe = typeof value === "string" && /^[=+\-@\t\r]/.test(text) && !plainNumber.test(text) ? `'${text}` : text
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe
}

/**
 * The report's tables as one tidy CSV: `section,table,row,column,value`, one line per cell (RFC 4180, CRLF).
 * @category encoding
 */
export const toCsv = (report: MemberReport.Report): string => {
  const lines = [["section", "table", "row", "column", "value"].join(",")]
  for (const table of tablesOf(report)) {
    for (const row of table.rows) {
      const head = String(row[0] ?? "")
      row.forEach((value, i) => {
        if (i === 0) return
        const column = table.columns[i] ?? ""
        lines.push([table.section, table.caption, head, column, value].map(csvField).join(","))
      })
    }
  }
  return `${lines.join("\r\n")}\r\n`
}

// ---- XLSX: SpreadsheetML parts in a ZIP of stored (uncompressed) entries -------------------------------------------

const crcTable = Uint32Array.from({ length: 256 }, (_, n) => {
  let c = n
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1
  return c >>> 0
})

const crc32 = (bytes: Uint8Array): number => {
  let c = 0xffffffff
  for (const b of bytes) c = crcTable[(c ^ b) & 0xff]! ^ (c >>> 8)
  return (c ^ 0xffffffff) >>> 0
}

/** A ZIP (PKWARE APPNOTE 6.3) of stored entries with a fixed 1980-01-01 time, so the same report gives the same bytes. */
const zipStored = (entries: ReadonlyArray<{ readonly name: string; readonly bytes: Uint8Array }>): Uint8Array => {
  const encoder = new TextEncoder()
  const locals: Array<Uint8Array> = []
  const centrals: Array<Uint8Array> = []
  let offset = 0
  for (const entry of entries) {
    const name = encoder.encode(entry.name)
    const crc = crc32(entry.bytes)
    const size = entry.bytes.length
    const local = new Uint8Array(30 + name.length)
    const l = new DataView(local.buffer)
    l.setUint32(0, 0x04034b50, true)
    l.setUint16(4, 20, true)
    l.setUint16(6, 0x0800, true) // names are UTF-8
    l.setUint16(8, 0, true) // stored
    l.setUint16(10, 0, true)
    l.setUint16(12, 0x21, true) // 1980-01-01
    l.setUint32(14, crc, true)
    l.setUint32(18, size, true)
    l.setUint32(22, size, true)
    l.setUint16(26, name.length, true)
    local.set(name, 30)
    const central = new Uint8Array(46 + name.length)
    const c = new DataView(central.buffer)
    c.setUint32(0, 0x02014b50, true)
    c.setUint16(4, 20, true)
    c.setUint16(6, 20, true)
    c.setUint16(8, 0x0800, true)
    c.setUint16(10, 0, true)
    c.setUint16(12, 0, true)
    c.setUint16(14, 0x21, true)
    c.setUint32(16, crc, true)
    c.setUint32(20, size, true)
    c.setUint32(24, size, true)
    c.setUint16(28, name.length, true)
    c.setUint32(42, offset, true)
    central.set(name, 46)
    locals.push(local, entry.bytes)
    centrals.push(central)
    offset += local.length + size
  }
  const centralSize = centrals.reduce((n, b) => n + b.length, 0)
  const end = new Uint8Array(22)
  const e = new DataView(end.buffer)
  e.setUint32(0, 0x06054b50, true)
  e.setUint16(8, entries.length, true)
  e.setUint16(10, entries.length, true)
  e.setUint32(12, centralSize, true)
  e.setUint32(16, offset, true)
  const parts = [...locals, ...centrals, end]
  const out = new Uint8Array(parts.reduce((n, b) => n + b.length, 0))
  let at = 0
  for (const part of parts) {
    out.set(part, at)
    at += part.length
  }
  return out
}

const invalidXml = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu

const xml = (text: string): string =>
  text
    .replace(invalidXml, "")
    .replaceAll("&", "&amp;")
    .replaceAll("<", "&lt;")
    .replaceAll(">", "&gt;")
    .replaceAll('"', "&quot;")

const column = (i: number): string => {
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
export const sheetNames = (captions: ReadonlyArray<string>): ReadonlyArray<string> => {
  const used = new Set<string>()
  return captions.map((caption, i) => {
    const base = caption.replace(/[[\]:*?/\\]/g, " ").trim() || `Table ${i + 1}`
    let name = base.slice(0, 31)
    for (let n = 2; used.has(name.toLowerCase()); n++) name = `${base.slice(0, 31 - ` (${n})`.length)} (${n})`
    used.add(name.toLowerCase())
    return name
  })
}

const sheetXml = (table: ReportTable): string => {
  const rows = [[table.caption], table.columns, ...table.rows]
  const body = rows
    .map((row, r) => {
      const cells = row
        .map((value, c) => {
          const ref = `${column(c)}${r + 1}`
          const style = r < 2 ? ' s="1"' : ""
          if (typeof value === "number") return `<c r="${ref}"${style}><v>${value}</v></c>`
          if (value === "") return ""
          return `<c r="${ref}"${style} t="inlineStr"><is><t xml:space="preserve">${xml(value)}</t></is></c>`
        })
        .join("")
      return `<row r="${r + 1}">${cells}</row>`
    })
    .join("")
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${body}</sheetData></worksheet>`
}

const styles = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><fonts count="2"><font><sz val="11"/><name val="Calibri"/></font><font><b/><sz val="11"/><name val="Calibri"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/></cellXfs></styleSheet>`

/**
 * The report's tables as an XLSX workbook (Office Open XML SpreadsheetML): one sheet per table, its caption in the
 * first row and its column headings in the second, both bold; numbers as numbers, `c` and `x` as text.
 * @category encoding
 */
export const toXlsx = (report: MemberReport.Report): Uint8Array => {
  const found = tablesOf(report)
  // A workbook needs at least one sheet.
  const tables: ReadonlyArray<ReportTable> =
    found.length > 0 ? found : [{ section: report.title, caption: "No tables", columns: [], rows: [] }]
  const names = sheetNames(tables.map((t) => t.caption))
  const encoder = new TextEncoder()
  const part = (name: string, text: string) => ({ name, bytes: encoder.encode(text) })
  const sheetType = "application/vnd.openxmlformats-officedocument.spreadsheetml"
  const relType = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
  return zipStored([
    part(
      "[Content_Types].xml",
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="${sheetType}.sheet.main+xml"/><Override PartName="/xl/styles.xml" ContentType="${sheetType}.styles+xml"/>${tables
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
        .map((name, i) => `<sheet name="${xml(name)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`)
        .join("")}</sheets></workbook>`
    ),
    part(
      "xl/_rels/workbook.xml.rels",
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${tables
        .map(
          (_, i) => `<Relationship Id="rId${i + 1}" Type="${relType}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`
        )
        .join(
          ""
        )}<Relationship Id="rId${tables.length + 1}" Type="${relType}/styles" Target="styles.xml"/></Relationships>`
    ),
    part("xl/styles.xml", styles),
    ...tables.map((table, i) => part(`xl/worksheets/sheet${i + 1}.xml`, sheetXml(table)))
  ])
}
