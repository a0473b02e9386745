/** A statutory review of a looked-after child's care plan held in the year (903 Reviews table). */
import { Schema } from "effect"
import * as CalendarDate from "./CalendarDate.ts"
import { ChildId } from "./Child.ts"
import * as CodeList from "./CodeList.ts"

/** How the child took part in the review (903 REVIEW_CODE). @category models */
export const participationCodes = CodeList.make("ReviewParticipation", "Participation in review", {
  PN0: "Child aged under 4 at the time of the review",
  PN1: "Child physically attends and speaks for themselves",
  PN2: "Child physically attends and an advocate speaks on their behalf",
  PN3: "Child attends and conveys their views symbolically (non-verbally)",
  PN4: "Child physically attends but does not speak for themselves, convey views symbolically or ask an advocate",
  PN5: "Child does not attend physically but briefs an advocate to speak for them",
  PN6: "Child does not attend but conveys their feelings by a facilitative medium",
  PN7: "Child does not attend nor are their views conveyed to the review"
})

/** @category schemas */
export const ReviewParticipation = participationCodes.schema
export type ReviewParticipation = typeof ReviewParticipation.Type

/** The child took part (PN1–PN6). @category predicates */
export const isParticipation = (code: ReviewParticipation): boolean => code !== "PN0" && code !== "PN7"

/** @category models */
export const Review = Schema.Struct({
  childId: ChildId,
  dateOfBirth: CalendarDate.CalendarDate,
  date: CalendarDate.CalendarDate,
  participation: ReviewParticipation
}).annotate({ identifier: "Review", title: "Review (903 Reviews)" })
export type Review = typeof Review.Type
