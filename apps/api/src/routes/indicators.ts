/**
 * `GET /v1/councils/:council/indicators?year=2018[&audience=][&population=]`: the scorecard of the council's current
 * return for the year — the same document `cpo indicators --format json` prints, built by the same `Scorecard.make`.
 * Members and the public always get the suppressed audience their role allows (`authorization.ts`).
 */
import { AuditLog, ChildHistory, type Indicator, Return, Returns, Scorecard } from "@cpo/domain"
import { Effect, Option } from "effect"
import { Hono } from "hono"
import { forcedAudience } from "../authorization.ts"
import { endpoints } from "../endpoints.ts"
import { guard, validate } from "../middleware.ts"
import { answer, callerOf, type Deps } from "../run.ts"
import type { ApiEnv } from "../runtime.ts"

/** The tables a stored return holds: Header and Episodes always, the others when the council supplied them. */
const suppliedTables = (ret: Return.Return): ReadonlySet<Return.TableName> =>
  new Set(
    Return.TableName.literals.filter((t) => {
      const table: unknown = ret[t]
      return !Option.isOption(table) || Option.isSome(table)
    })
  )

export const indicators = (deps: Deps) =>
  new Hono<ApiEnv>().get(
    endpoints.indicators.path,
    guard("indicators"),
    validate("param", endpoints.indicators.params),
    validate("query", endpoints.indicators.query),
    async (c) => {
      const { council } = c.req.valid("param")
      const query = c.req.valid("query")
      const audience = forcedAudience[c.get("principal").role] ?? query.audience ?? "officer"
      const program = Effect.gen(function* () {
        const returns = yield* Returns.Returns
        const record = yield* returns.council(council)
        const ret = yield* returns.current(council, query.year)
        return Scorecard.make({
          council: record.name,
          audience,
          inputs: {
            year: query.year,
            histories: ChildHistory.index(ret),
            tables: suppliedTables(ret),
            population: Option.fromNullishOr(query.population)
          } satisfies Indicator.Inputs
        })
      }).pipe(AuditLog.withCaller(callerOf(c, endpoints.indicators, council)))
      return answer(c, deps, program, Scorecard.Scorecard)
    }
  )
