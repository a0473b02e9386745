/**
 * `GET /v1/councils/:council/placements?year=&audience=`: where the council's looked-after children live and how
 * often they move — the placement indicators of the scorecard, the placement group mix at 31 March (`Cohort.document`),
 * placement moves in the year and their reasons (`Placement.movesDuring`, `Placement.reasonsForChange`), all
 * suppressed for members and the public through the domain's `Suppression`. Also the year page the care leavers and
 * health routes share (`yearPage`): a few indicators' entries of the year's scorecard and the year's `Indicator.Inputs`.
 */
import {
  type Audience,
  AuditLog,
  Cohort,
  type Council,
  type Indicator,
  OutcomePage,
  Placement,
  ReasonPlaceChange,
  ReportingYear,
  StoredReport,
  Suppression,
  UserRole
} from "@cpo/domain"
import { Effect, Option, Result } from "effect"
import type { Context } from "hono"
import { Hono } from "hono"
import { type Endpoint, endpoints } from "../endpoints.ts"
import { guard, validate } from "../middleware.ts"
import { answer, callerOf, type Deps } from "../run.ts"
import type { ApiEnv } from "../runtime.ts"
import { cachedScorecardOf } from "../scorecard.ts"

/** The placement indicators of the catalogue, in its order (indicators.md). */
export const placementIndicators = [
  "placed_foster_pct",
  "placed_with_parents_pct",
  "placed_for_adoption_pct",
  "placed_homes_secure_semi_independent_pct",
  "placed_out_of_area_pct",
  "placed_over_20_miles_pct",
  "stability_3plus_placements_pct",
  "stability_long_term_pct"
] as const

/**
 * The profile of one cohort of the year's inputs by fixed dimensions, for `audience`. The route names the cohort and
 * dimensions, so a profile that cannot be built is a defect, not the caller's error.
 * @category getters
 */
export const profileOf = (
  inputs: Indicator.Inputs,
  cohort: Cohort.CohortName,
  by: ReadonlyArray<Cohort.Dimension>,
  audience: Audience.Audience
) =>
  Result.match(Cohort.document({ histories: inputs.histories, year: inputs.year, cohort, by, audience }), {
    onFailure: Effect.die,
    onSuccess: Effect.succeed
  })

/**
 * A year page (placements, care leavers, health): the entries of the indicators named by `ids` from the year's
 * scorecard for the caller's audience — the one the indicators route publishes, with the council's targets,
 * benchmarks and last year's values (`cachedScorecardOf`) — with what `more` adds from the same year's inputs, read
 * under the caller of `endpoint`.
 */
export const yearPage = <A extends object, E, R>(
  c: Context<ApiEnv>,
  deps: Deps,
  endpoint: Endpoint,
  council: Council.CouncilId,
  query: { readonly year: ReportingYear.ReportingYear; readonly audience?: Audience.Audience | undefined },
  ids: ReadonlyArray<string>,
  more: (inputs: Indicator.Inputs, audience: Audience.Audience) => Effect.Effect<A, E, R>
) => {
  const audience = UserRole.audienceFor(c.get("principal").role, query.audience)
  return Effect.gen(function* () {
    const { scorecard } = yield* cachedScorecardOf(deps.scorecards, {
      council,
      year: query.year,
      audience,
      population: Option.none()
    })
    const { inputs } = yield* StoredReport.currentInputsOf(council, query.year)
    return {
      council: scorecard.council,
      year: scorecard.year,
      period: scorecard.period,
      audience: scorecard.audience,
      indicators: scorecard.indicators.filter((e) => ids.includes(e.id)),
      ...(yield* more(inputs, audience))
    }
  }).pipe(AuditLog.withCaller(callerOf(c, endpoint, council)))
}

const reasonLabel = (reason: string): string =>
  ReasonPlaceChange.codes.is(reason) ? ReasonPlaceChange.codes.label(reason) : "Not recorded"

/**
 * Placement moves in the year: how many children looked after in it moved at least once (a proportion of them), and
 * the moves by reason with their total (one suppressed line, so no reason's small count can be worked out).
 * @category getters
 */
export const movesOf = (inputs: Indicator.Inputs, audience: Audience.Audience): OutcomePage.PlacementsView["moves"] => {
  const from = ReportingYear.start(inputs.year)
  const to = ReportingYear.end(inputs.year)
  const rules = inputs.countingRules ?? Placement.defaultCountingRules
  const lookedAfter = Cohort.members(inputs.histories, inputs.year, "during_year")
  const movers = lookedAfter.filter((m) => Placement.movesDuring(m.history, from, to, rules).length > 0).length
  const children = Suppression.proportion(movers, lookedAfter.length, audience)
  const reasons = Placement.reasonsForChange(inputs.histories, from, to, rules)
  const published = Suppression.list(
    reasons.map((r) => r.moves),
    audience
  )
  return {
    lookedAfter: children.denominator,
    children: children.numerator,
    moves: published.total,
    reasons: reasons.map((r, i) => ({ reason: r.reason, label: reasonLabel(r.reason), moves: published.cells[i]! }))
  }
}

export const placements = (deps: Deps) =>
  new Hono<ApiEnv>().get(
    endpoints.placements.path,
    guard("placements"),
    validate("param", endpoints.placements.params),
    validate("query", endpoints.placements.query),
    async (c) => {
      const program = yearPage(
        c,
        deps,
        endpoints.placements,
        c.req.valid("param").council,
        c.req.valid("query"),
        placementIndicators,
        (inputs, audience) =>
          Effect.map(profileOf(inputs, "cla_31_march", ["placement_group"], audience), (mix) => ({
            mix,
            moves: movesOf(inputs, audience)
          }))
      )
      return answer(c, deps, program, OutcomePage.PlacementsView)
    }
  )
