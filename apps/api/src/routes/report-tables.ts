/**
 * The tables of the corporate parenting report (`MemberReport.Report`) for people who work with the figures: every
 * table, chart and list of facts in the report, as one tidy CSV (one row per cell: section, table, row, column,
 * value) or as an XLSX workbook with one sheet per table. The figures are the report's own, already suppressed for
 * its audience; nothing is recomputed here.
 */
import type { MemberReport } from "@cpo/domain"
import { Workbook } from "@cpo/ssda903"

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

/**
 * The report's tables as an XLSX workbook (the shared `Workbook` writer of `@cpo/ssda903`): one sheet per table, its
 * caption in the first row and its column headings in the second, both bold; numbers as numbers, `c` and `x` as text.
 * @category encoding
 */
export const toXlsx = (report: MemberReport.Report): Promise<Uint8Array> =>
  Workbook.xlsx(
    tablesOf(report).map((table) => ({
      name: table.caption,
      rows: [[table.caption], table.columns, ...table.rows],
      headerRows: 2
    }))
  )
