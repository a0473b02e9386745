/**
 * Pledges to children in care and care leavers, and the themes young people raise (issue 15), over the store's
 * `Pledges` and voice `Themes` as `cpo pledges` uses them. Nothing here is child-level.
 *
 * - `GET …/pledges[?asOf=]`: each pledge with its status, last review with the Children in Care Council and its
 *   evidence followed to the measures, actions and "you said, we did" entries it names, plus any link that leads
 *   nowhere (`Pledge.problems`)
 * - `GET …/pledges/published[?asOf=]`: open to anyone, like the local offer it sits next to: plain words and status
 * - `POST …/pledges`: keep a pledge; refused when its evidence leads to no record held
 * - `POST …/pledges/:pledge/reviews`: a dated review
 * - `GET …/voice[?audience=][&from=&to=]`: the themes for the audience (counts of 1 to 5 hidden), with a tally
 * - `POST …/voice`: record a theme
 */
import { AuditLog, CalendarDate, Pledge, UserRole, Voice } from "@cpo/domain"
import { Effect, Option, Schema } from "effect"
import { type Context, Hono } from "hono"
import { endpoints } from "../endpoints.ts"
import { guard, validate } from "../middleware.ts"
import * as Problem from "../problem.ts"
import { callerOf, type Deps } from "../run.ts"
import type { ApiEnv } from "../runtime.ts"
import { answerWith } from "./measures.ts"
import { dayOf } from "./offer.ts"

/** Evidence that leads nowhere, refused before the pledge is kept. */
class PledgeEvidenceNotHeld extends Schema.TaggedError<PledgeEvidenceNotHeld>()("PledgeEvidenceNotHeld", {
  problems: Schema.Array(Schema.String)
}) {}

const pledgeProblems = (c: Context<ApiEnv>, error: unknown): Option.Option<Response> => {
  if (error instanceof Pledge.PledgeNotFound) {
    return Option.some(Problem.respond(c, "pledge-not-found", { detail: error.message }))
  }
  if (error instanceof PledgeEvidenceNotHeld) {
    return Option.some(
      Problem.respond(c, "invalid-pledge", {
        detail: error.problems.join("; "),
        errors: error.problems.map((message) => ({ in: "body" as const, field: "evidence", message }))
      })
    )
  }
  return Option.none()
}

export const pledges = (deps: Deps) =>
  new Hono<ApiEnv>()
    .get(
      endpoints.publishedPledges.path,
      guard("publishedPledges"),
      validate("param", endpoints.publishedPledges.params),
      validate("query", endpoints.publishedPledges.query),
      (c) => {
        const { council } = c.req.valid("param")
        const query = c.req.valid("query")
        const program = Effect.gen(function* () {
          const asOf = yield* dayOf(query.asOf)
          const held = yield* (yield* Pledge.Pledges).pledges(council)
          return {
            asOf,
            pledges: Pledge.publish(held, asOf).map((p) => ({
              ...p,
              lastReviewedWithChildren: Option.getOrNull(p.lastReviewedWithChildren)
            }))
          }
        })
        return answerWith(c, deps, program, endpoints.publishedPledges.response, 200)
      }
    )
    .get(
      endpoints.pledges.path,
      guard("pledges"),
      validate("param", endpoints.pledges.params),
      validate("query", endpoints.pledges.query),
      (c) => {
        const { council } = c.req.valid("param")
        const query = c.req.valid("query")
        const program = Effect.gen(function* () {
          const asOf = yield* dayOf(query.asOf)
          const held = yield* (yield* Pledge.Pledges).pledges(council)
          const records = yield* Pledge.recordsOf(council)
          return {
            asOf,
            pledges: held.map((pledge) => ({
              pledge,
              status: Option.getOrNull(Pledge.statusOn(pledge, asOf)),
              lastReviewedWithChildren: Option.getOrNull(Pledge.lastReviewedWithChildren(pledge, asOf)),
              evidence: Pledge.evidenceTrail(pledge, records).map((l) => ({
                kind: l.kind,
                id: l.id,
                title: Option.getOrNull(l.title)
              }))
            })),
            problems: Pledge.problems(held, records)
          }
        }).pipe(AuditLog.withCaller(callerOf(c, endpoints.pledges, council)))
        return answerWith(c, deps, program, endpoints.pledges.response, 200)
      }
    )
    .post(
      endpoints.savePledge.path,
      guard("savePledge"),
      validate("param", endpoints.savePledge.params),
      validate("json", endpoints.savePledge.body.schema),
      (c) => {
        const { council } = c.req.valid("param")
        const program = Effect.gen(function* () {
          const store = yield* Pledge.Pledges
          const existing = (yield* store.pledges(council)).find((p) => p.id === c.req.valid("json").id)
          // The council is the path's; reviews already held stay (they are added one by one).
          const pledge: Pledge.Pledge = { ...c.req.valid("json"), council, reviews: existing?.reviews ?? [] }
          const problems = Pledge.problems([pledge], yield* Pledge.recordsOf(council))
          if (problems.length > 0) {
            return yield* new PledgeEvidenceNotHeld({ problems: problems.map((p) => `${p.at}: ${p.message}`) })
          }
          yield* store.save(pledge)
          return pledge
        }).pipe(AuditLog.withCaller(callerOf(c, endpoints.savePledge, council)))
        return answerWith(c, deps, program, Pledge.Pledge, 201, pledgeProblems)
      }
    )
    .post(
      endpoints.reviewPledge.path,
      guard("reviewPledge"),
      validate("param", endpoints.reviewPledge.params),
      validate("json", endpoints.reviewPledge.body.schema),
      (c) => {
        const { council, pledge } = c.req.valid("param")
        const review = c.req.valid("json")
        const program = Effect.gen(function* () {
          const store = yield* Pledge.Pledges
          yield* store.review(council, pledge, review)
          const saved = (yield* store.pledges(council)).find((p) => p.id === pledge)
          return saved === undefined ? yield* new Pledge.PledgeNotFound({ council, pledge }) : saved
        }).pipe(AuditLog.withCaller(callerOf(c, endpoints.reviewPledge, council)))
        return answerWith(c, deps, program, Pledge.Pledge, 201, pledgeProblems)
      }
    )
    .get(
      endpoints.voice.path,
      guard("voice"),
      validate("param", endpoints.voice.params),
      validate("query", endpoints.voice.query),
      (c) => {
        const { council } = c.req.valid("param")
        const query = c.req.valid("query")
        const audience = UserRole.audienceFor(c.get("principal").role, query.audience)
        const program = Effect.gen(function* () {
          const all = yield* (yield* Voice.Themes).themes(council)
          const chosen = Voice.during(
            all,
            query.from ?? CalendarDate.make("0001-01-01"),
            query.to ?? CalendarDate.make("9999-12-31")
          )
          return {
            audience,
            themes: Voice.publish(chosen, audience).map((t) => ({ ...t, raisedBy: Option.getOrNull(t.raisedBy) })),
            tally: Voice.tally(chosen)
          }
        }).pipe(AuditLog.withCaller(callerOf(c, endpoints.voice, council)))
        return answerWith(c, deps, program, endpoints.voice.response, 200)
      }
    )
    .post(
      endpoints.recordTheme.path,
      guard("recordTheme"),
      validate("param", endpoints.recordTheme.params),
      validate("json", endpoints.recordTheme.body.schema),
      (c) => {
        const { council } = c.req.valid("param")
        const theme: Voice.Theme = { ...c.req.valid("json"), council }
        const program = Voice.Themes.use((store) => store.record(theme)).pipe(
          Effect.as(theme),
          AuditLog.withCaller(callerOf(c, endpoints.recordTheme, council))
        )
        return answerWith(c, deps, program, Voice.Theme, 201)
      }
    )
