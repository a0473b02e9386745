/**
 * Running a handler's effect on the runtime and answering with its result: success is encoded with the route's
 * response Schema; domain errors become their problem documents (the one place they are mapped); anything else is
 * logged with the request id and answered as a bare 500.
 */
import type { AuditLog } from "@cpo/domain"
import {
  Cohort,
  Governance,
  LocalOffer,
  OfferArea,
  Priorities,
  ReportingYear,
  Returns,
  StoredReport
} from "@cpo/domain"
import { Ssda903 } from "@cpo/ssda903"
import type { Store } from "@cpo/store"
import { Cause, type Effect, Exit, Option, Schema } from "effect"
import type { Context } from "hono"
import { callerFor } from "./auth.ts"
import type { Endpoint } from "./endpoints.ts"
import * as Problem from "./problem.ts"
import type { ApiEnv, ApiRuntime, Logger } from "./runtime.ts"
import type { ScorecardCache } from "./scorecard.ts"

/**
 * The young person is in none of the council's returns up to the day asked about.
 * @category errors
 */
export class ChildNotInReturns extends Schema.TaggedError<ChildNotInReturns>()("ChildNotInReturns", {
  council: Schema.String,
  childId: Schema.String,
  on: Schema.String
}) {}

/**
 * A partner asked for a young person's entitlements without naming the ones their agreement covers.
 * @category errors
 */
export class EntitlementsNotNamed extends Schema.TaggedError<EntitlementsNotNamed>()("EntitlementsNotNamed", {}) {}

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
  const offerProblem = localOfferProblem(c, error)
  if (Option.isSome(offerProblem)) return offerProblem
  if (error instanceof Ssda903.UnreadableFile) {
    return Option.some(Problem.respond(c, "unreadable-file", { detail: error.message }))
  }
  return Option.none()
}

const localOfferProblem = (c: Context<ApiEnv>, error: unknown): Option.Option<Response> => {
  if (error instanceof LocalOffer.OfferVersionNotFound) {
    return Option.some(
      Problem.respond(c, "offer-version-not-found", {
        detail: `${error.council} has no offer version ${error.version}`
      })
    )
  }
  if (error instanceof LocalOffer.NoPublishedOffer) {
    return Option.some(
      Problem.respond(c, "no-published-offer", {
        detail: `${error.council} has no published offer in force on ${error.on}`
      })
    )
  }
  if (error instanceof LocalOffer.OfferNotDraft) {
    return Option.some(
      Problem.respond(c, "offer-not-draft", {
        detail: `offer version ${error.version} is ${error.state}: only a draft can change; save a new draft`
      })
    )
  }
  if (error instanceof LocalOffer.OfferNotConsulted) {
    return Option.some(
      Problem.respond(c, "offer-not-consulted", {
        detail: `offer version ${error.version} has not been consulted on with care leavers (CSWA 2017 s2)`
      })
    )
  }
  if (error instanceof LocalOffer.OfferIncomplete) {
    return Option.some(
      Problem.respond(c, "offer-incomplete", {
        detail: `offer version ${error.version} covers no entitlement in: ${error.missingAreas.map(OfferArea.label).join(", ")} (CSWA 2017 s2(2))`
      })
    )
  }
  if (error instanceof LocalOffer.OfferNotApproved) {
    return Option.some(
      Problem.respond(c, "offer-not-approved", {
        detail: `offer version ${error.version} is ${error.state}: approve it before publishing`
      })
    )
  }
  if (error instanceof LocalOffer.DuplicateEntitlement) {
    const message = `entitlement ${error.entitlementId} appears more than once in the offer`
    return Option.some(
      Problem.respond(c, "duplicate-entitlement", {
        detail: message,
        errors: [{ in: "body", field: "entitlements", message }]
      })
    )
  }
  if (error instanceof LocalOffer.EntitlementNotInOffer) {
    const message = `offer version ${error.version} has no entitlement ${error.entitlementId}`
    return Option.some(
      Problem.respond(c, "unknown-entitlement", {
        detail: message,
        errors: [{ in: "body", field: "entitlementId", message }]
      })
    )
  }
  if (error instanceof ChildNotInReturns) {
    return Option.some(
      Problem.respond(c, "child-not-found", {
        detail: `child ${error.childId} is in no return of ${error.council} up to ${error.on}`
      })
    )
  }
  if (error instanceof Priorities.InvalidStrategy) {
    return Option.some(
      Problem.respond(c, "invalid-strategy", {
        detail: error.message,
        errors: error.problems.map((message) => ({ in: "body" as const, field: "priorities", message }))
      })
    )
  }
  if (error instanceof Priorities.StrategyNotFound) {
    return Option.some(
      Problem.respond(c, "strategy-not-found", { detail: `${error.council} has no corporate parenting strategy` })
    )
  }
  if (error instanceof Priorities.UnknownPriorityOrAction) {
    return Option.some(
      Problem.respond(c, "unknown-priority-or-action", {
        detail: error.message,
        errors: [{ in: "path", field: "priority", message: error.message }]
      })
    )
  }
  if (error instanceof Governance.BoardNotFound) {
    return Option.some(
      Problem.respond(c, "board-not-found", { detail: `${error.council} has no board ${error.board}` })
    )
  }
  if (error instanceof Governance.AttendeeNotAMember) {
    const message = `${error.member} is not a member of the board`
    return Option.some(
      Problem.respond(c, "attendee-not-a-member", {
        detail: message,
        errors: [{ in: "body", field: "attendance", message }]
      })
    )
  }
  if (error instanceof StoredReport.ReportNotPossible) {
    return Option.some(Problem.respond(c, "report-not-possible", { detail: error.message }))
  }
  if (error instanceof EntitlementsNotNamed) {
    return Option.some(
      Problem.respond(c, "entitlements-not-named", {
        detail: "name the entitlements your agreement covers with ?entitlements=a,b",
        errors: [{ in: "query", field: "entitlements", message: "required for partners" }]
      })
    )
  }
  return Option.none()
}

/** The problem for a failed run: a known domain error's, else a logged 500. */
const failureResponse = (c: Context<ApiEnv>, deps: Deps, cause: Cause.Cause<unknown>): Response => {
  const known = Option.flatMap(Cause.findErrorOption(cause), (error) => domainProblem(c, error))
  if (Option.isSome(known)) return known.value
  deps.log({ level: "error", msg: "unhandled failure", requestId: c.get("requestId"), cause: Cause.pretty(cause) })
  return Problem.respond(c, "internal")
}

/**
 * Run `effect` and answer with the HTML page it makes, or the problem for its failure.
 * @category encoding
 */
export const answerHtml = async <E>(
  c: Context<ApiEnv>,
  deps: Deps,
  effect: Effect.Effect<string | Uint8Array<ArrayBuffer>, E, Store.Services>,
  contentType = "text/html; charset=UTF-8"
): Promise<Response> => {
  const exit = await deps.runtime.runPromiseExit(effect)
  return Exit.isSuccess(exit)
    ? c.body(exit.value, 200, { "content-type": contentType })
    : failureResponse(c, deps, exit.cause)
}

/**
 * Run `effect` and answer its JSON, text or UTF-8 bytes, as it stands (already encoded, e.g. a cached scorecard), or
 * the problem for its failure.
 * @category encoding
 */
export const answerJson = async <E>(
  c: Context<ApiEnv>,
  deps: Deps,
  effect: Effect.Effect<string | Uint8Array<ArrayBuffer>, E, Store.Services>
): Promise<Response> => {
  const exit = await deps.runtime.runPromiseExit(effect)
  return Exit.isSuccess(exit)
    ? c.body(exit.value, 200, { "content-type": "application/json" })
    : failureResponse(c, deps, exit.cause)
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
  return failureResponse(c, deps, exit.cause)
}
