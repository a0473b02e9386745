/**
 * Every page fits a phone: each page of the council navigation (as an officer sees it, the most there is), the start
 * page, the offline validation page, sign-in and page-not-found, opened at 390 px and at 1280 px once their data has
 * arrived, with nothing wider than the window (`document.documentElement.scrollWidth <= innerWidth`). The pages with
 * forms in other states (errors, drafts, results) are checked the same way by the tests that reach those states, and
 * the administrator's pages by the admin test. The synthetic council has no strategy, board or offer: each page says so
 * plainly rather than showing an error summary.
 */
import type { Page } from "playwright-core"
import { beforeAll, describe, expect, it } from "vitest"
import { synthetic } from "./fixtures.ts"
import { patient, useSite } from "./harness.ts"

/** How much wider than the window the page is, in CSS pixels, at `width` (0 when it fits). */
const overflowAt = async (page: Page, width: number): Promise<number> => {
  await page.setViewportSize({ width, height: 900 })
  return page.evaluate(() => Math.max(0, document.documentElement.scrollWidth - window.innerWidth))
}

/** Open `path` and wait until its heading is on screen and nothing is still loading. */
const open = async (page: Page, url: string) => {
  await page.goto(url)
  await expect.poll(() => page.locator("main h1").count(), patient).toBeGreaterThan(0)
  await expect.poll(() => page.locator("main").textContent(), patient).not.toMatch(/Loading/)
}

describe("every page fits a phone's width", () => {
  const site = useSite()
  let page: Page
  beforeAll(() => {
    page = site.page
  })

  it("has no horizontal overflow on any page of the council navigation, at 390 and 1280 px", async () => {
    await page.setViewportSize({ width: 390, height: 900 })
    await open(page, `${site.url}/councils/${synthetic.id}/scorecard`)
    const nav = page.getByRole("navigation", { name: "Council pages" })
    await expect.poll(() => nav.getByRole("link").count(), patient).toBeGreaterThan(10)
    const hrefs = await nav.getByRole("link").evaluateAll((links) => links.map((a) => a.getAttribute("href") ?? ""))
    const overflowing: Array<string> = []
    const problems: Array<string> = []
    for (const href of hrefs) {
      await page.setViewportSize({ width: 390, height: 900 })
      await open(page, `${site.url}${href}`)
      // A council with no strategy, board or offer yet is told so plainly, not shown an error.
      if ((await page.getByRole("alert").count()) > 0) problems.push(href)
      for (const width of [390, 1280]) {
        const excess = await overflowAt(page, width)
        if (excess > 0) overflowing.push(`${href} at ${width} px: ${excess} px too wide`)
      }
    }
    expect(overflowing).toEqual([])
    expect(problems).toEqual([])
  })

  it("has no horizontal overflow on the start, validation, sign-in and not-found pages", async () => {
    const overflowing: Array<string> = []
    for (const path of ["/", "/validate", "/sign-in", "/no-such-page"]) {
      await page.setViewportSize({ width: 390, height: 900 })
      await open(page, `${site.url}${path}`)
      for (const width of [390, 1280]) {
        const excess = await overflowAt(page, width)
        if (excess > 0) overflowing.push(`${path} at ${width} px: ${excess} px too wide`)
      }
    }
    expect(overflowing).toEqual([])
  })
})
