/**
 * The member report as one self-contained, accessible and print-ready HTML page: a language, a title and landmarks;
 * one `h1`, `h2` per section and `h3` per subsection; every table with a caption and header cells with scope; RAG
 * given in words as well as colour; each chart an SVG with `role="img"`, a title and a description, followed by the
 * same figures as a table; and print CSS for A4 (no page breaks inside tables or charts). No script and no external
 * resource, so the page renders the same in a browser, in a council's document system and through Chromium to PDF.
 */
import * as CalendarDate from "./CalendarDate.ts"
import * as MemberReport from "./MemberReport.ts"

/** Escape text for HTML content and attribute values. @category encoding */
export const escapeHtml = (s: string): string =>
  s
    .replaceAll("&", "&amp;")
    .replaceAll("<", "&lt;")
    .replaceAll(">", "&gt;")
    .replaceAll('"', "&quot;")
    .replaceAll("'", "&#39;")

const css = `
:root { color: #1a1a1a; background: #ffffff; font-family: Arial, Helvetica, sans-serif; line-height: 1.5; }
body { margin: 0; }
.page { max-width: 60rem; margin: 0 auto; padding: 1.5rem; }
header { border-bottom: 4px solid #1d4f91; margin-bottom: 1.5rem; }
h1 { font-size: 2rem; margin: 0 0 0.25rem; color: #0b2e5c; }
h2 { font-size: 1.5rem; margin-top: 2rem; color: #0b2e5c; border-bottom: 1px solid #b1b4b6; }
h3 { font-size: 1.2rem; margin-top: 1.5rem; color: #0b2e5c; }
h4 { font-size: 1.05rem; }
.subtitle { margin: 0 0 1rem; color: #3b3b3b; }
nav ol { columns: 2; padding-left: 1.25rem; }
a { color: #1d4f91; }
table { border-collapse: collapse; width: 100%; margin: 0.75rem 0 1.25rem; font-size: 0.9rem; }
caption { text-align: left; font-weight: bold; padding: 0.25rem 0; }
th, td { border: 1px solid #b1b4b6; padding: 0.3rem 0.5rem; vertical-align: top; text-align: left; }
thead th { background: #e8edf4; }
td.num { text-align: right; font-variant-numeric: tabular-nums; }
dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: 0.2rem 1rem; }
dl.facts dt { font-weight: bold; }
dl.facts dd { margin: 0; }
.rag { display: inline-block; padding: 0 0.5rem; border-radius: 0.25rem; font-weight: bold; border: 1px solid #1a1a1a; }
.rag-red { background: #f6d2d2; color: #6b0000; }
.rag-amber { background: #fbe3b5; color: #5c3600; }
.rag-green { background: #cfe8d5; color: #0b4a1c; }
figure { margin: 1rem 0; }
figcaption { font-weight: bold; }
svg text { font-family: Arial, Helvetica, sans-serif; fill: #1a1a1a; }
footer { margin-top: 2rem; font-size: 0.85rem; color: #3b3b3b; }
@page { size: A4; margin: 18mm 15mm; }
@media print {
  :root { font-size: 10.5pt; }
  .page { max-width: none; padding: 0; }
  nav { display: none; }
  h2, h3 { break-after: avoid; }
  table, figure, dl.facts { break-inside: avoid; }
  a { color: inherit; text-decoration: none; }
  .rag { print-color-adjust: exact; -webkit-print-color-adjust: exact; }
}
`

const content = (c: MemberReport.Cell): string =>
  c.rag === undefined ? escapeHtml(c.text) : `<span class="rag rag-${c.rag}">${escapeHtml(c.text)}</span>`

const cell = (c: MemberReport.Cell, header: boolean): string =>
  header ? `<th scope="row">${content(c)}</th>` : `<td${c.numeric === true ? ' class="num"' : ""}>${content(c)}</td>`

const table = (t: MemberReport.Table): string =>
  [
    "<table>",
    `<caption>${escapeHtml(t.caption)}</caption>`,
    `<thead><tr>${t.columns.map((c) => `<th scope="col">${escapeHtml(c)}</th>`).join("")}</tr></thead>`,
    `<tbody>${t.rows.map((r) => `<tr>${r.map((c, i) => cell(c, i === 0)).join("")}</tr>`).join("")}</tbody>`,
    "</table>"
  ].join("\n")

const chartSvg = (chart: MemberReport.Chart): string => {
  const width = 560
  const height = 240
  const top = 24
  const bottom = 40
  const left = 16
  const plot = height - top - bottom
  const values = chart.bars.flatMap((b) => (b.value === null ? [] : [b.value]))
  const max = chart.unit === "percent" ? 100 : Math.max(1, ...values)
  const slot = (width - 2 * left) / Math.max(1, chart.bars.length)
  const barWidth = Math.min(80, slot * 0.6)
  const bars = chart.bars.map((b, i) => {
    const x = left + slot * i + (slot - barWidth) / 2
    const centre = x + barWidth / 2
    const h = b.value === null ? 0 : Math.max(1, (b.value / max) * plot)
    const y = top + plot - h
    const label = b.value === null ? (b.display === "c" ? "c (too small to publish)" : "not available") : b.display
    return [
      b.value === null
        ? ""
        : `<rect x="${x.toFixed(1)}" y="${y.toFixed(1)}" width="${barWidth.toFixed(1)}" height="${h.toFixed(1)}" fill="#1d4f91"/>`,
      `<text x="${centre.toFixed(1)}" y="${(y - 6).toFixed(1)}" text-anchor="middle" font-size="13">${escapeHtml(label)}</text>`,
      `<text x="${centre.toFixed(1)}" y="${(height - bottom + 20).toFixed(1)}" text-anchor="middle" font-size="13">${escapeHtml(b.label)}</text>`
    ].join("")
  })
  return [
    `<svg role="img" aria-labelledby="${chart.id}-title ${chart.id}-desc" viewBox="0 0 ${width} ${height}" width="100%" style="max-width:${width}px">`,
    `<title id="${chart.id}-title">${escapeHtml(chart.title)}</title>`,
    `<desc id="${chart.id}-desc">${escapeHtml(chart.description)}</desc>`,
    `<line x1="${left}" y1="${top + plot}" x2="${width - left}" y2="${top + plot}" stroke="#1a1a1a" stroke-width="1"/>`,
    ...bars,
    "</svg>"
  ].join("\n")
}

const block = (b: MemberReport.Block): string => {
  switch (b._tag) {
    case "Paragraph":
      return `<p>${escapeHtml(b.text)}</p>`
    case "List":
      return `<ul>${b.items.map((i) => `<li>${escapeHtml(i)}</li>`).join("")}</ul>`
    case "Facts":
      return `<dl class="facts">${b.facts
        .map((f) => `<dt>${escapeHtml(f.term)}</dt><dd>${content(f.value)}</dd>`)
        .join("")}</dl>`
    case "Table":
      return table(b.table)
    case "Chart":
      return [
        `<figure aria-labelledby="${b.chart.id}-caption">`,
        `<figcaption id="${b.chart.id}-caption">${escapeHtml(b.chart.title)}</figcaption>`,
        chartSvg(b.chart),
        table({
          caption: `Data for the chart: ${b.chart.title}`,
          columns: ["Year", "Value"],
          rows: b.chart.bars.map((bar) => [{ text: bar.label }, { text: bar.display, numeric: true }])
        }),
        "</figure>"
      ].join("\n")
  }
}

const section = (s: MemberReport.Section, level: number): string => {
  const h = `h${Math.min(level, 6)}`
  return [
    `<section aria-labelledby="${s.id}">`,
    `<${h} id="${s.id}">${escapeHtml(s.heading)}</${h}>`,
    ...s.blocks.map(block),
    ...s.subsections.map((sub) => section(sub, level + 1)),
    "</section>"
  ].join("\n")
}

/**
 * The report as a complete HTML document.
 * @category encoding
 */
export const render = (report: MemberReport.Report): string =>
  [
    "<!doctype html>",
    '<html lang="en-GB">',
    "<head>",
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(`${report.title} — ${report.council}`)}</title>`,
    `<style>${css}</style>`,
    "</head>",
    "<body>",
    '<div class="page">',
    "<header>",
    `<h1>${escapeHtml(report.title)}</h1>`,
    `<p class="subtitle">${escapeHtml(MemberReport.subtitle(report))} · as at ${escapeHtml(CalendarDate.toDdMmYyyy(report.asOf))}</p>`,
    "</header>",
    '<nav aria-label="Contents"><h2>Contents</h2><ol>',
    ...report.sections.map((s) => `<li><a href="#${s.id}">${escapeHtml(s.heading)}</a></li>`),
    "</ol></nav>",
    "<main>",
    ...report.sections.map((s) => section(s, 2)),
    "</main>",
    `<footer><p>Produced by cpo (Corporate Parenting Oversight) from the council's SSDA903 return for ${escapeHtml(
      report.council
    )}.</p></footer>`,
    "</div>",
    "</body>",
    "</html>",
    ""
  ].join("\n")
