/** DfE rules 300–499 and 3001: each fails on a small made-up return and passes on its corrected twin. */
import { Placement } from "@cpo/domain"
import { assert, describe, it } from "@effect/vitest"
import { Effect } from "effect"
import { Registry } from "../../src/index.ts"
import { failsAndPasses, lines, run, type Tables } from "../rules.ts"

type Options = Parameters<typeof run>[2]

/** Errors of `code` as "table:lines", sorted: for rules that point at rows of several tables. */
const tableLines = (code: string, tables: Tables, options: Options = {}) =>
  Effect.map(run(code, tables, options), (r) =>
    r.errors
      .filter((e) => e.code === code)
      .map((e) => `${e.table}:${e.rows.join(",")}`)
      .sort()
  )

/** A rule fails on `bad` at the given table rows and passes on `good`. */
const failsAcrossTables = (
  code: string,
  bad: Tables,
  expected: ReadonlyArray<string>,
  good: Tables,
  options: Options = {}
) => {
  it.effect("fails", () =>
    Effect.map(tableLines(code, bad, options), (found) => assert.deepStrictEqual(found, expected))
  )
  it.effect("passes", () => Effect.map(tableLines(code, good, options), (found) => assert.deepStrictEqual(found, [])))
}

const inForce = (code: string, year: number) => Registry.forYear(year).some((r) => r.code === code)

const ended = (DEC: string, REC = "X1") => ({ DEC, REC })

// ── Header and UASC ────────────────────────────────────────────────────────────────────────────────────────────────

describe("rule 301", () => {
  failsAndPasses("301", { Header: [{ DOB: "01/04/2018" }] }, [[2]], { Header: [{ DOB: "31/03/2018" }] })
})

describe("rule 302", () => {
  failsAcrossTables(
    "302",
    { Header: [{ DOB: "01/01/2010" }], Episodes: [{ DECOM: "31/12/2009" }, { DECOM: "01/04/2017", RNE: "P" }] },
    ["Episodes:2", "Header:2"],
    { Header: [{ DOB: "01/01/2010" }], Episodes: [{ DECOM: "01/01/2010" }] }
  )
})

describe("rule 304", () => {
  const uasc = { CHILD: "C1", SEX: "1", DOB: "01/01/2000" }
  failsAndPasses("304", { UASC: [{ ...uasc, DUC: "02/01/2018" }] }, [[2]], {
    UASC: [
      { ...uasc, DUC: "01/01/2018" },
      { ...uasc, CHILD: "C2" }
    ]
  })
})

describe("rule 351", () => {
  failsAndPasses("351", { Header: [{ DOB: "31/03/1992" }] }, [[2]], { Header: [{ DOB: "01/04/1992" }] })
})

describe("rule 393", () => {
  failsAndPasses("393", { Header: [{ SEX: "2" }], Episodes: [{}] }, [[2]], {
    Header: [
      { SEX: "2", MOTHER: "0" },
      { CHILD: "C2", SEX: "1" },
      { CHILD: "C3", SEX: "2" }
    ],
    Episodes: [{}, { CHILD: "C2" }, { CHILD: "C3", LS: "V3" }]
  })
  describe("from 2024/25 girls are SEX F", () =>
    failsAndPasses(
      "393",
      { Header: [{ SEX: "F" }, { CHILD: "C2", SEX: "2" }], Episodes: [{}, { CHILD: "C2" }] },
      [[2]],
      { Header: [{ SEX: "F", MOTHER: "1", MC_DOB: "01/01/2017" }], Episodes: [{}] },
      { year: 2025 }
    ))
})

describe("rule 442", () => {
  failsAndPasses("442", { Header: [{ UPN: "" }], Episodes: [{}] }, [[2]], {
    Header: [{ UPN: "" }, { CHILD: "C2", UPN: "UN1" }],
    Episodes: [{ LS: "V4" }, { CHILD: "C2" }]
  })
})

describe("rule 399", () => {
  const review = { CHILD: "C1", DOB: "01/01/2010", REVIEW: "01/06/2017", REVIEW_CODE: "PN1" }
  failsAcrossTables(
    "399",
    {
      Header: [{ MOTHER: "0" }, { CHILD: "C2" }],
      Episodes: [
        { LS: "V3", ...ended("03/04/2017", "E4A") },
        { CHILD: "C2", LS: "V3" }
      ],
      Reviews: [{ ...review, CHILD: "C2" }]
    },
    ["Episodes:2", "Episodes:3", "Header:2", "Header:3", "Reviews:2"],
    {
      Header: [{ MOTHER: "0" }, { CHILD: "C2" }],
      Episodes: [
        { LS: "V3", ...ended("03/04/2017", "E4A") },
        { DECOM: "01/05/2017", LS: "C2" },
        { CHILD: "C2", LS: "V3" }
      ],
      Reviews: [review]
    }
  )
})

// ── Episodes: dates ────────────────────────────────────────────────────────────────────────────────────────────────

describe("rule 353", () => {
  failsAndPasses("353", { Episodes: [{ DECOM: "13/10/1991" }] }, [[2]], { Episodes: [{ DECOM: "14/10/1991" }] })
})

describe("rule 354", () => {
  failsAndPasses("354", { Episodes: [{ DECOM: "01/04/2018" }] }, [[2]], { Episodes: [{ DECOM: "31/03/2018" }] })
})

describe("rule 385", () => {
  failsAndPasses("385", { Episodes: [ended("01/04/2018")] }, [[2]], { Episodes: [ended("31/03/2018")] })
})

describe("rule 357", () => {
  failsAndPasses(
    "357",
    {
      Episodes: [
        { DECOM: "01/05/2017", RNE: "P" },
        { CHILD: "C2", DECOM: "01/05/2017", RNE: "S" }
      ]
    },
    [[2]],
    {
      Episodes: [
        { DECOM: "01/03/2017", RNE: "L" },
        { CHILD: "C2", DECOM: "01/05/2017", RNE: "S" }
      ]
    }
  )
})

// ── Episodes: legal status and placement ───────────────────────────────────────────────────────────────────────────

describe("rule 359", () => {
  failsAndPasses("359", { Header: [{ DOB: "01/01/1999" }], Episodes: [{ LS: "V2", PLACE: "U4" }] }, [[2]], {
    Header: [{ DOB: "01/01/1999" }, { CHILD: "C2", DOB: "01/04/2000" }],
    Episodes: [
      { LS: "V2", PLACE: "K2" },
      { CHILD: "C2", PLACE: "U4" }
    ]
  })
})

describe("rule 366", () => {
  failsAndPasses("366", { Episodes: [{ LS: "V3", RNE: "P" }] }, [[2]], { Episodes: [{ LS: "V3", RNE: "S" }] })
})

describe("rule 378", () => {
  failsAndPasses("378", { Episodes: [{ PLACE: "P1", LS: "V2" }] }, [[2]], { Episodes: [{ PLACE: "P1", LS: "C1" }] })
})

describe("rule 380", () => {
  failsAndPasses("380", { Episodes: [{ PLACE: "T1", RNE: "S" }] }, [[2]], { Episodes: [{ PLACE: "T1", RNE: "P" }] })
})

describe("rule 381", () => {
  failsAndPasses("381", { Episodes: [{ PLACE: "T2", ...ended("10/04/2017", "E4A") }] }, [[2]], {
    Episodes: [
      { PLACE: "T2", ...ended("10/04/2017") },
      { CHILD: "C2", PLACE: "T2" }
    ]
  })
})

describe("rule 382", () => {
  failsAndPasses("382", { Episodes: [{ LS: "V3", PLACE: "T0" }] }, [[2]], { Episodes: [{ LS: "V3", PLACE: "K2" }] })
})

describe("rule 384", () => {
  failsAndPasses("384", { Episodes: [{ LS: "V4", PLACE: "U1" }] }, [[2]], { Episodes: [{ LS: "V4", PLACE: "U6" }] })
})

describe("rule 390", () => {
  failsAndPasses("390", { Episodes: [{ PLACE: "U4", ...ended("01/12/2017", "E12") }] }, [[2]], {
    Episodes: [{ PLACE: "A6", ...ended("01/12/2017", "E12") }]
  })
})

describe("rule 408", () => {
  failsAndPasses("408", { Episodes: [{ PLACE: "A5", LS: "C2" }] }, [[2]], { Episodes: [{ PLACE: "A5", LS: "E1" }] })
})

describe("rule 445", () => {
  failsAndPasses("445", { Episodes: [{ LS: "D1", DECOM: "01/01/2006" }] }, [[2]], {
    Episodes: [{ LS: "D1", DECOM: "31/12/2005" }]
  })
  it("is retired from 2024/25", () => assert.isFalse(inForce("445", 2025)))
})

describe("rule 446", () => {
  failsAndPasses("446", { Episodes: [{ LS: "E1", DECOM: "30/11/2005" }] }, [[2]], {
    Episodes: [{ LS: "E1", DECOM: "01/12/2005" }]
  })
})

describe("rule 451", () => {
  failsAndPasses("451", { Episodes: [{ LS: "D1", DECOM: "01/06/2005" }] }, [[2]], {
    Episodes: [{ LS: "D1", DECOM: "01/06/2005", ...ended("01/06/2017", "E11") }]
  })
  it("is retired from 2024/25", () => assert.isFalse(inForce("451", 2025)))
})

describe("rule 426", () => {
  failsAndPasses(
    "426",
    {
      Episodes: [
        { LS: "V3", ...ended("03/04/2017", "E4A") },
        { DECOM: "01/05/2017", LS: "C2" },
        { DECOM: "01/08/2017", LS: "V4", RNE: "S" }
      ]
    },
    [[2], [4]],
    {
      Episodes: [
        { LS: "V3", ...ended("03/04/2017", "E4A") },
        { DECOM: "01/05/2017", LS: "V3" }
      ]
    }
  )
})

// ── Episodes: minimum ages ─────────────────────────────────────────────────────────────────────────────────────────

const minimumAge = (code: string, place: string, age: number, year = 2018) => {
  const decom = `01/04/${year - 1}`
  const born = (years: number) => `01/04/${year - 1 - years}`
  const tooYoung = `02/04/${year - 1 - age}`
  failsAndPasses(
    code,
    { Header: [{ DOB: tooYoung }], Episodes: [{ DECOM: decom, PLACE: place }] },
    [[2]],
    {
      Header: [{ DOB: born(age) }, { CHILD: "C2", DOB: tooYoung }],
      Episodes: [
        { DECOM: decom, PLACE: place },
        { CHILD: "C2", DECOM: decom, PLACE: "U4" }
      ]
    },
    { year }
  )
}

describe("rule 370", () => {
  minimumAge("370", "P2", 15)
  describe("from 2023/24 at 16", () => minimumAge("370", "P2", 16, 2024))
  it("is retired from 2024/25", () => assert.isFalse(inForce("370", 2025)))
})

describe("rule 371", () => {
  minimumAge("371", "H5", 14)
  describe("in 2023/24 at 16", () => minimumAge("371", "H5", 16, 2024))
  describe("from 2024/25 supported accommodation (K3) at 16", () => minimumAge("371", "K3", 16, 2025))
})

describe("rule 372", () => minimumAge("372", "R5", 10))
describe("rule 373", () => minimumAge("373", "S1", 4))
describe("rule 374", () => minimumAge("374", "P3", 14))

// ── Episodes: durations ────────────────────────────────────────────────────────────────────────────────────────────

describe("rule 375", () => {
  failsAndPasses("375", { Episodes: [{ PLACE: "T1", ...ended("14/05/2017") }] }, [[2]], {
    Episodes: [{ PLACE: "T1", ...ended("13/05/2017") }]
  })
  it.effect("measures an open placement to 31 March", () =>
    Effect.map(run("375", { Episodes: [{ PLACE: "T1", DECOM: "01/02/2018" }] }), (r) =>
      assert.deepStrictEqual(lines(r, "375"), [[2]])
    )
  )
})

describe("rule 376", () => {
  failsAndPasses("376", { Episodes: [{ PLACE: "T3", ...ended("23/04/2017") }] }, [[2]], {
    Episodes: [{ PLACE: "T3", ...ended("22/04/2017") }]
  })
})

describe("rule 379", () => {
  failsAndPasses("379", { Episodes: [{ PLACE: "T4", ...ended("09/04/2017") }] }, [[2]], {
    Episodes: [{ PLACE: "T4", ...ended("08/04/2017") }]
  })
})

describe("rule 363", () => {
  failsAndPasses(
    "363",
    {
      Episodes: [
        { LS: "L3", ...ended("05/04/2017") },
        { DECOM: "05/04/2017", RNE: "P", LS: "L3", ...ended("10/04/2017") },
        { DECOM: "10/04/2017", RNE: "L", LS: "C1" }
      ]
    },
    [[2], [3]],
    {
      Episodes: [
        { LS: "L3", ...ended("05/04/2017") },
        { DECOM: "05/04/2017", RNE: "P", LS: "L3", ...ended("08/04/2017") },
        { DECOM: "08/04/2017", RNE: "L", LS: "C1" }
      ]
    }
  )
})

describe("rule 364", () => {
  failsAndPasses("364", { Episodes: [{ LS: "J2", ...ended("23/04/2017", "E8") }] }, [[2]], {
    Episodes: [{ LS: "J2", ...ended("22/04/2017", "E8") }]
  })
})

describe("rule 377", () => {
  const t3 = (from: string, to: string) => ({ DECOM: from, RNE: "P", PLACE: "T3", ...ended(to) })
  const back = (from: string, to: string) => ({ DECOM: from, RNE: "P", PLACE: "U4", ...ended(to) })
  failsAndPasses(
    "377",
    {
      Episodes: [
        back("01/04/2017", "01/05/2017"),
        t3("01/05/2017", "08/05/2017"),
        back("08/05/2017", "01/08/2017"),
        t3("01/08/2017", "08/08/2017"),
        back("08/08/2017", "01/02/2018"),
        t3("01/02/2018", "08/02/2018"),
        { DECOM: "08/02/2018", RNE: "P", PLACE: "U4" }
      ]
    },
    [[3], [5], [7]],
    {
      Episodes: [
        back("01/04/2016", "01/05/2016"),
        t3("01/05/2016", "08/05/2016"),
        back("08/05/2016", "01/08/2017"),
        t3("01/08/2017", "08/08/2017"),
        back("08/08/2017", "01/02/2018"),
        t3("01/02/2018", "08/02/2018"),
        { DECOM: "08/02/2018", RNE: "P", PLACE: "U4" }
      ]
    }
  )
})

// ── Episodes: reason ceased and age ────────────────────────────────────────────────────────────────────────────────

const eighteenIn2017 = { DOB: "01/01/1999" }

describe("rule 386", () => {
  failsAndPasses(
    "386",
    { Header: [eighteenIn2017], Episodes: [{ DECOM: "01/04/2016", PLACE: "A4", ...ended("01/01/2017", "E11") }] },
    [[2]],
    { Header: [eighteenIn2017], Episodes: [{ DECOM: "01/04/2016", PLACE: "A4", ...ended("31/12/2016", "E11") }] }
  )
})

describe("rule 387", () => {
  failsAndPasses("387", { Header: [{ DOB: "01/01/2004" }], Episodes: [ended("31/12/2017", "E5")] }, [[2]], {
    Header: [{ DOB: "01/01/2004" }],
    Episodes: [ended("01/01/2018", "E6")]
  })
})

describe("rule 389", () => {
  failsAndPasses("389", { Header: [{ DOB: "01/01/2002" }], Episodes: [ended("31/12/2017", "E7")] }, [[2]], {
    Header: [{ DOB: "01/01/2002" }],
    Episodes: [ended("01/01/2018", "E7")]
  })
})

describe("rule 407", () => {
  failsAcrossTables(
    "407",
    { Header: [eighteenIn2017], Episodes: [{ DECOM: "01/04/2016", ...ended("02/01/2017", "E45") }] },
    ["Episodes:2", "Header:2"],
    { Header: [eighteenIn2017], Episodes: [{ DECOM: "01/04/2016", ...ended("01/01/2017", "E48") }] }
  )
})

describe("rule 460", () => {
  failsAndPasses(
    "460",
    { Header: [eighteenIn2017], Episodes: [{ DECOM: "01/04/2016", ...ended("31/12/2016", "E17") }] },
    [[2]],
    { Header: [eighteenIn2017], Episodes: [{ DECOM: "01/04/2016", ...ended("01/01/2017", "E17") }] }
  )
})

// ── Episodes: sequence ─────────────────────────────────────────────────────────────────────────────────────────────

describe("rule 388", () => {
  failsAndPasses(
    "388",
    {
      Episodes: [
        ended("01/05/2017"),
        { DECOM: "02/05/2017", RNE: "P" },
        { CHILD: "C2", ...ended("01/05/2017", "E4A") },
        { CHILD: "C2", DECOM: "01/05/2017", RNE: "S" },
        { CHILD: "C3", ...ended("01/05/2017") }
      ]
    },
    [[2], [4], [6]],
    {
      Episodes: [
        ended("01/05/2017"),
        { DECOM: "01/05/2017", RNE: "P", ...ended("01/06/2017", "E4A") },
        { DECOM: "01/07/2017", RNE: "S" }
      ]
    }
  )
})

describe("rule 432", () => {
  failsAndPasses("432", { Episodes: [ended("01/05/2017", "E4A"), { DECOM: "01/06/2017", RNE: "P" }] }, [[3]], {
    Episodes: [ended("01/05/2017", "E4A"), { DECOM: "01/06/2017", RNE: "S" }]
  })
})

describe("rule 434", () => {
  const before = { PLACE: "U4", PL_POST: "AA1 1AA", ...ended("01/05/2017") }
  failsAndPasses(
    "434",
    { Episodes: [before, { DECOM: "01/05/2017", RNE: "L", LS: "C2", PLACE: "U4", PL_POST: "AA1 1AA" }] },
    [[3]],
    { Episodes: [before, { DECOM: "01/05/2017", RNE: "L", LS: "E1", PLACE: "U4", PL_POST: "AA1 1AA" }] }
  )
  it.effect("fails when the placement changed too", () =>
    Effect.map(
      run("434", { Episodes: [before, { DECOM: "01/05/2017", RNE: "L", LS: "E1", PLACE: "U4", PL_POST: "BB1 1BB" }] }),
      (r) => assert.deepStrictEqual(lines(r, "434"), [[3]])
    )
  )
})

describe("rule 435", () => {
  const before = { PLACE: "U4", ...ended("01/05/2017") }
  failsAndPasses(
    "435",
    {
      Episodes: [
        before,
        { DECOM: "01/05/2017", RNE: "P", PLACE: "U4" },
        { DECOM: "01/06/2017", RNE: "T", LS: "E1", PLACE: "U6" }
      ]
    },
    [[3], [4]],
    { Episodes: [before, { DECOM: "01/05/2017", RNE: "P", PLACE: "U6" }] }
  )
})

describe("rule 436", () => {
  const before = { PLACE: "U4", ...ended("01/05/2017") }
  failsAndPasses(
    "436",
    {
      Episodes: [
        before,
        { DECOM: "01/05/2017", RNE: "B", PLACE: "U6" },
        { DECOM: "01/06/2017", RNE: "U", LS: "E1", PLACE: "U6" }
      ]
    },
    [[3], [4]],
    { Episodes: [before, { DECOM: "01/05/2017", RNE: "U", LS: "E1", PLACE: "U6" }] }
  )
})

describe("rule 437", () => {
  failsAndPasses("437", { Episodes: [ended("01/05/2017", "E15"), { DECOM: "01/06/2017", RNE: "S" }] }, [[2]], {
    Episodes: [ended("01/05/2017", "E4A"), { DECOM: "01/06/2017", RNE: "S", ...ended("01/07/2017", "E2") }]
  })
})

describe("rule 383", () => {
  const usual = { PLACE: "U4", PL_POST: "AA1 1AA", ...ended("01/05/2017") }
  const away = { DECOM: "01/05/2017", RNE: "P", PLACE: "T1", ...ended("05/05/2017") }
  failsAndPasses(
    "383",
    {
      Episodes: [
        usual,
        away,
        { DECOM: "05/05/2017", RNE: "P", PLACE: "K2" },
        { CHILD: "C2", ...usual },
        { CHILD: "C2", ...away },
        { CHILD: "C2", DECOM: "05/05/2017", RNE: "T", PLACE: "U4" }
      ]
    },
    [[4], [7]],
    { Episodes: [usual, away, { DECOM: "05/05/2017", RNE: "P", PLACE: "U4", PL_POST: "CC1 1CC" }] }
  )
  describe("from 2025/26 the placement postcode must match too", () =>
    failsAndPasses(
      "383",
      { Episodes: [usual, away, { DECOM: "05/05/2017", RNE: "P", PLACE: "U4", PL_POST: "CC1 1CC" }] },
      [[4]],
      { Episodes: [usual, away, { DECOM: "05/05/2017", RNE: "P", PLACE: "U4", PL_POST: "AA11AA" }] },
      { year: 2026 }
    ))
})

describe("rule 336", () => {
  failsAndPasses(
    "336",
    {
      Episodes: [
        { PLACE: "K2", ...ended("01/06/2017") },
        { DECOM: "01/06/2017", RNE: "P", PLACE: "A3" }
      ]
    },
    [[3]],
    {
      Episodes: [
        { PLACE: "U6", ...ended("01/06/2017") },
        { DECOM: "01/06/2017", RNE: "T", PLACE: "A5" },
        { CHILD: "C2", PLACE: "K2", ...ended("01/06/2017") },
        { CHILD: "C2", DECOM: "01/06/2017", RNE: "P", PLACE: "A4" }
      ]
    }
  )
})

// ── Postcodes, distance and placement area ─────────────────────────────────────────────────────────────────────────

const area = {
  localAuthority: "999",
  directory: Placement.directoryFromEntries([
    ["AA1 1AA", { easting: 400000, northing: 400000, localAuthority: "999" }],
    ["AA1 1AB", { easting: 400300, northing: 400000, localAuthority: "999" }],
    ["BB1 1BB", { easting: 408000, northing: 400000, localAuthority: "888" }],
    ["CC1 1CC", { easting: 1000000, northing: 400000, localAuthority: "777" }]
  ])
}
const uascRow = { CHILD: "C2", SEX: "1", DOB: "01/01/2002" }

describe("rule 392a", () => {
  failsAndPasses(
    "392a",
    {
      Episodes: [
        { HOME_POST: "AA1 1AA", PL_POST: "ZZ9 9ZZ" },
        { CHILD: "C3", HOME_POST: "AA1 1AA" }
      ]
    },
    [[2], [3]],
    {
      Episodes: [{ HOME_POST: "AA1 1AA", PL_POST: "BB1 1BB" }, { CHILD: "C2" }, { CHILD: "C3", LS: "V3" }],
      UASC: [uascRow]
    },
    { area }
  )
})

describe("rule 392b", () => {
  failsAndPasses("392b", { Episodes: [{ HOME_POST: "AA1 1AA" }, { CHILD: "C2", PL_POST: "AA1 1AA" }] }, [[2], [3]], {
    Episodes: [{ HOME_POST: "AA1 1AA", PL_POST: "BB1 1BB" }, { CHILD: "C2" }, { CHILD: "C3", LS: "V4" }],
    UASC: [uascRow]
  })
  it.effect("excepts a child who was UASC last year", () =>
    Effect.map(
      run(
        "392b",
        { Episodes: [{ CHILD: "C2" }, { CHILD: "C3" }] },
        { previous: { Episodes: [{ CHILD: "C2" }], UASC: [uascRow] } }
      ),
      (r) => assert.deepStrictEqual(lines(r, "392b"), [[3]])
    )
  )
})

describe("rule 392c", () => {
  failsAndPasses(
    "392c",
    {
      Episodes: [
        { HOME_POST: "ZZ9 9ZZ", PL_POST: "AA1 1AA" },
        { CHILD: "C2", PL_POST: "ZZ9 9ZZ" }
      ]
    },
    [[2], [3]],
    { Episodes: [{ HOME_POST: "aa11aa", PL_POST: "BB1 1BB" }, { CHILD: "C2" }] },
    { area }
  )
  it.effect("is skipped without a postcode directory", () =>
    Effect.map(run("392c", { Episodes: [{ HOME_POST: "ZZ9 9ZZ" }] }), (r) =>
      assert.strictEqual(r.rules.find((o) => o.code === "392c")?.status, "skipped")
    )
  )
})

describe("rule 392d", () => {
  failsAndPasses("392d", { Episodes: [{ PLACE: "U4", HOME_POST: "AA1 1AA", PL_POST: "aa11aa" }] }, [[2]], {
    Episodes: [
      { PLACE: "P1", HOME_POST: "AA1 1AA", PL_POST: "AA1 1AA" },
      { CHILD: "C2", PLACE: "U4" }
    ]
  })
})

describe("rule 398", () => {
  failsAndPasses("398", { Episodes: [{ LS: "V3", PL_POST: "AA1 1AA" }] }, [[2]], {
    Episodes: [{ LS: "V3" }, { CHILD: "C2", HOME_POST: "AA1 1AA", PL_POST: "BB1 1BB" }]
  })
})

describe("rule 406", () => {
  failsAndPasses(
    "406",
    { Episodes: [{ CHILD: "C2", HOME_POST: "AA1 1AA", PL_POST: "BB1 1BB" }], UASC: [uascRow] },
    [[2]],
    {
      Episodes: [
        { CHILD: "C2", PL_POST: "BB1 1BB" },
        { HOME_POST: "AA1 1AA", PL_POST: "BB1 1BB" }
      ],
      UASC: [uascRow]
    },
    { area }
  )
})

describe("rule 420", () => {
  failsAndPasses(
    "420",
    { Episodes: [{ LS: "V4", PL_POST: "BB1 1BB" }] },
    [[2]],
    {
      Episodes: [
        { LS: "V4", PL_POST: "ZZ9 9ZZ" },
        { CHILD: "C2", LS: "C2", PL_POST: "BB1 1BB" }
      ]
    },
    { area }
  )
})

describe("rule 454", () => {
  failsAndPasses(
    "454",
    { Episodes: [{ HOME_POST: "AA1 1AA", PL_POST: "CC1 1CC" }] },
    [[2]],
    { Episodes: [{ HOME_POST: "AA1 1AA", PL_POST: "BB1 1BB" }] },
    { area, year: 2026 }
  )
})

describe("rule 452", () => {
  const lastYear = { DECOM: "01/10/2016", RNE: "S", HOME_POST: "AA1 1AA", PL_POST: "BB1 1BB" }
  failsAndPasses(
    "452",
    { Episodes: [{ ...lastYear, PL_POST: "AA1 1AB" }] },
    [[2]],
    { Episodes: [{ ...lastYear, PL_POST: "bb11bb" }] },
    { area, previous: { Episodes: [lastYear] } }
  )
})

describe("rule 453", () => {
  const lastYear = { DECOM: "01/10/2016", RNE: "S", HOME_POST: "AA1 1AA", PL_POST: "BB1 1BB" }
  failsAndPasses(
    "453",
    { Episodes: [{ ...lastYear, HOME_POST: "AA1 1AB" }] },
    [[2]],
    { Episodes: [lastYear, { CHILD: "C2", ...lastYear, HOME_POST: "AA1 1AB" }] },
    { area, previous: { Episodes: [lastYear, { CHILD: "C2", ...lastYear, RNE: "P" }] } }
  )
})

describe("rule 453 at a move of exactly 0.2 miles", () => {
  // 0.1 and 0.3 miles from home: 0.3 − 0.1 is 0.19999999999999998 in floating point, still a 0.2-mile move.
  const near = {
    ...area,
    directory: Placement.directoryFromEntries([
      ["AA1 1AA", { easting: 400000, northing: 400000, localAuthority: "999" }],
      ["DD1 1DA", { easting: 400161, northing: 400000, localAuthority: "999" }],
      ["DD1 1DB", { easting: 400483, northing: 400000, localAuthority: "999" }],
      ["DD1 1DC", { easting: 400322, northing: 400000, localAuthority: "999" }]
    ])
  }
  const lastYear = { DECOM: "01/10/2016", RNE: "S", HOME_POST: "AA1 1AA", PL_POST: "DD1 1DA" }
  failsAndPasses(
    "453",
    { Episodes: [{ ...lastYear, PL_POST: "DD1 1DB" }] },
    [[2]],
    { Episodes: [{ ...lastYear, PL_POST: "DD1 1DC" }] },
    { area: near, previous: { Episodes: [lastYear] } }
  )
})

// ── Reviews ────────────────────────────────────────────────────────────────────────────────────────────────────────

describe("rule 440", () => {
  const review = { CHILD: "C1", DOB: "01/01/2010", REVIEW_CODE: "PN0" }
  failsAndPasses("440", { Reviews: [{ ...review, REVIEW: "01/01/2014" }] }, [[2]], {
    Reviews: [{ ...review, REVIEW: "31/12/2013" }]
  })
})

describe("rule 441", () => {
  const review = { CHILD: "C1", DOB: "01/01/2010", REVIEW_CODE: "PN7" }
  failsAndPasses("441", { Reviews: [{ ...review, REVIEW: "31/12/2013" }] }, [[2]], {
    Reviews: [{ ...review, REVIEW: "01/01/2014" }]
  })
})

// ── Adoption ───────────────────────────────────────────────────────────────────────────────────────────────────────

const adopted = { DECOM: "01/06/2017", RNE: "P", PLACE: "A4", ...ended("01/12/2017", "E11") }

describe("rule 331", () => {
  failsAcrossTables("331", { Episodes: [adopted], AD1: [{ DATE_MATCH: "02/06/2017" }] }, ["AD1:2", "Episodes:2"], {
    Episodes: [adopted],
    AD1: [{ DATE_MATCH: "01/06/2017" }]
  })
})

describe("rule 333", () => {
  failsAndPasses(
    "333",
    {
      AD1: [
        { DATE_INT: "02/06/2017", DATE_MATCH: "01/06/2017" },
        { CHILD: "C2", DATE_MATCH: "01/06/2017" }
      ]
    },
    [[2], [3]],
    {
      AD1: [
        { DATE_INT: "01/06/2017", DATE_MATCH: "01/06/2017" },
        { CHILD: "C2", DATE_INT: "01/06/2017" }
      ]
    }
  )
})

describe("rule 334", () => {
  failsAcrossTables(
    "334",
    { Episodes: [{ DECOM: "01/04/2017", RNE: "S" }], AD1: [{ DATE_INT: "31/03/2017" }] },
    ["AD1:2", "Episodes:2"],
    { Episodes: [{ DECOM: "01/04/2017", RNE: "S" }], AD1: [{ DATE_INT: "01/04/2017" }] }
  )
})

describe("rule 335", () => {
  failsAcrossTables(
    "335",
    {
      Episodes: [
        { ...adopted, PLACE: "A5" },
        { ...adopted, CHILD: "C2", PLACE: "A6" }
      ],
      AD1: [{ FOSTER_CARE: "0" }, { CHILD: "C2", FOSTER_CARE: "1" }]
    },
    ["AD1:2", "AD1:3", "Episodes:2", "Episodes:3"],
    {
      Episodes: [
        { ...adopted, PLACE: "A3" },
        { ...adopted, CHILD: "C2", PLACE: "A4" }
      ],
      AD1: [{ FOSTER_CARE: "1" }, { CHILD: "C2", FOSTER_CARE: "0" }]
    }
  )
})

// ── Care leavers ───────────────────────────────────────────────────────────────────────────────────────────────────

describe("rule 344", () => {
  failsAndPasses(
    "344",
    {
      OC3: [
        { IN_TOUCH: "DIED", ACTIV: "F1", ACCOM: "0" },
        { CHILD: "C2", IN_TOUCH: "RHOM", ACTIV: "0", ACCOM: "B1" }
      ]
    },
    [[2], [3]],
    {
      OC3: [
        { IN_TOUCH: "DIED", ACTIV: "0", ACCOM: "0" },
        { CHILD: "C2", IN_TOUCH: "YES", ACTIV: "F1", ACCOM: "B1" }
      ]
    }
  )
})

describe("rule 345", () => {
  failsAndPasses("345", { OC3: [{ IN_TOUCH: "YES", ACTIV: "0", ACCOM: "B1" }] }, [[2]], {
    OC3: [
      { IN_TOUCH: "YES", ACTIV: "F1", ACCOM: "B1" },
      { CHILD: "C2", IN_TOUCH: "NO", ACTIV: "0", ACCOM: "0" }
    ]
  })
})

describe("rule 347", () => {
  failsAndPasses(
    "347",
    { OC3: [{ DOB: "02/04/2005", IN_TOUCH: "YES", ACTIV: "F2", ACCOM: "T1" }] },
    [[2]],
    { OC3: [{ DOB: "01/04/2005", IN_TOUCH: "YES", ACTIV: "F2", ACCOM: "T2" }] },
    { year: 2024 }
  )
})

describe("rule 348", () => {
  failsAndPasses(
    "348",
    { OC3: [{ IN_TOUCH: "NO" }] },
    [[2]],
    { OC3: [{ IN_TOUCH: "DIED" }, { CHILD: "C2", IN_TOUCH: "NO" }] },
    { year: 2026, previous: { OC3: [{ IN_TOUCH: "DIED" }, { CHILD: "C2", IN_TOUCH: "NREQ" }] } }
  )
})

describe("rule 391", () => {
  failsAndPasses("391", { OC3: [{ DOB: "01/04/2001", IN_TOUCH: "NO" }] }, [[2]], {
    OC3: [
      { DOB: "31/03/2001", IN_TOUCH: "NO" },
      { CHILD: "C2", DOB: "01/04/2001" }
    ]
  })
})

describe("rule 3001", () => {
  failsAndPasses("3001", { Header: [{ DOB: "01/06/2000" }], OC3: [{ DOB: "01/06/2000", ACCOM: "Z1" }] }, [[2]], {
    Header: [{ DOB: "01/06/2000" }, { CHILD: "C2", DOB: "01/06/1999" }],
    OC3: [
      { DOB: "01/06/2000", ACCOM: "B1" },
      { CHILD: "C2", DOB: "01/06/1999", ACCOM: "Z2" }
    ]
  })
})
