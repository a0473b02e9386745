/** Plainly fake 903 files for tests: made-up ids, dates and codes; no real child. */
import { ReportingYear } from "@cpo/domain"
import { Effect } from "effect"
import { ReportFormat, Ssda903, Table } from "../src/index.ts"

export const encode = (text: string): Uint8Array => new TextEncoder().encode(text)

export const csv = (columns: ReadonlyArray<string>, rows: ReadonlyArray<ReadonlyArray<string>>): string =>
  `${[columns, ...rows].map((r) => r.map(ReportFormat.csvField).join(",")).join("\r\n")}\r\n`

export const headerColumns = Table.columnsOf("Header")
export const episodeColumns = Table.columnsOf("Episodes")

export const year2018 = ReportingYear.make(2018)

export const decode = (files: Record<string, string | Uint8Array>, year = year2018) =>
  Ssda903.decodeFiles(
    Object.entries(files).map(([name, body]) => ({ name, bytes: typeof body === "string" ? encode(body) : body })),
    { year }
  )

export const decodeFlip = (files: Record<string, string | Uint8Array>, year = year2018) =>
  Effect.flip(decode(files, year))
