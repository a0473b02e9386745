import { assert, describe, it } from "@effect/vitest"
import { Registry, Rule } from "../src/index.ts"

const rule = (code: string, from: number, to?: number): Rule.Rule => ({
  code,
  message: `rule ${code} from ${from}`,
  tables: ["Header"],
  fields: [],
  years: to === undefined ? { from } : { from, to },
  check: Rule.noRecordCheck
})

describe("Registry", () => {
  const rules = [
    rule("100", 2016),
    rule("200", 2016, 2018),
    rule("300", 2016, 2019),
    rule("300", 2020),
    rule("400", 2019)
  ]

  it("builds a year from the year before plus added and changed minus retired", () => {
    const codes = (y: number) => Registry.forYear(y, rules).map((r) => `${r.code}@${r.years.from}`)
    assert.deepStrictEqual(codes(2018), ["100@2016", "200@2016", "300@2016"])
    assert.deepStrictEqual(codes(2019), ["100@2016", "300@2016", "400@2019"])
    assert.deepStrictEqual(codes(2020), ["100@2016", "300@2020", "400@2019"])
  })

  it("says what changed in a year", () => {
    const c = Registry.changesIn(2020, rules)
    assert.deepStrictEqual([c.added.map((r) => r.code), c.changed.map((r) => r.code), c.retired], [[], ["300"], []])
    assert.deepStrictEqual(Registry.changesIn(2019, rules).retired, ["200"])
    assert.deepStrictEqual(
      Registry.changesIn(2019, rules).added.map((r) => r.code),
      ["400"]
    )
  })

  it("orders numeric codes by number, then lettered and named codes", () => {
    assert.deepStrictEqual(["SW13STG1", "1001", "503B", "101", "503A", "99"].sort(Registry.compareCodes), [
      "99",
      "101",
      "503A",
      "503B",
      "1001",
      "SW13STG1"
    ])
  })

  it("has only one definition of each code in force in any year", () => {
    for (let y = Registry.firstYear; y <= Registry.lastYear; y++) {
      const codes = Registry.forYear(y).map((r) => r.code)
      assert.strictEqual(new Set(codes).size, codes.length, String(y))
    }
  })
})
