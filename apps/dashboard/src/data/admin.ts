/**
 * What the administrator's page reads: the API's own OpenAPI document (`GET /openapi.json`, open), whose operations
 * carry their row of the authorization matrix (`x-cpo-roles`), so the roles table is the API's table, never a copy.
 */
import * as UserRole from "@cpo/domain/UserRole"
import { Schema } from "effect"
import { getJson } from "./api.ts"

const Operation = Schema.Struct({
  operationId: Schema.String,
  summary: Schema.String,
  tags: Schema.Array(Schema.String),
  "x-cpo-roles": Schema.Union([Schema.Literal("open"), Schema.Array(UserRole.UserRole)])
})

const OpenApi = Schema.Struct({
  paths: Schema.Record(Schema.String, Schema.Record(Schema.String, Operation))
})

/** One route of the API and who may call it. @category models */
export interface RouteAccess {
  readonly id: string
  readonly method: string
  readonly path: string
  readonly summary: string
  readonly tag: string
  /** `open` needs no credential; otherwise the roles allowed. */
  readonly roles: "open" | ReadonlyArray<UserRole.UserRole>
}

/** Every route of the API with its roles, grouped by tag, in the document's order. @category constructors */
export const fetchRouteAccess = async (): Promise<ReadonlyArray<RouteAccess>> => {
  const document = await getJson("/openapi.json", OpenApi)
  const routes = Object.entries(document.paths).flatMap(([path, methods]) =>
    Object.entries(methods).map(([method, operation]) => ({
      id: operation.operationId,
      method: method.toUpperCase(),
      path,
      summary: operation.summary,
      tag: operation.tags[0] ?? "other",
      roles: operation["x-cpo-roles"]
    }))
  )
  const tags = [...new Set(routes.map((r) => r.tag))]
  return tags.flatMap((tag) => routes.filter((r) => r.tag === tag))
}

/** Whether a role may call a route. @category predicates */
export const allows = (route: RouteAccess, role: UserRole.UserRole): boolean =>
  route.roles === "open" || route.roles.includes(role)

/** The token lifetimes offered (the server's `token --ttl`). @category models */
export const lifetimes = ["1h", "8h", "24h", "7d", "30d"] as const

/**
 * The command an operator runs on the server to issue a signed token (`node dist/server.mjs token`, apps/api
 * `src/token.ts`). It signs with `CPO_JWT_SECRET` from the server's environment, so the secret never reaches a
 * browser.
 * @category constructors
 */
export const tokenCommand = (options: {
  readonly role: UserRole.UserRole
  readonly council: string
  readonly subject: string
  readonly ttl: (typeof lifetimes)[number]
}): string =>
  [
    "node dist/server.mjs token",
    `--role ${options.role}`,
    `--council ${options.council}`,
    `--ttl ${options.ttl}`,
    ...(options.subject.trim() === "" ? [] : [`--subject '${options.subject.trim().replaceAll("'", "'\\''")}'`])
  ].join(" ")
