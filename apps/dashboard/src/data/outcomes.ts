/**
 * The year pages on outcomes — placements and stability (`GET /v1/councils/:council/placements`), care leavers
 * (`…/care-leavers`) and health and missing (`…/health`). Each carries its indicators as the scorecard publishes
 * them, plus the page's own breakdowns; counts may come back as `c` for members and the public.
 */
import type * as Audience from "@cpo/domain/Audience"
import * as Cohort from "@cpo/domain/Cohort"
import { Schema } from "effect"
import { getJson } from "./api.ts"
import { Entry } from "./scorecard.ts"

/** A count as published: a number, or `c` when suppressed. @category models */
export const PublishedCount = Schema.Union([Schema.Number, Schema.Literal("c")])
export type PublishedCount = typeof PublishedCount.Type

const header = {
  council: Schema.String,
  year: Schema.Int,
  period: Schema.Struct({ start: Schema.String, end: Schema.String }),
  audience: Schema.Literals(["officer", "member", "public"]),
  indicators: Schema.Array(Entry)
}

/** @category models */
export const MoveReason = Schema.Struct({ reason: Schema.String, label: Schema.String, moves: PublishedCount })
export type MoveReason = typeof MoveReason.Type

/** @category models */
export const PlacementsView = Schema.Struct({
  ...header,
  mix: Cohort.Document,
  moves: Schema.Struct({
    lookedAfter: PublishedCount,
    children: PublishedCount,
    moves: PublishedCount,
    reasons: Schema.Array(MoveReason)
  })
})
export type PlacementsView = typeof PlacementsView.Type

/** @category models */
export const CareLeaversView = Schema.Struct({ ...header, statuses: Cohort.Document })
export type CareLeaversView = typeof CareLeaversView.Type

/** @category models */
export const HealthView = Schema.Struct({
  ...header,
  notCollected: Schema.Array(Schema.Struct({ measure: Schema.String, reason: Schema.String }))
})
export type HealthView = typeof HealthView.Type

/** @category models */
export interface Query {
  readonly council: string
  readonly year: number
  readonly audience: Audience.Audience
}

const path = (page: "placements" | "care-leavers" | "health", q: Query): string =>
  `/v1/councils/${encodeURIComponent(q.council)}/${page}?year=${q.year}&audience=${q.audience}`

/** @category constructors */
export const fetchPlacements = (q: Query): Promise<PlacementsView> => getJson(path("placements", q), PlacementsView)

/** @category constructors */
export const fetchCareLeavers = (q: Query): Promise<CareLeaversView> =>
  getJson(path("care-leavers", q), CareLeaversView)

/** @category constructors */
export const fetchHealth = (q: Query): Promise<HealthView> => getJson(path("health", q), HealthView)

/** The entries of `indicators` with the given ids, in that order. @category getters */
export const pick = (indicators: ReadonlyArray<Entry>, ids: ReadonlyArray<string>): ReadonlyArray<Entry> =>
  ids.flatMap((id) => indicators.filter((e) => e.id === id))
