/** Hostile input never crashes or hangs the codec: it decodes or fails with one clear `UnreadableFile`. */
import { assert, describe, it } from "@effect/vitest"
import { Cause, Effect, Exit } from "effect"
import * as fc from "fast-check"
import { Ssda903 } from "../src/index.ts"
import { csv, encode, episodeColumns, headerColumns } from "./fixtures.ts"

const runs = { numRuns: 200 }

/** Decoded, or failed with UnreadableFile naming the file: anything else (a defect, a thrown error) is a bug. */
const outcome = (name: string, bytes: Uint8Array) => {
  const exit = Effect.runSyncExit(Ssda903.decodeBytes(name, bytes))
  if (Exit.isSuccess(exit)) return "decoded" as const
  const error = Cause.squash(exit.cause)
  assert.instanceOf(error, Ssda903.UnreadableFile, String(error))
  assert.isTrue((error as Ssda903.UnreadableFile).message.startsWith(`${name}: `))
  return "unreadable" as const
}

const validCsv = csv(episodeColumns, [
  ["C1", "01/04/2017", "S", "C2", "N1", "U4", "PR1", "01/06/2017", "X1", "CARPL", "AB1 2CD", "", ""],
  ["C1", "01/06/2017", "P", "C2", "N1", "U6", "PR4", "", "", "", "", "", ""]
])
const validXml =
  "<EXPSSDA903><CHILD><HEADER><CHILDID>A</CHILDID><SEX>1</SEX><DOB>01/01/2010</DOB><ETHNIC>WBRI</ETHNIC></HEADER>" +
  "<EPISODE><DECOM>01/04/2017</DECOM><RNE>S</RNE><LS>C2</LS><CIN>N1</CIN><PL>U4</PL></EPISODE></CHILD></EXPSSDA903>"

describe("codec fuzzing", () => {
  it("survives random bytes", () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 4000 }), (bytes) => {
        outcome("random.csv", bytes)
      }),
      runs
    )
  })

  it("survives random text made of CSV and XML punctuation", () => {
    const alphabet = fc.constantFrom(...',"\r\n<>/= abcCHILDOB019\uFEFF\u00e9'.split(""))
    fc.assert(
      fc.property(fc.array(alphabet, { maxLength: 3000 }), (chars) => {
        outcome("text.csv", encode(chars.join("")))
      }),
      runs
    )
  })

  it("survives truncated CSV and XML files", () => {
    const files = [encode(validCsv), encode(validXml)]
    fc.assert(
      fc.property(fc.constantFrom(0, 1), fc.nat(), (which, cut) => {
        const bytes = files[which]!
        outcome(which === 0 ? "cut.csv" : "cut.xml", bytes.subarray(0, cut % (bytes.length + 1)))
      }),
      runs
    )
  })

  it("gives the same result however a file is split into chunks", async () => {
    const bytes = encode(validCsv)
    const whole = Effect.runSync(Ssda903.decodeBytes("e.csv", bytes))
    await fc.assert(
      fc.asyncProperty(fc.array(fc.nat({ max: bytes.length }), { maxLength: 20 }), async (cuts) => {
        const edges = [...new Set([0, ...cuts, bytes.length])].sort((a, b) => a - b)
        const stream = new ReadableStream<Uint8Array>({
          start(controller) {
            for (let i = 1; i < edges.length; i++) controller.enqueue(bytes.slice(edges[i - 1], edges[i]))
            controller.close()
          }
        })
        const split = await Effect.runPromise(Ssda903.decodeStream("e.csv", stream))
        assert.deepStrictEqual(split, whole)
      }),
      { numRuns: 100 }
    )
  })

  it("rejects a huge field with a clear message", () => {
    const huge = csv(headerColumns, [["C1", "1", "01/01/2010", "WBRI", "x".repeat(5_000_000), "", ""]])
    const exit = Effect.runSyncExit(Ssda903.decodeBytes("huge.csv", encode(huge)))
    assert.isTrue(Exit.isFailure(exit))
    assert.include(String(Cause.squash(Exit.isFailure(exit) ? exit.cause : Cause.empty)), "longer than 100,000")
  })

  it("rejects 100,000 columns quickly", () => {
    const wide = `${Array.from({ length: 100_000 }, (_, i) => `C${i}`).join(",")}\n`
    const started = performance.now()
    assert.strictEqual(outcome("wide.csv", encode(wide)), "unreadable")
    assert.isBelow(performance.now() - started, 2_000)
  })

  it("rejects duplicated headers wherever they fall", () => {
    fc.assert(
      fc.property(fc.nat({ max: headerColumns.length - 1 }), fc.nat({ max: headerColumns.length }), (from, at) => {
        const columns = [...headerColumns]
        columns.splice(at, 0, headerColumns[from]!.toLowerCase())
        assert.strictEqual(outcome("dup.csv", encode(`${columns.join(",")}\n`)), "unreadable")
      }),
      runs
    )
  })

  it("rejects UTF-16 text without a byte-order mark as binary", () => {
    const text = `${headerColumns.join(",")}\n`
    const utf16 = new Uint8Array(text.length * 2)
    for (let i = 0; i < text.length; i++) utf16[i * 2] = text.charCodeAt(i)
    assert.strictEqual(outcome("utf16.csv", utf16), "unreadable")
  })

  it("rejects deeply nested XML without exhausting the stack", () => {
    const deep = `<EXPSSDA903>${"<CHILD><HEADER><X>".repeat(20_000)}`
    assert.strictEqual(outcome("deep.xml", encode(deep)), "unreadable")
  })
})
