/**
 * The routes of the corporate parenting strategy and its governance (issue 8): priorities and actions with their RAG
 * updates, "you said, we did", and the boards with their members and meetings. Spread into `endpoints.ts`.
 */
import { CalendarDate, Council, Governance, Progress, Strategy, YouSaidWeDid } from "@cpo/domain"
import { Schema } from "effect"
import { CouncilPath, type Endpoint, IntFromString, noBody } from "../endpoint-model.ts"

/** @category schemas */
export const AsOfQuery = Schema.Struct({
  asOf: Schema.optionalKey(CalendarDate.CalendarDate.annotate({ description: "the day to judge on (default today)" }))
})

/** @category schemas */
export const OverdueQuery = Schema.Struct({
  asOf: AsOfQuery.fields.asOf,
  dueSoonDays: Schema.optionalKey(
    IntFromString.pipe(Schema.check(Schema.isBetween({ minimum: 0, maximum: 366 }))).annotate({
      description: "an open action not started this close to its due date is at risk (default 30)"
    })
  ),
  staleAfterDays: Schema.optionalKey(
    IntFromString.pipe(Schema.check(Schema.isBetween({ minimum: 1, maximum: 1096 }))).annotate({
      description: "an open action without an update for this long is at risk (default 183)"
    })
  )
})

/** @category schemas */
export const PriorityPath = Schema.Struct({ council: Council.CouncilId, priority: Strategy.PriorityId })

/** @category schemas */
export const ActionPath = Schema.Struct({
  council: Council.CouncilId,
  priority: Strategy.PriorityId,
  action: Strategy.ActionId
})

/** The body of a progress update; its author is the caller and its id is made when none is given. @category schemas */
export const NewUpdate = Schema.Struct({
  id: Schema.optionalKey(Progress.UpdateId),
  on: CalendarDate.CalendarDate,
  rag: Progress.Rag,
  commentary: Schema.NonEmptyString,
  evidence: Schema.optionalKey(Schema.Array(Progress.Evidence))
}).annotate({ identifier: "NewProgressUpdate" })

/** Every update about a priority or an action, oldest first (the RAG history). @category schemas */
export const UpdateHistory = Schema.Struct({ updates: Schema.Array(Progress.Update) }).annotate({
  identifier: "ProgressUpdateHistory"
})

/** @category schemas */
export const PeriodQuery = Schema.Struct({
  from: Schema.optionalKey(CalendarDate.CalendarDate.annotate({ description: "the first day (default: no limit)" })),
  to: Schema.optionalKey(CalendarDate.CalendarDate.annotate({ description: "the last day (default: no limit)" }))
})

/** The body of a "you said, we did" entry; the council is the one in the path. @category schemas */
export const NewYouSaidWeDid = Schema.Struct({
  id: Schema.optionalKey(YouSaidWeDid.EntryId),
  on: CalendarDate.CalendarDate,
  source: YouSaidWeDid.Source.schema,
  youSaid: Schema.NonEmptyString,
  weDid: Schema.NonEmptyString,
  priorities: Schema.Array(Strategy.PriorityId)
}).annotate({ identifier: "NewYouSaidWeDid" })

/** @category schemas */
export const YouSaidWeDidList = Schema.Struct({ entries: Schema.Array(YouSaidWeDid.Entry) }).annotate({
  identifier: "YouSaidWeDidList"
})

/** @category schemas */
export const BoardPath = Schema.Struct({ council: Council.CouncilId, board: Governance.BoardId })

/** The body of a meeting record; its id is made from the board and the day when none is given. @category schemas */
export const NewMeeting = Schema.Struct({
  id: Schema.optionalKey(Governance.MeetingId),
  on: CalendarDate.CalendarDate,
  attendance: Governance.Meeting.fields.attendance,
  agenda: Schema.optionalKey(Schema.Array(Schema.String))
}).annotate({ identifier: "NewMeeting" })

/** @category schemas */
export const BoardMemberPath = Schema.Struct({
  council: Council.CouncilId,
  board: Governance.BoardId,
  member: Governance.MemberId
})

/** A member joining a board: who, in what role and group, and their term; the API gives the id. @category schemas */
export const NewBoardMember = Schema.Struct({
  name: Governance.Member.fields.name,
  role: Governance.Member.fields.role,
  membership: Governance.Member.fields.membership,
  organisation: Schema.optionalKey(Governance.Member.fields.organisation),
  from: Governance.Member.fields.from,
  until: Schema.optionalKey(Governance.Member.fields.until)
}).annotate({ identifier: "NewBoardMember" })

/** The last day of a member's term. @category schemas */
export const TermEnd = Schema.Struct({ until: CalendarDate.CalendarDate }).annotate({ identifier: "TermEnd" })

/** The strategy's routes: priorities, actions, updates, "you said, we did" and governance. @category models */
export const strategyEndpoints = {
  priorities: {
    method: "get",
    path: "/v1/councils/:council/priorities",
    summary: "The strategy and its priorities and actions, each with its latest RAG on `asOf`",
    tag: "priorities",
    params: CouncilPath,
    query: AsOfQuery,
    body: noBody,
    response: Progress.StatusView,
    status: 200
  },
  saveStrategy: {
    method: "post",
    path: "/v1/councils/:council/strategy",
    summary: "Create or replace the council's strategy (matched by id), keeping the progress history of kept actions",
    tag: "priorities",
    params: CouncilPath,
    body: { kind: "json", schema: Strategy.Strategy },
    response: Strategy.Strategy,
    status: 201
  },
  overdue: {
    method: "get",
    path: "/v1/councils/:council/priorities/overdue",
    summary: "Open actions overdue or at risk on `asOf`, overdue first, with the reasons",
    tag: "priorities",
    params: CouncilPath,
    query: OverdueQuery,
    body: noBody,
    response: Progress.ConcernsView,
    status: 200
  },
  priorityUpdate: {
    method: "post",
    path: "/v1/councils/:council/priorities/:priority/updates",
    summary: "Record a dated RAG update with commentary for a whole priority",
    tag: "priorities",
    params: PriorityPath,
    body: { kind: "json", schema: NewUpdate },
    response: Progress.Update,
    status: 201
  },
  actionUpdate: {
    method: "post",
    path: "/v1/councils/:council/priorities/:priority/actions/:action/updates",
    summary: "Record a dated RAG update with commentary for an action of a priority",
    tag: "priorities",
    params: ActionPath,
    body: { kind: "json", schema: NewUpdate },
    response: Progress.Update,
    status: 201
  },
  priorityHistory: {
    method: "get",
    path: "/v1/councils/:council/priorities/:priority/updates",
    summary: "Every RAG update of a whole priority, oldest first",
    tag: "priorities",
    params: PriorityPath,
    body: noBody,
    response: UpdateHistory,
    status: 200
  },
  actionHistory: {
    method: "get",
    path: "/v1/councils/:council/priorities/:priority/actions/:action/updates",
    summary: "Every RAG update of an action of a priority, oldest first",
    tag: "priorities",
    params: ActionPath,
    body: noBody,
    response: UpdateHistory,
    status: 200
  },
  youSaidWeDid: {
    method: "get",
    path: "/v1/councils/:council/you-said-we-did",
    summary: "What children in care and care leavers said and what the council did, oldest first",
    tag: "priorities",
    params: CouncilPath,
    query: PeriodQuery,
    body: noBody,
    response: YouSaidWeDidList,
    status: 200
  },
  recordYouSaidWeDid: {
    method: "post",
    path: "/v1/councils/:council/you-said-we-did",
    summary: "Record what young people said and what the council did, linked to the strategy's priorities",
    tag: "priorities",
    params: CouncilPath,
    body: { kind: "json", schema: NewYouSaidWeDid },
    response: YouSaidWeDid.Entry,
    status: 201
  },
  governance: {
    method: "get",
    path: "/v1/councils/:council/governance",
    summary: "Boards with their meetings' quorum, the year's meetings against the minimum, and reports falling due",
    tag: "priorities",
    params: CouncilPath,
    query: AsOfQuery,
    body: noBody,
    response: Governance.View,
    status: 200
  }
} as const satisfies Record<string, Endpoint>

/** The boards' routes: a board, its meetings and its members' terms. @category models */
export const boardEndpoints = {
  saveBoard: {
    method: "post",
    path: "/v1/councils/:council/governance/boards",
    summary: "Create or replace a board: terms of reference, members and reporting calendar (its meetings are kept)",
    tag: "priorities",
    params: CouncilPath,
    body: { kind: "json", schema: Governance.Board },
    response: Governance.Board,
    status: 201
  },
  recordMeeting: {
    method: "post",
    path: "/v1/councils/:council/governance/boards/:board/meetings",
    summary: "Record a board meeting and who attended (the quorum is computed from attendance)",
    tag: "priorities",
    params: BoardPath,
    body: { kind: "json", schema: NewMeeting },
    response: Governance.Meeting,
    status: 201
  },
  addBoardMember: {
    method: "post",
    path: "/v1/councils/:council/governance/boards/:board/members",
    summary: "Add a member to a board with their role, group and term (the board's meetings are kept)",
    tag: "priorities",
    params: BoardPath,
    body: { kind: "json", schema: NewBoardMember },
    response: Governance.Board,
    status: 201
  },
  endBoardTerm: {
    method: "post",
    path: "/v1/councils/:council/governance/boards/:board/members/:member/term-end",
    summary: "End a member's term on a day not before it began (past meetings keep their attendance)",
    tag: "priorities",
    params: BoardMemberPath,
    body: { kind: "json", schema: TermEnd },
    response: Governance.Board,
    status: 200
  }
} as const satisfies Record<string, Endpoint>
