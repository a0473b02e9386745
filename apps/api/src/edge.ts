/**
 * The edge build: a `fetch` handler (Cloudflare Workers / workerd, Deno, Vercel Edge) serving only a published
 * snapshot (`snapshot.ts`) — public-audience scorecards, the published local offer (JSON and page) and the public
 * member report — with the same paths, validation, problem documents and request ids as the Node API answers a public
 * caller. It holds no store, reads no child-level data and imports no `node:*` module.
 *
 * The snapshot comes from the environment: `CPO_SNAPSHOT` (the JSON itself, e.g. a Workers text binding) or
 * `CPO_SNAPSHOT_URL` (where `cpo publish --to <url>` put it), loaded once per isolate.
 */
import { CalendarDate, Council, LocalOffer, OfferPage, Returns, Scorecard } from "@cpo/domain"
import { Option, Schema } from "effect"
import { type Context, Hono } from "hono"
import { endpoints } from "./endpoints.ts"
import { requestLog, validate } from "./middleware.ts"
import * as Problem from "./problem.ts"
import { version } from "./routes/meta.ts"
import { domainProblem } from "./run.ts"
import type { ApiEnv, Logger } from "./runtime.ts"
import * as Snapshot from "./snapshot.ts"

const jsonLines: Logger = (line) => console.log(JSON.stringify({ time: new Date().toISOString(), ...line }))

const encodeList = Schema.encodeSync(Council.List)
const encodeCouncil = Schema.encodeSync(Council.Summary)
const encodeScorecard = Schema.encodeSync(Scorecard.Scorecard)
const encodeOffer = Schema.encodeSync(OfferPage.PublicOffer)

const html = "text/html; charset=UTF-8"
const markdown = "text/markdown; charset=UTF-8"

/** Today in UTC, as the Node API's offer route takes it when no `?on=` is given. */
const today = () => CalendarDate.make(new Date().toISOString().slice(0, 10))

/** Does the caller rank `text/html` above JSON in `Accept`? (The same test as the Node offer route.) */
const prefersHtml = (c: Context<ApiEnv>): boolean => {
  const accept = (c.req.header("accept") ?? "").toLowerCase()
  const page = accept.indexOf("text/html")
  const json = accept.indexOf("application/json")
  return page >= 0 && (json < 0 || page < json)
}

/** Answer with the problem of a domain error the API knows (every one raised here is). */
const problem = (c: Context<ApiEnv>, error: unknown): Response => Option.getOrThrow(domainProblem(c, error))

/**
 * The edge app over a snapshot (or a promise of one).
 * @category constructors
 */
export const makeEdgeApp = (
  load: () => Promise<Snapshot.Snapshot>,
  options: { readonly log?: Logger } = {}
): Hono<ApiEnv> => {
  const find = async (council: string) => (await load()).councils.find((p) => p.council.id === council)
  /** The offer in force on the day asked (today by default), with the council's name; or the problem to answer. */
  const offerOn = async (c: Context<ApiEnv>, council: string, on: CalendarDate.CalendarDate | undefined) => {
    const published = await find(council)
    if (published === undefined) return problem(c, new Returns.CouncilNotFound({ council }))
    const day = on ?? today()
    const offer = LocalOffer.inForceOn(published.offers, day)
    if (Option.isNone(offer)) return problem(c, new LocalOffer.NoPublishedOffer({ council, on: day }))
    return { offer: offer.value, day, councilName: published.council.name }
  }
  const app = new Hono<ApiEnv>()
    .use(requestLog(options.log ?? jsonLines))
    .get(endpoints.health.path, (c) => c.json({ status: "ok" as const, version }))
    .get(endpoints.listCouncils.path, async (c) =>
      c.json(encodeList({ councils: (await load()).councils.map((p) => p.council) }))
    )
    .get(endpoints.getCouncil.path, validate("param", endpoints.getCouncil.params), async (c) => {
      const { council } = c.req.valid("param")
      const published = await find(council)
      if (published === undefined) return problem(c, new Returns.CouncilNotFound({ council }))
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
        if (published === undefined) return problem(c, new Returns.CouncilNotFound({ council }))
        const scorecard = published.scorecards.find((s) => s.year === year)
        if (scorecard === undefined) return problem(c, new Returns.ReturnNotFound({ council, year }))
        return c.json(encodeScorecard(scorecard))
      }
    )
    .get(
      endpoints.offerPage.path,
      validate("param", endpoints.offerPage.params),
      validate("query", endpoints.offerPage.query),
      async (c) => {
        const found = await offerOn(c, c.req.valid("param").council, c.req.valid("query").on)
        if (found instanceof Response) return found
        return c.body(OfferPage.toHtmlPage(found.offer, found.councilName, found.day), 200, { "content-type": html })
      }
    )
    .get(
      endpoints.offer.path,
      validate("param", endpoints.offer.params),
      validate("query", endpoints.offer.query),
      async (c) => {
        const found = await offerOn(c, c.req.valid("param").council, c.req.valid("query").on)
        if (found instanceof Response) return found
        if (prefersHtml(c)) {
          return c.body(OfferPage.toHtmlPage(found.offer, found.councilName, found.day), 200, { "content-type": html })
        }
        return c.json(encodeOffer(OfferPage.toJson(found.offer, found.day) as typeof OfferPage.PublicOffer.Type))
      }
    )
    .get(
      endpoints.memberReport.path,
      validate("param", endpoints.memberReport.params),
      validate("query", endpoints.memberReport.query),
      async (c) => {
        const { council } = c.req.valid("param")
        const query = c.req.valid("query")
        const published = await find(council)
        if (published === undefined) return problem(c, new Returns.CouncilNotFound({ council }))
        // Only the public report is published: whatever audience is asked for, the public one is answered, as the
        // Node API answers a public caller.
        const report = published.reports.find((r) => r.year === query.year)
        if (report === undefined) return problem(c, new Returns.ReturnNotFound({ council, year: query.year }))
        return query.format === "md"
          ? c.body(report.markdown, 200, { "content-type": markdown })
          : c.body(report.html, 200, { "content-type": html })
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
