import { describe, expect, it } from "@effect/vitest"
import { Option, Schema } from "effect"
import * as Council from "../src/Council.ts"

const decode = Schema.decodeUnknownSync(Council.Council)
const encode = Schema.encodeSync(Council.Council)

describe("Council", () => {
  it("keeps the 0–17 population as an Option, null when unknown, and absent in records made before it", () => {
    const withPopulation = decode({
      id: "fake-borough",
      name: "Fake Borough",
      localAuthorityCode: null,
      population: 41250
    })
    expect(Council.populationOf(withPopulation)).toEqual(Option.some(41250))
    expect(encode(withPopulation)).toMatchObject({ population: 41250 })
    const unknown = decode({ id: "fake-borough", name: "Fake Borough", localAuthorityCode: null, population: null })
    expect(Council.populationOf(unknown)).toEqual(Option.none())
    const older = decode({ id: "fake-borough", name: "Fake Borough", localAuthorityCode: null })
    expect(Council.populationOf(older)).toEqual(Option.none())
    expect("population" in encode(older)).toBe(false)
  })

  it("refuses a population that is not a whole number above 0", () => {
    for (const population of [0, -5, 12.5, "40000"]) {
      expect(() => decode({ id: "fake-borough", name: "Fake Borough", localAuthorityCode: null, population })).toThrow()
    }
  })
})
