/**
 * Governance of corporate parenting: the board or panel that oversees the strategy, its members and their roles,
 * its terms of reference, and its meetings (domain.md §2.2). The seeds show what terms of reference fix: core members
 * (Wiltshire: up to 8 councillors) and associate members (officers, partners, a Children in Care Council
 * representative), a quorum per group ("75% (6) Councillors, 70% (7) Associate Members", adjourned when not quorate),
 * and a minimum number of meetings a year ("bi-monthly with a minimum of 5 meetings a year"). Quorum and the meeting
 * count are computed from recorded attendance, never typed in.
 */
import { Context, Effect, Layer, Option, Ref, Schema } from "effect"
import * as CalendarDate from "./CalendarDate.ts"
import * as CodeList from "./CodeList.ts"
import * as Council from "./Council.ts"
import * as ReportingCycle from "./ReportingCycle.ts"

/** @category models */
export const BoardId = Schema.String.pipe(Schema.brand("BoardId")).annotate({ identifier: "BoardId" })
export type BoardId = typeof BoardId.Type

/** @category models */
export const MemberId = Schema.String.pipe(Schema.brand("BoardMemberId")).annotate({ identifier: "BoardMemberId" })
export type MemberId = typeof MemberId.Type

/** @category models */
export const MeetingId = Schema.String.pipe(Schema.brand("MeetingId")).annotate({ identifier: "MeetingId" })
export type MeetingId = typeof MeetingId.Type

/** What a member is on the board as. @category models */
export const Role = CodeList.make("BoardRole", "Role on the board", {
  chair: "Chair",
  vice_chair: "Vice-chair",
  councillor: "Councillor",
  officer: "Officer",
  partner: "Partner agency representative",
  young_person: "Young person (Children in Care Council or care leavers' forum)",
  carer: "Foster carer representative"
})
export type Role = (typeof Role.codes)[number]

/** Core members decide the quorum of councillors; associate members (officers, partners) have their own. @category models */
export const Membership = Schema.Literals(["core", "associate"]).annotate({ identifier: "Membership" })
export type Membership = typeof Membership.Type

/** @category models */
export const Member = Schema.Struct({
  id: MemberId,
  name: Schema.NonEmptyString,
  role: Role.schema,
  membership: Membership,
  organisation: Schema.OptionFromNullOr(Schema.String),
  from: CalendarDate.CalendarDate,
  until: Schema.OptionFromNullOr(CalendarDate.CalendarDate)
}).annotate({ identifier: "BoardMember" })
export type Member = typeof Member.Type

/** A quorum: at least `percent` of the members of one membership group present. @category models */
export const QuorumRule = Schema.Struct({
  membership: Membership,
  percent: Schema.Number.pipe(Schema.check(Schema.isBetween({ minimum: 0, maximum: 100 })))
}).annotate({ identifier: "QuorumRule" })
export type QuorumRule = typeof QuorumRule.Type

/** @category models */
export const TermsOfReference = Schema.Struct({
  purpose: Schema.Array(Schema.String),
  /** Every rule must be met for a meeting to be quorate. */
  quorum: Schema.Array(QuorumRule),
  /** Whether a substitute sent by a member counts towards the quorum (Wiltshire: core members send substitutes). */
  substitutesCount: Schema.Boolean,
  minimumMeetingsPerYear: Schema.Int,
  /** Who the board reports to, e.g. "Children's Select Committee", "Full Council". */
  reportsTo: Schema.Array(Schema.String)
}).annotate({ identifier: "TermsOfReference" })
export type TermsOfReference = typeof TermsOfReference.Type

/** @category models */
export const Board = Schema.Struct({
  id: BoardId,
  council: Council.CouncilId,
  name: Schema.NonEmptyString,
  terms: TermsOfReference,
  members: Schema.Array(Member),
  /** What the board reports, to whom and how often. */
  reportingCycle: Schema.Array(ReportingCycle.Duty)
}).annotate({ identifier: "Board" })
export type Board = typeof Board.Type

/** @category models */
export const AttendanceStatus = Schema.Literals(["present", "substitute", "apologies", "absent"]).annotate({
  identifier: "AttendanceStatus"
})
export type AttendanceStatus = typeof AttendanceStatus.Type

/** @category models */
export const Meeting = Schema.Struct({
  id: MeetingId,
  board: BoardId,
  on: CalendarDate.CalendarDate,
  attendance: Schema.Array(Schema.Struct({ member: MemberId, status: AttendanceStatus })),
  /** Items the meeting took, e.g. "Priority 3 update", "Children in Care Council report". */
  agenda: Schema.Array(Schema.String)
}).annotate({ identifier: "Meeting" })
export type Meeting = typeof Meeting.Type

/** @category predicates */
export const isMemberOn = (member: Member, on: CalendarDate.CalendarDate): boolean =>
  member.from <= on && Option.match(member.until, { onNone: () => true, onSome: (u) => on <= u })

/** The members serving on a date. @category getters */
export const membersOn = (board: Board, on: CalendarDate.CalendarDate): ReadonlyArray<Member> =>
  board.members.filter((m) => isMemberOn(m, on))

/** One quorum rule at one meeting. @category models */
export interface QuorumCheck {
  readonly membership: Membership
  readonly percent: number
  readonly members: number
  readonly present: number
  /** The smallest whole number of members that is at least `percent` of them. */
  readonly required: number
  readonly met: boolean
}

/** @category models */
export interface Quorum {
  readonly quorate: boolean
  readonly checks: ReadonlyArray<QuorumCheck>
}

/**
 * Was the meeting quorate under the board's terms of reference? For each rule, the members of its group serving on
 * the day are counted, and those present (or represented by a substitute, when the terms allow) must reach the
 * percentage rounded up: 75 % of 8 core members is 6. Attendance of anyone not a member that day is ignored.
 * @category getters
 */
export const quorum = (board: Board, meeting: Meeting): Quorum => {
  const serving = membersOn(board, meeting.on)
  const attended = new Set(
    meeting.attendance
      .filter((a) => a.status === "present" || (a.status === "substitute" && board.terms.substitutesCount))
      .map((a) => a.member)
  )
  const checks = board.terms.quorum.map((rule): QuorumCheck => {
    const group = serving.filter((m) => m.membership === rule.membership)
    const present = group.filter((m) => attended.has(m.id)).length
    // Rounding the product guards against 0.7 * 10 = 7.000000000000001 requiring 8.
    const required = Math.ceil(Math.round(((rule.percent * group.length) / 100) * 1e9) / 1e9)
    return { ...rule, members: group.length, present, required, met: present >= required }
  })
  return { quorate: checks.every((c) => c.met), checks }
}

/** The board's meetings over a period against its terms. @category models */
export interface MeetingsSummary {
  readonly from: CalendarDate.CalendarDate
  readonly to: CalendarDate.CalendarDate
  readonly held: number
  readonly quorate: number
  readonly minimum: number
  /** Whether quorate meetings reached the minimum a year (a meeting that is not quorate is adjourned). */
  readonly meetsMinimum: boolean
}

/**
 * Meetings held in [from, to] (a year), how many were quorate, and whether that reaches the minimum in the terms.
 * @category getters
 */
export const meetingsSummary = (
  board: Board,
  meetings: ReadonlyArray<Meeting>,
  from: CalendarDate.CalendarDate,
  to: CalendarDate.CalendarDate
): MeetingsSummary => {
  const held = meetings.filter((m) => m.board === board.id && CalendarDate.isBetween(m.on, from, to))
  const quorate = held.filter((m) => quorum(board, m).quorate).length
  const minimum = board.terms.minimumMeetingsPerYear
  return { from, to, held: held.length, quorate, minimum, meetsMinimum: quorate >= minimum }
}

/**
 * What the governance page is answered with (`GET …/governance`): each board with its meetings' quorum computed from
 * attendance ({@link quorum}), the financial year's meetings against the minimum ({@link meetingsSummary}) and the
 * reports falling due. The API encodes with it and the dashboard decodes with it.
 * @category schemas
 */
export const View = Schema.Struct({
  asOf: CalendarDate.CalendarDate,
  boards: Schema.Array(
    Schema.Struct({
      board: Board,
      meetings: Schema.Array(
        Schema.Struct({
          meeting: Meeting,
          quorate: Schema.Boolean,
          checks: Schema.Array(
            Schema.Struct({
              membership: Membership,
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
      }).annotate({ description: "meetings in the financial year containing asOf" }),
      due: Schema.Array(Schema.Struct({ duty: ReportingCycle.Duty, due: CalendarDate.CalendarDate })).annotate({
        description: "reports falling due in the twelve months from asOf"
      })
    })
  )
}).annotate({ identifier: "GovernanceView" })
export type View = typeof View.Type

/** @category errors */
export class BoardNotFound extends Schema.TaggedError<BoardNotFound>()("BoardNotFound", {
  council: Schema.String,
  board: Schema.String
}) {}

/** @category errors */
export class AttendeeNotAMember extends Schema.TaggedError<AttendeeNotAMember>()("AttendeeNotAMember", {
  meeting: Schema.String,
  member: Schema.String
}) {}

/** @category services */
export class Boards extends Context.Service<
  Boards,
  {
    readonly list: (council: Council.CouncilId) => Effect.Effect<ReadonlyArray<Board>>
    /** Create or replace a board (its terms and members), keeping its meetings. */
    readonly save: (board: Board) => Effect.Effect<void>
    readonly recordMeeting: (
      council: Council.CouncilId,
      meeting: Meeting
    ) => Effect.Effect<void, BoardNotFound | AttendeeNotAMember>
    readonly meetings: (
      council: Council.CouncilId,
      board: BoardId
    ) => Effect.Effect<ReadonlyArray<Meeting>, BoardNotFound>
  }
>()("@cpo/domain/Governance/Boards") {}

/**
 * Check a meeting's attendees against the board before recording it.
 * @category constructors
 */
export const checkMeeting = (board: Board, meeting: Meeting): Effect.Effect<Meeting, AttendeeNotAMember> => {
  const known = new Set(board.members.map((m) => m.id))
  const stranger = meeting.attendance.find((a) => !known.has(a.member))
  return stranger === undefined
    ? Effect.succeed(meeting)
    : Effect.fail(new AttendeeNotAMember({ meeting: meeting.id, member: stranger.member }))
}

/**
 * Boards kept in memory, for tests and for runs without a database.
 * @category layers
 */
export const layerMemory: Layer.Layer<Boards> = Layer.effect(
  Boards,
  Effect.gen(function* () {
    const state = yield* Ref.make<{
      boards: ReadonlyArray<Board>
      meetings: ReadonlyArray<{ council: Council.CouncilId; meeting: Meeting }>
    }>({ boards: [], meetings: [] })
    const board = (council: Council.CouncilId, id: BoardId) =>
      Effect.flatMap(Ref.get(state), (s) =>
        Option.match(Option.fromNullishOr(s.boards.find((b) => b.council === council && b.id === id)), {
          onNone: () => Effect.fail(new BoardNotFound({ council, board: id })),
          onSome: Effect.succeed
        })
      )
    return Boards.of({
      list: (council) => Effect.map(Ref.get(state), (s) => s.boards.filter((b) => b.council === council)),
      save: (b) =>
        Ref.update(state, (s) => ({
          ...s,
          boards: [...s.boards.filter((x) => !(x.council === b.council && x.id === b.id)), b]
        })),
      recordMeeting: (council, meeting) =>
        Effect.gen(function* () {
          const b = yield* board(council, meeting.board)
          yield* checkMeeting(b, meeting)
          yield* Ref.update(state, (s) => ({
            ...s,
            meetings: [
              ...s.meetings.filter(
                (m) => !(m.council === council && m.meeting.board === b.id && m.meeting.id === meeting.id)
              ),
              { council, meeting }
            ]
          }))
        }),
      meetings: (council, id) =>
        Effect.flatMap(board(council, id), (b) =>
          Effect.map(Ref.get(state), (s) =>
            s.meetings
              .filter((m) => m.council === council && m.meeting.board === b.id)
              .map((m) => m.meeting)
              .sort((x, y) => (x.on < y.on ? -1 : 1))
          )
        )
    })
  })
)
