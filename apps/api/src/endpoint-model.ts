/**
 * What every route table of the API is made of: the shape of a route (`Endpoint`, `Body`) and the path and query
 * parameters most routes share. `endpoints.ts` puts the tables together; each area's table sits beside its routes.
 */
import { Council, ReportingYear } from "@cpo/domain"
import { Schema } from "effect"

/** A whole number written in a URL, e.g. `?year=2018`. @category schemas */
export const IntFromString = Schema.NumberFromString.pipe(Schema.decodeTo(Schema.Int))

/** A collection year in a URL. @category schemas */
export const YearParam = IntFromString.pipe(Schema.decodeTo(ReportingYear.ReportingYear)).annotate({
  description: "collection year, named by its 31 March (2018 = 2017/18)",
  examples: ["2018" as never]
})

/** @category schemas */
export const CouncilPath = Schema.Struct({ council: Council.CouncilId })

/** @category schemas */
export const ReturnPath = Schema.Struct({ council: Council.CouncilId, year: YearParam })

/** How a route's body is sent. @category models */
export type Body =
  | { readonly kind: "none" }
  | { readonly kind: "json"; readonly schema: Schema.Top }
  | { readonly kind: "multipart"; readonly description: string }
  | { readonly kind: "csv"; readonly description: string }

/** @category models */
export interface Endpoint {
  readonly method: "get" | "post" | "put"
  /** Hono syntax: `/v1/councils/:council`. */
  readonly path: string
  readonly summary: string
  readonly tag: string
  readonly params?: Schema.Top
  readonly query?: Schema.Top
  readonly body: Body
  /** The success response, or `html` for a page, `report` for HTML or Markdown as `?format=` asks, or `pdf`. */
  readonly response: Schema.Top | "html" | "report" | "pdf"
  readonly status: 200 | 201
  /** What the audit log records as the purpose when the caller states none (header `X-Cpo-Purpose`). */
  readonly purpose?: string
}

/** A route that takes no body. @category models */
export const noBody: Body = { kind: "none" }
