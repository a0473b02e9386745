/**
 * Local measures and pledges (issue 15), walked with one API and one browser over Fake Borough A with two years of
 * synthetic local measures, ten pledges and a year of feedback themes (`@cpo/synth` LocalMeasures, 60 children, so
 * some monthly counts are 1 to 5). An officer sees exact figures and records a figure with the keyboard; a member
 * sees the same pages with small numbers as `c` and no forms. Each page matches the API, is axe-clean and is
 * screenshot at 1280 and 390 px without horizontal overflow.
 */
import { issueToken } from "@cpo/api"
import { LocalMeasure, Pledge, Priorities, Voice } from "@cpo/domain"
import { LocalMeasures } from "@cpo/synth"
import { Effect } from "effect"
import type { Page } from "playwright-core"
import { beforeAll, describe, expect, it } from "vitest"
import { councilA } from "./fixtures.ts"
import { accessibilityViolations, patient, screenshots, useSite } from "./harness.ts"

const secret = "a-test-secret-for-the-dashboard-measures-tests-only"
const local = LocalMeasures.generate({ seed: 11, council: councilA.id, year: 2025, children: 60 })

const tokenFor = (role: "member" | "officer") =>
  issueToken({ secret, subject: `${role}@fake-borough-a.test`, role, councils: [councilA.id], expiresIn: "1h" })

const noOverflow = [
  { width: 1280, overflows: false },
  { width: 390, overflows: false }
]

interface MeasuresJson {
  readonly measures: ReadonlyArray<{ readonly id: string; readonly title: string; readonly display: string }>
}

describe("local measures and pledges pages", () => {
  const site = useSite({
    store: { withSynthetic: false },
    jwtSecret: secret,
    prepare: (runtime) =>
      runtime.runPromise(
        Effect.gen(function* () {
          const priorities = yield* Priorities.Priorities
          yield* priorities.saveStrategy(local.strategy)
          for (const entry of local.youSaidWeDid) yield* priorities.recordYouSaidWeDid(entry)
          const measures = yield* LocalMeasure.LocalMeasures
          for (const m of local.measures) yield* measures.define(m)
          yield* measures.recordValues(councilA.id, local.values)
          yield* measures.setTargets(councilA.id, local.targets)
          yield* measures.setBenchmarks(councilA.id, local.benchmarks)
          const pledges = yield* Pledge.Pledges
          for (const p of local.pledges) yield* pledges.save(p)
          const themes = yield* Voice.Themes
          for (const t of local.voice) yield* themes.record(t)
        }).pipe(Effect.orDie)
      )
  })
  let page: Page
  beforeAll(() => {
    page = site.page
  })

  const signIn = async (role: "member" | "officer") => site.signIn(await tokenFor(role))
  const api = async (role: "member" | "officer", path: string) =>
    (await (
      await fetch(`${site.url}${path}`, { headers: { authorization: `Bearer ${await tokenFor(role)}` } })
    ).json()) as unknown

  const measuresPath = `/councils/${councilA.id}/measures?year=2025`
  const pledgesPath = `/councils/${councilA.id}/pledges`

  it("shows an officer every measure's year to date as the API publishes it, with RAG in words", async () => {
    await signIn("officer")
    await page.goto(`${site.url}${measuresPath}`)
    const table = page.getByRole("table", { name: "Local measures, 2024/25" })
    await table.waitFor()
    const json = (await api("officer", `/v1/councils/${councilA.id}/measures?year=2025`)) as MeasuresJson
    expect(await table.locator("tbody th").allTextContents()).toEqual(json.measures.map((m) => m.title))
    const pep = json.measures.find((m) => m.id === "pep_on_time_pct")!
    expect(await page.locator('[data-measure="pep_on_time_pct"] [data-year-to-date]').textContent()).toContain(
      `${pep.display}%`
    )
    expect(await table.locator("[data-rag]").count()).toBeGreaterThan(0)
    expect(await page.getByRole("img").count()).toBeGreaterThan(0)
    expect(await accessibilityViolations(page)).toEqual([])
    expect(await screenshots(page, "measures-officer")).toEqual(noOverflow)
  }, 120_000)

  it("lets an officer record a figure with the keyboard, refusing a period of the wrong shape first", async () => {
    const form = page.getByRole("form", { name: "Record a figure" })
    await form.getByLabel("Measure", { exact: true }).selectOption("statutory_visits_on_time_pct")
    await form.getByLabel("Period").fill("2025-13")
    await form.getByLabel("How many met the measure").fill("40")
    await form.getByLabel("How many were counted").fill("45")
    await form.getByRole("button", { name: "Record the figure" }).click()
    const summary = form.getByRole("alert")
    await summary.waitFor()
    expect(await summary.getByRole("link").allTextContents()).toEqual(["Enter the month as YYYY-MM, e.g. 2025-01"])
    expect(await accessibilityViolations(page)).toEqual([])
    await form.getByLabel("Period").fill("2025-03")
    await form.getByLabel("Period").press("Enter")
    await page.getByRole("heading", { name: "Figure recorded" }).waitFor()
    const values = (await api(
      "officer",
      `/v1/councils/${councilA.id}/measures/statutory_visits_on_time_pct/values`
    )) as {
      values: ReadonlyArray<{ period: string; numerator: number; denominator: number }>
    }
    expect(values.values.find((v) => v.period === "2025-03")).toMatchObject({ numerator: 40, denominator: 45 })
  }, 120_000)

  it("shows a member the measures with small numbers as c and no form", async () => {
    await signIn("member")
    await page.goto(`${site.url}${measuresPath}`)
    await page.getByRole("table", { name: "Local measures, 2024/25" }).waitFor()
    expect(await page.getByRole("form", { name: "Record a figure" }).count()).toBe(0)
    await expect
      .poll(async () => (await page.locator("[data-measure]").allTextContents()).join(" "), patient)
      .toMatch(/\bc\b/)
    expect(await accessibilityViolations(page)).toEqual([])
    expect(await screenshots(page, "measures-member")).toEqual(noOverflow)
  }, 120_000)

  it("shows a member every pledge with its status and evidence followed, and the year's themes", async () => {
    await page.goto(`${site.url}${pledgesPath}`)
    const table = page.getByRole("table", { name: /^Pledges at / })
    await table.waitFor()
    expect(await table.locator("tbody tr").count()).toBe(10)
    expect(await page.locator("[data-pledge]").count()).toBe(10)
    expect(await page.locator("[data-evidence]").count()).toBe(30)
    expect(await page.getByText("is not held").count()).toBe(0)
    expect(await page.getByRole("form", { name: "Record a review" }).count()).toBe(0)
    const themes = page.getByRole("table", { name: "Themes raised by children in care and care leavers" })
    await themes.waitFor()
    expect(await themes.locator("tbody tr").count()).toBe(local.voice.length)
    const counts = await themes.locator("tbody tr > :nth-child(5)").allTextContents()
    expect(counts.every((t) => t === "c" || Number(t) > 5)).toBe(true)
    expect(await accessibilityViolations(page)).toEqual([])
    expect(await screenshots(page, "pledges-member")).toEqual(noOverflow)
  }, 120_000)

  it("lets an officer record a review with the Children in Care Council", async () => {
    await signIn("officer")
    await page.goto(`${site.url}${pledgesPath}`)
    const form = page.getByRole("form", { name: "Record a review" })
    await form.waitFor()
    await form.getByLabel("Pledge").selectOption("pledge-3")
    await form.getByLabel("Day of the review").fill("2025-03-20")
    await form.getByRole("radio", { name: "Kept", exact: true }).check()
    await form.getByLabel("What was found").fill("Visits were on time all winter.")
    await form.getByRole("button", { name: "Record the review" }).click()
    await page.getByRole("heading", { name: "Review recorded" }).waitFor()
    await expect
      .poll(async () => page.locator('[data-pledge="pledge-3"] [data-status]').getAttribute("data-status"), patient)
      .toBe("kept")
    expect(await accessibilityViolations(page)).toEqual([])
    expect(await screenshots(page, "pledges-officer")).toEqual(noOverflow)
  }, 120_000)
})
