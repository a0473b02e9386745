/**
 * Regenerate the rule table in README.md from the registry: every rule code with its tables, the collection years it
 * is in force, and whether test/Rules.test.ts exercises it; then the registry per year (rules in force, added,
 * changed, retired). Run with `pnpm --filter @cpo/ssda903 rules:readme`.
 */
import { readFileSync, writeFileSync } from "node:fs"
import { join } from "node:path"
import { Registry, Rules } from "../src/index.ts"

const root = join(import.meta.dirname, "..")
const tests = readFileSync(join(root, "test", "Rules.test.ts"), "utf8")
const isTested = (code: string) => tests.includes(`"${code}"`)
const label = (y: number) => `${y - 1}/${String(y % 100).padStart(2, "0")}`
const span = (from: number, to: number | undefined) =>
  to === undefined ? `${label(Math.max(from, Registry.firstYear))} on` : `${label(from)} – ${label(to)}`

const byCode = new Map<string, Array<(typeof Rules.all)[number]>>()
for (const r of Rules.all) byCode.set(r.code, [...(byCode.get(r.code) ?? []), r])
const codes = [...byCode.keys()].sort(Registry.compareCodes)

const lines = [
  "| Code | Rule | Tables | In force | Tested |",
  "|---|---|---|---|---|",
  ...codes.map((code) => {
    const versions = byCode.get(code)!
    const tables = [...new Set(versions.flatMap((v) => v.tables))].join(", ")
    const years = versions.map((v) => span(v.years.from, v.years.to)).join("; ")
    const message = versions.map((v) => v.message).join(" / ")
    return `| ${code} | ${message.replaceAll("|", "\\|")} | ${tables} | ${years} | ${isTested(code) ? "yes" : "no"} |`
  }),
  "",
  "| Year | Rules in force | Tested | Added | Changed | Retired |",
  "|---|---|---|---|---|---|",
  ...Array.from({ length: Registry.lastYear - Registry.firstYear + 1 }, (_, i) => Registry.firstYear + i).map((y) => {
    const inForce = Registry.forYear(y)
    const changes = Registry.changesIn(y)
    const list = (rs: ReadonlyArray<{ readonly code: string }>) => rs.map((r) => r.code).join(" ") || "–"
    return `| ${label(y)} | ${inForce.length} | ${inForce.filter((r) => isTested(r.code)).length} | ${
      y === Registry.firstYear ? "(first registry)" : list(changes.added)
    } | ${list(changes.changed)} | ${changes.retired.join(" ") || "–"} |`
  })
]

const readme = join(root, "README.md")
const text = readFileSync(readme, "utf8")
const start = "<!-- rules:start -->"
const end = "<!-- rules:end -->"
const from = text.indexOf(start)
const to = text.indexOf(end)
if (from < 0 || to < from) throw new Error(`README.md has no ${start} … ${end} section`)
writeFileSync(readme, `${text.slice(0, from + start.length)}\n${lines.join("\n")}\n${text.slice(to)}`)
process.stdout.write(`README.md: ${codes.length} rule codes\n`)
