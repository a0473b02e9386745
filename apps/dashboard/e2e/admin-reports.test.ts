/**
 * The report downloaded as PDF and its tables as CSV and XLSX as the browser saves them (read back with ExcelJS), and the
 * administrator's page: the audit log linked from it, the roles table as the API's authorization matrix states it,
 * and the command that issues a token. Each page is axe-clean and fits a phone.
 */
import { issueToken } from "@cpo/api"
import ExcelJS from "exceljs"
import type { Page } from "playwright-core"
import { beforeAll, describe, expect, it } from "vitest"
import { councilA } from "./fixtures.ts"
import { accessibilityViolations, downloadedBytes, parseCsv, patient, screenshots, useSite } from "./harness.ts"

const secret = "a-test-secret-for-the-dashboard-admin-tests-only"

type TestRole = "admin" | "officer" | "member"

const tokenFor = (role: TestRole) =>
  issueToken({ secret, subject: `${role}@fake-borough-a.test`, role, councils: [councilA.id], expiresIn: "1h" })

const noOverflow = [
  { width: 1280, overflows: false },
  { width: 390, overflows: false }
]

describe("report tables and the admin page", () => {
  const site = useSite({ store: { withSynthetic: false }, jwtSecret: secret })
  let page: Page
  beforeAll(() => {
    page = site.page
  })

  const signIn = async (role: TestRole) => site.signIn(await tokenFor(role))

  const downloadFrom = async (name: string) => {
    const saved = page.waitForEvent("download")
    await page.getByRole("button", { name }).focus()
    await page.keyboard.press("Enter")
    const file = await saved
    return { name: file.suggestedFilename(), bytes: await downloadedBytes(file) }
  }

  it("downloads a member's report as PDF and its tables as CSV and XLSX, the same as the API's", async () => {
    await signIn("member")
    const member = { authorization: `Bearer ${await tokenFor("member")}` }
    const apiPath = `${site.url}/v1/councils/${councilA.id}/reports/member?year=2018&audience=member`
    const csv = await (await fetch(`${apiPath}&format=csv`, { headers: member })).text()
    await page.goto(`${site.url}/councils/${councilA.id}/reports`)
    await page
      .getByRole("form", { name: "Choose the report" })
      .getByRole("button", { name: "Preview the report" })
      .click()
    await page.getByRole("button", { name: "Download the tables as CSV" }).waitFor(patient)

    const csvFile = await downloadFrom("Download the tables as CSV")
    expect(csvFile.name).toBe(`corporate-parenting-report-${councilA.id}-2018-member-tables.csv`)
    expect(csvFile.bytes.toString("utf8")).toBe(csv)
    const lines = csv.trimEnd().split("\r\n")
    expect(lines[0]).toBe("section,table,row,column,value")

    const xlsxFile = await downloadFrom("Download the tables as a spreadsheet (XLSX)")
    expect(xlsxFile.name).toBe(`corporate-parenting-report-${councilA.id}-2018-member-tables.xlsx`)
    const workbook = new ExcelJS.Workbook()
    await workbook.xlsx.load(xlsxFile.bytes as unknown as ArrayBuffer)
    // One sheet per table; every cell of the CSV is in its table's sheet.
    const captions = [
      ...new Set(
        parseCsv(csv)
          .slice(1)
          .map((row) => row[1] ?? "")
      )
    ]
    expect(workbook.worksheets.length).toBeGreaterThanOrEqual(captions.length)
    const first = workbook.worksheets[0]
    expect(String(first?.getCell("A1").value)).not.toBe("")
    const texts = workbook.worksheets.flatMap((sheet) => {
      const out: Array<string> = []
      sheet.eachRow((row) => {
        row.eachCell((cell) => {
          out.push(String(cell.value))
        })
      })
      return out
    })
    for (const caption of captions) {
      expect(texts).toContain(caption)
    }

    // The whole report as PDF, made by the API without a browser: the same bytes the API answers the member.
    const pdf = new Uint8Array(
      await (
        await fetch(`${site.url}/v1/councils/${councilA.id}/reports/member.pdf?year=2018&audience=officer`, {
          headers: member
        })
      ).arrayBuffer()
    )
    const pdfFile = await downloadFrom("Download the report as PDF")
    expect(pdfFile.name).toBe(`corporate-parenting-report-${councilA.id}-2018-member.pdf`)
    expect(pdfFile.bytes.subarray(0, 5).toString("latin1")).toBe("%PDF-")
    expect(new Uint8Array(pdfFile.bytes)).toEqual(pdf)
    expect(await accessibilityViolations(page, { exclude: "iframe.report-preview" })).toEqual([])
    expect(await screenshots(page, "reports-tables")).toEqual(noOverflow)
  })

  it("shows an administrator the audit log link, the roles table from the API and the token command", async () => {
    await page.goto(`${site.url}/`)
    await page.getByRole("button", { name: "Sign out" }).click()
    await signIn("admin")
    await page.goto(`${site.url}/councils/${councilA.id}/scorecard`)
    const nav = page.getByRole("navigation", { name: "Council pages" })
    await nav.getByRole("link", { name: "Admin" }).click()
    await page.getByRole("heading", { name: /Admin/, level: 1 }).waitFor()

    const openapi = (await (await fetch(`${site.url}/openapi.json`)).json()) as {
      paths: Record<string, Record<string, { summary: string; "x-cpo-roles": "open" | ReadonlyArray<string> }>>
    }
    const operations = Object.values(openapi.paths).flatMap((methods) => Object.values(methods))
    const table = page.getByRole("table", { name: `What each role may call: ${operations.length} routes of the API` })
    await table.waitFor(patient)
    expect(await table.locator("thead th").allTextContents()).toEqual([
      "Route",
      "admin",
      "officer",
      "analyst",
      "member",
      "partner",
      "public",
      "Request"
    ])
    const audit = operations.find((o) => o.summary.startsWith("Who read or imported child-level data"))
    const auditRow = table.locator("tbody tr", { hasText: audit?.summary ?? "no such route" })
    expect(await auditRow.locator("td").allTextContents()).toEqual([
      "Yes",
      "No",
      "No",
      "No",
      "No",
      "No",
      "GET /v1/councils/{council}/audit"
    ])
    const placements = table.locator("tbody tr", { hasText: "Placement type mix" })
    expect((await placements.locator("td").allTextContents()).slice(0, 6)).toEqual([
      "No",
      "Yes",
      "Yes",
      "Yes",
      "No",
      "Yes"
    ])

    // The token command, from the keyboard.
    const form = page.getByRole("form", { name: "Issue an access token" })
    await form.getByLabel("Role").selectOption("member")
    await form.getByLabel("Who it is for").fill("Cllr Fake O'Name")
    await form.getByLabel("How long it lasts").selectOption("24h")
    await form.getByRole("button", { name: "Show the command" }).focus()
    await page.keyboard.press("Enter")
    expect(await page.locator("[data-token-command]").textContent()).toBe(
      `node dist/server.mjs token --role member --council ${councilA.id} --ttl 24h --subject 'Cllr Fake O'\\''Name'`
    )
    expect(await accessibilityViolations(page)).toEqual([])
    expect(await screenshots(page, "admin")).toEqual(noOverflow)

    await page.getByRole("link", { name: "Open the audit log" }).click()
    await page.getByRole("heading", { name: /Audit log/, level: 1 }).waitFor()
  })

  it("keeps the admin page from anyone else", async () => {
    await page.goto(`${site.url}/`)
    await page.getByRole("button", { name: "Sign out" }).click()
    await signIn("officer")
    await page.goto(`${site.url}/councils/${councilA.id}/admin`)
    await expect.poll(() => page.getByRole("alert").textContent(), patient).toContain("This page is for administrators")
    expect(
      await page.getByRole("navigation", { name: "Council pages" }).getByRole("link", { name: "Admin" }).count()
    ).toBe(0)
  })
})
