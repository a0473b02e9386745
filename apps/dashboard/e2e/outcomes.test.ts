/**
 * The outcome pages in a real browser against the real API, on the synthetic council: placements and stability,
 * care leavers, and health and missing. Each shows the API's figures, says why location needs a postcode directory
 * and that return interviews are not in the 903 return, opens its charts' tables, is axe-clean and fits a phone.
 * A member sees the pages with small counts as `c`, and no child-level page in the navigation.
 */
import { issueToken } from "@cpo/api"
import type { Page } from "playwright-core"
import { beforeAll, describe, expect, it } from "vitest"
import { synthetic } from "./fixtures.ts"
import { accessibilityViolations, patient, screenshots, useSite } from "./harness.ts"

const secret = "a-test-secret-for-the-dashboard-outcome-tests-only"

type TestRole = "member" | "officer"

const tokenFor = (role: TestRole) =>
  issueToken({ secret, subject: `${role}@synthetic-borough.test`, role, councils: [synthetic.id], expiresIn: "1h" })

interface ApiEntry {
  readonly id: string
  readonly display: string
  readonly numerator: number | null
  readonly denominator: number | null
  readonly reason?: string
}
interface ApiView {
  readonly audience: string
  readonly indicators: ReadonlyArray<ApiEntry>
  readonly mix?: { readonly total: number | "c"; readonly groups: ReadonlyArray<{ readonly count: number | "c" }> }
  readonly moves?: {
    readonly lookedAfter: number | "c"
    readonly children: number | "c"
    readonly moves: number | "c"
    readonly reasons: ReadonlyArray<{ readonly label: string; readonly moves: number | "c" }>
  }
  readonly statuses?: { readonly groups: ReadonlyArray<{ readonly key: Record<string, string> }> }
}

const noOverflow = [
  { width: 1280, overflows: false },
  { width: 390, overflows: false }
]

describe("outcome pages", () => {
  const site = useSite({ jwtSecret: secret })
  let page: Page
  beforeAll(() => {
    page = site.page
  })

  const api = async (path: string, role: TestRole): Promise<ApiView> =>
    (await (
      await fetch(`${site.url}/v1/councils/${synthetic.id}/${path}`, {
        headers: { authorization: `Bearer ${await tokenFor(role)}` }
      })
    ).json()) as ApiView

  const signIn = async (role: TestRole) => site.signIn(await tokenFor(role))

  const figure = (id: string) => page.locator(`[data-indicator="${id}"] [data-figure]`)

  const expectFigures = async (view: ApiView) => {
    for (const entry of view.indicators) {
      await expect.poll(() => figure(entry.id).first().textContent(), patient).toMatch(new RegExp(`^${entry.display}`))
    }
  }

  it("shows an officer the placement mix, location, moves by reason and stability as the API computes them", async () => {
    await signIn("officer")
    const view = await api("placements?year=2026&audience=officer", "officer")
    await page.goto(`${site.url}/councils/${synthetic.id}/placements`)
    await page.getByRole("heading", { name: /Placements and stability/, level: 1 }).waitFor()
    await page.getByRole("heading", { name: "Placement types at 31 March" }).waitFor()
    await expectFigures(view)
    // Location needs a postcode directory, and the page says so.
    expect(await page.locator("[data-needs-directory]").textContent()).toContain("need a postcode directory")
    expect(await figure("placed_out_of_area_pct").textContent()).toBe("x")
    const moves = view.moves
    if (moves === undefined) throw new Error("the API sent no moves")
    expect(await page.locator("[data-moves] dd").allTextContents()).toEqual(
      [moves.lookedAfter, moves.children, moves.moves].map(String)
    )
    // The reasons chart's table, opened from the keyboard, lists every reason with its moves.
    const toggle = page.locator("summary", { hasText: "Show the figures as a table" }).nth(1)
    await toggle.focus()
    await page.keyboard.press("Enter")
    const reasons = page.getByRole("table", { name: "Placement moves by reason for the change" })
    await reasons.waitFor()
    expect(await reasons.locator("tbody th").allTextContents()).toEqual(moves.reasons.map((r) => r.label))
    expect(await reasons.locator("tbody td:nth-child(2)").allTextContents()).toEqual(
      moves.reasons.map((r) => String(r.moves))
    )
    expect(await page.locator("svg[role=img] title").first().textContent()).toContain("by placement group")
    expect(await accessibilityViolations(page)).toEqual([])
    expect(await screenshots(page, "placements")).toEqual(noOverflow)
  })

  it("shows an officer care leavers' outcomes by age band and their legal statuses", async () => {
    const view = await api("care-leavers?year=2026&audience=officer", "officer")
    await page.goto(`${site.url}/councils/${synthetic.id}/care-leavers`)
    await page.getByRole("heading", { name: /Care leavers/, level: 1 }).waitFor()
    const outcomes = page.getByRole("table", { name: /Care leavers' outcomes by age band/ })
    await outcomes.waitFor()
    expect(await outcomes.locator("tbody th").allTextContents()).toEqual([
      "In touch",
      "In education, employment or training",
      "In suitable accommodation"
    ])
    const inTouch = view.indicators.find((e) => e.id === "care_leavers_17_18_in_touch_pct")
    const firstCell = outcomes.locator("tbody tr").first().locator("td").first()
    expect(await firstCell.locator("[data-figure]").textContent()).toBe(
      inTouch?.display === "x" || inTouch?.display === "c" ? inTouch.display : `${inTouch?.display}%`
    )
    expect(await firstCell.textContent()).toContain(`${inTouch?.numerator} of ${inTouch?.denominator}`)
    await expectFigures(view)
    await page.getByRole("heading", { name: "Care leavers by legal status at 31 March" }).waitFor()
    expect(await page.locator("svg[role=img] desc").first().textContent()).toMatch(
      /Eligible: .*Relevant: .*Former relevant: .*Qualifying: /
    )
    expect(view.statuses?.groups.length).toBeGreaterThan(0)
    expect(await accessibilityViolations(page)).toEqual([])
    expect(await screenshots(page, "care-leavers")).toEqual(noOverflow)
  })

  it("shows an officer health, wellbeing and missing, and says return interviews are not in the 903", async () => {
    const view = await api("health?year=2026&audience=officer", "officer")
    await page.goto(`${site.url}/councils/${synthetic.id}/health`)
    await page.getByRole("heading", { name: /Health and wellbeing/, level: 1 }).waitFor()
    await expectFigures(view)
    const missing = page.getByRole("table", { name: "Not in the 903 return" })
    await missing.waitFor()
    expect(await missing.locator("tbody th").allTextContents()).toEqual([
      "Return interviews offered",
      "Return interviews taken up"
    ])
    expect(await accessibilityViolations(page)).toEqual([])
    expect(await screenshots(page, "health")).toEqual(noOverflow)
  })

  it("shows a member the same pages suppressed, and no child-level page in the navigation", async () => {
    await page.goto(`${site.url}/`)
    await page.getByRole("button", { name: "Sign out" }).click()
    await signIn("member")
    const view = await api("placements?year=2026", "member")
    expect(view.audience).toBe("member")
    await page.goto(`${site.url}/councils/${synthetic.id}/placements?audience=officer`)
    await page.getByRole("heading", { name: "Placement types at 31 March" }).waitFor()
    await expectFigures(view)
    expect(await page.getByText(/Figures for members: a count of 1 to 5 children/).count()).toBe(1)
    expect(await page.getByLabel("Figures for").count()).toBe(0)
    const nav = page.getByRole("navigation", { name: "Council pages" })
    const links = await nav.getByRole("link").allTextContents()
    expect(links).toEqual(expect.arrayContaining(["Placements", "Care leavers", "Health"]))
    for (const childLevel of ["Data", "Entitlements", "Audit log", "Admin"]) expect(links).not.toContain(childLevel)
    expect(await accessibilityViolations(page)).toEqual([])
    expect(await screenshots(page, "placements-member")).toEqual(noOverflow)
    // Typing the address of a child-level page does not get past the API.
    await page.goto(`${site.url}/councils/${synthetic.id}/data`)
    await expect.poll(() => page.getByRole("alert").textContent(), patient).toContain("Your account cannot see this")
  })
})
