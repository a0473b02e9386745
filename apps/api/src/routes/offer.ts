/**
 * The care leavers' local offer (issue 9), over the store's `LocalOffers` exactly as `cpo offer` uses it:
 *
 * - `GET …/offer[?on=]` — the published offer in force, open to anyone: open JSON (`OfferPage.toJson`), or the
 *   accessible page (`OfferPage.toHtmlPage`) when the caller prefers `text/html` or asks for `…/offer.html`;
 * - the versions and their lifecycle (draft, consult, approve, publish) and a diff, for officers and administrators;
 * - `GET …/entitlements/:child` — what a young person (from the council's 903 returns) can have on a day, why, and
 *   what changes ahead; audited, and limited to named entitlements for partners;
 * - take-up: recording an application, award or payment, and the year's summary suppressed by audience.
 */
import {
  AuditLog,
  CalendarDate,
  type Council,
  LocalOffer,
  OfferPage,
  ReportingYear,
  Returns,
  TakeUp,
  UserRole,
  YoungPeople
} from "@cpo/domain"
import { Clock, Effect, Option } from "effect"
import { type Context, Hono } from "hono"
import { endpoints } from "../endpoints.ts"
import { guard, validate } from "../middleware.ts"
import { answer, answerHtml, ChildNotInReturns, callerOf, type Deps, EntitlementsNotNamed } from "../run.ts"
import type { ApiEnv } from "../runtime.ts"

const today = Effect.map(Clock.currentTimeMillis, (now) => CalendarDate.make(new Date(now).toISOString().slice(0, 10)))

/** The day asked for, or today (UTC, by Effect's clock): what every route's `?on=` or `?asOf=` means when left out. */
export const dayOf = (on: CalendarDate.CalendarDate | undefined) => (on === undefined ? today : Effect.succeed(on))

/** Does the caller rank `text/html` above JSON in `Accept`? */
const prefersHtml = (c: Context<ApiEnv>): boolean => {
  const accept = (c.req.header("accept") ?? "").toLowerCase()
  const html = accept.indexOf("text/html")
  const json = accept.indexOf("application/json")
  return html >= 0 && (json < 0 || html < json)
}

/** The published offer in force on the day and the council's name. */
const publishedOffer = (council: Council.CouncilId, on: CalendarDate.CalendarDate | undefined) =>
  Effect.gen(function* () {
    const day = yield* dayOf(on)
    const record = yield* Returns.Returns.use((returns) => returns.council(council))
    const offer = yield* LocalOffer.LocalOffers.use((offers) => offers.publishedOn(council, day))
    return { offer, day, councilName: record.name }
  })

/** The young person as the offer sees them on `on`, from the stored returns (`YoungPeople.fromStore`). */
const youngPerson = (council: Council.CouncilId, childId: string, on: CalendarDate.CalendarDate) =>
  Effect.flatMap(YoungPeople.fromStore(council, childId, on), (person) =>
    Option.isSome(person) ? Effect.succeed(person.value) : Effect.fail(new ChildNotInReturns({ council, childId, on }))
  )

export const offer = (deps: Deps) =>
  new Hono<ApiEnv>()
    .get(
      endpoints.offerPage.path,
      guard("offerPage"),
      validate("param", endpoints.offerPage.params),
      validate("query", endpoints.offerPage.query),
      (c) => {
        const { council } = c.req.valid("param")
        const { on } = c.req.valid("query")
        const program = Effect.map(publishedOffer(council, on), ({ offer, day, councilName }) =>
          OfferPage.toHtmlPage(offer, councilName, day)
        )
        return answerHtml(c, deps, program)
      }
    )
    .get(
      endpoints.offer.path,
      guard("offer"),
      validate("param", endpoints.offer.params),
      validate("query", endpoints.offer.query),
      (c) => {
        const { council } = c.req.valid("param")
        const { on } = c.req.valid("query")
        const published = publishedOffer(council, on)
        if (prefersHtml(c)) {
          return answerHtml(
            c,
            deps,
            Effect.map(published, ({ offer, day, councilName }) => OfferPage.toHtmlPage(offer, councilName, day))
          )
        }
        return answer(
          c,
          deps,
          Effect.map(published, ({ offer, day }) => OfferPage.toJson(offer, day) as typeof OfferPage.PublicOffer.Type),
          OfferPage.PublicOffer
        )
      }
    )
    .get(
      endpoints.offerVersions.path,
      guard("offerVersions"),
      validate("param", endpoints.offerVersions.params),
      (c) => {
        const { council } = c.req.valid("param")
        const program = LocalOffer.LocalOffers.use((offers) => offers.versions(council)).pipe(
          Effect.map((versions) => ({ versions }))
        )
        return answer(c, deps, program, LocalOffer.OfferVersions)
      }
    )
    .get(
      endpoints.offerDiff.path,
      guard("offerDiff"),
      validate("param", endpoints.offerDiff.params),
      validate("query", endpoints.offerDiff.query),
      (c) => {
        const { council } = c.req.valid("param")
        const { from, to } = c.req.valid("query")
        const program = Effect.gen(function* () {
          const offers = yield* LocalOffer.LocalOffers
          return LocalOffer.diff(yield* offers.version(council, from), yield* offers.version(council, to))
        })
        return answer(c, deps, program, LocalOffer.OfferDiff)
      }
    )
    .get(endpoints.offerVersion.path, guard("offerVersion"), validate("param", endpoints.offerVersion.params), (c) => {
      const { council, version } = c.req.valid("param")
      const program = LocalOffer.LocalOffers.use((offers) => offers.version(council, version))
      return answer(c, deps, program, LocalOffer.OfferVersion)
    })
    .post(
      endpoints.draftOffer.path,
      guard("draftOffer"),
      validate("param", endpoints.draftOffer.params),
      validate("json", endpoints.draftOffer.body.schema),
      (c) => {
        const { council } = c.req.valid("param")
        const draft = c.req.valid("json")
        const by = callerOf(c, endpoints.draftOffer, council).actor
        const program = LocalOffer.LocalOffers.use((offers) => offers.saveDraft(council, draft, by))
        return answer(c, deps, program, LocalOffer.OfferVersion, 201)
      }
    )
    .post(
      endpoints.consultOffer.path,
      guard("consultOffer"),
      validate("param", endpoints.consultOffer.params),
      validate("json", endpoints.consultOffer.body.schema),
      (c) => {
        const { council, version } = c.req.valid("param")
        const consultation = c.req.valid("json")
        const recordedBy = callerOf(c, endpoints.consultOffer, council).actor
        const program = LocalOffer.LocalOffers.use((offers) =>
          offers.recordConsultation(council, version, { ...consultation, recordedBy })
        )
        return answer(c, deps, program, LocalOffer.OfferVersion, 201)
      }
    )
    .post(endpoints.approveOffer.path, guard("approveOffer"), validate("param", endpoints.approveOffer.params), (c) => {
      const { council, version } = c.req.valid("param")
      const by = callerOf(c, endpoints.approveOffer, council).actor
      const program = LocalOffer.LocalOffers.use((offers) => offers.approve(council, version, by))
      return answer(c, deps, program, LocalOffer.OfferVersion)
    })
    .post(
      endpoints.publishOffer.path,
      guard("publishOffer"),
      validate("param", endpoints.publishOffer.params),
      validate("json", endpoints.publishOffer.body.schema),
      (c) => {
        const { council, version } = c.req.valid("param")
        const { effectiveFrom } = c.req.valid("json")
        const by = callerOf(c, endpoints.publishOffer, council).actor
        const program = LocalOffer.LocalOffers.use((offers) => offers.publish(council, version, by, effectiveFrom))
        return answer(c, deps, program, LocalOffer.OfferVersion)
      }
    )
    .get(
      endpoints.entitlements.path,
      guard("entitlements"),
      validate("param", endpoints.entitlements.params),
      validate("query", endpoints.entitlements.query),
      (c) => {
        const { council, child } = c.req.valid("param")
        const query = c.req.valid("query")
        const caller = callerOf(c, endpoints.entitlements, council)
        const partner = c.get("principal").role === "partner"
        const program = Effect.gen(function* () {
          if (partner && (query.entitlements ?? []).length === 0) return yield* new EntitlementsNotNamed()
          const on = yield* dayOf(query.on)
          const offer = yield* LocalOffer.LocalOffers.use((offers) => offers.publishedOn(council, on))
          const person = yield* youngPerson(council, child, on)
          yield* AuditLog.AuditLog.use((log) =>
            log.record(AuditLog.access(caller, council, "read", { _tag: "Children", childIds: [child] }))
          )
          const named = query.entitlements === undefined ? undefined : new Set<string>(query.entitlements)
          const personal = LocalOffer.entitlementsOn(offer, person, on)
          const changes = LocalOffer.upcomingChanges(offer, person, on, CalendarDate.addDays(on, query.ahead ?? 365))
          return {
            ...personal,
            assessments: personal.assessments.filter((a) => named === undefined || named.has(a.entitlementId)),
            upcomingChanges: changes.filter((change) => named === undefined || named.has(change.entitlementId))
          }
        }).pipe(AuditLog.withCaller(caller))
        return answer(c, deps, program, LocalOffer.PersonalEntitlements)
      }
    )
    .post(
      endpoints.recordTakeUp.path,
      guard("recordTakeUp"),
      validate("param", endpoints.recordTakeUp.params),
      validate("json", endpoints.recordTakeUp.body.schema),
      (c) => {
        const { council } = c.req.valid("param")
        const record = c.req.valid("json")
        const caller = callerOf(c, endpoints.recordTakeUp, council)
        const program = Effect.gen(function* () {
          const offers = yield* LocalOffer.LocalOffers
          const offerVersion =
            record.offerVersion ?? (yield* Effect.map(offers.publishedOn(council, record.on), (v) => v.version))
          return yield* offers.recordTakeUp({
            council,
            offerVersion,
            entitlementId: record.entitlementId,
            childId: record.childId,
            stage: record.stage,
            on: record.on,
            pence: Option.fromNullishOr(record.pence),
            recordedBy: caller.actor
          })
        }).pipe(AuditLog.withCaller(caller))
        return answer(c, deps, program, TakeUp.TakeUp, 201)
      }
    )
    .get(
      endpoints.takeUpSummary.path,
      guard("takeUpSummary"),
      validate("param", endpoints.takeUpSummary.params),
      validate("query", endpoints.takeUpSummary.query),
      (c) => {
        const { council } = c.req.valid("param")
        const query = c.req.valid("query")
        const audience = UserRole.audienceFor(c.get("principal").role, query.audience)
        const program = Effect.gen(function* () {
          const end = ReportingYear.end(query.year)
          const offers = yield* LocalOffer.LocalOffers
          const offer = yield* offers.publishedOn(council, end)
          const records = yield* offers.takeUp(council, ReportingYear.start(query.year), end)
          // Ages and statuses come from the year's return when there is one; without it they are "unknown".
          const ret = yield* Returns.Returns.use((returns) => returns.current(council, query.year)).pipe(Effect.option)
          const people = Option.match(ret, { onNone: () => [], onSome: (r) => YoungPeople.ofReturn(r, end) })
          return TakeUp.summarise({ records, offer, people, by: query.by ?? "entitlement", audience })
        }).pipe(AuditLog.withCaller(callerOf(c, endpoints.takeUpSummary, council)))
        return answer(c, deps, program, TakeUp.Summary)
      }
    )
