/**
 * A corporate parenting strategy: a plan for a period (often three years, e.g. 2018-21) made of a few priorities,
 * usually chosen with children in care and care leavers (domain.md §2.2). Each priority names its lead member(s) —
 * Wiltshire gives every priority a named councillor — and a lead officer, and is written in the three sections the
 * seed strategies use (Middlesbrough 2018-21): "what we need to improve", "what we will do" and "what this will mean
 * in practice". A priority serves some of the seven corporate parenting principles (CSWA 2017 s1(1)) and is tracked
 * through indicators of the catalogue and through actions, each with an owner, start and due dates, a status and
 * milestones (domain.md §2.3).
 */
import { Option, Schema } from "effect"
import * as CalendarDate from "./CalendarDate.ts"
import * as CodeList from "./CodeList.ts"
import * as Council from "./Council.ts"

/**
 * The seven corporate parenting principles of the Children and Social Work Act 2017 s1(1)(a)–(g).
 * @category models
 */
export const Principle = CodeList.make("CorporateParentingPrinciple", "Corporate parenting principle", {
  best_interests: "To act in their best interests, and promote their physical and mental health and well-being",
  express_views: "To encourage them to express their views, wishes and feelings",
  take_views_into_account: "To take into account their views, wishes and feelings",
  access_to_services:
    "To help them gain access to, and make the best use of, services provided by the local authority and its relevant partners",
  high_aspirations: "To promote high aspirations, and seek to secure the best outcomes, for them",
  safety_and_stability:
    "For them to be safe, and for stability in their home lives, relationships and education or work",
  prepare_for_adulthood: "To prepare them for adulthood and independent living"
})
export type Principle = (typeof Principle.codes)[number]

const isKey = Schema.isPattern(/^[A-Za-z0-9][A-Za-z0-9._-]{0,39}$/, {
  description: "letters, digits, '.', '_' or '-', at most 40 characters"
})

/** A strategy's id within its council, e.g. `cps-2018-21`. @category models */
export const StrategyId = Schema.String.pipe(Schema.check(isKey), Schema.brand("StrategyId")).annotate({
  identifier: "StrategyId"
})
export type StrategyId = typeof StrategyId.Type

/** A priority's id within its council, e.g. `P3`. @category models */
export const PriorityId = Schema.String.pipe(Schema.check(isKey), Schema.brand("PriorityId")).annotate({
  identifier: "PriorityId"
})
export type PriorityId = typeof PriorityId.Type

/** An action's id within its council, e.g. `P3.2`. @category models */
export const ActionId = Schema.String.pipe(Schema.check(isKey), Schema.brand("ActionId")).annotate({
  identifier: "ActionId"
})
export type ActionId = typeof ActionId.Type

/** @category models */
export const ActionStatus = Schema.Literals(["not_started", "in_progress", "completed", "cancelled"]).annotate({
  identifier: "ActionStatus"
})
export type ActionStatus = typeof ActionStatus.Type

/** A dated step of an action; `completed` once it is done. @category models */
export const Milestone = Schema.Struct({
  title: Schema.NonEmptyString,
  due: CalendarDate.CalendarDate,
  completed: Schema.OptionFromNullOr(CalendarDate.CalendarDate)
}).annotate({ identifier: "Milestone" })
export type Milestone = typeof Milestone.Type

/** @category models */
export const Action = Schema.Struct({
  id: ActionId,
  title: Schema.NonEmptyString,
  /** The officer or partner who answers for it. */
  owner: Schema.NonEmptyString,
  start: CalendarDate.CalendarDate,
  due: CalendarDate.CalendarDate,
  status: ActionStatus,
  milestones: Schema.Array(Milestone)
}).annotate({ identifier: "Action" })
export type Action = typeof Action.Type

/** @category models */
export const Priority = Schema.Struct({
  id: PriorityId,
  title: Schema.NonEmptyString,
  /** The councillor(s) who lead it for the board. */
  leadMembers: Schema.Array(Schema.NonEmptyString),
  leadOfficer: Schema.NonEmptyString,
  whatWeNeedToImprove: Schema.Array(Schema.String),
  whatWeWillDo: Schema.Array(Schema.String),
  whatThisWillMeanInPractice: Schema.Array(Schema.String),
  principles: Schema.Array(Principle.schema),
  /** Ids of catalogue indicators that show progress (`indicators.md`). */
  indicators: Schema.Array(Schema.String),
  actions: Schema.Array(Action)
}).annotate({ identifier: "Priority" })
export type Priority = typeof Priority.Type

/** @category models */
export const Strategy = Schema.Struct({
  id: StrategyId,
  council: Council.CouncilId,
  title: Schema.NonEmptyString,
  period: Schema.Struct({ start: CalendarDate.CalendarDate, end: CalendarDate.CalendarDate }),
  priorities: Schema.Array(Priority)
}).annotate({ identifier: "Strategy" })
export type Strategy = typeof Strategy.Type

/** A rule a strategy breaks, naming where. @category models */
export interface Problem {
  readonly at: string
  readonly message: string
}

/**
 * What is wrong with a strategy, in words: ids used twice, dates in the wrong order, a priority without a lead
 * member. An empty list means it can be kept.
 * @category getters
 */
export const problems = (self: Strategy): ReadonlyArray<Problem> => {
  const out: Array<Problem> = []
  if (self.period.end < self.period.start) {
    out.push({ at: "period", message: `ends (${self.period.end}) before it starts (${self.period.start})` })
  }
  const priorityIds = new Set<string>()
  const actionIds = new Set<string>()
  for (const p of self.priorities) {
    const at = `priority ${p.id}`
    if (priorityIds.has(p.id)) out.push({ at, message: "id used by another priority" })
    priorityIds.add(p.id)
    if (p.leadMembers.length === 0) out.push({ at, message: "has no lead member" })
    for (const a of p.actions) {
      const actionAt = `action ${a.id}`
      if (actionIds.has(a.id)) out.push({ at: actionAt, message: "id used by another action" })
      actionIds.add(a.id)
      if (a.due < a.start) out.push({ at: actionAt, message: `due (${a.due}) before it starts (${a.start})` })
      a.milestones.forEach((m, i) => {
        if (Option.isSome(m.completed) && m.completed.value < a.start) {
          out.push({ at: `${actionAt} milestone ${i + 1}`, message: "completed before the action started" })
        }
      })
    }
  }
  return out
}

/** Every action of the strategy with its priority. @category getters */
export const actions = (self: Strategy): ReadonlyArray<{ readonly priority: Priority; readonly action: Action }> =>
  self.priorities.flatMap((priority) => priority.actions.map((action) => ({ priority, action })))

/** @category getters */
export const priorityById = (self: Strategy, id: string): Option.Option<Priority> =>
  Option.fromNullishOr(self.priorities.find((p) => p.id === id))

/** The period as councils write it: `2018-21`. @category getters */
export const periodLabel = (self: Strategy): string =>
  `${CalendarDate.year(self.period.start)}-${String(CalendarDate.year(self.period.end) % 100).padStart(2, "0")}`

/** An action that is finished one way or another. @category predicates */
export const isClosed = (a: Action): boolean => a.status === "completed" || a.status === "cancelled"
