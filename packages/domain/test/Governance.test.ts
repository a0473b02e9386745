import { assert, describe, it } from "@effect/vitest"
import { Effect, Exit, Option, Schema } from "effect"
import { CalendarDate, Governance } from "../src/index.ts"
import { council, meeting, panel } from "./plans.ts"

describe("Governance.quorum", () => {
  it("is quorate with 6 of 8 core members (75 %, rounded up) and 7 of 10 associate members (70 %)", () => {
    const q = Governance.quorum(panel, meeting("M1", "2018-05-10", 6, 7))
    assert.isTrue(q.quorate)
    assert.deepStrictEqual(
      q.checks.map((c) => [c.membership, c.members, c.present, c.required]),
      [
        ["core", 8, 6, 6],
        ["associate", 10, 7, 7]
      ]
    )
  })

  it("is not quorate with 5 of 8 core members even when every associate member attends", () => {
    const q = Governance.quorum(panel, meeting("M1", "2018-05-10", 5, 10))
    assert.isFalse(q.quorate)
    assert.deepStrictEqual(
      q.checks.map((c) => c.met),
      [false, true]
    )
  })

  it("is not quorate with 6 of 10 associate members (70 % needs 7)", () => {
    assert.isFalse(Governance.quorum(panel, meeting("M1", "2018-05-10", 8, 6)).quorate)
  })

  it("counts substitutes only when the terms of reference allow them", () => {
    const withSubs = meeting("M1", "2018-05-10", 6, 7, "substitute")
    assert.isTrue(Governance.quorum(panel, withSubs).quorate)
    const strict = { ...panel, terms: { ...panel.terms, substitutesCount: false } }
    assert.isFalse(Governance.quorum(strict, withSubs).quorate)
  })

  it("counts only members serving on the day: a councillor who left lowers the number required", () => {
    const left = {
      ...panel,
      members: panel.members.map((m) =>
        m.id === "C8" || m.id === "C7" ? { ...m, until: Option.some(CalendarDate.make("2018-04-30")) } : m
      )
    }
    // 6 core members serve on 10 May; 75 % of 6 is 4.5, so 5 are needed.
    const q = Governance.quorum(left, meeting("M1", "2018-05-10", 5, 7))
    assert.deepStrictEqual(q.checks[0], {
      membership: "core",
      percent: 75,
      members: 6,
      present: 5,
      required: 5,
      met: true
    })
  })
})

describe("Governance.meetingsSummary", () => {
  const year = [CalendarDate.make("2018-04-01"), CalendarDate.make("2019-03-31")] as const
  const meetings = [
    meeting("M1", "2018-05-10", 6, 7),
    meeting("M2", "2018-07-12", 8, 9),
    meeting("M3", "2018-09-13", 4, 9), // not quorate: adjourned
    meeting("M4", "2018-11-08", 7, 7),
    meeting("M5", "2019-01-10", 6, 8),
    meeting("M6", "2019-04-11", 8, 10) // next year
  ]

  it("counts 5 meetings held in the year of which 4 quorate, short of the minimum of 5", () => {
    assert.deepStrictEqual(Governance.meetingsSummary(panel, meetings, ...year), {
      from: year[0],
      to: year[1],
      held: 5,
      quorate: 4,
      minimum: 5,
      meetsMinimum: false
    })
  })

  it("meets the minimum with a fifth quorate meeting", () => {
    const more = [...meetings, meeting("M7", "2019-03-14", 6, 7)]
    assert.isTrue(Governance.meetingsSummary(panel, more, ...year).meetsMinimum)
  })
})

describe("Governance.View", () => {
  it("carries a board's meetings with their quorum and the year's summary as computed, through JSON and back", () => {
    const held = [meeting("M1", "2018-05-10", 6, 7), meeting("M2", "2018-07-12", 4, 9)]
    const view: Governance.View = {
      asOf: CalendarDate.make("2018-08-01"),
      boards: [
        {
          board: panel,
          meetings: held.map((m) => ({ meeting: m, ...Governance.quorum(panel, m) })),
          year: Governance.meetingsSummary(
            panel,
            held,
            CalendarDate.make("2018-04-01"),
            CalendarDate.make("2019-03-31")
          ),
          due: []
        }
      ]
    }
    const json: unknown = JSON.parse(JSON.stringify(Schema.encodeSync(Governance.View)(view)))
    assert.deepStrictEqual(Schema.decodeUnknownSync(Governance.View)(json), view)
  })
})

describe("Governance.Boards (in memory)", () => {
  it.effect("refuses a meeting whose attendee is not a member of the board", () =>
    Effect.gen(function* () {
      const boards = yield* Governance.Boards
      yield* boards.save(panel)
      const stranger = {
        ...meeting("M1", "2018-05-10", 6, 7),
        attendance: [{ member: "X9" as Governance.MemberId, status: "present" as const }]
      }
      const exit = yield* Effect.exit(boards.recordMeeting(council, stranger))
      assert.isTrue(Exit.isFailure(exit))
      yield* boards.recordMeeting(council, meeting("M2", "2018-07-12", 6, 7))
      const kept = yield* boards.meetings(council, panel.id)
      assert.deepStrictEqual(
        kept.map((m) => m.id),
        ["M2"]
      )
    }).pipe(Effect.provide(Governance.layerMemory))
  )

  it.effect("fails with BoardNotFound for another council's board", () =>
    Effect.gen(function* () {
      const boards = yield* Governance.Boards
      yield* boards.save(panel)
      const error = yield* Effect.flip(boards.meetings("other-council" as typeof council, panel.id))
      assert.strictEqual(error._tag, "BoardNotFound")
    }).pipe(Effect.provide(Governance.layerMemory))
  )
})
