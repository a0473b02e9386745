/**
 * Reading a council's 903 files into a domain `Return`. CSV files are recognised by their header row (the set of
 * column names, in any order and any case), XML files by the DfE `<EXPSSDA903>` root. Every value that cannot be read
 * becomes a `ReadError` naming table, file, row, column, the raw value and what was expected — its row is left out of
 * the `Return`, never guessed at. A file that cannot be read at all fails the whole decode with `UnreadableFile`.
 *
 * Decoding is incremental: bytes go in chunk by chunk (`decodeStream` takes a Web `ReadableStream`), so a national
 * file is never held as bytes and text and records at once. Only Web APIs are used, so this runs in Node, browsers
 * and edge runtimes alike.
 */
import type { ReportingYear, Return } from "@cpo/domain"
import { Effect, Option, Schema } from "effect"
import * as Field from "./Field.ts"
import { makeCsvSpanTokenizer } from "./internal/csv.ts"
import { isProblem, makeTextDecoding } from "./internal/text.ts"
import { makeXmlReader } from "./internal/xml.ts"
import * as Table from "./Table.ts"

/** A file that cannot be read at all; `message` names the file and what is wrong. @category errors */
export class UnreadableFile extends Schema.TaggedError<UnreadableFile>()("UnreadableFile", {
  file: Schema.String,
  message: Schema.String
}) {}

/** A value that could not be read; its row is not in the decoded return. @category models */
export const ReadError = Schema.Struct({
  table: Table.Name,
  file: Schema.String,
  /** The line of the file the row starts on (the header is line 1). */
  row: Schema.Int,
  column: Schema.String,
  /** The child the row belongs to, when its CHILD could be read. */
  childId: Schema.NullOr(Schema.String),
  value: Schema.String,
  expected: Schema.String
}).annotate({ identifier: "ReadError" })
export type ReadError = typeof ReadError.Type

/** A decoded record with the line it came from, and raw spellings kept for rules that need them. @category models */
export interface Row<A> {
  readonly value: A
  readonly line: number
  readonly raw?: Readonly<Record<string, string>>
}

/** The record type of each domain table. @category models */
export type RecordOf<K extends Return.TableName> =
  Return.Return[K] extends Option.Option<ReadonlyArray<infer A>>
    ? A
    : Return.Return[K] extends ReadonlyArray<infer A>
      ? A
      : never

/** The rows of one table and the file they came from. @category models */
export interface DecodedTable<A> {
  readonly name: Table.Name
  readonly file: string
  readonly rows: ReadonlyArray<Row<A>>
}

/** Located rows of every supplied table. @category models */
export type Sources = { readonly [K in Return.TableName]?: DecodedTable<RecordOf<K>> }

/** @category models */
export interface DecodedReturn {
  readonly return: Return.Return
  /** The tables the files supplied (present, possibly empty). */
  readonly tables: ReadonlySet<Return.TableName>
  readonly errors: ReadonlyArray<ReadError>
  /** Each supplied table's rows with their lines, in file order. */
  readonly sources: Sources
}

/** @category models */
export interface DecodeOptions {
  readonly year: ReportingYear.ReportingYear
  /**
   * Read only these tables (by 903 name). A CSV file of another table is recognised by its header row and the rest of
   * it is not read; such a table is listed in `tables` as supplied but has no rows in `sources` or `return`. For last
   * year's return, which validation reads only in part (`Validation.previousTables`).
   */
  readonly tables?: ReadonlySet<Table.Name> | undefined
}

/** What one file yielded: one table for CSV, several for XML. @category models */
export interface DecodedFile {
  readonly file: string
  readonly tables: ReadonlyArray<DecodedTable<unknown>>
  /** A table the file holds but that was not asked for (`DecodeOptions.tables`), its rows left unread. */
  readonly unread?: Table.Name | undefined
  readonly errors: ReadonlyArray<ReadError>
}

/** @internal */
export interface FileDecoder {
  readonly push: (bytes: Uint8Array) => UnreadableFile | undefined
  readonly end: () => DecodedFile | UnreadableFile
  /** The file holds a table not asked for: the rest of its bytes are taken and dropped, not decoded. */
  readonly skipping: () => boolean
}

const normaliseHeader = (s: string) => s.trim().toUpperCase()

const describeColumns = (columns: ReadonlyArray<string>) => columns.join(", ")

/**
 * The table a CSV header row names, or why it names none. Exact set match, as the DfE tools do; when no table
 * matches, the nearest table is named with its missing and unexpected columns so the analyst knows what to fix.
 */
export const identifyTable = (
  file: string,
  header: ReadonlyArray<string>
): Table.Definition<unknown> | UnreadableFile => {
  const fail = (message: string) => new UnreadableFile({ file, message: `${file}: ${message}` })
  const names = header.map(normaliseHeader)
  if (names.length === 1) {
    const only = names[0] ?? ""
    for (const [sep, word] of [
      [";", "semicolons"],
      ["\t", "tabs"],
      ["|", "vertical bars"]
    ] as const) {
      if (only.includes(sep)) return fail(`its columns are separated by ${word}; 903 CSV files use commas`)
    }
  }
  const seen = new Set<string>()
  for (const n of names) {
    if (n === "") return fail("its header row has a blank column name")
    if (seen.has(n)) return fail(`its header row names column ${n} twice`)
    seen.add(n)
  }
  let best: { def: Table.Definition<unknown>; common: number } | undefined
  for (const def of Table.definitions) {
    const common = def.columns.filter((c) => seen.has(c)).length
    if (common === def.columns.length && common === seen.size) return def
    if (best === undefined || common > best.common) best = { def, common }
  }
  if (best === undefined || best.common < 2) {
    return fail(
      `its header row (${describeColumns(names.slice(0, 12))}${names.length > 12 ? ", …" : ""}) is not that of any 903 table`
    )
  }
  const missing = best.def.columns.filter((c) => !seen.has(c))
  const extra = names.filter((n) => !best.def.columns.includes(n))
  const parts = [
    missing.length > 0 ? `missing column(s) ${describeColumns(missing)}` : "",
    extra.length > 0
      ? `unexpected column(s) ${describeColumns(extra.slice(0, 12))}${extra.length > 12 ? ", …" : ""}`
      : ""
  ].filter((p) => p !== "")
  return fail(`looks like the ${best.def.name} table but has ${parts.join(" and ")}`)
}

/** Most distinct spellings remembered per column: a column of mostly distinct values should not grow without limit. */
const maxRemembered = 50_000

/** What a decoder remembers about one column of one file. */
interface ColumnState {
  readonly column: string
  /** Whether the column's reader may be remembered per spelling (see `Field.cached`). */
  cacheable: boolean | undefined
  /** Whether the column's reader gives shared values (see `Field.shared`): its `Some`s are remembered per value. */
  shared: boolean | undefined
  /** The reader's fast path over spans of CSV text (see `Field.SpanReader`), `null` when it has none. */
  span: Field.SpanReader<unknown> | null | undefined
  /** Where the column sits in a CSV record (-1: read through the row's `get`, as XML rows are). */
  readonly index: number
  /**
   * For cacheable readers: each distinct spelling and what it became (value, `Option` or `Invalid`); for shared ones,
   * each value read in an optional column and its one `Some`.
   */
  readonly required: Map<string, unknown>
  readonly optional: Map<unknown, unknown>
  /**
   * For cacheable readers read from spans of CSV text: the same, found by a hash of the cell's characters, so that a
   * cell need not be cut out as a string to be looked up; the spelling is kept to check that the cell is the same.
   */
  readonly bySpan: Map<number, SpanEntry>
  /** For free text: the previous row's spelling and value, shared when this row repeats it. */
  lastRaw: string | undefined
  lastValue: unknown
  lastOptionalRaw: string | undefined
  lastOptional: unknown
}

/** A spelling of a cacheable column and what it became (`Invalid` included), as a required and an optional cell. */
interface SpanEntry {
  readonly raw: string
  value: unknown
  option: unknown
}

/** A trimmed cell, `null` when blank. */
const cellText = (v: string | undefined): string | null => {
  if (v === undefined || v === "") return null
  // Most cells have no surrounding space: when both ends are printable ASCII, `trim` would change nothing.
  const first = v.charCodeAt(0)
  const last = v.charCodeAt(v.length - 1)
  if (first > 32 && first < 127 && last > 32 && last < 127) return v
  const t = v.trim()
  return t === "" ? null : t
}

/** Whether `text[start, start + s.length)` spells `s`. */
const spells = (text: string, start: number, s: string): boolean => {
  for (let k = 0; k < s.length; k++) if (text.charCodeAt(start + k) !== s.charCodeAt(k)) return false
  return true
}

/** A hash of `text[start, end)`, small enough to be a small integer key. */
const hashOf = (text: string, start: number, end: number): number => {
  let h = end - start
  for (let k = start; k < end; k++) h = (Math.imul(h, 31) + text.charCodeAt(k)) | 0
  return h & 0x3fffffff
}

/** Nothing found on the fast path: the cell is read from its own string. */
const notFound: unknown = Symbol("not found")

/**
 * A decoder of rows for one table of one file. One `Cells` object serves every row (no allocation per row), and one
 * state per column holds what the column needs: its position in a CSV record (given `header`, the normalised names
 * of the CSV header row), and, for cacheable readers, what each distinct spelling became — the value for a required
 * cell, the `Option` (or `Invalid`) for an optional one — so the thousands of repeats of a date or code cost one map
 * lookup and share one value and one `Some`. Free text (ids, postcodes) rarely repeats across a file but often from
 * one row to the next (a child's episodes share CHILD and usually HOME_POST), so the previous row's value is shared.
 *
 * CSV records come as spans of the chunk of text they sit in (see `CsvSpanHandler`): a cell that repeats the previous
 * row's spelling, a date in the usual form and a code or flag seen before are all read without cutting the cell out as
 * a string of its own; only new spellings are (on the national synthetic return, half the young-generation collections
 * while reading are saved).
 * @internal
 */
export const makeRowDecoder = (
  def: Table.Definition<unknown>,
  file: string,
  errors: Array<ReadError>,
  header?: ReadonlyArray<string>
) => {
  let rowGet: (column: string) => string | null = () => null
  // The CSV record being decoded: field i is text[bounds[2i], bounds[2i + 1]), for i below count.
  let text = ""
  let bounds: Int32Array = new Int32Array(0)
  let count = 0
  let line = 0
  let failed = false
  const states = new Map<string, ColumnState>()
  /**
   * The columns in the order the table's decoder asks for them, learnt from the first row, and how far this row has
   * got: a decoder asks for the same columns in the same order every row, so the next state is usually the one at the
   * cursor and no map lookup by name is needed. A column asked out of that order is found by name instead.
   */
  const sequence: Array<ColumnState> = []
  let cursor = 0
  const nextStateOf = (column: string): ColumnState => {
    const next = sequence[cursor]
    if (next !== undefined && next.column === column) {
      cursor++
      return next
    }
    const st = stateOf(column)
    if (cursor === sequence.length) {
      sequence.push(st)
      cursor++
    }
    return st
  }
  const stateOf = (column: string): ColumnState => {
    let st = states.get(column)
    if (st === undefined) {
      st = {
        column,
        cacheable: undefined,
        shared: undefined,
        span: undefined,
        index: header === undefined ? -1 : header.indexOf(column),
        required: new Map(),
        optional: new Map(),
        bySpan: new Map(),
        lastRaw: undefined,
        lastValue: undefined,
        lastOptionalRaw: undefined,
        lastOptional: undefined
      }
      states.set(column, st)
    }
    return st
  }
  const cellOf = (st: ColumnState, column: string): string | null =>
    header === undefined
      ? rowGet(column)
      : st.index < 0 || st.index >= count
        ? null
        : cellText(text.slice(bounds[2 * st.index]!, bounds[2 * st.index + 1]!))
  const get = (column: string): string | null => cellOf(stateOf(column), column)
  // The raw spellings kept beside a record (SEX) take few values: one frozen record per combination serves every row.
  const rawSeen = new Map<string, Readonly<Record<string, string>>>()
  const report = (column: string, value: string, expected: string) => {
    failed = true
    errors.push({ table: def.name, file, row: line, column, childId: get("CHILD"), value, expected })
  }
  // Where this row's cell for the column being read sits in `text`, set by `spanOf`: [spanStart, spanEnd).
  let spanStart = 0
  let spanEnd = 0
  /**
   * Whether the column's cell in this CSV row can be read on the fast path: present, not blank, and with no space to
   * trim at either end (when it has, or it is blank, the cell's own string is read as before).
   */
  const spanOf = (st: ColumnState): boolean => {
    const i = st.index
    if (header === undefined || i < 0 || i >= count) return false
    const s = bounds[2 * i]!
    const e = bounds[2 * i + 1]!
    if (s >= e) return false
    const first = text.charCodeAt(s)
    const last = text.charCodeAt(e - 1)
    if (!(first > 32 && first < 127 && last > 32 && last < 127)) return false
    spanStart = s
    spanEnd = e
    return true
  }
  /** Whether the column's cell in this CSV row is empty (no characters at all: the usual blank optional cell). */
  const isEmptySpan = (st: ColumnState): boolean =>
    header !== undefined && st.index >= 0 && st.index < count && bounds[2 * st.index] === bounds[2 * st.index + 1]
  /**
   * The entry for this row's cell (set by `spanOf`) of a cacheable column: the one remembered for its spelling, or a
   * new one, with the cell cut out as its spelling, which is remembered unless another spelling holds its hash.
   */
  const entryForSpan = (st: ColumnState): SpanEntry => {
    const hash = hashOf(text, spanStart, spanEnd)
    const seen = st.bySpan.get(hash)
    if (seen !== undefined && seen.raw.length === spanEnd - spanStart && spells(text, spanStart, seen.raw)) return seen
    const entry: SpanEntry = { raw: text.slice(spanStart, spanEnd), value: notFound, option: notFound }
    if (seen === undefined && st.bySpan.size < maxRemembered) st.bySpan.set(hash, entry)
    return entry
  }
  const cells: Table.Cells = {
    get,
    required: <A>(column: string, reader: Field.Reader<A>): A => {
      const st = nextStateOf(column)
      st.cacheable ??= Field.isCacheable(reader as Field.Reader<unknown>)
      let entry: SpanEntry | undefined
      let raw: string | null
      if (spanOf(st)) {
        const length = spanEnd - spanStart
        const previous = st.lastRaw
        // The previous row's spelling (a child's rows repeat CHILD and DOB): its value, with no string cut out.
        if (previous !== undefined && previous.length === length && spells(text, spanStart, previous)) {
          return st.lastValue as A
        }
        st.span ??= Field.spanReaderOf(reader as Field.Reader<unknown>) ?? null
        if (st.span !== null) {
          const v = st.span(text, spanStart, spanEnd)
          if (v !== undefined) return v as A
        }
        if (st.cacheable) {
          entry = entryForSpan(st)
          if (entry.value !== notFound && !Field.isInvalid(entry.value)) {
            st.lastRaw = entry.raw
            st.lastValue = entry.value
            return entry.value as A
          }
          raw = entry.raw
        } else raw = text.slice(spanStart, spanEnd)
      } else raw = cellOf(st, column)
      if (raw === null) {
        report(column, "", "a value (this field must not be blank)")
        return undefined as A
      }
      let v: A | Field.Invalid | undefined
      if (st.lastRaw === raw) {
        // The previous row's spelling (a child's rows repeat CHILD and DOB): its value, without a lookup.
        v = st.lastValue as A
      } else if (st.cacheable) {
        v = st.required.get(raw) as A | Field.Invalid | undefined
        if (v === undefined) {
          v = reader(raw)
          if (st.required.size < maxRemembered) st.required.set(raw, v)
        }
        if (entry !== undefined) entry.value = v
        if (!Field.isInvalid(v)) {
          st.lastRaw = raw
          st.lastValue = v
        }
      } else {
        v = reader(raw)
        if (!Field.isInvalid(v)) {
          st.lastRaw = raw
          st.lastValue = v
        }
      }
      if (Field.isInvalid(v)) {
        report(column, raw, v.expected)
        return undefined as A
      }
      return v
    },
    optional: <A>(column: string, reader: Field.Reader<A>): Option.Option<A> => {
      const st = nextStateOf(column)
      st.cacheable ??= Field.isCacheable(reader as Field.Reader<unknown>)
      st.shared ??= Field.isShared(reader as Field.Reader<unknown>)
      let entry: SpanEntry | undefined
      let raw: string | null
      if (isEmptySpan(st)) return Option.none()
      if (spanOf(st)) {
        const length = spanEnd - spanStart
        const previous = st.lastOptionalRaw
        if (previous !== undefined && previous.length === length && spells(text, spanStart, previous)) {
          return st.lastOptional as Option.Option<A>
        }
        st.span ??= Field.spanReaderOf(reader as Field.Reader<unknown>) ?? null
        if (st.span !== null && st.shared) {
          const v = st.span(text, spanStart, spanEnd)
          if (v !== undefined) {
            // One `Some` per value: the value is the same object for every spelling of it, so it is the key.
            let o = st.optional.get(v) as Option.Option<A> | undefined
            if (o === undefined) {
              o = Option.some(v as A)
              if (st.optional.size < maxRemembered) st.optional.set(v, o)
            }
            return o
          }
        }
        if (st.cacheable) {
          entry = entryForSpan(st)
          if (entry.option !== notFound && !Field.isInvalid(entry.option)) {
            st.lastOptionalRaw = entry.raw
            st.lastOptional = entry.option
            return entry.option as Option.Option<A>
          }
          raw = entry.raw
        } else raw = text.slice(spanStart, spanEnd)
      } else raw = cellOf(st, column)
      if (raw === null) return Option.none()
      let o: Option.Option<A> | Field.Invalid | undefined
      if (st.lastOptionalRaw === raw) {
        o = st.lastOptional as Option.Option<A>
      } else if (st.cacheable) {
        o = st.optional.get(raw) as Option.Option<A> | Field.Invalid | undefined
        if (o === undefined) {
          const v = reader(raw)
          // Options are immutable: one `Some` per distinct spelling serves every row that holds it.
          o = Field.isInvalid(v) ? v : Option.some(v)
          if (st.optional.size < maxRemembered) st.optional.set(raw, o)
        }
        if (entry !== undefined) entry.option = o
        if (!Field.isInvalid(o)) {
          st.lastOptionalRaw = raw
          st.lastOptional = o
        }
      } else {
        const v = reader(raw)
        if (Field.isInvalid(v)) o = v
        else if (st.shared) {
          // One `Some` per value: the value is the same object for every spelling of it, so it is the key.
          o = st.optional.get(v) as Option.Option<A> | undefined
          if (o === undefined) {
            o = Option.some(v)
            if (st.optional.size < maxRemembered) st.optional.set(v, o)
          }
        } else o = Option.some(v)
        if (!Field.isInvalid(o)) {
          st.lastOptionalRaw = raw
          st.lastOptional = o
        }
      }
      if (Field.isInvalid(o)) {
        report(column, raw, o.expected)
        return Option.none()
      }
      return o
    }
  }
  const finish = (): Row<unknown> | undefined => {
    failed = false
    cursor = 0
    const value = def.decode(cells)
    if (failed) return undefined
    if (def.keepRaw.length === 0) return { value, line }
    let key = ""
    for (const c of def.keepRaw) key += `${(get(c) ?? "").toUpperCase()}\u0000`
    let raw = rawSeen.get(key)
    if (raw === undefined) {
      const spelled: Record<string, string> = {}
      for (const c of def.keepRaw) spelled[c] = (get(c) ?? "").toUpperCase()
      raw = Object.freeze(spelled)
      if (rawSeen.size < maxRemembered) rawSeen.set(key, raw)
    }
    return { value, line, raw }
  }
  return {
    /**
     * The row at `rowLine` read through `get` (by column name), or `undefined` after pushing a `ReadError` for each
     * value that cannot be read.
     */
    byName: (rowLine: number, get: (column: string) => string | null): Row<unknown> | undefined => {
      rowGet = get
      line = rowLine
      return finish()
    },
    /** The same for a CSV record given as spans of text (see `CsvSpanHandler`), its cells in `header` order. */
    bySpans: (rowLine: number, recordText: string, recordBounds: Int32Array, cellCount: number) => {
      text = recordText
      bounds = recordBounds
      count = cellCount
      line = rowLine
      return finish()
    }
  }
}

/** Whether every field of a CSV record is empty or white space. */
const isBlank = (text: string, bounds: Int32Array, count: number): boolean => {
  for (let i = 0; i < count; i++) {
    const s = bounds[2 * i]!
    const e = bounds[2 * i + 1]!
    if (s >= e) continue
    const first = text.charCodeAt(s)
    // printable ASCII is not white space; anything else may be (a no-break space), so `trim` decides
    if ((first > 32 && first < 127) || text.slice(s, e).trim() !== "") return false
  }
  return true
}

const makeCsvBody = (file: string, only: ReadonlySet<Table.Name> | undefined) => {
  let def: Table.Definition<unknown> | undefined
  let skipping = false
  let childAt = -1
  let width = 0
  let failure: UnreadableFile | undefined
  const rows: Array<Row<unknown>> = []
  const errors: Array<ReadError> = []
  let decodeRow: ReturnType<typeof makeRowDecoder>["bySpans"] = () => undefined
  const cell = (text: string, bounds: Int32Array, i: number) => text.slice(bounds[2 * i]!, bounds[2 * i + 1]!)
  const accept = (line: number, text: string, bounds: Int32Array, count: number): boolean => {
    if (def === undefined) {
      const cells = Array.from({ length: count }, (_, i) => cell(text, bounds, i))
      const found = identifyTable(file, cells)
      if (found instanceof UnreadableFile) {
        failure = found
        return false
      }
      def = found
      if (only !== undefined && !only.has(found.name)) {
        skipping = true
        return false
      }
      const header = cells.map(normaliseHeader)
      decodeRow = makeRowDecoder(found, file, errors, header).bySpans
      width = count
      childAt = header.indexOf("CHILD")
      return true
    }
    if (isBlank(text, bounds, count)) return true // a blank line carries no data
    if (count !== width) {
      let extraBlank = count > width
      for (let i = width; extraBlank && i < count; i++) extraBlank = cell(text, bounds, i).trim() === ""
      if (!extraBlank) {
        errors.push({
          table: def.name,
          file,
          row: line,
          column: "(row)",
          childId: childAt < 0 || childAt >= count ? null : cell(text, bounds, childAt).trim(),
          value: `${count} fields`,
          expected: `${width} fields, as in the header row`
        })
        return true
      }
    }
    const row = decodeRow(line, text, bounds, count)
    if (row !== undefined) rows.push(row)
    return true
  }
  const tokenizer = makeCsvSpanTokenizer(accept)
  return {
    skipping: () => skipping,
    push: (text: string): UnreadableFile | undefined => {
      if (skipping) return undefined
      const problem = tokenizer.push(text)
      if (failure !== undefined) return failure
      if (problem !== undefined) return new UnreadableFile({ file, message: `${file}: ${problem}` })
      return undefined
    },
    end: (): DecodedFile | UnreadableFile => {
      if (skipping && def !== undefined) return { file, tables: [], unread: def.name, errors }
      const problem = tokenizer.end()
      if (failure !== undefined) return failure
      if (problem !== undefined) return new UnreadableFile({ file, message: `${file}: ${problem}` })
      if (def === undefined) return new UnreadableFile({ file, message: `${file}: it is empty (no header row)` })
      return { file, tables: [{ name: def.name, file, rows }], errors }
    }
  }
}

/**
 * A decoder for one file, fed bytes in chunks. The first non-blank character decides the form: `<` is XML, anything
 * else CSV.
 * @category decoding
 */
export const makeFileDecoder = (file: string, only?: ReadonlySet<Table.Name>): FileDecoder => {
  const text = makeTextDecoding()
  let body:
    | {
        push: (t: string) => UnreadableFile | undefined
        end: () => DecodedFile | UnreadableFile
        skipping?: () => boolean
      }
    | undefined
  const skipping = () => body?.skipping?.() === true
  let lead = ""
  let bytesSeen = 0
  const feed = (t: string): UnreadableFile | undefined => {
    if (body === undefined) {
      lead += t
      const trimmed = lead.replace(/^\uFEFF/, "").trimStart()
      if (trimmed === "") return undefined
      body = trimmed.startsWith("<") ? makeXmlReader(file) : makeCsvBody(file, only)
      const pending = lead.replace(/^\uFEFF/, "")
      lead = ""
      return body.push(pending)
    }
    return body.push(t)
  }
  return {
    push: (bytes) => {
      // A table left unread: its remaining bytes are not even decoded as text.
      if (skipping()) return undefined
      bytesSeen += bytes.length
      const t = text.push(bytes)
      if (isProblem(t)) return new UnreadableFile({ file, message: `${file}: ${t.problem}` })
      return feed(t)
    },
    end: () => {
      if (skipping()) return body!.end()
      const t = text.end()
      if (isProblem(t)) return new UnreadableFile({ file, message: `${file}: ${t.problem}` })
      const p = feed(t)
      if (p !== undefined) return p
      if (body === undefined) {
        return new UnreadableFile({
          file,
          message: `${file}: it is empty${bytesSeen > 0 ? " (only blank space)" : ""}; a 903 file needs a header row`
        })
      }
      return body.end()
    },
    skipping
  }
}

/**
 * Decode one file held in memory.
 * @category decoding
 */
export const decodeBytes = (
  file: string,
  bytes: Uint8Array,
  only?: ReadonlySet<Table.Name>
): Effect.Effect<DecodedFile, UnreadableFile> =>
  Effect.suspend(() => {
    const decoder = makeFileDecoder(file, only)
    // Feed in slices so the same code path as streaming is exercised and no huge intermediate string is built.
    const slice = 1 << 20
    for (let i = 0; i < bytes.length; i += slice) {
      const p = decoder.push(bytes.subarray(i, Math.min(bytes.length, i + slice)))
      if (p !== undefined) return Effect.fail(p)
    }
    const out = decoder.end()
    return out instanceof UnreadableFile ? Effect.fail(out) : Effect.succeed(out)
  })

/**
 * Decode one file from a Web stream, chunk by chunk.
 * @category decoding
 */
export const decodeStream = (
  file: string,
  stream: ReadableStream<Uint8Array>,
  only?: ReadonlySet<Table.Name>
): Effect.Effect<DecodedFile, UnreadableFile> =>
  Effect.gen(function* () {
    const decoder = makeFileDecoder(file, only)
    const reader = stream.getReader()
    const read = Effect.tryPromise({
      try: () => reader.read(),
      catch: (cause) => new UnreadableFile({ file, message: `${file}: it could not be read (${String(cause)})` })
    })
    while (true) {
      const chunk = yield* read
      if (chunk.done) break
      const p = decoder.push(chunk.value)
      if (p !== undefined) {
        yield* Effect.promise(() => reader.cancel().catch(() => undefined))
        return yield* p
      }
    }
    const out = decoder.end()
    if (out instanceof UnreadableFile) return yield* out
    return out
  })

/**
 * Put decoded files together into one return. Two files holding the same table make the set unusable: which one is
 * meant cannot be guessed.
 * @category constructors
 */
export const assemble = (
  decoded: ReadonlyArray<DecodedFile>,
  options: DecodeOptions
): Effect.Effect<DecodedReturn, UnreadableFile> =>
  Effect.suspend(() => {
    const byKey = new Map<Return.TableName, DecodedTable<unknown>>()
    // Tables supplied but not asked for (`DecodeOptions.tables`): listed as supplied, their rows left out.
    const unread = new Map<Return.TableName, string>()
    const errors: Array<ReadError> = []
    for (const f of decoded) {
      const held = f.unread === undefined ? f.tables : [...f.tables, { name: f.unread, file: f.file, rows: [] }]
      for (const t of held) {
        const key = Table.byName(t.name).key
        const before = byKey.get(key)?.file ?? unread.get(key)
        if (before !== undefined) {
          return Effect.fail(
            new UnreadableFile({
              file: t.file,
              message: `${t.file}: holds the ${t.name} table, which ${before} already holds; supply each table once`
            })
          )
        }
        if (t.name === f.unread || (options.tables !== undefined && !options.tables.has(t.name)))
          unread.set(key, t.file)
        else byKey.set(key, t)
      }
      for (const e of f.errors) if (options.tables === undefined || options.tables.has(e.table)) errors.push(e)
    }
    // Each table's values are listed the first time the return is asked for them: validation reads the located rows
    // (`sources`), and copying a national return's two million rows into value lists it may never read costs time and
    // memory. The properties are enumerable, so the return spreads, compares and encodes like a plain one.
    const ret = { year: options.year } as Record<string, unknown>
    for (const { key } of Table.definitions) {
      let listed: unknown
      Object.defineProperty(ret, key, {
        enumerable: true,
        get: () => {
          if (listed === undefined) {
            const rows = byKey.get(key)?.rows.map((r) => r.value)
            listed = key === "children" || key === "episodes" ? (rows ?? []) : Option.fromNullishOr(rows)
          }
          return listed
        }
      })
    }
    const sources = Object.fromEntries(byKey) as Sources
    return Effect.succeed({
      return: ret as Return.Return,
      tables: new Set([...byKey.keys(), ...unread.keys()]),
      errors,
      sources
    })
  })

/**
 * Decode a year's 903 files held in memory (CSV, one table each, and/or DfE XML).
 * @category decoding
 */
export const decodeFiles = (
  files: ReadonlyArray<{ readonly name: string; readonly bytes: Uint8Array }>,
  options: DecodeOptions
): Effect.Effect<DecodedReturn, UnreadableFile> =>
  Effect.flatMap(
    Effect.forEach(files, (f) => decodeBytes(f.name, f.bytes, options.tables)),
    (decoded) => assemble(decoded, options)
  )

/**
 * Decode a year's 903 files from Web streams, one at a time.
 * @category decoding
 */
export const decodeStreams = (
  files: ReadonlyArray<{ readonly name: string; readonly stream: ReadableStream<Uint8Array> }>,
  options: DecodeOptions
): Effect.Effect<DecodedReturn, UnreadableFile> =>
  Effect.flatMap(
    Effect.forEach(files, (f) => decodeStream(f.name, f.stream, options.tables)),
    (decoded) => assemble(decoded, options)
  )
