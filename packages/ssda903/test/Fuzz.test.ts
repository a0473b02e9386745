/**
 * Hostile input never crashes or hangs the codec or the rules: a file decodes or fails with one clear
 * `UnreadableFile`, and a return that decodes is validated without a defect. The default run tries a bounded number of
 * cases per property; `pnpm fuzz` (scripts/fuzz.ts) sets CPO_FUZZ_RUNS for a long run and records the count.
 */
import { ChildHistory, ReportingYear } from "@cpo/domain"
import { Synth } from "@cpo/synth"
import { assert, describe, it } from "@effect/vitest"
import { Cause, Effect, Exit } from "effect"
import * as fc from "fast-check"
import { Ssda903, Validation } from "../src/index.ts"
import { csv, encode, episodeColumns, headerColumns } from "./fixtures.ts"

const runs = { numRuns: Number(process.env.CPO_FUZZ_RUNS ?? 200) }

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
      runs
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

  it("survives valid files mutated byte by byte (flips, insertions, deletions)", () => {
    const files = [encode(validCsv), encode(validXml)]
    const edit = fc.record({
      at: fc.nat(),
      kind: fc.constantFrom("flip", "insert", "delete"),
      byte: fc.integer({ min: 0, max: 255 })
    })
    fc.assert(
      fc.property(fc.constantFrom(0, 1), fc.array(edit, { minLength: 1, maxLength: 12 }), (which, edits) => {
        const bytes = [...files[which]!]
        for (const e of edits) {
          const at = e.at % (bytes.length + 1)
          if (e.kind === "insert") bytes.splice(at, 0, e.byte)
          else if (at < bytes.length) {
            if (e.kind === "flip") bytes[at] = e.byte
            else bytes.splice(at, 1)
          }
        }
        outcome(which === 0 ? "mutated.csv" : "mutated.xml", Uint8Array.from(bytes))
      }),
      runs
    )
  })

  it("validates a synthetic return with random cells replaced, without a defect", () => {
    const council = Synth.generate({ seed: 5, council: "Fuzz Borough", children: 25, years: { from: 2025, to: 2026 } })
    const [last, current] = council.returns
    const tables = Synth.toCsvFiles(current!).map((f) => ({ name: f.name, rows: f.content.split("\r\n") }))
    const previous = Effect.runSync(
      Ssda903.decodeFiles(
        Synth.toCsvFiles(last!).map((f) => ({ name: f.name, bytes: encode(f.content) })),
        { year: ReportingYear.make(2025) }
      )
    )
    const cell = fc.oneof(
      fc.constantFrom(
        "",
        "X",
        "99/99/9999",
        "31/02/2025",
        "2025-13-01",
        "PR9",
        "Z9",
        "-1",
        "1e9",
        "UN9",
        "\u00e9\u00e9"
      ),
      fc.string({ maxLength: 12 })
    )
    const change = fc.record({ table: fc.nat(), row: fc.nat(), column: fc.nat(), value: cell })
    fc.assert(
      fc.property(fc.array(change, { minLength: 1, maxLength: 20 }), (changes) => {
        const edited = tables.map((t) => ({ name: t.name, rows: [...t.rows] }))
        for (const c of changes) {
          const t = edited[c.table % edited.length]!
          const data = t.rows.length - 2
          if (data < 1) continue
          const r = 1 + (c.row % data)
          const cells = t.rows[r]!.split(",")
          cells[c.column % cells.length] = c.value.replace(/[",\r\n]/g, "")
          t.rows[r] = cells.join(",")
        }
        const exit = Effect.runSyncExit(
          Ssda903.decodeFiles(
            edited.map((t) => ({ name: t.name, bytes: encode(t.rows.join("\r\n")) })),
            { year: ReportingYear.make(2026) }
          )
        )
        if (Exit.isFailure(exit)) {
          assert.instanceOf(Cause.squash(exit.cause), Ssda903.UnreadableFile)
          return
        }
        const report = Validation.validate(exit.value, { previous })
        assert.isAtLeast(report.rules.length, 1)
      }),
      { numRuns: Math.max(20, Math.round(runs.numRuns / 4)) }
    )
  })

  it("indexes a return by child the same whatever order its rows come in", () => {
    const council = Synth.generate({
      seed: 7,
      council: "Shuffle Borough",
      children: 30,
      years: { from: 2025, to: 2026 }
    })
    const tables = Synth.toCsvFiles(council.returns[1]!).map((f) => ({ name: f.name, rows: f.content.split("\r\n") }))
    // Each table's data rows are reordered by a random permutation (the header row stays first).
    const order = fc.array(fc.nat(), { minLength: 1, maxLength: 400 })
    fc.assert(
      fc.property(order, (keys) => {
        const files = tables.map((t) => {
          const data = t.rows.slice(1).filter((r) => r !== "")
          const shuffled = data
            .map((row, i) => ({ row, key: keys[i % keys.length]! * 1000 + i }))
            .sort((a, b) => a.key - b.key)
            .map((x) => x.row)
          return { name: t.name, bytes: encode([t.rows[0]!, ...shuffled].join("\r\n")) }
        })
        const decoded = Effect.runSync(Ssda903.decodeFiles(files, { year: ReportingYear.make(2026) }))
        const indexed = Validation.index(decoded)
        const ids = indexed.children.map((c) => c.childId)
        assert.deepStrictEqual(ids, [...new Set(ids)].sort(), "children in id order, each once")
        for (const c of indexed.children) {
          assert.strictEqual(indexed.byChild.get(c.childId), c)
          for (let i = 1; i < c.episodes.length; i++) {
            assert.isTrue(c.episodes[i - 1]!.value.start <= c.episodes[i]!.value.start, "episodes in start order")
          }
          for (const r of c.reviews) assert.strictEqual(r.value.childId, c.childId)
        }
        // The same histories as the domain's own index (children in the Header or Episodes tables).
        const histories = indexed.children
          .filter((c) => c.header.length > 0 || c.episodes.length > 0)
          .map((c) => c.history)
        assert.deepStrictEqual(histories, ChildHistory.index(decoded.return))
      }),
      { numRuns: Math.max(10, Math.round(runs.numRuns / 10)) }
    )
  })

  it("rejects deeply nested XML without exhausting the stack", () => {
    const deep = `<EXPSSDA903>${"<CHILD><HEADER><X>".repeat(20_000)}`
    assert.strictEqual(outcome("deep.xml", encode(deep)), "unreadable")
  })
})
