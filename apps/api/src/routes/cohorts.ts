/**
 * `GET /v1/councils/:council/cohorts?year=&cohort=&by=&on=&audience=&list=`: a cohort of the council's current return
 * for the year, profiled by dimensions — the document `Cohort.document` builds for `cpo cohort --format json`.
 * Members and the public get the suppressed audience their role allows; a list of named young people is written to
 * the audit log with the caller's purpose.
 */
import { AuditLog, ChildHistory, Cohort, Returns, UserRole } from "@cpo/domain"
import { Effect, Result } from "effect"
import { Hono } from "hono"
import { endpoints } from "../endpoints.ts"
import { guard, validate } from "../middleware.ts"
import { answer, callerOf, type Deps } from "../run.ts"
import type { ApiEnv } from "../runtime.ts"

export const cohorts = (deps: Deps) =>
  new Hono<ApiEnv>().get(
    endpoints.cohorts.path,
    guard("cohorts"),
    validate("param", endpoints.cohorts.params),
    validate("query", endpoints.cohorts.query),
    async (c) => {
      const { council } = c.req.valid("param")
      const query = c.req.valid("query")
      const caller = callerOf(c, endpoints.cohorts, council)
      const audience = UserRole.audienceFor(c.get("principal").role, query.audience)
      const program = Effect.gen(function* () {
        const returns = yield* Returns.Returns
        const ret = yield* returns.current(council, query.year)
        const document = yield* Result.match(
          Cohort.document({
            histories: ChildHistory.index(ret),
            year: query.year,
            cohort: query.cohort ?? "cla_31_march",
            by: query.by ?? [],
            audience,
            ...(query.on === undefined ? {} : { on: query.on }),
            list: query.list === "true"
          }),
          { onFailure: Effect.fail, onSuccess: Effect.succeed }
        )
        if (document.list !== undefined) {
          const childIds = document.list.map((row) => row.child)
          yield* AuditLog.AuditLog.use((log) =>
            log.record(AuditLog.access(caller, council, "read", { _tag: "Children", childIds }))
          )
        }
        return document
      }).pipe(AuditLog.withCaller(caller))
      return answer(c, deps, program, Cohort.Document)
    }
  )
