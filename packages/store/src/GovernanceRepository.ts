/**
 * The `Governance.Boards` service on SQL: boards with their terms of reference and reporting cycle (JSON), members
 * (rows, so attendance can name them) and meetings with attendance. Saving a board replaces its members and keeps
 * its meetings; recording a meeting again with the same id replaces its attendance. Quorum is never stored: it is
 * computed from attendance by the domain.
 */
import { type Council, Governance } from "@cpo/domain"
import { Effect, Layer, Schema } from "effect"
import { SqlClient } from "effect/sql"
import { inCouncilOf, parsedJson } from "./Database.ts"

const json = (value: unknown): string => JSON.stringify(value)

const encodeTerms = Schema.encodeSync(Governance.TermsOfReference)
const encodeCycle = Schema.encodeSync(Governance.Board.fields.reportingCycle)

/**
 * `Boards` on the `SqlClient` in context.
 * @category layers
 */
export const layer: Layer.Layer<Governance.Boards, never, SqlClient.SqlClient> = Layer.effect(
  Governance.Boards,
  Effect.gen(function* () {
    const sql = yield* SqlClient.SqlClient
    const inCouncil = inCouncilOf(sql)

    const list = (council: Council.CouncilId) =>
      Effect.gen(function* () {
        const boards = yield* sql<{ id: string; key: string; name: string; terms: unknown; reporting_cycle: unknown }>`
          SELECT id::text AS id, key, name, terms, reporting_cycle FROM boards WHERE council = ${council} ORDER BY key`
        const members = yield* sql<{
          board_id: string
          key: string
          name: string
          role: string
          membership: string
          organisation: string | null
          from_date: string
          until_date: string | null
        }>`SELECT board_id::text AS board_id, key, name, role, membership, organisation, from_date::text AS from_date,
          until_date::text AS until_date FROM board_members WHERE council = ${council} ORDER BY id`
        return yield* Schema.decodeUnknownEffect(Schema.Array(Governance.Board))(
          boards.map((b) => ({
            id: b.key,
            council,
            name: b.name,
            terms: parsedJson(b.terms),
            reportingCycle: parsedJson(b.reporting_cycle),
            members: members
              .filter((m) => m.board_id === b.id)
              .map((m) => ({
                id: m.key,
                name: m.name,
                role: m.role,
                membership: m.membership,
                organisation: m.organisation,
                from: m.from_date,
                until: m.until_date
              }))
          }))
        ).pipe(Effect.orDie)
      })

    const boardRow = (council: Council.CouncilId, key: Governance.BoardId) =>
      Effect.flatMap(
        sql<{ id: string }>`SELECT id::text AS id FROM boards WHERE council = ${council} AND key = ${key}`,
        ([row]) =>
          row === undefined
            ? Effect.fail(new Governance.BoardNotFound({ council, board: key }))
            : Effect.succeed(row.id)
      )

    const save = (board: Governance.Board) =>
      Effect.gen(function* () {
        const [row] = yield* sql<{ id: string }>`INSERT INTO boards (council, key, name, terms, reporting_cycle)
          VALUES (${board.council}, ${board.id}, ${board.name}, ${json(encodeTerms(board.terms))}::jsonb,
            ${json(encodeCycle(board.reportingCycle))}::jsonb)
          ON CONFLICT (council, key) DO UPDATE SET name = excluded.name, terms = excluded.terms,
            reporting_cycle = excluded.reporting_cycle
          RETURNING id::text AS id`
        const boardId = row!.id
        yield* sql`DELETE FROM board_members WHERE board_id = ${boardId}`
        for (const m of board.members) {
          yield* sql`INSERT INTO board_members (council, board_id, key, name, role, membership, organisation,
            from_date, until_date)
            VALUES (${board.council}, ${boardId}, ${m.id}, ${m.name}, ${m.role}, ${m.membership},
              ${m.organisation._tag === "Some" ? m.organisation.value : null}, ${m.from}::date,
              ${m.until._tag === "Some" ? m.until.value : null}::date)`
        }
      })

    const recordMeeting = (council: Council.CouncilId, meeting: Governance.Meeting) =>
      Effect.gen(function* () {
        const boards = yield* list(council)
        const board = boards.find((b) => b.id === meeting.board)
        if (board === undefined) return yield* new Governance.BoardNotFound({ council, board: meeting.board })
        yield* Governance.checkMeeting(board, meeting)
        const boardId = yield* boardRow(council, meeting.board)
        const [row] = yield* sql<{ id: string }>`INSERT INTO meetings (council, board_id, key, on_date, agenda)
          VALUES (${council}, ${boardId}, ${meeting.id}, ${meeting.on}::date, ${json(meeting.agenda)}::jsonb)
          ON CONFLICT (board_id, key) DO UPDATE SET on_date = excluded.on_date, agenda = excluded.agenda
          RETURNING id::text AS id`
        const meetingId = row!.id
        yield* sql`DELETE FROM meeting_attendance WHERE meeting_id = ${meetingId}`
        for (const a of meeting.attendance) {
          yield* sql`INSERT INTO meeting_attendance (council, meeting_id, member_key, status)
            VALUES (${council}, ${meetingId}, ${a.member}, ${a.status})`
        }
      })

    const meetings = (council: Council.CouncilId, key: Governance.BoardId) =>
      Effect.gen(function* () {
        const boardId = yield* boardRow(council, key)
        const rows = yield* sql<{ id: string; key: string; on_date: string; agenda: unknown }>`
          SELECT id::text AS id, key, on_date::text AS on_date, agenda FROM meetings WHERE board_id = ${boardId}
          ORDER BY on_date, id`
        const attendance = yield* sql<{ meeting_id: string; member_key: string; status: string }>`
          SELECT a.meeting_id::text AS meeting_id, a.member_key, a.status FROM meeting_attendance a
          JOIN meetings m ON m.id = a.meeting_id WHERE m.board_id = ${boardId} ORDER BY a.id`
        return yield* Schema.decodeUnknownEffect(Schema.Array(Governance.Meeting))(
          rows.map((m) => ({
            id: m.key,
            board: key,
            on: m.on_date,
            agenda: parsedJson(m.agenda),
            attendance: attendance
              .filter((a) => a.meeting_id === m.id)
              .map((a) => ({ member: a.member_key, status: a.status }))
          }))
        ).pipe(Effect.orDie)
      })

    return Governance.Boards.of({
      list: (council) => inCouncil(council, list(council)).pipe(Effect.orDie),
      save: (board) => inCouncil(board.council, save(board)).pipe(Effect.orDie),
      recordMeeting: (council, meeting) =>
        inCouncil(council, recordMeeting(council, meeting)).pipe(Effect.catchTag("SqlError", Effect.die)),
      meetings: (council, board) =>
        inCouncil(council, meetings(council, board)).pipe(Effect.catchTag("SqlError", Effect.die))
    })
  })
)
