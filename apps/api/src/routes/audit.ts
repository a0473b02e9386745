/**
 * `GET /v1/councils/:council/audit`: the council's audit log of child-level access, newest first (admin only).
 */
import { AuditLog, Returns } from "@cpo/domain"
import { Effect } from "effect"
import { Hono } from "hono"
import { endpoints } from "../endpoints.ts"
import { guard, validate } from "../middleware.ts"
import { answer, callerOf, type Deps } from "../run.ts"
import type { ApiEnv } from "../runtime.ts"

export const audit = (deps: Deps) =>
  new Hono<ApiEnv>().get(
    endpoints.auditLog.path,
    guard("auditLog"),
    validate("param", endpoints.auditLog.params),
    async (c) => {
      const { council } = c.req.valid("param")
      const program = Effect.gen(function* () {
        // Answer 404 for a council that does not exist rather than an empty log.
        yield* Returns.Returns.use((store) => store.council(council))
        const entries = yield* AuditLog.AuditLog.use((log) => log.entries(council))
        return { entries }
      }).pipe(AuditLog.withCaller(callerOf(c, endpoints.auditLog, council)))
      return answer(c, deps, program, AuditLog.Entries)
    }
  )
