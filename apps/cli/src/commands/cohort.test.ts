import { mkdtempSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { afterAll, beforeAll, describe, expect, it } from "@effect/vitest"
import { runBundled, synthesise } from "../../test/bundled-cli.ts"
import { capture } from "../../test/run.ts"
import { cohort } from "./cohort.ts"
import { indicators } from "./indicators.ts"
import { runInProcess } from "./run-in-process.ts"

const run = (...args: Array<string>) => runBundled(args)

// The bundled CLI synthesises the council and answers the refusals with exit code 2; the profiles themselves are
// written in this process (capture, test/run.ts), sparing a node and the bundle per command.
describe("cpo cohort (the bundled CLI and in-process commands)", () => {
  let dir = ""
  // No store: cohorts read --input; a folder that is never created.
  const inProcess = (...args: Array<string>) => capture(runInProcess(cohort, join(dir, "no-store"), args))
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), "cpo-cohort-"))
    const synth = synthesise(dir, { council: "Small Shire", children: 40, seed: 5, years: "2017-2018" })
    expect(synth.status, synth.stderr).toBe(0)
  })
  afterAll(() => rmSync(dir, { recursive: true, force: true }))

  it("profiles children looked after at 31 March by age band, as the contract's JSON, agreeing with cpo indicators", async () => {
    const res = await inProcess("--input", dir, "--year", "2018", "--by", "age_band", "--format", "json")
    const doc = JSON.parse(res.stdout)
    expect(doc).toMatchObject({ year: 2018, cohort: "cla_31_march", by: ["age_band"], audience: "officer", total: 40 })
    const counts = doc.groups.map((g: { count: number }) => g.count)
    expect(counts.reduce((a: number, b: number) => a + b, 0)).toBe(40)
    const bands = ["under_1", "1_4", "5_9", "10_15", "16_plus"]
    const keys = doc.groups.map((g: { key: { age_band: string } }) => bands.indexOf(g.key.age_band))
    expect(keys).toEqual([...keys].sort((a, b) => a - b))
    const scorecard = JSON.parse(
      (
        await capture(
          runInProcess(indicators, join(dir, "no-store"), ["--input", dir, "--year", "2018", "--format", "json"])
        )
      ).stdout
    )
    expect(scorecard.indicators.find((i: { id: string }) => i.id === "cla_31_march").value).toBe(40)
  })

  it("shows members no count of 1 to 5", async () => {
    const res = await inProcess(
      "--input",
      dir,
      "--year",
      "2018",
      "--by",
      "placement",
      "--audience",
      "member",
      "--format",
      "json"
    )
    const doc = JSON.parse(res.stdout)
    for (const g of doc.groups) expect(typeof g.count === "number" && g.count >= 1 && g.count <= 5).toBe(false)
    expect(doc.groups.some((g: { count: unknown }) => g.count === "c")).toBe(true)
  })

  it("writes CSV with the dimensions, count and pct", async () => {
    const res = await inProcess(
      "--input",
      dir,
      "--year",
      "2018",
      "--cohort",
      "started",
      "--by",
      "sex",
      "--format",
      "csv"
    )
    expect(res.stdout.split("\r\n")[0]).toBe("sex,count,pct")
  })

  it("lists care leavers for officers with status, age and days14", async () => {
    const res = await inProcess(
      "--input",
      dir,
      "--year",
      "2018",
      "--cohort",
      "care_leavers",
      "--list",
      "--format",
      "csv"
    )
    const [header, ...rows] = res.stdout.trim().split("\r\n")
    expect(header).toBe("child,status,age,days14")
    for (const row of rows)
      expect(row).toMatch(/^[^,]+,(eligible|relevant|former_relevant|qualifying),(1[6-9]|20),\d+$/)
  })

  it("exits 2 for a dimension the cohort has not, a list for members, or a bad date", () => {
    const bad = run("cohort", "--input", dir, "--year", "2018", "--by", "colour")
    expect(bad.status).toBe(2)
    expect(bad.stderr).toMatch(/cannot be profiled by "colour"/)
    expect(
      run("cohort", "--input", dir, "--year", "2018", "--cohort", "care_leavers", "--list", "--audience", "member")
        .status
    ).toBe(2)
    const date = run("cohort", "--input", dir, "--year", "2018", "--on", "31/03/2018")
    expect(date.status).toBe(2)
    expect(date.stderr).toMatch(/--on must be a date/)
  })
})
