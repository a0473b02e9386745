/** DfE rules 104–299 (src/rules/Codes1xx2xx.ts): each fails on a small made-up return and passes on its repair. */
import { Placement, ReportingYear } from "@cpo/domain"
import { assert, describe, it } from "@effect/vitest"
import { Effect, Option } from "effect"
import { Ssda903, Validation } from "../../src/index.ts"
import { all, pending } from "../../src/rules/Codes1xx2xx.ts"
import { encode } from "../fixtures.ts"
import { failsAndPasses, files, lines, run, type Tables } from "../rules.ts"

/**
 * Pending rules (not in the registry) run straight on an index of each return; last year's is indexed whole, as these
 * rules need its Header and UASC rows.
 */
const checkPending = (code: string, tables: Tables, options: Parameters<typeof run>[2] = {}) =>
  Effect.gen(function* () {
    const year = ReportingYear.make(options.year ?? 2018)
    const current = Validation.index(yield* Ssda903.decodeFiles(files(tables), { year }))
    const previous =
      options.previous === undefined
        ? Option.none()
        : Option.some(
            Validation.index(
              yield* Ssda903.decodeFiles(files(options.previous), { year: ReportingYear.previous(year) })
            )
          )
    const ctx = {
      year,
      yearStart: ReportingYear.start(year),
      yearEnd: ReportingYear.end(year),
      current,
      previous,
      area: Option.none()
    }
    return [...pending, ...all].filter((r) => r.code === code).flatMap((r) => r.check(ctx).map((h) => h.lines))
  })

/** Looked after since before the year began (in the OC2 cohort for 2017/18). */
const inCare = { Episodes: [{ DECOM: "01/01/2016" }] }
const inCareBoth = { Episodes: [{ DECOM: "01/01/2016" }, { CHILD: "C2", DECOM: "01/01/2016" }] }
/** Started to be looked after in the year (not in the OC2 cohort). */
const newToCare = { Episodes: [{ DECOM: "01/06/2017" }] }

const area = {
  localAuthority: "999",
  directory: Placement.directoryFromEntries([
    ["AA1 1AA", { easting: 0, northing: 0, localAuthority: "999" }],
    ["BB1 1BB", { easting: 2_000_000, northing: 0, localAuthority: "888" }],
    ["CC1 1CC", { easting: 1_000, northing: 0, localAuthority: "WAL" }]
  ])
}

describe("field validity", () => {
  describe("rule 104", () =>
    failsAndPasses(
      "104",
      {
        UASC: [
          { CHILD: "C1", SEX: "1", DOB: "01/01/2003", DUC: "31/02/2018" },
          { CHILD: "C2", SEX: "1", DOB: "01/01/2003", DUC: "01/03/2017" }
        ]
      },
      [[2], [3]],
      { UASC: [{ CHILD: "C1", SEX: "1", DOB: "01/01/2003", DUC: "01/05/2017" }] }
    ))
  describe("rule 112", () =>
    failsAndPasses("112", { AD1: [{ DATE_INT: "2018/13/01" }] }, [[2]], { AD1: [{ DATE_INT: "01/01/2018" }] }))
  describe("rule 113", () =>
    failsAndPasses("113", { AD1: [{ DATE_MATCH: "30/02/2018" }] }, [[2]], { AD1: [{ DATE_MATCH: "01/02/2018" }] }))
  describe("rule 114", () =>
    failsAndPasses("114", { AD1: [{ FOSTER_CARE: "2" }] }, [[2]], { AD1: [{ FOSTER_CARE: "1" }] }))
  describe("rule 115", () =>
    failsAndPasses("115", { PlacedAdoption: [{ CHILD: "C1", DOB: "01/01/2010", DATE_PLACED: "32/01/2018" }] }, [[2]], {
      PlacedAdoption: [{ CHILD: "C1", DOB: "01/01/2010", DATE_PLACED: "01/01/2018" }]
    }))
  describe("rule 116", () =>
    failsAndPasses(
      "116",
      { PlacedAdoption: [{ CHILD: "C1", DOB: "01/01/2010", DATE_PLACED: "01/01/2018", DATE_PLACED_CEASED: "2018" }] },
      [[2]],
      {
        PlacedAdoption: [
          { CHILD: "C1", DOB: "01/01/2010", DATE_PLACED: "01/01/2018", DATE_PLACED_CEASED: "01/02/2018" }
        ]
      }
    ))
  describe("rule 120", () =>
    failsAndPasses(
      "120",
      { PlacedAdoption: [{ CHILD: "C1", DOB: "01/01/2010", DATE_PLACED: "01/01/2018", REASON_PLACED_CEASED: "RD9" }] },
      [[2]],
      {
        PlacedAdoption: [{ CHILD: "C1", DOB: "01/01/2010", DATE_PLACED: "01/01/2018", REASON_PLACED_CEASED: "rd1" }]
      }
    ))
  describe("rule 141", () =>
    failsAndPasses("141", { Episodes: [{ DECOM: "31/04/2017" }] }, [[2]], { Episodes: [{ DECOM: "30/04/2017" }] }))
  describe("rule 147", () =>
    failsAndPasses("147", { Episodes: [{ DEC: "31/04/2017", REC: "E8" }] }, [[2]], {
      Episodes: [{ DEC: "30/04/2017", REC: "E8" }]
    }))
  const review = { CHILD: "C1", DOB: "01/01/2010", REVIEW: "01/06/2017", REVIEW_CODE: "PN1" }
  describe("rule 166", () =>
    failsAndPasses("166", { Reviews: [{ ...review, REVIEW: "" }] }, [[2]], { Reviews: [review] }))
  describe("rule 167", () =>
    failsAndPasses("167", { Reviews: [{ ...review, REVIEW_CODE: "PN8" }] }, [[2]], {
      Reviews: [{ ...review, REVIEW_CODE: "PN7" }]
    }))
  describe("rule 171", () =>
    failsAndPasses("171", { Header: [{ SEX: "2", MC_DOB: "29/02/2017" }] }, [[2]], {
      Header: [{ SEX: "2", MC_DOB: "28/02/2017" }]
    }))
  describe("rule 175", () => failsAndPasses("175", { AD1: [{ NB_ADOPTR: "3" }] }, [[2]], { AD1: [{ NB_ADOPTR: "2" }] }))
  describe("rule 176", () =>
    failsAndPasses("176", { AD1: [{ SEX_ADOPTR: "FM" }] }, [[2]], { AD1: [{ SEX_ADOPTR: "MF" }] }))
  describe("rule 177", () =>
    failsAndPasses("177", { AD1: [{ LS_ADOPTR: "L1" }] }, [[2]], { AD1: [{ LS_ADOPTR: "L11" }] }))
  describe("rule 180", () =>
    failsAndPasses("180", { OC2: [{ SDQ_SCORE: "41" }] }, [[2]], { OC2: [{ SDQ_SCORE: "40" }] }))
  describe("rule 181", () =>
    failsAndPasses("181", { OC2: [{ CONVICTED: "1" }, { CHILD: "C2", INTERVENTION_OFFERED: "2" }] }, [[3]], {
      OC2: [{ CONVICTED: "0", HEALTH_CHECK: "1" }]
    }))
  describe("rule 196", () =>
    failsAndPasses("196", { OC2: [{ SDQ_REASON: "SDQ6" }] }, [[2]], { OC2: [{ SDQ_REASON: "SDQ5" }] }))
  describe("rule 168", () =>
    failsAndPasses(
      "168",
      { Header: [{ UPN: "I123456789012" }, { CHILD: "C2", UPN: "A12345" }, { CHILD: "C3", UPN: "UN6" }] },
      [[2], [3], [4]],
      { Header: [{ UPN: "A123456789012" }, { CHILD: "C2", UPN: "b12345678901C" }, { CHILD: "C3", UPN: "UN5" }] }
    ))

  describe("rule 105 (XML only)", () => {
    const xml = (flag: string) =>
      `<?xml version="1.0"?><EXPSSDA903><CHILD><CHILDID>C1</CHILDID><SEX>1</SEX><DOB>01/01/2003</DOB><ETHNIC>WBRI</ETHNIC><UASC>${flag}</UASC><DUC>01/01/2018</DUC></CHILD></EXPSSDA903>`
    const run105 = (flag: string) =>
      Effect.gen(function* () {
        const decoded = yield* Ssda903.decodeFiles([{ name: "return.xml", bytes: encode(xml(flag)) }], {
          year: ReportingYear.make(2018)
        })
        return lines(Validation.validate(decoded), "105")
      })
    it.effect("fails", () => Effect.map(run105("2"), (l) => assert.deepStrictEqual(l, [[1]])))
    it.effect("passes", () => Effect.map(run105("1"), (l) => assert.deepStrictEqual(l, [])))
  })
})

describe("episodes", () => {
  describe("rule 142", () =>
    failsAndPasses("142", { Episodes: [{ DECOM: "01/04/2017" }, { DECOM: "01/05/2017", RNE: "P" }] }, [[2]], {
      Episodes: [
        { DECOM: "01/04/2017", DEC: "01/05/2017", REC: "X1" },
        { DECOM: "01/05/2017", RNE: "P" }
      ]
    }))
  describe("rule 148", () =>
    failsAndPasses("148", { Episodes: [{ DEC: "01/05/2017" }, { CHILD: "C2", REC: "E8" }] }, [[2], [3]], {
      Episodes: [{ DEC: "01/05/2017", REC: "E8" }, { CHILD: "C2" }]
    }))
  describe("rule 199", () => {
    failsAndPasses(
      "199",
      { Episodes: [{ DECOM: "01/04/2017", DEC: "01/06/2017", REC: "E11" }, { DECOM: "01/09/2017" }] },
      [[3]],
      { Episodes: [{ DECOM: "01/04/2017", DEC: "01/06/2017", REC: "E12" }] }
    )
    it.effect("reads last year's adoption", () =>
      Effect.map(
        run(
          "199",
          { Episodes: [{ DECOM: "01/09/2017" }] },
          { previous: { Episodes: [{ DECOM: "01/04/2016", DEC: "01/06/2016", REC: "E11" }] } }
        ),
        (r) => assert.deepStrictEqual(lines(r, "199"), [[2]])
      )
    )
  })
  describe("rule 213", () => {
    failsAndPasses("213", { Episodes: [{ PLACE: "T4" }] }, [[2]], { Episodes: [{ PLACE: "T4", PLACE_PROVIDER: "" }] })
    describe("from 2025/26", () =>
      failsAndPasses("213", { Episodes: [{ PLACE: "Z12" }] }, [[2]], { Episodes: [{ PLACE: "K3" }] }, { year: 2026 }))
  })
  describe("rule 214", () =>
    failsAndPasses(
      "214",
      {
        Episodes: [
          { LS: "V3", PL_POST: "AA1 1AA" },
          { CHILD: "C2", LS: "V4", URN: "XXXXXXX" }
        ]
      },
      [[2], [3]],
      { Episodes: [{ LS: "V3" }, { CHILD: "C2", LS: "C2", URN: "SC123456", PL_POST: "AA1 1AA" }] }
    ))
  describe("rule 217", () =>
    failsAndPasses("217", { Episodes: [{ PLACE: "A3", RNE: "P" }] }, [[2]], {
      Episodes: [
        { PLACE: "A5", RNE: "T" },
        { CHILD: "C2", PLACE: "A4", RNE: "P" }
      ]
    }))
  describe("rule 217t (2023/24)", () =>
    failsAndPasses(
      "217t",
      { Episodes: [{ PLACE: "P2", DECOM: "01/05/2023" }] },
      [[2]],
      { Episodes: [{ PLACE: "P2", DECOM: "01/05/2023", DEC: "28/10/2023", REC: "E5" }] },
      { year: 2024 }
    ))
  describe("rule 218", () => {
    failsAndPasses("218", { Episodes: [{ PLACE: "U4" }] }, [[2]], {
      Episodes: [
        { PLACE: "U4", URN: "XXXXXXX" },
        { CHILD: "C2", PLACE: "P1" },
        { CHILD: "C3", PLACE: "U4", DEC: "01/03/2017", REC: "E8", DECOM: "01/01/2017" },
        { CHILD: "C4", PLACE: "K2", LS: "V3" }
      ]
    })
    it.effect("passes a placement outside England found in the postcode directory", () =>
      Effect.map(run("218", { Episodes: [{ PLACE: "K2", PL_POST: "CC1 1CC" }] }, { area }), (r) =>
        assert.deepStrictEqual(lines(r, "218"), [])
      )
    )
    describe("from 2024/25 (H5 needs a URN)", () =>
      failsAndPasses("218", { Episodes: [{ PLACE: "H5" }] }, [[2]], { Episodes: [{ PLACE: "P1" }] }, { year: 2025 }))
    describe("from 2025/26", () =>
      failsAndPasses("218", { Episodes: [{ PLACE: "K3" }] }, [[2]], { Episodes: [{ PLACE: "Z13" }] }, { year: 2026 }))
  })
  describe("rule 222", () => {
    failsAndPasses("222", { Episodes: [{ PLACE: "H5", URN: "SC123456" }] }, [[2]], {
      Episodes: [
        { PLACE: "H5", URN: "XXXXXXX" },
        { CHILD: "C2", PLACE: "K2", URN: "SC123456" }
      ]
    })
    describe("in 2023/24 (H5 may have a URN)", () =>
      failsAndPasses(
        "222",
        { Episodes: [{ PLACE: "P2", URN: "1234567" }] },
        [[2]],
        { Episodes: [{ PLACE: "H5", URN: "1234567" }] },
        { year: 2024 }
      ))
    describe("in 2024/25 (P2 no longer listed)", () =>
      failsAndPasses(
        "222",
        { Episodes: [{ PLACE: "R1", URN: "1234567" }] },
        [[2]],
        { Episodes: [{ PLACE: "P2", URN: "1234567" }] },
        { year: 2025 }
      ))
    describe("from 2025/26", () =>
      failsAndPasses(
        "222",
        { Episodes: [{ PLACE: "Z11", URN: "1234567" }] },
        [[2]],
        { Episodes: [{ PLACE: "K3", URN: "1234567" }] },
        { year: 2026 }
      ))
  })
  const moveToTemporary = (reason: string) => ({
    Episodes: [
      { DECOM: "01/04/2017", DEC: "01/05/2017", REC: "X1", REASON_PLACE_CHANGE: reason },
      { DECOM: "01/05/2017", RNE: "T", PLACE: "T1", PLACE_PROVIDER: "" }
    ]
  })
  describe("rule 226", () => {
    failsAndPasses("226", moveToTemporary("CARPL"), [[3]], moveToTemporary(""))
    describe("from 2025/26", () =>
      failsAndPasses("226", moveToTemporary("CHILD"), [[3]], moveToTemporary(""), { year: 2026 }))
  })
  describe("rule 230 (2023/24)", () =>
    failsAndPasses(
      "230",
      { Episodes: [{ PLACE: "H5", DECOM: "01/05/2023", URN: "XXXXXXX" }] },
      [[2]],
      {
        Episodes: [
          { PLACE: "H5", DECOM: "01/05/2023", URN: "1234567" },
          { CHILD: "C2", PLACE: "H5", DECOM: "01/05/2023", DEC: "28/10/2023", REC: "E5" }
        ]
      },
      { year: 2024 }
    ))
  describe("rule 233 (from 2025/26)", () =>
    failsAndPasses(
      "233",
      { Episodes: [{ REASON_PLACE_CHANGE: "CARPL" }] },
      [[2]],
      { Episodes: [{ DEC: "01/05/2025", REC: "X1", REASON_PLACE_CHANGE: "CARPL" }] },
      { year: 2026 }
    ))
  describe("rule 234 (from 2025/26)", () =>
    failsAndPasses(
      "234",
      { Header: [{ DOB: "01/01/2016" }], Episodes: [{ DECOM: "01/05/2025", REASON_PLACE_CHANGE: "CUSTOD" }] },
      [[2], [2]],
      { Header: [{ DOB: "01/01/2015" }], Episodes: [{ DECOM: "01/05/2025", REASON_PLACE_CHANGE: "CUSTOD" }] },
      { year: 2026 }
    ))
})

describe("placement location from postcodes", () => {
  describe("rule 164", () =>
    failsAndPasses(
      "164",
      { Episodes: [{ HOME_POST: "AA1 1AA", PL_POST: "BB1 1BB" }] },
      [[2]],
      {
        Episodes: [
          { HOME_POST: "AA1 1AA", PL_POST: "CC1 1CC" },
          { CHILD: "C2", HOME_POST: "AA1 1AA" }
        ]
      },
      { area }
    ))
  it.effect("rule 164 leaves out a child who is UASC (home postcode may be abroad)", () =>
    Effect.map(
      run(
        "164",
        {
          Episodes: [{ HOME_POST: "AA1 1AA", PL_POST: "BB1 1BB" }],
          UASC: [{ CHILD: "C1", SEX: "1", DOB: "01/01/2003" }]
        },
        { area }
      ),
      (r) => assert.deepStrictEqual(lines(r, "164"), [])
    )
  )
  it.effect("rule 169 is skipped without a postcode directory", () =>
    Effect.map(run("169", { Episodes: [{ PL_POST: "ZZ9 9ZZ" }] }), (r) =>
      assert.strictEqual(r.rules.find((o) => o.code === "169")?.status, "skipped")
    )
  )
  for (const code of ["169", "179"]) {
    describe(`rule ${code}`, () =>
      failsAndPasses(
        code,
        { Episodes: [{ PL_POST: "ZZ9 9ZZ" }, { CHILD: "C2" }] },
        [[2], [3]],
        { Episodes: [{ PL_POST: "AA1 1AA" }, { CHILD: "C2", LS: "V3" }] },
        { area }
      ))
  }
})

describe("header", () => {
  describe("rule 165", () =>
    failsAndPasses(
      "165",
      {
        Header: [
          { SEX: "1", MOTHER: "0" },
          { CHILD: "C2", SEX: "2" },
          { CHILD: "C3", SEX: "2", MOTHER: "2" }
        ],
        Episodes: [{}, { CHILD: "C2" }, { CHILD: "C3" }]
      },
      [[4], [2], [3]],
      {
        Header: [{ SEX: "1" }, { CHILD: "C2", SEX: "2", MOTHER: "0" }],
        Episodes: [{}, { CHILD: "C2" }]
      }
    ))
  describe("rule 174", () => {
    failsAndPasses("174", { Header: [{ SEX: "1", MC_DOB: "01/01/2017" }] }, [[2]], {
      Header: [{ SEX: "2", MC_DOB: "01/01/2017" }]
    })
    describe("from 2024/25", () =>
      failsAndPasses(
        "174",
        { Header: [{ SEX: "M", MC_DOB: "01/01/2024" }] },
        [[2]],
        { Header: [{ SEX: "F", MC_DOB: "01/01/2024" }] },
        { year: 2025 }
      ))
  })
  describe("rule 209", () =>
    failsAndPasses("209", { Header: [{ DOB: "31/08/2012", UPN: "UN1" }] }, [[2]], {
      Header: [{ DOB: "01/09/2012", UPN: "UN1" }]
    }))
  describe("rule 210", () =>
    failsAndPasses("210", { Header: [{ UPN: "UN4" }], Episodes: [{ DECOM: "24/03/2018" }] }, [[2], [2]], {
      Header: [{ UPN: "UN4" }],
      Episodes: [{ DECOM: "23/03/2018" }]
    }))
  describe("rule 231 (from 2024/25)", () => {
    const uasc = (dob: string) => ({
      Header: [{ DOB: dob, SEX: "M" }],
      UASC: [{ CHILD: "C1", SEX: "M", DOB: dob }]
    })
    failsAndPasses("231", uasc("01/04/2014"), [[2]], uasc("31/03/2014"), { year: 2025 })
  })
  describe("rule 232 (from 2024/25)", () =>
    failsAndPasses("232", { Header: [{ SEX: "U" }] }, [[2]], { Header: [{ SEX: "M" }] }, { year: 2025 }))
})

describe("against last year's return", () => {
  describe("rule 202", () => {
    failsAndPasses(
      "202",
      { Header: [{ SEX: "1" }] },
      [[2]],
      { Header: [{ SEX: "2" }] },
      {
        previous: { Header: [{ SEX: "2" }] }
      }
    )
    it.effect("reads 1 last year and M this year as the same (2024/25 recoding)", () =>
      Effect.map(
        checkPending("202", { Header: [{ SEX: "M" }] }, { year: 2025, previous: { Header: [{ SEX: "1" }] } }),
        (l) => assert.deepStrictEqual(l, [])
      )
    )
  })
  describe("rule 203", () =>
    failsAndPasses(
      "203",
      { Header: [{ DOB: "02/01/2010" }] },
      [[2]],
      { Header: [{ DOB: "01/01/2010" }] },
      {
        previous: { Header: [{ DOB: "01/01/2010" }] }
      }
    ))
  describe("rule 204", () =>
    failsAndPasses(
      "204",
      { Header: [{ ETHNIC: "WOTH" }] },
      [[2]],
      { Header: [{ ETHNIC: "wbri" }] },
      {
        previous: { Header: [{ ETHNIC: "WBRI" }] }
      }
    ))
  describe("rule 207", () =>
    failsAndPasses(
      "207",
      { Header: [{ SEX: "2", MOTHER: "0" }], Episodes: [{}] },
      [[2]],
      { Header: [{ SEX: "2", MOTHER: "1" }], Episodes: [{}] },
      { previous: { Header: [{ SEX: "2", MOTHER: "1" }] } }
    ))
  describe("rule 208", () => {
    const pair = (then: string, now: string) =>
      [{ Header: [{ UPN: now }] }, { previous: { Header: [{ UPN: then }] } }] as const
    it.effect("fails a known UPN that changes or becomes unknown", () =>
      Effect.gen(function* () {
        for (const [then, now] of [
          ["A123456789012", "B123456789012"],
          ["A123456789012", "UN2"],
          ["UN2", "UN3"],
          ["A123456789012", ""]
        ] as const) {
          const [tables, options] = pair(then, now)
          assert.deepStrictEqual(yield* checkPending("208", tables, options), [[2]], `${then} -> ${now}`)
        }
      })
    )
    it.effect("passes an unknown UPN that becomes known, or UN1 that becomes UN2–UN5", () =>
      Effect.gen(function* () {
        for (const [then, now] of [
          ["UN1", "A123456789012"],
          ["", "A123456789012"],
          ["UN1", "UN3"],
          ["A123456789012", "a123456789012"]
        ] as const) {
          const [tables, options] = pair(then, now)
          assert.deepStrictEqual(yield* checkPending("208", tables, options), [], `${then} -> ${now}`)
        }
      })
    )
  })
  const uasc = (duc: string) => ({ CHILD: "C1", SEX: "1", DOB: "01/01/2000", DUC: duc })
  const other = { CHILD: "C9", SEX: "1", DOB: "01/01/2001", DUC: "01/01/2019" }
  describe("rule 205A", () => {
    failsAndPasses(
      "205A",
      { Header: [{}], UASC: [other] },
      [[2]],
      { Header: [{}], UASC: [other, uasc("")] },
      {
        previous: { Header: [{}], UASC: [uasc("")] }
      }
    )
    it.effect("passes a status that ceased during last year", () =>
      Effect.map(
        checkPending(
          "205A",
          { Header: [{}], UASC: [other] },
          { previous: { Header: [{}], UASC: [uasc("01/06/2016")] } }
        ),
        (l) => assert.deepStrictEqual(l, [])
      )
    )
  })
  describe("rule 205B", () =>
    failsAndPasses(
      "205B",
      { Header: [{ DOB: "01/01/2000" }], UASC: [uasc("01/02/2016")] },
      [[2], [2]],
      { Header: [{ DOB: "01/01/2000" }], UASC: [uasc("01/01/2018")] },
      { previous: { Header: [{ DOB: "01/01/2000" }], UASC: [uasc("01/01/2018")] } }
    ))
  describe("rule 205D", () =>
    failsAndPasses(
      "205D",
      { Header: [{}], UASC: [uasc("")] },
      [[2]],
      { Header: [{}], UASC: [other] },
      { previous: { Header: [{}], UASC: [other] } }
    ))
})

describe("OC2", () => {
  const oc2 = (row: Record<string, string>) => [{ DOB: "01/01/2010", ...row }]
  describe("rule 157", () =>
    failsAndPasses("157", { ...inCare, OC2: oc2({ SDQ_REASON: "SDQ1" }) }, [[2]], {
      ...inCare,
      OC2: oc2({ SDQ_REASON: "SDQ4" })
    }))
  describe("rule 158", () =>
    failsAndPasses("158", { OC2: oc2({ INTERVENTION_RECEIVED: "1", INTERVENTION_OFFERED: "0" }) }, [[2]], {
      OC2: oc2({ INTERVENTION_RECEIVED: "1" })
    }))
  describe("rule 159", () =>
    failsAndPasses("159", { OC2: oc2({ SUBSTANCE_MISUSE: "1", INTERVENTION_RECEIVED: "0" }) }, [[2]], {
      OC2: oc2({ SUBSTANCE_MISUSE: "1", INTERVENTION_RECEIVED: "0", INTERVENTION_OFFERED: "1" })
    }))
  const health = { IMMUNISATIONS: "1", TEETH_CHECK: "1", HEALTH_ASSESSMENT: "1", SUBSTANCE_MISUSE: "0" }
  describe("rule 182", () =>
    failsAndPasses("182", { OC2: oc2({ ...health, IMMUNISATIONS: "", CONVICTED: "0" }) }, [[2]], {
      OC2: [...oc2({ ...health, CONVICTED: "0" }), { CHILD: "C2", DOB: "01/01/2010" }]
    }))
  describe("rule 185", () =>
    failsAndPasses("185", { ...newToCare, OC2: oc2({ SDQ_SCORE: "12" }) }, [[2]], {
      ...inCare,
      OC2: oc2({ SDQ_SCORE: "12" })
    }))
  describe("rule 186", () =>
    failsAndPasses("186", { ...inCare, OC2: oc2({}) }, [[2]], {
      ...inCare,
      OC2: [...oc2({ SDQ_SCORE: "3" }), { CHILD: "C2", DOB: "01/01/2001" }]
    }))
  describe("rule 189", () =>
    failsAndPasses("189", { OC2: [{ DOB: "31/03/2000", SDQ_REASON: "SDQ1" }] }, [[2]], {
      OC2: [{ DOB: "01/04/2000", SDQ_REASON: "SDQ1" }]
    }))
  describe("rule 192", () =>
    failsAndPasses("192", { OC2: oc2({ SUBSTANCE_MISUSE: "1" }) }, [[2]], {
      OC2: oc2({ SUBSTANCE_MISUSE: "1", INTERVENTION_RECEIVED: "1" })
    }))
  describe("rule 193", () =>
    failsAndPasses(
      "193",
      {
        OC2: [...oc2({ SUBSTANCE_MISUSE: "0", INTERVENTION_RECEIVED: "1" }), { CHILD: "C2", INTERVENTION_OFFERED: "0" }]
      },
      [[2], [3]],
      { OC2: oc2({ SUBSTANCE_MISUSE: "1", INTERVENTION_RECEIVED: "1" }) }
    ))
  describe("rule 197a", () =>
    failsAndPasses("197a", { OC2: oc2({ SDQ_SCORE: "3", SDQ_REASON: "SDQ4" }) }, [[2]], {
      OC2: oc2({ SDQ_SCORE: "3" })
    }))
  describe("rule 197B", () =>
    failsAndPasses(
      "197B",
      { ...inCareBoth, OC2: [{ DOB: "01/06/2013" }, { CHILD: "C2", DOB: "01/06/2000" }] },
      [[2], [3]],
      {
        ...inCareBoth,
        OC2: [
          { DOB: "01/06/2013", SDQ_REASON: "SDQ1" },
          { CHILD: "C2", DOB: "01/06/2001" }
        ]
      }
    ))
  describe("rule 198", () =>
    failsAndPasses("198", { ...newToCare, OC2: oc2({ SDQ_REASON: "SDQ2" }) }, [[2]], {
      ...inCare,
      OC2: oc2({ SDQ_REASON: "SDQ2" })
    }))
  describe("rule 215", () =>
    failsAndPasses(
      "215",
      { OC3: [{ IN_TOUCH: "YES", ACTIV: "F1", ACCOM: "B1" }], OC2: [{ CONVICTED: "0" }] },
      [[2], [2]],
      { OC3: [{ IN_TOUCH: "YES", ACTIV: "F1", ACCOM: "B1" }], OC2: [{ CHILD: "C2", CONVICTED: "0" }] }
    ))
})

describe("OC3, AD1 and placed for adoption", () => {
  const adoption = {
    DATE_INT: "01/06/2017",
    DATE_MATCH: "01/07/2017",
    FOSTER_CARE: "0",
    NB_ADOPTR: "2",
    SEX_ADOPTR: "MF",
    LS_ADOPTR: "L11"
  }
  const careLeaver = { IN_TOUCH: "YES", ACTIV: "F1", ACCOM: "B1" }
  describe("rule 151", () =>
    failsAndPasses("151", { AD1: [{ ...adoption, LS_ADOPTR: "" }] }, [[2]], {
      AD1: [adoption, { CHILD: "C2" }]
    }))
  describe("rule 153", () =>
    failsAndPasses("153", { OC3: [{ ...careLeaver, ACCOM: "" }] }, [[2]], { OC3: [careLeaver, { CHILD: "C2" }] }))
  describe("rule 134", () =>
    failsAndPasses("134", { OC3: [careLeaver], AD1: [adoption] }, [[2]], {
      OC3: [careLeaver, { CHILD: "C2" }],
      AD1: [{ CHILD: "C2", ...adoption }]
    }))
  describe("rule 187", () =>
    failsAndPasses("187", { ...inCare, AD1: [adoption], OC3: [careLeaver] }, [[2], [2]], {
      ...newToCare,
      AD1: [adoption],
      OC3: [careLeaver]
    }))
  describe("rule 119", () =>
    failsAndPasses(
      "119",
      {
        PlacedAdoption: [
          { CHILD: "C1", DOB: "01/01/2010", DATE_PLACED: "01/05/2017", DATE_PLACED_CEASED: "01/06/2017" },
          { CHILD: "C2", DOB: "01/01/2010", DATE_PLACED: "01/05/2017", REASON_PLACED_CEASED: "RD1" }
        ]
      },
      [[2], [3]],
      {
        PlacedAdoption: [
          {
            DOB: "01/01/2010",
            DATE_PLACED: "01/05/2017",
            DATE_PLACED_CEASED: "01/06/2017",
            REASON_PLACED_CEASED: "RD1"
          }
        ]
      }
    ))
  describe("rule 184", () =>
    failsAndPasses(
      "184",
      {
        Header: [{ DOB: "01/01/2017" }],
        PlacedAdoption: [{ CHILD: "C1", DOB: "01/01/2010", DATE_PLACED: "31/12/2016" }]
      },
      [[2]],
      {
        Header: [{ DOB: "01/01/2017" }],
        PlacedAdoption: [{ CHILD: "C1", DOB: "01/01/2010", DATE_PLACED: "01/01/2017" }]
      }
    ))
  describe("rule 117", () =>
    failsAndPasses(
      "117",
      {
        Episodes: [
          { DECOM: "01/04/2017", DEC: "01/06/2017", REC: "X1" },
          { DECOM: "01/06/2017", RNE: "P", DEC: "01/10/2017", REC: "E11" },
          { CHILD: "C2" }
        ],
        PlacedAdoption: [
          { CHILD: "C1", DOB: "01/01/2010", DATE_PLACED: "02/10/2017" },
          { CHILD: "C2", DOB: "01/01/2010", DATE_PLACED: "01/05/2017", DATE_PLACED_CEASED: "01/04/2018" }
        ]
      },
      [[2], [3], [3], [4]],
      {
        Episodes: [
          { DECOM: "01/04/2017", DEC: "01/06/2017", REC: "X1" },
          { DECOM: "01/06/2017", RNE: "P", DEC: "01/10/2017", REC: "E11" }
        ],
        PlacedAdoption: [{ CHILD: "C1", DOB: "01/01/2010", DATE_PLACED: "01/10/2017" }]
      }
    ))
})

describe("rule 118", () => {
  it.effect("fails a reversal before the year or before care began", () =>
    Effect.map(
      checkPending("118", {
        Episodes: [{ DECOM: "01/04/2017", LS: "V3" }, { DECOM: "01/05/2017" }, { CHILD: "C2", DECOM: "01/01/2016" }],
        PlacedAdoption: [
          { CHILD: "C1", DOB: "01/01/2010", DATE_PLACED: "01/04/2017", DATE_PLACED_CEASED: "30/04/2017" },
          { CHILD: "C2", DOB: "01/01/2010", DATE_PLACED: "01/02/2016", DATE_PLACED_CEASED: "31/03/2017" }
        ]
      }),
      (l) => assert.deepStrictEqual(l, [[2], [3], [3], [4]])
    )
  )
  it.effect("passes a reversal in the year after care began", () =>
    Effect.map(
      checkPending("118", {
        Episodes: [{ DECOM: "01/05/2017" }],
        PlacedAdoption: [
          { CHILD: "C1", DOB: "01/01/2010", DATE_PLACED: "01/05/2017", DATE_PLACED_CEASED: "01/05/2017" }
        ]
      }),
      (l) => assert.deepStrictEqual(l, [])
    )
  )
})
