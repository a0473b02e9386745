/**
 * The reporting cycle: what the corporate parenting board owes to whom, and when. Wiltshire's panel reports "on a six
 * monthly basis … addressing progress against each of the seven strategic priorities" to the Children's Select
 * Committee and presents "an annual report to Full Council"; Rotherham adds quarterly member scorecards
 * (domain.md §2.2). Each duty recurs every so many months from its first due date; what is due in a period is computed.
 */
import { Schema } from "effect"
import * as CalendarDate from "./CalendarDate.ts"
import * as CodeList from "./CodeList.ts"

/** @category models */
export const Frequency = CodeList.make("ReportingFrequency", "How often a report is due", {
  monthly: "Monthly",
  bi_monthly: "Every two months",
  quarterly: "Quarterly",
  six_monthly: "Six-monthly",
  annual: "Annual"
})
export type Frequency = (typeof Frequency.codes)[number]

/** @category getters */
export const months: Readonly<Record<Frequency, number>> = {
  monthly: 1,
  bi_monthly: 2,
  quarterly: 3,
  six_monthly: 6,
  annual: 12
}

/** Whether the report covers each priority in turn or the strategy as a whole. @category models */
export const Scope = Schema.Literals(["each_priority", "whole_strategy"]).annotate({ identifier: "ReportingScope" })
export type Scope = typeof Scope.Type

/** @category models */
export const Duty = Schema.Struct({
  id: Schema.NonEmptyString,
  /** What is reported, e.g. "Progress against each strategic priority". */
  report: Schema.NonEmptyString,
  /** Who receives it, e.g. "Children's Select Committee". */
  to: Schema.NonEmptyString,
  frequency: Frequency.schema,
  scope: Scope,
  firstDue: CalendarDate.CalendarDate
}).annotate({ identifier: "ReportingDuty" })
export type Duty = typeof Duty.Type

/** One report falling due. @category models */
export interface Due {
  readonly duty: Duty
  readonly due: CalendarDate.CalendarDate
}

/** The due dates of a duty: the first, then every `months` later, clamped to month ends. @category getters */
const dueDate = (duty: Duty, n: number): CalendarDate.CalendarDate =>
  CalendarDate.addMonths(duty.firstDue, n * months[duty.frequency])

/**
 * Every report due in [from, to], in date order (then by duty id).
 * @category getters
 */
export const dueBetween = (
  duties: ReadonlyArray<Duty>,
  from: CalendarDate.CalendarDate,
  to: CalendarDate.CalendarDate
): ReadonlyArray<Due> => {
  const out: Array<Due> = []
  for (const duty of duties) {
    for (let n = 0; ; n++) {
      const due = dueDate(duty, n)
      if (due > to) break
      if (due >= from) out.push({ duty, due })
    }
  }
  return out.sort((a, b) => (a.due !== b.due ? (a.due < b.due ? -1 : 1) : a.duty.id < b.duty.id ? -1 : 1))
}

/**
 * The next due date of a duty on or after `asOf`.
 * @category getters
 */
export const nextDue = (duty: Duty, asOf: CalendarDate.CalendarDate): CalendarDate.CalendarDate => {
  for (let n = 0; ; n++) {
    const due = dueDate(duty, n)
    if (due >= asOf) return due
  }
}
