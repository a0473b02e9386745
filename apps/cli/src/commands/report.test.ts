import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { Indicator } from "@cpo/domain"
import { afterAll, beforeAll, describe, expect, it } from "@effect/vitest"
import { runBundled, synthesise } from "../../test/bundled-cli.ts"
import { capture } from "../../test/run.ts"
import { indicators } from "./indicators.ts"
import { report } from "./report.ts"
import { runInProcess } from "./run-in-process.ts"

const run = (...args: Array<string>) => runBundled(args, { CPO_DATA_DIR: "" })

/** The text a reader sees, less what may lawfully hold small digits: titles, dates, years, percentages, rates. */
const figuresOnly = (text: string): string => {
  let s = text
  for (const d of Indicator.catalogue) s = s.replaceAll(d.title, "")
  return (
    s
      .replace(/<style>[\s\S]*?<\/style>/g, "")
      .replace(/<[^>]+>/g, " ")
      .replace(
        /\b\d{1,2}(\/\d{2}\/\d{4}| (January|February|March|April|May|June|July|August|September|October|November|December) \d{4})/g,
        ""
      )
      .replace(/\b\d{4}\/\d{2}\b/g, "")
      .replace(/\b\d{4}\b/g, "")
      .replace(/-?\d+(\.\d+)?%/g, "")
      .replace(/\d[\d,]*(\.\d+)? per 10,000/g, "")
      // Counts of actions, not of children.
      .replace(/Of the \d+ actions in [^.]* at risk of slipping\./g, "")
  )
}
const smallCount = /(?<![\d.,\w])[1-5](?![\d.,%\w])/

/** The figures section of a Markdown report: everything before the priorities. */
const figuresPart = (md: string) => md.split("## Our priorities")[0] ?? md

// The bundled CLI synthesises the council and answers the failures with their exit codes and prints the PDF; the
// reports themselves are written in this process (capture, test/run.ts), sparing a node and the bundle per report.
describe("cpo report (the bundled CLI and in-process commands)", () => {
  let dir = ""
  let small = ""
  let plan = ""
  // No store: every report here reads --input and --plan; a folder that is never created shows none is opened.
  const inProcess = (...args: Array<string>) => capture(runInProcess(report, join(dir, "no-store"), args))
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), "cpo-report-"))
    small = join(dir, "small")
    plan = join(dir, "plan.json")
    const synth = synthesise(small, { council: "Small Shire", children: 37, seed: 11, years: "2016-2018" })
    expect(synth.status, synth.stderr).toBe(0)
    const sample = run(
      "priorities",
      "sample",
      "--council",
      "small-shire",
      "--name",
      "Small Shire",
      "--year",
      "2018",
      "--out",
      plan
    )
    expect(sample.status, sample.stderr).toBe(0)
  })
  afterAll(() => rmSync(dir, { recursive: true, force: true }))

  it("writes a member report of a Rutland-sized council that states no count from 1 to 5", async () => {
    for (const audience of ["member", "public"]) {
      for (const format of ["md", "html"]) {
        const res = await inProcess(
          "--input",
          small,
          "--year",
          "2018",
          "--audience",
          audience,
          "--format",
          format,
          "--plan",
          plan
        )
        const text = format === "md" ? figuresPart(res.stdout) : (res.stdout.split('id="priorities"')[0] ?? "")
        const match = smallCount.exec(figuresOnly(text))
        expect(
          match,
          `${audience} ${format}: ${match === null ? "" : figuresOnly(text).slice(Math.max(0, match.index - 80), match.index + 10)}`
        ).toBeNull()
      }
    }
  })

  it("shows the officers' version with its small counts, so the check above can fail", async () => {
    const res = await inProcess("--input", small, "--year", "2018", "--audience", "officer", "--format", "md")
    expect(figuresOnly(figuresPart(res.stdout))).toMatch(smallCount)
    expect(res.stdout).toContain("must not be published")
  })

  it("gives every indicator the figure cpo indicators publishes for the same year and audience", async () => {
    const same = ["--input", small, "--year", "2018", "--audience", "member", "--population", "7600"]
    const scorecard = await capture(runInProcess(indicators, join(dir, "no-store"), [...same, "--format", "json"]))
    const doc = JSON.parse(scorecard.stdout) as {
      indicators: ReadonlyArray<{ title: string; unit: string; display: string }>
    }
    const res = await inProcess(...same, "--format", "md")
    expect(existsSync(join(dir, "no-store"))).toBe(false)
    const rows = new Map<string, ReadonlyArray<string>>()
    for (const line of figuresPart(res.stdout).split("\n")) {
      const cells = line.split(" | ").map((c) => c.replace(/^\| |\s\|$/g, "").trim())
      if (cells.length >= 4 && cells[0] !== undefined) rows.set(cells[0], cells)
    }
    for (const e of doc.indicators) {
      const row = rows.get(e.title)
      expect(row, e.title).toBeDefined()
      // Columns: indicator, 2015/16, 2016/17, 2017/18, direction of travel.
      const shown = row?.[3] ?? ""
      const expected =
        e.display === "c" || e.display === "x" || e.display === "z"
          ? e.display
          : e.unit === "percent"
            ? `${e.display}%`
            : e.unit === "rate"
              ? `${e.display} per 10,000`
              : e.display.replace(/\B(?=(\d{3})+(?!\d))/g, ",")
      // Only secondary suppression may hide a figure the scorecard shows.
      expect([expected, "c"], e.title).toContain(shown)
      if (shown === "c" && expected !== "c") expect(e.title).toBe("Looked after during the year")
    }
  })

  it("includes the priorities, progress, you said we did and governance from the plan file", async () => {
    const res = await inProcess("--input", small, "--year", "2018", "--format", "md", "--plan", plan)
    for (const heading of [
      "## Our priorities",
      "### Actions overdue or at risk",
      "## You said, we did",
      "### Corporate Parenting Panel",
      "### Reporting cycle"
    ]) {
      expect(res.stdout).toContain(heading)
    }
    expect(res.stdout).toContain("has 7 priorities")
  })

  it("prints a PDF with Chromium", () => {
    if (!existsSync("/usr/bin/chromium")) return
    const out = join(dir, "report.pdf")
    const res = run("report", "--input", small, "--year", "2018", "--format", "pdf", "--out", out, "--plan", plan)
    expect(res.status, res.stderr).toBe(0)
    expect(readFileSync(out).subarray(0, 5).toString()).toBe("%PDF-")
  }, 120_000)

  it("fails clearly when Chromium is absent", () => {
    const res = run(
      "report",
      "--input",
      small,
      "--year",
      "2018",
      "--format",
      "pdf",
      "--out",
      join(dir, "x.pdf"),
      "--chromium",
      join(dir, "no-chromium")
    )
    expect(res.status).toBe(1)
    expect(res.stderr).toMatch(/Chromium not found at .*no-chromium/)
  })

  it("names the file it cannot write the report to, and exits 2", () => {
    const out = join(dir, "no-such-folder", "report.md")
    const res = run("report", "--input", small, "--year", "2018", "--format", "md", "--out", out)
    expect(res.status).toBe(2)
    expect(res.stderr).toContain(`cannot write the report to ${out}`)
  })

  it("exits 2 when a PDF has no --out, when no input is named, and when the plan file is invalid", () => {
    expect(run("report", "--input", small, "--year", "2018", "--format", "pdf").status).toBe(2)
    const none = run("report", "--year", "2018")
    expect(none.status).toBe(2)
    expect(none.stderr).toMatch(/--input/)
    const bad = join(dir, "bad-plan.json")
    writeFileSync(bad, JSON.stringify({ strategy: { id: "x" } }))
    const invalid = run("report", "--input", small, "--year", "2018", "--plan", bad)
    expect(invalid.status).toBe(2)
    expect(invalid.stderr).toMatch(/bad-plan\.json is not a valid plan file/)
  })
})
