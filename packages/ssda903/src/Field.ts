/**
 * Reading one 903 value. Each reader takes the trimmed cell (`null` when blank) and gives the domain value or what
 * was expected, in words an analyst can act on. Nothing is coerced: a value is either read exactly or reported.
 */
import { CalendarDate, type CodeList, type PreviousPermanence } from "@cpo/domain"
import { Option } from "effect"

/** A value that could not be read, with what was expected. @category models */
export interface Invalid {
  readonly _tag: "Invalid"
  readonly expected: string
}

/** @category constructors */
export const invalid = (expected: string): Invalid => ({ _tag: "Invalid", expected })

/** @category predicates */
export const isInvalid = (x: unknown): x is Invalid =>
  typeof x === "object" && x !== null && (x as { _tag?: unknown })._tag === "Invalid"

/** A reader for a non-blank cell. @category models */
export type Reader<A> = (raw: string) => A | Invalid

/**
 * Mark a reader worth remembering per file: dates, codes and flags repeat across thousands of rows, so a decoder keeps
 * one value per distinct spelling and column (which also shares one string per date in memory). Only pure readers
 * may be marked: a remembered value stands for every later cell spelled the same.
 * @category constructors
 */
export const cached = <A>(read: Reader<A>): Reader<A> => Object.assign(read, { cached: true })

/** A reader of free text (ids, postcodes), whose values rarely repeat. @category constructors */
export const freeText = <A>(read: Reader<A>): Reader<A> => read

/**
 * Mark a reader whose values are shared already: it gives one value for each distinct value however spelled (a
 * calendar day is one string, `CalendarDate.unsafeFromParts`). A decoder need not remember its values per spelling,
 * and keeps one `Some` per value for an optional column.
 * @category constructors
 */
export const shared = <A>(read: Reader<A>): Reader<A> => Object.assign(read, { shared: true })

/**
 * A reader's fast path over a cell still inside the CSV text it came in (`text[start, end)`, trimmed and not blank):
 * the value, or `undefined` to leave the cell to the reader itself, which reads it, or says what was wrong with it,
 * from the cell's own string.
 * @category models
 */
export type SpanReader<A> = (text: string, start: number, end: number) => A | undefined

/** Give a reader a fast path over spans of text (see {@link SpanReader}). @category constructors */
export const withSpan = <A>(read: Reader<A>, span: SpanReader<A>): Reader<A> => Object.assign(read, { span })

/** A reader's fast path over spans of text, if it has one. @category getters */
export const spanReaderOf = <A>(read: Reader<A>): SpanReader<A> | undefined => (read as { span?: SpanReader<A> }).span

/** The number written in `s[from, to)` if it is all ASCII digits, else -1. */
const digits = (s: string, from: number, to: number): number => {
  let n = 0
  for (let i = from; i < to; i++) {
    const c = s.charCodeAt(i) - 48
    if (c < 0 || c > 9) return -1
    n = n * 10 + c
  }
  return n
}

const dmy = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/
const iso = /^(\d{4})-(\d{2})-(\d{2})$/
const dateExpected = "a date as dd/mm/yyyy (or yyyy-mm-dd)"

/** The usual dd/mm/yyyy read by character codes, the day's one shared string looked up by its parts. */
const dayMonthYear: SpanReader<CalendarDate.CalendarDate> = (text, start, end) => {
  if (end - start !== 10 || text.charCodeAt(start + 2) !== 47 || text.charCodeAt(start + 5) !== 47) return undefined
  const d = digits(text, start, start + 2)
  const m = digits(text, start + 3, start + 5)
  const y = digits(text, start + 6, end)
  return d >= 1 && m >= 1 && m <= 12 && y >= 1 && d <= CalendarDate.daysInMonth(y, m)
    ? CalendarDate.unsafeFromParts(y, m, d)
    : undefined
}

/**
 * A 903 date: `dd/mm/yyyy` as the spec writes it (one-digit day or month accepted), or ISO `yyyy-mm-dd`. A day that
 * does not exist (31/04/2018) is invalid, not rolled over.
 * @category decoding
 */
export const date: Reader<CalendarDate.CalendarDate> = withSpan(
  shared((raw) => {
    const fast = dayMonthYear(raw, 0, raw.length)
    if (fast !== undefined) return fast
    const m = dmy.exec(raw)
    if (m !== null) {
      const d = CalendarDate.fromParts(Number(m[3]), Number(m[2]), Number(m[1]))
      return d._tag === "Some" ? d.value : invalid(`${dateExpected}; there is no such day`)
    }
    const i = iso.exec(raw)
    if (i !== null) {
      const d = CalendarDate.fromParts(Number(i[1]), Number(i[2]), Number(i[3]))
      return d._tag === "Some" ? d.value : invalid(`${dateExpected}; there is no such day`)
    }
    return invalid(dateExpected)
  }),
  dayMonthYear
)

const partialDmy = /^(\d{1,2}|ZZ)\/(\d{1,2}|ZZ)\/(\d{4}|ZZZZ)$/

/**
 * A date whose unknown parts may be written `ZZ`/`ZZZZ` (PrevPerm DATE_PERM). Known parts must still make sense.
 * @category decoding
 */
export const partialDate: Reader<PreviousPermanence.PartialDate> = cached((raw) => {
  const m = partialDmy.exec(raw.toUpperCase())
  const expected = "a date as dd/mm/yyyy, with ZZ or ZZZZ for unknown parts"
  if (m === null) {
    const full = date(raw)
    if (isInvalid(full)) return invalid(expected)
    return partial(CalendarDate.year(full), CalendarDate.month(full), CalendarDate.day(full))
  }
  const part = (s: string | undefined) => (s === undefined || s.startsWith("Z") ? null : Number(s))
  const day = part(m[1])
  const month = part(m[2])
  const year = part(m[3])
  if (month !== null && (month < 1 || month > 12)) return invalid(`${expected}; there is no month ${month}`)
  if (day !== null) {
    const max =
      month === null
        ? 31
        : year === null
          ? CalendarDate.daysInMonth(2000, month) // 2000 is a leap year: 29/02 with an unknown year is allowed
          : CalendarDate.daysInMonth(year, month)
    if (day < 1 || day > max) return invalid(`${expected}; there is no such day`)
  }
  return partial(year, month, day)
})

const partial = (year: number | null, month: number | null, day: number | null): PreviousPermanence.PartialDate => ({
  year: Option.fromNullishOr(year),
  month: Option.fromNullishOr(month),
  day: Option.fromNullishOr(day)
})

/**
 * A code from a DfE code list, upper-cased first as the DfE tools do.
 * @category decoding
 */
export const code = <C extends string>(list: CodeList.CodeList<C>, describe?: string): Reader<C> =>
  cached((raw) => list.find(raw.toUpperCase()) ?? invalid(describe ?? `one of ${list.codes.join(", ")}`))

/**
 * A 0/1 flag; TRUE/FALSE and Y/N are read too, since spreadsheet exports write them and they are unambiguous.
 * @category decoding
 */
export const flag: Reader<boolean> = cached((raw) => {
  switch (raw.toUpperCase()) {
    case "1":
    case "TRUE":
    case "Y":
      return true
    case "0":
    case "FALSE":
    case "N":
      return false
    default:
      return invalid("0 or 1")
  }
})

/** A whole number in a range. @category decoding */
export const integer = (min: number, max: number): Reader<number> =>
  cached((raw) =>
    /^\d{1,9}$/.test(raw) && Number(raw) >= min && Number(raw) <= max
      ? Number(raw)
      : invalid(`a whole number from ${min} to ${max}`)
  )

/** Free text, kept as written. @category decoding */
export const text: Reader<string> = freeText((raw) => raw)

/** Text upper-cased, as the DfE tools load codes, UPNs and postcodes. @category decoding */
export const upper: Reader<string> = freeText((raw) => raw.toUpperCase())

/** Whether a decoder should remember this reader's values (see {@link cached}). @category predicates */
export const isCacheable = (read: Reader<unknown>): boolean => (read as { cached?: boolean }).cached === true

/** Whether a reader's values are shared already (see {@link shared}). @category predicates */
export const isShared = (read: Reader<unknown>): boolean => (read as { shared?: boolean }).shared === true

/** One of a fixed set of upper-cased spellings, mapped to a value. @category decoding */
export const oneOf = <A>(mapping: Readonly<Record<string, A>>, expected: string): Reader<A> =>
  cached((raw) => {
    const up = raw.toUpperCase()
    return Object.hasOwn(mapping, up) ? (mapping[up] as A) : invalid(expected)
  })
