/**
 * Agreement harness (issue 7, issue 12): runs the peer validator — data-to-insight `csc-validator-be-903`, Python and
 * pandas — and ours on the same 903 CSV files and compares, rule by rule, which (table, row) each flags. A bench
 * script, never part of CI; the peer's code is checked out beside cpo and never committed here.
 *
 * Set-up, once per machine:
 *
 *   apt-get install -y python3-pandas python3-openpyxl python3-click python3-xlrd
 *   git clone https://github.com/data-to-insight/csc-validator-be-903 /tmp/peer
 *
 * Run (from packages/ssda903):
 *
 *   node bench/agreement.ts                               # synthetic median council, 2025/26, errors injected
 *   node bench/agreement.ts --dataset largeCounty --year 2026 --inject 3
 *   node bench/agreement.ts --dataset peer-fake --year 2023   # the peer's own fake data (old, random values)
 *   node bench/agreement.ts --codes 104,105,112 --details    # only some codes, listing each disagreement
 *   node bench/agreement.ts --peer /path/to/checkout --write  # also writes docs/benchmarks/agreement-<dataset>-<year>.json
 *   node bench/agreement.ts --keep /tmp/compared             # leaves the compared CSV files there
 *   node bench/agreement.ts --alone                          # also runs each disagreeing peer rule on its own
 *   node bench/agreement.ts --dataset national --peer-minutes 60  # stops the peer after an hour, compares what it finished
 *
 * Both validators run as child processes, so each one's wall time and peak RSS are its own. Rows are compared as
 * 0-based data rows of each table (our line number − 2). A rule counts as agreeing on a row when both flag it; the
 * agreement of a rule is |both| / |either| (1 when neither flags anything). Postcode-derived rules see an empty
 * postcode lookup on the peer's side and no directory on ours, so both skip or pass them.
 */
import { spawnSync } from "node:child_process"
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs"
import { cpus, loadavg, tmpdir, totalmem } from "node:os"
import { join } from "node:path"
import { parseArgs } from "node:util"
import { ReportingYear } from "@cpo/domain"
import { Synth } from "@cpo/synth"
import { Effect } from "effect"
import { Registry, Ssda903, Validation } from "../src/index.ts"

interface Flag {
  readonly code: string
  readonly table: string
  readonly row: number
  readonly child: string | null
}

interface Run {
  readonly seconds: number
  readonly peakRssMiB: number
  readonly rules: ReadonlyArray<string>
  readonly skipped: ReadonlyArray<string>
  readonly failedToRun: ReadonlyArray<string>
  readonly hits: ReadonlyArray<Flag>
  /** Rules that ran to the end, when the run was stopped before all did; every rule otherwise. */
  readonly finished?: ReadonlyArray<string>
}

const self = import.meta.filename
const here = import.meta.dirname

const readFolder = (folder: string) =>
  readdirSync(folder)
    .filter((n) => n.toLowerCase().endsWith(".csv"))
    .sort()
    .map((name) => ({ name, bytes: new Uint8Array(readFileSync(join(folder, name))) }))

/** Child process: our validator over `current` (and `previous`), printed as a Run. */
const runOurs = async (current: string, previous: string | undefined, yearEnding: number) => {
  const started = performance.now()
  const year = ReportingYear.make(yearEnding)
  const decoded = await Effect.runPromise(Ssda903.decodeFiles(readFolder(current), { year }))
  const last =
    previous === undefined
      ? undefined
      : await Effect.runPromise(Ssda903.decodeFiles(readFolder(previous), { year: ReportingYear.previous(year) }))
  const report = Validation.validate(decoded, last === undefined ? {} : { previous: last })
  const seconds = (performance.now() - started) / 1000
  const hits: Array<Flag> = []
  for (const e of report.errors) {
    if (e.code === Validation.readErrorCode) continue
    for (const line of e.rows) hits.push({ code: e.code, table: e.table, row: line - 2, child: e.childId })
  }
  const run: Run = {
    seconds,
    peakRssMiB: Math.round(process.resourceUsage().maxRSS / 1024),
    rules: Registry.forYear(yearEnding).map((r) => r.code),
    skipped: report.rules.filter((r) => r.status === "skipped").map((r) => r.code),
    failedToRun: [],
    hits
  }
  process.stdout.write(JSON.stringify(run))
}

/**
 * Run a child under GNU time when available to read its peak RSS and CPU time (user + sys, start-up included); plain
 * spawn otherwise. With `minutes`, the child is stopped after that long (GNU timeout) and `stopped` says so instead of
 * throwing.
 */
const timed = (
  command: string,
  args: ReadonlyArray<string>,
  minutes?: number
): { stdout: string; peakRssMiB: number; cpuSeconds: number; wallSeconds: number; stopped: boolean } => {
  const useTime = existsSync("/usr/bin/time")
  const limited =
    minutes === undefined ? [command, ...args] : ["timeout", `${Math.round(minutes * 60)}s`, command, ...args]
  const started = performance.now()
  const out = useTime
    ? spawnSync("/usr/bin/time", ["-f", "%U %S %M", ...limited], { encoding: "utf8", maxBuffer: 1 << 30 })
    : spawnSync(limited[0]!, limited.slice(1), { encoding: "utf8", maxBuffer: 1 << 30 })
  // GNU timeout exits 124 when it stopped the command
  const stopped = minutes !== undefined && out.status === 124
  if (out.status !== 0 && !stopped) throw new Error(`${command} failed:\n${out.stderr.slice(-4000)}`)
  const wallSeconds = (performance.now() - started) / 1000
  const [user, sys, kib] = useTime
    ? (out.stderr.trim().split("\n").pop() ?? "").split(" ").map(Number)
    : [Number.NaN, Number.NaN, Number.NaN]
  return {
    stdout: out.stdout,
    peakRssMiB: Math.round(Number(kib) / 1024),
    cpuSeconds: Number(user) + Number(sys),
    wallSeconds,
    stopped
  }
}

/** How far a peer run stopped by its time limit got, read from the progress lines run_peer.py appends. */
interface PeerProgress {
  readonly rulesTotal: number
  readonly rulesFinished: number
  readonly lastFinished: string | null
  readonly secondsAtLastFinished: number
  readonly peakRssMiBAtLastFinished: number
}

const partialPeerRun = (file: string, seconds: number, peakRssMiB: number): { run: Run; progress: PeerProgress } => {
  const lines = existsSync(file)
    ? readFileSync(file, "utf8")
        .split("\n")
        .filter((l) => l !== "")
        .map((l) => JSON.parse(l) as Record<string, unknown>)
    : []
  const rules = (lines.find((l) => Array.isArray(l.rules))?.rules as ReadonlyArray<string> | undefined) ?? []
  const finished = lines.filter((l) => typeof l.rule === "string")
  const last = finished[finished.length - 1]
  return {
    run: {
      seconds,
      peakRssMiB,
      rules,
      finished: finished.filter((l) => l.failed !== true).map((l) => l.rule as string),
      skipped: finished.filter((l) => l.skipped === true).map((l) => l.rule as string),
      failedToRun: finished.filter((l) => l.failed === true).map((l) => l.rule as string),
      hits: finished.flatMap((l) => l.hits as ReadonlyArray<Flag>)
    },
    progress: {
      rulesTotal: rules.length,
      rulesFinished: finished.length,
      lastFinished: last === undefined ? null : (last.rule as string),
      secondsAtLastFinished: last === undefined ? 0 : (last.seconds as number),
      peakRssMiBAtLastFinished: last === undefined ? 0 : (last.peakRssMiB as number)
    }
  }
}

interface RuleAgreement {
  readonly code: string
  readonly both: number
  readonly oursOnly: number
  readonly peerOnly: number
  readonly agreement: number
  readonly examples: ReadonlyArray<string>
}

const compare = (ours: Run, peer: Run, codes: ReadonlySet<string> | undefined) => {
  const norm = (c: string) => c.toUpperCase()
  const ourRules = new Set(ours.rules.map(norm))
  const peerRules = new Set(peer.rules.map(norm))
  // A rule we skip (its postcode directory, table or last year's return absent) is not compared: the peer runs it
  // anyway and, without postcodes, flags every row; those are listed apart.
  const skippedByUs = new Set(ours.skipped.map(norm))
  // A peer stopped by its time limit is compared on the rules it finished.
  const peerFinished = peer.finished === undefined ? undefined : new Set(peer.finished.map(norm))
  const shared = [...ourRules].filter(
    (c) =>
      peerRules.has(c) &&
      !skippedByUs.has(c) &&
      (codes === undefined || codes.has(c)) &&
      (peerFinished === undefined || peerFinished.has(c))
  )
  const keysOf = (run: Run) => {
    const byCode = new Map<string, Map<string, Flag>>()
    for (const h of run.hits) {
      const code = norm(h.code)
      const m = byCode.get(code) ?? new Map<string, Flag>()
      byCode.set(code, m)
      m.set(`${h.table}:${h.row}`, h)
    }
    return byCode
  }
  const ourKeys = keysOf(ours)
  const peerKeys = keysOf(peer)
  const rules: Array<RuleAgreement> = shared.sort(Registry.compareCodes).map((code) => {
    const a = ourKeys.get(code) ?? new Map<string, Flag>()
    const b = peerKeys.get(code) ?? new Map<string, Flag>()
    let both = 0
    const examples: Array<string> = []
    for (const k of a.keys()) if (b.has(k)) both++
    for (const [k, f] of a) if (!b.has(k) && examples.length < 5) examples.push(`ours only ${k} child ${f.child}`)
    for (const [k, f] of b) if (!a.has(k) && examples.length < 10) examples.push(`peer only ${k} child ${f.child}`)
    const either = a.size + b.size - both
    return {
      code,
      both,
      oursOnly: a.size - both,
      peerOnly: b.size - both,
      agreement: either === 0 ? 1 : both / either,
      examples
    }
  })
  return {
    rules,
    skippedByUs: [...skippedByUs].filter((c) => peerRules.has(c)).sort(Registry.compareCodes),
    onlyOurs: [...ourRules].filter((c) => !peerRules.has(c)).sort(Registry.compareCodes),
    onlyPeer: [...peerRules].filter((c) => !ourRules.has(c)).sort(Registry.compareCodes)
  }
}

const writeSynthetic = (dataset: string, yearEnding: number, inject: number, folder: string) => {
  const preset = Synth.presets[dataset as keyof typeof Synth.presets]
  if (preset === undefined)
    throw new Error(`unknown dataset ${dataset}: one of ${Object.keys(Synth.presets)}, peer-fake`)
  const council = Synth.generate({ ...preset, years: { from: yearEnding - 1, to: yearEnding } })
  const [last, current] = council.returns
  if (last === undefined || current === undefined) throw new Error("the generator made fewer than two years")
  const codes = Synth.supportedErrorCodes.filter((c) => Synth.isSupported(c, yearEnding))
  const injected =
    inject === 0 ? { return: current, injected: [] } : injectEach(current, last, codes, inject, preset.seed)
  for (const [name, ret] of [
    ["current", injected.return],
    ["previous", last]
  ] as const) {
    mkdirSync(join(folder, name), { recursive: true })
    for (const f of Synth.toCsvFiles(ret)) {
      const content = f.name === "episodes.csv" ? episodesOfTheYear(f.content, ret.year) : f.content
      writeFileSync(join(folder, name, f.name), content)
    }
  }
  return injected.injected.length
}

/**
 * The synthetic generator writes each child's episodes back to the start of the period of care; DfE's return holds the
 * episodes open at some time in the year, and the peer's rules that compare with last year (503A–503J) take the
 * earliest episode in the file to be the one carried over. Both validators are given the DfE shape: episodes that
 * ended before 1 April of the year are dropped.
 */
const episodesOfTheYear = (content: string, yearEnding: number) => {
  const [head = "", ...rows] = content.split("\n")
  const dec = head.split(",").indexOf("DEC")
  const start = `${yearEnding - 1}-04-01`
  const iso = (d: string) => `${d.slice(6, 10)}-${d.slice(3, 5)}-${d.slice(0, 2)}`
  return [
    head,
    ...rows.filter((r) => {
      const end = r.split(",")[dec] ?? ""
      return r === "" || end === "" || iso(end) >= start
    })
  ].join("\n")
}

/**
 * Inject `count` errors of each code that the return can take, all in one pass so that each lands on a child of its
 * own: two errors on one episode (an invalid provider code and an age check, say) would make the codec leave the row
 * out and hide the second from every cross-table rule. A code the return has no (more) suitable child for is dropped
 * and the pass retried.
 */
const injectEach = (
  ret: Parameters<typeof Synth.injectErrors>[0],
  previous: Parameters<typeof Synth.injectErrors>[0],
  codes: ReadonlyArray<string>,
  count: number,
  seed: number
) => {
  let remaining = [...codes]
  for (;;) {
    try {
      return Synth.injectErrors(ret, { errors: remaining.map((code) => ({ code, count })), seed, previous })
    } catch (e) {
      const failed = /rule (\w+)/.exec(e instanceof Error ? e.message : "")?.[1]
      if (failed === undefined || !remaining.includes(failed)) throw e
      remaining = remaining.filter((c) => c !== failed)
    }
  }
}

const main = () => {
  const loadAtStart = loadavg()[0]
  const { values } = parseArgs({
    options: {
      peer: { type: "string", default: process.env.CPO_PEER_DIR ?? "/tmp/peer" },
      dataset: { type: "string", default: "median" },
      year: { type: "string", default: "2026" },
      inject: { type: "string", default: "2" },
      codes: { type: "string" },
      la: { type: "string", default: "E06000017" },
      details: { type: "boolean", default: false },
      alone: { type: "boolean", default: false },
      write: { type: "boolean", default: false },
      "ours-only": { type: "string" },
      "peer-minutes": { type: "string" },
      previous: { type: "string" },
      keep: { type: "string" }
    }
  })
  const yearEnding = Number(values.year)
  if (values["ours-only"] !== undefined) return runOurs(values["ours-only"], values.previous, yearEnding)
  if (!existsSync(join(values.peer, "lac_validator"))) {
    console.error(`no peer checkout at ${values.peer}: see the set-up in ${self}`)
    process.exit(2)
  }
  // --keep <dir>: write the compared files there and leave them, to look at a disagreement by hand
  const folder = values.keep ?? mkdtempSync(join(tmpdir(), "cpo-agreement-"))
  try {
    const current = join(folder, "current")
    let previous: string | undefined = join(folder, "previous")
    let injected = 0
    const generationStarted = performance.now()
    if (values.dataset === "peer-fake") {
      previous = undefined
      mkdirSync(current, { recursive: true })
      const fake = join(values.peer, "tests", "fake_data")
      for (const n of readdirSync(fake).filter((n) => n.endsWith(".csv") && !n.includes("_errors"))) {
        writeFileSync(join(current, n), readFileSync(join(fake, n)))
      }
    } else {
      injected = writeSynthetic(values.dataset, yearEnding, Number(values.inject), folder)
    }
    const generationSeconds = (performance.now() - generationStarted) / 1000
    console.log(`files written in ${generationSeconds.toFixed(1)} s`)
    const oursTimed = timed(process.execPath, [
      self,
      "--ours-only",
      current,
      ...(previous === undefined ? [] : ["--previous", previous]),
      "--year",
      String(yearEnding)
    ])
    const ours = { ...(JSON.parse(oursTimed.stdout) as Run), peakRssMiB: oursTimed.peakRssMiB }
    // --peer-minutes N: stop the peer after N minutes and compare the rules it finished (a national file)
    const peerMinutes = values["peer-minutes"] === undefined ? undefined : Number(values["peer-minutes"])
    const progressFile = join(folder, "peer-progress.jsonl")
    const runPeer = (extra: ReadonlyArray<string>, minutes?: number) =>
      timed(
        "/usr/bin/python3",
        [
          join(here, "peer", "run_peer.py"),
          "--peer",
          values.peer,
          "--current",
          current,
          ...(previous === undefined ? [] : ["--previous", previous]),
          "--year",
          String(yearEnding),
          "--la",
          values.la,
          ...extra
        ],
        minutes
      )
    const peerStarted = performance.now()
    const peerTimed = runPeer(peerMinutes === undefined ? [] : ["--progress", progressFile], peerMinutes)
    const partial = peerTimed.stopped
      ? partialPeerRun(progressFile, (performance.now() - peerStarted) / 1000, peerTimed.peakRssMiB)
      : undefined
    const peer: Run = partial?.run ?? { ...(JSON.parse(peerTimed.stdout) as Run), peakRssMiB: peerTimed.peakRssMiB }
    if (partial !== undefined) {
      const p = partial.progress
      console.log(
        `peer stopped after ${peerMinutes} min: ${p.rulesFinished} of ${p.rulesTotal} rules finished, the last ` +
          `${p.lastFinished} at ${p.secondsAtLastFinished.toFixed(0)} s (${p.peakRssMiBAtLastFinished} MiB then)`
      )
    }
    const codes = values.codes === undefined ? undefined : new Set(values.codes.toUpperCase().split(","))
    const result = compare(ours, peer, codes)
    // --alone: each disagreeing peer rule is run again on its own fresh data frames (the peer's rules share frames and
    // some change them in place), and its agreement on those terms is reported beside the first
    const aloneRun =
      values.alone && partial === undefined && result.rules.some((r) => r.agreement < 0.99)
        ? (JSON.parse(
            runPeer([
              "--codes",
              result.rules
                .filter((r) => r.agreement < 0.99)
                .map((r) => r.code)
                .join(","),
              "--alone"
            ]).stdout
          ) as Run)
        : undefined
    const alone =
      aloneRun === undefined
        ? new Map<string, RuleAgreement>()
        : new Map(compare(ours, aloneRun, codes).rules.map((r) => [r.code, r] as const))
    const disagreeing = result.rules
      .filter((r) => r.agreement < 0.99)
      .map((r) => {
        const a = alone.get(r.code)
        return a === undefined || !aloneRun!.rules.some((c) => c.toUpperCase() === r.code)
          ? r
          : { ...r, peerAlone: { both: a.both, oursOnly: a.oursOnly, peerOnly: a.peerOnly, agreement: a.agreement } }
      })
    const both = result.rules.reduce((n, r) => n + r.both, 0)
    const either = result.rules.reduce((n, r) => n + r.both + r.oursOnly + r.peerOnly, 0)
    console.log(
      `dataset ${values.dataset} ${yearEnding}: ${injected} errors injected; ours ${ours.seconds.toFixed(2)} s ` +
        `(process ${oursTimed.cpuSeconds.toFixed(2)} s CPU) ${ours.peakRssMiB} MiB, ${ours.hits.length} flags; ` +
        `peer ${peer.seconds.toFixed(2)} s (process ${peerTimed.cpuSeconds.toFixed(2)} s CPU) ${peer.peakRssMiB} MiB, ` +
        `${peer.hits.length} flags (${peer.failedToRun.length} rules failed to run: ${peer.failedToRun.join(" ")})`
    )
    console.log(
      `rules both implement: ${result.rules.length}; agreeing ≥ 99 %: ${result.rules.length - disagreeing.length}; ` +
        `flags agreed overall ${either === 0 ? "100" : ((100 * both) / either).toFixed(2)} %`
    )
    console.log(`only the peer has: ${result.onlyPeer.join(" ")}`)
    console.log(`skipped by us, not compared: ${result.skippedByUs.join(" ")}`)
    console.log(`only we have: ${result.onlyOurs.join(" ")}`)
    for (const r of disagreeing) {
      const a = "peerAlone" in r ? r.peerAlone : undefined
      console.log(
        `  ${r.code}: both ${r.both}, ours only ${r.oursOnly}, peer only ${r.peerOnly} (${(100 * r.agreement).toFixed(1)} %)` +
          (a === undefined ? "" : `; peer rule alone: ${(100 * a.agreement).toFixed(1)} %`)
      )
      if (values.details) for (const e of r.examples) console.log(`      ${e}`)
    }
    if (values.write) {
      const out = join(here, "..", "..", "..", "docs", "benchmarks", `agreement-${values.dataset}-${yearEnding}.json`)
      writeFileSync(
        out,
        `${JSON.stringify(
          {
            benchmark: "agreement with the peer 903 validator (csc-validator-be-903)",
            date: new Date().toISOString(),
            machine: {
              cpus: cpus().length,
              memoryGiB: Math.round(totalmem() / 2 ** 30),
              loadAverage1mAtStart: loadAtStart,
              loadAverage: loadavg()[0]
            },
            dataset: values.dataset,
            year: yearEnding,
            injected,
            generationSeconds,
            // seconds: the validator's own time (read, decode, rules); process: the whole child, start-up included
            ours: {
              seconds: ours.seconds,
              processWallSeconds: oursTimed.wallSeconds,
              processCpuSeconds: oursTimed.cpuSeconds,
              peakRssMiB: ours.peakRssMiB,
              flags: ours.hits.length
            },
            peer: {
              seconds: peer.seconds,
              processWallSeconds: peerTimed.wallSeconds,
              processCpuSeconds: peerTimed.cpuSeconds,
              peakRssMiB: peer.peakRssMiB,
              flags: peer.hits.length,
              failedToRun: peer.failedToRun,
              ...(partial === undefined ? {} : { stoppedAfterMinutes: peerMinutes, progress: partial.progress })
            },
            rulesCompared: result.rules.length,
            compared: result.rules.map((r) => r.code),
            rulesAgreeing: result.rules.length - disagreeing.length,
            flagsAgreedPercent: either === 0 ? 100 : (100 * both) / either,
            onlyPeer: result.onlyPeer,
            skippedByUs: result.skippedByUs,
            onlyOurs: result.onlyOurs,
            disagreements: disagreeing
          },
          null,
          2
        )}\n`
      )
      console.log(`wrote ${out}`)
    }
  } finally {
    if (values.keep === undefined) rmSync(folder, { recursive: true, force: true })
  }
}

await main()
