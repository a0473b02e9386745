/**
 * The worked example of docs/extending.md, "Add a validation rule": a rule is one small pure check with its code,
 * message, tables, fields and the collection years it is active in; its tests give one failing and one passing case.
 * The doc quotes the regions of this file, so the doc cannot drift from code that runs.
 */
import { ReportingYear } from "@cpo/domain"
import { assert, describe, it } from "@effect/vitest"
import { Effect, Option } from "effect"
import { Registry, Rule, Ssda903, Validation } from "../../src/index.ts"
import { files, type Tables } from "../rules.ts"

// #region rule
/**
 * A council's own check, run beside DfE's: a UPN is 13 characters (a letter, 12 digits or letters) or one of the
 * "unknown" codes UN1–UN5. Active from 2024/25 (the collection year ending 31 March 2025) with no end.
 */
const upnUnknown = new Set(["UN1", "UN2", "UN3", "UN4", "UN5"])
const upnShape = /^[A-Z][0-9]{11}[0-9A-Z]$/

export const la01: Rule.Rule = {
  code: "LA01",
  message: "UPN is neither 13 characters (a letter, then 11 digits, then a digit or letter) nor UN1–UN5",
  tables: ["Header"],
  fields: ["UPN"],
  years: { from: 2025 },
  check: Rule.perChild((child) =>
    child.header
      .filter((row) =>
        Option.match(row.value.upn, {
          onNone: () => false,
          onSome: (upn) => !upnUnknown.has(upn) && !upnShape.test(upn)
        })
      )
      .map((row) => Rule.hit("Header", row, child.childId))
  )
}
// #endregion rule

// #region tests
/** Validate hand-made tables with the year's DfE rules plus LA01, keeping only LA01's errors. */
const la01Errors = (tables: Tables, year: number) =>
  Effect.gen(function* () {
    const decoded = yield* Ssda903.decodeFiles(files(tables), { year: ReportingYear.make(year) })
    const report = Validation.validate(decoded, { rules: [...Registry.forYear(year), la01] })
    return report.errors.filter((e) => e.code === "LA01").map((e) => e.rows)
  })

describe("rule LA01", () => {
  it.effect("fails on a malformed UPN, naming the line", () =>
    Effect.map(la01Errors({ Header: [{ UPN: "A1234" }, { CHILD: "C2", UPN: "A12345678901B" }] }, 2025), (rows) =>
      assert.deepStrictEqual(rows, [[2]])
    )
  )
  it.effect("passes a well-formed UPN and the unknown codes", () =>
    Effect.map(la01Errors({ Header: [{ UPN: "A12345678901B" }, { CHILD: "C2", UPN: "UN3" }] }, 2025), (rows) =>
      assert.deepStrictEqual(rows, [])
    )
  )
  it.effect("is not run before 2024/25, and is skipped when the Header table is absent", () =>
    Effect.gen(function* () {
      const decoded = yield* Ssda903.decodeFiles(files({ Episodes: [{}] }), { year: ReportingYear.make(2025) })
      const report = Validation.validate(decoded, { rules: [la01] })
      const outcome = report.rules.find((r) => r.code === "LA01")
      assert.deepStrictEqual([outcome?.status, outcome?.skippedFor], ["skipped", ["Header table"]])
      assert.isFalse(Rule.isActiveIn(la01, 2024))
    })
  )
})
// #endregion tests
