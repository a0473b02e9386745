/**
 * A calendar day, as the 903 records dates: no time of day and no time zone.
 *
 * Held as an ISO `YYYY-MM-DD` string. Two such strings compare in date order with `<`, they read plainly in JSON,
 * CSV and SQL, and no time-zone shift can move a date of birth to the day before — the trap of holding a day as a
 * `Date` or `DateTime` at midnight. Arithmetic goes through day numbers (days since 1970-01-01).
 */
import { Option, Schema } from "effect"

const isoPattern = /^(\d{4})-(\d{2})-(\d{2})$/
const msPerDay = 86_400_000

const isRealDay = (y: number, m: number, d: number): boolean => {
  if (m < 1 || m > 12 || d < 1) return false
  return d <= daysInMonth(y, m)
}

/** @category schemas */
export const CalendarDate = Schema.String.pipe(
  Schema.check(
    Schema.makeFilter<string>(
      (s) => {
        const m = isoPattern.exec(s)
        return m !== null && isRealDay(Number(m[1]), Number(m[2]), Number(m[3]))
      },
      { description: "a calendar date as YYYY-MM-DD" }
    )
  ),
  Schema.brand("CalendarDate")
).annotate({ identifier: "CalendarDate", title: "Calendar date", examples: ["2018-03-31" as never] })
export type CalendarDate = typeof CalendarDate.Type

/** @category getters */
export const isLeapYear = (y: number): boolean => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0

/** @category getters */
export const daysInMonth = (y: number, m: number): number =>
  m === 2 ? (isLeapYear(y) ? 29 : 28) : m === 4 || m === 6 || m === 9 || m === 11 ? 30 : 31

/**
 * A date from its parts, or `None` when no such day exists (31 April, 29 February 2019).
 * @category constructors
 */
export const fromParts = (year: number, month: number, day: number): Option.Option<CalendarDate> =>
  Number.isInteger(year) && year >= 1 && year <= 9999 && isRealDay(year, month, day)
    ? Option.some(unsafeFromParts(year, month, day))
    : Option.none()

/** The years whose days `unsafeFromParts` remembers: every date a 903 return holds, with room either side. */
const firstCachedYear = 1900
const cachedYears = 250
const spelled: Array<CalendarDate | undefined> = new Array(cachedYears * 416).fill(undefined)

/**
 * A date from parts already known to be valid.
 * @category constructors
 */
export const unsafeFromParts = (year: number, month: number, day: number): CalendarDate => {
  if (
    !(year >= firstCachedYear && year < firstCachedYear + cachedYears && month >= 1 && month <= 12 && day >= 1) ||
    day > 31
  )
    return spell(year, month, day)
  // One string per day, made once: rules and indicators take ages and day numbers millions of times in a national
  // year, and a date built afresh each time is several new strings that a later `<` comparison flattens again.
  const slot = (year - firstCachedYear) * 416 + month * 32 + day
  let d = spelled[slot]
  if (d === undefined) {
    d = spell(year, month, day)
    spelled[slot] = d
  }
  return d
}

const spell = (year: number, month: number, day: number): CalendarDate =>
  `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}` as CalendarDate

/**
 * A date from an ISO string, or `None` when it is not one.
 * @category constructors
 */
export const fromIso = (s: string): Option.Option<CalendarDate> => {
  const m = isoPattern.exec(s)
  return m === null ? Option.none() : fromParts(Number(m[1]), Number(m[2]), Number(m[3]))
}

/**
 * A literal date in code and tests; throws on a malformed literal, so use it only with constants.
 * @category constructors
 */
export const make = (iso: string): CalendarDate =>
  Option.getOrThrowWith(fromIso(iso), () => new Error(`not a calendar date: ${iso}`))

// The parts are read digit by digit rather than by slicing: ages and day numbers are taken hundreds of thousands of
// times in a national-scale year, and each slice is a new string. A CalendarDate is always `YYYY-MM-DD`.
const digit = (d: string, i: number): number => d.charCodeAt(i) - 48

/** @category getters */
export const year = (d: CalendarDate): number => digit(d, 0) * 1000 + digit(d, 1) * 100 + digit(d, 2) * 10 + digit(d, 3)
/** @category getters */
export const month = (d: CalendarDate): number => digit(d, 5) * 10 + digit(d, 6)
/** @category getters */
export const day = (d: CalendarDate): number => digit(d, 8) * 10 + digit(d, 9)

const monthNames = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December"
]

/**
 * The English name of month `m` (1 = January), as periods and dates are written for people; empty outside 1–12.
 * @category getters
 */
export const monthName = (m: number): string => monthNames[m - 1] ?? ""

/**
 * Days since 1970-01-01 (negative before).
 * @category getters
 */
export const toDayNumber = (d: CalendarDate): number => Date.UTC(year(d), month(d) - 1, day(d)) / msPerDay

/** @category constructors */
export const fromDayNumber = (n: number): CalendarDate => {
  const t = new Date(n * msPerDay)
  return unsafeFromParts(t.getUTCFullYear(), t.getUTCMonth() + 1, t.getUTCDate())
}

/** @category getters */
export const addDays = (d: CalendarDate, days: number): CalendarDate => fromDayNumber(toDayNumber(d) + days)

/**
 * Whole days from `from` to `to` (positive when `to` is later).
 * @category getters
 */
export const daysBetween = (from: CalendarDate, to: CalendarDate): number => toDayNumber(to) - toDayNumber(from)

/**
 * The same day `years` later. A 29 February moves to 1 March in a common year, matching {@link ageOn}: in England a
 * person born on 29 February attains an age on 1 March in a common year.
 * @category getters
 */
export const addYears = (d: CalendarDate, years: number): CalendarDate => {
  const y = year(d) + years
  const m = month(d)
  const dd = day(d)
  return m === 2 && dd === 29 && !isLeapYear(y) ? unsafeFromParts(y, 3, 1) : unsafeFromParts(y, m, dd)
}

/**
 * The same day `months` later, clamped to the month's last day (31 January + 1 month = 28 or 29 February).
 * @category getters
 */
export const addMonths = (d: CalendarDate, months: number): CalendarDate => {
  const total = year(d) * 12 + (month(d) - 1) + months
  const y = Math.floor(total / 12)
  const m = (total % 12) + 1
  return unsafeFromParts(y, m, Math.min(day(d), daysInMonth(y, m)))
}

/**
 * Age in whole years on `on` for someone born on `dob`; the birthday itself counts as attained.
 * @category getters
 */
export const ageOn = (dob: CalendarDate, on: CalendarDate): number => {
  const years = year(on) - year(dob)
  const beforeBirthday = month(on) * 100 + day(on) < month(dob) * 100 + day(dob)
  // 29 February birthdays: in a common year the age is attained on 1 March, which the string comparison gives.
  return beforeBirthday ? years - 1 : years
}

/** @category predicates */
export const isBefore = (a: CalendarDate, b: CalendarDate): boolean => a < b
/** @category predicates */
export const isAfter = (a: CalendarDate, b: CalendarDate): boolean => a > b
/** @category predicates */
export const isBetween = (d: CalendarDate, from: CalendarDate, to: CalendarDate): boolean => d >= from && d <= to

/** @category getters */
export const min = (a: CalendarDate, b: CalendarDate): CalendarDate => (a < b ? a : b)
/** @category getters */
export const max = (a: CalendarDate, b: CalendarDate): CalendarDate => (a > b ? a : b)

/** @category encoding */
export const toDdMmYyyy = (d: CalendarDate): string => `${d.slice(8, 10)}/${d.slice(5, 7)}/${d.slice(0, 4)}`
