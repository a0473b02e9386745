/**
 * The year pages on outcomes: placements and stability (`GET …/placements`), care leavers (`…/care-leavers`) and
 * health and missing (`…/health`). Each carries the council, year and audience and its indicators as the scorecard
 * publishes them, plus the page's own breakdowns, with counts suppressed for members and the public. The API encodes
 * with these schemas and the dashboard decodes with them.
 */
import { Schema } from "effect"
import { Audience } from "./Audience.ts"
import * as Cohort from "./Cohort.ts"
import * as Scorecard from "./Scorecard.ts"

/** What every year page carries: the council, year and audience, and its indicators as the scorecard publishes them. */
const header = {
  council: Schema.String,
  year: Schema.Int,
  period: Schema.Struct({ start: Schema.String, end: Schema.String }),
  audience: Audience,
  indicators: Schema.Array(Scorecard.Entry)
}

/** Placement type mix, location, moves and stability for a year, suppressed by audience. @category schemas */
export const PlacementsView = Schema.Struct({
  ...header,
  mix: Cohort.Document.annotate({ description: "children looked after at 31 March by placement group" }),
  moves: Schema.Struct({
    lookedAfter: Cohort.PublishedCount.annotate({ description: "children looked after at any time in the year" }),
    children: Cohort.PublishedCount.annotate({ description: "of those, children with at least one placement move" }),
    moves: Cohort.PublishedCount.annotate({ description: "placement moves in the year (ssda903.md §4.4)" }),
    reasons: Schema.Array(
      Schema.Struct({ reason: Schema.String, label: Schema.String, moves: Cohort.PublishedCount })
    ).annotate({ description: "moves by reason for the change (903 REASON_PLACE_CHANGE), most frequent first" })
  })
}).annotate({ identifier: "PlacementsView" })
export type PlacementsView = typeof PlacementsView.Type

/** Care leavers' outcomes by age band and their legal statuses on 31 March, suppressed by audience. @category schemas */
export const CareLeaversView = Schema.Struct({
  ...header,
  statuses: Cohort.Document.annotate({ description: "young people aged 16–20 at 31 March by care leaver status" })
}).annotate({ identifier: "CareLeaversView" })
export type CareLeaversView = typeof CareLeaversView.Type

/** OC2 health and offending measures and missing or away from placement, suppressed by audience. @category schemas */
export const HealthView = Schema.Struct({
  ...header,
  notCollected: Schema.Array(Schema.Struct({ measure: Schema.String, reason: Schema.String })).annotate({
    description: "measures asked for that the 903 return does not hold"
  })
}).annotate({ identifier: "HealthView" })
export type HealthView = typeof HealthView.Type
