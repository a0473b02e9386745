/**
 * `node bench/scorecard-interactive.ts`: how soon the scorecard is interactive in headless Chromium on localhost
 * (issue 11: under 1 s). The real API runs in-process over an in-memory PGlite store holding a synthetic council from
 * `@cpo/synth` (preset `median`: 450 children, 2024–2026), and serves the built dashboard from `dist/`. Each load is a
 * fresh browser context (empty HTTP cache, no service worker) opening `/councils/<council>/scorecard?year=2026`.
 *
 * Interactive is measured in the page: an init script watches the DOM, and when every indicator card the API sent is
 * on screen it schedules a macrotask; the time that task runs (`performance.now()` from navigation start) is when the
 * render task has finished and a click would be handled — Solid attaches handlers as it renders. The first load warms
 * the API (its scorecard cache is empty) and is reported apart; the median is over the loads after it. Also recorded:
 * DOMContentLoaded, first contentful paint and the indicators request's own time. Wall time on a shared, loaded
 * machine says little, so the CPU the load needs is recorded too: the renderer's main-thread task time to
 * interactive (CDP `Performance.getMetrics`, thread ticks) plus this process's CPU (the API) over the load. Writes
 * `docs/benchmarks/dashboard-scorecard.json`. Needs `pnpm build` first.
 */
import { mkdirSync, writeFileSync } from "node:fs"
import { cpus, loadavg, totalmem } from "node:os"
import { join } from "node:path"
import { makeTestRuntime } from "@cpo/api/testing"
import { type Council, Returns } from "@cpo/domain"
import { Synth } from "@cpo/synth"
import { Effect, Option } from "effect"
import { chromium } from "playwright-core"
import { startSite } from "../e2e/harness.ts"

const loads = Number(process.env.CPO_BENCH_LOADS ?? 9)
const targetMs = 1000
const preset = Synth.presets.median

const median = (xs: ReadonlyArray<number>) => {
  const s = [...xs].sort((a, b) => a - b)
  const m = Math.floor(s.length / 2)
  return s.length % 2 === 1 ? (s[m] ?? 0) : ((s[m - 1] ?? 0) + (s[m] ?? 0)) / 2
}
const ms = (n: number) => Math.round(n)

/** Installed before any page script: resolves `window.__cpoInteractive` once `expected` cards are on screen. */
const watchForCards = (expected: number) => {
  const w = window as unknown as { __cpoInteractive?: number }
  const check = () => {
    if (w.__cpoInteractive !== undefined) return
    if (document.querySelectorAll("[data-indicator]").length >= expected) {
      observer.disconnect()
      setTimeout(() => {
        w.__cpoInteractive = performance.now()
      }, 0)
    }
  }
  const observer = new MutationObserver(check)
  observer.observe(document, { childList: true, subtree: true })
}

const generated = Synth.generate(preset)
const council: Council.Council = {
  id: "synthetic-median-borough" as Council.CouncilId,
  name: preset.council,
  localAuthorityCode: Option.none()
}
const year = Math.max(...generated.returns.map((r) => r.year))
const runtime = await makeTestRuntime()
await runtime.runPromise(
  Effect.gen(function* () {
    const returns = yield* Returns.Returns
    yield* returns.saveCouncil(council)
    for (const ret of generated.returns) yield* returns.importReturn(council.id, ret, `bench-${ret.year}`)
  })
)
const site = await startSite(runtime)
// A browser (not a persistent profile, as the e2e harness opens) so that every load can have a fresh context.
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking"]
})
const loadAtStart = loadavg()[0] ?? 0

const indicators = (
  (await (await fetch(`${site.url}/v1/councils/${council.id}/indicators?year=${year}&audience=officer`)).json()) as {
    indicators: ReadonlyArray<unknown>
  }
).indicators.length

interface Load {
  readonly interactiveMs: number
  /** The renderer's main-thread task time from navigation to interactive (CDP `Performance.getMetrics`). */
  readonly rendererTaskMs: number
  readonly rendererScriptMs: number
  /** CPU time of this Node process (the API, and the bench's browser driver) during the load. */
  readonly apiProcessCpuMs: number
  readonly domContentLoadedMs: number
  readonly firstContentfulPaintMs: number | undefined
  readonly indicatorsRequestMs: number | undefined
}

const measure = async (): Promise<Load> => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, serviceWorkers: "block" })
  try {
    const page = await context.newPage()
    await page.addInitScript(watchForCards, indicators)
    const cdp = await context.newCDPSession(page)
    await cdp.send("Performance.enable", { timeDomain: "threadTicks" })
    const cpuBefore = process.cpuUsage()
    await page.goto(`${site.url}/councils/${council.id}/scorecard?year=${year}`)
    await page.waitForFunction(() => (window as unknown as { __cpoInteractive?: number }).__cpoInteractive, null, {
      timeout: 60_000
    })
    const cpu = process.cpuUsage(cpuBefore)
    const { metrics } = (await cdp.send("Performance.getMetrics")) as {
      metrics: ReadonlyArray<{ name: string; value: number }>
    }
    const metric = (name: string) => (metrics.find((m) => m.name === name)?.value ?? 0) * 1000
    const timing = await page.evaluate(() => {
      const navigation = performance.getEntriesByType("navigation")[0] as PerformanceNavigationTiming | undefined
      const paint = performance.getEntriesByName("first-contentful-paint")[0]
      const request = performance.getEntriesByType("resource").find((r) => r.name.includes("/indicators?")) as
        | PerformanceResourceTiming
        | undefined
      return {
        interactiveMs: (window as unknown as { __cpoInteractive: number }).__cpoInteractive,
        domContentLoadedMs: navigation?.domContentLoadedEventEnd ?? 0,
        firstContentfulPaintMs: paint?.startTime,
        indicatorsRequestMs: request === undefined ? undefined : request.responseEnd - request.requestStart
      }
    })
    return {
      ...timing,
      rendererTaskMs: metric("TaskDuration"),
      rendererScriptMs: metric("ScriptDuration"),
      apiProcessCpuMs: (cpu.user + cpu.system) / 1000
    }
  } finally {
    await context.close()
  }
}

const first = await measure()
const rest: Array<Load> = []
for (let n = 0; n < loads; n++) rest.push(await measure())
await browser.close()
await site.close()

const pick = (key: keyof Load) => rest.flatMap((l) => (l[key] === undefined ? [] : [l[key]]))
const report = {
  benchmark: "Dashboard scorecard: time to interactive in headless Chromium on localhost",
  date: new Date().toISOString(),
  machine: {
    cpu: cpus()[0]?.model ?? "unknown",
    cores: cpus().length,
    memoryGiB: Math.round((totalmem() / 1024 ** 3) * 10) / 10,
    node: process.version,
    loadAverageAtStart: Math.round(loadAtStart * 100) / 100
  },
  method:
    "API in-process over in-memory PGlite serving dist/; a fresh Chromium context per load; interactive = the first " +
    "macrotask after every indicator card is in the DOM, from navigation start; the first load warms the API's " +
    "scorecard cache and is reported apart",
  council: { name: council.name, preset: preset.name, children: preset.children, year, indicators },
  loads,
  targetMs,
  firstLoad: {
    interactiveMs: ms(first.interactiveMs),
    indicatorsRequestMs: first.indicatorsRequestMs === undefined ? null : ms(first.indicatorsRequestMs)
  },
  medianInteractiveMs: ms(median(pick("interactiveMs"))),
  maxInteractiveMs: ms(Math.max(...pick("interactiveMs"))),
  medianDomContentLoadedMs: ms(median(pick("domContentLoadedMs"))),
  medianFirstContentfulPaintMs: ms(median(pick("firstContentfulPaintMs"))),
  medianIndicatorsRequestMs: ms(median(pick("indicatorsRequestMs"))),
  medianRendererTaskMs: ms(median(pick("rendererTaskMs"))),
  medianRendererScriptMs: ms(median(pick("rendererScriptMs"))),
  medianApiProcessCpuMs: ms(median(pick("apiProcessCpuMs"))),
  /** CPU the load needs on an idle machine: the renderer's main thread plus the API process, both to interactive. */
  medianCpuToInteractiveMs: ms(median(rest.map((l) => l.rendererTaskMs + l.apiProcessCpuMs))),
  meetsTarget: median(pick("interactiveMs")) < targetMs,
  meetsTargetInCpuTime: median(rest.map((l) => l.rendererTaskMs + l.apiProcessCpuMs)) < targetMs,
  runs: rest.map((l) => ms(l.interactiveMs))
}

const out = join(import.meta.dirname, "..", "..", "..", "docs", "benchmarks")
mkdirSync(out, { recursive: true })
writeFileSync(join(out, "dashboard-scorecard.json"), `${JSON.stringify(report, null, 2)}\n`)
process.stdout.write(
  `dashboard: scorecard interactive in ${report.medianInteractiveMs} ms wall, ${report.medianCpuToInteractiveMs} ms ` +
    `CPU (median of ${loads}, target < ${targetMs}, load average ${report.machine.loadAverageAtStart}); ` +
    `first load ${report.firstLoad.interactiveMs} ms; written to docs/benchmarks/dashboard-scorecard.json\n`
)
