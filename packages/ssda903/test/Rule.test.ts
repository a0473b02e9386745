import { assert, describe, it } from "@effect/vitest"
import { Rule } from "../src/index.ts"

// Only identity matters to `perChildFact`: stand-ins for two children's records and two validations.
const childA = { childId: "A" } as Rule.ChildRecords
const childB = { childId: "B" } as Rule.ChildRecords
const validation1 = { year: 2025 } as unknown as Rule.Context
const validation2 = { year: 2026 } as unknown as Rule.Context

describe("Rule.perChildFact", () => {
  it("works a fact out once while rules ask about the same child, and afresh for the next child", () => {
    const asked: Array<string> = []
    const fact = Rule.perChildFact((c: Rule.ChildRecords, ctx: Rule.Context) => {
      asked.push(`${c.childId}@${ctx.year}`)
      return `${c.childId} in ${ctx.year}`
    })
    assert.strictEqual(fact(childA, validation1), "A in 2025")
    assert.strictEqual(fact(childA, validation1), "A in 2025")
    assert.strictEqual(fact(childB, validation1), "B in 2025")
    // Only the last child is remembered: going back works the fact out again rather than giving a stale answer.
    assert.strictEqual(fact(childA, validation1), "A in 2025")
    assert.strictEqual(fact(childA, validation2), "A in 2026")
    assert.deepStrictEqual(asked, ["A@2025", "B@2025", "A@2025", "A@2026"])
  })

  it("serves a fact that needs only the child's records", () => {
    let asked = 0
    const fact = Rule.perChildFact((c: Rule.ChildRecords) => {
      asked++
      return c.childId.toLowerCase()
    })
    assert.strictEqual(fact(childB), "b")
    assert.strictEqual(fact(childB), "b")
    assert.strictEqual(asked, 1)
  })
})

describe("Rule.rowsWhere", () => {
  // Rows of a stand-in table: only their values and lines matter here.
  const rows = [
    { value: { n: 1 }, line: 2 },
    { value: { n: 2 }, line: 3 },
    { value: { n: 3 }, line: 4 }
  ]
  const child = { childId: "C1", reviews: rows } as unknown as Rule.ChildRecords

  it("hits each row for which the test holds, in row order, giving the test the value, context, row and child", () => {
    const seen: Array<string> = []
    const check = Rule.rowsWhere(
      "Reviews",
      (c) => c.reviews as unknown as typeof rows,
      (value, ctx, row, c) => {
        seen.push(`${value.n}/${row.line}/${ctx.year}/${c.childId}`)
        return value.n !== 2
      }
    )
    assert.deepStrictEqual(check(child, validation1), [
      { table: "Reviews", lines: [2], childId: "C1" },
      { table: "Reviews", lines: [4], childId: "C1" }
    ])
    assert.deepStrictEqual(seen, ["1/2/2025/C1", "2/3/2025/C1", "3/4/2025/C1"])
  })

  it("makes no list when no row fails", () => {
    const check = Rule.rowsWhere(
      "Reviews",
      (c) => c.reviews,
      () => false
    )
    assert.strictEqual(check(child, validation1), undefined)
  })
})
