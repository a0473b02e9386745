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

type Json = Record<string, unknown>
const read = (name: string): Json | undefined =>
  existsSync(join(dir, `${name}.json`))
    ? (JSON.parse(readFileSync(join(dir, `${name}.json`), "utf8")) as Json)
    : undefined
const at = (value: unknown, ...path: Array<string | number>): unknown =>
  path.reduce<unknown>(
    (v, k) => (v !== null && typeof v === "object" ? (v as Record<string, unknown>)[k] : undefined),
    value
  )
const row = (results: unknown, key: string, value: string): Json | undefined =>
  Array.isArray(results) ? (results as Array<Json>).find((r) => r[key] === value) : undefined
const num = (v: unknown, digits = 2): string => (typeof v === "number" ? String(Number(v.toFixed(digits))) : "—")
const verdict = (met: boolean | undefined): string => (met === undefined ? "no target" : met ? "met" : "missed")

/** The rule codes of a run's disagreements that packages/ssda903/AGREEMENT.md does not name. */
const agreementNotes = join(import.meta.dirname, "..", "packages", "ssda903", "AGREEMENT.md")
const unexplainedDisagreements = (j: Json): ReadonlyArray<string> => {
  const notes = existsSync(agreementNotes) ? readFileSync(agreementNotes, "utf8") : ""
  const codes = Array.isArray(j.disagreements) ? (j.disagreements as Array<Json>).map((d) => String(d.code)) : []
  return codes.filter((code) => !new RegExp(`(^|[^0-9A-Za-z])${code}([^0-9A-Za-z]|$)`, "i").test(notes))
}

/** One line per target the issues set: where it is measured, the figure, and whether it is met. */
interface Target {
  readonly target: string
  readonly source: string
  readonly measured: (j: Json) => string
  readonly met: (j: Json) => boolean | undefined
}
const national903 = (j: Json) => row(j.results, "size", "national")
const median903 = (j: Json) => row(j.results, "size", "median")
const pipelineStage = (j: Json, size: string, stage: string): Json | undefined =>
  Array.isArray(j.results)
    ? (j.results as Array<Json>).find((r) => r.size === size && String(r.stage).startsWith(stage))
    : undefined
const targets: ReadonlyArray<Target> = [
  {
    // Elapsed time, as the analyst waits for it: the median of the runs, with the slowest and the CPU time (which
    // counts the garbage collector's and the compiler's threads on the second core too) shown beside it.
    target: "903 national year: parse + all rules ≤ 5 s (wall, median of runs), ≤ 1.5 GB RSS",
    source: "ssda903",
    measured: (j) => {
      const n = national903(j)
      return `${num(at(n, "medianSeconds"))} s wall (median of ${num(at(n, "runs"), 0)}, slowest ${num(at(n, "maxSeconds"))} s; ${num(at(n, "medianCpuSeconds"))} s CPU), ${num(at(n, "peakRssMiB"), 0)} MiB`
    },
    met: (j) => {
      const n = national903(j)
      return n === undefined ? undefined : Number(n.medianSeconds) <= 5 && Number(n.peakRssMiB) <= 1536
    }
  },
  {
    target: "903 median council: well under 1 s including start-up (`cpo validate`, last year's return beside it)",
    source: "pipeline",
    measured: (j) => {
      const r = pipelineStage(j, "median", "validate")
      return `${num(r?.medianSeconds)} s wall, ${num(r?.medianCpuSeconds)} s CPU, ${num(r?.peakRssMiB, 0)} MiB`
    },
    met: (j) => {
      const r = pipelineStage(j, "median", "validate")
      return r === undefined ? undefined : Number(r.medianSeconds) < 1
    }
  },
  {
    target: "All indicators, national year: ≤ 2 s on top of parsing",
    source: "indicators",
    measured: (j) => {
      const cpu = row(j.results, "step", "index + measure, CPU time of this process")
      const wall = row(j.results, "step", "index + measure")
      return `${num(cpu?.medianSeconds)} s CPU (${num(wall?.medianSeconds)} s wall)`
    },
    met: (j) => row(j.results, "step", "index + measure")?.meetsTarget as boolean | undefined
  },
  {
    target: "Import a national year: PGlite ≤ 30 s, PostgreSQL ≤ 15 s",
    source: "store",
    measured: (j) =>
      (Array.isArray(j.results) ? (j.results as Array<Json>) : [])
        .map((r) => `${String(r.engine).split(" ")[0]} ${num(r.medianSeconds)} s`)
        .join(", "),
    met: (j) => (Array.isArray(j.results) ? (j.results as Array<Json>).every((r) => r.meetsTarget === true) : undefined)
  },
  {
    target: "The analyst's pipeline end to end (validate, indicators, import, member report), median council",
    source: "pipeline",
    measured: (j) => {
      const r = pipelineStage(j, "median", "end to end")
      return `${num(r?.medianSeconds)} s wall (national: ${num(pipelineStage(j, "national", "end to end")?.medianSeconds)} s)`
    },
    met: () => undefined
  },
  {
    target: "API scorecard: ≥ 50 % of bare Hono, p99 < 25 ms",
    source: "api",
    measured: (j) =>
      `ratio ${num(at(j, "throughput", "ratioToBare", "scorecard", "median") ?? at(j, "throughput", "ratio", "median"))} to {ok:true}` +
      (at(j, "throughput", "ratioToBare", "scorecardToSameBody", "median") === undefined
        ? ""
        : `, ${num(at(j, "throughput", "ratioToBare", "scorecardToSameBody", "median"))} to bare Hono sending the same bytes`) +
      `, p99 ${num(at(j, "throughput", "scorecard", "p99ms", "median"))} ms`,
    met: (j) => at(j, "throughput", "meetsTarget") as boolean | undefined
  },
  {
    target: "API soak 60 s: 0 5xx, RSS growth < 10 %",
    source: "api",
    measured: (j) =>
      `${num(at(j, "soak", "serverErrors"), 0)} 5xx, RSS ${num(at(j, "soak", "rssMiB", "growthPercent"), 1)} %`,
    met: (j) =>
      at(j, "soak") === undefined
        ? undefined
        : at(j, "soak", "serverErrors") === 0 && Number(at(j, "soak", "rssMiB", "growthPercent")) < 10
  },
  {
    target: "Dashboard initial JavaScript ≤ 100 KB gzip",
    source: "dashboard",
    measured: (j) => `${num(j.initialJsGzipKiB, 1)} KiB`,
    met: (j) => j.meetsTarget as boolean | undefined
  },
  {
    target: "Dashboard scorecard interactive < 1 s on localhost",
    source: "dashboard-scorecard",
    measured: (j) => `${num(j.medianInteractiveMs, 0)} ms median (${num(j.medianCpuToInteractiveMs, 0)} ms of CPU)`,
    met: (j) => j.meetsTarget as boolean | undefined
  },
  {
    target: "In-browser validation of a median council < 2 s",
    source: "dashboard-validate",
    measured: (j) => `${num(at(median903(j), "medianSeconds"))} s median`,
    met: (j) => at(median903(j), "meetsTarget") as boolean | undefined
  },
  {
    target: "Fuzzing: 0 crashes or hangs",
    source: "fuzz",
    measured: (j) => {
      const suites = Array.isArray(j.suites) ? (j.suites as Array<Json>) : []
      return `${num(j.totalCases, 0)} cases, ${suites.reduce((n, s) => n + Number(s.crashesOrHangs), 0)} crashes or hangs`
    },
    met: (j) => (Array.isArray(j.suites) ? (j.suites as Array<Json>).every((s) => s.crashesOrHangs === 0) : undefined)
  },
  {
    target: "Crash safety: ≥ 20 SIGKILLs per engine, previous return intact every time",
    source: "crash",
    measured: (j) => `${num(j.kills, 0)} kills, previous intact: ${String(j.previousIntactAfterEveryKill)}`,
    met: (j) => j.previousIntactAfterEveryKill === true && Number(j.killsPerEngine) >= 20
  },
  ...["median-2026", "largeCounty-2024", "national-2026", "peer-fake-2023"].map(
    (run): Target => ({
      target: `Agreement with the peer (${run}): ≥ 99 % on each rule both implement, every other rule explained in AGREEMENT.md`,
      source: `agreement-${run}`,
      measured: (j) => {
        const unexplained = unexplainedDisagreements(j)
        return (
          `${num(j.rulesAgreeing, 0)} of ${num(j.rulesCompared, 0)} rules ≥ 99 %, ` +
          `${unexplained.length === 0 ? "each of the others named in AGREEMENT.md" : `not named in AGREEMENT.md: ${unexplained.join(" ")}`}; ` +
          `ours ${num(at(j, "ours", "seconds"))} s ${num(at(j, "ours", "peakRssMiB"), 0)} MiB, ` +
          `peer ${num(at(j, "peer", "seconds"))} s ${num(at(j, "peer", "peakRssMiB"), 0)} MiB`
        )
      },
      met: (j) => unexplainedDisagreements(j).length === 0
    })
  )
]
const summary = [
  "## Targets at a glance",
  "",
  "| target | measured | verdict | run (date, 1-minute load average at start) |",
  "|---|---|---|---|",
  ...targets.map((t) => {
    const j = read(t.source)
    if (j === undefined) return `| ${t.target} | — | not run | [${t.source}](#${t.source.toLowerCase()}) |`
    const load =
      at(j, "machine", "loadAverage1mAtStart") ?? at(j, "loadAverage1m") ?? at(j, "machine", "loadAverage", 0)
    const when = `${String(j.date ?? "").slice(0, 10)}${typeof load === "number" ? `, load ${num(load, 1)}` : ""}`
    return `| ${t.target} | ${cell(t.measured(j))} | ${verdict(t.met(j))} | [${t.source}](#${t.source.toLowerCase()}) ${when} |`
  }),
  ""
]

const files = existsSync(dir)
  ? readdirSync(dir)
      .filter((f) => f.endsWith(".json"))
      .sort()
  : []
const lines = [
  "# Benchmarks",
  "",
  "Written by `pnpm bench` (`./dev bench`): each workspace's bench script records its run in `docs/benchmarks/<name>.json`",
  "with the machine, the dataset and the date; this page is composed from those files by `scripts/benchmarks.ts`.",
  "Targets come from the issues; where the machine is noisy, ratios measured in the same run are the figures to trust.",
  "",
  ...summary
]
for (const f of files) {
  lines.push(`## ${f.replace(/\.json$/, "")}`, "", ...render(JSON.parse(readFileSync(join(dir, f), "utf8")), 2))
}
writeFileSync(join(dir, "..", "benchmarks.md"), `${lines.join("\n").trimEnd()}\n`)
process.stdout.write(`docs/benchmarks.md written from ${files.length} file(s)\n`)
