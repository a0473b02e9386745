/**
 * The corporate parenting strategy, its progress and its governance (issue 8), over the store's `Priorities` and
 * `Boards` as `cpo priorities` uses them. None of it is child-level: members read it; officers and administrators
 * record progress.
 *
 * - `POST …/strategy`: create or replace the strategy (`Priorities.saveStrategy` checks it)
 * - `GET …/priorities[?asOf=]`: the strategy, each priority's and action's latest RAG (`Progress.latest`)
 * - `GET …/priorities/overdue[?asOf=]`: open actions overdue or at risk (`Progress.concerns`)
 * - `POST …/priorities/:priority/updates` and `…/actions/:action/updates`: a dated RAG update with commentary
 * - `GET …/priorities/:priority/updates` and `…/actions/:action/updates`: the RAG history (`Progress.history`)
 * - `GET …/you-said-we-did[?from=&to=]` and `POST …/you-said-we-did`: what young people said and what the council
 *   did, linked to priorities (`Priorities.recordYouSaidWeDid` checks them)
 * - `GET …/governance[?asOf=]`: boards, meetings with their quorum (`Governance.quorum`), the year's meetings against
 *   the minimum (`Governance.meetingsSummary`) and the reports due in the next twelve months (`ReportingCycle`)
 */
import {
  CalendarDate,
  type Council,
  Governance,
  Priorities,
  Progress,
  ReportingCycle,
  ReportingYear,
  Strategy,
  YouSaidWeDid
} from "@cpo/domain"
import { Effect, Option } from "effect"
import { type Context, Hono } from "hono"
import { endpoints } from "../endpoints.ts"
import { guard, validate } from "../middleware.ts"
import { answer, callerOf, type Deps } from "../run.ts"
import type { ApiEnv } from "../runtime.ts"
import { dayOf } from "./offer.ts"
import { type NewUpdate, UpdateHistory, YouSaidWeDidList } from "./strategy-endpoints.ts"

/**
 * The priority of the council's current strategy, or one of its actions, as the subject of RAG updates. The action
 * must belong to the priority named in the path, not merely exist somewhere in the strategy.
 */
const subjectOf = (
  council: Council.CouncilId,
  priority: Strategy.PriorityId,
  action: Option.Option<Strategy.ActionId>
) =>
  Effect.gen(function* () {
    const strategy = yield* (yield* Priorities.Priorities).strategy(council)
    const known = Option.match(action, {
      onNone: () => Option.isSome(Strategy.priorityById(strategy, priority)),
      onSome: (a) => Strategy.actions(strategy).some((x) => x.priority.id === priority && x.action.id === a)
    })
    if (!known) {
      return yield* new Priorities.UnknownPriorityOrAction({ council, id: Option.getOrElse(action, () => priority) })
    }
    return Option.match(action, {
      onNone: (): Progress.Subject => ({ _tag: "Priority", priority }),
      onSome: (a): Progress.Subject => ({ _tag: "Action", action: a })
    })
  })

/** Record an update about a priority, or one of its actions, written by the caller. */
const recordUpdate = (
  c: Context<ApiEnv>,
  endpoint: typeof endpoints.priorityUpdate | typeof endpoints.actionUpdate,
  target: {
    readonly council: Council.CouncilId
    readonly priority: Strategy.PriorityId
    readonly action: Option.Option<Strategy.ActionId>
  },
  body: typeof NewUpdate.Type
) =>
  Effect.gen(function* () {
    yield* subjectOf(target.council, target.priority, target.action)
    const update: Progress.Update = {
      id: body.id ?? Progress.UpdateId.make(`U-${crypto.randomUUID()}`),
      council: target.council,
      priority: target.priority,
      action: target.action,
      on: body.on,
      rag: body.rag,
      commentary: body.commentary,
      evidence: body.evidence ?? [],
      author: callerOf(c, endpoint, target.council).actor
    }
    yield* Priorities.Priorities.use((store) => store.recordUpdate(update))
    return update
  })

/** The RAG history of a priority of the current strategy, or of one of its actions. */
const historyOf = (
  council: Council.CouncilId,
  priority: Strategy.PriorityId,
  action: Option.Option<Strategy.ActionId>
) =>
  Effect.gen(function* () {
    const subject = yield* subjectOf(council, priority, action)
    const updates = yield* Priorities.Priorities.use((store) => store.updates(council))
    return { updates: Progress.history(updates, subject) }
  })

export const priorities = (deps: Deps) =>
  new Hono<ApiEnv>()
    .post(
      endpoints.saveStrategy.path,
      guard("saveStrategy"),
      validate("param", endpoints.saveStrategy.params),
      validate("json", endpoints.saveStrategy.body.schema),
      (c) => {
        const { council } = c.req.valid("param")
        const strategy = c.req.valid("json")
        // The council is the one in the path (which the caller is bound to), never one named in the body.
        const stored = { ...strategy, council }
        const program = Priorities.Priorities.use((store) => store.saveStrategy(stored)).pipe(Effect.as(stored))
        return answer(c, deps, program, Strategy.Strategy, 201)
      }
    )
    .get(
      endpoints.overdue.path,
      guard("overdue"),
      validate("param", endpoints.overdue.params),
      validate("query", endpoints.overdue.query),
      (c) => {
        const { council } = c.req.valid("param")
        const query = c.req.valid("query")
        const program = Effect.gen(function* () {
          const asOf = yield* dayOf(query.asOf)
          const store = yield* Priorities.Priorities
          const strategy = yield* store.strategy(council)
          const found = Progress.concerns(strategy, yield* store.updates(council), {
            asOf,
            ...(query.dueSoonDays === undefined ? {} : { dueSoonDays: query.dueSoonDays }),
            ...(query.staleAfterDays === undefined ? {} : { staleAfterDays: query.staleAfterDays })
          })
          return {
            asOf,
            concerns: found.map((concern) => ({
              priority: concern.priority.id,
              priorityTitle: concern.priority.title,
              action: concern.action.id,
              actionTitle: concern.action.title,
              owner: concern.action.owner,
              due: concern.action.due,
              level: concern.level,
              reasons: concern.reasons.map((reason) => ({ kind: reason._tag, text: Progress.describeReason(reason) }))
            }))
          }
        })
        return answer(c, deps, program, Progress.ConcernsView)
      }
    )
    .get(
      endpoints.priorities.path,
      guard("priorities"),
      validate("param", endpoints.priorities.params),
      validate("query", endpoints.priorities.query),
      (c) => {
        const { council } = c.req.valid("param")
        const query = c.req.valid("query")
        const program = Effect.gen(function* () {
          const asOf = yield* dayOf(query.asOf)
          const store = yield* Priorities.Priorities
          const strategy = yield* store.strategy(council)
          const updates = yield* store.updates(council)
          return {
            strategy,
            asOf,
            priorities: strategy.priorities.map((priority) => ({
              id: priority.id,
              latest: Progress.latest(updates, { _tag: "Priority", priority: priority.id }, asOf),
              actions: priority.actions.map((action) => ({
                id: action.id,
                latest: Progress.latest(updates, { _tag: "Action", action: action.id }, asOf)
              }))
            }))
          }
        })
        return answer(c, deps, program, Progress.StatusView)
      }
    )
    .post(
      endpoints.priorityUpdate.path,
      guard("priorityUpdate"),
      validate("param", endpoints.priorityUpdate.params),
      validate("json", endpoints.priorityUpdate.body.schema),
      (c) => {
        const { council, priority } = c.req.valid("param")
        const program = recordUpdate(
          c,
          endpoints.priorityUpdate,
          { council, priority, action: Option.none() },
          c.req.valid("json")
        )
        return answer(c, deps, program, Progress.Update, 201)
      }
    )
    .post(
      endpoints.actionUpdate.path,
      guard("actionUpdate"),
      validate("param", endpoints.actionUpdate.params),
      validate("json", endpoints.actionUpdate.body.schema),
      (c) => {
        const { council, priority, action } = c.req.valid("param")
        const program = recordUpdate(
          c,
          endpoints.actionUpdate,
          { council, priority, action: Option.some(action) },
          c.req.valid("json")
        )
        return answer(c, deps, program, Progress.Update, 201)
      }
    )
    .get(
      endpoints.priorityHistory.path,
      guard("priorityHistory"),
      validate("param", endpoints.priorityHistory.params),
      (c) => {
        const { council, priority } = c.req.valid("param")
        return answer(c, deps, historyOf(council, priority, Option.none()), UpdateHistory)
      }
    )
    .get(
      endpoints.actionHistory.path,
      guard("actionHistory"),
      validate("param", endpoints.actionHistory.params),
      (c) => {
        const { council, priority, action } = c.req.valid("param")
        return answer(c, deps, historyOf(council, priority, Option.some(action)), UpdateHistory)
      }
    )
    .get(
      endpoints.youSaidWeDid.path,
      guard("youSaidWeDid"),
      validate("param", endpoints.youSaidWeDid.params),
      validate("query", endpoints.youSaidWeDid.query),
      (c) => {
        const { council } = c.req.valid("param")
        const { from, to } = c.req.valid("query")
        const program = Priorities.Priorities.use((store) => store.youSaidWeDid(council)).pipe(
          Effect.map((entries) => ({
            entries: entries.filter((e) => (from === undefined || e.on >= from) && (to === undefined || e.on <= to))
          }))
        )
        return answer(c, deps, program, YouSaidWeDidList)
      }
    )
    .post(
      endpoints.recordYouSaidWeDid.path,
      guard("recordYouSaidWeDid"),
      validate("param", endpoints.recordYouSaidWeDid.params),
      validate("json", endpoints.recordYouSaidWeDid.body.schema),
      (c) => {
        const { council } = c.req.valid("param")
        const body = c.req.valid("json")
        // The council is the one in the path (which the caller is bound to).
        const entry: YouSaidWeDid.Entry = {
          ...body,
          id: body.id ?? YouSaidWeDid.EntryId.make(`Y-${crypto.randomUUID()}`),
          council
        }
        const program = Priorities.Priorities.use((store) => store.recordYouSaidWeDid(entry)).pipe(Effect.as(entry))
        return answer(c, deps, program, YouSaidWeDid.Entry, 201)
      }
    )
    .get(
      endpoints.governance.path,
      guard("governance"),
      validate("param", endpoints.governance.params),
      validate("query", endpoints.governance.query),
      (c) => {
        const { council } = c.req.valid("param")
        const query = c.req.valid("query")
        const program = Effect.gen(function* () {
          const asOf = yield* dayOf(query.asOf)
          const store = yield* Governance.Boards
          const year = ReportingYear.containing(asOf)
          const boards = yield* Effect.forEach(yield* store.list(council), (board) =>
            Effect.map(Effect.orDie(store.meetings(council, board.id)), (meetings) => ({
              board,
              meetings: meetings.map((meeting) => ({ meeting, ...Governance.quorum(board, meeting) })),
              year: Governance.meetingsSummary(board, meetings, ReportingYear.start(year), ReportingYear.end(year)),
              due: ReportingCycle.dueBetween(
                board.reportingCycle,
                asOf,
                CalendarDate.addDays(CalendarDate.addYears(asOf, 1), -1)
              )
            }))
          )
          return { asOf, boards }
        })
        return answer(c, deps, program, Governance.View)
      }
    )
