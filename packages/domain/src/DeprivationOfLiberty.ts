/** A deprivation of liberty order for a looked-after child (903 DoLo, draft for 2026/27). */
import { Schema } from "effect"
import * as CalendarDate from "./CalendarDate.ts"
import { ChildId } from "./Child.ts"

/** @category models */
export const DeprivationOfLiberty = Schema.Struct({
  childId: ChildId,
  dateOfBirth: CalendarDate.CalendarDate,
  start: CalendarDate.CalendarDate,
  end: Schema.OptionFromNullOr(CalendarDate.CalendarDate)
}).annotate({ identifier: "DeprivationOfLiberty", title: "Deprivation of liberty order (903 DoLo)" })
export type DeprivationOfLiberty = typeof DeprivationOfLiberty.Type
