import { ReportingYear } from "@cpo/domain"
import { Workbook } from "@cpo/ssda903"
import { describe, expect, it } from "vitest"
import { bearer, councilA, councilAReport } from "../testing.ts"
import { seededApi } from "../testing-app.ts"
import { tablesOf, toCsv } from "./report-tables.ts"

const { app, runtime } = seededApi()
const reportOf = (query: string) => `/v1/councils/${councilA.id}/reports/member?${query}`

const modelFor = (audience: "member" | "officer") => councilAReport(runtime(), audience, "test:report-tables")

/** The entries of a ZIP of stored entries, read from its central directory. */
/** The text of each entry of a ZIP archive, inflating deflated entries (method 8) with the platform's stream. */
const unzip = async (bytes: Uint8Array): Promise<Map<string, string>> => {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  const end = bytes.length - 22
  expect(view.getUint32(end, true)).toBe(0x06054b50)
  const count = view.getUint16(end + 10, true)
  let at = view.getUint32(end + 16, true)
  const out = new Map<string, string>()
  for (let i = 0; i < count; i++) {
    expect(view.getUint32(at, true)).toBe(0x02014b50)
    const method = view.getUint16(at + 10, true)
    const size = view.getUint32(at + 20, true)
    const nameLength = view.getUint16(at + 28, true)
    const local = view.getUint32(at + 42, true)
    const name = new TextDecoder().decode(bytes.subarray(at + 46, at + 46 + nameLength))
    const dataAt = local + 30 + view.getUint16(local + 26, true)
    const data = bytes.slice(dataAt, dataAt + size)
    const raw =
      method === 8
        ? new Uint8Array(
            await new Response(
              new Blob([data]).stream().pipeThrough(new DecompressionStream("deflate-raw"))
            ).arrayBuffer()
          )
        : data
    out.set(name, new TextDecoder().decode(raw))
    at += 46 + nameLength
  }
  return out
}

describe("the member report's tables", () => {
  it("come as one tidy CSV line per cell of every table, as the report has them", async () => {
    const res = await app().request(reportOf("year=2018&format=csv&audience=officer"), {
      headers: await bearer("officer", [councilA.id])
    })
    expect(res.status).toBe(200)
    expect(res.headers.get("content-type")).toContain("text/csv")
    const csv = await res.text()
    const model = await modelFor("officer")
    expect(csv).toBe(toCsv(model))
    const tables = tablesOf(model)
    expect(tables.length).toBeGreaterThan(0)
    const lines = csv.trimEnd().split("\r\n")
    expect(lines[0]).toBe("section,table,row,column,value")
    const cells = tables.reduce((n, t) => n + t.rows.reduce((m, r) => m + Math.max(r.length - 1, 0), 0), 0)
    expect(lines.length).toBe(cells + 1)
  })

  it("give a member the suppressed report's tables whatever audience is asked for", async () => {
    const asked = await (
      await app().request(reportOf("year=2018&format=csv&audience=officer"), {
        headers: await bearer("member", [councilA.id])
      })
    ).text()
    expect(asked).toBe(toCsv(await modelFor("member")))
    expect(asked).not.toBe(toCsv(await modelFor("officer")))
  })

  it("come as an XLSX workbook with a sheet per table, caption and headings first", async () => {
    const res = await app().request(reportOf("year=2018&format=xlsx&audience=officer"), {
      headers: await bearer("officer", [councilA.id])
    })
    expect(res.status).toBe(200)
    expect(res.headers.get("content-type")).toBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
    const parts = await unzip(new Uint8Array(await res.arrayBuffer()))
    const tables = tablesOf(await modelFor("officer"))
    expect([...parts.keys()]).toEqual([
      "[Content_Types].xml",
      "_rels/.rels",
      "xl/workbook.xml",
      "xl/_rels/workbook.xml.rels",
      "xl/styles.xml",
      ...tables.map((_, i) => `xl/worksheets/sheet${i + 1}.xml`)
    ])
    const first = tables[0]
    expect(parts.get("xl/worksheets/sheet1.xml")).toContain(`<t xml:space="preserve">${first?.caption}</t>`)
    for (const name of Workbook.sheetNames(tables.map((t) => t.caption))) {
      expect(parts.get("xl/workbook.xml")).toContain(
        `name="${name.replaceAll("&", "&amp;").replaceAll('"', "&quot;").replaceAll("<", "&lt;").replaceAll(">", "&gt;")}"`
      )
    }
  })

  it("name sheets as Excel allows: 31 characters, no []:*?/\\, unique", () => {
    const names = Workbook.sheetNames([
      "Children looked after at 31 March by placement group",
      "Children looked after at 31 March by placement group",
      "a/b [c]: d?",
      ""
    ])
    expect(names.every((n) => n.length <= 31 && !/[[\]:*?/\\]/.test(n))).toBe(true)
    expect(new Set(names.map((n) => n.toLowerCase())).size).toBe(4)
    expect(names[1]?.endsWith("(2)")).toBe(true)
    expect(names[3]).toBe("Sheet 4")
  })

  it("keep a spreadsheet from reading a text cell as a formula", () => {
    const csv = toCsv({
      title: "t",
      council: "Fake",
      year: ReportingYear.make(2018),
      audience: "officer",
      asOf: "2018-03-31" as never,
      sections: [
        {
          id: "s",
          heading: "Fake section",
          blocks: [
            {
              _tag: "Table",
              table: {
                caption: "Fake table",
                columns: ["Row", "Value"],
                rows: [[{ text: "=HYPERLINK()" }, { text: "=1+1" }]]
              }
            }
          ],
          subsections: []
        }
      ]
    })
    expect(csv.split("\r\n")[1]).toBe("Fake section,Fake table,'=HYPERLINK(),Value,'=1+1")
  })

  it("answers 400 for a format it does not have", async () => {
    const res = await app().request(reportOf("year=2018&format=pdf"), {
      headers: await bearer("officer", [councilA.id])
    })
    expect(res.status).toBe(400)
  })
})
