/**
 * The Hono app: one router per feature mounted under `/v1`, sharing the request-id/log, authentication and problem
 * middleware, and running every effect on the one runtime it is given (`runtime.ts`).
 *
 * ```ts
 * const app = makeApp({ runtime: makeRuntime({ dataDir: ".data/pglite" }), demo: true })
 * const res = await app.request("/v1/councils/demo-borough/indicators?year=2026")
 * ```
 */
import { Hono } from "hono"
import { HTTPException } from "hono/http-exception"
import type { ApiKeyEntry } from "./auth.ts"
import { authenticate, requestLog } from "./middleware.ts"
import * as Problem from "./problem.ts"
import { audit } from "./routes/audit.ts"
import { careLeavers } from "./routes/care-leavers.ts"
import { cohorts } from "./routes/cohorts.ts"
import { councils } from "./routes/councils.ts"
import { governance } from "./routes/governance.ts"
import { health } from "./routes/health.ts"
import { indicatorReference } from "./routes/indicator-reference.ts"
import { indicators } from "./routes/indicators.ts"
import { measures } from "./routes/measures.ts"
import { meta } from "./routes/meta.ts"
import { offer } from "./routes/offer.ts"
import { placements } from "./routes/placements.ts"
import { pledges } from "./routes/pledges.ts"
import { priorities } from "./routes/priorities.ts"
import { report } from "./routes/report.ts"
import { reportPdf } from "./routes/report-pdf.ts"
import { returns } from "./routes/returns.ts"
import { takeUp } from "./routes/take-up.ts"
import type { Deps } from "./run.ts"
import type { ApiEnv, ApiRuntime, Logger } from "./runtime.ts"
import { makeScorecardCache } from "./scorecard.ts"

export { issueToken, makeApiKey } from "./auth.ts"
export { makeRuntime } from "./runtime.ts"

/** @category models */
export interface AppOptions {
  readonly runtime: ApiRuntime
  /** HS256 secret for bearer tokens; without it only API keys (and the demo) authenticate. */
  readonly jwtSecret?: string | undefined
  readonly apiKeys?: ReadonlyArray<ApiKeyEntry>
  /** Reads open to an anonymous officer without a credential — the local demo only, never production. */
  readonly demo?: boolean
  /** Where structured log lines go; default: one JSON line each on stdout. */
  readonly log?: Logger
  /** How long a cached scorecard is served before checking the year's current import again (default 2 s). */
  readonly scorecardFreshForMillis?: number
  /** The largest 903 upload accepted, in bytes (default 50 MiB). */
  readonly maxUploadBytes?: number
  /** Extra routes mounted last (e.g. the dashboard's static files in `main.ts`). */
  readonly fallback?: Hono<ApiEnv>
}

const jsonLines: Logger = (line) => console.log(JSON.stringify({ time: new Date().toISOString(), ...line }))

/**
 * The API as a Hono app over `runtime`.
 * @category constructors
 */
export const makeApp = (options: AppOptions): Hono<ApiEnv> => {
  const deps: Deps = {
    runtime: options.runtime,
    log: options.log ?? jsonLines,
    maxUploadBytes: options.maxUploadBytes ?? 50 * 1024 * 1024,
    scorecards: makeScorecardCache({ capacity: 256, freshForMillis: options.scorecardFreshForMillis ?? 2000 })
  }
  const app = new Hono<ApiEnv>()
    .use(requestLog(deps.log))
    .use(
      authenticate({
        jwtSecret: options.jwtSecret,
        apiKeys: options.apiKeys ?? [],
        demo: options.demo ?? false
      })
    )
    .route("/", meta())
    .route("/", councils(deps))
    .route("/", indicators(deps))
    .route("/", indicatorReference(deps))
    .route("/", cohorts(deps))
    .route("/", placements(deps))
    .route("/", careLeavers(deps))
    .route("/", health(deps))
    .route("/", governance(deps))
    .route("/", returns(deps))
    .route("/", offer(deps))
    .route("/", takeUp(deps))
    .route("/", priorities(deps))
    .route("/", report(deps))
    .route("/", reportPdf(deps))
    .route("/", measures(deps))
    .route("/", pledges(deps))
    .route("/", audit(deps))
  if (options.fallback !== undefined) app.route("/", options.fallback)
  app.notFound((c) => Problem.respond(c, "not-found", { detail: `${c.req.method} ${new URL(c.req.url).pathname}` }))
  app.onError((error, c) => {
    if (error instanceof HTTPException && error.status === 413) return Problem.respond(c, "payload-too-large")
    if (error instanceof HTTPException && error.status === 400) {
      return Problem.respond(c, "malformed-body", { detail: error.message })
    }
    deps.log({ level: "error", msg: "unhandled error", requestId: c.get("requestId"), error: String(error) })
    return Problem.respond(c, "internal")
  })
  return app
}
