/**
 * `GET /health`, `GET /openapi.json` and `GET /docs`: open to anyone, no data.
 */
import { Hono } from "hono"
import { docsPage } from "../docs-page.ts"
import { endpoints } from "../endpoints.ts"
import { document } from "../openapi.ts"
import type { ApiEnv } from "../runtime.ts"

/** The API's version, reported by `/health` and the OpenAPI document. */
export const version = "0.1.0"

export const meta = () => {
  const openapi = document({ version })
  return new Hono<ApiEnv>()
    .get(endpoints.health.path, (c) => c.json({ status: "ok" as const, version }))
    .get(endpoints.openapi.path, (c) => c.json(openapi))
    .get(endpoints.docs.path, (c) => c.html(docsPage))
}
