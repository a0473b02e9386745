/**
 * `GET /v1/councils/:council/care-leavers?year=&audience=`: care leavers aged 17–18 and 19–21 in touch, in
 * education, employment or training and in suitable accommodation (the OC3 indicators of the scorecard, whose
 * denominators are each band's cohort after DfE's exclusions), and the young people aged 16–20 at 31 March by care
 * leaver status (`Cohort.document`, `care_leavers` by `care_leaver_status`), suppressed by audience.
 */
import { AuditLog } from "@cpo/domain"
import { Effect } from "effect"
import { Hono } from "hono"
import { CareLeaversView, endpoints } from "../endpoints.ts"
import { guard, validate } from "../middleware.ts"
import { answer, callerOf, type Deps } from "../run.ts"
import type { ApiEnv } from "../runtime.ts"
import { audienceOf, profileOf, yearOutcomes } from "./placements.ts"

/** The care leaver indicators of the catalogue, by age band (indicators.md). */
export const careLeaverIndicators = ["17_18", "19_21"].flatMap((band) =>
  ["in_touch", "eet", "suitable_accommodation"].map((measure) => `care_leavers_${band}_${measure}_pct`)
)

export const careLeavers = (deps: Deps) =>
  new Hono<ApiEnv>().get(
    endpoints.careLeavers.path,
    guard("careLeavers"),
    validate("param", endpoints.careLeavers.params),
    validate("query", endpoints.careLeavers.query),
    async (c) => {
      const { council } = c.req.valid("param")
      const query = c.req.valid("query")
      const audience = audienceOf(c, query.audience)
      const program = Effect.gen(function* () {
        const { scorecard, inputs } = yield* yearOutcomes({
          council,
          year: query.year,
          audience,
          ids: careLeaverIndicators
        })
        const statuses = yield* profileOf(inputs, "care_leavers", ["care_leaver_status"], audience)
        return { ...scorecard, statuses }
      }).pipe(AuditLog.withCaller(callerOf(c, endpoints.careLeavers, council)))
      return answer(c, deps, program, CareLeaversView)
    }
  )
