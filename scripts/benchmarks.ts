/**
 * Compose `docs/benchmarks.md` from the JSON each workspace's `bench` script writes to `docs/benchmarks/<name>.json`.
 * Every array of records becomes a table and every other field a line, so a bench script decides what it reports and
 * this page never drifts from the JSON beside it.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs"
import { join } from "node:path"

const dir = join(import.meta.dirname, "..", "docs", "benchmarks")
const cell = (v: unknown): string =>
  v === null || v === undefined ? "" : typeof v === "object" ? JSON.stringify(v) : String(v).replaceAll("|", "\\|")

const render = (value: unknown, depth: number): Array<string> => {
  if (Array.isArray(value) && value.every((r) => r !== null && typeof r === "object" && !Array.isArray(r))) {
    const columns = [...new Set(value.flatMap((r) => Object.keys(r as object)))]
    return [
      `| ${columns.join(" | ")} |`,
      `|${columns.map(() => "---").join("|")}|`,
      ...value.map((r) => `| ${columns.map((c) => cell((r as Record<string, unknown>)[c])).join(" | ")} |`),
      ""
    ]
  }
  if (value !== null && typeof value === "object" && !Array.isArray(value)) {
    const out: Array<string> = []
    const scalars = Object.entries(value).filter(([, v]) => v === null || typeof v !== "object")
    for (const [k, v] of scalars) out.push(`- **${k}**: ${cell(v)}`)
    if (scalars.length > 0) out.push("")
    for (const [k, v] of Object.entries(value).filter(([, v]) => v !== null && typeof v === "object")) {
      out.push(`${"#".repeat(Math.min(depth + 1, 6))} ${k}`, "", ...render(v, depth + 1))
    }
    return out
  }
  return [`- ${cell(value)}`, ""]
}

const files = existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith(".json")).sort() : []
const lines = [
  "# Benchmarks",
  "",
  "Written by `pnpm bench` (`./dev bench`): each workspace's bench script records its run in `docs/benchmarks/<name>.json`",
  "with the machine, the dataset and the date; this page is composed from those files by `scripts/benchmarks.ts`.",
  "Targets come from the issues; where the machine is noisy, ratios measured in the same run are the figures to trust.",
  ""
]
for (const f of files) {
  lines.push(`## ${f.replace(/\.json$/, "")}`, "", ...render(JSON.parse(readFileSync(join(dir, f), "utf8")), 2))
}
writeFileSync(join(dir, "..", "benchmarks.md"), `${lines.join("\n").trimEnd()}\n`)
process.stdout.write(`docs/benchmarks.md written from ${files.length} file(s)\n`)
