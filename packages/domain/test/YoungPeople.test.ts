import { assert, describe, it } from "@effect/vitest"
import { Effect, Option } from "effect"
import { CalendarDate, ChildHistory, type Council, Eligibility, Returns, YoungPeople } from "../src/index.ts"
import { episode, returnOf } from "./fixtures.ts"

const d = CalendarDate.make
const council: Council.Council = {
  id: "fake-borough" as Council.CouncilId,
  name: "Fake Borough",
  localAuthorityCode: Option.none()
}
// C1 left care at 17 in 2017/18; C2 only appears in the 2016/17 return.
const dates = { C1: "2000-06-15", C2: "2000-09-01" }
const return2018 = returnOf(2018, [episode({ child: "C1", start: "2016-05-01", end: "2017-07-01" })], dates)
const return2017 = returnOf(
  2017,
  [episode({ child: "C1", start: "2016-05-01" }), episode({ child: "C2", start: "2016-06-01" })],
  dates
)

describe("YoungPeople.ofReturn", () => {
  it("sees every child of the return through Eligibility.fromHistory", () => {
    const on = d("2018-03-31")
    assert.deepStrictEqual(
      YoungPeople.ofReturn(return2018, on),
      ChildHistory.index(return2018).flatMap((h) => Option.toArray(Eligibility.fromHistory(h, on)))
    )
    assert.deepStrictEqual(
      YoungPeople.ofReturn(return2018, on).map((p) => p.childId),
      ["C1"]
    )
  })
})

describe("YoungPeople.fromStore", () => {
  const stored = Effect.gen(function* () {
    const returns = yield* Returns.Returns
    yield* returns.saveCouncil(council)
    yield* returns.importReturn(council.id, return2017, "2017")
    yield* returns.importReturn(council.id, return2018, "2018")
  })

  it.effect("takes the young person from the newest return that started by the day and holds them", () =>
    Effect.gen(function* () {
      yield* stored
      const on = d("2018-03-31")
      const c1 = yield* YoungPeople.fromStore(council.id, "C1", on)
      assert.deepStrictEqual(c1, Eligibility.fromHistory(ChildHistory.index(return2018)[0]!, on))
      // Not in 2017/18: found in 2016/17.
      const c2 = yield* YoungPeople.fromStore(council.id, "C2", on)
      assert.deepStrictEqual(
        c2,
        Eligibility.fromHistory(ChildHistory.index(return2017).find((h) => h.childId === "C2")!, on)
      )
      // Before 1 April 2017 the 2017/18 return is not read: C1 as the 2016/17 return has them.
      const earlier = yield* YoungPeople.fromStore(council.id, "C1", d("2017-03-31"))
      assert.deepStrictEqual(earlier, Eligibility.fromHistory(ChildHistory.index(return2017)[0]!, d("2017-03-31")))
      assert.isTrue(Option.isNone(yield* YoungPeople.fromStore(council.id, "C9", on)))
    }).pipe(Effect.provide(Returns.layerMemory))
  )
})
