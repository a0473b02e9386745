/**
 * The middleware every route shares: a request id and one structured log line per request, authentication of the
 * presented credential, the authorization guard driven by `authorization.ts`, and input validation with the domain's
 * Schemas through Standard Schema.
 */
import type { Council } from "@cpo/domain"
import { sValidator } from "@hono/standard-validator"
import { Cause, Exit, Result, Schema, SchemaIssue, SchemaParser } from "effect"
import type { MiddlewareHandler, ValidationTargets } from "hono"
import { createMiddleware } from "hono/factory"
import {
  type ApiKeyEntry,
  type AuthFailure,
  demoPrincipal,
  isBoundTo,
  makeTokenVerifier,
  verifyApiKey
} from "./auth.ts"
import { isAllowed, matrix } from "./authorization.ts"
import type { EndpointId, FieldIssue } from "./endpoints.ts"
import * as Problem from "./problem.ts"
import type { ApiEnv, Logger } from "./runtime.ts"

const requestIdPattern = /^[A-Za-z0-9._-]{1,128}$/

/**
 * Give every request an id (the caller's `X-Request-Id` when it is sensible, else a new UUID), echo it on every
 * response, and log one JSON line per request with it.
 * @category middleware
 */
export const requestLog = (log: Logger): MiddlewareHandler<ApiEnv> =>
  createMiddleware<ApiEnv>(async (c, next) => {
    const given = c.req.header("x-request-id")
    const requestId = given !== undefined && requestIdPattern.test(given) ? given : crypto.randomUUID()
    c.set("requestId", requestId)
    const started = performance.now()
    await next()
    c.res.headers.set("x-request-id", requestId)
    const principal = c.get("principal")
    log({
      level: c.res.status >= 500 ? "error" : "info",
      msg: "request",
      requestId,
      method: c.req.method,
      path: c.req.path,
      status: c.res.status,
      ms: Math.round((performance.now() - started) * 10) / 10,
      ...(principal === undefined ? {} : { actor: `${principal.via}:${principal.subject}`, role: principal.role })
    })
  })

const bearer = /^Bearer\s+(\S+)$/i

/** How many verified bearer tokens an app remembers (a few hundred bytes each). */
const verifiedTokensKept = 4096

/**
 * Resolve the presented credential (bearer token or `X-Api-Key`) to a principal or an authentication failure. With
 * no credential, the demo's anonymous officer when `demo` is on, else nothing. Rejecting is the guard's job, so that
 * open routes work without a credential.
 * @category middleware
 */
export const authenticate = (options: {
  readonly jwtSecret: string | undefined
  readonly apiKeys: ReadonlyArray<ApiKeyEntry>
  readonly demo: boolean
}): MiddlewareHandler<ApiEnv> => {
  const verifyToken =
    options.jwtSecret === undefined
      ? undefined
      : makeTokenVerifier({ secret: options.jwtSecret, capacity: verifiedTokensKept })
  return createMiddleware<ApiEnv>(async (c, next) => {
    const authorization = c.req.header("authorization")
    const apiKey = c.req.header("x-api-key")
    if (authorization !== undefined) {
      const token = bearer.exec(authorization)?.[1]
      c.set(
        "auth",
        token === undefined || verifyToken === undefined
          ? Result.fail<AuthFailure>("invalid")
          : await verifyToken(token)
      )
    } else if (apiKey !== undefined) {
      c.set("auth", await verifyApiKey(options.apiKeys, apiKey))
    } else if (options.demo) {
      c.set("auth", Result.succeed(demoPrincipal))
    }
    const auth = c.get("auth")
    if (auth !== undefined && Result.isSuccess(auth)) c.set("principal", auth.success)
    await next()
  })
}

const failureKind: Record<AuthFailure, Problem.Kind> = {
  missing: "unauthenticated",
  invalid: "invalid-credentials",
  "unknown-key": "invalid-credentials",
  expired: "expired-token"
}

/**
 * Let the request through only if `authorization.ts` allows the caller's role on this route and, when the path names
 * a council, the caller is bound to it. A refusal never says whether the council exists.
 * @category middleware
 */
export const guard = (endpoint: EndpointId): MiddlewareHandler<ApiEnv> =>
  createMiddleware<ApiEnv>(async (c, next) => {
    if (matrix[endpoint] === "open") return next()
    const auth = c.get("auth")
    if (auth === undefined)
      return Problem.respond(c, "unauthenticated", { detail: "send a bearer token or an X-Api-Key" })
    if (Result.isFailure(auth)) return Problem.respond(c, failureKind[auth.failure])
    const principal = auth.success
    if (!isAllowed(endpoint, principal.role)) {
      return Problem.respond(c, "role-not-permitted", { detail: `the ${principal.role} role may not use this route` })
    }
    const council = c.req.param("council")
    if (council !== undefined && !isBoundTo(principal, council as Council.CouncilId)) {
      return Problem.respond(c, "council-not-permitted")
    }
    return next()
  })

const where: Record<keyof ValidationTargets, FieldIssue["in"]> = {
  param: "path",
  query: "query",
  header: "header",
  json: "body",
  form: "body",
  cookie: "header"
}

const fieldOf = (path: ReadonlyArray<PropertyKey | { readonly key: PropertyKey }> | undefined): string =>
  (path ?? []).map((p) => String(typeof p === "object" ? p.key : p)).join(".")

const parseOptions = { errors: "all" } as const

/**
 * `schema` as a Standard Schema for request validation. Effect's own adapter runs every validation in a fiber of its
 * own, which was most of a warm request's work; here a schema that decodes without effects is decoded synchronously,
 * and its issues are formatted by the adapter's own formatter, so the value or the issues are exactly the adapter's.
 * Anything else (a defect, a schema needing an effect) goes through the adapter.
 * @category constructors
 */
export const standardSchemaOf = <S extends Schema.Codec<unknown, unknown>>(schema: S) => {
  const adapter = Schema.toStandardSchemaV1(schema, { parseOptions })
  const decode = SchemaParser.decodeUnknownExit(schema, parseOptions)
  const format = SchemaIssue.makeFormatterStandardSchemaV1()
  const validate = (value: unknown) => {
    const exit = decode(value)
    if (Exit.isSuccess(exit)) return { value: exit.value }
    const issue = Cause.findErrorOption(exit.cause)
    return issue._tag === "Some" && SchemaIssue.isIssue(issue.value)
      ? format(issue.value)
      : adapter["~standard"].validate(value)
  }
  // Only `~standard` is read by the validator middleware.
  const standard = { ...adapter["~standard"], validate } as (typeof adapter)["~standard"]
  return { "~standard": standard }
}

/** How many paths or query strings one route's validator remembers before starting afresh. */
const decodedKept = 512

/** The raw query string of a URL (after `?`, before `#`), "" when there is none. */
const rawQueryOf = (url: string): string => {
  const q = url.indexOf("?")
  if (q < 0) return ""
  const hash = url.indexOf("#", q)
  return hash < 0 ? url.slice(q + 1) : url.slice(q + 1, hash)
}

/**
 * Validate one part of the request with a domain Schema; failures answer `validation-failed` naming each field.
 *
 * Paths and query strings repeat (a dashboard asks for the same scorecard again and again), so for `param` and `query`
 * each route remembers what a raw path or query string decoded to: a repeat is answered with that value, without
 * parsing the query or running the schema again. Only values that passed are remembered (a refusal is always worked
 * out afresh) and each is frozen, as every request then shares it. Bodies are always decoded.
 * @category middleware
 */
export const validate = <Target extends "param" | "query" | "json", S extends Schema.Codec<unknown, unknown>>(
  target: Target,
  schema: S
) => {
  const standard = sValidator(target, standardSchemaOf(schema), (result, c) => {
    if (result.success) return
    return Problem.respond(c as never, "validation-failed", {
      errors: result.error.map((issue) => ({ in: where[target], field: fieldOf(issue.path), message: issue.message }))
    })
  })
  if (target === "json") return standard
  const remembered = new Map<string, unknown>()
  const remembering: MiddlewareHandler<ApiEnv> = async (c, next) => {
    // One validator serves one route, so its path alone gives its parameters.
    const raw = target === "query" ? rawQueryOf(c.req.url) : c.req.path
    const known = remembered.get(raw)
    if (known !== undefined) {
      c.req.addValidatedData(target, known as object)
      return next()
    }
    // Not seen before: the standard validator decides, and answers a refusal itself; a value that passed is kept.
    return standard(c as never, async () => {
      const value = Object.freeze((c.req.valid as (t: Target) => unknown)(target))
      c.req.addValidatedData(target, value as object)
      if (remembered.size >= decodedKept) remembered.clear()
      remembered.set(raw, value)
      await next()
    })
  }
  return remembering as unknown as typeof standard
}
