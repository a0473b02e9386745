/**
 * @cpo/ssda903 — the 903 codec (CSV and DfE XML to domain records) and the DfE validation rules.
 */
export * as Field from "./Field.ts"
export * as PostcodeDirectory from "./PostcodeDirectory.ts"
export * as Registry from "./Registry.ts"
export * as ReportFormat from "./ReportFormat.ts"
export * as Rule from "./Rule.ts"
export * as Rules from "./Rules.ts"
export * as Ssda903 from "./Ssda903.ts"
export * as Table from "./Table.ts"
export * as Validation from "./Validation.ts"
export * as Workbook from "./Workbook.ts"
