/**
 * Care leavers by legal status (domain.md §1.2): eligible, relevant, former relevant and qualifying, derived from the
 * episode history and date of birth on a date. The 13-week test counts days looked after (short breaks excluded)
 * from the 14th birthday: at least 91, with at least one on or after the 16th birthday (`indicators.md`, "Care
 * leavers by legal status"). Facts the 903 does not hold (a planned return home of 6+ months, detention on the 16th
 * birthday, a request for support at 21–25) refine these elsewhere; from 903 data alone these rules apply.
 */
import { Option, Schema } from "effect"
import * as CalendarDate from "./CalendarDate.ts"
import type * as ChildHistory from "./ChildHistory.ts"
import * as Episode from "./Episode.ts"

/** @category models */
export const CareLeaverStatus = Schema.Literals(["eligible", "relevant", "former_relevant", "qualifying"]).annotate({
  identifier: "CareLeaverStatus"
})
export type CareLeaverStatus = typeof CareLeaverStatus.Type

/** Days in the 13-week test (13 × 7). @category models */
export const thirteenWeeks = 91

/**
 * The day numbers [first, last] on which the child was looked after (an episode open at the end of the day, short
 * breaks excluded), merged and in order.
 * @category getters
 */
export const daysLookedAfter = (history: ChildHistory.ChildHistory): ReadonlyArray<readonly [number, number]> =>
  daysLookedAfterIn(history.episodes)

/**
 * {@link daysLookedAfter} from episodes alone (normalised, as a `ChildHistory` holds them): for a test that joins a
 * child's episodes from two returns.
 * @category getters
 */
export const daysLookedAfterIn = (
  episodes: ReadonlyArray<Episode.Episode>
): ReadonlyArray<readonly [number, number]> => {
  const spans: Array<[number, number]> = []
  for (const e of episodes) {
    if (Episode.isShortBreak(e)) continue
    const first = CalendarDate.toDayNumber(e.start)
    // The end date is exclusive: the child is not looked after at the end of the day an episode ends.
    const last = Option.isSome(e.end) ? CalendarDate.toDayNumber(e.end.value) - 1 : Number.POSITIVE_INFINITY
    if (last >= first) spans.push([first, last])
  }
  spans.sort((a, b) => a[0] - b[0])
  const merged: Array<[number, number]> = []
  for (const s of spans) {
    const top = merged[merged.length - 1]
    if (top !== undefined && s[0] <= top[1] + 1) top[1] = Math.max(top[1], s[1])
    else merged.push([s[0], s[1]])
  }
  return merged
}

const daysIn = (spans: ReadonlyArray<readonly [number, number]>, from: number, to: number): number => {
  let n = 0
  for (const [a, b] of spans) {
    const lo = Math.max(a, from)
    const hi = Math.min(b, to)
    if (hi >= lo) n += hi - lo + 1
  }
  return n
}

/** The facts behind a young person's status on a date. @category models */
export interface Assessment {
  readonly history: ChildHistory.ChildHistory
  readonly on: CalendarDate.CalendarDate
  readonly age: number
  /** Days looked after from the 14th birthday up to and including `on`. */
  readonly days14: number
  readonly status: CareLeaverStatus
}

/**
 * A young person's care-leaver status on `on`, or `None` when they are not aged 16–20 then or were not looked after
 * on any day from their 16th birthday up to `on`.
 * @category getters
 */
export const assess = (
  history: ChildHistory.ChildHistory,
  on: CalendarDate.CalendarDate
): Option.Option<Assessment> => {
  if (Option.isNone(history.child)) return Option.none()
  const dob = history.child.value.dateOfBirth
  const age = CalendarDate.ageOn(dob, on)
  if (age < 16 || age > 20) return Option.none()
  const spans = daysLookedAfter(history)
  const day = CalendarDate.toDayNumber(on)
  const b14 = CalendarDate.toDayNumber(CalendarDate.addYears(dob, 14))
  const b16 = CalendarDate.toDayNumber(CalendarDate.addYears(dob, 16))
  const b18 = CalendarDate.toDayNumber(CalendarDate.addYears(dob, 18))
  const after16 = daysIn(spans, b16, day)
  if (after16 === 0) return Option.none()
  const days14 = daysIn(spans, b14, day)
  const qualifiesBy = (until: number) => daysIn(spans, b14, until) >= thirteenWeeks && daysIn(spans, b16, until) > 0
  const lookedAfterNow = daysIn(spans, day, day) === 1
  const status: CareLeaverStatus =
    age <= 17
      ? qualifiesBy(day)
        ? lookedAfterNow
          ? "eligible"
          : "relevant"
        : "qualifying"
      : qualifiesBy(b18 - 1)
        ? "former_relevant"
        : "qualifying"
  return Option.some({ history, on, age, days14, status })
}

/**
 * Every young person with a care-leaver status on `on`, in child-id order.
 * @category getters
 */
export const cohort = (
  histories: ReadonlyArray<ChildHistory.ChildHistory>,
  on: CalendarDate.CalendarDate
): ReadonlyArray<Assessment> => {
  const out: Array<Assessment> = []
  for (const h of histories) {
    const a = assess(h, on)
    if (Option.isSome(a)) out.push(a.value)
  }
  return out
}
