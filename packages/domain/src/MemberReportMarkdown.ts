/**
 * The member report as Markdown, for pasting into committee papers and for reading in a terminal. Charts become
 * their data table, so nothing is lost without images.
 */
import * as CalendarDate from "./CalendarDate.ts"
import * as MemberReport from "./MemberReport.ts"

const escapeCell = (s: string): string => s.replaceAll("|", "\\|").replaceAll("\n", " ")

const table = (t: MemberReport.Table): string => {
  const head = `| ${t.columns.map(escapeCell).join(" | ")} |`
  const rule = `| ${t.columns.map((_, i) => (i > 0 && t.rows.every((r) => r[i]?.numeric === true) ? "---:" : "---")).join(" | ")} |`
  const rows = t.rows.map((r) => `| ${r.map((c) => escapeCell(c.text)).join(" | ")} |`)
  return [`*${t.caption}*`, "", head, rule, ...rows].join("\n")
}

const block = (b: MemberReport.Block): string => {
  switch (b._tag) {
    case "Paragraph":
      return b.text
    case "List":
      return b.items.map((i) => `- ${i}`).join("\n")
    case "Facts":
      return b.facts.map((f) => `- **${f.term}:** ${f.value.text}`).join("\n")
    case "Table":
      return table(b.table)
    case "Chart":
      return table({
        caption: `${b.chart.title} (chart data)`,
        columns: ["Year", "Value"],
        rows: b.chart.bars.map((bar) => [{ text: bar.label }, { text: bar.display, numeric: true }])
      })
  }
}

const section = (s: MemberReport.Section, level: number): string =>
  [
    `${"#".repeat(level)} ${s.heading}`,
    ...s.blocks.map(block),
    ...s.subsections.map((sub) => section(sub, Math.min(level + 1, 6)))
  ].join("\n\n")

/**
 * The report as Markdown.
 * @category encoding
 */
export const render = (report: MemberReport.Report): string =>
  `${[
    `# ${report.title}`,
    `${MemberReport.subtitle(report)} · as at ${CalendarDate.toDdMmYyyy(report.asOf)}`,
    ...report.sections.map((s) => section(s, 2))
  ].join("\n\n")}\n`
