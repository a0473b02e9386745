import { describe, expect, it } from "@effect/vitest"
import { Synth } from "../src/index.ts"
import { check } from "./rules.ts"

const council = Synth.generate({ seed: 21, council: "Rule Shire", children: 2500, years: { from: 2024, to: 2026 } })

describe("a clean synthetic return", () => {
  it.each(council.returns.map((r, i) => [r.year, r, council.returns[i - 1]] as const))(
    "breaks none of the §5.3 rules in %i",
    (_year, ret, previous) => {
      expect(check(ret, previous)).toEqual([])
    }
  )
})

describe("Synth.injectErrors", () => {
  const ret2024 = council.returns[0]!
  const ret2025 = council.returns[1]!
  const ret2026 = council.returns[2]!
  const previousOf = (ret: typeof ret2024) => (ret === ret2026 ? ret2025 : undefined)
  const codesFor = (year: number) => Synth.supportedErrorCodes.filter((code) => Synth.isSupported(code, year))

  it.each([
    [2024, ret2024],
    [2026, ret2026]
  ] as const)("makes exactly the injected rules fire for the injected children in %i", (year, ret) => {
    const errors = codesFor(year)
      .filter((code) => year === 2026 || !Synth.codesNeedingPreviousReturn.includes(code))
      .map((code) => ({ code, count: code === "367" || code === "1001" ? 1 : 2 }))
    const previous = previousOf(ret)
    const result = Synth.injectErrors(ret, { errors, seed: 5, ...(previous === undefined ? {} : { previous }) })
    const key = (h: { code: string; childId: string }) => `${h.code}:${h.childId}`
    const found = new Set(check(result.return, previous).map(key))
    const injected = new Set(result.injected.map(key))
    expect([...found].sort()).toEqual([...injected].sort())
    // One child per error, two for a duplicated UPN (444).
    const expected = errors.reduce((n, e) => n + e.count * (e.code === "444" ? 2 : 1), 0)
    expect(result.injected.length).toBe(expected)
  })

  it("puts every error on a different child", () => {
    const result = Synth.injectErrors(ret2026, {
      errors: [
        { code: "178", count: 20 },
        { code: "225", count: 20 }
      ],
      seed: 1
    })
    expect(new Set(result.injected.map((i) => i.childId)).size).toBe(40)
  })

  it("is deterministic for a seed and leaves the input return untouched", () => {
    const before = JSON.stringify(Synth.toCsvFiles(ret2026))
    const a = Synth.injectErrors(ret2026, { errors: [{ code: "355", count: 3 }], seed: 9 })
    const b = Synth.injectErrors(ret2026, { errors: [{ code: "355", count: 3 }], seed: 9 })
    expect(a.injected).toEqual(b.injected)
    expect(JSON.stringify(Synth.toCsvFiles(ret2026))).toBe(before)
  })

  it("refuses unknown codes, codes not active in the year, and more errors than children suit", () => {
    expect(() => Synth.injectErrors(ret2026, { errors: [{ code: "999", count: 1 }], seed: 1 })).toThrow(/999/)
    expect(() => Synth.injectErrors(ret2026, { errors: [{ code: "101", count: 1 }], seed: 1 })).toThrow(/2026/)
    expect(() => Synth.injectErrors(ret2024, { errors: [{ code: "444", count: 1 }], seed: 1 })).toThrow(/2024/)
    expect(() => Synth.injectErrors(ret2026, { errors: [{ code: "601", count: 100_000 }], seed: 1 })).toThrow(/601/)
  })

  it("names the table of each injected error", () => {
    const result = Synth.injectErrors(ret2026, {
      errors: [
        { code: "444", count: 1 },
        { code: "191", count: 1 },
        { code: "571", count: 1 }
      ],
      seed: 2
    })
    expect(result.injected.map((i) => i.table)).toEqual(["Header", "Header", "OC2", "Missing"])
  })
})
