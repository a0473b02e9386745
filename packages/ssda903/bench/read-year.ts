/**
 * Reading a year's CSV files from a folder for the benchmarks: each file streamed from disk (1 MiB chunks) into
 * `Ssda903.decodeStreams`, as an app would hand them over.
 */
import { createReadStream, readdirSync } from "node:fs"
import { join } from "node:path"
import { Readable } from "node:stream"
import type { ReportingYear } from "@cpo/domain"
import { Ssda903, type Table } from "../src/index.ts"

/** Decode the `.csv` files of `folder` as one year's return (only `tables`, when given). */
export const readYear = (folder: string, year: ReportingYear.ReportingYear, tables?: ReadonlySet<Table.Name>) =>
  Ssda903.decodeStreams(
    readdirSync(folder)
      .filter((n) => n.endsWith(".csv"))
      .sort()
      .map((name) => ({
        name,
        stream: Readable.toWeb(
          createReadStream(join(folder, name), { highWaterMark: 1 << 20 })
        ) as ReadableStream<Uint8Array>
      })),
    { year, tables }
  )
