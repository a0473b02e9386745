/**
 * `GET /v1/councils/:council/health?year=&audience=`: the OC2 measures of children looked after for 12 months at
 * 31 March (health assessments, dental checks, immunisations, development checks, SDQ, convictions, substance misuse)
 * and going missing or away from placement in the year — the scorecard's indicators, suppressed by audience — and the
 * measures asked for that the 903 return does not hold, said plainly rather than left out.
 */
import { AuditLog } from "@cpo/domain"
import { Effect } from "effect"
import { Hono } from "hono"
import { endpoints, HealthView } from "../endpoints.ts"
import { guard, validate } from "../middleware.ts"
import { answer, callerOf, type Deps } from "../run.ts"
import type { ApiEnv } from "../runtime.ts"
import { audienceOf, yearOutcomes } from "./placements.ts"

/** The health, offending and missing indicators of the catalogue (indicators.md). */
export const healthIndicators = [
  "oc2_cohort",
  "health_assessment_pct",
  "dental_check_pct",
  "immunisations_pct",
  "development_check_under5_pct",
  "sdq_average",
  "sdq_concern_pct",
  "convicted_pct",
  "substance_misuse_pct",
  "missing_children_pct",
  "missing_incidents",
  "away_children_pct"
] as const

/**
 * Return interviews after a missing episode are offered and taken up locally, but the 903 Missing table holds only
 * the kind, start and end of each episode (ssda903.md), so they cannot be counted from the return.
 */
const notCollected = [
  {
    measure: "Return interviews offered",
    reason: "not in the SSDA903 return (its Missing table holds only each episode's kind, start and end)"
  },
  {
    measure: "Return interviews taken up",
    reason: "not in the SSDA903 return (its Missing table holds only each episode's kind, start and end)"
  }
]

export const health = (deps: Deps) =>
  new Hono<ApiEnv>().get(
    endpoints.healthOutcomes.path,
    guard("healthOutcomes"),
    validate("param", endpoints.healthOutcomes.params),
    validate("query", endpoints.healthOutcomes.query),
    async (c) => {
      const { council } = c.req.valid("param")
      const query = c.req.valid("query")
      const program = Effect.gen(function* () {
        const { scorecard } = yield* yearOutcomes({
          council,
          year: query.year,
          audience: audienceOf(c, query.audience),
          ids: healthIndicators
        })
        return { ...scorecard, notCollected }
      }).pipe(AuditLog.withCaller(callerOf(c, endpoints.healthOutcomes, council)))
      return answer(c, deps, program, HealthView)
    }
  )
