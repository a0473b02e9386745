/**
 * A child in the 903 return: the Header record, one per child, with the facts that do not change from episode to
 * episode. `ChildId` is the council's own identifier for the child — opaque, kept as a string with its leading zeros.
 */
import { Schema } from "effect"
import * as CalendarDate from "./CalendarDate.ts"
import { Ethnicity } from "./Ethnicity.ts"

/** @category models */
export const ChildId = Schema.String.pipe(
  Schema.check(Schema.isMinLength(1), Schema.isMaxLength(64)),
  Schema.brand("ChildId")
).annotate({ identifier: "ChildId", description: "the council's identifier for the child (903 CHILD)" })
export type ChildId = typeof ChildId.Type

/**
 * Sex as the domain uses it. The 903 codes it `1`/`2` up to 2023/24 and `M`/`F`/`U` from 2024/25; the codec maps
 * both onto these values.
 * @category models
 */
export const Sex = Schema.Literals(["male", "female", "unknown"]).annotate({ identifier: "Sex" })
export type Sex = typeof Sex.Type

/** @category models */
export const Child = Schema.Struct({
  id: ChildId,
  sex: Sex,
  dateOfBirth: CalendarDate.CalendarDate,
  ethnicity: Ethnicity,
  /** Unique Pupil Number, or UN1–UN5 when unknown. */
  upn: Schema.OptionFromNullOr(Schema.String),
  /** Is the child a mother (903 MOTHER)? */
  mother: Schema.OptionFromNullOr(Schema.Boolean),
  /** Date of birth of the mother's first child (903 MC_DOB). */
  motherChildDateOfBirth: Schema.OptionFromNullOr(CalendarDate.CalendarDate)
}).annotate({ identifier: "Child", title: "Child (903 Header)" })
export type Child = typeof Child.Type

/** @category getters */
export const ageOn = (child: Child, on: CalendarDate.CalendarDate): number => CalendarDate.ageOn(child.dateOfBirth, on)

/**
 * DfE age bands used in published tables, by age in whole years.
 * @category models
 */
export const AgeBand = Schema.Literals(["under_1", "1_4", "5_9", "10_15", "16_plus"]).annotate({
  identifier: "AgeBand"
})
export type AgeBand = typeof AgeBand.Type

/** @category getters */
export const ageBand = (age: number): AgeBand =>
  age < 1 ? "under_1" : age < 5 ? "1_4" : age < 10 ? "5_9" : age < 16 ? "10_15" : "16_plus"
