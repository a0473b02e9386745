/** Social worker rules (SW…STG1/STG2) on small hand-made returns. Every id, date and code here is made up. */
import { assert, describe, it } from "@effect/vitest"
import { Effect } from "effect"
import { Registry } from "../../src/index.ts"
import { failsAndPasses, lines, run, type Tables } from "../rules.ts"

const y2024 = { year: 2024 }
const y2025 = { year: 2025 }

describe("rule SW01STG1", () => {
  failsAndPasses(
    "SW01STG1",
    {
      Episodes: [{ DECOM: "01/05/2023" }, { CHILD: "C2", DECOM: "01/05/2023" }],
      SWEpisodes: [{ CHILD: "C2", SW_DECOM: "01/05/2023" }]
    },
    [[2], [3]],
    {
      Episodes: [
        { DECOM: "01/05/2023" },
        { CHILD: "C2", DECOM: "01/05/2023", LS: "V4" },
        { CHILD: "C3", DECOM: "01/05/2023", DEC: "01/06/2023", REC: "E4A" }
      ],
      SWEpisodes: [{ SW_DECOM: "01/05/2023", SW_DEC: "01/06/2023", SW_REASON: "MANAGE" }, { SW_DECOM: "01/06/2023" }]
    },
    y2024
  )
})

describe("rule SW01aSTG1", () => {
  failsAndPasses(
    "SW01aSTG1",
    { SWEpisodes: [{ SW_DECOM: "01/05/2022" }, { SW_DECOM: "" }] },
    [[3]],
    { SWEpisodes: [{ SW_DECOM: "01/05/2022" }] },
    y2025
  )
})

describe("rule SW01bSTG1", () => {
  failsAndPasses(
    "SW01bSTG1",
    { SWEpisodes: [{ SW_DECOM: "01/05/2022" }, { SW_DECOM: "01/04/2023" }, { SW_DECOM: "" }] },
    [[4], [3]],
    { SWEpisodes: [{ SW_DECOM: "01/05/2022" }, { SW_DECOM: "01/04/2023", SW_REASON: "OTHERS" }] },
    y2025
  )
})

describe("rule SW02STG1", () => {
  failsAndPasses(
    "SW02STG1",
    {
      SWEpisodes: [
        { SW_ID: "AB123", SW_DECOM: "01/05/2023" },
        { SW_ID: "", SW_DECOM: "01/05/2023" }
      ]
    },
    [[3], [2]],
    {
      SWEpisodes: [
        { SW_ID: "SW123", SW_DECOM: "01/05/2023" },
        { SW_ID: "xx9", SW_DECOM: "01/05/2023" }
      ]
    },
    y2024
  )
})

describe("rule SW03STG1", () => {
  failsAndPasses(
    "SW03STG1",
    {
      SWEpisodes: [
        { SW_DECOM: "01/05/2023", SW_REASON: "MANAGE" },
        { SW_DECOM: "01/06/2023" },
        { SW_ID: "", SW_DECOM: "01/07/2023", SW_REASON: "MANAGE" }
      ]
    },
    [[4], [3]],
    { SWEpisodes: [{ SW_DECOM: "01/05/2023", SW_REASON: "MANAGE" }] },
    y2024
  )
})

describe("rule SW04STG1", () => {
  failsAndPasses(
    "SW04STG1",
    { SWEpisodes: [{ SW_DECOM: "31/06/2023" }] },
    [[2]],
    { SWEpisodes: [{ SW_DECOM: "30/06/2023" }] },
    y2024
  )
})

describe("rule SW04STG1 and partial dates", () => {
  it.effect("does not accept a date with unknown parts", () =>
    Effect.map(run("SW04STG1", { SWEpisodes: [{ SW_DECOM: "01/01/ZZZZ" }] }, y2024), (r) =>
      assert.deepStrictEqual(lines(r, "SW04STG1"), [[2]])
    )
  )
})

describe("rule SW05STG1", () => {
  failsAndPasses(
    "SW05STG1",
    { SWEpisodes: [{ SW_DECOM: "01/05/2023", SW_DEC: "later" }] },
    [[2]],
    {
      SWEpisodes: [
        { SW_DECOM: "01/05/2023", SW_DEC: "" },
        { SW_DECOM: "01/05/2023", SW_DEC: "02/05/2023" }
      ]
    },
    y2024
  )
})

describe("rule SW06STG2", () => {
  failsAndPasses(
    "SW06STG2",
    { SWEpisodes: [{ SW_DECOM: "31/03/2024" }, { SW_DECOM: "01/04/2024" }] },
    [[3]],
    { SWEpisodes: [{ SW_DECOM: "31/03/2024" }, { SW_DECOM: "01/01/2019" }] },
    y2024
  )
})

describe("rule SW07STG2", () => {
  failsAndPasses(
    "SW07STG2",
    {
      SWEpisodes: [
        { SW_DECOM: "01/01/2023", SW_DEC: "31/03/2023" },
        { SW_DECOM: "01/01/2024", SW_DEC: "01/04/2024" },
        { SW_DECOM: "01/01/2023", SW_DEC: "01/04/2023" }
      ]
    },
    [[2], [3]],
    {
      SWEpisodes: [
        { SW_DECOM: "01/01/2023", SW_DEC: "01/04/2023" },
        { SW_DECOM: "01/01/2024", SW_DEC: "31/03/2024" }
      ]
    },
    y2024
  )
  describe("from 2024/25 the year before counts too", () =>
    failsAndPasses(
      "SW07STG2",
      { SWEpisodes: [{ SW_DECOM: "01/01/2023", SW_DEC: "31/03/2023" }] },
      [[2]],
      { SWEpisodes: [{ SW_DECOM: "01/01/2023", SW_DEC: "01/04/2023" }] },
      y2025
    ))
})

describe("rule SW08STG2", () => {
  failsAndPasses(
    "SW08STG2",
    {
      SWEpisodes: [
        { SW_DECOM: "01/06/2023" },
        { SW_DECOM: "01/05/2023" },
        { CHILD: "C2", SW_DECOM: "01/05/2023", SW_DEC: "01/06/2023" },
        { CHILD: "C2", SW_DECOM: "01/06/2023" }
      ]
    },
    [[3]],
    {
      SWEpisodes: [
        { SW_DECOM: "01/05/2023", SW_DEC: "01/06/2023" },
        { SW_DECOM: "01/06/2023" },
        { CHILD: "C2", SW_DECOM: "01/05/2023" }
      ]
    },
    y2024
  )
})

describe("rule SW09STG2", () => {
  failsAndPasses(
    "SW09STG2",
    { SWEpisodes: [{ SW_DECOM: "01/06/2023", SW_DEC: "01/06/2023" }] },
    [[2]],
    { SWEpisodes: [{ SW_DECOM: "01/06/2023", SW_DEC: "02/06/2023" }] },
    y2024
  )
})

describe("rule SW10STG2", () => {
  failsAndPasses(
    "SW10STG2",
    {
      SWEpisodes: [
        { SW_DECOM: "01/05/2023", SW_DEC: "01/06/2023" },
        { SW_DECOM: "09/06/2023", SW_DEC: "01/07/2023", SW_REASON: "FCONTA" },
        { CHILD: "C2", SW_DECOM: "01/05/2023" },
        { CHILD: "C2", SW_DECOM: "01/06/2023" }
      ]
    },
    [[3], [5]],
    {
      SWEpisodes: [
        { SW_DECOM: "01/05/2023", SW_DEC: "01/06/2023" },
        { SW_DECOM: "08/06/2023", SW_DEC: "01/07/2023" },
        { SW_DECOM: "24/06/2023" }
      ]
    },
    y2024
  )
  describe("from 2024/25 an episode after a fixed-term contract ended is exempt", () =>
    failsAndPasses(
      "SW10STG2",
      {
        SWEpisodes: [
          { SW_DECOM: "01/05/2024", SW_DEC: "01/06/2024" },
          { SW_DECOM: "20/06/2024", SW_REASON: "MANAGE" }
        ]
      },
      [[3]],
      {
        SWEpisodes: [
          { SW_DECOM: "01/05/2024", SW_DEC: "01/06/2024" },
          { SW_DECOM: "20/06/2024", SW_REASON: "fconta" }
        ]
      },
      y2025
    ))
})

describe("rule SW11aSTG2", () => {
  failsAndPasses(
    "SW11aSTG2",
    {
      SWEpisodes: [
        { SW_DECOM: "01/05/2023", SW_DEC: "01/06/2023" },
        { SW_DECOM: "07/06/2023", SW_DEC: "01/07/2023" },
        { SW_DECOM: "06/07/2023" }
      ]
    },
    [[3]],
    {
      SWEpisodes: [
        { SW_DECOM: "01/05/2023", SW_DEC: "01/06/2023" },
        { SW_DECOM: "27/05/2023", SW_DEC: "27/03/2024" },
        { SW_DECOM: "20/04/2024" },
        { CHILD: "C2", SW_DECOM: "01/05/2023", SW_DEC: "01/06/2023" }
      ]
    },
    y2024
  )
})

describe("rule SW11bSTG2", () => {
  failsAndPasses(
    "SW11bSTG2",
    {
      SWEpisodes: [
        { SW_DECOM: "01/05/2023", SW_DEC: "26/03/2024" },
        { CHILD: "C2", SW_DECOM: "01/05/2023", SW_DEC: "01/06/2023" },
        { CHILD: "C2", SW_DECOM: "01/06/2023", SW_DEC: "31/03/2024" }
      ]
    },
    [[2], [4]],
    {
      SWEpisodes: [
        { SW_DECOM: "01/05/2023", SW_DEC: "25/03/2024" },
        { CHILD: "C2", SW_DECOM: "01/05/2023", SW_DEC: "28/03/2024" },
        { CHILD: "C2", SW_DECOM: "28/03/2024" }
      ]
    },
    y2024
  )
})

describe("rule SW11bSTG2 and leaving care", () => {
  it.effect("does not ask for a successor to the social worker of a child who left care", () =>
    Effect.map(
      run(
        "SW11bSTG2",
        {
          Episodes: [{ DECOM: "01/05/2023", DEC: "28/03/2024", REC: "E4A" }],
          SWEpisodes: [{ SW_DECOM: "01/05/2023", SW_DEC: "28/03/2024" }]
        },
        y2024
      ),
      (r) => assert.deepStrictEqual(lines(r, "SW11bSTG2"), [])
    )
  )
})

describe("rule SW12STG2", () => {
  failsAndPasses(
    "SW12STG2",
    {
      Episodes: [
        { DECOM: "01/06/2023" },
        { CHILD: "C2", DECOM: "01/05/2022", DEC: "01/06/2023", REC: "E4A" },
        { CHILD: "C3", DECOM: "01/06/2023" }
      ],
      SWEpisodes: [
        { SW_DECOM: "01/01/2023", SW_DEC: "01/05/2023" },
        { CHILD: "C2", SW_DECOM: "02/06/2023" },
        { CHILD: "C3", SW_DECOM: "01/01/2023", SW_DEC: "01/06/2023", SW_REASON: "OTHERS" },
        { CHILD: "C3", SW_DECOM: "02/06/2023" }
      ]
    },
    [[2], [3]],
    {
      Episodes: [
        { DECOM: "01/06/2023" },
        { CHILD: "C2", DECOM: "01/05/2022", DEC: "01/06/2023", REC: "E4A" },
        { CHILD: "C3", DECOM: "01/06/2023", LS: "V3" },
        { CHILD: "C4", DECOM: "01/06/2022", RNE: "S" },
        { CHILD: "C4", DECOM: "01/06/2023", RNE: "P" }
      ],
      SWEpisodes: [
        { SW_DECOM: "01/01/2023" },
        { CHILD: "C2", SW_DECOM: "01/06/2023" },
        { CHILD: "C4", SW_DECOM: "01/06/2023" }
      ]
    },
    y2024
  )
  describe("from 2024/25 care ended the year before counts too", () =>
    failsAndPasses(
      "SW12STG2",
      {
        Episodes: [{ DECOM: "01/05/2022", DEC: "01/06/2023", REC: "E4A" }],
        SWEpisodes: [{ CHILD: "C2", SW_DECOM: "01/06/2023" }]
      },
      [[2]],
      {
        Episodes: [{ DECOM: "01/05/2022", DEC: "01/03/2023", REC: "E4A" }],
        SWEpisodes: [{ CHILD: "C2", SW_DECOM: "01/06/2023" }]
      },
      y2025
    ))
})

describe("rule SW12STG2 and reversed dates", () => {
  it.effect("leaves an episode that ends before it starts to rule 356", () =>
    Effect.map(
      run(
        "SW12STG2",
        {
          Episodes: [{ DECOM: "04/10/2023", DEC: "03/10/2023", REC: "E3" }],
          SWEpisodes: [{ SW_DECOM: "04/10/2023" }]
        },
        y2024
      ),
      (r) => assert.deepStrictEqual(lines(r, "SW12STG2"), [])
    )
  )
})

describe("rule SW13STG1 from 2024/25", () => {
  failsAndPasses(
    "SW13STG1",
    { SWEpisodes: [{ SW_DECOM: "01/04/2023" }, { SW_DECOM: "01/05/2024", SW_REASON: "NOPE" }] },
    [[3], [2]],
    { SWEpisodes: [{ SW_DECOM: "31/03/2023" }, { SW_DECOM: "01/05/2024", SW_REASON: "swdied" }] },
    y2025
  )
})

describe("rule SW14STG2", () => {
  failsAndPasses(
    "SW14STG2",
    { SWEpisodes: [{ SW_DECOM: "01/05/2023" }, { SW_DECOM: "01/06/2023" }] },
    [[2]],
    { SWEpisodes: [{ SW_DECOM: "01/05/2023", SW_DEC: "01/06/2023" }, { SW_DECOM: "01/06/2023" }] },
    y2024
  )
})

describe("rules added and withdrawn in 2024/25", () => {
  it("leaves SW15STG2 and SW16a–cSTG2 out of every year's registry", () => {
    for (let year = Registry.firstYear; year <= Registry.lastYear; year++) {
      const codes = Registry.forYear(year).map((r) => r.code)
      for (const code of ["SW15STG2", "SW16aSTG2", "SW16bSTG2", "SW16cSTG2"]) assert.notInclude(codes, code)
    }
  })
})

describe("the 2024/25 del_list", () => {
  for (const code of ["SW01STG1", "SW03STG1", "SW11aSTG2", "SW14STG2"]) {
    it.effect(`retires ${code}`, () =>
      Effect.map(Effect.exit(run(code, { SWEpisodes: [{ SW_DECOM: "01/05/2024" }] }, y2025)), (exit) =>
        assert.isTrue(exit._tag === "Failure")
      )
    )
  }
})

// ── Deprivation of liberty (2026/27) ──────────────────────────────────────────────────────────────────────────────

const y2027 = { year: 2027 }

describe("rule 707", () => {
  failsAndPasses(
    "707",
    {
      Episodes: [{ DECOM: "01/05/2026", DEC: "01/09/2026", REC: "E4A" }],
      DoLo: [{ DOLO_START: "01/06/2026" }, { DOLO_START: "01/06/2026", DOLO_END: "01/07/2026" }]
    },
    [[2]],
    {
      Episodes: [
        { DECOM: "01/05/2026", DEC: "01/07/2026", REC: "X1" },
        { DECOM: "01/07/2026", RNE: "P" },
        { CHILD: "C2", DECOM: "01/05/2026", DEC: "01/09/2026", REC: "E4A" }
      ],
      DoLo: [{ DOLO_START: "01/06/2026" }, { CHILD: "C3", DOLO_START: "01/06/2026" }]
    },
    y2027
  )
})

describe("rule 708", () => {
  failsAndPasses(
    "708",
    { DoLo: [{ DOB: "01/01/2010", DOLO_START: "01/01/2010" }] },
    [[2]],
    { DoLo: [{ DOB: "01/01/2010", DOLO_START: "02/01/2010" }] },
    y2027
  )
})

describe("rule 709", () => {
  failsAndPasses(
    "709",
    {
      DoLo: [{ DOLO_START: "01/05/2026", DOLO_END: "01/08/2026" }],
      Episodes: [
        { DECOM: "01/01/2026", DEC: "01/06/2026", REC: "X1", PLACE: "K2" },
        { DECOM: "01/06/2026", RNE: "P", PLACE: "U4" }
      ]
    },
    [[2], [3]],
    {
      DoLo: [{ DOLO_START: "01/05/2026", DOLO_END: "01/08/2026" }, { DOLO_START: "01/09/2026" }],
      Episodes: [
        { DECOM: "01/01/2026", DEC: "02/08/2026", REC: "X1", PLACE: "K2" },
        { DECOM: "02/08/2026", RNE: "P", PLACE: "U4" }
      ]
    },
    y2027
  )
})

describe("rule 710", () => {
  failsAndPasses(
    "710",
    {
      DoLo: [{ DOLO_START: "01/05/2026", DOLO_END: "01/08/2026" }],
      Episodes: [{ DECOM: "01/01/2026", PLACE: "K1", PLACE_PROVIDER: "PR1" }]
    },
    [[2], [2]],
    {
      DoLo: [{ DOLO_START: "01/05/2026", DOLO_END: "01/08/2026" }],
      Episodes: [{ DECOM: "01/01/2026", PLACE: "U4" }]
    },
    y2027
  )
})

// ── Integrity checks ──────────────────────────────────────────────────────────────────────────────────────────────

/** One row of each child-keyed table, for child `child`, born on `dob` (the header's date unless told). */
const rowsOf = (child: string, dob = "01/01/2010"): Tables => ({
  AD1: [{ CHILD: child, DOB: dob }],
  PlacedAdoption: [{ CHILD: child, DOB: dob, DATE_PLACED: "01/06/2017" }],
  Episodes: [{ CHILD: child }],
  Missing: [{ CHILD: child, DOB: dob, MIS_START: "01/06/2017" }],
  OC2: [{ CHILD: child, DOB: dob }],
  OC3: [{ CHILD: child, DOB: dob }],
  PrevPerm: [{ CHILD: child, DOB: dob, PREV_PERM: "Z1" }],
  Reviews: [{ CHILD: child, DOB: dob, REVIEW: "01/06/2017", REVIEW_CODE: "PN1" }],
  UASC: [{ CHILD: child, SEX: "1", DOB: dob }]
})

const notInHeader = [
  ["INT01", "AD1"],
  ["INT02", "PlacedAdoption"],
  ["INT03", "Episodes"],
  ["INT04", "Missing"],
  ["INT05", "OC2"],
  ["INT06", "OC3"],
  ["INT07", "PrevPerm"],
  ["INT08", "Reviews"],
  ["INT09", "UASC"]
] as const

for (const [code, table] of notInHeader) {
  describe(`rule ${code}`, () => {
    failsAndPasses(code, { Header: [{ CHILD: "C1" }], [table]: rowsOf("C2")[table] }, [[2]], {
      Header: [{ CHILD: "C1" }],
      [table]: rowsOf("C1")[table]
    })
    it.effect("counts a header row that could not be read", () =>
      Effect.map(run(code, { Header: [{ CHILD: "C2", DOB: "someday" }], [table]: rowsOf("C2")[table] }), (r) =>
        assert.deepStrictEqual(lines(r, code), [])
      )
    )
  })
}

const differentBirth = [
  ["INT11", "AD1"],
  ["INT12", "PlacedAdoption"],
  ["INT13", "Missing"],
  ["INT14", "OC2"],
  ["INT15", "OC3"],
  ["INT16", "PrevPerm"],
  ["INT17", "Reviews"],
  ["INT18", "UASC"]
] as const

for (const [code, table] of differentBirth) {
  describe(`rule ${code}`, () => {
    failsAndPasses(code, { Header: [{ CHILD: "C1" }], [table]: rowsOf("C1", "02/01/2010")[table] }, [[2]], {
      Header: [{ CHILD: "C1" }],
      [table]: [...rowsOf("C1")[table]!, ...rowsOf("C2", "02/01/2010")[table]!]
    })
  })
}

describe("rule INT21", () => {
  failsAndPasses("INT21", { Header: [{ SEX: "1" }], UASC: [{ CHILD: "C1", SEX: "2", DOB: "01/01/2010" }] }, [[2]], {
    Header: [{ SEX: "2" }],
    UASC: [{ CHILD: "C1", SEX: "2", DOB: "01/01/2010" }]
  })
})

const onlyOnce = [
  ["INT31", "AD1"],
  ["INT33", "OC2"],
  ["INT34", "OC3"],
  ["INT35", "PrevPerm"],
  ["INT36", "UASC"]
] as const

for (const [code, table] of onlyOnce) {
  describe(`rule ${code}`, () => {
    failsAndPasses(
      code,
      { [table]: [...rowsOf("C1")[table]!, ...rowsOf("C2")[table]!, ...rowsOf("C1")[table]!] },
      [[2], [4]],
      { [table]: [...rowsOf("C1")[table]!, ...rowsOf("C2")[table]!] }
    )
  })
}

describe("rule INT32", () => {
  failsAndPasses("INT32", { Header: [{}, { CHILD: "C2" }, {}] }, [[2], [4]], { Header: [{}, { CHILD: "C2" }] })
})

describe("rule EPI", () => {
  failsAndPasses("EPI", { Header: [{}, { CHILD: "C2" }], Episodes: [{}], OC3: [] }, [[3]], {
    Header: [{}, { CHILD: "C2" }, { CHILD: "C3" }],
    Episodes: [{}, { CHILD: "C3", DECOM: "" }],
    OC3: [{ CHILD: "C2" }]
  })
})

describe("rule NoE", () => {
  failsAndPasses(
    "NoE",
    {
      Episodes: [
        { DECOM: "01/01/2018" },
        { CHILD: "C2", DECOM: "01/01/2018" },
        { CHILD: "C3", DECOM: "01/01/2018" },
        { CHILD: "C4", DECOM: "01/05/2018" }
      ]
    },
    [[4]],
    { Episodes: [{ DECOM: "01/01/2018" }, { CHILD: "C2", DECOM: "01/01/2018" }] },
    { year: 2019, previous: { Episodes: [{ DECOM: "01/01/2018" }, { CHILD: "C2", DECOM: "01/01/2018" }] } }
  )
  it.effect("fails a child missing from last year's return", () =>
    Effect.map(
      run("NoE", { Episodes: [{ CHILD: "C2", DECOM: "01/01/2018" }] }, { year: 2019, previous: { Episodes: [{}] } }),
      (r) => assert.deepStrictEqual(lines(r, "NoE"), [[2]])
    )
  )
})
