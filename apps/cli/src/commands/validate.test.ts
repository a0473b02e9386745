import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { NodeServices } from "@effect/platform-node"
import { afterAll, assert, beforeAll, describe, it } from "@effect/vitest"
import { Effect, Exit } from "effect"
import { Command } from "effect/cli"
import { validate } from "./validate.ts"

const runValidate = (...args: Array<string>) =>
  Command.runWith(validate, { version: "test" })(args).pipe(Effect.provide(NodeServices.layer), Effect.exit)

const failureTag = (exit: Exit.Exit<unknown, unknown>) =>
  Exit.isFailure(exit) ? (exit.cause.reasons[0] as { error?: { _tag?: string; message?: string } })?.error : undefined

// Plainly fake records: made-up ids, dates and codes.
const header = "CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB\r\nC1,1,01/01/2010,WBRI,A123456789012,,\r\n"
const episodes = (ls: string) =>
  `CHILD,DECOM,RNE,LS,CIN,PLACE,PLACE_PROVIDER,DEC,REC,REASON_PLACE_CHANGE,HOME_POST,PL_POST,URN\r\nC1,01/06/2017,S,${ls},N1,U4,PR1,,,,AA1 1AA,AA1 2AB,XXXXXXX\r\n`

describe("cpo validate", () => {
  let dir = ""
  const folder = (name: string, files: Record<string, string>) => {
    const at = join(dir, name)
    mkdirSync(at, { recursive: true })
    for (const [file, text] of Object.entries(files)) writeFileSync(join(at, file), text)
    return at
  }
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), "cpo-validate-"))
  })
  afterAll(() => rmSync(dir, { recursive: true, force: true }))

  it.effect("exits cleanly and writes an empty JSON error list for a clean return", () =>
    Effect.gen(function* () {
      const input = folder("clean", { "header.csv": header, "episodes.csv": episodes("C2") })
      const out = join(dir, "clean.json")
      const exit = yield* runValidate("--input", input, "--year", "2018", "--format", "json", "--out", out)
      assert.isTrue(Exit.isSuccess(exit), String(failureTag(exit)?.message))
      const report = JSON.parse(readFileSync(out, "utf8"))
      assert.deepStrictEqual(report.errors, [])
      assert.strictEqual(report.year, 2018)
    })
  )

  it.effect("fails with exit code 1 and lists each error in CSV", () =>
    Effect.gen(function* () {
      const input = folder("errors", { "header.csv": header, "episodes.csv": episodes("XX") })
      const out = join(dir, "errors.csv")
      const exit = yield* runValidate("--input", input, "--year", "2018", "--format", "csv", "--out", out)
      assert.strictEqual(failureTag(exit)?._tag, "CommandFailed")
      const lines = readFileSync(out, "utf8").split("\r\n")
      assert.match(lines[1] ?? "", /^144,The legal status code is not a valid code,Episodes,episodes\.csv,2,C1,LS,XX,/)
    })
  )

  it.effect("infers the year from the latest year folder and compares with the year before", () =>
    Effect.gen(function* () {
      const input = join(dir, "years")
      folder("years/2017", { "header.csv": header, "episodes.csv": episodes("C2").replace("01/06/2017", "01/06/2016") })
      folder("years/2018", { "header.csv": header, "episodes.csv": episodes("C1").replace("01/06/2017", "01/06/2016") })
      const out = join(dir, "years.json")
      const exit = yield* runValidate("--input", input, "--format", "json", "--out", out)
      assert.strictEqual(failureTag(exit)?._tag, "CommandFailed")
      const report = JSON.parse(readFileSync(out, "utf8"))
      assert.strictEqual(report.year, 2018)
      assert.deepStrictEqual(
        report.errors.map((e: { code: string }) => e.code),
        ["503B"]
      )
    })
  )

  it.effect("writes an XLSX workbook", () =>
    Effect.gen(function* () {
      const input = folder("xlsx", { "header.csv": header, "episodes.csv": episodes("C2") })
      const out = join(dir, "report.xlsx")
      const exit = yield* runValidate("--input", input, "--year", "2018", "--format", "xlsx", "--out", out)
      assert.isTrue(Exit.isSuccess(exit))
      assert.deepStrictEqual([...readFileSync(out).subarray(0, 4)], [0x50, 0x4b, 3, 4])
    })
  )

  it.effect("fails with exit code 2 naming the file when a file cannot be read", () =>
    Effect.gen(function* () {
      const input = folder("unusable", { "header.csv": "CHILD;SEX;DOB\r\n1;2;3\r\n" })
      const exit = yield* runValidate("--input", input, "--year", "2018")
      const error = failureTag(exit)
      assert.strictEqual(error?._tag, "UnusableInput")
      assert.include(error?.message, "header.csv: its columns are separated by semicolons")
    })
  )

  it.effect("runs the postcode rules with --postcodes and --la, and refuses one without the other", () =>
    Effect.gen(function* () {
      const own = episodes("C2").replace(",U4,PR1,,,,AA1 1AA,AA1 2AB,", ",K2,PR1,,,,AA1 1AA,CF1 1CF,")
      const input = folder("postcodes", { "header.csv": header, "episodes.csv": own })
      const directory = join(dir, "nspl.csv")
      writeFileSync(
        directory,
        "pcds,oseast1m,osnrth1m,cty,laua\r\nAA1 1AA,400000,300000,E99999999,E06000017\r\nCF1 1CF,318000,176000,W99999999,W06000015\r\n"
      )
      const out = join(dir, "postcodes.json")
      const alone = yield* runValidate("--input", input, "--year", "2018", "--postcodes", directory)
      assert.strictEqual(failureTag(alone)?._tag, "UnusableInput")
      yield* runValidate(
        "--input",
        input,
        "--year",
        "2018",
        "--format",
        "json",
        "--out",
        out,
        "--postcodes",
        directory,
        "--la",
        "e06000017"
      )
      const report = JSON.parse(readFileSync(out, "utf8"))
      const rule1015 = report.rules.find((r: { code: string }) => r.code === "1015")
      assert.strictEqual(rule1015.status, "failed")
    })
  )
})
