/**
 * The officer's guide tour (docs/officers-guide.md): every page in the council navigation, plus the public pages,
 * opened in a real browser and photographed at 1280 px (`<page>.png`) and at a phone's 390 px (`<page>-390.png`),
 * each width checked for horizontal overflow. The pictures in docs/images/ come from here and are never
 * edited by hand: `pnpm --filter @cpo/dashboard docs:screenshots` runs this test with CPO_SCREENSHOTS_DIR pointing at
 * docs/images/. Otherwise they go to a scratch folder, and the test still proves every page of the tour renders.
 */
import { mkdirSync, mkdtempSync, statSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import type { Page } from "playwright-core"
import { beforeAll, describe, expect, it } from "vitest"
import { synthetic } from "./fixtures.ts"
import { overflowsHorizontally, useSite } from "./harness.ts"

/** A page of the tour may wait on the API while the rest of the suite runs: a minute before giving up. */
const patient = { timeout: 60_000, interval: 200 }

const folder = process.env.CPO_SCREENSHOTS_DIR ?? mkdtempSync(join(tmpdir(), "cpo-tour-"))
mkdirSync(folder, { recursive: true })

/**
 * Photograph the page's first screen and a half at 1280 px and its first two phone screens at 390 px, once its
 * heading is on screen and the data has arrived; answers the smaller file's size and whether either width overflows.
 */
const photograph = async (page: Page, name: string) => {
  await expect.poll(() => page.locator("main h1").count(), patient).toBeGreaterThan(0)
  await page.waitForLoadState("networkidle")
  await expect.poll(() => page.locator("main").textContent(), patient).not.toMatch(/Loading/)
  const shots = [
    { width: 1280, height: 1350, file: join(folder, `${name}.png`) },
    { width: 390, height: 1700, file: join(folder, `${name}-390.png`) }
  ]
  const overflows: Array<number> = []
  for (const shot of shots) {
    await page.setViewportSize({ width: shot.width, height: 900 })
    const height = Math.min(shot.height, await page.evaluate(() => document.documentElement.scrollHeight))
    await page.screenshot({ path: shot.file, clip: { x: 0, y: 0, width: shot.width, height }, fullPage: true })
    if (await overflowsHorizontally(page)) overflows.push(shot.width)
  }
  await page.setViewportSize({ width: 1280, height: 900 })
  return { size: Math.min(...shots.map((s) => statSync(s.file).size)), overflows }
}

// The tour photographs what the other browser tests already walk and check (axe, keyboard, suppression): it runs when
// the pictures are wanted (`docs:screenshots`, or CPO_SCREENSHOTS_DIR set), not in every test run.
describe.skipIf(process.env.CPO_SCREENSHOTS_DIR === undefined)("the officer's guide tour", () => {
  const site = useSite({ store: { withPlan: true } })
  let page: Page
  beforeAll(() => {
    page = site.page
  })

  it("photographs the start page and the offline validation page", async () => {
    for (const [name, path] of [
      ["home", "/"],
      ["validate", "/validate"]
    ] as const) {
      await page.goto(`${site.url}${path}`)
      const photo = await photograph(page, name)
      expect(photo.size, path).toBeGreaterThan(10_000)
      expect(photo.overflows, path).toEqual([])
    }
  })

  it("photographs every page in the council navigation", async () => {
    await page.goto(`${site.url}/councils/${synthetic.id}/scorecard`)
    const nav = page.getByRole("navigation", { name: "Council pages" })
    await expect.poll(() => nav.getByRole("link").count(), patient).toBeGreaterThan(5)
    const hrefs = await nav.getByRole("link").evaluateAll((links) => links.map((a) => a.getAttribute("href") ?? ""))
    const pages = hrefs.filter((h) => h.startsWith(`/councils/${synthetic.id}/`))
    expect(pages.length).toBe(hrefs.length)
    for (const href of pages) {
      await page.goto(`${site.url}${href}`)
      const name = href.split("/").pop() ?? "page"
      const photo = await photograph(page, name)
      expect(photo.size, href).toBeGreaterThan(10_000)
      expect(photo.overflows, href).toEqual([])
    }
  })
})
