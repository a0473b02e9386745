/**
 * Editing the council's governance (issue 11): `POST …/governance/boards` creates or replaces a board — its terms of
 * reference (quorum rules, minimum meetings), members and reporting calendar — keeping its meetings, and
 * `POST …/governance/boards/:board/meetings` records a meeting with its attendance, checked against the board's
 * members (`Governance.checkMeeting`). `POST …/boards/:board/members` adds a member with their role and term, and
 * `POST …/boards/:board/members/:member/term-end` ends a term (not before it began); both keep the board's meetings,
 * whose attendance stays as recorded. The quorum is never stored: `GET …/governance` computes it from attendance.
 * The council in the path wins over any in the body.
 */
import type { CalendarDate, Council } from "@cpo/domain"
import { Governance } from "@cpo/domain"
import { Effect, Option } from "effect"
import { Hono } from "hono"
import { endpoints } from "../endpoints.ts"
import { guard, validate } from "../middleware.ts"
import * as Problem from "../problem.ts"
import { answer, type Deps } from "../run.ts"
import type { ApiEnv } from "../runtime.ts"

/** The board as stored, or none. */
const boardOf = (council: Council.CouncilId, board: Governance.BoardId) =>
  Governance.Boards.use((boards) => boards.list(council)).pipe(
    Effect.map((all) => Option.fromNullishOr(all.find((b) => b.id === board)))
  )

/** A member id not yet used on the board: `M<n>` after the members it has. */
export const nextMemberId = (board: Governance.Board): Governance.MemberId => {
  const taken = new Set<string>(board.members.map((m) => m.id))
  let n = board.members.length + 1
  while (taken.has(`M${n}`)) n++
  return Governance.MemberId.make(`M${n}`)
}

/** The board with one member's term ending on `until`. */
export const withTermEnded = (
  board: Governance.Board,
  member: Governance.MemberId,
  until: CalendarDate.CalendarDate
): Governance.Board => ({
  ...board,
  members: board.members.map((m) => (m.id === member ? { ...m, until: Option.some(until) } : m))
})

export const governance = (deps: Deps) =>
  new Hono<ApiEnv>()
    .post(
      endpoints.saveBoard.path,
      guard("saveBoard"),
      validate("param", endpoints.saveBoard.params),
      validate("json", Governance.Board),
      (c) => {
        const { council } = c.req.valid("param")
        const board: Governance.Board = { ...c.req.valid("json"), council }
        const program = Governance.Boards.use((boards) => boards.save(board)).pipe(Effect.as(board))
        return answer(c, deps, program, Governance.Board, 201)
      }
    )
    .post(
      endpoints.recordMeeting.path,
      guard("recordMeeting"),
      validate("param", endpoints.recordMeeting.params),
      validate("json", endpoints.recordMeeting.body.schema),
      (c) => {
        const { council, board } = c.req.valid("param")
        const body = c.req.valid("json")
        const meeting: Governance.Meeting = {
          id: body.id ?? Governance.MeetingId.make(`${board}-${body.on}`),
          board,
          on: body.on,
          attendance: body.attendance,
          agenda: body.agenda ?? []
        }
        const program = Effect.gen(function* () {
          const boards = yield* Governance.Boards
          const found = (yield* boards.list(council)).find((b) => b.id === board)
          if (found === undefined) return yield* new Governance.BoardNotFound({ council, board })
          const checked = yield* Governance.checkMeeting(found, meeting)
          yield* boards.recordMeeting(council, checked)
          return checked
        })
        return answer(c, deps, program, Governance.Meeting, 201)
      }
    )
    .post(
      endpoints.addBoardMember.path,
      guard("addBoardMember"),
      validate("param", endpoints.addBoardMember.params),
      validate("json", endpoints.addBoardMember.body.schema),
      async (c) => {
        const { council, board } = c.req.valid("param")
        const body = c.req.valid("json")
        const term = { from: body.from, until: body.until ?? Option.none() }
        if (Option.isSome(term.until) && term.until.value < term.from) {
          const message = "The term cannot end before it begins"
          return Problem.respond(c, "validation-failed", {
            detail: message,
            errors: [{ in: "body", field: "until", message }]
          })
        }
        const program = Effect.gen(function* () {
          const found = yield* boardOf(council, board)
          if (Option.isNone(found)) return yield* new Governance.BoardNotFound({ council, board })
          const member: Governance.Member = {
            id: nextMemberId(found.value),
            name: body.name,
            role: body.role,
            membership: body.membership,
            organisation: body.organisation ?? Option.none(),
            ...term
          }
          const saved: Governance.Board = { ...found.value, members: [...found.value.members, member] }
          yield* Governance.Boards.use((boards) => boards.save(saved))
          return saved
        })
        return answer(c, deps, program, Governance.Board, 201)
      }
    )
    .post(
      endpoints.endBoardTerm.path,
      guard("endBoardTerm"),
      validate("param", endpoints.endBoardTerm.params),
      validate("json", endpoints.endBoardTerm.body.schema),
      async (c) => {
        const { council, board, member } = c.req.valid("param")
        const { until } = c.req.valid("json")
        const found = await deps.runtime.runPromise(boardOf(council, board))
        if (Option.isNone(found)) {
          return Problem.respond(c, "board-not-found", { detail: `${council} has no board ${board}` })
        }
        const serving = found.value.members.find((m) => m.id === member)
        const problem =
          serving === undefined
            ? `${member} is not a member of the board`
            : until < serving.from
              ? `The term cannot end before it began (${serving.from})`
              : undefined
        if (problem !== undefined) {
          return Problem.respond(c, "validation-failed", {
            detail: problem,
            errors: [
              {
                in: serving === undefined ? "path" : "body",
                field: serving === undefined ? "member" : "until",
                message: problem
              }
            ]
          })
        }
        const saved = withTermEnded(found.value, member, until)
        return answer(
          c,
          deps,
          Governance.Boards.use((boards) => boards.save(saved)).pipe(Effect.as(saved)),
          Governance.Board
        )
      }
    )
