/** Building small hand-made returns for rule tests. Every id, date and code here is made up. */
import { ReportingYear } from "@cpo/domain"
import { assert, it } from "@effect/vitest"
import { Effect } from "effect"
import { Registry, Ssda903, Table, Validation } from "../src/index.ts"
import { csv, encode } from "./fixtures.ts"

export type Tables = Partial<Record<Table.Name, ReadonlyArray<Record<string, string>>>>

const defaults: Partial<Record<Table.Name, Record<string, string>>> = {
  Header: { CHILD: "C1", SEX: "1", DOB: "01/01/2010", ETHNIC: "WBRI", UPN: "UN1" },
  Episodes: { CHILD: "C1", DECOM: "01/04/2017", RNE: "S", LS: "C2", CIN: "N1", PLACE: "U4", PLACE_PROVIDER: "PR1" },
  OC2: { CHILD: "C1", DOB: "01/01/2010" },
  OC3: { CHILD: "C1", DOB: "01/01/2000" },
  AD1: { CHILD: "C1", DOB: "01/01/2015" },
  Missing: { CHILD: "C1", DOB: "01/01/2010", MISSING: "M" },
  SWEpisodes: { CHILD: "C1", DOB: "01/01/2010", SW_ID: "SW1" },
  DoLo: { CHILD: "C1", DOB: "01/01/2010" }
}

/** CSV files for the given tables, each row filled with defaults for the columns it does not set. */
export const files = (tables: Tables): Array<{ name: string; bytes: Uint8Array }> =>
  Object.entries(tables).map(([name, rows]) => {
    const columns = Table.columnsOf(name as Table.Name)
    const base = defaults[name as Table.Name] ?? {}
    return {
      name: `${name.toLowerCase()}.csv`,
      bytes: encode(
        csv(
          columns,
          (rows ?? []).map((r) => columns.map((c) => ({ ...base, ...r })[c] ?? ""))
        )
      )
    }
  })

export interface RunOptions {
  readonly year?: number
  readonly previous?: Tables
  readonly area?: Validation.ValidateOptions["area"]
}

/** Validate hand-made tables with only the rules under `code` in force for the year. */
export const run = (code: string, tables: Tables, options: RunOptions = {}) =>
  Effect.gen(function* () {
    const year = ReportingYear.make(options.year ?? 2018)
    const decoded = yield* Ssda903.decodeFiles(files(tables), { year })
    const previous =
      options.previous === undefined
        ? undefined
        : yield* Ssda903.decodeFiles(files(options.previous), { year: ReportingYear.previous(year) })
    const rules = Registry.forYear(year).filter((r) => r.code === code)
    if (rules.length === 0) throw new Error(`rule ${code} is not in force in ${year}`)
    return Validation.validate(decoded, { previous, area: options.area, rules })
  })

/** The rows (lines) each error of `code` points at. */
export const lines = (report: Validation.Report, code: string) =>
  report.errors.filter((e) => e.code === code).map((e) => e.rows)

/** Two tests of a rule: it fails on `bad` at the given lines, and passes on `good`, its corrected twin. */
export const failsAndPasses = (
  code: string,
  bad: Tables,
  badLines: ReadonlyArray<ReadonlyArray<number>>,
  good: Tables,
  options: RunOptions = {}
) => {
  it.effect("fails", () => Effect.map(run(code, bad, options), (r) => assert.deepStrictEqual(lines(r, code), badLines)))
  it.effect("passes", () => Effect.map(run(code, good, options), (r) => assert.deepStrictEqual(lines(r, code), [])))
}
