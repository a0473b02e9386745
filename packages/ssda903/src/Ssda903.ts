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
import { makeCsvSpanTokenizer } from "./internal/csv.ts"
import { makeRowDecoder } from "./internal/row-decoder.ts"
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
