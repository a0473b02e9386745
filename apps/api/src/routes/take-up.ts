/**
 * `GET /v1/councils/:council/takeup/gaps[?on=&entitlements=a,b]`: the young people each entitlement of the offer in
 * force on the day applies to who have had no award or payment of it (`TakeUp.notTakenUp`) — the gaps a corporate
 * parenting board asks about. It names young people, so it is for officers and audited: the young people come from
 * the newest current return up to the day, as a young person's entitlements do.
 */
import {
  AuditLog,
  CalendarDate,
  type Council,
  LocalOffer,
  ReportingYear,
  Returns,
  TakeUp,
  YoungPeople
} from "@cpo/domain"
import { Effect } from "effect"
import { Hono } from "hono"
import { endpoints } from "../endpoints.ts"
import { guard, validate } from "../middleware.ts"
import { answer, callerOf, type Deps } from "../run.ts"
import type { ApiEnv } from "../runtime.ts"
import { dayOf } from "./offer.ts"
import { TakeUpGaps } from "./offer-endpoints.ts"

/** Take-up records are kept from this day on; every one up to the day asked counts. */
const firstRecord = CalendarDate.make("2000-01-01")

/** The young people of the newest current return whose year started by `on`, as the offer sees them that day. */
const youngPeopleOn = (council: Council.CouncilId, on: CalendarDate.CalendarDate) =>
  Effect.gen(function* () {
    const returns = yield* Returns.Returns
    const year = (yield* returns.years(council)).find((y) => ReportingYear.start(y) <= on)
    if (year === undefined) return []
    const ret = yield* returns.current(council, year)
    return YoungPeople.ofReturn(ret, on)
  })

export const takeUp = (deps: Deps) =>
  new Hono<ApiEnv>().get(
    endpoints.takeUpGaps.path,
    guard("takeUpGaps"),
    validate("param", endpoints.takeUpGaps.params),
    validate("query", endpoints.takeUpGaps.query),
    (c) => {
      const { council } = c.req.valid("param")
      const query = c.req.valid("query")
      const caller = callerOf(c, endpoints.takeUpGaps, council)
      const program = Effect.gen(function* () {
        const on = yield* dayOf(query.on)
        const offers = yield* LocalOffer.LocalOffers
        const offer = yield* offers.publishedOn(council, on)
        const people = yield* youngPeopleOn(council, on)
        const records = yield* offers.takeUp(council, firstRecord, on)
        const gaps = TakeUp.notTakenUp({ offer, people, records, on, keys: query.entitlements ?? [] })
        yield* AuditLog.AuditLog.use((log) =>
          log.record(
            AuditLog.access(caller, council, "read", {
              _tag: "Children",
              childIds: [...new Set(gaps.map((g) => g.childId))]
            })
          )
        )
        return { on, offerVersion: offer.version, gaps }
      }).pipe(AuditLog.withCaller(caller))
      return answer(c, deps, program, TakeUpGaps)
    }
  )
