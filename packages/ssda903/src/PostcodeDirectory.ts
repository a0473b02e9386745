/**
 * The postcode directory for placement location and distance (ssda903.md §4.10): the ONS Postcode Directory (ONSPD)
 * or the National Statistics Postcode Lookup (NSPL) as ONS publishes it, a CSV the council downloads and supplies. Read
 * from a Web stream of bytes, so it runs wherever the codec runs. Each postcode keeps its grid reference (OS easting and
 * northing, metres) and its upper-tier local authority: the county where there is one (`cty…`), else the district or
 * unitary authority (`laua` / `lad…cd`), by its ONS code (e.g. E06000017), or SCO, WAL or NIR outside England. The
 * council's own code is given in the same form (`cpo validate --la E06000017`).
 *
 * Only the columns it needs are kept; terminated postcodes are kept too, since an old placement may use one. The file
 * is rejected as a whole, naming what is missing, when it lacks a postcode, easting, northing or authority column.
 */
import { Placement } from "@cpo/domain"
import { Effect } from "effect"
import { makeCsvTokenizer } from "./internal/csv.ts"
import { isProblem, makeTextDecoding } from "./internal/text.ts"
import { UnreadableFile } from "./Ssda903.ts"

/** Column names across ONSPD/NSPL releases: `pcds`/`pcd`/`pcd2`, `oseast1m`, `osnrth1m`, `laua` or `lad23cd`, `cty`. */
const columnOf = (header: ReadonlyArray<string>) => {
  const names = header.map((h) => h.trim().toLowerCase())
  const find = (test: (n: string) => boolean) => names.findIndex(test)
  return {
    postcode:
      [find((n) => n === "pcds"), find((n) => n === "pcd"), find((n) => n === "pcd2")].find((i) => i >= 0) ?? -1,
    easting: find((n) => n === "oseast1m"),
    northing: find((n) => n === "osnrth1m"),
    district: find((n) => n === "laua" || /^lad\d{2}cd$/.test(n)),
    county: find((n) => n === "cty" || /^cty\d{2}cd$/.test(n))
  }
}

/** A county code that names no county: ONS writes E99999999 (or leaves it blank) for unitary areas and Wales. */
const noCounty = (code: string) => code === "" || /^[EWSN]99999999$/.test(code)

/** Placements in Scotland, Wales and Northern Ireland are out of area whatever the council: SCO, WAL and NIR. */
const outsideEngland = (code: string) =>
  code.startsWith("S") ? "SCO" : code.startsWith("W") ? "WAL" : code.startsWith("N") ? "NIR" : code

/**
 * Read a postcode directory.
 * @category constructors
 */
export const decode = (
  file: string,
  stream: ReadableStream<Uint8Array>
): Effect.Effect<Placement.PostcodeDirectory & { readonly size: number }, UnreadableFile> =>
  Effect.tryPromise({
    try: async () => {
      const entries: Array<readonly [string, Placement.PostcodeLocation]> = []
      let columns: ReturnType<typeof columnOf> | undefined
      let problem: string | undefined
      const tokenizer = makeCsvTokenizer((_line, cells) => {
        if (columns === undefined) {
          columns = columnOf(cells)
          const missing = Object.entries(columns)
            .filter(([name, i]) => name !== "county" && i < 0)
            .map(([name]) => name)
          if (missing.length > 0) {
            problem = `not an ONS postcode directory: no ${missing.join(", ")} column (expected pcds, oseast1m, osnrth1m and laua or lad..cd)`
            return false
          }
          return true
        }
        const postcode = cells[columns.postcode] ?? ""
        const e = cells[columns.easting]?.trim() ?? ""
        const n = cells[columns.northing]?.trim() ?? ""
        const easting = Number(e)
        const northing = Number(n)
        // no grid reference (a postcode ONS could not place): it cannot give a distance or an area
        if (postcode === "" || e === "" || n === "" || !Number.isFinite(easting) || !Number.isFinite(northing))
          return true
        const county = columns.county < 0 ? "" : (cells[columns.county] ?? "").trim()
        const authority = noCounty(county) ? (cells[columns.district] ?? "").trim() : county
        entries.push([postcode, { easting, northing, localAuthority: outsideEngland(authority) }])
        return true
      })
      const text = makeTextDecoding()
      const reader = stream.getReader()
      for (;;) {
        const { done, value } = await reader.read()
        if (done) break
        const chunk = text.push(value)
        const tokenProblem = isProblem(chunk) ? chunk.problem : tokenizer.push(chunk)
        if (tokenProblem !== undefined || problem !== undefined) {
          await reader.cancel()
          throw new Error(problem ?? tokenProblem)
        }
      }
      const rest = text.end()
      if (isProblem(rest)) throw new Error(rest.problem)
      const last = tokenizer.push(rest) ?? tokenizer.end()
      if (last !== undefined || problem !== undefined) throw new Error(problem ?? last)
      if (columns === undefined) throw new Error("the file is empty")
      return { ...Placement.directoryFromEntries(entries), size: entries.length }
    },
    catch: (e) => new UnreadableFile({ file, message: `${file}: ${e instanceof Error ? e.message : String(e)}` })
  })

/**
 * Read a postcode directory held in memory.
 * @category constructors
 */
export const decodeBytes = (file: string, bytes: Uint8Array) =>
  decode(
    file,
    new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(bytes)
        controller.close()
      }
    })
  )
