import { assert, describe, it } from "@effect/vitest"
import { Effect } from "effect"
import { CalendarDate, Priorities, Strategy } from "../src/index.ts"
import { action, council, priority, strategy, update } from "./plans.ts"

describe("Strategy.problems", () => {
  it("names duplicate ids, reversed dates and a priority without a lead member", () => {
    const bad = strategy([
      priority("P1", [action("P1.1", { start: "2019-01-01", due: "2018-12-31" })]),
      { ...priority("P1", [action("P1.1")]), leadMembers: [] }
    ])
    assert.deepStrictEqual(Strategy.problems(bad), [
      { at: "action P1.1", message: "due (2018-12-31) before it starts (2019-01-01)" },
      { at: "priority P1", message: "id used by another priority" },
      { at: "priority P1", message: "has no lead member" },
      { at: "action P1.1", message: "id used by another action" }
    ])
  })

  it("has no problems for a well-formed strategy and labels its period as councils do", () => {
    const good = strategy([priority("P1", [action("P1.1")])])
    assert.deepStrictEqual(Strategy.problems(good), [])
    assert.strictEqual(Strategy.periodLabel(good), "2018-21")
  })

  it("labels the seven corporate parenting principles of CSWA 2017 s1(1)", () => {
    assert.strictEqual(Strategy.Principle.codes.length, 7)
    assert.match(Strategy.Principle.label("prepare_for_adulthood"), /adulthood and independent living/)
  })
})

describe("Priorities (in memory)", () => {
  const run = <A, E>(self: Effect.Effect<A, E, Priorities.Priorities>) => Effect.provide(self, Priorities.layerMemory)

  it.effect("refuses an invalid strategy with every problem in the error", () =>
    run(
      Effect.gen(function* () {
        const priorities = yield* Priorities.Priorities
        const error = yield* Effect.flip(
          priorities.saveStrategy(strategy([{ ...priority("P1", []), leadMembers: [] }]))
        )
        assert.strictEqual(error._tag, "InvalidStrategy")
        assert.deepStrictEqual(error.problems, ["priority P1: has no lead member"])
      })
    )
  )

  it.effect("records updates for actions of the strategy and refuses one for an unknown action", () =>
    run(
      Effect.gen(function* () {
        const priorities = yield* Priorities.Priorities
        yield* priorities.saveStrategy(strategy([priority("P1", [action("P1.1")])]))
        yield* priorities.recordUpdate(update("P1", "P1.1", "2018-10-01", "green"))
        const error = yield* Effect.flip(priorities.recordUpdate(update("P1", "P9.9", "2018-10-01", "green")))
        assert.strictEqual(error._tag, "UnknownPriorityOrAction")
        assert.strictEqual(error.message, "test-shire: no priority or action P9.9 in the current strategy")
        const kept = yield* priorities.updates(council)
        assert.deepStrictEqual(
          kept.map((u) => u.action),
          [update("P1", "P1.1", "2018-10-01", "green").action]
        )
      })
    )
  )

  it.effect("answers the strategy whose period ends last as the current one", () =>
    run(
      Effect.gen(function* () {
        const priorities = yield* Priorities.Priorities
        const old = { ...strategy([priority("P1", [])]), id: "cps-2015-18" as Strategy.StrategyId }
        const older = {
          ...old,
          period: { start: CalendarDate.make("2015-04-01"), end: CalendarDate.make("2018-03-31") }
        }
        yield* priorities.saveStrategy(strategy([priority("P1", [])]))
        yield* priorities.saveStrategy(older)
        assert.strictEqual((yield* priorities.strategy(council)).id, "cps-2018-21")
      })
    )
  )
})
