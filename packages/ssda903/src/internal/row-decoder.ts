/**
 * Decoding one table's rows: the cells of each record (a CSV record as spans of its text, or an XML row by column
 * name) through the table's definition into a domain record with its line, or a `ReadError` for each value that
 * cannot be read. What each column of a file needs is remembered once per file (see `makeRowDecoder`).
 */
import { Option } from "effect"
import * as Field from "../Field.ts"
import type { ReadError, Row } from "../Ssda903.ts"
import type * as Table from "../Table.ts"

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

/**
 * The one `Some` of a shared value (see `Field.shared`) in an optional column: the value is the same object for every
 * spelling of it, so it is the key.
 */
const sharedSome = <A>(st: ColumnState, v: A): Option.Option<A> => {
  let o = st.optional.get(v) as Option.Option<A> | undefined
  if (o === undefined) {
    o = Option.some(v)
    if (st.optional.size < maxRemembered) st.optional.set(v, o)
  }
  return o
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
            return sharedSome(st, v as A)
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
          o = sharedSome(st, v)
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
