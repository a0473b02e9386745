/**
 * The year pages on outcomes — placements and stability (`GET /v1/councils/:council/placements`), care leavers
 * (`…/care-leavers`) and health and missing (`…/health`). Each carries its indicators as the scorecard publishes
 * them, plus the page's own breakdowns; counts may come back as `c` for members and the public.
 */
import type * as Audience from "@cpo/domain/Audience"
import type * as Cohort from "@cpo/domain/Cohort"
import * as OutcomePage from "@cpo/domain/OutcomePage"
import { getJson } from "./api.ts"
import type { Entry } from "./scorecard.ts"

/** A count as published: a number, or `c` when suppressed. @category models */
export type PublishedCount = Cohort.PublishedCount

/** @category models */
export type PlacementsView = OutcomePage.PlacementsView

/** @category models */
export type CareLeaversView = OutcomePage.CareLeaversView

/** @category models */
export type HealthView = OutcomePage.HealthView

/** @category models */
export interface Query {
  readonly council: string
  readonly year: number
  readonly audience: Audience.Audience
}

const path = (page: "placements" | "care-leavers" | "health", q: Query): string =>
  `/v1/councils/${encodeURIComponent(q.council)}/${page}?year=${q.year}&audience=${q.audience}`

/** @category constructors */
export const fetchPlacements = (q: Query): Promise<PlacementsView> =>
  getJson(path("placements", q), OutcomePage.PlacementsView)

/** @category constructors */
export const fetchCareLeavers = (q: Query): Promise<CareLeaversView> =>
  getJson(path("care-leavers", q), OutcomePage.CareLeaversView)

/** @category constructors */
export const fetchHealth = (q: Query): Promise<HealthView> => getJson(path("health", q), OutcomePage.HealthView)

/** The entries of `indicators` with the given ids, in that order. @category getters */
export const pick = (indicators: ReadonlyArray<Entry>, ids: ReadonlyArray<string>): ReadonlyArray<Entry> =>
  ids.flatMap((id) => indicators.filter((e) => e.id === id))
