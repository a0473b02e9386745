/**
 * The oversight pages, walked once with one API and one browser: the public local offer (no token), an officer
 * taking a new version of the offer from draft to published and comparing it with the last, and a member who sees
 * the offer but none of its management. Each page matches the API, is axe-clean and is screenshot at 1280 and
 * 390 px without horizontal overflow.
 */
import { issueToken } from "@cpo/api"
import type { Locator, Page } from "playwright-core"
import { beforeAll, describe, expect, it } from "vitest"
import { councilA, memberPages } from "./fixtures.ts"
import { accessibilityViolations, patient, screenshots, tabTo, useSite } from "./harness.ts"

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

/** A part of the page below the first screens, at both widths. */
const sectionShots = async (section: Locator, name: string) => {
  const page = section.page()
  for (const width of [1280, 390]) {
    await page.setViewportSize({ width, height: 900 })
    await section.screenshot({ path: `/tmp/cpo-dashboard-${name}-${width}.png` })
  }
  await page.setViewportSize({ width: 1280, height: 900 })
}

describe("oversight pages", () => {
  const site = useSite({ store: { withSynthetic: false }, jwtSecret: secret })
  let page: Page
  beforeAll(() => {
    page = site.page
  })

  const offerPath = `/councils/${councilA.id}/offer`
  const publishedOffer = async (): Promise<PublishedOfferJson> =>
    (await (await fetch(`${site.url}/v1/councils/${councilA.id}/offer`)).json()) as PublishedOfferJson

  const signIn = async (role: "member" | "officer") => site.signIn(await tokenFor(role))

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
    await sectionShots(page.locator(".offer-management"), "offer-management")
  })

  it("shows an officer the year's take-up exactly, as the API counts it", async () => {
    const officer = { authorization: `Bearer ${await tokenFor("officer")}`, "content-type": "application/json" }
    const entitlement = (await publishedOffer()).entitlements[0]
    if (entitlement === undefined) throw new Error("the demo offer has no entitlement")
    for (const record of [
      { stage: "applied", on: "2018-01-08" },
      { stage: "awarded", on: "2018-01-10" },
      { stage: "paid", on: "2018-01-12", pence: 5000 }
    ]) {
      const res = await fetch(`${site.url}/v1/councils/${councilA.id}/takeup`, {
        method: "POST",
        headers: officer,
        body: JSON.stringify({ entitlementId: entitlement.id, childId: "FA1", ...record })
      })
      expect(res.status).toBe(201)
    }
    await page.getByRole("navigation", { name: "Council pages" }).getByRole("link", { name: "Take-up" }).click()
    const form = page.getByRole("form", { name: "Choose the year and grouping" })
    await form.getByLabel("Year ending 31 March").selectOption("2018")
    await form.getByRole("button", { name: "Show take-up" }).click()
    const table = page.getByRole("table", { name: "Take-up in 2017/18 by entitlement" })
    await table.waitFor()
    const row = table.locator("tbody tr").first()
    expect(await row.locator("th, td").allTextContents()).toEqual([
      entitlement.title,
      "1",
      "1",
      "1",
      "1",
      "£50.00",
      "0",
      "0"
    ])
    expect(await accessibilityViolations(page)).toEqual([])
    expect(await screenshots(page, "take-up")).toEqual(noOverflow)
  })

  it("answers an officer what the offer gives one young person on a day, as the API does", async () => {
    const officer = { authorization: `Bearer ${await tokenFor("officer")}` }
    const api = (await (
      await fetch(`${site.url}/v1/councils/${councilA.id}/entitlements/FA1?on=2018-03-31`, { headers: officer })
    ).json()) as { readonly assessments: ReadonlyArray<{ readonly applies: boolean; readonly inForce: boolean }> }
    await page.getByRole("navigation", { name: "Council pages" }).getByRole("link", { name: "Entitlements" }).click()
    const form = page.getByRole("form", { name: "Choose the young person and day" })
    await form.getByLabel("Young person's id").focus()
    await page.keyboard.press("Enter")
    const summary = page.getByRole("alert")
    await summary.waitFor()
    expect(await summary.getByRole("link").getAttribute("href")).toBe("#child")
    await form.getByLabel("Young person's id").fill("FA1")
    await form.getByLabel("On", { exact: true }).fill("2018-03-31")
    await form.getByRole("button", { name: "Show entitlements" }).click()
    await page.locator('[data-child="FA1"]').waitFor()
    const applying = api.assessments.filter((a) => a.applies).length
    const notApplying = api.assessments.filter((a) => !a.applies && a.inForce).length
    if (applying > 0) {
      const caption = `${applying} ${applying === 1 ? "entitlement applies" : "entitlements apply"}`
      expect(await page.getByRole("table", { name: caption }).locator("tbody tr").count()).toBe(applying)
    } else {
      await page.getByText("No entitlement of the offer applies to this young person on this day.").waitFor()
    }
    const caption = `${notApplying} ${notApplying === 1 ? "entitlement does" : "entitlements do"} not apply`
    expect(await page.getByRole("table", { name: caption }).locator("tbody tr").count()).toBe(notApplying)
    expect(await accessibilityViolations(page)).toEqual([])
    expect(await screenshots(page, "entitlements")).toEqual(noOverflow)
  })

  it("previews the member report the API builds and downloads it as HTML and Markdown", async () => {
    const officer = { authorization: `Bearer ${await tokenFor("officer")}` }
    const reportPath = `${site.url}/v1/councils/${councilA.id}/reports/member?year=2018&audience=member`
    const html = await (await fetch(`${reportPath}&format=html`, { headers: officer })).text()
    const markdown = await (await fetch(`${reportPath}&format=md`, { headers: officer })).text()
    await page.getByRole("navigation", { name: "Council pages" }).getByRole("link", { name: "Reports" }).click()
    const form = page.getByRole("form", { name: "Choose the report" })
    await form.getByLabel("Year ending 31 March").selectOption("2018")
    await form.getByLabel("Report for").selectOption("member")
    await form.getByRole("button", { name: "Preview the report" }).click()
    const preview = page.frameLocator('iframe[title="Preview of the corporate parenting report"]')
    const heading = /<h1[^>]*>([^<]*)<\/h1>/.exec(html)?.[1]
    if (heading === undefined) throw new Error("the API's report has no h1")
    await expect.poll(() => preview.locator("h1").textContent(), patient).toBe(heading)
    expect(await page.locator("iframe.report-preview").getAttribute("srcdoc")).toBe(html)
    // The links are files made in the page; read what each one holds as the browser would save it.
    const markdownLink = page.getByRole("link", { name: "Download the report as Markdown" })
    expect(await markdownLink.getAttribute("download")).toBe(`corporate-parenting-report-${councilA.id}-2018-member.md`)
    const saved = (name: string) => page.evaluate(async (href) => (await fetch(href)).text(), name)
    expect(await saved((await markdownLink.getAttribute("href")) ?? "")).toBe(markdown)
    const htmlLink = page.getByRole("link", { name: "Download the report as HTML" })
    expect(await saved((await htmlLink.getAttribute("href")) ?? "")).toBe(html)
    expect(await page.getByRole("link", { name: "Download the report as HTML" }).getAttribute("download")).toBe(
      `corporate-parenting-report-${councilA.id}-2018-member.html`
    )
    // axe cannot run inside the preview frame (its scripts are disabled, so axe would wait on it for ever): the
    // page around it is scanned as it is, and the report the frame shows is scanned on a page of its own.
    expect(await accessibilityViolations(page, { exclude: "iframe.report-preview" })).toEqual([])
    const reportPage = await page.context().newPage()
    await reportPage.setContent(html)
    expect(await accessibilityViolations(reportPage)).toEqual([])
    await reportPage.close()
    expect(await screenshots(page, "reports")).toEqual(noOverflow)
  })

  it("shows an officer the priorities as the API rates them, and takes a progress update by keyboard", async () => {
    const officer = { authorization: `Bearer ${await tokenFor("officer")}` }
    const prioritiesApi = `${site.url}/v1/councils/${councilA.id}/priorities`
    type Status = {
      readonly strategy: { readonly priorities: ReadonlyArray<{ readonly id: string }> }
      readonly priorities: ReadonlyArray<{ readonly id: string; readonly latest: { readonly rag: string } | null }>
    }
    const before = (await (await fetch(prioritiesApi, { headers: officer })).json()) as Status
    const concerns = (await (await fetch(`${prioritiesApi}/overdue`, { headers: officer })).json()) as {
      readonly concerns: ReadonlyArray<unknown>
    }
    await page.getByRole("navigation", { name: "Council pages" }).getByRole("link", { name: "Priorities" }).click()
    await page.locator("[data-priority]").first().waitFor()
    expect(
      await page.locator("[data-priority]").evaluateAll((els) => els.map((el) => el.getAttribute("data-priority")))
    ).toEqual(before.strategy.priorities.map((p) => p.id))
    for (const priority of before.priorities) {
      const latest = page.locator(`[data-priority="${priority.id}"] [data-latest] [data-rag]`)
      expect(await latest.count()).toBe(priority.latest === null ? 0 : 1)
      if (priority.latest !== null) expect(await latest.getAttribute("data-rag")).toBe(priority.latest.rag)
    }
    const n = concerns.concerns.length
    await page.getByRole("table", { name: `${n} ${n === 1 ? "action needs" : "actions need"} attention` }).waitFor()

    // Keyboard only (Tab, arrows, typing, Enter): send the form empty, read the summary, then fill it in and send it.
    await tabTo(page, page.getByLabel("Day of the update"))
    await page.keyboard.press("Enter")
    const summary = page.getByRole("alert")
    await summary.waitFor()
    expect(await summary.getByRole("link").allTextContents()).toEqual([
      "Choose red, amber or green",
      "Enter commentary saying what has happened"
    ])
    expect(await accessibilityViolations(page)).toEqual([])
    await tabTo(page, page.getByLabel("Day of the update"))
    await page.keyboard.press("Tab")
    await page.keyboard.press("ArrowRight")
    expect(await page.getByLabel("Amber").isChecked()).toBe(true)
    await page.keyboard.press("Tab")
    await page.keyboard.type("The fake review panel met; two of three fake steps are done.")
    await page.keyboard.press("Tab")
    await page.keyboard.press("Enter")
    const notification = page.getByRole("status").filter({ hasText: "Update recorded" })
    await notification.waitFor()
    expect(await notification.textContent()).toContain("The fake review panel met")
    const first = before.strategy.priorities[0]?.id
    await expect
      .poll(() => page.locator(`[data-priority="${first}"] [data-latest] [data-rag]`).getAttribute("data-rag"), patient)
      .toBe("amber")
    const after = (await (await fetch(prioritiesApi, { headers: officer })).json()) as Status
    expect(after.priorities.find((p) => p.id === first)?.latest?.rag).toBe("amber")
    expect(await accessibilityViolations(page)).toEqual([])
    expect(await screenshots(page, "priorities")).toEqual(noOverflow)
  })

  it("shows the boards, their meetings' quorum and the reporting calendar as the API computes them", async () => {
    const officer = { authorization: `Bearer ${await tokenFor("officer")}` }
    const api = (await (
      await fetch(`${site.url}/v1/councils/${councilA.id}/governance`, { headers: officer })
    ).json()) as {
      readonly boards: ReadonlyArray<{
        readonly board: { readonly id: string }
        readonly meetings: ReadonlyArray<{ readonly quorate: boolean }>
        readonly due: ReadonlyArray<unknown>
      }>
    }
    await page.getByRole("navigation", { name: "Council pages" }).getByRole("link", { name: "Governance" }).click()
    await page.locator("[data-board]").first().waitFor()
    for (const view of api.boards) {
      const board = page.locator(`[data-board="${view.board.id}"]`)
      expect(
        await board.locator("[data-quorate]").evaluateAll((els) => els.map((el) => el.getAttribute("data-quorate")))
      ).toEqual(view.meetings.map((m) => String(m.quorate)))
    }
    expect(await page.getByText("Not quorate").count()).toBe(
      api.boards.flatMap((b) => b.meetings).filter((m) => !m.quorate).length
    )
    expect(await accessibilityViolations(page)).toEqual([])
    expect(await screenshots(page, "governance")).toEqual(noOverflow)
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

    // Take-up for members: one young person is too few to publish, and they cannot ask for exact figures.
    await nav.getByRole("link", { name: "Take-up" }).click()
    const form = page.getByRole("form", { name: "Choose the year and grouping" })
    await form.getByLabel("Year ending 31 March").selectOption("2018")
    expect(await form.getByLabel("Figures for").count()).toBe(0)
    await form.getByRole("button", { name: "Show take-up" }).click()
    const table = page.getByRole("table", { name: "Take-up in 2017/18 by entitlement" })
    await table.waitFor()
    expect(await table.locator("tbody tr").first().locator("td").first().textContent()).toBe("c")
    await page.getByText("These figures are for members").waitFor()
    expect(await accessibilityViolations(page)).toEqual([])

    // Priorities: read-only for members, and the API refuses them an update too.
    await nav.getByRole("link", { name: "Priorities" }).click()
    await page.locator("[data-priority]").first().waitFor()
    expect(await page.getByRole("form", { name: "Add a progress update" }).count()).toBe(0)
    const refused = await fetch(`${site.url}/v1/councils/${councilA.id}/priorities/P1/updates`, {
      method: "POST",
      headers: { authorization: `Bearer ${await tokenFor("member")}`, "content-type": "application/json" },
      body: JSON.stringify({ on: "2026-01-01", rag: "green", commentary: "a member may not do this" })
    })
    expect(refused.status).toBe(403)
    expect(await accessibilityViolations(page)).toEqual([])

    // The report: members get theirs, with no choice of the exact one.
    await nav.getByRole("link", { name: "Reports" }).click()
    const reportForm = page.getByRole("form", { name: "Choose the report" })
    await reportForm.getByRole("button", { name: "Preview the report" }).waitFor()
    expect(await reportForm.getByLabel("Report for").count()).toBe(0)

    // A young person's entitlements are child-level: not in a member's navigation, and refused by the API.
    expect(await nav.getByRole("link").allTextContents()).toEqual(memberPages)
    await page.goto(`${site.url}/councils/${councilA.id}/entitlements`)
    await page.getByLabel("Young person's id").fill("FA1")
    await page.getByRole("button", { name: "Show entitlements" }).click()
    await expect.poll(() => page.getByRole("alert").textContent(), patient).toContain("Your account cannot see this")
  })
})
