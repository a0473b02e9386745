/**
 * A small CSV table a council keeps up to date by hand — targets, benchmarks — read from text: a header row naming
 * the columns, then one record per line (RFC 4180 quoting, CRLF or LF, a UTF-8 BOM ignored). Reading is pure: text
 * in, rows with their line numbers out, or an error naming the file, line and column.
 */
import { Result, Schema } from "effect"

/** @category errors */
export class CsvTableInvalid extends Schema.TaggedError<CsvTableInvalid>()("CsvTableInvalid", {
  file: Schema.String,
  line: Schema.Int,
  column: Schema.optionalKey(Schema.String),
  problem: Schema.String
}) {
  override get message(): string {
    return `${this.file} line ${this.line}${this.column === undefined ? "" : `, column ${this.column}`}: ${this.problem}`
  }
}

/** One record, keyed by lower-cased column name, with its line in the file (the header is line 1). @category models */
export interface Row {
  readonly line: number
  readonly values: Readonly<Record<string, string>>
}

const splitRecords = (text: string): Array<{ line: number; fields: Array<string> }> => {
  const records: Array<{ line: number; fields: Array<string> }> = []
  let fields: Array<string> = []
  let field = ""
  let quoted = false
  let line = 1
  let recordLine = 1
  const s = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text
  for (let i = 0; i < s.length; i++) {
    const ch = s[i]!
    if (quoted) {
      if (ch === '"' && s[i + 1] === '"') {
        field += '"'
        i++
      } else if (ch === '"') quoted = false
      else {
        if (ch === "\n") line++
        field += ch
      }
    } else if (ch === '"' && field === "") quoted = true
    else if (ch === ",") {
      fields.push(field)
      field = ""
    } else if (ch === "\n" || ch === "\r") {
      if (ch === "\r" && s[i + 1] === "\n") i++
      fields.push(field)
      records.push({ line: recordLine, fields })
      fields = []
      field = ""
      line++
      recordLine = line
    } else field += ch
  }
  if (field !== "" || fields.length > 0) {
    fields.push(field)
    records.push({ line: recordLine, fields })
  }
  return records.filter((r) => !(r.fields.length === 1 && r.fields[0]!.trim() === ""))
}

/**
 * Read a table whose header must hold every `required` column (any order, any case; other columns are kept).
 * @category decoding
 */
export const read = (
  text: string,
  file: string,
  required: ReadonlyArray<string>
): Result.Result<ReadonlyArray<Row>, CsvTableInvalid> => {
  const records = splitRecords(text)
  const header = records[0]
  if (header === undefined) return Result.fail(new CsvTableInvalid({ file, line: 1, problem: "the file is empty" }))
  const names = header.fields.map((f) => f.trim().toLowerCase())
  const missing = required.filter((c) => !names.includes(c))
  if (missing.length > 0) {
    return Result.fail(
      new CsvTableInvalid({
        file,
        line: header.line,
        problem: `missing column(s) ${missing.join(", ")}; expected ${required.join(",")}`
      })
    )
  }
  const rows: Array<Row> = []
  for (const r of records.slice(1)) {
    if (r.fields.length !== names.length) {
      return Result.fail(
        new CsvTableInvalid({
          file,
          line: r.line,
          problem: `${r.fields.length} field(s) where the header has ${names.length}`
        })
      )
    }
    const values: Record<string, string> = {}
    names.forEach((n, i) => {
      values[n] = r.fields[i]!.trim()
    })
    rows.push({ line: r.line, values })
  }
  return Result.succeed(rows)
}

/**
 * A number from a column, or an error naming the cell.
 * @category decoding
 */
export const number = (
  row: Row,
  file: string,
  column: string,
  options: { readonly integer?: boolean } = {}
): Result.Result<number, CsvTableInvalid> => {
  const raw = row.values[column] ?? ""
  const n = raw === "" ? Number.NaN : Number(raw)
  if (!Number.isFinite(n) || (options.integer === true && !Number.isInteger(n))) {
    return Result.fail(
      new CsvTableInvalid({
        file,
        line: row.line,
        column,
        problem: `"${raw}" is not ${options.integer === true ? "a whole number" : "a number"}`
      })
    )
  }
  return Result.succeed(n)
}
