import { assert, describe, it } from "@effect/vitest"
import { Option } from "effect"
import * as fc from "fast-check"
import { type Child, ChildHistory, type Return } from "../src/index.ts"
import { fakeReturn } from "./council.ts"
import { child, episode, returnOf } from "./fixtures.ts"

/** Shuffle with a seeded permutation, so the sorted fast path cannot be taken. */
const shuffled = <A>(xs: ReadonlyArray<A>, keys: ReadonlyArray<number>): ReadonlyArray<A> =>
  xs
    .map((x, i) => [x, keys[i % keys.length]! + i / xs.length] as const)
    .sort((a, b) => a[1] - b[1])
    .map(([x]) => x)

const shuffleTables = (ret: Return.Return, keys: ReadonlyArray<number>): Return.Return => ({
  ...ret,
  children: shuffled(ret.children, keys),
  episodes: shuffled(ret.episodes, keys),
  reviews: Option.map(ret.reviews, (rows) => shuffled(rows, keys)),
  missing: Option.map(ret.missing, (rows) => shuffled(rows, keys)),
  healthOutcomes: Option.map(ret.healthOutcomes, (rows) => shuffled(rows, keys)),
  careLeavers: Option.map(ret.careLeavers, (rows) => shuffled(rows, keys))
})

/** Lists compared as sets of rows: the order of a child's reviews or missing rows follows the table's. */
const inAnyOrder = <A>(rows: ReadonlyArray<A>): ReadonlyArray<string> => rows.map((r) => JSON.stringify(r)).sort()

const canonical = (histories: ReadonlyArray<ChildHistory.ChildHistory>) =>
  histories.map((h) => ({ ...h, reviews: inAnyOrder(h.reviews), missing: inAnyOrder(h.missing) }))

describe("ChildHistory.index", () => {
  const ret = fakeReturn({ seed: 7, children: 300, year: 2018 })

  it("gives the same histories for a return sorted by child and for the same rows in any order", () => {
    const sorted = canonical(ChildHistory.index(ret))
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 1000 }), { minLength: 1, maxLength: 50 }), (keys) => {
        assert.deepStrictEqual(canonical(ChildHistory.index(shuffleTables(ret, keys))), sorted)
      }),
      { numRuns: 25 }
    )
  })

  it("gives a history to a child named only by episodes, and leaves out other rows of unknown children", () => {
    const base = returnOf(2018, [episode({ child: "A1", start: "2017-05-01" })])
    const withStranger: Return.Return = {
      ...base,
      episodes: [...base.episodes, episode({ child: "B9", start: "2017-06-01" })],
      reviews: Option.some([
        {
          childId: "Z0" as Child.ChildId,
          dateOfBirth: child("Z0").dateOfBirth,
          date: base.episodes[0]!.start,
          participation: "PN1"
        }
      ])
    }
    const histories = ChildHistory.index(withStranger)
    assert.deepStrictEqual(
      histories.map((h) => [h.childId, Option.isSome(h.child), h.episodes.length, h.reviews.length]),
      [
        ["A1", true, 1, 0],
        ["B9", false, 1, 0]
      ]
    )
  })

  it("sorts a child's episodes and closes an open episode followed by a later one", () => {
    const ret2 = returnOf(2018, [episode({ start: "2017-09-01", rne: "P" }), episode({ start: "2017-05-01" })])
    const [h] = ChildHistory.index(ret2)
    assert.deepStrictEqual(
      h?.episodes.map((e) => [e.start, Option.getOrNull(e.end), Option.getOrNull(e.reasonCeased)]),
      [
        ["2017-05-01", "2017-09-01", "X1"],
        ["2017-09-01", null, null]
      ]
    )
  })
})
