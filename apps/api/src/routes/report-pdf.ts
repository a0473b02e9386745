/**
 * `GET /v1/councils/:council/reports/member.pdf?year=&audience=`: the corporate parenting report (the same model as
 * `…/reports/member`, `StoredReport.memberReportOf`) as an A4 PDF made with pdf-lib — plain JavaScript with the PDF standard fonts,
 * so no browser runs on the server and the renderer needs nothing from Node (it runs on edge runtimes too). The title,
 * every section's narrative, lists and facts, and every table (charts as their data table) are laid out with wrapped
 * text and tables that repeat their headings across pages. Figures are the model's own, already suppressed for the
 * audience (`c`); RAG is written as its word, on its colour. Members and the public always get their audience.
 */
import { CalendarDate, MemberReport } from "@cpo/domain"
import { Hono } from "hono"
import { type Color, PDFDocument, type PDFFont, type PDFPage, rgb, StandardFonts } from "pdf-lib"
import { endpoints } from "../endpoints.ts"
import { guard, validate } from "../middleware.ts"
import { answerHtml, type Deps } from "../run.ts"
import type { ApiEnv } from "../runtime.ts"
import { renderedReport } from "./report.ts"

/** A4 in points, with 2 cm margins. */
const pageSize: [number, number] = [595.28, 841.89]
const margin = 56
const contentWidth = pageSize[0] - 2 * margin
const black = rgb(0.04, 0.05, 0.05)
const grey = rgb(0.31, 0.33, 0.35)
const ruleGrey = rgb(0.69, 0.71, 0.73)
const ragColours: Record<NonNullable<MemberReport.Cell["rag"]>, Color> = {
  red: rgb(0.96, 0.82, 0.82),
  amber: rgb(0.98, 0.89, 0.71),
  green: rgb(0.81, 0.91, 0.84)
}

/** Characters the standard fonts (WinAnsi) cannot draw, in words or their nearest WinAnsi form. */
const replacements: Record<string, string> = {
  "≥": ">=",
  "≤": "<=",
  "≠": "!=",
  "→": "->",
  "←": "<-",
  "↑": "up",
  "↓": "down",
  "✓": "yes",
  "✕": "x",
  "✗": "x",
  "−": "-",
  "\u00a0": " ",
  "\u2009": " ",
  "\u202f": " "
}

interface Fonts {
  readonly regular: PDFFont
  readonly bold: PDFFont
}

/** The text as the standard fonts can draw it: known characters replaced, any other they lack as "?". */
const drawable = (supported: ReadonlySet<number>, text: string): string =>
  Array.from(text.replaceAll(/\s+/g, " "), (ch) =>
    supported.has(ch.codePointAt(0) ?? 0) ? ch : (replacements[ch] ?? "?")
  ).join("")

/** Words wrapped to `width`; a word longer than the line is broken where it must be. */
const wrap = (font: PDFFont, size: number, text: string, width: number): ReadonlyArray<string> => {
  const lines: Array<string> = []
  let line = ""
  const fits = (s: string) => font.widthOfTextAtSize(s, size) <= width
  for (const word of text.split(" ").filter((w) => w !== "")) {
    const candidate = line === "" ? word : `${line} ${word}`
    if (fits(candidate)) {
      line = candidate
      continue
    }
    if (line !== "") lines.push(line)
    let rest = word
    while (!fits(rest)) {
      let cut = rest.length - 1
      while (cut > 1 && !fits(rest.slice(0, cut))) cut--
      lines.push(rest.slice(0, cut))
      rest = rest.slice(cut)
    }
    line = rest
  }
  if (line !== "" || lines.length === 0) lines.push(line)
  return lines
}

/** Lays the report out page by page, top to bottom. */
const makeWriter = (document: PDFDocument, fonts: Fonts, footer: string) => {
  const supported = new Set(fonts.regular.getCharacterSet())
  const clean = (text: string) => drawable(supported, text)
  const pages: Array<PDFPage> = []
  let page = document.addPage(pageSize)
  pages.push(page)
  let y = pageSize[1] - margin

  const newPage = () => {
    page = document.addPage(pageSize)
    pages.push(page)
    y = pageSize[1] - margin
  }
  const ensure = (height: number) => {
    if (y - height < margin + 14) newPage()
  }

  const lines = (text: string, options: { font: PDFFont; size: number; colour?: Color; indent?: number }) => {
    const indent = options.indent ?? 0
    const leading = options.size * 1.35
    for (const line of wrap(options.font, options.size, clean(text), contentWidth - indent)) {
      ensure(leading)
      y -= leading
      page.drawText(line, {
        x: margin + indent,
        y: y + options.size * 0.28,
        size: options.size,
        font: options.font,
        color: options.colour ?? black
      })
    }
  }

  const gap = (points: number) => {
    y -= points
  }

  const heading = (text: string, level: number) => {
    const size = level <= 1 ? 22 : level === 2 ? 16 : 13
    ensure(size * 3.5) // never a heading alone at the foot of a page
    gap(size * 0.6)
    lines(text, { font: fonts.bold, size })
    gap(4)
  }

  const table = (t: MemberReport.Table) => {
    const size = 9
    const leading = size * 1.3
    const padding = 4
    const columns = Math.max(t.columns.length, ...t.rows.map((r) => r.length))
    const numeric = Array.from(
      { length: columns },
      (_, i) => i > 0 && t.rows.length > 0 && t.rows.every((r) => r[i]?.numeric === true)
    )
    const natural = Array.from({ length: columns }, (_, i) =>
      Math.max(
        fonts.bold.widthOfTextAtSize(clean(t.columns[i] ?? ""), size),
        ...t.rows.map((r) => fonts.regular.widthOfTextAtSize(clean(r[i]?.text ?? ""), size))
      )
    ).map((w) => w + 2 * padding + 1)
    const total = natural.reduce((a, b) => a + b, 0)
    // Columns keep their natural width when the table fits; otherwise each gets a share of the page in proportion,
    // and no column is narrower than 40 pt.
    const shares = total <= contentWidth ? natural : natural.map((w) => Math.max(40, (w / total) * contentWidth))
    const scale = Math.min(1, contentWidth / shares.reduce((a, b) => a + b, 0))
    const widths = shares.map((w) => w * scale)

    const row = (cells: ReadonlyArray<{ text: string; rag?: MemberReport.Cell["rag"] }>, font: PDFFont) => {
      const wrapped = widths.map((w, i) => wrap(font, size, clean(cells[i]?.text ?? ""), w - 2 * padding))
      const height = Math.max(...wrapped.map((l) => l.length)) * leading + 2 * padding
      return { wrapped, height, cells }
    }
    const draw = (laid: ReturnType<typeof row>, font: PDFFont) => {
      let x = margin
      laid.wrapped.forEach((cellLines, i) => {
        const rag = laid.cells[i]?.rag
        if (rag !== undefined) {
          page.drawRectangle({
            x: x + 1,
            y: y - laid.height + 1,
            width: (widths[i] ?? 0) - 2,
            height: laid.height - 2,
            color: ragColours[rag]
          })
        }
        cellLines.forEach((line, n) => {
          const width = font.widthOfTextAtSize(line, size)
          page.drawText(line, {
            x: numeric[i] === true ? x + (widths[i] ?? 0) - padding - width : x + padding,
            y: y - padding - (n + 1) * leading + size * 0.3,
            size,
            font: rag === undefined ? font : fonts.bold,
            color: black
          })
        })
        x += widths[i] ?? 0
      })
      y -= laid.height
      page.drawLine({
        start: { x: margin, y },
        end: { x: margin + widths.reduce((a, b) => a + b, 0), y },
        thickness: 0.5,
        color: ruleGrey
      })
    }

    const header = row(
      t.columns.map((text) => ({ text })),
      fonts.bold
    )
    const body = t.rows.map((r) => row(r, fonts.regular))
    gap(6)
    ensure(size * 2 + header.height + (body[0]?.height ?? 0))
    lines(t.caption, { font: fonts.bold, size: 10, colour: grey })
    draw(header, fonts.bold)
    for (const laid of body) {
      if (y - laid.height < margin + 14) {
        newPage()
        lines(`${t.caption} (continued)`, { font: fonts.bold, size: 10, colour: grey })
        draw(header, fonts.bold)
      }
      draw(laid, fonts.regular)
    }
    gap(8)
  }

  const block = (b: MemberReport.Block) => {
    switch (b._tag) {
      case "Paragraph":
        lines(b.text, { font: fonts.regular, size: 11 })
        gap(6)
        return
      case "List":
        for (const item of b.items) lines(`- ${item}`, { font: fonts.regular, size: 11, indent: 8 })
        gap(6)
        return
      case "Facts":
        for (const fact of b.facts) lines(`${fact.term}: ${fact.value.text}`, { font: fonts.regular, size: 11 })
        gap(6)
        return
      case "Table":
        table(b.table)
        return
      case "Chart":
        lines(b.chart.description, { font: fonts.regular, size: 10, colour: grey })
        table({
          caption: `${b.chart.title} (chart data)`,
          columns: ["", "Figure"],
          rows: b.chart.bars.map((bar) => [{ text: bar.label }, { text: bar.display, numeric: true }])
        })
        return
    }
  }

  const section = (s: MemberReport.Section, level: number) => {
    heading(s.heading, level)
    for (const b of s.blocks) block(b)
    for (const sub of s.subsections) section(sub, Math.min(level + 1, 3))
  }

  /** Page numbers and the report's name at the foot of every page, once the page count is known. */
  const finish = () =>
    pages.forEach((p, i) => {
      p.drawText(clean(`${footer} · page ${i + 1} of ${pages.length}`), {
        x: margin,
        y: margin / 2,
        size: 8,
        font: fonts.regular,
        color: grey
      })
    })

  return { lines, gap, heading, section, finish }
}

/**
 * The report as PDF bytes: title, audience and date, then every section in order.
 * @category encoding
 */
export const render = async (report: MemberReport.Report): Promise<Uint8Array<ArrayBuffer>> => {
  const document = await PDFDocument.create()
  const asOf = new Date(`${report.asOf}T00:00:00Z`)
  document.setTitle(report.title)
  document.setSubject(MemberReport.subtitle(report))
  document.setAuthor(report.council)
  document.setLanguage("en-GB")
  document.setCreator("cpo")
  document.setProducer("cpo (pdf-lib)")
  document.setCreationDate(asOf)
  document.setModificationDate(asOf)
  const fonts: Fonts = {
    regular: await document.embedFont(StandardFonts.Helvetica),
    bold: await document.embedFont(StandardFonts.HelveticaBold)
  }
  const writer = makeWriter(document, fonts, `${report.title} · ${MemberReport.subtitle(report)}`)
  writer.heading(report.title, 1)
  writer.lines(`${MemberReport.subtitle(report)} · as at ${CalendarDate.toDdMmYyyy(report.asOf)}`, {
    font: fonts.regular,
    size: 11,
    colour: grey
  })
  writer.gap(8)
  for (const s of report.sections) writer.section(s, 2)
  writer.finish()
  return (await document.save()) as Uint8Array<ArrayBuffer>
}

export const reportPdf = (deps: Deps) =>
  new Hono<ApiEnv>().get(
    endpoints.memberReportPdf.path,
    guard("memberReportPdf"),
    validate("param", endpoints.memberReportPdf.params),
    validate("query", endpoints.memberReportPdf.query),
    (c) => {
      const { council } = c.req.valid("param")
      const program = renderedReport(c, endpoints.memberReportPdf, council, c.req.valid("query"), render)
      return answerHtml(c, deps, program, "application/pdf")
    }
  )
