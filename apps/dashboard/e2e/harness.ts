/**
 * What every browser test needs: the real API (in-process, over an in-memory PGlite store holding plainly fake
 * councils) serving the built dashboard from `dist/`, a context of its own in the run's Debian Chromium
 * (`e2e/chromium.ts`), and an axe-core scan against WCAG 2.2 A/AA. {@link useSite} sets all of it up for a test file.
 */
import { existsSync, mkdtempSync, rmSync } from "node:fs"
import { createRequire } from "node:module"
import type { AddressInfo } from "node:net"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { makeApp } from "@cpo/api"
import { dashboard } from "@cpo/api/dashboard"
import type { ApiRuntime } from "@cpo/api/runtime"
import { serve } from "@hono/node-server"
import { type BrowserContext, chromium, type Download, type Locator, type Page } from "playwright-core"
import { afterAll, beforeAll } from "vitest"
import { chromiumVariable, launchOptions } from "./chromium.ts"
import { type FixtureOptions, makeRuntime } from "./fixtures.ts"

/**
 * The build under test: `dist/`, or the folder in CPO_DASHBOARD_DIST (`vite build --outDir <folder>`: a build of
 * one's own to test while someone else rebuilds `dist/`).
 */
const dist = process.env.CPO_DASHBOARD_DIST ?? join(import.meta.dirname, "..", "dist")

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
    throw new Error(
      `${dist} has no index.html: run \`pnpm --filter @cpo/dashboard build\` (or set CPO_DASHBOARD_DIST) before the browser tests`
    )
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

const viewport = { width: 1280, height: 900 }

/**
 * Debian Chromium of its own, headless, with a profile of its own that is removed afterwards (for the benches; the
 * tests share the run's Chromium through {@link openBrowser}).
 */
export const launchBrowser = async (): Promise<Browser> => {
  const profile = mkdtempSync(join(tmpdir(), "cpo-dashboard-e2e-"))
  const context = await chromium.launchPersistentContext(profile, { ...launchOptions, viewport })
  return {
    context,
    close: async () => {
      await context.close()
      rmSync(profile, { recursive: true, force: true })
    }
  }
}

/** A new context (cookies, storage, cache and service workers of its own) in the run's Chromium. */
export const openBrowser = async (): Promise<Browser> => {
  const endpoint = process.env[chromiumVariable]
  if (endpoint === undefined) {
    throw new Error(
      `${chromiumVariable} is not set: the browser tests run through vitest, whose e2e/chromium.ts starts Chromium`
    )
  }
  const browser = await chromium.connect(endpoint)
  const context = await browser.newContext({ viewport })
  return {
    context,
    close: async () => {
      await context.close()
      await browser.close()
    }
  }
}

/** What {@link useSite} gives a test file once its `beforeAll` has run. */
export interface SiteSession {
  /** The API's address, serving the dashboard at `/`. */
  readonly url: string
  /** The file's browser context, in the run's Chromium. */
  readonly context: BrowserContext
  /** A page opened in that context at 1280 × 900. */
  readonly page: Page
  /** Sign in on the sign-in page with `token`, typed as a user pastes it, and wait for the list of councils. */
  readonly signIn: (token: string) => Promise<void>
}

/**
 * A test file's site: before its tests, a copy of the run's store for `store` (changed by `prepare` if given), the API
 * serving the dashboard over it (with bearer tokens when `jwtSecret` is given, as in {@link startSite}), and a page in
 * a new context of the run's Chromium; after them, all of it closed. Call it in the file's `describe`.
 */
export const useSite = (
  options: {
    readonly store?: FixtureOptions
    readonly prepare?: (runtime: ApiRuntime) => Promise<void>
    readonly jwtSecret?: string
  } = {}
): SiteSession => {
  let started: { readonly site: Site; readonly browser: Browser; readonly page: Page } | undefined
  const get = () => {
    if (started === undefined) throw new Error("the site is used before useSite's beforeAll has run")
    return started
  }
  beforeAll(async () => {
    const [site, browser] = await Promise.all([
      makeRuntime(options.store).then(async (runtime) => {
        await options.prepare?.(runtime)
        return startSite(runtime, options.jwtSecret === undefined ? {} : { jwtSecret: options.jwtSecret })
      }),
      openBrowser()
    ])
    started = { site, browser, page: await browser.context.newPage() }
  })
  afterAll(async () => {
    await started?.browser.close()
    await started?.site.close()
  })
  return {
    get url() {
      return get().site.url
    },
    get context() {
      return get().browser.context
    },
    get page() {
      return get().page
    },
    signIn: async (token) => {
      const { page, site } = get()
      await page.goto(`${site.url}/sign-in`)
      await page.getByLabel("Access token").focus()
      await page.keyboard.insertText(token)
      await page.keyboard.press("Enter")
      await page.getByRole("heading", { name: "Councils", level: 1 }).waitFor()
    }
  }
}

/** The bytes of a file the browser downloaded (read through Playwright: the browser may be another process's). */
export const downloadedBytes = async (download: Download): Promise<Buffer> => {
  const chunks: Array<Buffer> = []
  for await (const chunk of await download.createReadStream()) chunks.push(chunk as Buffer)
  return Buffer.concat(chunks)
}

/** The rows of a downloaded CSV text (RFC 4180: quoted fields, doubled quotes, CRLF). */
export const parseCsv = (text: string): ReadonlyArray<ReadonlyArray<string>> => {
  const rows: Array<Array<string>> = []
  let row: Array<string> = []
  let cell = ""
  let quoted = false
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        cell += '"'
        i++
      } else if (ch === '"') quoted = false
      else cell += ch
    } else if (ch === '"') quoted = true
    else if (ch === ",") {
      row.push(cell)
      cell = ""
    } else if (ch === "\n") {
      row.push(cell.replace(/\r$/, ""))
      rows.push(row)
      row = []
      cell = ""
    } else cell += ch
  }
  return rows
}

/**
 * axe-core's source, from the copy `@axe-core/playwright` depends on. The scan below calls axe itself rather than
 * through `AxeBuilder`, which sent the whole script (half a megabyte) into the page again for every scan, opened a
 * blank page (a renderer process) to finish each one, and brought every passing node back over the protocol: three
 * times the cost of the scan itself.
 */
const axeSource = (
  createRequire(createRequire(import.meta.url).resolve("@axe-core/playwright"))("axe-core") as {
    readonly source: string
  }
).source

/** WCAG 2.2 A and AA, as axe-core tags its rules. */
const wcagTags = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]

/** The little of axe-core's API the scan uses, as it appears in the page. */
interface AxeInPage {
  readonly run: (
    context: Document | { readonly exclude: ReadonlyArray<string> },
    options: { readonly runOnly: { type: "tag"; values: ReadonlyArray<string> }; readonly resultTypes: ["violations"] }
  ) => Promise<{
    readonly violations: ReadonlyArray<{
      readonly id: string
      readonly help: string
      readonly nodes: ReadonlyArray<{ readonly target: ReadonlyArray<string | ReadonlyArray<string>> }>
    }>
  }>
}

/**
 * The WCAG 2.2 A/AA violations on the page, as `rule: selector` lines (empty when clean). axe-core goes into the page
 * and each of its frames (the dashboard's are all same-origin, so axe reaches them from the page) once per document;
 * frames matching `exclude` are left out, as scripts may be disabled in them. Only violations are gathered in full.
 */
export const accessibilityViolations = async (
  page: Page,
  options: { readonly exclude?: string } = {}
): Promise<ReadonlyArray<string>> => {
  const { exclude } = options
  for (const frame of page.frames()) {
    const element = frame === page.mainFrame() ? null : await frame.frameElement()
    if (
      element !== null &&
      exclude !== undefined &&
      (await element.evaluate((el, s) => (el as Element).matches(s), exclude))
    ) {
      continue
    }
    if (!(await frame.evaluate(() => "axe" in window))) await frame.evaluate(axeSource)
  }
  return page.evaluate(
    async ({ exclude, tags }) => {
      const axe = (window as unknown as { readonly axe: AxeInPage }).axe
      const result = await axe.run(exclude === undefined ? document : { exclude: [exclude] }, {
        runOnly: { type: "tag", values: tags },
        resultTypes: ["violations"]
      })
      return result.violations.flatMap((v) => v.nodes.map((n) => `${v.id}: ${n.target.join(" ")} (${v.help})`))
    },
    { exclude, tags: wcagTags }
  )
}

/** Whether anything on the page is wider than the viewport (horizontal scrolling of the whole page). */
export const overflowsHorizontally = (page: Page): Promise<boolean> =>
  page.evaluate(() => document.documentElement.scrollWidth > document.documentElement.clientWidth)

/**
 * The page at desktop (1280 px) and phone (390 px) widths, each checked for horizontal overflow. With
 * CPO_E2E_SCREENSHOTS set (to look at the pages after a change), each width is also photographed: the whole page to
 * `/tmp/cpo-dashboard-<name>-<width>.png` and its first screens in slices (`…-<width>-<n>.png`) small enough to read
 * at full size. Test runs leave the pictures out: nothing checks them, and encoding eight PNGs a call was a seventh of
 * the suite's time.
 */
export const screenshots = async (
  page: Page,
  name: string
): Promise<ReadonlyArray<{ width: number; overflows: boolean }>> => {
  const photograph = process.env.CPO_E2E_SCREENSHOTS !== undefined
  const results: Array<{ width: number; overflows: boolean }> = []
  for (const width of [1280, 390]) {
    await page.setViewportSize({ width, height: 900 })
    if (photograph) {
      await page.screenshot({ path: `/tmp/cpo-dashboard-${name}-${width}.png`, fullPage: true })
      const height = await page.evaluate(() => document.documentElement.scrollHeight)
      for (let slice = 0; slice < 3 && slice * 1200 < height; slice++) {
        await page.screenshot({
          path: `/tmp/cpo-dashboard-${name}-${width}-${slice + 1}.png`,
          fullPage: true,
          clip: { x: 0, y: slice * 1200, width, height: Math.min(1200, height - slice * 1200) }
        })
      }
    }
    results.push({ width, overflows: await overflowsHorizontally(page) })
  }
  await page.setViewportSize(viewport)
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
