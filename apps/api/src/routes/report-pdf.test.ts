import type { MemberReport } from "@cpo/domain"
import { getDocumentProxy } from "unpdf"
import { describe, expect, it } from "vitest"
import { bearer, councilA, councilAReport } from "../testing.ts"
import { seededApi } from "../testing-app.ts"
import { render } from "./report-pdf.ts"

const { app, runtime } = seededApi()
const pdfOf = (query: string) => `/v1/councils/${councilA.id}/reports/member.pdf?${query}`

const modelFor = (audience: "member" | "officer") => councilAReport(runtime(), audience, "test:report-pdf")

/** Every piece of text the PDF draws, in order, as PDF.js reads it back from the bytes. */
const textItems = async (bytes: Uint8Array): Promise<{ pages: number; items: ReadonlyArray<string> }> => {
  const document = await getDocumentProxy(new Uint8Array(bytes))
  const items: Array<string> = []
  for (let n = 1; n <= document.numPages; n++) {
    const content = await (await document.getPage(n)).getTextContent()
    for (const item of content.items) if ("str" in item && item.str.trim() !== "") items.push(item.str)
  }
  return { pages: document.numPages, items }
}

/** The report's blocks, depth first. */
const blocksOf = (sections: ReadonlyArray<MemberReport.Section>): ReadonlyArray<MemberReport.Block> =>
  sections.flatMap((s) => [...s.blocks, ...blocksOf(s.subsections)])

/** A count from 1 to 5 standing alone in a cell, or counting children in a sentence. */
const isSmallCount = (text: string) => /^[1-5]$/.test(text.trim()) || /\b[1-5] (children|young people)\b/.test(text)

describe("the member report as PDF", () => {
  it("is a PDF with the title, narrative, every table's caption and headings and each RAG in words", async () => {
    const res = await app().request(pdfOf("year=2018&audience=officer"), {
      headers: await bearer("officer", [councilA.id])
    })
    expect(res.status).toBe(200)
    expect(res.headers.get("content-type")).toBe("application/pdf")
    const bytes = new Uint8Array(await res.arrayBuffer())
    expect(new TextDecoder().decode(bytes.subarray(0, 5))).toBe("%PDF-")
    const { pages, items } = await textItems(bytes)
    const text = items.join("\n")
    const model = await modelFor("officer")
    expect(pages).toBeGreaterThan(1)
    expect(items[0]).toBe(model.title)
    expect(text).toContain("Fake Borough A")
    expect(text).toContain("At 31 March 2018 there were 4 children looked after.")
    const blocks = blocksOf(model.sections)
    const tables = blocks.flatMap((b) => (b._tag === "Table" ? [b.table] : []))
    expect(tables.length).toBeGreaterThan(3)
    for (const table of tables) {
      expect(items, table.caption).toContain(table.caption)
      for (const column of table.columns.filter((c) => c !== "")) expect(items, column).toContain(column)
    }
    const rags = tables.flatMap((t) => t.rows.flatMap((r) => r.filter((c) => c.rag !== undefined)))
    expect(rags.length).toBeGreaterThan(0)
    for (const cell of rags) expect(items).toContain(cell.text)
    expect(text).toContain(`page ${pages} of ${pages}`)
  })

  it("keeps suppression: a member's PDF shows c and no count from 1 to 5, where the officers' has them", async () => {
    const member = await textItems(await render(await modelFor("member")))
    const officer = await textItems(await render(await modelFor("officer")))
    expect(officer.items.filter(isSmallCount).length).toBeGreaterThan(0)
    expect(member.items.filter(isSmallCount)).toEqual([])
    expect(member.items).toContain("c")
    expect(member.items.join(" ")).toContain("too small to publish")
  })

  it("gives a member the member PDF whatever audience is asked for", async () => {
    const asked = await app().request(pdfOf("year=2018&audience=officer"), {
      headers: await bearer("member", [councilA.id])
    })
    expect(asked.status).toBe(200)
    const { items } = await textItems(new Uint8Array(await asked.arrayBuffer()))
    expect(items).toEqual((await textItems(await render(await modelFor("member")))).items)
  })

  it("answers return-not-found for a year with no return", async () => {
    const res = await app().request(pdfOf("year=2016"), { headers: await bearer("officer", [councilA.id]) })
    expect(res.status).toBe(404)
    expect(((await res.json()) as { type: string }).type).toBe("urn:cpo:problem:return-not-found")
  })

  it("draws text the standard fonts lack in words, never failing on it", async () => {
    const model = await modelFor("officer")
    const bytes = await render({
      ...model,
      sections: [
        {
          id: "fake",
          heading: "Fake section → arrows ≥ and ✓",
          blocks: [{ _tag: "Paragraph", text: "Plainly fake: 日本 and ≤ 3" }],
          subsections: []
        }
      ]
    })
    const { items } = await textItems(bytes)
    expect(items).toContain("Fake section -> arrows >= and yes")
    expect(items).toContain("Plainly fake: ?? and <= 3")
  })
})
