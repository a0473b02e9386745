/**
 * The council's corporate parenting strategy through the API: each priority and action with its latest RAG
 * (`GET …/priorities`), the open actions overdue or at risk with the reasons (`GET …/priorities/overdue`), and
 * recording a dated RAG update with commentary for a priority or one of its actions (officers and administrators).
 */
import type * as CalendarDate from "@cpo/domain/CalendarDate"
import * as Progress from "@cpo/domain/Progress"
import { getJson, sendJson } from "./api.ts"

/** The strategy with each priority's and action's latest update. @category models */
export type PriorityStatus = Progress.StatusView

/** An open action overdue or at risk, with the reasons in words. @category models */
export type Concern = Progress.ConcernsView["concerns"][number]

const base = (council: string) => `/v1/councils/${encodeURIComponent(council)}/priorities`

/** @category constructors */
export const fetchPriorities = (council: string): Promise<PriorityStatus> => getJson(base(council), Progress.StatusView)

/** @category constructors */
export const fetchConcerns = (council: string): Promise<ReadonlyArray<Concern>> =>
  getJson(`${base(council)}/overdue`, Progress.ConcernsView).then((c) => c.concerns)

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
