/**
 * The edge build: a `fetch` handler (Cloudflare Workers / workerd, Deno, Vercel Edge) serving only a published
 * snapshot (`snapshot.ts`) — public-audience scorecards — with the same paths, validation, problem documents and
 * request ids as the Node API. It holds no store, reads no child-level data and imports no `node:*` module.
 *
 * The snapshot comes from the environment: `CPO_SNAPSHOT` (the JSON itself, e.g. a Workers text binding) or
 * `CPO_SNAPSHOT_URL` (where `cpo publish --to <url>` put it), loaded once per isolate.
 */
import { Returns, Scorecard } from "@cpo/domain"
import { Option, Schema } from "effect"
import { Hono } from "hono"
import { CouncilList, CouncilSummary, endpoints } from "./endpoints.ts"
import { requestLog, validate } from "./middleware.ts"
import * as Problem from "./problem.ts"
import { version } from "./routes/meta.ts"
import { domainProblem } from "./run.ts"
import type { ApiEnv, Logger } from "./runtime.ts"
import * as Snapshot from "./snapshot.ts"

const jsonLines: Logger = (line) => console.log(JSON.stringify({ time: new Date().toISOString(), ...line }))

const encodeList = Schema.encodeSync(CouncilList)
const encodeCouncil = Schema.encodeSync(CouncilSummary)
const encodeScorecard = Schema.encodeSync(Scorecard.Scorecard)

/**
 * The edge app over a snapshot (or a promise of one).
 * @category constructors
 */
export const makeEdgeApp = (
  load: () => Promise<Snapshot.Snapshot>,
  options: { readonly log?: Logger } = {}
): Hono<ApiEnv> => {
  const find = async (council: string) => (await load()).councils.find((p) => p.council.id === council)
  const app = new Hono<ApiEnv>()
    .use(requestLog(options.log ?? jsonLines))
    .get(endpoints.health.path, (c) => c.json({ status: "ok" as const, version }))
    .get(endpoints.listCouncils.path, async (c) =>
      c.json(encodeList({ councils: (await load()).councils.map((p) => p.council) }))
    )
    .get(endpoints.getCouncil.path, validate("param", endpoints.getCouncil.params), async (c) => {
      const { council } = c.req.valid("param")
      const published = await find(council)
      if (published === undefined) return Option.getOrThrow(domainProblem(c, new Returns.CouncilNotFound({ council })))
      return c.json(encodeCouncil(published.council))
    })
    .get(
      endpoints.indicators.path,
      validate("param", endpoints.indicators.params),
      validate("query", endpoints.indicators.query),
      async (c) => {
        const { council } = c.req.valid("param")
        const { year } = c.req.valid("query")
        const published = await find(council)
        if (published === undefined) {
          return Option.getOrThrow(domainProblem(c, new Returns.CouncilNotFound({ council })))
        }
        const scorecard = published.scorecards.find((s) => s.year === year)
        if (scorecard === undefined) {
          return Option.getOrThrow(domainProblem(c, new Returns.ReturnNotFound({ council, year })))
        }
        return c.json(encodeScorecard(scorecard))
      }
    )
  app.notFound((c) => Problem.respond(c, "not-found", { detail: `${c.req.method} ${new URL(c.req.url).pathname}` }))
  app.onError((error, c) => {
    ;(options.log ?? jsonLines)({
      level: "error",
      msg: "unhandled error",
      requestId: c.get("requestId"),
      error: String(error)
    })
    return Problem.respond(c, "internal")
  })
  return app
}

/** What the edge runtime passes as `env`. @category models */
export interface EdgeEnv {
  readonly CPO_SNAPSHOT?: string
  readonly CPO_SNAPSHOT_URL?: string
}

/**
 * A `fetch` handler loading the snapshot from `env` on first use and keeping it for the isolate's life.
 * @category constructors
 */
export const makeEdgeHandler = () => {
  let app: Hono<ApiEnv> | undefined
  const appFor = (env: EdgeEnv): Hono<ApiEnv> => {
    if (app !== undefined) return app
    let loading: Promise<Snapshot.Snapshot> | undefined
    const load = () => {
      loading ??=
        env.CPO_SNAPSHOT !== undefined
          ? Promise.resolve(Snapshot.decode(env.CPO_SNAPSHOT))
          : env.CPO_SNAPSHOT_URL !== undefined
            ? fetch(env.CPO_SNAPSHOT_URL)
                .then((res) => (res.ok ? res.text() : Promise.reject(new Error(`snapshot: HTTP ${res.status}`))))
                .then(Snapshot.decode)
            : Promise.reject(new Error("set CPO_SNAPSHOT or CPO_SNAPSHOT_URL"))
      // A failed load is retried on the next request rather than cached.
      loading.catch(() => {
        loading = undefined
      })
      return loading
    }
    app = makeEdgeApp(load)
    return app
  }
  return { fetch: (request: Request, env: EdgeEnv = {}) => appFor(env).fetch(request) }
}

export default makeEdgeHandler()
