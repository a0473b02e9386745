/**
 * /validate: a 903 return checked in the browser, with no sign-in and no file content on the network. A synthetic
 * return with one error injected for every rule `@cpo/synth` can break is checked beside last year's return, from
 * the keyboard: every injected error is listed, the CSV, XLSX and JSON downloads open and agree, a child's rows show
 * the faulty values marked, every request made meanwhile is a same-origin static GET without a body, and, after one
 * visit, the page loads and validates with the network cut off (service worker).
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { Synth } from "@cpo/synth"
import ExcelJS from "exceljs"
import type { Page, Request } from "playwright-core"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { accessibilityViolations, downloadedBytes, parseCsv, patient, screenshots, useSite } from "./harness.ts"

const years = { from: 2025, to: 2026 }
const council = Synth.generate({ seed: 23, council: "Synthetic Test Borough", children: 400, years })
const [lastYear, thisYear] = council.returns as [(typeof council.returns)[number], (typeof council.returns)[number]]
const inject = (codes: ReadonlyArray<string>) =>
  Synth.injectErrors(thisYear, { errors: codes.map((code) => ({ code, count: 1 })), seed: 3, previous: lastYear })
/**
 * Every rule the generator can break in this year, less those that no child of this council suits once the others
 * are broken (the generator says so by throwing `InjectionImpossible`).
 */
const codes: Array<string> = []
for (const code of Synth.supportedErrorCodes.filter((c) => Synth.isSupported(c, years.to))) {
  try {
    inject([...codes, code])
    codes.push(code)
  } catch {
    // No child suits this rule once the others are broken: it is left out.
  }
}
const injected = inject(codes)
/** Every injected error as `code child`. */
const expected = [...new Set(injected.injected.map((e) => `${e.code} ${e.childId}`))].sort()

const folder = mkdtempSync(join(tmpdir(), "cpo-validate-e2e-"))
const write = (year: number, ret: typeof thisYear): ReadonlyArray<string> => {
  const dir = join(folder, String(year))
  mkdirSync(dir, { recursive: true })
  return Synth.toCsvFiles(ret).map((f) => {
    const path = join(dir, f.name)
    writeFileSync(path, f.content)
    return path
  })
}
const currentFiles = write(years.to, injected.return)
const previousFiles = write(years.from, lastYear)
const xmlFile = join(folder, "return-2026.xml")
writeFileSync(xmlFile, Synth.toXml(injected.return))
/**
 * The injected errors the XML form shows without last year's return. `Synth.toXml` writes no `<SW_EPISODE>` groups,
 * so the XML has no SWEpisodes table and SW17STG2 is skipped (reported as not run), not failed.
 */
const expectedFromXml = injected.injected.filter(
  (e) => !Synth.codesNeedingPreviousReturn.includes(e.code) && e.code !== "1001" && e.code !== "SW17STG2"
)
/** Distinct fragments of the files: no request may carry one of them. */
const fileFragments = [...new Set(injected.injected.map((e) => e.childId as string))]

/** Press Tab until `selector` has focus (at most 40 times), as a keyboard user would. */
const tabTo = async (page: Page, selector: string) => {
  for (let n = 0; n < 40; n++) {
    if (await page.evaluate((s) => document.activeElement?.matches(s) === true, selector)) return
    await page.keyboard.press("Tab")
  }
  throw new Error(`${selector} was not reached with Tab`)
}

/** Choose this year's and last year's files from the keyboard, then check them. */
const chooseAndCheck = async (page: Page) => {
  await page.locator("h1").waitFor()
  await page.locator("body").focus()
  await tabTo(page, "#current-files")
  await page.locator("#current-files").setInputFiles([...currentFiles])
  await tabTo(page, "#previous-files")
  await page.locator("#previous-files").setInputFiles([...previousFiles])
  await tabTo(page, "button[type=submit]")
  await page.keyboard.press("Enter")
  await page.locator("#report-heading").waitFor(patient)
}

/** The rule code and child of every error in the page's errors table. */
const errorsInTable = async (page: Page): Promise<ReadonlyArray<string>> =>
  page
    .getByRole("table", { name: "Validation errors" })
    .locator("tbody tr")
    .evaluateAll((rows) =>
      rows.map(
        (r) =>
          `${r.querySelector("th")?.textContent ?? ""} ${r.querySelector("[data-child]")?.getAttribute("data-child") ?? ""}`
      )
    )

/**
 * The injected errors the page lists, each looked up with the rule and child filters (a return can hold more errors
 * than the page lists at once).
 */
const listedErrors = async (
  page: Page,
  errors: ReadonlyArray<{ readonly code: string; readonly childId: string }> = injected.injected
): Promise<ReadonlySet<string>> => {
  const listed = new Set<string>()
  for (const error of errors) {
    await page.locator("#filter-rule").selectOption(error.code)
    await page.locator("#filter-child").fill(error.childId)
    await page.getByRole("button", { name: "Apply filters" }).press("Enter")
    let rows: ReadonlyArray<string> = []
    await expect
      .poll(async () => {
        rows = await errorsInTable(page)
        return rows.every((e) => e === `${error.code} ${error.childId}`)
      }, patient)
      .toBe(true)
    for (const e of rows) listed.add(e)
  }
  await page.locator("#filter-rule").selectOption("")
  await page.locator("#filter-child").fill("")
  await page.getByRole("button", { name: "Apply filters" }).press("Enter")
  return listed
}

/** Every injected error is in `found` (the rules may find more: other checks than those injected can fire). */
const missing = (found: Iterable<string>) => {
  const all = new Set(found)
  return expected.filter((e) => !all.has(e))
}

const download = async (page: Page, kind: "csv" | "xlsx" | "json") => {
  // The files are made just after the result shows.
  await page.locator(`[data-download="${kind}"]`).waitFor(patient)
  await tabTo(page, `[data-download="${kind}"]`)
  const saved = page.waitForEvent("download")
  await page.keyboard.press("Enter")
  const file = await saved
  return { name: file.suggestedFilename(), bytes: await downloadedBytes(file) }
}

describe("checking a 903 return in the browser", () => {
  const site = useSite({ store: { withSynthetic: false } })
  let page: Page
  const requests: Array<{ url: string; method: string; body: string | null; type: string; at: number }> = []
  let chosenAt = Number.POSITIVE_INFINITY
  const downloads: Partial<Record<"csv" | "xlsx" | "json", { name: string; bytes: Buffer }>> = {}
  const downloaded = (kind: "csv" | "xlsx" | "json") => {
    const file = downloads[kind]
    if (file === undefined) throw new Error(`the ${kind} report was not downloaded`)
    return file
  }

  beforeAll(() => {
    page = site.page
    // The context sees the page's, its workers' and the service worker's requests.
    site.context.on("request", (r: Request) =>
      requests.push({ url: r.url(), method: r.method(), body: r.postData(), type: r.resourceType(), at: Date.now() })
    )
  })

  afterAll(() => {
    rmSync(folder, { recursive: true, force: true })
  })

  it("opens without signing in, from the header, and asks for the files first", async () => {
    await page.goto(`${site.url}/`)
    await page.getByRole("link", { name: "Check a 903 return" }).click()
    await page.getByRole("heading", { level: 1, name: "Check a 903 return" }).waitFor()
    expect(new URL(page.url()).pathname).toBe("/validate")
    await page.getByRole("button", { name: "Check the files" }).click()
    const summary = page.getByRole("alert")
    await summary.waitFor()
    expect(await summary.getByRole("link").allTextContents()).toEqual([
      "Choose this year's 903 files (CSV or XML), or their folder"
    ])
    await page.locator('[data-offline-ready="yes"]').waitFor(patient)
    expect(await accessibilityViolations(page)).toEqual([])
  })

  it("is installable: a linked manifest whose start page and icons are served", async () => {
    expect(await page.locator('link[rel="manifest"]').getAttribute("href")).toBe("/manifest.webmanifest")
    const manifest = (await (await page.request.get(`${site.url}/manifest.webmanifest`)).json()) as {
      start_url: string
      display: string
      icons: ReadonlyArray<{ src: string; type: string; sizes: string }>
    }
    expect(manifest.start_url).toBe("/validate")
    expect(manifest.display).toBe("standalone")
    expect(manifest.icons.map((i) => i.sizes)).toEqual(expect.arrayContaining(["192x192", "512x512"]))
    for (const icon of manifest.icons) {
      const res = await page.request.get(`${site.url}${icon.src}`)
      expect(res.status()).toBe(200)
      expect(res.headers()["content-type"]).toContain(icon.type)
    }
    expect(await page.evaluate(() => navigator.serviceWorker.controller?.scriptURL)).toBe(`${site.url}/sw.js`)
  })

  it("lists every injected error, from the keyboard, with no file content on the network", async () => {
    expect(codes.length).toBeGreaterThanOrEqual(30)
    expect(expected.length).toBeGreaterThanOrEqual(codes.length)
    await page.goto(`${site.url}/validate`)
    await page.locator("h1").waitFor()
    chosenAt = Date.now()
    await chooseAndCheck(page)
    // Focus moves to the result; from there the downloads are the next stops.
    expect(await page.evaluate(() => document.activeElement?.id)).toBe("report-heading")
    downloads.csv = await download(page, "csv")
    downloads.xlsx = await download(page, "xlsx")
    downloads.json = await download(page, "json")
    expect(missing(await listedErrors(page))).toEqual([])
    expect(await page.locator("#report-heading").textContent()).toMatch(/^\d+ errors? found$/)
    expect(Number(await page.locator("[data-report]").getAttribute("data-elapsed-ms"))).toBeGreaterThan(0)
    expect(await page.locator("[data-scorecard] [data-indicator]").count()).toBeGreaterThan(10)

    const after = requests.filter((r) => r.at >= chosenAt)
    const origin = new URL(site.url).origin
    const notStatic = after.filter((r) => {
      const url = new URL(r.url)
      if (url.protocol === "blob:" || url.protocol === "data:") return false
      return !(
        url.origin === origin &&
        r.method === "GET" &&
        r.body === null &&
        url.search === "" &&
        /^\/(assets\/[\w.-]+|sw\.js|sw-precache\.js|manifest\.webmanifest|icon[\w.-]*|validate)?$/.test(url.pathname)
      )
    })
    expect(notStatic).toEqual([])
    for (const r of after) {
      for (const fragment of fileFragments) expect(`${r.url} ${r.body ?? ""}`).not.toContain(fragment)
    }
    expect(await accessibilityViolations(page)).toEqual([])
  })

  it("downloads the report, from the keyboard, as CSV, XLSX and JSON that open and agree with the page", async () => {
    const heading = (await page.locator("#report-heading").textContent()) ?? ""
    const count = Number(heading.replace(/[^\d]/g, ""))

    const json = downloaded("json")
    expect(json.name).toBe("903-validation-2026.json")
    const report = JSON.parse(json.bytes.toString("utf8")) as {
      year: number
      errors: ReadonlyArray<{ code: string; childId: string | null }>
    }
    expect(report.year).toBe(2026)
    expect(report.errors.length).toBe(count)
    expect(missing(report.errors.map((e) => `${e.code} ${e.childId}`))).toEqual([])

    const csv = downloaded("csv")
    expect(csv.name).toBe("903-validation-2026.csv")
    const rows = parseCsv(csv.bytes.toString("utf8"))
    expect(rows[0]).toEqual(["code", "message", "table", "file", "rows", "child", "fields", "value", "expected"])
    expect(rows.length - 1).toBe(count)
    expect(missing(rows.slice(1).map((r) => `${r[0]} ${r[5]}`))).toEqual([])

    const xlsx = downloaded("xlsx")
    expect(xlsx.name).toBe("903-validation-2026.xlsx")
    const workbook = new ExcelJS.Workbook()
    await workbook.xlsx.load(xlsx.bytes as unknown as ArrayBuffer)
    expect(workbook.worksheets.map((w) => w.name)).toEqual(["Errors", "By rule", "By table", "Rules"])
    const errorsSheet = workbook.getWorksheet("Errors")
    expect(errorsSheet?.rowCount).toBe(count + 1)
    const sheetPairs = new Set<string>()
    errorsSheet?.eachRow((row, n) => {
      if (n > 1) sheetPairs.add(`${String(row.getCell(1).value)} ${String(row.getCell(6).value ?? "")}`)
    })
    expect(missing(sheetPairs)).toEqual([])
  })

  it("filters by child and shows that child's rows with the faulty values marked", async () => {
    const target = injected.injected.find((e) => e.code === "101") ?? injected.injected[0]
    if (target === undefined) throw new Error("nothing was injected")
    await page.locator("#filter-child").fill(target.childId)
    await page.getByRole("button", { name: "Apply filters" }).press("Enter")
    const children = await page
      .getByRole("table", { name: "Validation errors" })
      .locator("[data-child]")
      .evaluateAll((buttons) => buttons.map((b) => b.getAttribute("data-child")))
    expect(children.length).toBeGreaterThan(0)
    expect(children.every((c) => c === target.childId)).toBe(true)

    await page.locator(`[data-child="${target.childId}"]`).first().focus()
    await page.keyboard.press("Enter")
    const drill = page.locator(`[data-child-rows="${target.childId}"]`)
    await drill.waitFor(patient)
    expect(await page.evaluate(() => document.activeElement?.id)).toBe("child-rows-heading")
    const flagged = await drill
      .locator("[data-flagged]")
      .evaluateAll((cells) => cells.map((c) => c.getAttribute("data-flagged")))
    expect(flagged.length).toBeGreaterThan(0)
    if (target.code === "101") expect(flagged).toContain("SEX")
    expect(await drill.getByRole("table").count()).toBeGreaterThan(0)
    expect(await accessibilityViolations(page)).toEqual([])
    expect(await screenshots(page, "validate")).toEqual([
      { width: 1280, overflows: false },
      { width: 390, overflows: false }
    ])
  })

  it("after one visit, loads and validates with the network cut off", async () => {
    const offline = await site.context.newPage()
    await offline.goto(`${site.url}/validate`)
    await offline.locator('[data-offline-ready="yes"]').waitFor(patient)
    const reachedNetwork: Array<string> = []
    await site.context.setOffline(true)
    await site.context.route("**/*", (route) => {
      reachedNetwork.push(route.request().url())
      return route.abort("internetdisconnected")
    })
    try {
      await offline.reload()
      await offline.getByRole("heading", { level: 1, name: "Check a 903 return" }).waitFor(patient)
      await chooseAndCheck(offline)
      expect(missing(await listedErrors(offline))).toEqual([])
      // Only the page itself (the service worker tries the network first for pages, then answers from its cache)
      // and the API's calls (the layout's list of councils) tried the network, and failed.
      expect(
        reachedNetwork
          .map((url) => new URL(url).pathname)
          .filter((path) => path !== "/validate" && !path.startsWith("/v1/"))
      ).toEqual([])
    } finally {
      await site.context.unroute("**/*")
      await site.context.setOffline(false)
      await offline.close()
    }
  })

  it("checks the DfE XML form, taking the year from the episodes, and shows a child's XML lines", async () => {
    await page.goto(`${site.url}/validate`)
    await page.locator("#current-files").setInputFiles([xmlFile])
    await page.getByRole("button", { name: "Check the files" }).click()
    await page.locator("#report-heading").waitFor(patient)
    expect(await page.locator("[data-report] > p").first().textContent()).toContain(
      "1 file for 2025/26 (the year of the latest episode)"
    )
    const listed = await listedErrors(page, expectedFromXml)
    expect(expectedFromXml.filter((e) => !listed.has(`${e.code} ${e.childId}`))).toEqual([])
    const target = expectedFromXml.find((e) => e.code === "101") ?? expectedFromXml[0]
    if (target === undefined) throw new Error("nothing was injected")
    await page.locator("#filter-child").fill(target.childId)
    await page.getByRole("button", { name: "Apply filters" }).press("Enter")
    await page.locator(`[data-child="${target.childId}"]`).first().press("Enter")
    const drill = page.locator(`[data-child-rows="${target.childId}"]`)
    await drill.waitFor(patient)
    expect(await drill.locator(".source-xml").count()).toBe(1)
    expect(await drill.locator(".source-xml .source-rows__flagged").count()).toBeGreaterThan(0)
    expect(await drill.locator(".source-xml").textContent()).toContain(`<CHILDID>${target.childId}</CHILDID>`)
    expect(await accessibilityViolations(page)).toEqual([])
  })
})
