/**
 * Running a handler's effect on the runtime and answering with its result: success is encoded with the route's
 * response Schema; domain errors become their problem documents (the one place they are mapped); anything else is
 * logged with the request id and answered as a bare 500.
 */
import type { AuditLog } from "@cpo/domain"
import { Cohort, ReportingYear, Returns } from "@cpo/domain"
import { Ssda903 } from "@cpo/ssda903"
import type { Store } from "@cpo/store"
import { Cause, type Effect, Exit, Option, Schema } from "effect"
import type { Context } from "hono"
import { callerFor } from "./auth.ts"
import type { Endpoint } from "./endpoints.ts"
import * as Problem from "./problem.ts"
import type { ApiEnv, ApiRuntime, Logger } from "./runtime.ts"
import type { ScorecardCache } from "./scorecard.ts"

/** What every handler needs from the app. @category models */
export interface Deps {
  readonly runtime: ApiRuntime
  readonly log: Logger
  /** The largest 903 upload accepted, in bytes. */
  readonly maxUploadBytes: number
  readonly scorecards: ScorecardCache
}

/** The purpose the caller states for reading child-level data (`X-Cpo-Purpose`), else the route's own. */
export const purposeOf = (c: Context<ApiEnv>, endpoint: Endpoint): string =>
  c.req.header("x-cpo-purpose")?.trim() || (endpoint.purpose ?? `${endpoint.method.toUpperCase()} ${endpoint.path}`)

/** The caller as the audit log records it, for the council in the path. */
export const callerOf = (c: Context<ApiEnv>, endpoint: Endpoint, council: string): AuditLog.Caller =>
  callerFor(c.get("principal"), council as never, purposeOf(c, endpoint))

/** The problem for a domain error, if it is one the API knows. @category encoding */
export const domainProblem = (c: Context<ApiEnv>, error: unknown): Option.Option<Response> => {
  if (error instanceof Returns.CouncilNotFound) {
    return Option.some(Problem.respond(c, "council-not-found", { detail: `no council ${error.council}` }))
  }
  if (error instanceof Returns.ReturnNotFound) {
    const year = ReportingYear.label(ReportingYear.make(error.year))
    return Option.some(
      Problem.respond(c, "return-not-found", { detail: `${error.council} has no current return for ${year}` })
    )
  }
  if (error instanceof Cohort.DimensionNotAvailable) {
    return Option.some(
      Problem.respond(c, "dimension-not-available", {
        detail: error.message,
        errors: [{ in: "query", field: "by", message: error.message }]
      })
    )
  }
  if (error instanceof Cohort.ListNotAllowed) {
    return Option.some(Problem.respond(c, "list-not-allowed", { detail: error.message }))
  }
  if (error instanceof Ssda903.UnreadableFile) {
    return Option.some(Problem.respond(c, "unreadable-file", { detail: error.message }))
  }
  return Option.none()
}

/**
 * Run `effect` and answer: the encoded success with `status`, or the problem for its failure.
 * @category encoding
 */
export const answer = async <A, E>(
  c: Context<ApiEnv>,
  deps: Deps,
  effect: Effect.Effect<A, E, Store.Services>,
  schema: Schema.Codec<A, unknown>,
  status: 200 | 201 = 200
): Promise<Response> => {
  const exit = await deps.runtime.runPromiseExit(effect)
  if (Exit.isSuccess(exit)) {
    const encoded = Schema.encodeUnknownExit(schema)(exit.value)
    if (Exit.isSuccess(encoded)) return c.json(encoded.value as never, status)
    deps.log({ level: "error", msg: "response does not match its schema", requestId: c.get("requestId") })
    return Problem.respond(c, "internal")
  }
  const known = Option.flatMap(Cause.findErrorOption(exit.cause), (error) => domainProblem(c, error))
  if (Option.isSome(known)) return known.value
  deps.log({ level: "error", msg: "unhandled failure", requestId: c.get("requestId"), cause: Cause.pretty(exit.cause) })
  return Problem.respond(c, "internal")
}
