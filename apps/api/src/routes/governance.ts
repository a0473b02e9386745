/**
 * Editing the council's governance (issue 11): `POST …/governance/boards` creates or replaces a board — its terms of
 * reference (quorum rules, minimum meetings), members and reporting calendar — keeping its meetings, and
 * `POST …/governance/boards/:board/meetings` records a meeting with its attendance, checked against the board's
 * members (`Governance.checkMeeting`). The quorum is never stored: `GET …/governance` computes it from attendance.
 * The council in the path wins over any in the body.
 */
import { Governance } from "@cpo/domain"
import { Effect } from "effect"
import { Hono } from "hono"
import { endpoints } from "../endpoints.ts"
import { guard, validate } from "../middleware.ts"
import { answer, type Deps } from "../run.ts"
import type { ApiEnv } from "../runtime.ts"

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
