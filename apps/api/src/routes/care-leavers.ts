import { OutcomePage } from "@cpo/domain"
import { Effect } from "effect"
import { Hono } from "hono"
import { endpoints } from "../endpoints.ts"
import { guard, validate } from "../middleware.ts"
import { answer, type Deps } from "../run.ts"
import type { ApiEnv } from "../runtime.ts"
import { profileOf, yearPage } from "./placements.ts"

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
      const program = yearPage(
        c,
        deps,
        endpoints.careLeavers,
        c.req.valid("param").council,
        c.req.valid("query"),
        careLeaverIndicators,
        (inputs, audience) =>
          Effect.map(profileOf(inputs, "care_leavers", ["care_leaver_status"], audience), (statuses) => ({ statuses }))
      )
      return answer(c, deps, program, OutcomePage.CareLeaversView)
    }
  )
