import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { afterAll, beforeAll, describe, expect, it } from "@effect/vitest"
import { runBundled, synthesise } from "../../test/bundled-cli.ts"
import { capture } from "../../test/run.ts"
import { migratedStore } from "../../test/stores.ts"
import { prioritiesCommand } from "./priorities.ts"
import { report } from "./report.ts"
import { runInProcess } from "./run-in-process.ts"

// The bundled CLI synthesises, imports and samples the plan, and answers the refusals with their exit codes; the other
// commands run in this process on the same PGlite folder (capture, test/run.ts), sparing a node and the bundle per
// command.
describe("cpo priorities (the bundled CLI and in-process commands, with the store on PGlite)", () => {
  let dir = ""
  const run = (...args: Array<string>) => runBundled(args, { CPO_DATA_DIR: join(dir, "data"), PG_URL: "" })
  const priorities = (...args: Array<string>) => capture(runInProcess(prioritiesCommand, join(dir, "data"), args))
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), "cpo-priorities-"))
    migratedStore(join(dir, "data"))
    const synth = synthesise(join(dir, "council"), {
      council: "Fake Shire",
      children: 120,
      seed: 5,
      years: "2017-2018"
    })
    expect(synth.status, synth.stderr).toBe(0)
    const imported = run("import", "--input", join(dir, "council"), "--year", "2018")
    expect(imported.status, imported.stderr).toBe(0)
    const sample = run(
      "priorities",
      "sample",
      "--council",
      "fake-shire",
      "--name",
      "Fake Shire",
      "--year",
      "2018",
      "--out",
      join(dir, "plan.json")
    )
    expect(sample.status, sample.stderr).toBe(0)
  }, 180_000)
  afterAll(() => rmSync(dir, { recursive: true, force: true }))

  it("imports a plan file and exports the same plan", async () => {
    const res = await priorities("import", "--file", join(dir, "plan.json"))
    expect(res.stderr).toMatch(/imported 7 priorities/)
    const exported = await priorities("export", "--council", "fake-shire")
    expect(JSON.parse(exported.stdout)).toEqual(JSON.parse(readFileSync(join(dir, "plan.json"), "utf8")))
  }, 120_000)

  it("records an update and lists it as the action's latest RAG", async () => {
    const res = await priorities(
      "update",
      "--council",
      "fake-shire",
      "--id",
      "U-test",
      "--priority",
      "P2",
      "--action",
      "P2.3",
      "--on",
      "2018-04-15",
      "--rag",
      "red",
      "--commentary",
      "Recruitment paused",
      "--author",
      "analyst"
    )
    expect(res.stderr).toMatch(/recorded red for P2\.3/)
    const list = await priorities("list", "--council", "fake-shire", "--as-of", "2018-04-30", "--format", "csv")
    expect(list.stdout.split("\r\n").find((l) => l.startsWith("P2,P2.3,"))).toMatch(/,red,2018-04-15$/)
  }, 120_000)

  it("refuses an update for an action the strategy does not have", () => {
    const res = run(
      "priorities",
      "update",
      "--council",
      "fake-shire",
      "--id",
      "U-bad",
      "--priority",
      "P2",
      "--action",
      "P9.9",
      "--on",
      "2018-04-15",
      "--rag",
      "red",
      "--commentary",
      "x",
      "--author",
      "analyst"
    )
    expect(res.status).toBe(2)
    expect(res.stderr).toMatch(/no priority or action P9\.9/)
  }, 120_000)

  it("records updates from CSV once, and exports every update as CSV", async () => {
    const csv = join(dir, "updates.csv")
    writeFileSync(
      csv,
      'id,priority,action,on,rag,commentary,author,indicators\nU-csv-1,P4,P4.1,2018-04-20,amber,"Dental checks slipped, recovery plan agreed",analyst,dental_check_pct\n'
    )
    for (let i = 0; i < 2; i++) await priorities("import-updates", "--council", "fake-shire", "--file", csv)
    const exported = await priorities("export", "--council", "fake-shire", "--format", "csv", "--what", "updates")
    const lines = exported.stdout.split("\r\n").filter((l) => l.startsWith("U-csv-1,"))
    expect(lines).toEqual([
      'U-csv-1,P4,P4.1,2018-04-20,amber,"Dental checks slipped, recovery plan agreed",analyst,dental_check_pct'
    ])
  }, 120_000)

  it("names the line and column of a bad CSV update", () => {
    const csv = join(dir, "bad-updates.csv")
    writeFileSync(csv, "id,priority,action,on,rag,commentary,author\nU-bad,P4,,2018-04-20,purple,x,analyst\n")
    const res = run("priorities", "import-updates", "--council", "fake-shire", "--file", csv)
    expect(res.status).toBe(2)
    expect(res.stderr).toMatch(/bad-updates\.csv line 2, column rag/)
  }, 120_000)

  it("lists the actions overdue or at risk on a date, overdue first", async () => {
    const res = await priorities("overdue", "--council", "fake-shire", "--as-of", "2018-04-30", "--format", "json")
    const rows = JSON.parse(res.stdout) as ReadonlyArray<{ level: string; action: string; why: string }>
    expect(rows.length).toBeGreaterThan(0)
    const levels = rows.map((r) => r.level)
    expect(levels).toEqual([...levels].sort((a, b) => (a === b ? 0 : a === "overdue" ? -1 : 1)))
    expect(rows.find((r) => r.action === "P2.3")?.why).toMatch(/rated red on 15\/04\/2018/)
  }, 120_000)

  it("writes the report for a stored council with its strategy and governance from the store", async () => {
    const res = await capture(
      runInProcess(report, join(dir, "data"), ["--council", "fake-shire", "--year", "2018", "--format", "md"])
    )
    expect(res.stdout).toContain("Fake Shire")
    expect(res.stdout).toContain("has 7 priorities")
    expect(res.stdout).toContain("### Corporate Parenting Panel")
  }, 120_000)

  it("names the file it cannot write the sample plan to, and exits 2", () => {
    const out = join(dir, "no-such-folder", "plan.json")
    const res = run("priorities", "sample", "--council", "fake-shire", "--year", "2018", "--out", out)
    expect(res.status).toBe(2)
    expect(res.stderr).toContain(`cannot write the plan to ${out}`)
  }, 120_000)

  it("refuses a plan for a council not in the store", async () => {
    const other = join(dir, "other.json")
    const sample = await priorities("sample", "--council", "nowhere-shire", "--year", "2018")
    writeFileSync(other, sample.stdout)
    const res = run("priorities", "import", "--file", other)
    expect(res.status).toBe(2)
    expect(res.stderr).toMatch(/no council nowhere-shire in the store/)
  }, 120_000)
})
