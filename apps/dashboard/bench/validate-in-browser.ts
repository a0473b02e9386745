/**
 * `node bench/validate-in-browser.ts [median|national]`: how long /validate takes to check a synthetic council's 903
 * return in headless Chromium (the page's worker decodes both years, runs the rules, computes the officer scorecard
 * and renders the CSV/XLSX/JSON reports), and how much memory it needs. The files are generated with `@cpo/synth`
 * (presets `median` and `national`, the last year plus the one before as last year's return), written to a
 * temporary folder and chosen in the page's file pickers; the time is the page's own, from pressing "Check the
 * files" to the result (`data-elapsed-ms`). Memory: the page's JS heap (`performance.memory`), the worker's JS heap
 * (CDP `Runtime.getHeapUsage` on the worker target, sampled every 100 ms) and the renderer process's peak resident
 * set (`VmHWM`, Linux). Writes `docs/benchmarks/dashboard-validate.json`. Needs `pnpm build` first.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs"
import { cpus, freemem, loadavg, platform, release, tmpdir, totalmem } from "node:os"
import { join } from "node:path"
import { Synth } from "@cpo/synth"
import type { CDPSession, Page } from "playwright-core"
import { makeRuntime } from "../e2e/fixtures.ts"
import { launchBrowser, startSite } from "../e2e/harness.ts"

type SizeName = "median" | "national"

interface Size {
  readonly name: SizeName
  readonly runs: number
  readonly targetSeconds: number | undefined
}

const sizes: ReadonlyArray<Size> = [
  { name: "median", runs: 5, targetSeconds: 2 },
  { name: "national", runs: 1, targetSeconds: undefined }
]

const mib = (bytes: number) => Math.round((bytes / 1024 ** 2) * 10) / 10
const median = (xs: ReadonlyArray<number>) => {
  const s = [...xs].sort((a, b) => a - b)
  const m = Math.floor(s.length / 2)
  return s.length % 2 === 1 ? (s[m] ?? 0) : ((s[m - 1] ?? 0) + (s[m] ?? 0)) / 2
}

/** Write the preset's last two years as CSV; answers the file paths of this year and last year. */
const writeCouncil = (size: SizeName, dir: string) => {
  const preset = Synth.presets[size]
  const started = performance.now()
  const council = Synth.generate(preset)
  const generationSeconds = (performance.now() - started) / 1000
  const [previous, current] = council.returns.slice(-2)
  if (previous === undefined || current === undefined) throw new Error(`${size}: fewer than two years generated`)
  const write = (ret: typeof current) => {
    const folder = join(dir, size, String(ret.year))
    mkdirSync(folder, { recursive: true })
    let bytes = 0
    const paths = Synth.toCsvFiles(ret).map((f) => {
      const path = join(folder, f.name)
      writeFileSync(path, f.content)
      bytes += Buffer.byteLength(f.content)
      return path
    })
    return { paths, bytes }
  }
  const now = write(current)
  const before = write(previous)
  return {
    council: preset.council,
    year: current.year,
    children: current.children.length,
    episodes: current.episodes.length,
    csvMiB: mib(now.bytes + before.bytes),
    generationSeconds,
    current: now.paths,
    previous: before.paths
  }
}

/** The peak resident set of the renderer processes (Linux `/proc/<pid>/status` VmHWM), in MiB. */
const rendererPeakMiB = async (browserSession: CDPSession): Promise<number | undefined> => {
  try {
    const info = (await browserSession.send("SystemInfo.getProcessInfo")) as {
      processInfo: ReadonlyArray<{ type: string; id: number }>
    }
    const peaks = info.processInfo
      .filter((p) => p.type === "renderer")
      .map((p) => {
        const status = readFileSync(`/proc/${p.id}/status`, "utf8")
        const kib = Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0)
        return kib / 1024
      })
    return peaks.length === 0 ? undefined : Math.round(Math.max(...peaks))
  } catch {
    return undefined
  }
}

/**
 * Sample the worker's JS heap through the browser's CDP session: attach to every worker target (non-flat session,
 * messages wrapped in `Target.sendMessageToTarget`) and ask `Runtime.getHeapUsage` every 100 ms; V8's inspector
 * answers between JS tasks and by interrupting long ones, so a busy worker is sampled too.
 */
const workerHeapSampler = (browserSession: CDPSession) => {
  const sessions = new Set<string>()
  let peak = 0
  let id = 0
  browserSession.on("Target.receivedMessageFromTarget", (event: { message: string }) => {
    const reply = JSON.parse(event.message) as { result?: { usedSize?: number } }
    const used = reply.result?.usedSize
    if (used !== undefined && used > peak) peak = used
  })
  const attach = async () => {
    const { targetInfos } = (await browserSession.send("Target.getTargets")) as {
      targetInfos: ReadonlyArray<{ targetId: string; type: string }>
    }
    for (const t of targetInfos.filter((t) => t.type === "worker")) {
      const { sessionId } = (await browserSession.send("Target.attachToTarget", {
        targetId: t.targetId,
        flatten: false
      })) as { sessionId: string }
      sessions.add(sessionId)
    }
  }
  const timer = setInterval(() => {
    for (const sessionId of sessions) {
      void browserSession
        .send("Target.sendMessageToTarget", {
          sessionId,
          message: JSON.stringify({ id: ++id, method: "Runtime.getHeapUsage" })
        })
        .catch(() => undefined)
    }
  }, 100)
  return {
    attach,
    stop: () => {
      clearInterval(timer)
      return peak
    }
  }
}

const pageHeapSampler = (page: Page) => {
  let peak = 0
  let running = true
  const loop = async () => {
    while (running) {
      const used = await page
        .evaluate(() => (performance as unknown as { memory?: { usedJSHeapSize: number } }).memory?.usedJSHeapSize ?? 0)
        .catch(() => 0)
      if (used > peak) peak = used
      await new Promise((resolve) => setTimeout(resolve, 100))
    }
  }
  const done = loop()
  return {
    stop: async () => {
      running = false
      await done
      return peak
    }
  }
}

const main = async () => {
  const only = process.argv[2] as SizeName | undefined
  const chosen = sizes.filter((s) => only === undefined || s.name === only)
  const dir = mkdtempSync(join(tmpdir(), "cpo-validate-bench-"))
  const loadAtStart = loadavg()[0] ?? 0
  const site = await startSite(await makeRuntime({ withSynthetic: false }))
  const browser = await launchBrowser()
  const chromium = browser.context.browser()
  const browserSession = chromium === null ? undefined : await chromium.newBrowserCDPSession()
  const results: Array<Record<string, unknown>> = []
  try {
    for (const size of chosen) {
      process.stderr.write(`${size.name}: generating…\n`)
      const council = writeCouncil(size.name, dir)
      const seconds: Array<number> = []
      const timings: Array<Record<string, number>> = []
      let pagePeak = 0
      let workerPeak = 0
      let rendererPeak = 0
      let errors = 0
      for (let run = 0; run < size.runs; run++) {
        const page = await browser.context.newPage()
        await page.goto(`${site.url}/validate`)
        await page.locator("h1").waitFor()
        // An analyst takes a few seconds to choose the files, in which the worker starts and warms up.
        await page.locator('[data-checker-ready="yes"]').waitFor({ timeout: 120_000 })
        await page.locator("#current-files").setInputFiles([...council.current])
        await page.locator("#previous-files").setInputFiles([...council.previous])
        const worker = browserSession === undefined ? undefined : workerHeapSampler(browserSession)
        await worker?.attach()
        const pageHeap = pageHeapSampler(page)
        await page.getByRole("button", { name: "Check the files" }).click()
        await page.locator("#report-heading").waitFor({ timeout: 600_000 })
        const section = page.locator("[data-report]")
        const elapsed = Number(await section.getAttribute("data-elapsed-ms"))
        const downloadsList = page.locator("[data-downloads-ms]")
        await downloadsList.waitFor({ timeout: 600_000 })
        timings.push({
          ...(JSON.parse((await section.getAttribute("data-timings")) ?? "{}") as Record<string, number>),
          downloadsMs: Number(await downloadsList.getAttribute("data-downloads-ms"))
        })
        pagePeak = Math.max(pagePeak, await pageHeap.stop())
        workerPeak = Math.max(workerPeak, worker?.stop() ?? 0)
        errors = Number(((await page.locator("#report-heading").textContent()) ?? "").replace(/[^\d]/g, "") || 0)
        // The page's renderer process (which hosts its worker) is measured before the page closes and it exits.
        const rss = browserSession === undefined ? undefined : await rendererPeakMiB(browserSession)
        if (rss !== undefined) rendererPeak = Math.max(rendererPeak, rss)
        seconds.push(elapsed / 1000)
        process.stderr.write(`${size.name} run ${run + 1}: ${(elapsed / 1000).toFixed(2)} s\n`)
        await page.close()
      }
      const step = (key: string) => Math.round(median(timings.map((t) => t[key] ?? 0))) / 1000
      const medianSeconds = Math.round(median(seconds) * 100) / 100
      results.push({
        size: size.name,
        council: council.council,
        year: council.year,
        children: council.children,
        episodes: council.episodes,
        csvMiBBothYears: council.csvMiB,
        validationErrors: errors,
        runs: size.runs,
        generationSeconds: Math.round(council.generationSeconds * 10) / 10,
        medianReadSeconds: step("readMs"),
        medianRulesSeconds: step("rulesMs"),
        medianScorecardSeconds: step("scorecardMs"),
        medianDownloadsSecondsAfterResult: step("downloadsMs"),
        medianSeconds,
        minSeconds: Math.min(...seconds),
        maxSeconds: Math.max(...seconds),
        peakPageJsHeapMiB: mib(pagePeak),
        peakWorkerJsHeapMiB: workerPeak === 0 ? null : mib(workerPeak),
        peakRendererRssMiB: rendererPeak === 0 ? null : rendererPeak,
        ...(size.targetSeconds === undefined
          ? {}
          : { targetSeconds: size.targetSeconds, meetsTarget: medianSeconds < size.targetSeconds })
      })
    }
  } finally {
    await browser.close()
    await site.close()
    rmSync(dir, { recursive: true, force: true })
  }
  const report = {
    benchmark:
      "Dashboard /validate: a 903 return (this year + last year's) checked in the browser's worker — decode, every rule in force, officer scorecard, CSV/XLSX/JSON reports",
    date: new Date().toISOString(),
    machine: {
      cpu: cpus()[0]?.model ?? "unknown",
      cores: cpus().length,
      memoryGiB: Math.round((totalmem() / 1024 ** 3) * 10) / 10,
      freeMemoryGiB: Math.round((freemem() / 1024 ** 3) * 10) / 10,
      loadAverage1mAtStart: Math.round(loadAtStart * 10) / 10,
      loadAverage1mAtEnd: Math.round((loadavg()[0] ?? 0) * 10) / 10,
      platform: `${platform()} ${release()}`,
      node: process.version,
      browser: `Debian Chromium ${browser.context.browser()?.version() ?? ""}`.trim()
    },
    dataset: "@cpo/synth presets (synthetic, never real data); the last two years of each, written as CSV",
    method:
      "production build served by the API (e2e harness); headless Chromium, a fresh page per run; the files are chosen once the page's worker has started and warmed up on a small fake return (as while an analyst picks files); seconds = the page's time from pressing Check to the result shown (read + rules + scorecard; the CSV/XLSX/JSON files are made after it, timed apart); memory sampled every 100 ms",
    results
  }
  const out = join(import.meta.dirname, "..", "..", "..", "docs", "benchmarks")
  mkdirSync(out, { recursive: true })
  const existing = (() => {
    try {
      return JSON.parse(readFileSync(join(out, "dashboard-validate.json"), "utf8")) as {
        results?: Array<{ size: string }>
      }
    } catch {
      return undefined
    }
  })()
  // A run of one size keeps the other size's last figures.
  const kept = (existing?.results ?? []).filter((r) => !chosen.some((s) => s.name === r.size))
  const merged = { ...report, results: [...results, ...kept] }
  writeFileSync(join(out, "dashboard-validate.json"), `${JSON.stringify(merged, null, 2)}\n`)
  process.stdout.write(`${JSON.stringify(merged, null, 2)}\n`)
}

await main()
