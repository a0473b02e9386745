import { CalendarDate } from "@cpo/domain"
import { assert, describe, it } from "@effect/vitest"
import { Effect, Option } from "effect"
import { Ssda903 } from "../src/index.ts"
import { csv, decode, decodeFlip, encode, episodeColumns, headerColumns, year2018 } from "./fixtures.ts"

const header = csv(headerColumns, [
  ["C001", "1", "01/02/2010", "WBRI", "A123456789012", "", ""],
  ["C002", "2", "2012-07-15", "BAFR", "UN1", "0", ""]
])
const episodes = csv(episodeColumns, [
  ["C001", "01/04/2016", "S", "C2", "N1", "U4", "PR1", "", "", "", "ab1 2cd", "ab3 4ef", "SC123456"],
  ["C002", "10/10/2017", "S", "V2", "N4", "K2", "PR4", "20/12/2017", "E13", "", "", "", ""]
])

describe("decodeFiles", () => {
  it.effect("reads Header and Episodes into domain records", () =>
    Effect.gen(function* () {
      const out = yield* decode({ "header.csv": header, "episodes.csv": episodes })
      assert.deepStrictEqual(out.errors, [])
      assert.deepStrictEqual([...out.tables].sort(), ["children", "episodes"])
      const c2 = out.return.children[1]!
      assert.strictEqual(c2.sex, "female")
      assert.strictEqual(c2.dateOfBirth, CalendarDate.make("2012-07-15"))
      assert.deepStrictEqual(c2.mother, Option.some(false))
      const e1 = out.return.episodes[0]!
      assert.strictEqual(e1.start, CalendarDate.make("2016-04-01"))
      assert.deepStrictEqual(e1.end, Option.none())
      assert.deepStrictEqual(e1.homePostcode, Option.some("AB1 2CD"))
      assert.strictEqual(out.sources.episodes?.rows[1]?.line, 3)
      assert.isTrue(Option.isNone(out.return.reviews))
    })
  )

  it.effect("reports a repeated unreadable value on every row, and shares the value of repeated readable ones", () =>
    Effect.gen(function* () {
      const text = csv(episodeColumns, [
        ["C001", "01/04/2016", "S", "C2", "N1", "U4", "PR1", "31/04/2016", "", "", "AB1 2CD", "", ""],
        ["C001", "01/05/2016", "Q", "C2", "N1", "U4", "PR1", "31/04/2016", "", "", "AB1 2CD", "", ""],
        ["C001", "02/06/2016", "P", "C2", "N1", "U4", "PR1", "", "", "", "AB1 2CD", "", ""],
        ["C002", "02/06/2016", "P", "c2", "N1", "U4", "PR1", "", "", "", "\u00A0AB1 2CD\u00A0", "", ""]
      ])
      const out = yield* decode({ "episodes.csv": text })
      assert.deepStrictEqual(
        out.errors.map((e) => [e.row, e.column, e.value]),
        [
          [2, "DEC", "31/04/2016"],
          [3, "RNE", "Q"],
          [3, "DEC", "31/04/2016"]
        ]
      )
      const [a, b] = out.return.episodes
      assert.strictEqual(a!.childId, "C001")
      assert.strictEqual(b!.childId, "C002")
      assert.strictEqual(b!.legalStatus, "C2")
      // Cells are trimmed of any white space, not only ASCII, before they are read.
      assert.deepStrictEqual(b!.homePostcode, Option.some("AB1 2CD"))
      // One `Some` per distinct spelling of a coded column serves every row that holds it.
      assert.strictEqual(a!.provider, b!.provider)
    })
  )

  it.effect("tells apart spellings that the decoder's cell hash confuses, and reads padded and lower-case codes", () =>
    Effect.gen(function* () {
      // "BQ" and "C2" hash alike (31 × 66 + 81 = 31 × 67 + 50): the remembered spelling is checked, never assumed.
      const text = csv(episodeColumns, [
        ["C001", "01/04/2016", "S", "BQ", "N1", "U4", "PR1", "", "", "", "", "", ""],
        ["C002", "01/04/2016", "S", "C2", "N1", "U4", "PR1", "", "", "", "", "", ""],
        ["C003", "01/04/2016", "S", "BQ", "N1", "U4", "PR1", "", "", "", "", "", ""],
        ["C004", "01/04/2016", "S", " C2 ", "N1", "U4", "PR1", "", "", "", "", "", ""],
        ["C005", "01/04/2016", "S", "c2", "N1", "U4", "PR1", "", "", "", "", "", ""],
        ["C006", "01/04/2016", "S", "C2", "N1", "U4", "pr1", " ", "", "", "", "", ""]
      ])
      const out = yield* decode({ "episodes.csv": text })
      assert.deepStrictEqual(
        out.errors.map((e) => [e.row, e.column, e.value]),
        [
          [2, "LS", "BQ"],
          [4, "LS", "BQ"]
        ]
      )
      assert.deepStrictEqual(
        out.return.episodes.map((e) => [e.childId, e.legalStatus, e.provider, e.end]),
        [
          ["C002", "C2", Option.some("PR1"), Option.none()],
          ["C004", "C2", Option.some("PR1"), Option.none()],
          ["C005", "C2", Option.some("PR1"), Option.none()],
          ["C006", "C2", Option.some("PR1"), Option.none()]
        ]
      )
    })
  )

  it.effect("identifies a table by its header set in any order and case, with a BOM", () =>
    Effect.gen(function* () {
      const text = "\uFEFFdob,Review_Code,child,REVIEW\n01/01/2010,pn1,C001,05/05/2017\n"
      const out = yield* decode({ "anything.txt.csv": text })
      assert.deepStrictEqual(out.errors, [])
      const reviews = Option.getOrThrow(out.return.reviews)
      assert.strictEqual(reviews[0]!.participation, "PN1")
      assert.strictEqual(reviews[0]!.date, CalendarDate.make("2017-05-05"))
    })
  )

  it.effect("reads Windows-1252 text", () =>
    Effect.gen(function* () {
      const bytes = encode(
        csv(["CHILD", "DOB", "PREV_PERM", "LA_PERM", "DATE_PERM"], [["C\u0001", "01/01/2010", "P1", "", ""]])
      )
      // replace the placeholder with 0xE9 (é in Windows-1252), which is not valid UTF-8 on its own
      const at = bytes.indexOf(1)
      bytes[at] = 0xe9
      const out = yield* decode({ "prevperm.csv": bytes })
      assert.strictEqual(Option.getOrThrow(out.return.previousPermanence)[0]!.childId, "Cé")
    })
  )

  it.effect("reports each unreadable value with table, file, row, column, value and expectation", () =>
    Effect.gen(function* () {
      const bad = csv(headerColumns, [
        ["C001", "7", "31/02/2010", "WBRI", "", "", ""],
        ["C002", "2", "01/01/2011", "XXXX", "", "", ""],
        ["C003", "1", "01/01/2011", "WBRI", "", "", ""]
      ])
      const out = yield* decode({ "header.csv": bad })
      assert.strictEqual(out.return.children.length, 1)
      assert.deepStrictEqual(
        out.errors.map((e) => [e.table, e.file, e.row, e.column, e.childId, e.value]),
        [
          ["Header", "header.csv", 2, "SEX", "C001", "7"],
          ["Header", "header.csv", 2, "DOB", "C001", "31/02/2010"],
          ["Header", "header.csv", 3, "ETHNIC", "C002", "XXXX"]
        ]
      )
      assert.include(out.errors[1]!.expected, "no such day")
    })
  )

  it.effect("reports a row with the wrong number of fields", () =>
    Effect.gen(function* () {
      const out = yield* decode({ "h.csv": `${headerColumns.join(",")}\nC001,1,01/01/2010\n` })
      assert.strictEqual(out.errors[0]!.column, "(row)")
      assert.strictEqual(out.errors[0]!.expected, "7 fields, as in the header row")
    })
  )

  it.effect("reads a partial previous-permanence date", () =>
    Effect.gen(function* () {
      const out = yield* decode({
        "p.csv": csv(
          ["CHILD", "DOB", "PREV_PERM", "LA_PERM", "DATE_PERM"],
          [["C1", "01/01/2010", "P2", "", "ZZ/05/2015"]]
        )
      })
      const date = Option.getOrThrow(Option.getOrThrow(out.return.previousPermanence)[0]!.date)
      assert.deepStrictEqual([date.day, date.month, date.year], [Option.none(), Option.some(5), Option.some(2015)])
    })
  )

  it.effect("leaves tables not asked for unread, listing them as supplied", () =>
    Effect.gen(function* () {
      const badEpisodes = csv(episodeColumns, [
        ["C001", "31/04/2016", "S", "C2", "N1", "U4", "PR1", "", "", "", "", "", ""]
      ])
      const out = yield* Ssda903.decodeFiles(
        [
          { name: "header.csv", bytes: encode(header) },
          { name: "episodes.csv", bytes: encode(badEpisodes) }
        ],
        { year: year2018, tables: new Set(["Header"]) }
      )
      assert.deepStrictEqual([...out.tables].sort(), ["children", "episodes"])
      assert.strictEqual(out.return.children.length, 2)
      assert.deepStrictEqual(out.return.episodes, [])
      assert.isUndefined(out.sources.episodes)
      assert.deepStrictEqual(out.errors, [])
    })
  )
})

describe("unreadable files", () => {
  const message = (files: Record<string, string | Uint8Array>) =>
    Effect.map(decodeFlip(files), (e) => {
      assert.strictEqual(e._tag, "UnreadableFile")
      return e.message
    })

  it.effect("rejects an empty file", () =>
    Effect.map(message({ "e.csv": "" }), (m) => assert.include(m, "e.csv: it is empty"))
  )
  it.effect("rejects binary data", () =>
    Effect.map(message({ "b.csv": new Uint8Array([1, 2, 0, 3]) }), (m) => assert.include(m, "binary"))
  )
  it.effect("rejects a workbook saved as .csv", () =>
    Effect.map(message({ "w.csv": new Uint8Array([0x50, 0x4b, 3, 4, 9, 9]) }), (m) => assert.include(m, "Excel"))
  )
  it.effect("rejects UTF-16", () =>
    Effect.map(message({ "u.csv": new Uint8Array([0xff, 0xfe, 0x43, 0]) }), (m) => assert.include(m, "UTF-16"))
  )
  it.effect("rejects semicolon-separated files", () =>
    Effect.map(message({ "s.csv": "CHILD;SEX;DOB\n1;2;3\n" }), (m) => assert.include(m, "semicolons"))
  )
  it.effect("rejects duplicated headers", () =>
    Effect.map(message({ "d.csv": "CHILD,DOB,DOB\n" }), (m) => assert.include(m, "names column DOB twice"))
  )
  it.effect("names missing columns of the nearest table", () =>
    Effect.map(message({ "m.csv": "CHILD,DOB,REVIEW\n" }), (m) =>
      assert.strictEqual(m, "m.csv: looks like the Reviews table but has missing column(s) REVIEW_CODE")
    )
  )
  it.effect("rejects a header row of no table", () =>
    Effect.map(message({ "x.csv": "FOO,BAR\n1,2\n" }), (m) => assert.include(m, "is not that of any 903 table"))
  )
  it.effect("rejects an unclosed quote", () =>
    Effect.map(message({ "q.csv": 'CHILD,DOB,REVIEW,REVIEW_CODE\n"C1,01/01/2010,01/01/2017,PN1\n' }), (m) =>
      assert.include(m, "never closed")
    )
  )
  it.effect("rejects two files holding the same table", () =>
    Effect.map(message({ "a.csv": "CHILD,DOB,REVIEW,REVIEW_CODE\n", "b.csv": "CHILD,DOB,REVIEW,REVIEW_CODE\n" }), (m) =>
      assert.include(m, "which a.csv already holds")
    )
  )
})

describe("decodeStream", () => {
  const streamOf = (chunks: ReadonlyArray<Uint8Array>) =>
    new ReadableStream<Uint8Array>({
      start(controller) {
        for (const c of chunks) controller.enqueue(c)
        controller.close()
      }
    })
  const reviewIds = (file: Ssda903.DecodedFile) =>
    file.tables[0]!.rows.map((r) => [r.line, (r.value as { childId: string }).childId])

  it.effect("reads CRLF, LF and lone CR line endings mixed in one chunk", () =>
    Effect.gen(function* () {
      const text =
        "CHILD,DOB,REVIEW,REVIEW_CODE\r\nC1,01/01/2010,01/01/2017,PN1\rC2,01/01/2010,02/01/2017,PN0\nC3,01/01/2010,03/01/2017,PN0\r\n"
      const out = yield* Ssda903.decodeStream("r.csv", streamOf([encode(text)]))
      assert.deepStrictEqual(reviewIds(out), [
        [2, "C1"],
        [3, "C2"],
        [4, "C3"]
      ])
    })
  )

  it.effect("reads a UTF-8 character split across chunks, and rejects UTF-8 followed by other bytes", () =>
    Effect.gen(function* () {
      const bytes = encode("CHILD,DOB,REVIEW,REVIEW_CODE\nC\u00e9,01/01/2010,01/01/2017,PN1\n")
      const split = bytes.indexOf(0xc3) + 1
      const out = yield* Ssda903.decodeStream("r.csv", streamOf([bytes.subarray(0, split), bytes.subarray(split)]))
      assert.deepStrictEqual(reviewIds(out), [[2, "C\u00e9"]])
      // Windows-1252 é (0xE9) after a UTF-8 é: the file mixes encodings and is not guessed at.
      const mixed = encode("C9,01/01/2010,01/01/2017,PN1\n")
      mixed[1] = 0xe9
      const e = yield* Effect.flip(Ssda903.decodeStream("r.csv", streamOf([bytes, mixed])))
      assert.include(e.message, "its text is UTF-8 up to about byte")
    })
  )

  it.effect("reads a file split into one-byte chunks, quotes and CRLF across chunk edges", () =>
    Effect.gen(function* () {
      const text =
        'CHILD,DOB,REVIEW,REVIEW_CODE\r\n"C""1",01/01/2010,"01/01/2017",PN1\r\n"C2\r\nX",01/01/2010,02/01/2017,PN0\r\n'
      const bytes = encode(text)
      const stream = new ReadableStream<Uint8Array>({
        start(controller) {
          for (const b of bytes) controller.enqueue(new Uint8Array([b]))
          controller.close()
        }
      })
      const out = yield* Ssda903.decodeStream("r.csv", stream)
      const rows = out.tables[0]!.rows.map((r) => [r.line, (r.value as { childId: string }).childId])
      assert.deepStrictEqual(rows, [
        [2, 'C"1'],
        [3, "C2\r\nX"]
      ])
    })
  )
})
