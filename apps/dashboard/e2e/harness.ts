/**
 * What every browser test needs: the real API (in-process, over an in-memory PGlite store holding plainly fake
 * councils) serving the built dashboard from `dist/`, Debian Chromium through `playwright-core` with a fresh profile,
 * and an axe-core scan against WCAG 2.2 A/AA.
 */
import { existsSync, mkdtempSync, rmSync } from "node:fs"
import type { AddressInfo } from "node:net"
import { tmpdir } from "node:os"
import { join } from "node:path"
import AxeBuilder from "@axe-core/playwright"
import { makeApp } from "@cpo/api"
import { dashboard } from "@cpo/api/dashboard"
import type { ApiRuntime } from "@cpo/api/runtime"
import { serve } from "@hono/node-server"
import { type BrowserContext, chromium, type Locator, type Page } from "playwright-core"

const dist = join(import.meta.dirname, "..", "dist")

export interface Site {
  readonly url: string
  readonly close: () => Promise<void>
}

/**
 * The API with the built dashboard at `/`, on a free port: in demo mode (reads open to an anonymous officer) unless a
 * `jwtSecret` is given, in which case every data route needs a bearer token.
 */
export const startSite = async (runtime: ApiRuntime, options: { readonly jwtSecret?: string } = {}): Promise<Site> => {
  if (!existsSync(join(dist, "index.html"))) {
    throw new Error(`${dist} has no index.html: run \`pnpm --filter @cpo/dashboard build\` before the browser tests`)
  }
  const app = makeApp({
    runtime,
    demo: options.jwtSecret === undefined,
    jwtSecret: options.jwtSecret,
    log: () => undefined,
    fallback: dashboard(dist)
  })
  const server = await new Promise<ReturnType<typeof serve>>((resolve) => {
    const s = serve({ fetch: app.fetch, port: 0, hostname: "127.0.0.1" }, () => resolve(s))
  })
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())).then(() => runtime.dispose())
  }
}

export interface Browser {
  readonly context: BrowserContext
  readonly close: () => Promise<void>
}

/** Debian Chromium, headless, with a profile of its own that is removed afterwards. */
export const launchBrowser = async (): Promise<Browser> => {
  const profile = mkdtempSync(join(tmpdir(), "cpo-dashboard-e2e-"))
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync"
    ],
    viewport: { width: 1280, height: 900 }
  })
  return {
    context,
    close: async () => {
      await context.close()
      rmSync(profile, { recursive: true, force: true })
    }
  }
}

/** The WCAG 2.2 A/AA violations on the page, as `rule: selector` lines (empty when clean). */
export const accessibilityViolations = async (
  page: Page,
  options: { readonly exclude?: string } = {}
): Promise<ReadonlyArray<string>> => {
  const builder = new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"])
  const result = await (options.exclude === undefined ? builder : builder.exclude(options.exclude)).analyze()
  return result.violations.flatMap((v) => v.nodes.map((n) => `${v.id}: ${n.target.join(" ")} (${v.help})`))
}

/** Whether anything on the page is wider than the viewport (horizontal scrolling of the whole page). */
export const overflowsHorizontally = (page: Page): Promise<boolean> =>
  page.evaluate(() => document.documentElement.scrollWidth > document.documentElement.clientWidth)

/**
 * Screenshots at desktop (1280 px) and phone (390 px) widths: the whole page to `/tmp/cpo-dashboard-<name>-<width>.png`
 * and its first screens in slices (`…-<width>-<n>.png`) small enough to read at full size.
 */
export const screenshots = async (
  page: Page,
  name: string
): Promise<ReadonlyArray<{ width: number; overflows: boolean }>> => {
  const results: Array<{ width: number; overflows: boolean }> = []
  for (const width of [1280, 390]) {
    await page.setViewportSize({ width, height: 900 })
    await page.screenshot({ path: `/tmp/cpo-dashboard-${name}-${width}.png`, fullPage: true })
    const height = await page.evaluate(() => document.documentElement.scrollHeight)
    for (let slice = 0; slice < 3 && slice * 1200 < height; slice++) {
      await page.screenshot({
        path: `/tmp/cpo-dashboard-${name}-${width}-${slice + 1}.png`,
        fullPage: true,
        clip: { x: 0, y: slice * 1200, width, height: Math.min(1200, height - slice * 1200) }
      })
    }
    results.push({ width, overflows: await overflowsHorizontally(page) })
  }
  await page.setViewportSize({ width: 1280, height: 900 })
  return results
}

/** `expect.poll` options for a busy machine: the default second is too short while other workspaces test. */
export const patient = { timeout: 30_000, interval: 100 }

/**
 * Press Tab until `target` has focus, as a keyboard user moves through the page (at most `limit` presses); fails when
 * it is never reached, so a field taken out of the tab order is caught.
 */
export const tabTo = async (page: Page, target: Locator, limit = 80): Promise<void> => {
  for (let presses = 0; presses <= limit; presses++) {
    if (await target.evaluate((el) => el === document.activeElement)) return
    await page.keyboard.press("Tab")
  }
  throw new Error(`${limit} presses of Tab never reached ${String(target)}`)
}
