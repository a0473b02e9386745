/**
 * Profiling aid for the validator: write a synthetic council's last two years as CSV once, then read and validate
 * them as often as needed, printing CPU seconds and peak RSS of reading and of validating separately, and a SHA-256
 * of the full error list so that a change meant only to be faster can be checked to report exactly the same errors.
 *
 *   node bench/profile.ts write national /tmp/cpo-903-national     # generate once (≈ a minute for national)
 *   node bench/profile.ts scramble /tmp/cpo-903-national /tmp/cpo-903-scrambled 0.03
 *   node bench/profile.ts run /tmp/cpo-903-national [repeat]       # measure; add --cpu-prof to node to profile
 *
 * A clean synthetic return passes every rule, so its hash says little; `scramble` copies a written return with a
 * share of its cells (seeded, so the same every time) replaced by the same column's value from another row or left
 * blank, which makes most rules fire somewhere and so checks that a change leaves every rule's findings as they were.
 */
import { createHash } from "node:crypto"
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs"
import { join } from "node:path"
import { ReportingYear } from "@cpo/domain"
import { Synth } from "@cpo/synth"
import { Effect } from "effect"
import { Validation } from "../src/index.ts"
import { readYear } from "./read-year.ts"

const cpuSeconds = () => {
  const c = process.cpuUsage()
  return (c.user + c.system) / 1e6
}
const peakRssMiB = () => Math.round(process.resourceUsage().maxRSS / 1024)
const round = (x: number) => Math.round(x * 100) / 100

const write = (presetName: string, dir: string) => {
  const preset = Synth.presets[presetName as keyof typeof Synth.presets]
  if (preset === undefined) throw new Error(`unknown preset ${presetName}`)
  const council = Synth.generate(preset)
  for (const ret of council.returns.slice(-2)) {
    const folder = join(dir, String(ret.year))
    mkdirSync(folder, { recursive: true })
    for (const f of Synth.toCsvFiles(ret)) writeFileSync(join(folder, f.name), f.content)
  }
  process.stdout.write(`${dir}: years ${preset.years.to - 1} and ${preset.years.to}\n`)
}

/** A small seeded generator (mulberry32), so that a scrambled copy is the same on every machine. */
const seeded = (seed: number) => {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

const scramble = (from: string, to: string, share: number) => {
  const random = seeded(903)
  for (const year of readdirSync(from)) {
    mkdirSync(join(to, year), { recursive: true })
    for (const name of readdirSync(join(from, year)).filter((n) => n.endsWith(".csv"))) {
      const [header, ...lines] = readFileSync(join(from, year, name), "utf8").split("\n")
      const rows = lines.filter((l) => l !== "").map((l) => l.split(","))
      const columns = header!.split(",")
      const originals = rows.map((r) => [...r])
      for (const row of rows) {
        for (let c = 0; c < columns.length; c++) {
          if (random() >= share) continue
          // CHILD is changed more rarely than the rest: a row moved to another child is a harsher change.
          if (columns[c] === "CHILD" && random() < 0.8) continue
          row[c] = random() < 0.2 ? "" : originals[Math.floor(random() * originals.length)]![c]!
        }
      }
      writeFileSync(join(to, year, name), `${[header, ...rows.map((r) => r.join(","))].join("\n")}\n`)
    }
  }
  process.stdout.write(`${to}: scrambled copy of ${from}\n`)
}

const run = async (dir: string, repeat: number) => {
  const yearEnding = Math.max(...readdirSync(dir).map(Number))
  const year = ReportingYear.make(yearEnding)
  const c0 = cpuSeconds()
  const decoded = await Effect.runPromise(readYear(join(dir, String(yearEnding)), year))
  const previous = await Effect.runPromise(
    readYear(join(dir, String(yearEnding - 1)), ReportingYear.previous(year), Validation.previousTables)
  )
  const c1 = cpuSeconds()
  const parseRss = peakRssMiB()
  let report = Validation.validate(decoded, { previous })
  const c2 = cpuSeconds()
  // With a repeat count, validation runs that many times more and the least CPU time is reported too: on a shared
  // machine the least is the steadier figure for comparing two versions.
  let leastValidate = c2 - c1
  for (let i = 0; i < repeat; i++) {
    const t = cpuSeconds()
    report = Validation.validate(decoded, { previous })
    leastValidate = Math.min(leastValidate, cpuSeconds() - t)
  }
  const hash = createHash("sha256")
  for (const e of report.errors) hash.update(`${JSON.stringify(e)}\n`)
  for (const r of report.rules) hash.update(`${JSON.stringify(r)}\n`)
  process.stdout.write(
    `${JSON.stringify({
      parseCpuSeconds: round(c1 - c0),
      parsePeakRssMiB: parseRss,
      validateCpuSeconds: round(c2 - c1),
      leastValidateCpuSeconds: round(leastValidate),
      peakRssMiB: peakRssMiB(),
      children: decoded.return.children.length,
      episodes: decoded.return.episodes.length,
      errors: report.errors.length,
      rulesFailed: report.rules.filter((r) => r.status === "failed").length,
      errorsSha256: hash.digest("hex")
    })}\n`
  )
}

const [command, a, b] = process.argv.slice(2)
if (command === "write" && a !== undefined && b !== undefined) write(a, b)
else if (command === "scramble" && a !== undefined && b !== undefined) scramble(a, b, Number(process.argv[5] ?? "0.03"))
else if (command === "run" && a !== undefined) await run(a, Number(b ?? "0"))
else throw new Error("usage: profile.ts write <preset> <dir> | scramble <dir> <to> [share] | run <dir> [repeat]")
