import { describe, expect, it } from "@effect/vitest"
import { Option } from "effect"
import { Synth } from "../src/index.ts"

const council = Synth.generate({ seed: 5, council: "Xml Borough", children: 150, years: { from: 2024, to: 2025 } })
const ret = council.returns[1]!
const xml = Synth.toXml(ret)

const count = (tag: string) => xml.split(`<${tag}>`).length - 1

/** Every opening tag is closed in order (a small well-formedness check). */
const balanced = (text: string): boolean => {
  const stack: Array<string> = []
  for (const m of text.matchAll(/<(\/?)([A-Z_0-9]+)( \/)?>/g)) {
    if (m[3] !== undefined) continue
    if (m[1] === "") stack.push(m[2]!)
    else if (stack.pop() !== m[2]) return false
  }
  return stack.length === 0
}

describe("Synth.toXml", () => {
  it("writes the DfE root with one CHILD per child and one EPISODE per episode", () => {
    expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<EXPSSDA903>')).toBe(true)
    expect(count("CHILD")).toBe(new Set([...ret.children.map((c) => c.id), ...ret.episodes.map((e) => e.childId)]).size)
    expect(count("EPISODE")).toBe(ret.episodes.length)
    expect(count("AREVIEW")).toBe(Option.getOrThrow(ret.reviews).length)
    expect(count("OC2")).toBe(Option.getOrThrow(ret.healthOutcomes).length)
    expect(count("IN_TOUCH")).toBe(Option.getOrThrow(ret.careLeavers).length)
    expect(balanced(xml)).toBe(true)
  })

  it("uses CHILDID and PL where the CSV says CHILD and PLACE, with the year's codes", () => {
    const first = ret.episodes[0]!
    expect(xml).toContain(`<CHILDID>${first.childId}</CHILDID>`)
    expect(xml).toContain(`<PL>${first.placement}</PL>`)
    expect(xml).not.toContain("<PLACE>")
    expect(xml).toMatch(/<SEX>[MF]<\/SEX>/)
    expect(xml).toMatch(/<DECOM>\d{2}\/\d{2}\/\d{4}<\/DECOM>/)
  })

  it("is deterministic", () => {
    expect(Synth.toXml(ret)).toBe(xml)
  })
})
