/**
 * `GET /v1/councils/:council/returns`: every import of every year and which one is current. Lists imports only; it
 * reads no child-level data.
 */
import { AuditLog, Returns } from "@cpo/domain"
import { Effect } from "effect"
import { Hono } from "hono"
import { endpoints, ReturnHistory } from "../endpoints.ts"
import { guard, validate } from "../middleware.ts"
import { answer, callerOf, type Deps } from "../run.ts"
import type { ApiEnv } from "../runtime.ts"

export const returns = (deps: Deps) =>
  new Hono<ApiEnv>().get(
    endpoints.returnHistory.path,
    guard("returnHistory"),
    validate("param", endpoints.returnHistory.params),
    async (c) => {
      const { council } = c.req.valid("param")
      const program = Returns.Returns.use((store) => store.history(council)).pipe(
        Effect.map((imports) => ({ imports })),
        AuditLog.withCaller(callerOf(c, endpoints.returnHistory, council))
      )
      return answer(c, deps, program, ReturnHistory)
    }
  )
