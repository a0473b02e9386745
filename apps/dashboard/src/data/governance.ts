/**
 * The council's corporate parenting governance (`GET /v1/councils/:council/governance`): each board with its
 * members, its meetings with the quorum computed from attendance, the financial year's meetings against the minimum
 * its terms of reference set, and the reports falling due in the next twelve months.
 */
import type * as CalendarDate from "@cpo/domain/CalendarDate"
import * as Governance from "@cpo/domain/Governance"
import { getJson, sendJson } from "./api.ts"

/** One board as the governance page shows it. @category models */
export type BoardView = Governance.View["boards"][number]

/** @category constructors */
export const fetchGovernance = (council: string): Promise<Governance.View> =>
  getJson(`/v1/councils/${encodeURIComponent(council)}/governance`, Governance.View)

/** A meeting to record: its day, each member's attendance and the agenda. @category models */
export interface NewMeeting {
  readonly on: CalendarDate.CalendarDate
  readonly attendance: ReadonlyArray<{ readonly member: string; readonly status: Governance.AttendanceStatus }>
  readonly agenda: ReadonlyArray<string>
}

/** Record a board meeting; the API checks the attendees are members and computes the quorum. @category constructors */
export const recordMeeting = (council: string, board: string, meeting: NewMeeting): Promise<Governance.Meeting> =>
  sendJson(
    `/v1/councils/${encodeURIComponent(council)}/governance/boards/${encodeURIComponent(board)}/meetings`,
    meeting,
    Governance.Meeting
  )

/** A member joining a board: role, group and term (the API gives the id). @category models */
export interface NewBoardMember {
  readonly name: string
  readonly role: Governance.Role
  readonly membership: Governance.Membership
  readonly organisation: string | null
  readonly from: CalendarDate.CalendarDate
  readonly until: CalendarDate.CalendarDate | null
}

const boardPath = (council: string, board: string) =>
  `/v1/councils/${encodeURIComponent(council)}/governance/boards/${encodeURIComponent(board)}`

/** Add a member to a board; the API answers the board with them. @category constructors */
export const addBoardMember = (council: string, board: string, member: NewBoardMember): Promise<Governance.Board> =>
  sendJson(`${boardPath(council, board)}/members`, member, Governance.Board)

/** End a member's term on `until` (the API refuses a day before the term began). @category constructors */
export const endBoardTerm = (
  council: string,
  board: string,
  member: string,
  until: CalendarDate.CalendarDate
): Promise<Governance.Board> =>
  sendJson(`${boardPath(council, board)}/members/${encodeURIComponent(member)}/term-end`, { until }, Governance.Board)
