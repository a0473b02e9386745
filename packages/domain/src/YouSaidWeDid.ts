/**
 * "You said, we did": what children in care and care leavers told the council — through the Children in Care
 * Council, the care leavers' forum or a survey — and what the council did about it, linked to the strategy's
 * priorities. Boards report these to show that the corporate parenting principles of expressing and taking account
 * of views (CSWA 2017 s1(1)(b), (c)) are acted on (domain.md §2.2, §2.3).
 */
import { Schema } from "effect"
import * as CalendarDate from "./CalendarDate.ts"
import * as CodeList from "./CodeList.ts"
import * as Council from "./Council.ts"
import * as Strategy from "./Strategy.ts"

/** Where the young people's voice came from. @category models */
export const Source = CodeList.make("VoiceSource", "Where the views came from", {
  children_in_care_council: "Children in Care Council",
  care_leavers_forum: "Care leavers' forum",
  survey: "Survey of children in care and care leavers",
  other: "Other"
})
export type Source = (typeof Source.codes)[number]

/** @category models */
export const EntryId = Schema.String.pipe(Schema.brand("YouSaidWeDidId")).annotate({ identifier: "YouSaidWeDidId" })
export type EntryId = typeof EntryId.Type

/** @category models */
export const Entry = Schema.Struct({
  id: EntryId,
  council: Council.CouncilId,
  on: CalendarDate.CalendarDate,
  source: Source.schema,
  youSaid: Schema.NonEmptyString,
  weDid: Schema.NonEmptyString,
  priorities: Schema.Array(Strategy.PriorityId)
}).annotate({ identifier: "YouSaidWeDid" })
export type Entry = typeof Entry.Type

/** The entries dated within [from, to], oldest first. @category getters */
export const during = (
  entries: ReadonlyArray<Entry>,
  from: CalendarDate.CalendarDate,
  to: CalendarDate.CalendarDate
): ReadonlyArray<Entry> =>
  entries.filter((e) => CalendarDate.isBetween(e.on, from, to)).sort((a, b) => (a.on < b.on ? -1 : 1))
