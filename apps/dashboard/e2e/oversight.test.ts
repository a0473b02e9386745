/**
 * The oversight pages, walked once with one API and one browser: the public local offer (no token), an officer
 * taking a new version of the offer from draft to published and comparing it with the last, and a member who sees
 * the offer but none of its management. Each page matches the API, is axe-clean and is screenshot at 1280 and
 * 390 px without horizontal overflow.
 */
import { issueToken } from "@cpo/api"
import type { Page } from "playwright-core"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { councilA, makeRuntime } from "./fixtures.ts"
import {
  accessibilityViolations,
  type Browser,
  launchBrowser,
  patient,
  type Site,
  screenshots,
  startSite
} from "./harness.ts"

const secret = "a-test-secret-for-the-dashboard-oversight-tests-only"

const tokenFor = (role: "member" | "officer") =>
  issueToken({ secret, subject: `${role}@fake-borough-a.test`, role, councils: [councilA.id], expiresIn: "1h" })

interface PublishedOfferJson {
  readonly version: number
  readonly areas: ReadonlyArray<{ readonly area: string; readonly entitlements: ReadonlyArray<string> }>
  readonly entitlements: ReadonlyArray<{
    readonly id: string
    readonly title: string
    readonly amountNow: string | null
  }>
}

const noOverflow = [
  { width: 1280, overflows: false },
  { width: 390, overflows: false }
]

describe("oversight pages", () => {
  let site: Site
  let browser: Browser
  let page: Page

  beforeAll(async () => {
    site = await startSite(await makeRuntime({ withSynthetic: false }), { jwtSecret: secret })
    browser = await launchBrowser()
    page = await browser.context.newPage()
  })

  afterAll(async () => {
    await browser?.close()
    await site?.close()
  })

  const offerPath = `/councils/${councilA.id}/offer`
  const publishedOffer = async (): Promise<PublishedOfferJson> =>
    (await (await fetch(`${site.url}/v1/councils/${councilA.id}/offer`)).json()) as PublishedOfferJson

  const signIn = async (role: "member" | "officer") => {
    await page.goto(`${site.url}/sign-in`)
    await page.getByLabel("Access token").focus()
    await page.keyboard.insertText(await tokenFor(role))
    await page.keyboard.press("Enter")
    await page.getByRole("heading", { name: "Councils", level: 1 }).waitFor()
  }

  it("shows anyone the published offer by statutory area, without a token", async () => {
    const api = await publishedOffer()
    await page.goto(`${site.url}${offerPath}`)
    await page.getByRole("heading", { name: /Local offer for care leavers/, level: 1 }).waitFor()
    await page.locator("[data-entitlement]").first().waitFor()
    const areas = api.areas.filter((a) => a.entitlements.length > 0)
    expect(
      await page.locator("[data-area]").evaluateAll((els) => els.map((el) => el.getAttribute("data-area")))
    ).toEqual(areas.map((a) => a.area))
    for (const area of areas) {
      const section = page.locator(`[data-area="${area.area}"]`)
      expect(
        await section
          .locator("[data-entitlement]")
          .evaluateAll((els) => els.map((el) => el.getAttribute("data-entitlement")))
      ).toEqual(area.entitlements)
    }
    for (const entitlement of api.entitlements) {
      const amount = page.locator(`[data-entitlement="${entitlement.id}"] [data-amount]`).first()
      expect(await amount.textContent()).toBe(entitlement.amountNow ?? "No set amount")
    }
    expect(await page.getByRole("heading", { name: "Versions of the offer" }).count()).toBe(0)
    expect(await page.getByRole("link", { name: "Sign in" }).count()).toBe(1)
    expect(await accessibilityViolations(page)).toEqual([])
    expect(await screenshots(page, "offer-public")).toEqual(noOverflow)
  })

  it("lets an officer take a new version from draft to published, then compare it with the last", async () => {
    await signIn("officer")
    await page.goto(`${site.url}${offerPath}`)
    const versions = page.getByRole("table", { name: "1 version of the offer" })
    await versions.waitFor()
    expect(await versions.locator("tbody th").allTextContents()).toEqual(["1"])

    const draft = page.getByRole("form", { name: "Start a new version" })
    await draft.getByLabel("Title").fill("Fake Borough A offer, revised")
    await draft.getByRole("button", { name: "Start a draft" }).click()
    await page.getByRole("heading", { name: "Version 2 is a draft" }).waitFor()

    // A consultation with nobody named is refused before it is sent, with the summary linked to the field.
    const consult = page.getByRole("form", { name: "Record a consultation" })
    await consult.getByRole("button", { name: "Record the consultation" }).click()
    const summary = consult.getByRole("alert")
    await summary.waitFor()
    expect(await summary.getByRole("link").allTextContents()).toEqual([
      "Enter who was consulted",
      "Enter what was said"
    ])
    expect(await summary.getByRole("link").first().getAttribute("href")).toBe("#consulted-with")
    expect(await consult.getByLabel("Who was consulted").getAttribute("aria-invalid")).toBe("true")
    expect(await accessibilityViolations(page)).toEqual([])
    expect(await screenshots(page, "offer-draft")).toEqual(noOverflow)

    await consult.getByLabel("Who was consulted").fill("the fake care leavers' forum")
    await consult.getByLabel("What was said").fill("Keep the birthday money; explain deposits more plainly.")
    await consult.getByRole("button", { name: "Record the consultation" }).click()
    await page.getByText("the fake care leavers' forum (care leavers took part)").waitFor()

    await page.getByRole("button", { name: "Approve version 2" }).click()
    await page.getByRole("heading", { name: "Version 2 is approved" }).waitFor()
    const publish = page.getByRole("form", { name: "Publish the approved version" })
    await publish.getByLabel("Takes effect on").fill("2026-02-30")
    await publish.getByRole("button", { name: "Publish version 2" }).click()
    await publish.getByRole("alert").waitFor()
    expect(await publish.getByRole("alert").textContent()).toContain("must be a real date")
    await publish.getByLabel("Takes effect on").fill("2026-01-01")
    await publish.getByRole("button", { name: "Publish version 2" }).click()

    const both = page.getByRole("table", { name: "2 versions of the offer" })
    await both.waitFor()
    await expect.poll(() => both.locator("tbody tr").first().textContent(), patient).toContain("Published")
    await expect.poll(() => page.locator("p.lead").textContent(), patient).toBe("Fake Borough A offer, revised")
    expect((await publishedOffer()).version).toBe(2)

    await page.getByRole("button", { name: "Compare" }).click()
    const diff = page.locator('[data-diff="1-2"]')
    await diff.waitFor()
    expect(await diff.getByRole("status").textContent()).toBe(
      "From version 1 to version 2: 0 added, 0 removed, 0 changed; the title changed."
    )
    expect(await accessibilityViolations(page)).toEqual([])
    expect(await screenshots(page, "offer-officer")).toEqual(noOverflow)
  })

  it("shows a member the offer and none of its management", async () => {
    await page.getByRole("button", { name: "Sign out" }).click()
    await signIn("member")
    await page.getByRole("link", { name: "Fake Borough A" }).click()
    const nav = page.getByRole("navigation", { name: "Council pages" })
    await nav.getByRole("link", { name: "Local offer" }).click()
    await page.locator("[data-entitlement]").first().waitFor()
    expect(await page.getByRole("heading", { name: "Versions of the offer" }).count()).toBe(0)
    expect(await page.getByRole("button", { name: /Publish|Approve|Start a draft/ }).count()).toBe(0)
    expect(await accessibilityViolations(page)).toEqual([])
  })
})
