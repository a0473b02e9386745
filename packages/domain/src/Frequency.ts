/**
 * How often a council records a local measure, and the periods it records it for. The 903 is annual, but councils
 * show members monthly and quarterly figures too (Tameside's PEPs, Wiltshire's return interviews), so a board reads
 * the latest period, the rolling twelve months and the year to date side by side.
 *
 * A period is named by a key: a month `2025-04`; a quarter of the reporting year `2025-Q1` (Q1 is April to June of
 * the reporting year ending 31 March 2025 — councils count quarters from April, as the 903 counts years); a
 * reporting year `2025` (1 April 2024 to 31 March 2025, as `indicators.md` names years).
 */
import { Option, Schema } from "effect"
import * as CalendarDate from "./CalendarDate.ts"
import * as ReportingYear from "./ReportingYear.ts"

/** @category models */
export const Frequency = Schema.Literals(["monthly", "quarterly", "annual"]).annotate({ identifier: "Frequency" })
export type Frequency = typeof Frequency.Type

/** @category models */
export const frequencyLabel: Readonly<Record<Frequency, string>> = {
  monthly: "Monthly",
  quarterly: "Quarterly",
  annual: "Annual"
}

/** A period's key: `2025-04`, `2025-Q1` or `2025`. @category models */
export const PeriodKey = Schema.String.pipe(
  Schema.check(
    Schema.isPattern(/^\d{4}(-(0[1-9]|1[0-2])|-Q[1-4])?$/, {
      description: "a month YYYY-MM, a quarter of the reporting year YYYY-Qn or a reporting year YYYY"
    })
  ),
  Schema.brand("PeriodKey")
).annotate({ identifier: "PeriodKey", examples: ["2025-04" as never] })
export type PeriodKey = typeof PeriodKey.Type

/** A period with its first and last day (inclusive). @category models */
export interface Period {
  readonly frequency: Frequency
  readonly key: PeriodKey
  readonly start: CalendarDate.CalendarDate
  readonly end: CalendarDate.CalendarDate
}

const monthEnd = (y: number, m: number) => CalendarDate.unsafeFromParts(y, m, CalendarDate.daysInMonth(y, m))

/**
 * The period a key names for a frequency; `None` when the key is not of that frequency's shape.
 * @category decoding
 */
export const parse = (frequency: Frequency, key: string): Option.Option<Period> => {
  const monthly = /^(\d{4})-(0[1-9]|1[0-2])$/.exec(key)
  const quarterly = /^(\d{4})-Q([1-4])$/.exec(key)
  const annual = /^(\d{4})$/.exec(key)
  switch (frequency) {
    case "monthly": {
      if (monthly === null) return Option.none()
      const y = Number(monthly[1])
      const m = Number(monthly[2])
      return Option.some({
        frequency,
        key: key as PeriodKey,
        start: CalendarDate.unsafeFromParts(y, m, 1),
        end: monthEnd(y, m)
      })
    }
    case "quarterly": {
      if (quarterly === null) return Option.none()
      const yearEnding = Number(quarterly[1])
      const q = Number(quarterly[2])
      const start = CalendarDate.addMonths(ReportingYear.start(ReportingYear.make(yearEnding)), (q - 1) * 3)
      const last = CalendarDate.addMonths(start, 2)
      return Option.some({
        frequency,
        key: key as PeriodKey,
        start,
        end: monthEnd(CalendarDate.year(last), CalendarDate.month(last))
      })
    }
    case "annual": {
      if (annual === null) return Option.none()
      const y = ReportingYear.make(Number(annual[1]))
      return Option.some({ frequency, key: key as PeriodKey, start: ReportingYear.start(y), end: ReportingYear.end(y) })
    }
  }
}

/**
 * The period of a frequency that contains a date.
 * @category constructors
 */
export const containing = (frequency: Frequency, d: CalendarDate.CalendarDate): Period => {
  const y = CalendarDate.year(d)
  const m = CalendarDate.month(d)
  const yearEnding = ReportingYear.containing(d)
  const key =
    frequency === "monthly"
      ? `${y}-${String(m).padStart(2, "0")}`
      : frequency === "quarterly"
        ? `${yearEnding}-Q${Math.floor(((m + 8) % 12) / 3) + 1}`
        : String(yearEnding)
  return Option.getOrThrow(parse(frequency, key))
}

/** The period before this one. @category getters */
export const previous = (self: Period): Period => containing(self.frequency, CalendarDate.addDays(self.start, -1))

/** The reporting year (ending 31 March) a period falls in. @category getters */
export const reportingYear = (self: Period): ReportingYear.ReportingYear => ReportingYear.containing(self.start)

/** How people write a period: `April 2025`, `Q1 2024/25`, `2024/25`. @category getters */
export const label = (self: Period): string => {
  switch (self.frequency) {
    case "monthly":
      return `${CalendarDate.monthName(CalendarDate.month(self.start))} ${CalendarDate.year(self.start)}`
    case "quarterly":
      return `${self.key.slice(5)} ${ReportingYear.label(reportingYear(self))}`
    case "annual":
      return ReportingYear.label(reportingYear(self))
  }
}

/** A window of time figures are summed over, with how it is named. @category models */
export interface Window {
  readonly kind: "latest" | "rolling_12_months" | "year_to_date"
  readonly start: CalendarDate.CalendarDate
  readonly end: CalendarDate.CalendarDate
}

/**
 * The twelve months ending with the last day of the month before `asOf` — the month in progress is not complete,
 * so it is left out — or ending on `asOf` itself when it is a month's last day.
 * @category constructors
 */
export const rolling12Months = (asOf: CalendarDate.CalendarDate): Window => {
  const end = lastCompleteMonthEnd(asOf)
  const firstOfMonth = CalendarDate.unsafeFromParts(CalendarDate.year(end), CalendarDate.month(end), 1)
  return { kind: "rolling_12_months", start: CalendarDate.addMonths(firstOfMonth, -11), end }
}

/**
 * From 1 April of the reporting year containing the last complete month to the end of that month.
 * @category constructors
 */
export const yearToDate = (asOf: CalendarDate.CalendarDate): Window => {
  const end = lastCompleteMonthEnd(asOf)
  return { kind: "year_to_date", start: ReportingYear.start(ReportingYear.containing(end)), end }
}

/** A whole reporting year: the year to date at 31 March. @category constructors */
export const wholeYear = (year: ReportingYear.ReportingYear): Window => ({
  kind: "year_to_date",
  start: ReportingYear.start(year),
  end: ReportingYear.end(year)
})

const lastCompleteMonthEnd = (asOf: CalendarDate.CalendarDate): CalendarDate.CalendarDate => {
  const end = monthEnd(CalendarDate.year(asOf), CalendarDate.month(asOf))
  return end === asOf
    ? asOf
    : CalendarDate.addDays(CalendarDate.unsafeFromParts(CalendarDate.year(asOf), CalendarDate.month(asOf), 1), -1)
}

/** Whether a period lies wholly inside a window. @category predicates */
export const isWithin = (self: Period, window: Window): boolean => self.start >= window.start && self.end <= window.end
