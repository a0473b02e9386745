/**
 * A 903 collection year, named by the year it ends: `2018` is 1 April 2017 to 31 March 2018 inclusive
 * (`YS`..`YE` in the DfE guidance).
 */
import { Schema } from "effect"
import * as CalendarDate from "./CalendarDate.ts"

/** @category schemas */
export const ReportingYear = Schema.Int.pipe(
  Schema.check(Schema.isBetween({ minimum: 1990, maximum: 2100 })),
  Schema.brand("ReportingYear")
).annotate({ identifier: "ReportingYear", description: "collection year, named by the year of its 31 March" })
export type ReportingYear = typeof ReportingYear.Type

/** @category constructors */
export const make = (yearEnding: number): ReportingYear => ReportingYear.make(yearEnding)

/** 1 April of the previous calendar year (`YS`). @category getters */
export const start = (y: ReportingYear): CalendarDate.CalendarDate => CalendarDate.unsafeFromParts(y - 1, 4, 1)

/** 31 March (`YE`). @category getters */
export const end = (y: ReportingYear): CalendarDate.CalendarDate => CalendarDate.unsafeFromParts(y, 3, 31)

/** The collection year a date falls in. @category getters */
export const containing = (d: CalendarDate.CalendarDate): ReportingYear =>
  make(CalendarDate.month(d) >= 4 ? CalendarDate.year(d) + 1 : CalendarDate.year(d))

/** @category predicates */
export const includes = (y: ReportingYear, d: CalendarDate.CalendarDate): boolean =>
  CalendarDate.isBetween(d, start(y), end(y))

/** The label DfE uses, e.g. `2017/18`. @category getters */
export const label = (y: ReportingYear): string => `${y - 1}/${String(y % 100).padStart(2, "0")}`

/** @category getters */
export const previous = (y: ReportingYear): ReportingYear => make(y - 1)
