import { OutcomePage } from "@cpo/domain"
import { Effect } from "effect"
import { Hono } from "hono"
import { endpoints } from "../endpoints.ts"
import { guard, validate } from "../middleware.ts"
import { answer, type Deps } from "../run.ts"
import type { ApiEnv } from "../runtime.ts"
import { yearPage } from "./placements.ts"

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
      const program = yearPage(
        c,
        deps,
        endpoints.healthOutcomes,
        c.req.valid("param").council,
        c.req.valid("query"),
        healthIndicators,
        () => Effect.succeed({ notCollected })
      )
      return answer(c, deps, program, OutcomePage.HealthView)
    }
  )
