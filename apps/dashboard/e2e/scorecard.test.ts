/**
 * The scorecard in a real browser against the real API: the number on screen is the API's, suppression reads as `c`
 * with its explanation, the year/audience form works from the keyboard, and every page is axe-clean and fits a phone.
 */
import { Benchmark } from "@cpo/domain"
import type { Page } from "playwright-core"
import { beforeAll, describe, expect, it } from "vitest"
import { councilA } from "./fixtures.ts"
import { accessibilityViolations, patient, screenshots, useSite } from "./harness.ts"

interface ApiScorecard {
  readonly indicators: ReadonlyArray<{ readonly id: string; readonly display: string; readonly value: number | null }>
}

describe("scorecard", () => {
  const site = useSite()
  let page: Page
  beforeAll(() => {
    page = site.page
  })

  const figure = (id: string) => page.locator(`[data-indicator="${id}"] [data-figure]`)

  it("lists the councils on the start page, axe-clean", async () => {
    await page.goto(`${site.url}/`)
    await expect.poll(() => page.getByRole("link", { name: "Fake Borough A" }).count(), patient).toBe(1)
    expect(await page.getByRole("link", { name: "Fake Borough B" }).count()).toBe(1)
    expect(await page.title()).toBe("Councils – Corporate Parenting Oversight")
    expect(await accessibilityViolations(page)).toEqual([])
    expect(await screenshots(page, "home")).toEqual([
      { width: 1280, overflows: false },
      { width: 390, overflows: false }
    ])
  })

  it("shows the API's cla_31_march for the newest year, with a trend across years", async () => {
    const api = (await (
      await fetch(`${site.url}/v1/councils/${councilA.id}/indicators?year=2018&audience=officer`)
    ).json()) as ApiScorecard
    const expected = api.indicators.find((i) => i.id === "cla_31_march")
    expect(expected?.display).toBe("4")

    await page.getByRole("link", { name: "Fake Borough A" }).click()
    await page.waitForURL(/\/councils\/fake-borough-a\/scorecard$/)
    await figure("cla_31_march").waitFor()
    expect(await figure("cla_31_march").textContent()).toBe(expected?.display)
    expect(await page.getByRole("heading", { level: 1 }).textContent()).toBe("Fake Borough AScorecard")
    expect(await page.getByLabel("Year ending 31 March").inputValue()).toBe("2018")
    // Every indicator the API sent is on screen.
    expect(await page.locator("[data-indicator]").count()).toBe(api.indicators.length)
    // 2017 and 2018 both exist, so the card carries a chart named for the indicator, and its table alternative.
    const chart = page.getByRole("img", { name: /Trend: Children looked after at 31 March/ })
    await chart.waitFor()
    expect(await chart.getAttribute("aria-labelledby")).not.toBeNull()
    const card = page.locator('[data-indicator="cla_31_march"]')
    await card.getByText("Show the trend as a table").click()
    const rows = await card.locator("table tbody tr").allTextContents()
    expect(rows).toEqual(["2016/171", "2017/184"])
    // The whole scorecard as one table, for comparing indicators and for screen readers.
    await page.getByText("Show every indicator in one table").click()
    const table = page.getByRole("table", { name: "Scorecard 2017/18" })
    expect(await table.locator("tbody tr").count()).toBe(api.indicators.length)
    const claRow = table.locator("tbody tr").filter({ hasText: "Children looked after at 31 March" }).first()
    expect(await claRow.locator("td").first().textContent()).toBe(expected?.display)
    expect(await accessibilityViolations(page)).toEqual([])
    expect(await screenshots(page, "scorecard")).toEqual([
      { width: 1280, overflows: false },
      { width: 390, overflows: false }
    ])
  })

  it("switches to the members' view from the keyboard and explains the suppressed c", async () => {
    await page.goto(`${site.url}/councils/${councilA.id}/scorecard?year=2018`)
    await figure("cla_31_march").waitFor()
    // The priority filter follows the audience once the strategy has loaded.
    await page.getByLabel("Priority", { exact: true }).waitFor()
    await page.getByLabel("Show figures for").focus()
    await page.keyboard.press("ArrowDown") // officer → member
    await page.keyboard.press("Tab") // the priority filter
    await page.keyboard.press("Tab")
    await page.keyboard.press("Enter")
    await page.waitForURL(/audience=member/)
    await expect.poll(() => figure("cla_31_march").textContent(), patient).toBe("c")
    const card = page.locator('[data-indicator="cla_31_march"]')
    expect(await card.getByText("Suppressed to protect confidentiality", { exact: false }).count()).toBe(1)
    expect(await accessibilityViolations(page)).toEqual([])
  })

  it("filters the scorecard to a priority's indicators and compares with England's published figure", async () => {
    await page.goto(`${site.url}/councils/${councilA.id}/scorecard?year=2018`)
    await figure("cla_31_march").waitFor()
    const all = await page.locator("[data-indicator]").count()
    await page.getByLabel("Priority", { exact: true }).selectOption({ label: "Fake priority 1" })
    await page.getByRole("button", { name: "Show scorecard" }).click()
    await page.waitForURL(/priority=P1/)
    await expect.poll(() => page.locator("[data-indicator]").count(), patient).toBe(1)
    expect(all).toBeGreaterThan(1)
    expect(await page.getByRole("heading", { level: 2 }).first().textContent()).toContain("for “Fake priority 1”")
    const england = Benchmark.valuesFor(Benchmark.englandDefaults, "cla_31_march", 2018).england
    expect(england).toBeDefined()
    const card = page.locator('[data-indicator="cla_31_march"]')
    expect(
      await card.locator("dt", { hasText: "England" }).locator("xpath=following-sibling::dd[1]").textContent()
    ).toBe(new Intl.NumberFormat("en-GB").format(england ?? 0))
    expect(await accessibilityViolations(page)).toEqual([])
    await page.getByLabel("Priority", { exact: true }).selectOption({ label: "All indicators" })
    await page.getByRole("button", { name: "Show scorecard" }).click()
    await expect.poll(() => page.locator("[data-indicator]").count(), patient).toBe(all)
  })

  it("says plainly when the council does not exist, axe-clean", async () => {
    await page.goto(`${site.url}/councils/no-such-council/scorecard`)
    const summary = page.getByRole("alert")
    await summary.waitFor()
    expect(await summary.textContent()).toContain("There is no council “no-such-council” that you can see.")
    expect(await accessibilityViolations(page)).toEqual([])
  })

  it("answers an unknown address with a page-not-found page, axe-clean", async () => {
    await page.goto(`${site.url}/no/such/page`)
    await page.getByRole("heading", { name: "Page not found" }).waitFor()
    expect(await accessibilityViolations(page)).toEqual([])
  })
})
