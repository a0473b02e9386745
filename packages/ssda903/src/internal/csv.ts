/**
 * A streaming RFC 4180 tokenizer: text chunks in, each record handed on as soon as it is complete, with the line it
 * starts on (handing records on one by one, rather than a chunk's worth at once, lets each row's temporary strings die
 * young instead of surviving garbage collections). Written here rather
 * than taken from `csv-parse` because it must run unchanged in Node, browsers and edge runtimes over Web streams,
 * and because a 903 file needs limits that turn hostile input (a 50 MB field, 100,000 columns, an unclosed quote)
 * into one clear message instead of memory exhaustion.
 */

/** Receives a record and the line (1-based) it starts on; returns `false` to stop tokenizing. @internal */
export type CsvRecordHandler = (line: number, cells: ReadonlyArray<string>) => boolean

/**
 * Receives a record as spans of `text`: field `i` is `text.slice(bounds[2 * i], bounds[2 * i + 1])`, for `i` below
 * `count`. Text and bounds are valid during the call only (the bounds are reused for the next record). A reader that
 * can use a field without cutting it out as a string of its own (a date read from its digits, a code recognised by its
 * characters, an id compared with the previous row's) is spared most of a file's string allocations. @internal
 */
export type CsvSpanHandler = (line: number, text: string, bounds: Int32Array, count: number) => boolean

/** @internal */
export interface CsvLimits {
  /** Longest field, in characters. */
  readonly maxFieldLength: number
  /** Most fields in one record. */
  readonly maxColumns: number
}

/** @internal */
export const defaultLimits: CsvLimits = { maxFieldLength: 100_000, maxColumns: 1_000 }

/** @internal */
export interface CsvTokenizer {
  /** Tokenize the next chunk, handing on the records it completes; returns a problem that makes the file unreadable. */
  readonly push: (text: string) => string | undefined
  /** End of input: hands on the last record, if any, or returns a problem (an unclosed quote). */
  readonly end: () => string | undefined
}

const QUOTE = 34
const COMMA = 44
const CR = 13
const LF = 10

/** A tokenizer handing on each record as a list of strings. @internal */
export const makeCsvTokenizer = (onRecord: CsvRecordHandler, limits: CsvLimits = defaultLimits): CsvTokenizer =>
  makeCsvSpanTokenizer((line, text, bounds, count) => {
    const cells: Array<string> = new Array(count)
    for (let i = 0; i < count; i++) cells[i] = text.slice(bounds[2 * i]!, bounds[2 * i + 1]!)
    return onRecord(line, cells)
  }, limits)

/** A tokenizer handing on each record as spans of text (see {@link CsvSpanHandler}). @internal */
export const makeCsvSpanTokenizer = (onRecord: CsvSpanHandler, limits: CsvLimits = defaultLimits): CsvTokenizer => {
  const bounds = new Int32Array(2 * (limits.maxColumns + 1))
  /** A record tokenized cell by cell (quoted, or split across chunks) handed on as spans of its cells joined. */
  const handOn = (at: number, done: ReadonlyArray<string>): boolean => {
    if (done.length === 1 && done[0] === "") return true
    let offset = 0
    for (let k = 0; k < done.length; k++) {
      bounds[2 * k] = offset
      offset += done[k]!.length
      bounds[2 * k + 1] = offset
    }
    return onRecord(at, done.join(""), bounds, done.length)
  }
  let line = 1
  let recordLine = 1
  let cells: Array<string> = []
  let field = ""
  let inQuotes = false
  let quoteInQuoted = false // saw a quote inside a quoted field: either an escaped quote or the closing one
  let afterCr = false
  let fieldStartedQuoted = false
  let quoteOpenedOn = 0

  const problem = (what: string) => `${what} (line ${line})`

  const endField = (): string | undefined => {
    cells.push(field)
    field = ""
    fieldStartedQuoted = false
    if (cells.length > limits.maxColumns) return problem(`a record has more than ${limits.maxColumns} fields`)
    return undefined
  }

  const push = (text: string): string | undefined => {
    let start = 0 // start of the pending slice of `text` that belongs to `field`
    const n = text.length
    // Where the next quote is in this chunk (-1: none); looked up again only once passed, so finding it is linear.
    let nextQuote = text.indexOf('"')
    // The same for a carriage return that is not part of a line's CRLF ending.
    let nextCr = text.indexOf("\r")
    for (let i = 0; i < n; i++) {
      // Fast path: at the start of a record, a whole line without quotes is split natively.
      if (!inQuotes && !afterCr && field === "" && cells.length === 0 && !fieldStartedQuoted && start === i) {
        const nl = text.indexOf("\n", i)
        if (nl >= 0) {
          if (nextQuote >= 0 && nextQuote < i) nextQuote = text.indexOf('"', i)
          if (nextQuote < 0 || nextQuote > nl) {
            const end = nl > i && text.charCodeAt(nl - 1) === CR ? nl - 1 : nl
            if (nextCr >= 0 && nextCr < i) nextCr = text.indexOf("\r", i)
            if (nextCr < 0 || nextCr >= end) {
              // Fields found by `indexOf` and handed on as spans of the chunk: no line string, no cell strings.
              let count = 0
              let longest = 0
              let from = i
              while (true) {
                let comma = text.indexOf(",", from)
                if (comma < 0 || comma > end) comma = end
                if (comma - from > longest) longest = comma - from
                if (count > limits.maxColumns) return problem(`a record has more than ${limits.maxColumns} fields`)
                bounds[2 * count] = from
                bounds[2 * count + 1] = comma
                count++
                if (comma === end) break
                from = comma + 1
              }
              if (longest > limits.maxFieldLength) {
                return problem(`a field is longer than ${limits.maxFieldLength.toLocaleString("en-GB")} characters`)
              }
              if (count > limits.maxColumns) return problem(`a record has more than ${limits.maxColumns} fields`)
              const at = recordLine
              line++
              recordLine = line
              if (!(count === 1 && end === i) && !onRecord(at, text, bounds, count)) return undefined
              i = nl
              start = nl + 1
              continue
            }
          }
        }
      }
      const c = text.charCodeAt(i)
      if (afterCr) {
        afterCr = false
        if (c === LF) {
          start = i + 1
          continue
        }
      }
      if (inQuotes) {
        if (quoteInQuoted) {
          quoteInQuoted = false
          if (c === QUOTE) {
            // an escaped quote: keep one
            field += '"'
            start = i + 1
            continue
          }
          inQuotes = false
          // fall through: the quote closed the field; this character must end it
        } else {
          if (c === QUOTE) {
            field += text.slice(start, i)
            start = i + 1
            quoteInQuoted = true
          } else if (c === LF) {
            line++
          }
          if (field.length + (i - start) > limits.maxFieldLength) {
            return problem(`a field is longer than ${limits.maxFieldLength.toLocaleString("en-GB")} characters`)
          }
          continue
        }
      }
      if (c === COMMA) {
        field += text.slice(start, i)
        start = i + 1
        const p = endField()
        if (p !== undefined) return p
      } else if (c === CR || c === LF) {
        field += text.slice(start, i)
        start = i + 1
        const p = endField()
        if (p !== undefined) return p
        const done = cells
        const at = recordLine
        cells = []
        line++
        recordLine = line
        if (c === CR) afterCr = true
        if (!handOn(at, done)) return undefined
      } else if (c === QUOTE) {
        if (field === "" && i === start && !fieldStartedQuoted) {
          inQuotes = true
          fieldStartedQuoted = true
          quoteOpenedOn = line
          start = i + 1
        } else {
          return problem(
            fieldStartedQuoted
              ? "a quoted field is followed by text before the next comma"
              : "a field holds a quote character but does not start with one (quote the whole field)"
          )
        }
      } else if (fieldStartedQuoted) {
        return problem("a quoted field is followed by text before the next comma")
      }
      if (field.length + (i - start) > limits.maxFieldLength) {
        return problem(`a field is longer than ${limits.maxFieldLength.toLocaleString("en-GB")} characters`)
      }
    }
    if (start < n) field += text.slice(start)
    return undefined
  }

  const end = (): string | undefined => {
    if (inQuotes && !quoteInQuoted) return `a quoted field opened on line ${quoteOpenedOn} is never closed`
    inQuotes = false
    quoteInQuoted = false
    if (field === "" && cells.length === 0) return undefined
    const p = endField()
    if (p !== undefined) return p
    const done = cells
    cells = []
    handOn(recordLine, done)
    return undefined
  }

  return { push, end }
}
