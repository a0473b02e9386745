/**
 * `GET /v1/councils` and `GET /v1/councils/:council`: the councils the caller may see, each with the years that have
 * a current return. Lists no child-level data.
 */
import { AuditLog, Council, Returns } from "@cpo/domain"
import { Effect, Option } from "effect"
import { Hono } from "hono"
import { endpoints } from "../endpoints.ts"
import { guard, validate } from "../middleware.ts"
import { answer, callerOf, type Deps, purposeOf } from "../run.ts"
import type { ApiEnv } from "../runtime.ts"

const summarise = (council: Council.Council) =>
  Effect.map(
    Returns.Returns.use((returns) => returns.years(council.id)),
    (years) => ({ ...council, years })
  )

export const councils = (deps: Deps) =>
  new Hono<ApiEnv>()
    .get(endpoints.listCouncils.path, guard("listCouncils"), async (c) => {
      const principal = c.get("principal")
      const endpoint = endpoints.listCouncils
      const program =
        principal.councils === "any"
          ? // The demo's anonymous officer sees every council: the list is read as the local operator.
            Returns.Returns.use((returns) =>
              Effect.flatMap(returns.councils, (all) => Effect.forEach(all, summarise))
            ).pipe(AuditLog.withCaller({ ...AuditLog.system, actor: "demo:demo", purpose: purposeOf(c, endpoint) }))
          : Effect.map(
              Effect.forEach(principal.councils, (id) =>
                Returns.Returns.use((returns) => returns.council(id)).pipe(
                  Effect.flatMap(summarise),
                  Effect.map(Option.some),
                  Effect.catchTag("CouncilNotFound", () => Effect.succeed(Option.none())),
                  AuditLog.withCaller(callerOf(c, endpoint, id))
                )
              ),
              (found) => found.flatMap((o) => (Option.isSome(o) ? [o.value] : []))
            )
      return answer(
        c,
        deps,
        Effect.map(program, (list) => ({ councils: list })),
        Council.List
      )
    })
    .get(endpoints.getCouncil.path, guard("getCouncil"), validate("param", endpoints.getCouncil.params), async (c) => {
      const { council } = c.req.valid("param")
      const program = Returns.Returns.use((returns) => returns.council(council)).pipe(
        Effect.flatMap(summarise),
        AuditLog.withCaller(callerOf(c, endpoints.getCouncil, council))
      )
      return answer(c, deps, program, Council.Summary)
    })
