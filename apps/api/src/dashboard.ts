/**
 * The built dashboard's static files at `/`, with a single-page-app fallback: any GET that is not an API path and
 * not a file answers `index.html`, so the dashboard's own routes survive a reload. Node only (reads the disk).
 */
import * as Path from "node:path"
import { serveStatic } from "@hono/node-server/serve-static"
import { Hono } from "hono"
import type { ApiEnv } from "./runtime.ts"

/** Paths that belong to the API: never answered with `index.html`. */
const isApiPath = (path: string): boolean => path.startsWith("/v1/") || path === "/v1" || path === "/openapi.json"

/** @category constructors */
export const dashboard = (dir: string): Hono<ApiEnv> => {
  const root = Path.resolve(dir)
  const index = serveStatic<ApiEnv>({ path: Path.join(root, "index.html") })
  return new Hono<ApiEnv>()
    .use("*", async (c, next) => (isApiPath(c.req.path) ? next() : serveStatic<ApiEnv>({ root })(c, next)))
    .get("*", async (c, next) => (isApiPath(c.req.path) ? next() : index(c, next)))
}
