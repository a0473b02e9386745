/**
 * A child's rows as the analyst wrote them, for the drill-down: the CSV rows whose CHILD is the child (under the
 * file's header), or the lines of the child's `<CHILD>` element in the DfE XML. Read again from the file on demand,
 * because the codec keeps only the rows it could decode and the drill-down must show the unreadable ones too.
 */
import type { ChildSource, SourceRow } from "./protocol.ts"

/** One CSV record and the line it starts on (1-based; the header is line 1). @category models */
export interface CsvRecord {
  readonly line: number
  readonly cells: ReadonlyArray<string>
}

/**
 * Split CSV text into records (RFC 4180: quoted fields may hold commas, doubled quotes and line breaks). A BOM is
 * dropped. The codec has already accepted the file, so this reader needs no limits of its own.
 * @category decoding
 */
export const csvRecords = (text: string): ReadonlyArray<CsvRecord> => {
  const out: Array<CsvRecord> = []
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text
  let cells: Array<string> = []
  let cell = ""
  let quoted = false
  let line = 1
  let start = 1
  const endRecord = () => {
    cells.push(cell)
    if (!(cells.length === 1 && cells[0] === "")) out.push({ line: start, cells })
    cells = []
    cell = ""
  }
  for (let i = 0; i < body.length; i++) {
    const ch = body[i]
    if (quoted) {
      if (ch === '"') {
        if (body[i + 1] === '"') {
          cell += '"'
          i++
        } else quoted = false
      } else {
        if (ch === "\n") line++
        cell += ch
      }
    } else if (ch === '"') quoted = true
    else if (ch === ",") {
      cells.push(cell)
      cell = ""
    } else if (ch === "\n" || ch === "\r") {
      if (ch === "\r" && body[i + 1] === "\n") i++
      endRecord()
      line++
      start = line
    } else cell += ch
  }
  if (cell !== "" || cells.length > 0) endRecord()
  return out
}

const sameId = (a: string, b: string) => a.trim().toUpperCase() === b.trim().toUpperCase()

/**
 * The rows of `childId` in one CSV table, each with the columns the errors at its line point at.
 * @category getters
 */
export const childCsvRows = (
  text: string,
  file: string,
  table: string,
  childId: string,
  flaggedAt: (line: number) => ReadonlyArray<string>
): ChildSource | undefined => {
  const [header, ...records] = csvRecords(text)
  if (header === undefined) return undefined
  const columns = header.cells.map((c) => c.trim().toUpperCase())
  const child = columns.indexOf("CHILD")
  if (child < 0) return undefined
  const rows: Array<SourceRow> = records
    .filter((r) => sameId(r.cells[child] ?? "", childId))
    .map((r) => ({ line: r.line, cells: r.cells, flagged: flaggedAt(r.line) }))
  return rows.length === 0 ? undefined : { kind: "csv", file, table, columns, rows }
}

/**
 * The lines of the `<CHILD>` element of `childId` in a DfE XML file (`<CHILDID>` names the child), each marked when
 * an error points at it.
 * @category getters
 */
export const childXmlLines = (
  text: string,
  file: string,
  childId: string,
  isFlagged: (line: number) => boolean
): ChildSource | undefined => {
  const lines = text.split(/\r?\n/)
  const wanted = new RegExp(`<CHILDID>\\s*${childId.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}\\s*</CHILDID>`, "i")
  let from = -1
  for (let i = 0; i < lines.length; i++) {
    const text = lines[i] ?? ""
    if (/<CHILD>/i.test(text)) from = i
    if (from >= 0 && /<\/CHILD>/i.test(text)) {
      const block = lines.slice(from, i + 1)
      if (block.some((l) => wanted.test(l))) {
        return {
          kind: "xml",
          file,
          lines: block.map((l, n) => ({ line: from + n + 1, text: l, flagged: isFlagged(from + n + 1) }))
        }
      }
      from = -1
    }
  }
  return undefined
}
