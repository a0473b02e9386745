/**
 * A period when a looked-after child was missing from their placement (whereabouts unknown) or away without
 * authorisation (whereabouts known) (903 Missing).
 */
import { Option, Schema } from "effect"
import * as CalendarDate from "./CalendarDate.ts"
import { ChildId } from "./Child.ts"

/** @category models */
export const MissingKind = Schema.Literals(["missing", "away"]).annotate({
  identifier: "MissingKind",
  description: "missing (903 M) or away from placement without authorisation (903 A)"
})
export type MissingKind = typeof MissingKind.Type

/** @category models */
export const MissingEpisode = Schema.Struct({
  childId: ChildId,
  dateOfBirth: CalendarDate.CalendarDate,
  kind: MissingKind,
  start: CalendarDate.CalendarDate,
  end: Schema.OptionFromNullOr(CalendarDate.CalendarDate)
}).annotate({ identifier: "MissingEpisode", title: "Missing or away (903 Missing)" })
export type MissingEpisode = typeof MissingEpisode.Type

/** Length in days, open periods counted to `until`. @category getters */
export const durationDays = (self: MissingEpisode, until: CalendarDate.CalendarDate): number =>
  CalendarDate.daysBetween(
    self.start,
    Option.getOrElse(self.end, () => until)
  )
