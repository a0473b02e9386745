/**
 * The council's corporate parenting strategy through the API: each priority and action with its latest RAG
 * (`GET …/priorities`), the open actions overdue or at risk with the reasons (`GET …/priorities/overdue`), and
 * recording a dated RAG update with commentary for a priority or one of its actions (officers and administrators).
 */
import * as CalendarDate from "@cpo/domain/CalendarDate"
import * as Progress from "@cpo/domain/Progress"
import * as Strategy from "@cpo/domain/Strategy"
import { Schema } from "effect"
import { getJson, sendJson } from "./api.ts"

/** The strategy with each priority's and action's latest update. @category models */
export const PriorityStatus = Schema.Struct({
  strategy: Strategy.Strategy,
  asOf: CalendarDate.CalendarDate,
  priorities: Schema.Array(
    Schema.Struct({
      id: Strategy.PriorityId,
      latest: Schema.OptionFromNullOr(Progress.Update),
      actions: Schema.Array(Schema.Struct({ id: Strategy.ActionId, latest: Schema.OptionFromNullOr(Progress.Update) }))
    })
  )
})
export type PriorityStatus = typeof PriorityStatus.Type

/** The open actions overdue or at risk, overdue first. @category models */
export const Concerns = Schema.Struct({
  asOf: CalendarDate.CalendarDate,
  concerns: Schema.Array(
    Schema.Struct({
      priority: Strategy.PriorityId,
      priorityTitle: Schema.String,
      action: Strategy.ActionId,
      actionTitle: Schema.String,
      owner: Schema.String,
      due: CalendarDate.CalendarDate,
      level: Schema.Literals(["overdue", "at_risk"]),
      reasons: Schema.Array(Schema.Struct({ kind: Schema.String, text: Schema.String }))
    })
  )
})
export type Concern = (typeof Concerns.Type)["concerns"][number]

const base = (council: string) => `/v1/councils/${encodeURIComponent(council)}/priorities`

/** @category constructors */
export const fetchPriorities = (council: string): Promise<PriorityStatus> => getJson(base(council), PriorityStatus)

/** @category constructors */
export const fetchConcerns = (council: string): Promise<ReadonlyArray<Concern>> =>
  getJson(`${base(council)}/overdue`, Concerns).then((c) => c.concerns)

/** What an officer writes; the API records them as the author. @category models */
export interface NewUpdate {
  readonly on: CalendarDate.CalendarDate
  readonly rag: Progress.Rag
  readonly commentary: string
}

/** Record an update for a whole priority, or for one of its actions when `action` is given. @category constructors */
export const recordUpdate = (
  council: string,
  priority: string,
  action: string | undefined,
  update: NewUpdate
): Promise<Progress.Update> =>
  sendJson(
    action === undefined
      ? `${base(council)}/${encodeURIComponent(priority)}/updates`
      : `${base(council)}/${encodeURIComponent(priority)}/actions/${encodeURIComponent(action)}/updates`,
    update,
    Progress.Update
  )
