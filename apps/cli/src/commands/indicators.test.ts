import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { afterAll, beforeAll, describe, expect, it } from "@effect/vitest"
import { runBundled, synthesise } from "../../test/bundled-cli.ts"
import { capture } from "../../test/run.ts"
import { indicators } from "./indicators.ts"
import { runInProcess } from "./run-in-process.ts"

const run = (...args: Array<string>) => runBundled(args)

// One synthetic council for the whole file, written by the bundled CLI, which also answers the refusals with exit
// code 2; the scorecards themselves are written in this process (capture, test/run.ts), sparing a node and the
// bundle each.
// Other files the tests write go to a scratch folder beside it, so the council's folder holds only its return.
let dir = ""
let scratch = ""
const inProcess = (...args: Array<string>) => capture(runInProcess(indicators, join(scratch, "no-store"), args))
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "cpo-cli-"))
  scratch = mkdtempSync(join(tmpdir(), "cpo-cli-scratch-"))
  const synth = synthesise(dir, { council: "Test Shire", children: 120, seed: 7, years: "2017-2018" })
  expect(synth.status, synth.stderr).toBe(0)
})
afterAll(() => {
  rmSync(dir, { recursive: true, force: true })
  rmSync(scratch, { recursive: true, force: true })
})

describe("cpo indicators (the bundled CLI and in-process commands)", () => {
  it("prints the scorecard document with the synthetic council's children looked after at 31 March", async () => {
    const res = await inProcess("--input", dir, "--year", "2018", "--format", "json")
    const doc = JSON.parse(res.stdout)
    expect(doc.council).toBe("Test Shire")
    expect(doc.year).toBe(2018)
    expect(doc.period).toEqual({ start: "2017-04-01", end: "2018-03-31" })
    const cla = doc.indicators.find((i: { id: string }) => i.id === "cla_31_march")
    expect(cla).toMatchObject({ value: 120, numerator: 120, denominator: null, display: "120", unit: "count" })
  })

  it("writes CSV with the contract's columns", async () => {
    const res = await inProcess("--input", dir, "--year", "2018", "--format", "csv")
    expect(res.stdout.split("\r\n")[0]).toBe("id,title,unit,polarity,value,numerator,denominator,display")
    expect(res.stdout).toContain("cla_31_march,Children looked after at 31 March,count,neutral,120,120,,120")
  })

  it("exits 2 with a clear message when the input folder does not exist", () => {
    const res = run("indicators", "--input", join(dir, "nowhere"), "--year", "2018")
    expect(res.status).toBe(2)
    expect(res.stdout).toBe("")
    expect(res.stderr).toMatch(/nowhere/)
  })

  it("exits 2 when the folder holds no 903 files", () => {
    const empty = join(scratch, "empty", "2018")
    mkdirSync(empty, { recursive: true })
    writeFileSync(join(empty, "notes.txt"), "not a return")
    const res = run("indicators", "--input", join(scratch, "empty"), "--year", "2018")
    expect(res.status).toBe(2)
    expect(res.stderr).toMatch(/no 903 files/)
  })

  it("exits 2 when a file is not a 903 table", () => {
    const bad = join(scratch, "bad")
    mkdirSync(bad, { recursive: true })
    writeFileSync(join(bad, "header.csv"), "NAME;AGE\nx;1\n")
    const res = run("indicators", "--input", bad, "--year", "2018")
    expect(res.status).toBe(2)
    expect(res.stderr).toMatch(/header\.csv/)
  })
})

describe("cpo indicators with targets and benchmarks", () => {
  beforeAll(() => {
    writeFileSync(join(scratch, "targets.csv"), "indicator,year,target,tolerance\nplaced_foster_pct,2018,101,200\n")
    writeFileSync(
      join(scratch, "benchmarks.csv"),
      "indicator,year,comparator,value,group,version\nplaced_foster_pct,2018,region,70,east-midlands,2018\n"
    )
  })

  it("adds target, RAG, previous, direction and benchmarks (England defaults plus the file)", async () => {
    const res = await inProcess(
      "--input",
      dir,
      "--year",
      "2018",
      "--targets",
      join(scratch, "targets.csv"),
      "--benchmarks",
      join(scratch, "benchmarks.csv"),
      "--format",
      "json"
    )
    const foster = JSON.parse(res.stdout).indicators.find((i: { id: string }) => i.id === "placed_foster_pct")
    expect(foster).toMatchObject({ target: 101, rag: "amber", benchmarks: { england: 73, region: 70 } })
    expect(typeof foster.previous).toBe("number")
    expect(["improving", "declining", "stable"]).toContain(foster.direction)
  })

  it("exits 2 naming the line of a bad targets file", () => {
    writeFileSync(join(scratch, "bad.csv"), "indicator,year,target\nplaced_foster_pct,2018,lots\n")
    const res = run("indicators", "--input", dir, "--year", "2018", "--targets", join(scratch, "bad.csv"))
    expect(res.status).toBe(2)
    expect(res.stderr).toMatch(/bad\.csv line 2, column target/)
  })
})
