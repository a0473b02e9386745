/**
 * Regenerate the rule table in README.md from the registry: every rule code with its tables, the collection years it
 * is in force, and whether test/Rules.test.ts exercises it; then the registry per year (rules in force, added,
 * changed, retired). Run with `pnpm --filter @cpo/ssda903 rules:readme`.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs"
import { join } from "node:path"
import { Registry, Rules } from "../src/index.ts"

const root = join(import.meta.dirname, "..")
const testFiles = [
  join(root, "test", "Rules.test.ts"),
  ...readdirSync(join(root, "test", "rules"))
    .filter((n) => n.endsWith(".test.ts"))
    .map((n) => join(root, "test", "rules", n))
]
const tests = testFiles.map((f) => readFileSync(f, "utf8")).join("\n")
const isTested = (code: string) =>
  tests.includes(`"${code}"`) || tests.includes(`rule ${code}"`) || tests.includes(`rule ${code} `)

/**
 * Agreement with the peer validator, from the harness's latest runs (docs/benchmarks/agreement-*.json, written by
 * `node bench/agreement.ts --write`) and the explanations in AGREEMENT.md.
 */
interface AgreementRun {
  readonly dataset: string
  readonly year: number
  readonly compared?: ReadonlyArray<string>
  readonly onlyPeer: ReadonlyArray<string>
  readonly disagreements: ReadonlyArray<{ readonly code: string; readonly agreement: number }>
}
const benchmarks = join(root, "..", "..", "docs", "benchmarks")
const runs: ReadonlyArray<AgreementRun> = existsSync(benchmarks)
  ? readdirSync(benchmarks)
      .filter((n) => n.startsWith("agreement-") && n.endsWith(".json"))
      .map((n) => JSON.parse(readFileSync(join(benchmarks, n), "utf8")) as AgreementRun)
  : []
const agreementNotes = existsSync(join(root, "AGREEMENT.md")) ? readFileSync(join(root, "AGREEMENT.md"), "utf8") : ""
const explained = (code: string) => new RegExp(`(^|[^0-9A-Za-z])${code}([^0-9A-Za-z]|$)`, "m").test(agreementNotes)
const agrees = (code: string): string => {
  const upper = code.toUpperCase()
  const against = runs.filter((r) => (r.compared ?? []).includes(upper))
  if (against.length === 0) return "not compared"
  const differs = against.filter((r) => r.disagreements.some((d) => d.code === upper))
  if (differs.length === 0) return `yes (${against.map((r) => `${r.dataset} ${r.year}`).join(", ")})`
  return `no in ${differs.map((r) => `${r.dataset} ${r.year}`).join(", ")} — ${
    explained(code) ? "explained in AGREEMENT.md" : "not yet explained"
  }`
}
const label = (y: number) => `${y - 1}/${String(y % 100).padStart(2, "0")}`
const span = (from: number, to: number | undefined) =>
  to === undefined ? `${label(Math.max(from, Registry.firstYear))} on` : `${label(from)} – ${label(to)}`

const byCode = new Map<string, Array<(typeof Rules.all)[number]>>()
for (const r of Rules.all) byCode.set(r.code, [...(byCode.get(r.code) ?? []), r])
const codes = [...byCode.keys()].sort(Registry.compareCodes)

const lines = [
  "| Code | Rule | Tables | In force | Tested | Agrees with peer |",
  "|---|---|---|---|---|---|",
  ...codes.map((code) => {
    const versions = byCode.get(code)!
    const tables = [...new Set(versions.flatMap((v) => v.tables))].join(", ")
    const years = versions.map((v) => span(v.years.from, v.years.to)).join("; ")
    const message = versions.map((v) => v.message).join(" / ")
    return `| ${code} | ${message.replaceAll("|", "\\|")} | ${tables} | ${years} | ${isTested(code) ? "yes" : "no"} | ${agrees(code)} |`
  }),
  "",
  "DfE codes the peer validator has and `cpo` does not implement, and why (from AGREEMENT.md's *Not implemented*):",
  "",
  "| Code | Why not |",
  "|---|---|",
  ...[...new Set(runs.flatMap((r) => r.onlyPeer))]
    .filter((code) => !codes.some((c) => c.toUpperCase() === code))
    .sort(Registry.compareCodes)
    .map((code) => {
      const reason = new RegExp(`^- \\*\\*${code}\\*\\*:?\\s*(.+)$`, "mi").exec(agreementNotes)?.[1]
      return `| ${code} | ${reason ?? "not yet implemented"} |`
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
