/**
 * Rules of the 500–1014 range kept out of the registry (`pending`): checked here on returns indexed in full, last
 * year's included, as `Validation.validate` will index them once it reads last year's other tables.
 */
import { ReportingYear } from "@cpo/domain"
import { assert, describe, it } from "@effect/vitest"
import { Effect, Option } from "effect"
import { Ssda903, Validation } from "../../src/index.ts"
import type { Context } from "../../src/Rule.ts"
import { all, pending } from "../../src/rules/Codes5xx6xx1xxx.ts"
import { files, type Tables } from "../rules.ts"

/** The lines of each hit of the pending rule `code`, on `current` and last year's `previous`, both fully indexed. */
const check = (code: string, current: Tables, previous: Tables | undefined, year = 2018) =>
  Effect.gen(function* () {
    const y = ReportingYear.make(year)
    const rule = [...pending, ...all].find((r) => r.code === code)
    assert.isDefined(rule)
    const now = yield* Ssda903.decodeFiles(files(current), { year: y })
    const then =
      previous === undefined
        ? undefined
        : yield* Ssda903.decodeFiles(files(previous), { year: ReportingYear.previous(y) })
    const ctx: Context = {
      year: y,
      yearStart: ReportingYear.start(y),
      yearEnd: ReportingYear.end(y),
      current: Validation.index(now),
      previous: then === undefined ? Option.none() : Option.some(Validation.index(then)),
      area: Option.none()
    }
    return rule!.check(ctx).map((h) => [...h.lines])
  })

const failsAndPasses = (
  code: string,
  bad: Tables,
  badLines: ReadonlyArray<ReadonlyArray<number>>,
  good: Tables,
  previous?: Tables,
  year?: number
) => {
  it.effect("fails", () => Effect.map(check(code, bad, previous, year), (l) => assert.deepStrictEqual(l, badLines)))
  it.effect("passes", () => Effect.map(check(code, good, previous, year), (l) => assert.deepStrictEqual(l, [])))
}

const placed = (row: Record<string, string> = {}) => ({
  CHILD: "C1",
  DOB: "01/01/2015",
  DATE_PLACED: "01/03/2017",
  ...row
})
const ceased = { DATE_PLACED_CEASED: "01/03/2017", REASON_PLACED_CEASED: "RD1" }

describe("pending rule 559", () => {
  failsAndPasses(
    "559",
    { PlacedAdoption: [placed()] },
    [[2]],
    { PlacedAdoption: [placed({ DATE_PLACED: "01/05/2017" }), placed({ CHILD: "C2", DATE_PLACED: "01/04/2017" })] },
    { PlacedAdoption: [placed({ CHILD: "C3" })] }
  )
  it.effect("passes when last year's decision is there", () =>
    Effect.map(check("559", { PlacedAdoption: [placed()] }, { PlacedAdoption: [placed()] }), (l) =>
      assert.deepStrictEqual(l, [])
    )
  )
})

describe("pending rule 560", () => {
  failsAndPasses(
    "560",
    { PlacedAdoption: [placed({ DATE_PLACED: "02/03/2017" })] },
    [[2]],
    { PlacedAdoption: [placed()] },
    { PlacedAdoption: [placed()] }
  )
})

describe("rule 561", () => {
  failsAndPasses(
    "561",
    { PlacedAdoption: [placed()] },
    [[2]],
    { PlacedAdoption: [placed({ DATE_PLACED: "01/05/2017" })] },
    { PlacedAdoption: [placed(ceased)] }
  )
})

describe("rule 584", () => {
  failsAndPasses(
    "584",
    { PlacedAdoption: [placed({ DATE_PLACED: "01/02/2017" })] },
    [[2]],
    { PlacedAdoption: [placed({ DATE_PLACED: "01/05/2017" })] },
    { PlacedAdoption: [placed(ceased)] }
  )
})

describe("pending rule 576", () => {
  const missing = (start: string, end = "") => ({
    CHILD: "C1",
    DOB: "01/01/2010",
    MISSING: "M",
    MIS_START: start,
    MIS_END: end
  })
  failsAndPasses(
    "576",
    { Missing: [missing("02/04/2017", "03/04/2017")] },
    [[2]],
    { Missing: [missing("01/03/2017", "03/04/2017"), missing("10/04/2017")] },
    { Missing: [missing("01/03/2017")] }
  )
})

describe("pending rule 1002", () => {
  failsAndPasses(
    "1002",
    { Episodes: [{}], OC3: [{ CHILD: "C2", IN_TOUCH: "YES" }] },
    [[2]],
    { Episodes: [{}], OC3: [{ IN_TOUCH: "YES" }] },
    { Episodes: [{}] }
  )
  it.effect("passes when the young person had an episode last year", () =>
    Effect.map(check("1002", { Episodes: [{}], OC3: [{ CHILD: "C2" }] }, { Episodes: [{ CHILD: "C2" }] }), (l) =>
      assert.deepStrictEqual(l, [])
    )
  )
})

describe("pending rule 1007", () => {
  const leaver = { OC3: [{ DOB: "01/06/2000", IN_TOUCH: "YES" }] }
  failsAndPasses("1007", { ...leaver, Episodes: [{ DECOM: "01/04/2017", DEC: "01/07/2017", REC: "E8" }] }, [[2]], {
    ...leaver,
    Episodes: [{ DECOM: "01/04/2017", DEC: "01/05/2017", REC: "E8" }]
  })
  it.effect("fails when the episode is still open on the birthday", () =>
    Effect.map(check("1007", { ...leaver, Episodes: [{}] }, undefined), (l) => assert.deepStrictEqual(l, [[2]]))
  )
})

describe("pending rules", () => {
  it("are not in the module's rules in force", () => {
    const inForce = new Set(all.map((r) => r.code))
    for (const r of pending) assert.isFalse(inForce.has(r.code), r.code)
  })
})
