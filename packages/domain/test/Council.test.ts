import { describe, expect, it } from "@effect/vitest"
import { Option, Schema } from "effect"
import * as Council from "../src/Council.ts"
import * as ReportingYear from "../src/ReportingYear.ts"

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

describe("Council.List", () => {
  it("lists each council with its code and years through JSON and back, the code null when unknown", () => {
    const list: Council.List = {
      councils: [
        {
          id: "fake-borough-a" as Council.CouncilId,
          name: "Fake Borough A",
          localAuthorityCode: Option.some("999" as Council.LocalAuthorityCode),
          years: [ReportingYear.make(2018), ReportingYear.make(2017)]
        },
        {
          id: "fake-borough-b" as Council.CouncilId,
          name: "Fake Borough B",
          localAuthorityCode: Option.none(),
          years: []
        }
      ]
    }
    const json: unknown = JSON.parse(JSON.stringify(Schema.encodeSync(Council.List)(list)))
    expect(json).toMatchObject({ councils: [{ localAuthorityCode: "999" }, { localAuthorityCode: null }] })
    expect(Schema.decodeUnknownSync(Council.List)(json)).toEqual(list)
  })
})
