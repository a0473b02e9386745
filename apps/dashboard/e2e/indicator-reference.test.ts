/**
 * The administrator uploads the council's targets and benchmarks files on the admin page: a bad file is refused with
 * the line to fix in the error summary and nothing stored, a good one is confirmed, and the scorecard then shows each
 * indicator's target, RAG, last year's value and direction of travel and the council's comparators. Axe-clean.
 */
import { issueToken } from "@cpo/api"
import type { Page } from "playwright-core"
import { beforeAll, describe, expect, it } from "vitest"
import { councilA } from "./fixtures.ts"
import { accessibilityViolations, patient, useSite } from "./harness.ts"

const secret = "a-test-secret-for-the-dashboard-reference-tests-only"

describe("targets and benchmarks on the admin page", () => {
  const site = useSite({ store: { withSynthetic: false }, jwtSecret: secret })
  let page: Page
  beforeAll(() => {
    page = site.page
  })

  const signIn = async (role: "admin" | "officer") => {
    const token = await issueToken({
      secret,
      subject: `${role}@fake-borough-a.test`,
      role,
      councils: [councilA.id],
      expiresIn: "1h"
    })
    await site.signIn(token)
  }

  const upload = async (list: "Targets" | "Benchmarks", name: string, text: string) => {
    const form = page.getByRole("form", { name: "Upload targets or benchmarks" })
    await form.getByLabel(list, { exact: true }).check()
    await form.getByLabel("CSV file").setInputFiles({ name, mimeType: "text/csv", buffer: Buffer.from(text) })
    await form.getByRole("button", { name: "Upload" }).focus()
    await page.keyboard.press("Enter")
  }

  it("refuses a bad file naming its line, stores a good one, and the scorecard shows target, RAG and comparators", async () => {
    await signIn("admin")
    await page.goto(`${site.url}/councils/${councilA.id}/admin`)
    await page.getByRole("heading", { name: "Targets and benchmarks", level: 2 }).waitFor(patient)

    await upload("Targets", "targets.csv", "indicator,year,target\nplaced_foster_pct,2018,eighty\n")
    const alert = page.getByRole("alert")
    await expect.poll(() => alert.textContent(), patient).toContain("line 2, column target")
    expect(await alert.textContent()).toContain("The file was not stored")
    expect(await accessibilityViolations(page)).toEqual([])

    await upload("Targets", "targets.csv", "indicator,year,target,tolerance\nplaced_foster_pct,2018,80,10\n")
    const stored = page.locator("[data-reference-stored]")
    await expect.poll(() => stored.textContent(), patient).toContain("Targets stored: the council now has 1.")
    expect(await page.getByRole("alert").count()).toBe(0)
    await upload("Benchmarks", "benchmarks.csv", "indicator,year,comparator,value\nplaced_foster_pct,2018,region,71\n")
    await expect.poll(() => stored.textContent(), patient).toContain("Benchmarks stored: the council now has 1.")
    expect(await accessibilityViolations(page)).toEqual([])

    // An officer reads the scorecard (an administrator sees no figures). Fake Borough A fostered 3 of its 4 children
    // on 31 March 2018 (75 %: amber against 80 with 10 of tolerance); its 2017 return gives last year's value.
    await page.getByRole("button", { name: "Sign out" }).click()
    await signIn("officer")
    await page.goto(`${site.url}/councils/${councilA.id}/scorecard?year=2018`)
    const card = page.locator('[data-indicator="placed_foster_pct"]')
    await card.waitFor(patient)
    expect(await card.locator(".tag").textContent()).toContain("Amber: close to target")
    const rows = Object.fromEntries(
      await card
        .locator("dl dt")
        .evaluateAll((terms) => terms.map((dt) => [dt.textContent ?? "", dt.nextElementSibling?.textContent ?? ""]))
    )
    expect(rows).toMatchObject({ Target: "80%", Region: "71%", England: "73%" })
    expect(rows).toHaveProperty("Last year")
    expect(rows).toHaveProperty("Direction")
    expect(await accessibilityViolations(page)).toEqual([])
  })
})
