import { ChildHistory, Cohort, Indicator, ReportingYear, type Return } from "@cpo/domain"
import { describe, expect, it } from "@effect/vitest"
import { Option } from "effect"
import { Synth } from "../src/index.ts"

const claAt31March = (ret: Return.Return): number =>
  Option.getOrThrow(
    Indicator.measure(Indicator.claAt31March, {
      year: ret.year,
      histories: ChildHistory.index(ret),
      tables: new Set(["children", "episodes"]),
      population: Option.none()
    }).value
  )

const small = Synth.generate({ seed: 7, council: "Test Shire", children: 120, years: { from: 2017, to: 2018 } })

describe("Synth.generate", () => {
  it("writes one return per collection year, ascending", () => {
    expect(small.returns.map((r) => r.year)).toEqual([2017, 2018])
  })

  it("has exactly the asked number of children looked after at the last 31 March", () => {
    expect(claAt31March(small.returns[1]!)).toBe(120)
    const history = ChildHistory.index(small.returns[1]!)
    expect(Cohort.lookedAfterOn(history, ReportingYear.end(ReportingYear.make(2018))).length).toBe(120)
  })

  it.each([1, 40, 450, 2500])("hits %i children looked after exactly", (children) => {
    const council = Synth.generate({ seed: children, council: "Exact", children, years: { from: 2025, to: 2026 } })
    expect(claAt31March(council.returns[1]!)).toBe(children)
  })

  it("lets earlier years vary plausibly around the size", () => {
    const council = Synth.generate({ seed: 3, council: "Drift", children: 450, years: { from: 2020, to: 2026 } })
    for (const ret of council.returns.slice(0, -1)) {
      const cla = claAt31March(ret)
      expect(cla).toBeGreaterThan(450 * 0.8)
      expect(cla).toBeLessThan(450 * 1.2)
    }
  })

  it("is deterministic: the same inputs give byte-identical files", () => {
    const again = Synth.generate({ seed: 7, council: "Test Shire", children: 120, years: { from: 2017, to: 2018 } })
    const files = (s: Synth.SyntheticCouncil) => JSON.stringify(s.returns.flatMap(Synth.toCsvFiles))
    expect(files(again)).toBe(files(small))
    expect(again.population).toBe(small.population)
  })

  it("gives a different council for a different seed", () => {
    const other = Synth.generate({ seed: 8, council: "Test Shire", children: 120, years: { from: 2017, to: 2018 } })
    expect(Synth.toCsvFiles(other.returns[1]!)[0]!.content).not.toBe(Synth.toCsvFiles(small.returns[1]!)[0]!.content)
  })

  it("rejects options that cannot describe a council, naming the option", () => {
    const base = { seed: 1, council: "X", children: 10, years: { from: 2018, to: 2018 } }
    expect(() => Synth.generate({ ...base, children: 0 })).toThrow(/children/)
    expect(() => Synth.generate({ ...base, years: { from: 2019, to: 2018 } })).toThrow(/years/)
    expect(() => Synth.generate({ ...base, seed: 1.5 })).toThrow(/seed/)
  })

  it("derives a population giving a rate per 10,000 within the English range", () => {
    const rate = (120 / small.population) * 10_000
    expect(rate).toBeGreaterThanOrEqual(25)
    expect(rate).toBeLessThanOrEqual(190)
  })
})
