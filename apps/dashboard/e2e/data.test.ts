/**
 * The Data page's upload flow, from the keyboard, against the real API: a synthetic 2019 return with an injected
 * error is checked and its errors are listed (filterable, as many as the API reports); the clean files are then
 * checked and imported, and the scorecard shows the new year's figures.
 */
import { Synth } from "@cpo/synth"
import type { Page } from "playwright-core"
import { beforeAll, describe, expect, it } from "vitest"
import { councilB } from "./fixtures.ts"
import { accessibilityViolations, screenshots, tabTo, useSite } from "./harness.ts"

const children = 30
const generated = Synth.generate({ seed: 11, council: councilB.name, children, years: { from: 2019, to: 2019 } })
const clean = Synth.toCsvFiles(generated.returns[0] as (typeof generated.returns)[number]).map((f) => ({
  name: f.name,
  mimeType: "text/csv",
  buffer: Buffer.from(f.content)
}))

/** The same files with one child's SEX (line 3 of header.csv) made unreadable. */
const withError = clean.map((f) => {
  if (f.name !== "header.csv") return f
  const lines = f.buffer.toString("utf8").split("\n")
  const header = (lines[0] ?? "").split(",")
  const sex = header.indexOf("SEX")
  const row = (lines[2] ?? "").split(",")
  row[sex] = "7"
  lines[2] = row.join(",")
  return { ...f, buffer: Buffer.from(lines.join("\n")) }
})

describe("uploading a return", () => {
  const site = useSite({ store: { withSynthetic: false } })
  let page: Page
  beforeAll(() => {
    page = site.page
  })

  const apiErrorCount = async (files: typeof clean): Promise<number> => {
    const form = new FormData()
    for (const f of files) form.append("files", new Blob([f.buffer], { type: f.mimeType }), f.name)
    const res = await fetch(`${site.url}/v1/councils/${councilB.id}/returns/2019/validation`, {
      method: "POST",
      body: form
    })
    expect(res.status).toBe(200)
    return ((await res.json()) as { errors: ReadonlyArray<unknown> }).errors.length
  }

  /**
   * Tab to the year, type it, Tab to the files, then Tab to the check button and press Enter: keyboard only (the file
   * picker itself is the browser's own dialog, so the files are set on the focused field).
   */
  const check = async (files: typeof clean) => {
    await tabTo(page, page.getByLabel("Year ending 31 March"))
    await page.keyboard.press("Control+A")
    await page.keyboard.type("2019")
    await page.keyboard.press("Tab")
    expect(await page.getByLabel("903 files").evaluate((el) => el === document.activeElement)).toBe(true)
    await page.getByLabel("903 files").setInputFiles(files)
    await page.keyboard.press("Tab")
    await page.keyboard.press("Enter")
  }

  it("asks for the files before checking anything", async () => {
    await page.goto(`${site.url}/councils/${councilB.id}/data`)
    await page.getByRole("heading", { name: "Upload a return" }).waitFor()
    await page.getByRole("button", { name: "Check the files" }).click()
    const summary = page.getByRole("alert")
    await summary.waitFor()
    expect(await summary.getByRole("link").allTextContents()).toEqual(["Choose the 903 files to upload"])
    expect(await accessibilityViolations(page)).toEqual([])
  })

  it("lists the errors of a return with an injected error, as many as the API finds, filterable by rule", async () => {
    const expected = await apiErrorCount(withError)
    const baseline = await apiErrorCount(clean)
    expect(expected).toBeGreaterThan(baseline)

    await check(withError)
    const heading = page.locator("#report-heading")
    await heading.waitFor()
    expect(await heading.textContent()).toBe(`${expected} ${expected === 1 ? "error" : "errors"} found`)
    const row = page.getByRole("row").filter({ hasText: "header.csv: 3" })
    expect(await row.count()).toBeGreaterThan(0)
    const rule = (await row.first().locator("th").textContent()) ?? ""

    await page.getByLabel("Rule").selectOption(rule)
    await page.getByRole("button", { name: "Apply filters" }).press("Enter")
    const ofRule = await page.getByRole("table", { name: "Validation errors" }).locator("tbody th").allTextContents()
    expect(ofRule.length).toBeGreaterThan(0)
    expect(ofRule.every((code) => code === rule)).toBe(true)
    expect(await page.locator("[data-error-count]").textContent()).toMatch(
      new RegExp(`^Showing ${ofRule.length} of ${ofRule.length} errors?( \\(${expected} in all\\))?\\.`)
    )
    expect(await page.getByRole("link", { name: "Download all errors (CSV)" }).getAttribute("download")).toBe(
      "903-validation-errors-2019.csv"
    )
    expect(await accessibilityViolations(page)).toEqual([])
    expect(await screenshots(page, "data-errors")).toEqual([
      { width: 1280, overflows: false },
      { width: 390, overflows: false }
    ])
  })

  it("checks and imports the corrected files, and the scorecard shows the new year", async () => {
    const expected = await apiErrorCount(clean)
    await page.reload()
    await check(clean)
    const heading = page.locator("#report-heading")
    await heading.waitFor()
    expect(await heading.textContent()).toBe(
      expected === 0 ? "No errors found" : `${expected} ${expected === 1 ? "error" : "errors"} found`
    )
    await tabTo(page, page.getByRole("button", { name: /^Import (the return|with errors)$/ }))
    await page.keyboard.press("Enter")
    const done = page.locator("[data-imported]")
    await done.waitFor()
    expect(await done.getByRole("heading").textContent()).toBe("Return imported")
    const imported = generated.returns[0]
    expect(await done.textContent()).toContain(
      `The 2018/19 return is now current: ${imported?.children.length} children, ${imported?.episodes.length} episodes.`
    )
    expect(await page.getByRole("table", { name: "2 imports of 903 returns" }).count()).toBe(1)
    expect(await accessibilityViolations(page)).toEqual([])

    await done.getByRole("link", { name: "See the scorecard for 2018/19" }).press("Enter")
    const figure = page.locator('[data-indicator="cla_31_march"] [data-figure]')
    await figure.waitFor()
    expect(await figure.textContent()).toBe(String(children))
    expect(await page.getByLabel("Year ending 31 March").inputValue()).toBe("2019")
  })
})
