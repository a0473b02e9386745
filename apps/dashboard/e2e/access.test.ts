/**
 * Signing in with a token, and what each role is shown: without the demo's open reads the dashboard asks for a
 * token, explains a bad one with an error summary, shows a member suppressed figures and no Data page (the API
 * refuses it too), and shows an officer the history of returns. Each page is axe-clean.
 */
import { issueToken } from "@cpo/api"
import type { Page } from "playwright-core"
import { beforeAll, describe, expect, it } from "vitest"
import { councilA, memberPages } from "./fixtures.ts"
import { accessibilityViolations, patient, screenshots, useSite } from "./harness.ts"

const secret = "a-test-secret-for-the-dashboard-browser-tests-only"

const tokenFor = (role: "member" | "officer" | "admin") =>
  issueToken({ secret, subject: `${role}@fake-borough-a.test`, role, councils: [councilA.id], expiresIn: "1h" })

describe("signing in and roles", () => {
  const site = useSite({ store: { withSynthetic: false }, jwtSecret: secret })
  let page: Page
  beforeAll(() => {
    page = site.page
  })

  const signIn = async (token: string) => {
    await page.goto(`${site.url}/sign-in`)
    await page.getByLabel("Access token").focus()
    await page.keyboard.insertText(token)
    await page.keyboard.press("Enter")
  }

  it("asks for a token when the API needs one", async () => {
    await page.goto(`${site.url}/`)
    const summary = page.getByRole("alert")
    await summary.waitFor()
    expect(await summary.textContent()).toContain("You need to sign in to see this")
    await summary.getByRole("link", { name: "Sign in with your access token" }).click()
    await page.getByRole("heading", { name: "Sign in", level: 1 }).waitFor()
    expect(await accessibilityViolations(page)).toEqual([])
  })

  it("explains an empty or malformed token with an error summary linked to the field", async () => {
    await page.goto(`${site.url}/sign-in`)
    await page.getByRole("button", { name: "Sign in" }).click()
    const summary = page.getByRole("alert")
    await summary.waitFor()
    expect(await summary.getByRole("link").textContent()).toBe("Enter your access token")
    expect(await summary.getByRole("link").getAttribute("href")).toBe("#token")
    expect(await page.title()).toBe("Error: Sign in – Corporate Parenting Oversight")
    expect(await page.getByLabel("Access token").getAttribute("aria-invalid")).toBe("true")
    expect(await accessibilityViolations(page)).toEqual([])
    expect(await screenshots(page, "sign-in-error")).toEqual([
      { width: 1280, overflows: false },
      { width: 390, overflows: false }
    ])
    await signIn("not-a-token")
    await expect
      .poll(() => page.getByRole("alert").getByRole("link").textContent(), patient)
      .toBe("The access token is not in the right form: copy it again, all of it")
  })

  it("shows a member suppressed figures and no Data page", async () => {
    await signIn(await tokenFor("member"))
    await page.getByRole("link", { name: "Fake Borough A" }).click()
    const figure = page.locator('[data-indicator="cla_31_march"] [data-figure]')
    await figure.waitFor()
    expect(await figure.textContent()).toBe("c")
    const nav = page.getByRole("navigation", { name: "Council pages" })
    expect(await nav.getByRole("link").allTextContents()).toEqual(memberPages)
    expect(await page.getByText("member@fake-borough-a.test (member)").count()).toBe(1)
    expect(await accessibilityViolations(page)).toEqual([])
    // Typing the address does not get past the API either.
    await page.goto(`${site.url}/councils/${councilA.id}/data`)
    const summary = page.getByRole("alert")
    await summary.waitFor()
    expect(await summary.textContent()).toContain("Your account cannot see this")
  })

  it("shows an officer the returns imported, after signing out and in again", async () => {
    await page.goto(`${site.url}/`)
    await page.getByRole("button", { name: "Sign out" }).click()
    await page.getByRole("heading", { name: "Sign in", level: 1 }).waitFor()
    await signIn(await tokenFor("officer"))
    await page.getByRole("link", { name: "Fake Borough A" }).click()
    await page.getByRole("navigation", { name: "Council pages" }).getByRole("link", { name: "Data" }).click()
    const table = page.getByRole("table", { name: "2 imports of 903 returns" })
    await table.waitFor()
    const years = await table.locator("tbody th").allTextContents()
    expect(years).toEqual(["2017/18", "2016/17"])
    expect(await table.getByText("Current").count()).toBe(2)
    expect(await accessibilityViolations(page)).toEqual([])
    expect(await screenshots(page, "data")).toEqual([
      { width: 1280, overflows: false },
      { width: 390, overflows: false }
    ])
  })

  it("shows an administrator the audit log, and no Data import form", async () => {
    const token = await tokenFor("admin")
    const api = (await (
      await fetch(`${site.url}/v1/councils/${councilA.id}/audit`, { headers: { authorization: `Bearer ${token}` } })
    ).json()) as { entries: ReadonlyArray<unknown> }
    await page.goto(`${site.url}/`)
    await page.getByRole("button", { name: "Sign out" }).click()
    await signIn(token)
    await page.getByRole("link", { name: "Fake Borough A" }).click()
    const nav = page.getByRole("navigation", { name: "Council pages" })
    await nav.getByRole("link", { name: "Admin" }).waitFor()
    expect(await nav.getByRole("link").allTextContents()).toEqual([
      "Priorities",
      "Governance",
      "Pledges",
      "Data",
      "Local offer",
      "Admin"
    ])
    await nav.getByRole("link", { name: "Admin" }).click()
    await page.getByRole("link", { name: "Open the audit log" }).click()
    await page.getByRole("heading", { name: /Audit log/, level: 1 }).waitFor()
    if (api.entries.length === 0) {
      await page.getByText("No child-level data has been accessed for this council yet.").waitFor()
    } else {
      const caption = `${api.entries.length} ${api.entries.length === 1 ? "entry" : "entries"}`
      const table = page.getByRole("table", { name: caption })
      await table.waitFor()
      expect(await table.locator("tbody tr").count()).toBe(api.entries.length)
    }
    expect(await accessibilityViolations(page)).toEqual([])
    await nav.getByRole("link", { name: "Data" }).click()
    await page.getByRole("heading", { name: "Returns imported" }).waitFor()
    expect(await page.getByRole("heading", { name: "Upload a return" }).count()).toBe(0)
  })
})
