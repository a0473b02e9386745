/** Social worker rules (SW…STG1/STG2) on small hand-made returns. Every id, date and code here is made up. */
import { assert, describe, it } from "@effect/vitest"
import { Effect } from "effect"
import { lines, run, type Tables } from "../rules.ts"

/** A rule fails on `bad` at the given lines and passes on `good`. */
const failsAndPasses = (
  code: string,
  bad: Tables,
  badLines: ReadonlyArray<ReadonlyArray<number>>,
  good: Tables,
  options: Parameters<typeof run>[2] = {}
) => {
  it.effect("fails", () => Effect.map(run(code, bad, options), (r) => assert.deepStrictEqual(lines(r, code), badLines)))
  it.effect("passes", () => Effect.map(run(code, good, options), (r) => assert.deepStrictEqual(lines(r, code), [])))
}

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

describe("the 2024/25 del_list", () => {
  for (const code of ["SW01STG1", "SW03STG1", "SW11aSTG2", "SW14STG2"]) {
    it.effect(`retires ${code}`, () =>
      Effect.map(Effect.exit(run(code, { SWEpisodes: [{ SW_DECOM: "01/05/2024" }] }, y2025)), (exit) =>
        assert.isTrue(exit._tag === "Failure")
      )
    )
  }
})
