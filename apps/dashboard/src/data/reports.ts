/**
 * The corporate parenting report for members (`GET /v1/councils/:council/reports/member`), built by the API exactly
 * as `cpo report --council` builds it: one self-contained, accessible HTML page, the same report as Markdown or PDF
 * (`…/reports/member.pdf`), or its tables as CSV or XLSX.
 * Members and the public always get the suppressed audience.
 */
import type * as Audience from "@cpo/domain/Audience"
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

/**
 * The report as a file the API makes when asked: the whole report as an A4 PDF, or its tables as one tidy CSV or an
 * XLSX workbook with a sheet per table.
 * @category models
 */
export type ReportFile = "pdf" | "csv" | "xlsx"

/** What each file is offered as (the button's words), sent as, and named with. @category getters */
export const reportFiles: Readonly<
  Record<
    ReportFile,
    {
      readonly label: string
      readonly type: string
      readonly hint: string
      readonly suffix: string
      readonly what: string
    }
  >
> = {
  pdf: {
    label: "Download the report as PDF",
    type: "application/pdf",
    hint: "A4, for committee papers",
    suffix: ".pdf",
    what: "PDF"
  },
  csv: {
    label: "Download the tables as CSV",
    type: "text/csv",
    hint: "one row per figure: section, table, row, column, value",
    suffix: "-tables.csv",
    what: "CSV"
  },
  xlsx: {
    label: "Download the tables as a spreadsheet (XLSX)",
    type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    hint: "a sheet for each table",
    suffix: "-tables.xlsx",
    what: "spreadsheet"
  }
}

const base = (q: ReportRequest) => `/v1/councils/${encodeURIComponent(q.council)}/reports`

const path = (q: ReportRequest, format: "html" | "md" | ReportFile) =>
  format === "pdf"
    ? `${base(q)}/member.pdf?year=${q.year}&audience=${q.audience}`
    : `${base(q)}/member?year=${q.year}&audience=${q.audience}&format=${format}`

/** Fetch the report as HTML and as Markdown. @category constructors */
export const fetchMemberReport = async (q: ReportRequest): Promise<MemberReport> => {
  const [html, markdown] = await Promise.all([
    getText(path(q, "html"), "text/html"),
    getText(path(q, "md"), "text/markdown")
  ])
  return { html, markdown }
}

/** Fetch the report as PDF, or its tables as a CSV or XLSX file. @category constructors */
export const fetchReportFile = (q: ReportRequest, format: ReportFile): Promise<Blob> =>
  getBlob(path(q, format), reportFiles[format].type)
