/**
 * The cohort explorer against the real API on a synthetic council: the breakdown on screen (chart description and
 * table) is the API's document, an unsupported breakdown is explained in an error summary, and the page is axe-clean
 * and fits a phone.
 */
import type { Cohort } from "@cpo/domain"
import type { Page } from "playwright-core"
import { beforeAll, describe, expect, it } from "vitest"
import { synthetic } from "./fixtures.ts"
import { accessibilityViolations, screenshots, useSite } from "./harness.ts"

describe("cohort explorer", () => {
  const site = useSite()
  let page: Page
  beforeAll(() => {
    page = site.page
  })

  const api = async (query: string): Promise<Cohort.Document> =>
    (await (await fetch(`${site.url}/v1/councils/${synthetic.id}/cohorts?${query}`)).json()) as Cohort.Document

  it("shows children looked after at 31 March by age band, as the API counts them", async () => {
    const expected = await api("year=2026&cohort=cla_31_march&by=age_band&audience=officer")
    expect(expected.total).toBe(120)

    await page.goto(`${site.url}/councils/${synthetic.id}/scorecard`)
    await page.getByRole("navigation", { name: "Council pages" }).getByRole("link", { name: "Cohorts" }).click()
    const table = page.getByRole("table", { name: "Looked after at 31 March, 2025/26, by age band" })
    await table.waitFor()
    expect(await page.locator("[data-total]").textContent()).toBe("120 children in total")
    const counts = await table.locator("tbody td:nth-child(2)").allTextContents()
    expect(counts).toEqual(expected.groups.map((g) => String(g.count)))
    expect(counts.map(Number).reduce((a, b) => a + b, 0)).toBe(120)
    const chart = page.getByRole("img", { name: "Looked after at 31 March, 2025/26, by age band" })
    expect(await chart.count()).toBe(1)
    expect(await accessibilityViolations(page)).toEqual([])
    expect(await screenshots(page, "cohorts")).toEqual([
      { width: 1280, overflows: false },
      { width: 390, overflows: false }
    ])
  })

  it("breaks children who started in an earlier year down by placement type, with DfE labels", async () => {
    const expected = await api("year=2025&cohort=started&by=placement&audience=officer")
    await page.getByLabel("Year ending 31 March").selectOption("2025")
    await page.getByLabel("Children", { exact: true }).selectOption("started")
    await page.getByLabel("Break down by").selectOption("placement")
    await page.getByRole("button", { name: "Show cohort" }).click()
    const table = page.getByRole("table", {
      name: "Started to be looked after in the year, 2024/25, by placement type"
    })
    await table.waitFor()
    expect(await page.locator("[data-total]").textContent()).toBe(`${expected.total} children in total`)
    const labels = await table.locator("tbody th").allTextContents()
    expect(labels.length).toBe(expected.groups.length)
    // Codes read with their DfE label, e.g. "U3: Foster placement with other foster carer - long term fostering".
    expect(labels.every((l) => /^[A-Z][A-Z0-9]{1,2}: \S/.test(l))).toBe(true)
    expect(await accessibilityViolations(page)).toEqual([])
  })

  it("explains a breakdown the cohort does not support, linked to the field", async () => {
    await page.getByLabel("Children", { exact: true }).selectOption("care_leavers")
    await page.getByLabel("Break down by").selectOption("placement")
    await page.getByRole("button", { name: "Show cohort" }).click()
    const summary = page.getByRole("alert")
    await summary.waitFor()
    expect(await summary.getByRole("link").textContent()).toContain(
      "Care leavers aged 16 to 20 cannot be broken down by placement type"
    )
    expect(await summary.getByRole("link").getAttribute("href")).toBe("#by")
    expect(await page.title()).toMatch(/^Error: Cohorts/)
    expect(await accessibilityViolations(page)).toEqual([])
  })
})
