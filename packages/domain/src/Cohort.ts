/**
 * Cohorts: which children a figure is about. Every DfE headline count is of children (not episodes), with agreed
 * series of short breaks (legal status V3/V4) left out.
 */
import { Option } from "effect"
import type * as CalendarDate from "./CalendarDate.ts"
import * as ChildHistory from "./ChildHistory.ts"
import * as Episode from "./Episode.ts"

/**
 * Looked after at the end of `on`: an episode is open then and its legal status is not a short break
 * (ssda903.md §4.1).
 * @category predicates
 */
export const isLookedAfterOn = (history: ChildHistory.ChildHistory, on: CalendarDate.CalendarDate): boolean =>
  Option.match(ChildHistory.episodeOn(history, on), {
    onNone: () => false,
    onSome: (e) => !Episode.isShortBreak(e)
  })

/**
 * The children looked after at the end of `on`.
 * @category getters
 */
export const lookedAfterOn = (
  histories: ReadonlyArray<ChildHistory.ChildHistory>,
  on: CalendarDate.CalendarDate
): ReadonlyArray<ChildHistory.ChildHistory> => histories.filter((h) => isLookedAfterOn(h, on))
