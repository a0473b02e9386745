/**
 * The corporate parenting report for members (`GET /v1/councils/:council/reports/member`), built by the API exactly
 * as `cpo report --council` builds it: one self-contained, accessible HTML page, or the same report as Markdown.
 * Members and the public always get the suppressed audience.
 */
import type { Audience } from "@cpo/domain"
import { getBlob, getText } from "./api.ts"

/** @category models */
export interface ReportRequest {
  readonly council: string
  readonly year: number
  readonly audience: Audience.Audience
}

/** The same report in both forms the API gives. @category models */
export interface MemberReport {
  readonly html: string
  readonly markdown: string
}

/** The report's tables as files: one tidy CSV, or an XLSX workbook with a sheet per table. @category models */
export type TablesFormat = "csv" | "xlsx"

/** What each format is called and sent as. @category getters */
export const tablesFormats: Readonly<
  Record<TablesFormat, { readonly label: string; readonly type: string; readonly hint: string }>
> = {
  csv: { label: "CSV", type: "text/csv", hint: "one row per figure: section, table, row, column, value" },
  xlsx: {
    label: "a spreadsheet (XLSX)",
    type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    hint: "a sheet for each table"
  }
}

const path = (q: ReportRequest, format: "html" | "md" | TablesFormat) =>
  `/v1/councils/${encodeURIComponent(q.council)}/reports/member?year=${q.year}&audience=${q.audience}&format=${format}`

/** Fetch the report as HTML and as Markdown. @category constructors */
export const fetchMemberReport = async (q: ReportRequest): Promise<MemberReport> => {
  const [html, markdown] = await Promise.all([
    getText(path(q, "html"), "text/html"),
    getText(path(q, "md"), "text/markdown")
  ])
  return { html, markdown }
}

/** Fetch the report's tables as a CSV or XLSX file. @category constructors */
export const fetchReportTables = (q: ReportRequest, format: TablesFormat): Promise<Blob> =>
  getBlob(path(q, format), tablesFormats[format].type)
