/**
 * `GET /v1/councils/:council/indicators?year=2018[&audience=][&population=]`: the scorecard of the council's current
 * return for the year — the same document `cpo indicators --format json` prints, built by the same `Scorecard.make`.
 * Members and the public always get the suppressed audience their role allows (`authorization.ts`).
 */
import { AuditLog, UserRole } from "@cpo/domain"
import { Effect, Option } from "effect"
import { Hono } from "hono"
import { endpoints } from "../endpoints.ts"
import { guard, validate } from "../middleware.ts"
import { answerJson, callerOf, type Deps } from "../run.ts"
import type { ApiEnv } from "../runtime.ts"
import { cachedScorecardOf } from "../scorecard.ts"

export const indicators = (deps: Deps) =>
  new Hono<ApiEnv>().get(
    endpoints.indicators.path,
    guard("indicators"),
    validate("param", endpoints.indicators.params),
    validate("query", endpoints.indicators.query),
    async (c) => {
      const { council } = c.req.valid("param")
      const query = c.req.valid("query")
      const request = {
        council,
        year: query.year,
        audience: UserRole.audienceFor(c.get("principal").role, query.audience),
        population: Option.fromNullishOr(query.population)
      }
      // The cache holds the encoded body: a warm scorecard is a lookup, answered without running an effect.
      const warm = deps.scorecards.fresh(request, Date.now())
      if (warm !== undefined) return c.body(warm.body, 200, { "content-type": "application/json" })
      const program = cachedScorecardOf(deps.scorecards, request).pipe(
        AuditLog.withCaller(callerOf(c, endpoints.indicators, council))
      )
      return answerJson(
        c,
        deps,
        Effect.map(program, (entry) => entry.body)
      )
    }
  )
