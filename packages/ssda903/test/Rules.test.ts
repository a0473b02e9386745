import { Placement } from "@cpo/domain"
import { assert, describe, it } from "@effect/vitest"
import { Effect } from "effect"
import { failsAndPasses, lines, run, type Tables } from "./rules.ts"

describe("rule 101", () => {
  failsAndPasses("101", { Header: [{ SEX: "M" }, { CHILD: "C2", SEX: "9" }] }, [[3], [2]], { Header: [{ SEX: "2" }] })
  describe("from 2024/25", () =>
    failsAndPasses("101", { Header: [{ SEX: "1" }] }, [[2]], { Header: [{ SEX: "u" }] }, { year: 2025 }))
})

describe("rule 102", () => {
  failsAndPasses("102", { Header: [{ DOB: "2010/01/01" }] }, [[2]], { Header: [{ DOB: "1/2/2010" }] })
})

describe("rule 103", () => {
  failsAndPasses("103", { Header: [{ ETHNIC: "WXYZ" }] }, [[2]], { Header: [{ ETHNIC: "mwbc" }] })
})

describe("rule 444", () => {
  failsAndPasses(
    "444",
    { Header: [{ UPN: "A123456789012" }, { CHILD: "C2", UPN: "A123456789012" }, { CHILD: "C3", UPN: "UN1" }] },
    [[2], [3]],
    { Header: [{ UPN: "A123456789012" }, { CHILD: "C2", UPN: "UN1" }, { CHILD: "C3", UPN: "UN1" }] },
    { year: 2026 }
  )
})

describe("rule 143", () => {
  failsAndPasses("143", { Episodes: [{ RNE: "Q" }] }, [[2]], { Episodes: [{ RNE: "s" }] })
})
describe("rule 144", () => {
  failsAndPasses("144", { Episodes: [{ LS: "C3" }] }, [[2]], { Episodes: [{ LS: "V2" }] })
})
describe("rule 145", () => {
  failsAndPasses("145", { Episodes: [{ CIN: "N9" }] }, [[2]], { Episodes: [{ CIN: "N8" }] })
})

describe("rule 146", () => {
  failsAndPasses("146", { Episodes: [{ PLACE: "K3" }, { PLACE: "Q9", DECOM: "02/04/2017" }] }, [[3], [2]], {
    Episodes: [{ PLACE: "H5" }]
  })
  describe("from 2025/26", () =>
    failsAndPasses(
      "146",
      { Episodes: [{ PLACE: "H5", DECOM: "01/05/2025" }] },
      [[2]],
      {
        Episodes: [
          { PLACE: "H5", DECOM: "01/05/2024", DEC: "01/05/2025", REC: "X1" },
          { PLACE: "K3", DECOM: "01/05/2025", RNE: "P" }
        ]
      },
      { year: 2026 }
    ))
})

describe("rule 149", () => {
  failsAndPasses(
    "149",
    {
      Episodes: [
        { DEC: "01/05/2017", REC: "E99" },
        { CHILD: "C2", DEC: "01/06/2017", REC: "E43" }
      ]
    },
    [[2], [3]],
    { Episodes: [{ DEC: "01/05/2017", REC: "E45" }] }
  )
})

describe("rule 178", () => {
  failsAndPasses(
    "178",
    { Episodes: [{ PLACE_PROVIDER: "PR9" }, { CHILD: "C2", PLACE: "T1", PLACE_PROVIDER: "PR1" }] },
    [[2], [3]],
    {
      Episodes: [
        { PLACE: "T1", PLACE_PROVIDER: "" },
        { CHILD: "C2", PLACE: "Z1", PLACE_PROVIDER: "" },
        { CHILD: "C3", PLACE: "U4", PLACE_PROVIDER: "" }
      ]
    }
  )
  describe("from 2025/26", () =>
    failsAndPasses(
      "178",
      { Episodes: [{ PLACE: "Z11", PLACE_PROVIDER: "PR2", DECOM: "01/05/2025" }] },
      [[2]],
      { Episodes: [{ PLACE: "T4", PLACE_PROVIDER: "PR2", DECOM: "01/05/2025" }] },
      { year: 2026 }
    ))
})

describe("rule 355", () => {
  failsAndPasses("355", { Episodes: [{ DEC: "01/04/2017", REC: "E8" }] }, [[2]], {
    Episodes: [{ DEC: "02/04/2017", REC: "E8" }]
  })
})

describe("rule 356", () => {
  failsAndPasses("356", { Episodes: [{ DEC: "31/03/2017", REC: "E8" }] }, [[2]], {
    Episodes: [{ DEC: "02/04/2017", REC: "E8" }]
  })
})

describe("rule 352", () => {
  failsAndPasses("352", { Header: [{ DOB: "01/04/1999" }], Episodes: [{ DECOM: "01/04/2017" }] }, [[2]], {
    Header: [{ DOB: "02/04/1999" }],
    Episodes: [{ DECOM: "01/04/2017" }]
  })
})

describe("rule 358", () => {
  failsAndPasses("358", { Header: [{ DOB: "02/04/2007" }], Episodes: [{ LS: "J1" }] }, [[2], [2]], {
    Header: [{ DOB: "01/04/2007" }],
    Episodes: [{ LS: "J2" }]
  })
})

describe("rule 361", () => {
  failsAndPasses("361", { Episodes: [{ LS: "L1", DEC: "05/04/2017", REC: "E8" }] }, [[2]], {
    Episodes: [{ LS: "L1", DEC: "04/04/2017", REC: "E8" }]
  })
})

describe("rule 362", () => {
  failsAndPasses("362", { Episodes: [{ LS: "L2", DEC: "23/04/2017", REC: "E8" }] }, [[2]], {
    Episodes: [{ LS: "L2", DEC: "22/04/2017", REC: "E8" }]
  })
})

describe("rule 365", () => {
  failsAndPasses("365", { Episodes: [{ LS: "V3", DEC: "19/04/2017", REC: "E8" }] }, [[2]], {
    Episodes: [{ LS: "V3", DEC: "18/04/2017", REC: "E8" }]
  })
})

describe("rule 367", () => {
  const breaks = (n: number, nights: number) =>
    Array.from({ length: n }, (_, i) => {
      const start = new Date(Date.UTC(2017, 3, 1 + i * 20))
      const end = new Date(start.getTime() + nights * 86_400_000)
      const dmy = (d: Date) =>
        `${String(d.getUTCDate()).padStart(2, "0")}/${String(d.getUTCMonth() + 1).padStart(2, "0")}/${d.getUTCFullYear()}`
      return { LS: "V3", RNE: "S", DECOM: dmy(start), DEC: dmy(end), REC: "E8" }
    })
  failsAndPasses("367", { Episodes: breaks(8, 10) }, [[2, 3, 4, 5, 6, 7, 8, 9]], { Episodes: breaks(5, 15) })
  it.effect("reports only the respite episodes that count nights in the year", () =>
    Effect.map(
      run("367", {
        Episodes: [
          { LS: "V3", RNE: "S", DECOM: "01/02/2017", DEC: "05/02/2017", REC: "E8" },
          { LS: "V3", RNE: "S", DECOM: "01/05/2017", DEC: "01/09/2017", REC: "E8" }
        ]
      }),
      (r) => assert.deepStrictEqual(lines(r, "367"), [[3]])
    )
  )
})

describe("rule 225", () => {
  const chain = (reason: string) => ({
    Episodes: [
      { DECOM: "01/04/2017", DEC: "01/06/2017", REC: "X1", REASON_PLACE_CHANGE: reason },
      { DECOM: "01/06/2017", RNE: "P", PLACE: "U6" }
    ]
  })
  failsAndPasses("225", chain(""), [[2]], chain("CARPL"))
})

describe("rule 433", () => {
  failsAndPasses(
    "433",
    {
      Episodes: [
        { DEC: "01/06/2017", REC: "X1", REASON_PLACE_CHANGE: "CARPL" },
        { DECOM: "02/06/2017", RNE: "P" }
      ]
    },
    [[3]],
    {
      Episodes: [
        { DEC: "01/06/2017", REC: "X1", REASON_PLACE_CHANGE: "CARPL" },
        { DECOM: "01/06/2017", RNE: "P" }
      ]
    }
  )
})

describe("rule 431", () => {
  failsAndPasses(
    "431",
    {
      Episodes: [
        { DEC: "01/06/2017", REC: "E13" },
        { DECOM: "01/06/2017", RNE: "S" }
      ]
    },
    [[3]],
    {
      Episodes: [
        { DEC: "01/06/2017", REC: "E13" },
        { DECOM: "05/06/2017", RNE: "S" }
      ]
    }
  )
})

describe("rule 503A–F", () => {
  const previous: Tables = { Episodes: [{ DECOM: "01/10/2016", RNE: "S", LS: "C2", CIN: "N1", PLACE: "U4" }] }
  const same = { DECOM: "01/10/2016", RNE: "S", LS: "C2", CIN: "N1", PLACE: "U4" }
  for (const [code, change] of [
    ["503A", { RNE: "L" }],
    ["503B", { LS: "C1" }],
    ["503C", { CIN: "N2" }],
    ["503D", { PLACE: "U6" }],
    ["503E", { PLACE_PROVIDER: "PR4" }]
  ] as const) {
    describe(`rule ${code}`, () =>
      failsAndPasses(code, { Episodes: [{ ...same, ...change }] }, [[2]], { Episodes: [same] }, { previous }))
  }
  it.effect("rejects U4 recoded as K3 from 2025/26", () =>
    Effect.map(
      run(
        "503D",
        { Episodes: [{ ...same, PLACE: "K3" }] },
        { year: 2026, previous: { Episodes: [{ ...same, PLACE: "U4" }] } }
      ),
      (r) => assert.deepStrictEqual(lines(r, "503D"), [[2]])
    )
  )
  it.effect("accepts H5 recoded as K3 from 2025/26", () =>
    Effect.map(
      run(
        "503D",
        { Episodes: [{ ...same, PLACE: "K3" }] },
        { year: 2026, previous: { Episodes: [{ ...same, PLACE: "H5" }] } }
      ),
      (r) => assert.deepStrictEqual(lines(r, "503D"), [])
    )
  )
  describe("rule 503F", () =>
    failsAndPasses(
      "503F",
      { Episodes: [{ ...same, URN: "SC123456" }] },
      [[2]],
      { Episodes: [{ ...same, URN: "SC654321" }] },
      { previous: { Episodes: [{ ...same, URN: "SC654321" }] } }
    ))
  const h5 = { ...same, DECOM: "01/10/2022", PLACE: "H5", PLACE_PROVIDER: "PR4" }
  it.effect("accepts a URN newly given to supported accommodation (H5) in 2023/24", () =>
    Effect.map(
      run(
        "503F",
        { Episodes: [{ ...h5, URN: "2195500" }] },
        { year: 2024, previous: { Episodes: [{ ...h5, URN: "XXXXXXX" }] } }
      ),
      (r) => assert.deepStrictEqual(lines(r, "503F"), [])
    )
  )
  it.effect("rejects a changed URN of supported accommodation (H5) in 2023/24", () =>
    Effect.map(
      run(
        "503F",
        { Episodes: [{ ...h5, URN: "2195500" }] },
        { year: 2024, previous: { Episodes: [{ ...h5, URN: "2195501" }] } }
      ),
      (r) => assert.deepStrictEqual(lines(r, "503F"), [[2]])
    )
  )
  it.effect("is skipped without last year's return", () =>
    Effect.map(run("503A", { Episodes: [same] }), (r) =>
      assert.deepStrictEqual(
        r.rules.filter((o) => o.code === "503A").map((o) => [o.status, o.skippedFor]),
        [["skipped", ["previous year's return"]]]
      )
    )
  )
})

describe("rule 1015", () => {
  const area = {
    localAuthority: "999",
    directory: Placement.directoryFromEntries([
      ["AA1 1AA", { easting: 0, northing: 0, localAuthority: "999" }],
      ["BB1 1BB", { easting: 0, northing: 0, localAuthority: "888" }]
    ])
  }
  failsAndPasses(
    "1015",
    { Episodes: [{ PLACE: "K2", PL_POST: "BB1 1BB" }] },
    [[2]],
    {
      Episodes: [
        { PLACE: "K2", PL_POST: "AA1 1AA" },
        { CHILD: "C2", PLACE: "U4", PL_POST: "BB1 1BB" }
      ]
    },
    { area }
  )
  it.effect("is skipped without a postcode directory", () =>
    Effect.map(run("1015", { Episodes: [{ PLACE: "K2" }] }), (r) =>
      assert.strictEqual(r.rules.find((o) => o.code === "1015")?.status, "skipped")
    )
  )
})

const inCareAllYear = { DECOM: "01/01/2016", RNE: "S" }
const completeOc2 = {
  IMMUNISATIONS: "1",
  TEETH_CHECK: "1",
  HEALTH_ASSESSMENT: "1",
  SUBSTANCE_MISUSE: "0",
  CONVICTED: "0"
}

describe("rule 191", () => {
  failsAndPasses("191", { Episodes: [inCareAllYear], OC2: [{ IMMUNISATIONS: "1" }] }, [[2]], {
    Episodes: [inCareAllYear],
    OC2: [completeOc2]
  })
  it.effect("fails when a child in the cohort has no OC2 row", () =>
    Effect.map(run("191", { Episodes: [inCareAllYear], OC2: [{ CHILD: "C9" }] }), (r) =>
      assert.deepStrictEqual(lines(r, "191"), [[2]])
    )
  )
})

describe("rule 190", () => {
  failsAndPasses("190", { Episodes: [{ DECOM: "01/05/2017", RNE: "S" }], OC2: [completeOc2] }, [[2]], {
    Episodes: [{ DECOM: "01/05/2017", RNE: "S" }],
    OC2: [{}]
  })
})

describe("rule 545", () => {
  failsAndPasses(
    "545",
    { Header: [{ DOB: "01/04/2014" }], Episodes: [inCareAllYear], OC2: [{ DOB: "01/04/2014" }] },
    [[2]],
    { Header: [{ DOB: "01/04/2014" }], Episodes: [inCareAllYear], OC2: [{ DOB: "01/04/2014", HEALTH_CHECK: "1" }] }
  )
})

describe("rule 546", () => {
  failsAndPasses(
    "546",
    { Header: [{ DOB: "31/03/2013" }], Episodes: [inCareAllYear], OC2: [{ DOB: "31/03/2013", HEALTH_CHECK: "1" }] },
    [[2]],
    { Header: [{ DOB: "31/03/2013" }], Episodes: [inCareAllYear], OC2: [{ DOB: "31/03/2013" }] }
  )
})

describe("rule 543", () => {
  failsAndPasses(
    "543",
    { Header: [{ DOB: "31/03/2008" }], Episodes: [inCareAllYear], OC2: [{ DOB: "31/03/2008" }] },
    [[2]],
    { Header: [{ DOB: "01/04/2008" }], Episodes: [inCareAllYear], OC2: [{ DOB: "01/04/2008" }] }
  )
})

describe("rule 188", () => {
  failsAndPasses("188", { OC2: [{ DOB: "01/04/2014", SDQ_REASON: "SDQ1" }] }, [[2]], {
    OC2: [{ DOB: "31/03/2014", SDQ_SCORE: "10" }]
  })
})

describe("rule 574", () => {
  failsAndPasses(
    "574",
    {
      Missing: [
        { MIS_START: "01/05/2017", MIS_END: "10/05/2017" },
        { MIS_START: "05/05/2017", MIS_END: "06/05/2017" }
      ]
    },
    [[2]],
    {
      Missing: [
        { MIS_START: "01/05/2017", MIS_END: "10/05/2017" },
        { MIS_START: "10/05/2017", MIS_END: "11/05/2017" }
      ]
    }
  )
})

describe("rule 570", () => {
  failsAndPasses("570", { Missing: [{ MIS_START: "01/04/2018" }] }, [[2]], { Missing: [{ MIS_START: "31/03/2018" }] })
})

describe("rule 571", () => {
  failsAndPasses("571", { Missing: [{ MIS_START: "01/03/2017", MIS_END: "31/03/2017" }] }, [[2]], {
    Missing: [{ MIS_START: "01/03/2017", MIS_END: "01/04/2017" }]
  })
})

describe("rule 131", () => {
  failsAndPasses("131", { OC3: [{ IN_TOUCH: "MAYBE" }] }, [[2]], { OC3: [{ IN_TOUCH: "yes" }] })
})
describe("rule 132", () => {
  failsAndPasses("132", { OC3: [{ ACTIV: "G9" }] }, [[2]], { OC3: [{ ACTIV: "F3" }] })
  describe("from 2022/23", () =>
    failsAndPasses("132", { OC3: [{ ACTIV: "F3" }] }, [[2]], { OC3: [{ ACTIV: "F5" }] }, { year: 2023 }))
})
describe("rule 133", () => {
  failsAndPasses("133", { OC3: [{ ACCOM: "S1" }] }, [[2]], { OC3: [{ ACCOM: "S2" }] })
})

describe("rule 1016", () => {
  it.effect("fails when care began and ended after the birthday", () =>
    Effect.map(
      run("1016", {
        OC3: [{ DOB: "16/04/2000", IN_TOUCH: "YES" }],
        Episodes: [{ DECOM: "01/09/2017", DEC: "03/01/2018", REC: "E4B" }]
      }),
      (r) => assert.deepStrictEqual(lines(r, "1016"), [[2]])
    )
  )
  failsAndPasses(
    "1016",
    {
      OC3: [{ DOB: "01/06/2000", IN_TOUCH: "YES" }],
      Episodes: [{ DECOM: "01/01/2015", DEC: "02/06/2017", REC: "E8" }]
    },
    [[2]],
    { OC3: [{ DOB: "01/06/2000", IN_TOUCH: "YES" }], Episodes: [{ DECOM: "01/01/2015", DEC: "01/06/2017", REC: "E8" }] }
  )
})

describe("rule 1001", () => {
  failsAndPasses(
    "1001",
    {
      Header: [{ DOB: "01/06/2000" }],
      OC3: [{ DOB: "01/06/2000", IN_TOUCH: "YES" }],
      Episodes: [{ DECOM: "01/01/2016", DEC: "01/06/2016", REC: "E8" }]
    },
    [[2]],
    {
      Header: [{ DOB: "01/06/2000" }],
      OC3: [{ DOB: "01/06/2000", IN_TOUCH: "YES" }],
      Episodes: [{ DECOM: "01/01/2016", DEC: "03/06/2016", REC: "E8" }]
    }
  )
  it.effect("counts last year's episodes", () =>
    Effect.map(
      run(
        "1001",
        {
          Header: [{ DOB: "01/06/2000" }],
          OC3: [{ DOB: "01/06/2000", IN_TOUCH: "YES" }],
          Episodes: [{ DECOM: "01/06/2016", DEC: "03/06/2016", REC: "E8" }]
        },
        { previous: { Episodes: [{ DECOM: "01/01/2016", DEC: "01/06/2016", REC: "X1" }] } }
      ),
      (r) => assert.deepStrictEqual(lines(r, "1001"), [])
    )
  )
})

describe("rule 601", () => {
  const complete = {
    DATE_INT: "01/06/2017",
    DATE_MATCH: "01/09/2017",
    FOSTER_CARE: "0",
    NB_ADOPTR: "2",
    SEX_ADOPTR: "MF",
    LS_ADOPTR: "L11"
  }
  failsAndPasses("601", { Episodes: [{ DEC: "01/12/2017", REC: "E11", PLACE: "A4" }], AD1: [{ CHILD: "C2" }] }, [[2]], {
    Episodes: [{ DEC: "01/12/2017", REC: "E11", PLACE: "A4" }],
    AD1: [complete]
  })
  describe("an AD1 row with an item left blank", () =>
    failsAndPasses(
      "601",
      { Episodes: [{ DEC: "01/12/2017", REC: "E11", PLACE: "A4" }], AD1: [{ ...complete, NB_ADOPTR: "" }] },
      [[2], [2]],
      { Episodes: [{ DEC: "01/12/2017", REC: "E12", PLACE: "A4" }], AD1: [complete] }
    ))
})

describe("rule 602", () => {
  failsAndPasses("602", { Episodes: [{ DEC: "01/12/2017", REC: "E8" }], AD1: [{}] }, [[2]], {
    Episodes: [{ DEC: "01/12/2017", REC: "E12", PLACE: "A4" }],
    AD1: [{}]
  })
})

describe("rule SW13STG1", () => {
  failsAndPasses(
    "SW13STG1",
    { SWEpisodes: [{ SW_DECOM: "01/05/2023", SW_REASON: "NOPE" }] },
    [[2]],
    {
      SWEpisodes: [{ SW_DECOM: "01/05/2023", SW_REASON: "pcchan" }]
    },
    { year: 2024 }
  )
})

describe("rule SW17STG2", () => {
  failsAndPasses(
    "SW17STG2",
    { Episodes: [{ DECOM: "01/05/2023" }], SWEpisodes: [{ SW_DECOM: "01/05/2023", SW_DEC: "01/03/2024" }] },
    [[2]],
    { Episodes: [{ DECOM: "01/05/2023" }], SWEpisodes: [{ SW_DECOM: "01/05/2023" }] },
    { year: 2024 }
  )
  it.effect("does not count a short break as looked after", () =>
    Effect.map(
      run(
        "SW17STG2",
        { Episodes: [{ DECOM: "01/05/2023", LS: "V4" }], SWEpisodes: [{ CHILD: "C2", SW_DECOM: "01/05/2023" }] },
        { year: 2024 }
      ),
      (r) => assert.deepStrictEqual(lines(r, "SW17STG2"), [])
    )
  )
})

const dolo2027 = { year: 2027 }
describe("rule 700", () => {
  failsAndPasses(
    "700",
    { DoLo: [{ DOLO_START: "32/01/2027" }] },
    [[2]],
    { DoLo: [{ DOLO_START: "01/01/2027" }] },
    dolo2027
  )
})
describe("rule 701", () => {
  failsAndPasses(
    "701",
    { DoLo: [{ DOLO_START: "01/01/2027", DOLO_END: "soon" }] },
    [[2]],
    { DoLo: [{ DOLO_START: "01/01/2027", DOLO_END: "" }] },
    dolo2027
  )
})
describe("rule 702", () => {
  failsAndPasses(
    "702",
    { DoLo: [{ DOLO_START: "01/01/2027", DOLO_END: "31/12/2026" }] },
    [[2]],
    { DoLo: [{ DOLO_START: "01/01/2027", DOLO_END: "01/01/2027" }] },
    dolo2027
  )
})
describe("rule 703", () => {
  failsAndPasses(
    "703",
    { DoLo: [{ DOLO_START: "01/04/2027" }] },
    [[2]],
    { DoLo: [{ DOLO_START: "31/03/2027" }] },
    dolo2027
  )
})
describe("rule 704", () => {
  failsAndPasses(
    "704",
    { DoLo: [{ DOLO_START: "01/01/2026", DOLO_END: "31/03/2026" }] },
    [[2]],
    { DoLo: [{ DOLO_START: "01/01/2026", DOLO_END: "01/04/2026" }] },
    dolo2027
  )
})
describe("rule 705", () => {
  failsAndPasses(
    "705",
    { DoLo: [{ DOLO_START: "01/05/2026", DOLO_END: "01/07/2026" }, { DOLO_START: "01/06/2026" }] },
    [[2, 3]],
    { DoLo: [{ DOLO_START: "01/05/2026", DOLO_END: "01/07/2026" }, { DOLO_START: "01/07/2026" }] },
    dolo2027
  )
})
describe("rule 706", () => {
  // Open at the end of 2025/26 (no end date); this year's table must carry an order with the same start.
  const previous = {
    DoLo: [{ DOLO_START: "01/05/2025" }, { CHILD: "C2", DOLO_START: "01/06/2025", DOLO_END: "01/07/2025" }]
  }
  failsAndPasses(
    "706",
    { DoLo: [{ DOLO_START: "02/05/2025" }] },
    [[]],
    { DoLo: [{ DOLO_START: "01/05/2025", DOLO_END: "01/06/2026" }] },
    { ...dolo2027, previous }
  )
  it.effect("is skipped without last year's return", () =>
    Effect.map(run("706", { DoLo: [{ DOLO_START: "01/05/2026" }] }, dolo2027), (r) =>
      assert.deepStrictEqual(r.rules.find((o) => o.code === "706")?.status, "skipped")
    )
  )
})

describe("skipping", () => {
  it.effect("reports a rule whose table is absent as skipped, not passed", () =>
    Effect.map(run("191", { Episodes: [inCareAllYear] }), (r) =>
      assert.deepStrictEqual(
        r.rules.filter((o) => o.code === "191").map((o) => [o.status, o.skippedFor]),
        [["skipped", ["OC2 table"]]]
      )
    )
  )
})
