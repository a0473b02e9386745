/**
 * The council's corporate parenting governance (`GET /v1/councils/:council/governance`): each board with its
 * members, its meetings with the quorum computed from attendance, the financial year's meetings against the minimum
 * its terms of reference set, and the reports falling due in the next twelve months.
 */
import * as CalendarDate from "@cpo/domain/CalendarDate"
import * as Governance from "@cpo/domain/Governance"
import * as ReportingCycle from "@cpo/domain/ReportingCycle"
import { Schema } from "effect"
import { getJson, sendJson } from "./api.ts"

/** @category models */
export const GovernanceView = Schema.Struct({
  asOf: CalendarDate.CalendarDate,
  boards: Schema.Array(
    Schema.Struct({
      board: Governance.Board,
      meetings: Schema.Array(
        Schema.Struct({
          meeting: Governance.Meeting,
          quorate: Schema.Boolean,
          checks: Schema.Array(
            Schema.Struct({
              membership: Governance.Membership,
              percent: Schema.Number,
              members: Schema.Int,
              present: Schema.Int,
              required: Schema.Int,
              met: Schema.Boolean
            })
          )
        })
      ),
      year: Schema.Struct({
        from: CalendarDate.CalendarDate,
        to: CalendarDate.CalendarDate,
        held: Schema.Int,
        quorate: Schema.Int,
        minimum: Schema.Int,
        meetsMinimum: Schema.Boolean
      }),
      due: Schema.Array(Schema.Struct({ duty: ReportingCycle.Duty, due: CalendarDate.CalendarDate }))
    })
  )
})
export type GovernanceView = typeof GovernanceView.Type
export type BoardView = GovernanceView["boards"][number]

/** @category constructors */
export const fetchGovernance = (council: string): Promise<GovernanceView> =>
  getJson(`/v1/councils/${encodeURIComponent(council)}/governance`, GovernanceView)

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
