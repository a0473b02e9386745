/**
 * Recording a board meeting in a real browser: the form explains what is missing in an error summary linked to the
 * fields, a meeting recorded by keyboard shows with the quorum the API computes from its attendance; an officer adds a
 * member with role and term and ends another's term; and a member sees the meetings but no form. Axe-clean and screenshot at 1280 and 390 px.
 */
import { issueToken } from "@cpo/api"
import type { Page } from "playwright-core"
import { beforeAll, describe, expect, it } from "vitest"
import { councilA } from "./fixtures.ts"
import { accessibilityViolations, patient, screenshots, useSite } from "./harness.ts"

const secret = "a-test-secret-for-the-dashboard-governance-tests-only"

const tokenFor = (role: "member" | "officer") =>
  issueToken({ secret, subject: `${role}@fake-borough-a.test`, role, councils: [councilA.id], expiresIn: "1h" })

describe("recording a board meeting", () => {
  const site = useSite({ store: { withSynthetic: false }, jwtSecret: secret })
  let page: Page
  beforeAll(() => {
    page = site.page
  })

  const signIn = async (role: "member" | "officer") => site.signIn(await tokenFor(role))

  const formName = "Record a meeting of Fake Corporate Parenting Board"

  it("explains what is missing, then records a quorate meeting the API counts", async () => {
    await signIn("officer")
    await page.goto(`${site.url}/councils/${councilA.id}/governance`)
    const form = page.getByRole("form", { name: formName })
    await form.waitFor(patient)
    await form.getByLabel("Day of the meeting").fill("")
    await form.getByRole("button", { name: "Record the meeting" }).click()
    const summary = page.getByRole("alert")
    await summary.waitFor()
    expect(await summary.getByRole("link").allTextContents()).toEqual([
      "Enter the day of the meeting as YYYY-MM-DD",
      "Say who attended: at least one member present or sending a substitute"
    ])
    expect(await summary.getByRole("link").first().getAttribute("href")).toBe("#meeting-fake-board-on")
    expect(await form.getByLabel("Day of the meeting").getAttribute("aria-invalid")).toBe("true")
    expect(await accessibilityViolations(page)).toEqual([])
    expect(await screenshots(page, "governance-error")).toEqual([
      { width: 1280, overflows: false },
      { width: 390, overflows: false }
    ])

    // By keyboard: three of the four core members present meets the 75 % quorum.
    await form.getByLabel("Day of the meeting").fill("2018-03-20")
    for (const n of [1, 2, 3]) await form.getByLabel(`Fake member ${n} (core member)`).selectOption("present")
    await form.getByLabel("Agenda").fill("Fake priority 1 update\nFake forum report")
    await form.getByRole("button", { name: "Record the meeting" }).focus()
    await page.keyboard.press("Enter")
    const row = page.locator('[data-board="fake-board"] tbody tr', { hasText: "20 March 2018" })
    await row.waitFor(patient)
    expect(await row.locator("[data-quorate]").getAttribute("data-quorate")).toBe("true")
    expect(await row.textContent()).toContain("Fake priority 1 update; Fake forum report")
    const api = (await (
      await fetch(`${site.url}/v1/councils/${councilA.id}/governance`, {
        headers: { authorization: `Bearer ${await tokenFor("officer")}` }
      })
    ).json()) as {
      boards: ReadonlyArray<{ meetings: ReadonlyArray<{ meeting: { on: string }; quorate: boolean }> }>
    }
    expect(api.boards[0]?.meetings.find((m) => m.meeting.on === "2018-03-20")?.quorate).toBe(true)
    expect(await accessibilityViolations(page)).toEqual([])
    expect(await screenshots(page, "governance-edit")).toEqual([
      { width: 1280, overflows: false },
      { width: 390, overflows: false }
    ])
  })

  it("adds a member with a role and term, and ends a term, by keyboard, refusing a term that ends before it begins", async () => {
    await page.goto(`${site.url}/councils/${councilA.id}/governance`)
    const add = page.getByRole("form", { name: "Add a member to Fake Corporate Parenting Board" })
    await add.waitFor(patient)
    await add.getByLabel("Name").fill("Fake member 5")
    await add.getByLabel("Role on the board").selectOption("young_person")
    await add.getByLabel("Organisation (optional)").fill("Fake Children in Care Council")
    await add.getByLabel("Term begins").fill("2018-04-01")
    await add.getByLabel("Term ends (optional)").fill("2018-03-01")
    await add.getByRole("button", { name: "Add the member" }).focus()
    await page.keyboard.press("Enter")
    const summary = add.getByRole("alert")
    await summary.waitFor()
    expect(await summary.getByRole("link").allTextContents()).toEqual(["The term cannot end before it begins"])
    expect(await summary.getByRole("link").getAttribute("href")).toBe("#member-fake-board-until")
    expect(await accessibilityViolations(page)).toEqual([])

    await add.getByLabel("Term ends (optional)").fill("")
    await add.getByRole("button", { name: "Add the member" }).focus()
    await page.keyboard.press("Enter")
    const members = page.getByRole("table", { name: "Members of Fake Corporate Parenting Board" })
    const added = members.locator("tbody tr", { hasText: "Fake member 5" })
    await added.waitFor(patient)
    expect(await added.textContent()).toContain("Young person (Children in Care Council or care leavers' forum)")
    expect(await added.textContent()).toContain("Since 1 April 2018")

    const end = page.getByRole("form", { name: "End a term on Fake Corporate Parenting Board" })
    await end.getByLabel("Member").selectOption({ label: "Fake member 4, Councillor" })
    await end.getByLabel("Last day of the term").fill("2018-03-31")
    await end.getByRole("button", { name: "End the term" }).focus()
    await page.keyboard.press("Enter")
    const ended = members.locator("tbody tr", { hasText: "Fake member 4" })
    await expect.poll(() => ended.textContent(), patient).toContain("1 April 2017 to 31 March 2018")

    const api = (await (
      await fetch(`${site.url}/v1/councils/${councilA.id}/governance`, {
        headers: { authorization: `Bearer ${await tokenFor("officer")}` }
      })
    ).json()) as {
      boards: ReadonlyArray<{ board: { members: ReadonlyArray<{ name: string; until: string | null; role: string }> } }>
    }
    const stored = api.boards[0]?.board.members ?? []
    expect(stored.find((m) => m.name === "Fake member 4")?.until).toBe("2018-03-31")
    expect(stored.find((m) => m.name === "Fake member 5")).toMatchObject({ role: "young_person", until: null })
    expect(await accessibilityViolations(page)).toEqual([])
    expect(await screenshots(page, "governance-members")).toEqual([
      { width: 1280, overflows: false },
      { width: 390, overflows: false }
    ])
  })

  it("shows a member the meetings but no form", async () => {
    await page.goto(`${site.url}/`)
    await page.getByRole("button", { name: "Sign out" }).click()
    await signIn("member")
    await page.goto(`${site.url}/councils/${councilA.id}/governance`)
    await page.locator('[data-board="fake-board"]').waitFor(patient)
    expect(await page.getByRole("form", { name: formName }).count()).toBe(0)
    expect(await page.getByRole("form", { name: "Add a member to Fake Corporate Parenting Board" }).count()).toBe(0)
  })
})
