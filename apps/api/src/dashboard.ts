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

/**
 * Vite names every file it builds under `assets/` after a hash of its content, so a browser may keep one for a year
 * without asking again; the files at the root (`index.html`, `sw.js`, the manifest, icons) keep their names across
 * builds and are checked on every use, so a new build is seen at once.
 */
const cacheControl = (path: string): string =>
  path.startsWith("/assets/") ? "public, max-age=31536000, immutable" : "no-cache"

/** @category constructors */
export const dashboard = (dir: string): Hono<ApiEnv> => {
  const root = Path.resolve(dir)
  const files = serveStatic<ApiEnv>({ root })
  const index = serveStatic<ApiEnv>({ path: Path.join(root, "index.html") })
  // serveStatic answers a file it found with a Response; otherwise it passes the request on (next).
  return new Hono<ApiEnv>()
    .use("*", async (c, next) => {
      if (isApiPath(c.req.path)) return next()
      const served = await files(c, next)
      if (served instanceof Response) served.headers.set("Cache-Control", cacheControl(c.req.path))
      return served
    })
    .get("*", async (c, next) => {
      if (isApiPath(c.req.path)) return next()
      const served = await index(c, next)
      if (served instanceof Response) served.headers.set("Cache-Control", "no-cache")
      return served
    })
}
