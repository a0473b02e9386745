/**
 * A council's 903 imports (`GET /v1/councils/:council/returns`): every import of every year and which is current.
 */
import * as Returns from "@cpo/domain/Returns"
import { Schema } from "effect"
import { getJson, postForm, type UploadProgress } from "./api.ts"

/** @category models */
export type ImportRecord = Returns.ImportRecord

/** Every import, newest year first and, within a year, newest import first. @category constructors */
export const fetchReturnHistory = (council: string): Promise<ReadonlyArray<ImportRecord>> =>
  getJson(`/v1/councils/${encodeURIComponent(council)}/returns`, Returns.History).then((history) =>
    [...history.imports].sort((a, b) => b.year - a.year || b.importedAt.localeCompare(a.importedAt))
  )

/**
 * One failure of the DfE validation of a return, as the API reports it (`@cpo/ssda903` `Validation.ValidationError`;
 * the dashboard decodes only what it shows, so it does not carry the rule engine).
 * @category models
 */
export const ValidationError = Schema.Struct({
  code: Schema.String,
  message: Schema.String,
  table: Schema.String,
  file: Schema.String,
  /** Lines of the file the rows at fault start on (header = line 1). */
  rows: Schema.Array(Schema.Int),
  childId: Schema.NullOr(Schema.String),
  fields: Schema.Array(Schema.String),
  value: Schema.optionalKey(Schema.String),
  expected: Schema.optionalKey(Schema.String)
})
export type ValidationError = typeof ValidationError.Type

/** @category models */
export const ValidationReport = Schema.Struct({
  year: Schema.Int,
  tables: Schema.Array(Schema.String),
  errors: Schema.Array(ValidationError),
  byRule: Schema.Array(
    Schema.Struct({
      code: Schema.String,
      message: Schema.String,
      errors: Schema.Int,
      fields: Schema.Array(Schema.String)
    })
  ),
  byTable: Schema.Array(Schema.Struct({ table: Schema.String, errors: Schema.Int }))
})
export type ValidationReport = typeof ValidationReport.Type

/** @category models */
export const ImportResult = Schema.Struct({
  import: Returns.ImportRecord,
  /** `true` when these exact files were already the current return: nothing changed. */
  unchanged: Schema.Boolean,
  report: ValidationReport
})
export type ImportResult = typeof ImportResult.Type

const formOf = (files: ReadonlyArray<File>): FormData => {
  const form = new FormData()
  for (const file of files) form.append("files", file, file.name)
  return form
}

const returnPath = (council: string, year: number) => `/v1/councils/${encodeURIComponent(council)}/returns/${year}`

/** Check a year's files against the DfE rules without importing them. @category constructors */
export const validateReturn = (
  council: string,
  year: number,
  files: ReadonlyArray<File>,
  onProgress: (progress: UploadProgress) => void
): Promise<ValidationReport> =>
  postForm(`${returnPath(council, year)}/validation`, formOf(files), ValidationReport, onProgress)

/** Import a year's files as its current return. @category constructors */
export const importReturn = (
  council: string,
  year: number,
  files: ReadonlyArray<File>,
  onProgress: (progress: UploadProgress) => void
): Promise<ImportResult> => postForm(returnPath(council, year), formOf(files), ImportResult, onProgress)

/**
 * The errors of a report as CSV (one row per error), for download.
 * @category encoding
 */
export const errorsCsv = (errors: ReadonlyArray<ValidationError>): string => {
  const cell = (value: string) => (/[",\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value)
  const header = "rule,message,table,file,rows,child,fields,value,expected"
  const lines = errors.map((e) =>
    [
      e.code,
      e.message,
      e.table,
      e.file,
      e.rows.join(" "),
      e.childId ?? "",
      e.fields.join(" "),
      e.value ?? "",
      e.expected ?? ""
    ]
      .map(cell)
      .join(",")
  )
  return `${[header, ...lines].join("\n")}\n`
}
