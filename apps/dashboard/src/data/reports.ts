/**
 * The corporate parenting report for members (`GET /v1/councils/:council/reports/member`), built by the API exactly
 * as `cpo report --council` builds it: one self-contained, accessible HTML page, or the same report as Markdown.
 * Members and the public always get the suppressed audience.
 */
import type { Audience } from "@cpo/domain"
import { getText } from "./api.ts"

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

const path = (q: ReportRequest, format: "html" | "md") =>
  `/v1/councils/${encodeURIComponent(q.council)}/reports/member?year=${q.year}&audience=${q.audience}&format=${format}`

/** Fetch the report as HTML and as Markdown. @category constructors */
export const fetchMemberReport = async (q: ReportRequest): Promise<MemberReport> => {
  const [html, markdown] = await Promise.all([
    getText(path(q, "html"), "text/html"),
    getText(path(q, "md"), "text/markdown")
  ])
  return { html, markdown }
}
