/** DfE rules 500–699 and 1000–1014: each fails on a small made-up return at the rows expected and passes on a fixed one. */
import { Placement } from "@cpo/domain"
import { assert, describe, it } from "@effect/vitest"
import { Effect } from "effect"
import { failsAndPasses, lines, run } from "../rules.ts"

const placed = (row: Record<string, string> = {}) => ({
  CHILD: "C1",
  DOB: "01/01/2015",
  DATE_PLACED: "01/03/2017",
  ...row
})
const prevPerm = (row: Record<string, string> = {}) => ({ CHILD: "C1", DOB: "01/01/2010", ...row })
const uasc = (row: Record<string, string> = {}) => ({ CHILD: "C1", SEX: "1", DOB: "01/01/2000", ...row })
const ended = (row: Record<string, string> = {}) => ({ DEC: "01/06/2017", REC: "E8", ...row })

describe("rule 501", () => {
  failsAndPasses("501", { Episodes: [ended({ REC: "X1" }), { DECOM: "01/05/2017", RNE: "P" }] }, [[3]], {
    Episodes: [ended({ REC: "X1" }), { DECOM: "01/06/2017", RNE: "P" }]
  })
})

describe("rule 502", () => {
  failsAndPasses(
    "502",
    { Episodes: [{ DECOM: "01/07/2016" }] },
    [[2]],
    // history before the year is carried: the first episode of the year is the one compared
    {
      Episodes: [
        { DECOM: "01/01/2016", DEC: "01/06/2016", REC: "X1" },
        { DECOM: "01/06/2016", RNE: "P" }
      ]
    },
    { previous: { Episodes: [{ DECOM: "01/06/2016" }] } }
  )
})

describe("rules 503G, 503H, 503J", () => {
  const area = {
    localAuthority: "999",
    directory: Placement.directoryFromEntries([
      ["AA1 1AA", { easting: 0, northing: 0, localAuthority: "999" }],
      ["BB1 1BB", { easting: 0, northing: 0, localAuthority: "888" }],
      ["CC1 1CC", { easting: 1610, northing: 0, localAuthority: "999" }]
    ])
  }
  const at = (postcode: string) => ({ DECOM: "01/06/2016", HOME_POST: "AA1 1AA", PL_POST: postcode })
  const previous = { Episodes: [at("AA1 1AA")] }
  describe("503G", () =>
    failsAndPasses("503G", { Episodes: [at("CC1 1CC")] }, [[2]], { Episodes: [at("BB1 1BB")] }, { previous, area }))
  describe("503H", () =>
    failsAndPasses("503H", { Episodes: [at("BB1 1BB")] }, [[2]], { Episodes: [at("CC1 1CC")] }, { previous, area }))
  describe("503J", () =>
    failsAndPasses("503J", { Episodes: [at("BB1 1BB")] }, [[2]], { Episodes: [at("CC1 1CC")] }, { previous, area }))
  it.effect("is skipped without a postcode directory", () =>
    Effect.map(run("503H", { Episodes: [at("BB1 1BB")] }, { previous }), (r) =>
      assert.strictEqual(r.rules.find((o) => o.code === "503H")?.status, "skipped")
    )
  )
})

describe("rule 504", () => {
  failsAndPasses("504", { Episodes: [ended({ REC: "X1" }), { DECOM: "01/06/2017", RNE: "P", CIN: "N2" }] }, [[3]], {
    Episodes: [ended({ REC: "X1" }), { DECOM: "01/06/2017", RNE: "P" }, { CHILD: "C2", CIN: "N2" }]
  })
})

describe("adopters' sex and legal status", () => {
  describe("511", () =>
    failsAndPasses("511", { AD1: [{ NB_ADOPTR: "2", SEX_ADOPTR: "M1" }] }, [[2]], {
      AD1: [
        { NB_ADOPTR: "2", SEX_ADOPTR: "MF" },
        { CHILD: "C2", NB_ADOPTR: "1", SEX_ADOPTR: "F1" }
      ]
    }))
  describe("514", () =>
    failsAndPasses("514", { AD1: [{ LS_ADOPTR: "L0", SEX_ADOPTR: "MF" }] }, [[2]], {
      AD1: [
        { LS_ADOPTR: "L0", SEX_ADOPTR: "M1" },
        { CHILD: "C2", LS_ADOPTR: "L0" }
      ]
    }))
  describe("517", () =>
    failsAndPasses(
      "517",
      {
        AD1: [
          { LS_ADOPTR: "L3", SEX_ADOPTR: "FF" },
          { CHILD: "C2", LS_ADOPTR: "L3" }
        ]
      },
      [[2], [3]],
      {
        AD1: [{ LS_ADOPTR: "L3", SEX_ADOPTR: "MF" }]
      }
    ))
  describe("518", () =>
    failsAndPasses("518", { AD1: [{ LS_ADOPTR: "L4", SEX_ADOPTR: "MF" }] }, [[2]], {
      AD1: [{ LS_ADOPTR: "L4", SEX_ADOPTR: "FF" }]
    }))
  describe("519", () =>
    failsAndPasses("519", { AD1: [{ LS_ADOPTR: "L2", SEX_ADOPTR: "M1" }] }, [[2]], {
      AD1: [{ LS_ADOPTR: "L2", SEX_ADOPTR: "MM" }]
    }))
  describe("520", () =>
    failsAndPasses("520", { AD1: [{ LS_ADOPTR: "L11", SEX_ADOPTR: "MM" }] }, [[2]], {
      AD1: [{ LS_ADOPTR: "L11", SEX_ADOPTR: "MF" }]
    }))
  describe("524", () =>
    failsAndPasses("524", { AD1: [{ LS_ADOPTR: "L12", SEX_ADOPTR: "MF" }] }, [[2]], {
      AD1: [{ LS_ADOPTR: "L12", SEX_ADOPTR: "MM" }]
    }))
})

describe("rule 516", () => {
  failsAndPasses("516", { Episodes: [ended({ REC: "E45", PLACE: "K2" })] }, [[2]], {
    Episodes: [ended({ REC: "E46", PLACE: "U1" }), { CHILD: "C2", PLACE: "K2" }]
  })
})

describe("rule 521", () => {
  failsAndPasses(
    "521",
    { Episodes: [{ DECOM: "01/05/2017", PLACE: "A3" }], AD1: [{ DATE_INT: "02/05/2017" }] },
    [[2], [2]],
    { Episodes: [{ DECOM: "01/05/2017", PLACE: "A3" }], AD1: [{ DATE_INT: "01/05/2017" }] }
  )
})

describe("rule 522", () => {
  failsAndPasses(
    "522",
    { PlacedAdoption: [placed({ DATE_PLACED_CEASED: "28/02/2017", REASON_PLACED_CEASED: "RD1" })] },
    [[2]],
    { PlacedAdoption: [placed({ DATE_PLACED_CEASED: "01/03/2017", REASON_PLACED_CEASED: "RD1" })] }
  )
})

describe("rule 523", () => {
  failsAndPasses("523", { PlacedAdoption: [placed()], AD1: [{ DATE_INT: "02/03/2017" }] }, [[2], [2]], {
    PlacedAdoption: [placed()],
    AD1: [{ DATE_INT: "01/03/2017" }, { CHILD: "C2", DATE_INT: "02/03/2017" }]
  })
})

describe("rule 525", () => {
  const reversed = placed({ DATE_PLACED_CEASED: "01/06/2017", REASON_PLACED_CEASED: "RD1" })
  failsAndPasses("525", { PlacedAdoption: [reversed], AD1: [{ NB_ADOPTR: "1" }] }, [[2], [2]], {
    PlacedAdoption: [reversed],
    AD1: [{}]
  })
})

describe("rule 526", () => {
  failsAndPasses("526", { Episodes: [{ PLACE: "K2", PLACE_PROVIDER: "" }] }, [[2]], {
    Episodes: [
      { PLACE: "T4", PLACE_PROVIDER: "" },
      { CHILD: "C2", PLACE: "Z1", PLACE_PROVIDER: "" }
    ]
  })
  describe("from 2025/26", () =>
    failsAndPasses(
      "526",
      { Episodes: [{ PLACE: "Z1", PLACE_PROVIDER: "" }] },
      [[2]],
      {
        Episodes: [{ PLACE: "Z12", PLACE_PROVIDER: "" }]
      },
      { year: 2026 }
    ))
})

describe("placement provider and placement type", () => {
  const pair = (place: string, provider: string) => ({ Episodes: [{ PLACE: place, PLACE_PROVIDER: provider }] })
  describe("527", () => failsAndPasses("527", pair("R5", "PR1"), [[2]], pair("R1", "PR1")))
  describe("528", () => failsAndPasses("528", pair("R2", "PR2"), [[2]], pair("R2", "PR3")))
  describe("529", () => failsAndPasses("529", pair("U4", "PR3"), [[2]], pair("R2", "PR3")))
  describe("530", () => failsAndPasses("530", pair("P1", "PR4"), [[2]], pair("K2", "PR4")))
  describe("531", () => failsAndPasses("531", pair("P1", "PR5"), [[2]], pair("K2", "PR5")))
  describe("550", () => failsAndPasses("550", pair("U4", "PR0"), [[2]], pair("P1", "PR0")))
})

describe("rule 542", () => {
  failsAndPasses("542", { OC2: [{ DOB: "01/04/2008", CONVICTED: "0" }] }, [[2]], {
    OC2: [
      { DOB: "31/03/2008", CONVICTED: "0" },
      { CHILD: "C2", DOB: "01/04/2008" }
    ]
  })
})

describe("rules 544 and 547", () => {
  const three = { IMMUNISATIONS: "1", TEETH_CHECK: "1", HEALTH_ASSESSMENT: "1" }
  describe("544", () =>
    failsAndPasses("544", { OC2: [{ ...three, CONVICTED: "1" }] }, [[2]], {
      OC2: [
        { ...three, CONVICTED: "1", SUBSTANCE_MISUSE: "0" },
        { CHILD: "C2", CONVICTED: "0" }
      ]
    }))
  describe("547", () =>
    failsAndPasses("547", { OC2: [{ ...three, HEALTH_CHECK: "1" }] }, [[2]], {
      OC2: [
        { ...three, HEALTH_CHECK: "1", SUBSTANCE_MISUSE: "0" },
        { CHILD: "C2", HEALTH_CHECK: "0" }
      ]
    }))
})

describe("rule 551", () => {
  failsAndPasses("551", { Episodes: [{ PLACE: "A4" }], PlacedAdoption: [placed({ CHILD: "C2" })] }, [[2]], {
    Episodes: [{ PLACE: "A4" }],
    PlacedAdoption: [placed()]
  })
})

describe("rule 552", () => {
  failsAndPasses(
    "552",
    { Episodes: [{ DECOM: "01/05/2017", PLACE: "A4" }], PlacedAdoption: [placed({ DATE_PLACED: "02/05/2017" })] },
    [[2], [2]],
    { Episodes: [{ DECOM: "01/05/2017", PLACE: "A4" }], PlacedAdoption: [placed({ DATE_PLACED: "01/05/2017" })] }
  )
})

describe("rule 553", () => {
  failsAndPasses("553", { Episodes: [{ LS: "E1" }], PlacedAdoption: [placed({ CHILD: "C2" })] }, [[2]], {
    Episodes: [{ LS: "E1" }],
    PlacedAdoption: [placed()]
  })
  it.effect("fails on a ceased decision while the placement order is open", () =>
    Effect.map(
      run("553", {
        Episodes: [{ LS: "E1" }],
        PlacedAdoption: [placed({ DATE_PLACED_CEASED: "01/06/2017", REASON_PLACED_CEASED: "RD1" })]
      }),
      (r) => assert.deepStrictEqual(lines(r, "553"), [[2]])
    )
  )
  it.effect("leaves out a placement order that ended before the year (last year's return holds it)", () =>
    Effect.map(
      run("553", {
        Episodes: [
          { DECOM: "01/01/2016", LS: "E1", DEC: "01/03/2017", REC: "X1", REASON_PLACE_CHANGE: "CARPL" },
          { DECOM: "01/03/2017", RNE: "L", LS: "C2" }
        ],
        PlacedAdoption: [placed({ CHILD: "C2" })]
      }),
      (r) => assert.deepStrictEqual(lines(r, "553"), [])
    )
  )
})

describe("rule 554", () => {
  failsAndPasses(
    "554",
    { Episodes: [{ DECOM: "01/05/2017", LS: "E1" }], PlacedAdoption: [placed({ DATE_PLACED: "02/05/2017" })] },
    [[2], [2]],
    { Episodes: [{ DECOM: "01/05/2017", LS: "E1" }], PlacedAdoption: [placed({ DATE_PLACED: "01/05/2017" })] }
  )
})

describe("rule 555", () => {
  failsAndPasses("555", { Episodes: [{ LS: "D1" }], PlacedAdoption: [placed({ CHILD: "C2" })] }, [[2]], {
    Episodes: [{ LS: "D1" }],
    PlacedAdoption: [placed()]
  })
  it.effect("is retired from 2024/25", () =>
    Effect.map(Effect.exit(run("555", { Episodes: [{ LS: "D1" }], PlacedAdoption: [] }, { year: 2025 })), (exit) =>
      assert.isTrue(exit._tag === "Failure")
    )
  )
})

describe("rule 556", () => {
  failsAndPasses(
    "556",
    { Episodes: [{ DECOM: "01/05/2017", LS: "D1" }], PlacedAdoption: [placed({ DATE_PLACED: "02/05/2017" })] },
    [[2]],
    { Episodes: [{ DECOM: "01/05/2017", LS: "D1" }], PlacedAdoption: [placed({ DATE_PLACED: "01/05/2017" })] }
  )
})

describe("rule 557", () => {
  const closed = placed({ DATE_PLACED_CEASED: "01/06/2017", REASON_PLACED_CEASED: "RD4" })
  failsAndPasses("557", { Episodes: [ended({ PLACE: "A4" })], PlacedAdoption: [placed()] }, [[2], [2]], {
    Episodes: [ended({ PLACE: "A4" }), { CHILD: "C2", ...ended({ REC: "E11", PLACE: "A4" }) }],
    PlacedAdoption: [closed]
  })
  describe("from 2024/25 a freeing order no longer counts", () =>
    failsAndPasses(
      "557",
      { Episodes: [ended({ DEC: "01/06/2024", LS: "E1" })], PlacedAdoption: [placed({ CHILD: "C2" })] },
      [[2]],
      { Episodes: [ended({ DEC: "01/06/2024", LS: "D1" })], PlacedAdoption: [placed({ CHILD: "C2" })] },
      { year: 2025 }
    ))
})

describe("rule 558", () => {
  const adopted = ended({ REC: "E11", PLACE: "A4" })
  failsAndPasses(
    "558",
    {
      Episodes: [adopted],
      PlacedAdoption: [placed({ DATE_PLACED_CEASED: "01/06/2017", REASON_PLACED_CEASED: "RD4" })]
    },
    [[2]],
    { Episodes: [adopted], PlacedAdoption: [placed()] }
  )
})

describe("rule 562", () => {
  failsAndPasses(
    "562",
    { Episodes: [{ DECOM: "01/07/2016" }] },
    [[2]],
    { Episodes: [{ DECOM: "01/06/2016" }, { CHILD: "C2", DECOM: "01/05/2017" }] },
    { previous: { Episodes: [{ DECOM: "01/06/2016" }] } }
  )
  it.effect("fails when the child is not in last year's return", () =>
    Effect.map(
      run("562", { Episodes: [{ DECOM: "01/06/2016" }] }, { previous: { Episodes: [{ CHILD: "C2" }] } }),
      (r) => assert.deepStrictEqual(lines(r, "562"), [[2]])
    )
  )
})

describe("rule 567", () => {
  failsAndPasses("567", { Missing: [{ MIS_START: "10/05/2017", MIS_END: "09/05/2017" }] }, [[2]], {
    Missing: [{ MIS_START: "10/05/2017", MIS_END: "10/05/2017" }]
  })
})

describe("rule 575", () => {
  failsAndPasses("575", { Episodes: [ended()], Missing: [{ MIS_START: "10/05/2017" }] }, [[2]], {
    Episodes: [ended(), { CHILD: "C2" }],
    Missing: [
      { MIS_START: "10/05/2017", MIS_END: "12/05/2017" },
      { CHILD: "C2", MIS_START: "10/05/2017" }
    ]
  })
})

describe("rule 577", () => {
  failsAndPasses("577", { Episodes: [ended()], Missing: [{ MIS_START: "10/05/2017" }] }, [[2]], {
    Episodes: [{}],
    Missing: [{ MIS_START: "10/05/2017" }]
  })
})

describe("rule 578", () => {
  failsAndPasses("578", { Episodes: [ended()], Missing: [{ MIS_START: "10/06/2017", MIS_END: "11/06/2017" }] }, [[2]], {
    Episodes: [ended()],
    Missing: [{ MIS_START: "10/05/2017", MIS_END: "11/05/2017" }]
  })
})

describe("rule 579", () => {
  failsAndPasses("579", { PlacedAdoption: [placed(), placed({ DATE_PLACED: "01/05/2017" })] }, [[3]], {
    PlacedAdoption: [
      placed({ DATE_PLACED_CEASED: "01/04/2017", REASON_PLACED_CEASED: "RD1" }),
      placed({ DATE_PLACED: "01/05/2017" })
    ]
  })
})

describe("rule 580", () => {
  const missing = { Missing: [{ DOB: "01/06/1999", MIS_START: "20/05/2017", MIS_END: "01/06/2017" }] }
  failsAndPasses("580", { Episodes: [ended({ REC: "E4A" })], ...missing }, [[2]], {
    Episodes: [ended()],
    ...missing
  })
})

describe("rule 581", () => {
  failsAndPasses(
    "581",
    { Episodes: [{ DECOM: "01/05/2017" }], Missing: [{ MIS_START: "20/04/2017", MIS_END: "21/04/2017" }] },
    [[2]],
    { Episodes: [{ DECOM: "01/05/2017" }], Missing: [{ MIS_START: "02/05/2017", MIS_END: "03/05/2017" }] }
  )
})

describe("rule 582", () => {
  const adopted = { Episodes: [ended({ REC: "E11", PLACE: "A4" })] }
  failsAndPasses("582", { ...adopted, AD1: [{ DATE_MATCH: "01/06/2017" }] }, [[2]], {
    ...adopted,
    AD1: [{ DATE_MATCH: "01/03/2017" }]
  })
})

describe("rule 583", () => {
  failsAndPasses("583", { PlacedAdoption: [placed(), placed({ DATE_PLACED: "01/05/2017" })] }, [[2]], {
    PlacedAdoption: [
      placed({ DATE_PLACED_CEASED: "01/04/2017", REASON_PLACED_CEASED: "RD1" }),
      placed({ DATE_PLACED: "01/05/2017" })
    ]
  })
})

describe("rule 586", () => {
  failsAndPasses("586", { Missing: [{ DOB: "01/01/2010", MIS_START: "01/01/2010" }] }, [[2]], {
    Missing: [{ DOB: "01/01/2010", MIS_START: "02/01/2010" }]
  })
})

describe("rule 607", () => {
  failsAndPasses("607", { Header: [{ SEX: "2" }], Episodes: [ended()] }, [[2], [2]], {
    Header: [
      { SEX: "2", MOTHER: "0" },
      { CHILD: "C2", SEX: "2" }
    ],
    Episodes: [ended(), { CHILD: "C2", ...ended({ LS: "V3" }) }]
  })
  describe("from 2024/25 (sex F)", () =>
    failsAndPasses(
      "607",
      { Header: [{ SEX: "F" }], Episodes: [ended({ DEC: "01/06/2024" })] },
      [[2], [2]],
      { Header: [{ SEX: "M" }], Episodes: [ended({ DEC: "01/06/2024" })] },
      { year: 2025 }
    ))
})

describe("rule 611", () => {
  failsAndPasses("611", { Header: [{ MOTHER: "1" }] }, [[2]], {
    Header: [{ DOB: "01/01/2000", MOTHER: "1", MC_DOB: "01/01/2017" }]
  })
})

describe("rule 612", () => {
  failsAndPasses("612", { Header: [{ SEX: "2", DOB: "01/01/2000", MOTHER: "0", MC_DOB: "01/01/2017" }] }, [[2]], {
    Header: [{ SEX: "2", DOB: "01/01/2000", MOTHER: "1", MC_DOB: "01/01/2017" }]
  })
  describe("from 2024/25 (sex F)", () =>
    failsAndPasses(
      "612",
      { Header: [{ SEX: "F", DOB: "01/01/2000", MC_DOB: "01/01/2017" }] },
      [[2]],
      {
        Header: [{ SEX: "F", DOB: "01/01/2000", MOTHER: "1", MC_DOB: "01/01/2017" }]
      },
      { year: 2025 }
    ))
})

describe("rule 620", () => {
  failsAndPasses("620", { Header: [{ SEX: "2", DOB: "02/04/2006", MOTHER: "1" }] }, [[2]], {
    Header: [{ SEX: "2", DOB: "01/04/2006", MOTHER: "1" }]
  })
})

describe("rule 621", () => {
  failsAndPasses("621", { Header: [{ DOB: "01/01/2005", MC_DOB: "01/01/2005" }] }, [[2]], {
    Header: [{ DOB: "01/01/2005", MC_DOB: "01/06/2017" }]
  })
})

describe("rule 624", () => {
  const mother = (born: string) => ({ Header: [{ SEX: "2", DOB: "01/01/2000", MOTHER: "1", MC_DOB: born }] })
  failsAndPasses("624", mother("02/01/2016"), [[2]], mother("01/01/2016"), { previous: mother("01/01/2016") })
  it.effect("passes on a blank this year (a care leaver need not give it)", () =>
    Effect.map(run("624", { Header: [{ SEX: "2", DOB: "01/01/2000" }] }, { previous: mother("01/01/2016") }), (r) =>
      assert.deepStrictEqual(lines(r, "624"), [])
    )
  )
})

describe("rule 626", () => {
  failsAndPasses(
    "626",
    { Header: [{ SEX: "2", DOB: "01/01/2000", MOTHER: "1", MC_DOB: "01/03/2017" }] },
    [[2]],
    { Header: [{ SEX: "2", DOB: "01/01/2000", MOTHER: "1", MC_DOB: "01/05/2017" }] },
    { previous: { Header: [{ SEX: "2", DOB: "01/01/2000", MOTHER: "0" }] } }
  )
})

describe("rule 625", () => {
  const mother = (born: string) => ({ Header: [{ SEX: "2", DOB: "01/01/2000", MOTHER: "1", MC_DOB: born }] })
  failsAndPasses("625", { ...mother("01/07/2017"), Episodes: [ended()] }, [[2], [2]], {
    ...mother("01/05/2017"),
    Episodes: [ended()]
  })
  it.effect("fails on a first child born after 31 March to a mother still looked after", () =>
    Effect.map(run("625", { ...mother("01/04/2018"), Episodes: [{}] }), (r) =>
      assert.deepStrictEqual(lines(r, "625"), [[2]])
    )
  )
})

describe("rule 628", () => {
  failsAndPasses(
    "628",
    { Header: [{ SEX: "2", MOTHER: "0" }], Episodes: [{ CHILD: "C2" }], OC3: [{ IN_TOUCH: "YES" }] },
    [[2]],
    { Header: [{ SEX: "2" }], Episodes: [{ CHILD: "C2" }], OC3: [{ IN_TOUCH: "YES" }] }
  )
})

describe("rule 630", () => {
  const started = { Episodes: [{ DECOM: "01/05/2017" }] }
  failsAndPasses("630", { ...started, PrevPerm: [prevPerm({ CHILD: "C2" })] }, [[2]], {
    ...started,
    PrevPerm: [prevPerm({ PREV_PERM: "Z1" })]
  })
  it.effect("fails on an order (P1–P3) without its date", () =>
    Effect.map(run("630", { ...started, PrevPerm: [prevPerm({ PREV_PERM: "P1" })] }), (r) =>
      assert.deepStrictEqual(lines(r, "630"), [[2]])
    )
  )
})

describe("rule 631", () => {
  failsAndPasses("631", { PrevPerm: [prevPerm({ PREV_PERM: "P9" })] }, [[2]], {
    PrevPerm: [prevPerm({ PREV_PERM: "p2" })]
  })
})

describe("rule 632", () => {
  const started = { Episodes: [{ DECOM: "01/05/2017" }] }
  failsAndPasses(
    "632",
    { ...started, PrevPerm: [prevPerm({ PREV_PERM: "P1", DATE_PERM: "ZZ/05/2017" })] },
    [[2], [2]],
    {
      ...started,
      PrevPerm: [prevPerm({ PREV_PERM: "P1", DATE_PERM: "ZZ/04/2017" })]
    }
  )
  it.effect("fails on a date that cannot be read", () =>
    Effect.map(run("632", { ...started, PrevPerm: [prevPerm({ PREV_PERM: "P1", DATE_PERM: "32/01/2017" })] }), (r) =>
      assert.deepStrictEqual(lines(r, "632"), [[2]])
    )
  )
})

describe("rule 633", () => {
  failsAndPasses("633", { PrevPerm: [prevPerm({ LA_PERM: "123" })] }, [[2]], {
    PrevPerm: [prevPerm({ LA_PERM: "999" }), prevPerm({ CHILD: "C2", LA_PERM: "wal" })]
  })
})

describe("rule 634", () => {
  failsAndPasses(
    "634",
    { Episodes: [{ DECOM: "01/03/2017" }], PrevPerm: [prevPerm({ PREV_PERM: "Z1" })] },
    [[2], [2]],
    {
      Episodes: [{ DECOM: "01/05/2017" }],
      PrevPerm: [prevPerm({ PREV_PERM: "Z1" })]
    }
  )
})

describe("rule 635", () => {
  failsAndPasses("635", { PrevPerm: [prevPerm({ PREV_PERM: "Z1", LA_PERM: "999" })] }, [[2]], {
    PrevPerm: [prevPerm({ PREV_PERM: "P1", LA_PERM: "999" }), prevPerm({ CHILD: "C2", PREV_PERM: "Z1" })]
  })
})

describe("rule 1000", () => {
  failsAndPasses("1000", { Episodes: [ended({ REC: "E2" })], OC3: [{ IN_TOUCH: "DIED" }] }, [[2]], {
    Episodes: [ended()],
    OC3: [{ IN_TOUCH: "YES" }]
  })
  it.effect("fails when the child died in care last year", () =>
    Effect.map(
      run(
        "1000",
        { Episodes: [{ CHILD: "C2" }], OC3: [{}] },
        { previous: { Episodes: [ended({ DEC: "01/06/2016", REC: "E2" })] } }
      ),
      (r) => assert.deepStrictEqual(lines(r, "1000"), [[2]])
    )
  )
})

describe("rule 1003", () => {
  failsAndPasses(
    "1003",
    { Episodes: [{ DECOM: "01/05/2017" }], PlacedAdoption: [placed({ DATE_PLACED: "30/04/2017" })] },
    [[2], [2]],
    { Episodes: [{ DECOM: "01/05/2017" }], PlacedAdoption: [placed({ DATE_PLACED: "01/05/2017" })] }
  )
})

describe("rules 1004, 1005, 1006 (missing dates and type)", () => {
  describe("1004", () =>
    failsAndPasses("1004", { Missing: [{ MIS_START: "31/02/2017" }, { CHILD: "C2" }] }, [[2], [3]], {
      Missing: [{ MIS_START: "28/02/2017" }]
    }))
  describe("1005", () =>
    failsAndPasses("1005", { Missing: [{ MIS_START: "01/05/2017", MIS_END: "soon" }] }, [[2]], {
      Missing: [{ MIS_START: "01/05/2017", MIS_END: "" }]
    }))
  describe("1006", () =>
    failsAndPasses("1006", { Missing: [{ MISSING: "X", MIS_START: "01/05/2017" }] }, [[2]], {
      Missing: [{ MISSING: "a", MIS_START: "01/05/2017" }]
    }))
})

describe("rule 1009", () => {
  failsAndPasses("1009", { Episodes: [{ REASON_PLACE_CHANGE: "MOVED" }] }, [[2]], {
    Episodes: [{ REASON_PLACE_CHANGE: "carpl" }]
  })
})

describe("rule 1010", () => {
  failsAndPasses(
    "1010",
    { Episodes: [{}], OC3: [{ CHILD: "C2", IN_TOUCH: "YES" }] },
    [[2]],
    { Episodes: [{}, { CHILD: "C2", DECOM: "01/06/2016" }], OC3: [{ CHILD: "C2", IN_TOUCH: "YES" }] },
    { previous: { Episodes: [{ CHILD: "C2", DECOM: "01/06/2016" }] } }
  )
})

describe("rule 1011", () => {
  failsAndPasses("1011", { Episodes: [ended({ REC: "E3" })], OC3: [{ IN_TOUCH: "YES" }] }, [[2]], {
    Episodes: [ended({ REC: "E3" }), { CHILD: "C2", ...ended() }],
    OC3: [{}, { CHILD: "C2", IN_TOUCH: "YES" }]
  })
})

describe("rule 1012", () => {
  failsAndPasses(
    "1012",
    { Episodes: [{}], Missing: [{ CHILD: "C2", MIS_START: "01/05/2017" }], OC2: [{ CHILD: "C2" }] },
    [[2], [2]],
    { Episodes: [{}], Missing: [{ MIS_START: "01/05/2017" }], OC2: [{}] }
  )
})

describe("rule 1014", () => {
  failsAndPasses(
    "1014",
    { UASC: [uasc()], Episodes: [ended({ DECOM: "01/01/2015", DEC: "01/01/2016" })], OC3: [{ IN_TOUCH: "YES" }] },
    [[2], [2]],
    { UASC: [uasc()], Episodes: [ended({ DECOM: "01/01/2015", DEC: "01/05/2017" })], OC3: [{ IN_TOUCH: "YES" }] }
  )
})

describe("rules 564 and 565 (blank start or type of a missing period)", () => {
  describe("564", () =>
    failsAndPasses("564", { Missing: [{ MIS_START: "" }, { CHILD: "C2", MISSING: "", MIS_START: "" }] }, [[2]], {
      Missing: [{ MIS_START: "01/05/2017" }, { CHILD: "C2", MISSING: "X", MIS_START: "" }]
    }))
  describe("565", () =>
    failsAndPasses(
      "565",
      {
        Missing: [
          { MISSING: "", MIS_START: "01/05/2017" },
          { CHILD: "C2", MISSING: "", MIS_START: "31/02/2017" }
        ]
      },
      [[2], [3]],
      {
        Missing: [
          { MISSING: "", MIS_START: "" },
          { CHILD: "C2", MISSING: "X", MIS_START: "01/05/2017" }
        ]
      }
    ))
})
