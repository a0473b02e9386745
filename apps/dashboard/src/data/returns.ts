/**
 * A council's 903 imports (`GET /v1/councils/:council/returns`): every import of every year and which is current.
 */
import { Returns } from "@cpo/domain"
import { Schema } from "effect"
import { getJson } from "./api.ts"

/** @category models */
export const ReturnHistory = Schema.Struct({ imports: Schema.Array(Returns.ImportRecord) })
export type ImportRecord = Returns.ImportRecord

/** Every import, newest year first and, within a year, newest import first. @category constructors */
export const fetchReturnHistory = (council: string): Promise<ReadonlyArray<ImportRecord>> =>
  getJson(`/v1/councils/${encodeURIComponent(council)}/returns`, ReturnHistory).then((history) =>
    [...history.imports].sort((a, b) => b.year - a.year || b.importedAt.localeCompare(a.importedAt))
  )
