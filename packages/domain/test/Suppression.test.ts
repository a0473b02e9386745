import { assert, describe, it } from "@effect/vitest"
import fc from "fast-check"
import { Suppression } from "../src/index.ts"

/**
 * An attacker's subtraction: any line (entries whose last is the total of the others) with exactly one unknown
 * entry gives it away; repeat until nothing more can be learned. Returns the positions learned.
 */
const recoverBySubtraction = (
  known: ReadonlyArray<number | "c">,
  truth: ReadonlyArray<number>,
  lines: ReadonlyArray<ReadonlyArray<number>>
): ReadonlyArray<number> => {
  const value = known.map((v) => (v === "c" ? undefined : v))
  const learned: Array<number> = []
  let progress = true
  while (progress) {
    progress = false
    for (const line of lines) {
      const unknown = line.filter((p) => value[p] === undefined)
      if (unknown.length !== 1) continue
      const p = unknown[0]!
      const total = line[line.length - 1]!
      const others = line.filter((q) => q !== p && q !== total).reduce((a, q) => a + value[q]!, 0)
      value[p] = p === total ? others : value[total]! - others
      assert.strictEqual(value[p], truth[p], "subtraction must recover the true value")
      learned.push(p)
      progress = true
    }
  }
  return learned
}

const counts = fc.array(fc.oneof(fc.integer({ min: 0, max: 8 }), fc.integer({ min: 0, max: 60 })), {
  minLength: 1,
  maxLength: 8
})

describe("Suppression", () => {
  it("leaves officers' figures exact", () => {
    assert.deepStrictEqual(Suppression.list([3, 40], "officer"), { cells: [3, 40], total: 43 })
  })

  it("hides a small count and the smallest other count in its line", () => {
    assert.deepStrictEqual(Suppression.list([3, 40, 12, 0], "member"), { cells: ["c", 40, "c", 0], total: 55 })
  })

  it("hides the total when the only other count is zero", () => {
    assert.deepStrictEqual(Suppression.list([4, 0], "public"), { cells: ["c", 0], total: "c" })
  })

  it("hides a percentage whose numerator or complement is 1–5", () => {
    assert.deepStrictEqual(Suppression.proportion(38, 40, "member"), {
      numerator: "c",
      denominator: 40,
      showValue: false
    })
    assert.deepStrictEqual(Suppression.proportion(3, 40, "member"), {
      numerator: "c",
      denominator: 40,
      showValue: false
    })
    assert.deepStrictEqual(Suppression.proportion(20, 40, "member"), {
      numerator: 20,
      denominator: 40,
      showValue: true
    })
  })

  it("property: no count of 1–5 is shown in a list, and subtraction from the total recovers no hidden count", () => {
    fc.assert(
      fc.property(counts, (cs) => {
        const out = Suppression.list(cs, "member")
        const published = [...out.cells, out.total]
        const truth = [...cs, cs.reduce((a, b) => a + b, 0)]
        for (const v of published) assert.isFalse(typeof v === "number" && Suppression.isSmall(v))
        const line = truth.map((_, i) => i)
        assert.deepStrictEqual(recoverBySubtraction(published, truth, [line]), [])
      }),
      { numRuns: 500 }
    )
  })

  it("property: in a two-way table no hidden cell can be derived from row or column totals, however chained", () => {
    const tables = fc.tuple(fc.integer({ min: 1, max: 5 }), fc.integer({ min: 1, max: 5 })).chain(([r, c]) =>
      fc.array(
        fc.array(fc.oneof(fc.integer({ min: 0, max: 7 }), fc.integer({ min: 0, max: 40 })), {
          minLength: c,
          maxLength: c
        }),
        {
          minLength: r,
          maxLength: r
        }
      )
    )
    fc.assert(
      fc.property(tables, (counts) => {
        const t = Suppression.table(counts, "public")
        const rows = counts.length
        const width = counts[0]!.length + 1
        const published = [...t.cells.map((r, i) => [...r, t.rowTotals[i]!]), [...t.columnTotals, t.total]].flat()
        const rowTotals = counts.map((r) => r.reduce((a, b) => a + b, 0))
        const columnTotals = counts[0]!.map((_, j) => counts.reduce((a, r) => a + r[j]!, 0))
        const truth = [
          ...counts.map((r, i) => [...r, rowTotals[i]!]),
          [...columnTotals, rowTotals.reduce((a, b) => a + b, 0)]
        ].flat()
        for (const v of published) assert.isFalse(typeof v === "number" && Suppression.isSmall(v))
        const lines: Array<Array<number>> = []
        for (let i = 0; i <= rows; i++) lines.push(Array.from({ length: width }, (_, j) => i * width + j))
        for (let j = 0; j < width; j++) lines.push(Array.from({ length: rows + 1 }, (_, i) => i * width + j))
        assert.deepStrictEqual(recoverBySubtraction(published, truth, lines), [])
      }),
      { numRuns: 500 }
    )
  })

  it("property: a proportion never shows a numerator or complement of 1–5 with its value", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 60 }), fc.integer({ min: 0, max: 60 }), (a, b) => {
        const p = Suppression.proportion(a, a + b, "member")
        if (p.showValue) {
          assert.isFalse(Suppression.isSmall(a) || Suppression.isSmall(b))
        }
        assert.isFalse(typeof p.numerator === "number" && Suppression.isSmall(p.numerator))
      })
    )
  })
})
