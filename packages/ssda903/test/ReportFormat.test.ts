import * as Zlib from "node:zlib"
import { assert, describe, it } from "@effect/vitest"
import { Effect } from "effect"
import { SaxesParser } from "saxes"
import { ReportFormat } from "../src/index.ts"
import { crc32 } from "../src/internal/zip.ts"
import { run } from "./rules.ts"

/** Read a ZIP archive's entries through its central directory, checking each CRC. */
const unzip = (bytes: Uint8Array): Map<string, string> => {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  const end = bytes.length - 22
  assert.strictEqual(view.getUint32(end, true), 0x06054b50)
  const count = view.getUint16(end + 10, true)
  let at = view.getUint32(end + 16, true)
  const out = new Map<string, string>()
  for (let i = 0; i < count; i++) {
    assert.strictEqual(view.getUint32(at, true), 0x02014b50)
    const crc = view.getUint32(at + 16, true)
    const size = view.getUint32(at + 20, true)
    const nameLength = view.getUint16(at + 28, true)
    const local = view.getUint32(at + 42, true)
    const name = new TextDecoder().decode(bytes.subarray(at + 46, at + 46 + nameLength))
    const dataAt = local + 30 + view.getUint16(local + 26, true) + view.getUint16(local + 28, true)
    const data = Zlib.inflateRawSync(bytes.subarray(dataAt, dataAt + size))
    assert.strictEqual(crc32(data), crc, `CRC of ${name}`)
    out.set(name, new TextDecoder().decode(data))
    at += 46 + nameLength
  }
  return out
}

const isWellFormed = (xml: string) => {
  const parser = new SaxesParser()
  let ok = true
  parser.on("error", () => {
    ok = false
  })
  parser.write(xml).close()
  return ok
}

const report = run("101", {
  Header: [
    { SEX: "X", CHILD: 'C<&>"1' },
    { CHILD: "C2", SEX: "\u0001" }
  ]
})

describe("ReportFormat", () => {
  it.effect("writes an XLSX workbook that unzips to well-formed SpreadsheetML", () =>
    Effect.gen(function* () {
      const r = yield* report
      const entries = unzip(yield* ReportFormat.toXlsx(r))
      assert.deepStrictEqual(
        [...entries.keys()],
        [
          "[Content_Types].xml",
          "_rels/.rels",
          "xl/workbook.xml",
          "xl/_rels/workbook.xml.rels",
          "xl/styles.xml",
          "xl/worksheets/sheet1.xml",
          "xl/worksheets/sheet2.xml",
          "xl/worksheets/sheet3.xml",
          "xl/worksheets/sheet4.xml"
        ]
      )
      for (const [name, xml] of entries) assert.isTrue(isWellFormed(xml), name)
      const errors = entries.get("xl/worksheets/sheet1.xml")!
      assert.include(errors, "C&lt;&amp;&gt;&quot;1")
      assert.include(errors, '<c r="A2" s="0"'.replace(' s="0"', ""))
    })
  )

  it.effect("gives the same bytes for the same report", () =>
    Effect.gen(function* () {
      const r = yield* report
      assert.deepStrictEqual(yield* ReportFormat.toXlsx(r), yield* ReportFormat.toXlsx(r))
    })
  )

  it.effect("writes one CSV line per error with quoting", () =>
    Effect.gen(function* () {
      const csv = ReportFormat.toCsv(yield* report)
      const lines = csv.split("\r\n")
      assert.strictEqual(lines[0], "code,message,table,file,rows,child,fields,value,expected")
      assert.strictEqual(lines.length, 4)
      assert.include(lines[1], '"C<&>""1"')
    })
  )

  it.effect("writes JSON that round-trips", () =>
    Effect.gen(function* () {
      const r = yield* report
      assert.deepStrictEqual(JSON.parse(ReportFormat.toJson(r)), JSON.parse(JSON.stringify(r)))
    })
  )

  it.effect("writes a terminal table with summaries", () =>
    Effect.gen(function* () {
      const text = ReportFormat.toTable(yield* report)
      assert.match(text, /^2018: 2 validation error\(s\) from 1 rule\(s\)/)
      assert.include(text, "101        2")
      assert.include(text, "Header       2")
    })
  )
})
