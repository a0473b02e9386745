/**
 * Every error the API answers is an RFC 9457 problem document (`application/problem+json`) with a stable `type` per
 * kind of failure, the request id, and field details for validation failures — never a stack trace or SQL. Domain
 * errors are mapped to problems here and nowhere else.
 */
import type { Context } from "hono"
import type { ContentfulStatusCode } from "hono/utils/http-status"
import type { FieldIssue, Problem } from "./endpoints.ts"
import type { ApiEnv } from "./runtime.ts"

/** The kinds of problem, each with its status and title; `type` is `urn:cpo:problem:<kind>`. @category models */
export const kinds = {
  unauthenticated: { status: 401, title: "Authentication required" },
  "invalid-credentials": { status: 401, title: "The credentials are not valid" },
  "expired-token": { status: 401, title: "The token has expired" },
  "role-not-permitted": { status: 403, title: "Your role may not use this route" },
  "council-not-permitted": { status: 403, title: "Your credentials are not bound to this council" },
  "validation-failed": { status: 400, title: "The request is not valid" },
  "malformed-body": { status: 400, title: "The request body cannot be read" },
  "dimension-not-available": { status: 400, title: "The cohort cannot be profiled by that dimension" },
  "list-not-allowed": { status: 403, title: "Lists of young people are for officers only" },
  "no-files": { status: 400, title: "No 903 files were attached" },
  "unreadable-file": { status: 422, title: "A 903 file cannot be read" },
  "payload-too-large": { status: 413, title: "The upload is too large" },
  "not-found": { status: 404, title: "No such route" },
  "council-not-found": { status: 404, title: "No such council" },
  "return-not-found": { status: 404, title: "No current return for that year" },
  "offer-version-not-found": { status: 404, title: "No such offer version" },
  "no-published-offer": { status: 404, title: "No published offer in force on that day" },
  "offer-not-draft": { status: 409, title: "Only a draft can change" },
  "offer-not-consulted": { status: 409, title: "The draft has not been consulted on with care leavers" },
  "offer-incomplete": { status: 422, title: "The offer does not cover every statutory area" },
  "offer-not-approved": { status: 409, title: "Only an approved version can be published" },
  "duplicate-entitlement": { status: 400, title: "An entitlement appears more than once" },
  "unknown-entitlement": { status: 422, title: "The offer version has no such entitlement" },
  "child-not-found": { status: 404, title: "No such young person in the council's returns" },
  "entitlements-not-named": { status: 403, title: "Partners see named entitlements only" },
  "invalid-strategy": { status: 422, title: "The strategy is not consistent" },
  "strategy-not-found": { status: 404, title: "The council has no strategy" },
  "unknown-priority-or-action": { status: 422, title: "The current strategy has no such priority or action" },
  "report-not-possible": { status: 422, title: "The report cannot be built from what is stored" },
  "measure-not-found": { status: 404, title: "The council has no such local measure" },
  "unknown-measure": { status: 422, title: "The council has no such local measure" },
  "invalid-measure": { status: 422, title: "The local measure or its figures break a rule" },
  "pledge-not-found": { status: 404, title: "The council has no such pledge" },
  "invalid-pledge": { status: 422, title: "The pledge's evidence leads to no record held" },
  "board-not-found": { status: 404, title: "The council has no such board" },
  "attendee-not-a-member": { status: 422, title: "An attendee is not a member of the board" },
  internal: { status: 500, title: "Internal error" }
} as const satisfies Record<string, { status: ContentfulStatusCode; title: string }>

/** @category models */
export type Kind = keyof typeof kinds

/** @category getters */
export const typeOf = (kind: Kind): string => `urn:cpo:problem:${kind}`

/**
 * The problem document for `kind`.
 * @category constructors
 */
export const make = (
  c: Context<ApiEnv>,
  kind: Kind,
  options: { readonly detail?: string; readonly errors?: ReadonlyArray<FieldIssue> } = {}
): Problem => ({
  type: typeOf(kind),
  title: kinds[kind].title,
  status: kinds[kind].status,
  ...(options.detail === undefined ? {} : { detail: options.detail }),
  instance: new URL(c.req.url).pathname,
  requestId: c.get("requestId"),
  ...(options.errors === undefined ? {} : { errors: options.errors })
})

/**
 * Answer with the problem document for `kind`.
 * @category encoding
 */
export const respond = (
  c: Context<ApiEnv>,
  kind: Kind,
  options: { readonly detail?: string; readonly errors?: ReadonlyArray<FieldIssue> } = {}
): Response => {
  const headers: Record<string, string> = { "content-type": "application/problem+json" }
  if (kinds[kind].status === 401) headers["www-authenticate"] = 'Bearer realm="cpo"'
  return c.body(JSON.stringify(make(c, kind, options)), kinds[kind].status, headers)
}
