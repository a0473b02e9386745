import { assert, describe, it } from "@effect/vitest"
import { Option, Result } from "effect"
import { CalendarDate, Progress, type Strategy } from "../src/index.ts"
import { action, priority, strategy, update } from "./plans.ts"

const d = CalendarDate.make
const a = (id: string) => ({ _tag: "Action", action: id as Strategy.ActionId }) as const

describe("Progress.history and latest", () => {
  const updates = [
    update("P1", "P1.1", "2019-01-15", "amber"),
    update("P1", "P1.1", "2018-07-15", "green"),
    update("P1", undefined, "2018-07-15", "red"),
    update("P1", "P1.2", "2018-09-01", "green")
  ]

  it("keeps the full RAG history of an action, oldest first", () => {
    assert.deepStrictEqual(
      Progress.history(updates, a("P1.1")).map((u) => [u.on, u.rag]),
      [
        ["2018-07-15", "green"],
        ["2019-01-15", "amber"]
      ]
    )
  })

  it("takes the status on a date from the latest update on or before it", () => {
    assert.strictEqual(
      Option.getOrNull(Option.map(Progress.latest(updates, a("P1.1"), d("2018-12-31")), (u) => u.rag)),
      "green"
    )
    assert.strictEqual(
      Option.getOrNull(Option.map(Progress.latest(updates, a("P1.1"), d("2019-01-15")), (u) => u.rag)),
      "amber"
    )
    assert.isTrue(Option.isNone(Progress.latest(updates, a("P1.1"), d("2018-07-14"))))
  })

  it("keeps a priority's own updates apart from its actions'", () => {
    const p = Progress.history(updates, { _tag: "Priority", priority: "P1" as Strategy.PriorityId })
    assert.deepStrictEqual(
      p.map((u) => u.rag),
      ["red"]
    )
  })
})

describe("Progress.concerns", () => {
  const plan = strategy([
    priority("P1", [
      action("P1.1", { due: "2018-12-31" }), // overdue on 2019-02-01
      action("P1.2", { due: "2019-12-31", status: "completed" }), // closed: never a concern
      action("P1.3", {
        due: "2019-12-31",
        milestones: [{ title: "Carers recruited", due: CalendarDate.make("2019-01-01"), completed: Option.none() }]
      }),
      action("P1.4", { due: "2019-02-20", status: "not_started", start: "2019-01-20" }),
      action("P1.5", { due: "2019-12-31" }),
      action("P1.6", { due: "2019-12-31", start: "2018-06-01" }),
      action("P1.7", { due: "2018-12-31", status: "cancelled" })
    ])
  ])
  const updates = [
    update("P1", "P1.3", "2019-01-10", "green"),
    update("P1", "P1.4", "2019-01-25", "green"),
    update("P1", "P1.5", "2019-01-05", "red"),
    update("P1", "P1.6", "2018-06-30", "green"),
    update("P1", "P1.1", "2019-01-20", "green")
  ]
  const view = Progress.concerns(plan, updates, { asOf: d("2019-02-01") })
  const byAction = new Map(view.map((c) => [c.action.id as string, c]))

  it("lists an open action past its due date as overdue, with the days", () => {
    assert.strictEqual(byAction.get("P1.1")?.level, "overdue")
    assert.deepStrictEqual(byAction.get("P1.1")?.reasons, [{ _tag: "Overdue", days: 32 }])
  })

  it("never lists a completed or cancelled action", () => {
    assert.isFalse(byAction.has("P1.2"))
    assert.isFalse(byAction.has("P1.7"))
  })

  it("lists an action with an overdue milestone as overdue even when rated green", () => {
    assert.strictEqual(byAction.get("P1.3")?.level, "overdue")
    assert.deepStrictEqual(byAction.get("P1.3")?.reasons.map(Progress.describeReason), [
      'milestone "Carers recruited" overdue by 31 days'
    ])
  })

  it("lists as at risk an action not started within 30 days of its due date, and one rated red", () => {
    assert.strictEqual(byAction.get("P1.4")?.level, "at_risk")
    assert.deepStrictEqual(byAction.get("P1.4")?.reasons, [{ _tag: "DueSoonNotStarted", days: 19 }])
    assert.deepStrictEqual(byAction.get("P1.5")?.reasons, [{ _tag: "RatedRed", on: d("2019-01-05") }])
  })

  it("lists as at risk an action with no update for more than six months", () => {
    assert.deepStrictEqual(byAction.get("P1.6")?.reasons.map(Progress.describeReason), [
      "no progress update since 30/06/2018"
    ])
  })

  it("puts overdue actions first", () => {
    assert.deepStrictEqual(
      view.map((c) => [c.action.id, c.level]),
      [
        ["P1.1", "overdue"],
        ["P1.3", "overdue"],
        ["P1.4", "at_risk"],
        ["P1.5", "at_risk"],
        ["P1.6", "at_risk"]
      ]
    )
  })

  it("ignores updates made after asOf", () => {
    const earlier = Progress.concerns(plan, updates, { asOf: d("2019-01-04") })
    const p15 = earlier.find((c) => c.action.id === "P1.5")
    assert.deepStrictEqual(p15?.reasons.map(Progress.describeReason), ["no progress update yet"])
  })
})

describe("Progress CSV", () => {
  const council = "test-shire" as Parameters<typeof Progress.fromCsv>[2]
  const header = Progress.csvColumns.join(",")

  it("reads updates for actions and whole priorities, with indicator evidence, and writes them back", () => {
    const text = `${header}\nU1,P1,P1.1,2019-01-15,amber,"Recruitment is slow, panel told",officer,stability_3plus_placements_pct\nU2,P1,,2019-01-15,green,On track,officer,\n`
    const result = Progress.fromCsv(text, "updates.csv", council)
    assert.isTrue(Result.isSuccess(result))
    const updates = Result.getOrThrow(result)
    assert.deepStrictEqual(
      updates.map((u) => [u.id, Option.getOrNull(u.action), u.rag, u.commentary, u.evidence.length]),
      [
        ["U1", "P1.1", "amber", "Recruitment is slow, panel told", 1],
        ["U2", null, "green", "On track", 0]
      ]
    )
    assert.deepStrictEqual(Progress.toCsvRow(updates[0]!), [
      "U1",
      "P1",
      "P1.1",
      "2019-01-15",
      "amber",
      "Recruitment is slow, panel told",
      "officer",
      "stability_3plus_placements_pct"
    ])
  })

  it("names the file, line and column of a bad value", () => {
    const bad = Progress.fromCsv(
      `${header}\nU1,P1,,2019-01-15,amber,x,officer,\nU2,P1,,15/01/2019,blue,x,officer,\n`,
      "u.csv",
      council
    )
    assert.isTrue(Result.isFailure(bad))
    if (Result.isFailure(bad))
      assert.strictEqual(bad.failure.message, 'u.csv line 3, column on: "15/01/2019" is not a date as YYYY-MM-DD')
    const rag = Progress.fromCsv(`${header}\nU1,P1,,2019-01-15,blue,x,officer,\n`, "u.csv", council)
    if (Result.isFailure(rag))
      assert.strictEqual(rag.failure.message, 'u.csv line 2, column rag: "blue" is not one of red, amber, green')
    else assert.fail("a blue RAG was accepted")
  })
})
