/**
 * The scorecard's request (`GET /v1/councils/:council/indicators`) as its route's preload starts it: as soon as the
 * router matches the address, in parallel with the councils list and the page's own chunks, rather than once the
 * page has run. Kept apart from `scorecard.ts`, and not decoded here, so that the entry does not carry the domain's
 * Scorecard schemas; the page decodes the answer.
 */
import * as Audience from "@cpo/domain/Audience"
import type { RoutePreloadFuncArgs } from "@solidjs/router"
import { Schema } from "effect"
import { type Answer, requestJson } from "./api.ts"

/** What the scorecard asks the API for. @category models */
export interface Query {
  readonly council: string
  readonly year: number
  readonly audience: Audience.Audience
}

/** @category constructors */
export const path = (q: Query): string =>
  `/v1/councils/${encodeURIComponent(q.council)}/indicators?year=${q.year}&audience=${q.audience}`

/** A scorecard request already on its way, and the address it asked. @category models */
export interface EarlyScorecard {
  readonly path: string
  readonly answer: Promise<Answer>
}

const isAudience = Schema.is(Audience.Audience)

/**
 * The scorecard route's preload: when the address names a year, ask for that year's scorecard at once; without a
 * year, the page must first learn the council's newest year from the councils list. A hovered link (intent
 * `preload`) fetches the page's code only, never its figures.
 * @category constructors
 */
export const preloadScorecard = ({ params, location, intent }: RoutePreloadFuncArgs): EarlyScorecard | undefined => {
  const asked = location.query.year
  const year = Number(asked)
  const council = params.council
  if (intent === "preload" || council === undefined || typeof asked !== "string" || !Number.isInteger(year)) {
    return undefined
  }
  const audience = isAudience(location.query.audience) ? location.query.audience : "officer"
  const request = path({ council, year, audience })
  const answer = requestJson(request)
  // The page may never use it (the council has no such year): a refusal then is not an unhandled rejection.
  answer.catch(() => undefined)
  return { path: request, answer }
}
