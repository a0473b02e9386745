import {
  AuditLog,
  CalendarDate,
  Council,
  Governance,
  Priorities,
  type Progress,
  Returns,
  type Strategy
} from "@cpo/domain"
import { assert, describe, expect, layer } from "@effect/vitest"
import { Effect, Exit, Layer, Option } from "effect"
import { Store } from "../src/index.ts"
import { engines } from "./Engines.ts"

const council = Council.CouncilId.make("fake-shire")
const other = Council.CouncilId.make("other-shire")
const d = CalendarDate.make

const action = (id: string, due: string, status: Strategy.ActionStatus = "in_progress"): Strategy.Action => ({
  id: id as Strategy.ActionId,
  title: `Action ${id}`,
  owner: "Head of Children in Care",
  start: d("2018-04-01"),
  due: d(due),
  status,
  milestones: [{ title: `Milestone of ${id}`, due: d("2018-09-30"), completed: Option.some(d("2018-09-20")) }]
})

const priority = (id: string, actions: ReadonlyArray<Strategy.Action>): Strategy.Priority => ({
  id: id as Strategy.PriorityId,
  title: `Priority ${id}`,
  leadMembers: ["Cllr A. Example", "Cllr B. Example"],
  leadOfficer: "Head of Service",
  whatWeNeedToImprove: ["Placement stability"],
  whatWeWillDo: ["Recruit foster carers"],
  whatThisWillMeanInPractice: ["Fewer moves"],
  principles: ["safety_and_stability", "high_aspirations"],
  indicators: ["stability_3plus_placements_pct"],
  actions
})

const plan: Strategy.Strategy = {
  id: "cps-2018-21" as Strategy.StrategyId,
  council,
  title: "Corporate Parenting Strategy",
  period: { start: d("2018-04-01"), end: d("2021-03-31") },
  priorities: [priority("P1", [action("P1.1", "2019-03-31"), action("P1.2", "2020-03-31")]), priority("P2", [])]
}

const update = (id: string, actionId: string | undefined, on: string, rag: Progress.Rag): Progress.Update => ({
  id: id as Progress.UpdateId,
  council,
  priority: "P1" as Strategy.PriorityId,
  action: actionId === undefined ? Option.none() : Option.some(actionId as Strategy.ActionId),
  on: d(on),
  rag,
  commentary: `Update ${id}`,
  evidence: [
    { _tag: "IndicatorEvidence", indicator: "stability_3plus_placements_pct", year: Option.some(2019) },
    { _tag: "DocumentEvidence", title: "Panel minutes", url: Option.none() }
  ],
  author: "officer@fake-shire.example"
})

const member = (id: string, membership: Governance.Membership): Governance.Member => ({
  id: id as Governance.MemberId,
  name: `Member ${id}`,
  role: membership === "core" ? "councillor" : "officer",
  membership,
  organisation: membership === "core" ? Option.none() : Option.some("Fake Shire Council"),
  from: d("2017-05-01"),
  until: Option.none()
})

const board: Governance.Board = {
  id: "cpp" as Governance.BoardId,
  council,
  name: "Corporate Parenting Panel",
  terms: {
    purpose: ["Scrutinise services for children in care"],
    quorum: [{ membership: "core", percent: 75 }],
    substitutesCount: true,
    minimumMeetingsPerYear: 5,
    reportsTo: ["Children's Select Committee"]
  },
  members: [...["C1", "C2", "C3", "C4"].map((id) => member(id, "core")), member("A1", "associate")],
  reportingCycle: [
    {
      id: "select",
      report: "Progress against each priority",
      to: "Children's Select Committee",
      frequency: "six_monthly",
      scope: "each_priority",
      firstDue: d("2018-07-31")
    }
  ]
}

const setUp = Effect.gen(function* () {
  const returns = yield* Returns.Returns
  yield* returns.saveCouncil({ id: council, name: "Fake Shire", localAuthorityCode: Option.none() })
  yield* returns.saveCouncil({ id: other, name: "Other Shire", localAuthorityCode: Option.none() })
})

for (const engine of engines) {
  describe(`Priorities and governance on ${engine.name}`, () => {
    layer(Layer.provideMerge(Store.layerFromSql, engine.sql), { timeout: 120_000, excludeTestServices: true })((it) => {
      it.effect("keeps a strategy as it was given and answers it as the council's current one", () =>
        Effect.gen(function* () {
          yield* setUp
          const priorities = yield* Priorities.Priorities
          yield* priorities.saveStrategy(plan)
          expect(yield* priorities.strategy(council)).toEqual(plan)
          const error = yield* Effect.flip(priorities.strategy(other))
          assert.strictEqual(error._tag, "StrategyNotFound")
        })
      )

      it.effect("keeps the full RAG history, for actions and whole priorities, and records an update once", () =>
        Effect.gen(function* () {
          const priorities = yield* Priorities.Priorities
          const updates = [
            update("U1", "P1.1", "2018-07-01", "green"),
            update("U2", "P1.1", "2019-01-10", "amber"),
            update("U3", undefined, "2019-01-10", "amber")
          ]
          for (const u of updates) yield* priorities.recordUpdate(u)
          yield* priorities.recordUpdate(updates[0]!)
          expect(yield* priorities.updates(council)).toEqual(updates)
          const unknown = yield* Effect.flip(priorities.recordUpdate(update("U9", "P9.1", "2019-01-10", "red")))
          assert.strictEqual(unknown._tag, "UnknownPriorityOrAction")
        })
      )

      it.effect("retires an action left out of a saved strategy but keeps its history", () =>
        Effect.gen(function* () {
          const priorities = yield* Priorities.Priorities
          const without = {
            ...plan,
            priorities: [priority("P1", [action("P1.2", "2020-03-31", "completed")]), priority("P2", [])]
          }
          yield* priorities.saveStrategy(without)
          expect(yield* priorities.strategy(council)).toEqual(without)
          assert.strictEqual((yield* priorities.updates(council)).length, 3)
          yield* priorities.saveStrategy(plan)
          expect(yield* priorities.strategy(council)).toEqual(plan)
        })
      )

      it.effect("refuses an invalid strategy before writing anything", () =>
        Effect.gen(function* () {
          const priorities = yield* Priorities.Priorities
          const bad = { ...plan, priorities: [...plan.priorities, priority("P1", [])] }
          const error = yield* Effect.flip(priorities.saveStrategy(bad))
          assert.strictEqual(error._tag, "InvalidStrategy")
          expect(yield* priorities.strategy(council)).toEqual(plan)
        })
      )

      it.effect("keeps you-said-we-did entries linked to priorities", () =>
        Effect.gen(function* () {
          const priorities = yield* Priorities.Priorities
          const entry = {
            id: "Y1" as never,
            council,
            on: d("2018-11-01"),
            source: "children_in_care_council" as const,
            youSaid: "We want to know our social worker's plans for the holidays",
            weDid: "Social workers now share holiday cover with each child",
            priorities: ["P1" as Strategy.PriorityId]
          }
          yield* priorities.recordYouSaidWeDid(entry)
          expect(yield* priorities.youSaidWeDid(council)).toEqual([entry])
          const bad = yield* Effect.flip(
            priorities.recordYouSaidWeDid({ ...entry, id: "Y2" as never, priorities: ["P7" as Strategy.PriorityId] })
          )
          assert.strictEqual(bad._tag, "UnknownPriorityOrAction")
        })
      )

      it.effect("keeps boards, members, reporting cycle and meetings, and computes quorum from attendance", () =>
        Effect.gen(function* () {
          const boards = yield* Governance.Boards
          yield* boards.save(board)
          expect(yield* boards.list(council)).toEqual([board])
          const meeting: Governance.Meeting = {
            id: "M1" as Governance.MeetingId,
            board: board.id,
            on: d("2018-05-10"),
            attendance: [
              { member: "C1" as Governance.MemberId, status: "present" },
              { member: "C2" as Governance.MemberId, status: "present" },
              { member: "C3" as Governance.MemberId, status: "substitute" },
              { member: "C4" as Governance.MemberId, status: "apologies" }
            ],
            agenda: ["Priority P1 update"]
          }
          yield* boards.recordMeeting(council, meeting)
          yield* boards.recordMeeting(council, meeting)
          const kept = yield* boards.meetings(council, board.id)
          expect(kept).toEqual([meeting])
          assert.isTrue(Governance.quorum(board, kept[0]!).quorate)
          const stranger = yield* Effect.exit(
            boards.recordMeeting(council, {
              ...meeting,
              id: "M2" as Governance.MeetingId,
              attendance: [{ member: "Z9" as Governance.MemberId, status: "present" }]
            })
          )
          assert.isTrue(Exit.isFailure(stranger))
          assert.deepStrictEqual(yield* boards.list(other), [])
        })
      )

      it.effect("refuses a caller of another council", () =>
        Effect.gen(function* () {
          const priorities = yield* Priorities.Priorities
          const caller: AuditLog.Caller = {
            actor: "analyst@other-shire",
            role: "analyst",
            council: Option.some(other),
            purpose: "reporting"
          }
          const exit = yield* Effect.exit(priorities.strategy(council).pipe(AuditLog.withCaller(caller)))
          assert.isTrue(Exit.isFailure(exit))
        })
      )
    })
  })
}
