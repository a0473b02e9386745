import { mkdtempSync, rmSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { Council, Indicator, IndicatorReference, Returns } from "@cpo/domain"
import { Store } from "@cpo/store"
import { afterAll, describe, expect, it } from "@effect/vitest"
import { Effect, Option } from "effect"
import { fakeReturn } from "../../test/fake-return.ts"
import { migratedStore } from "../../test/stores.ts"
import { measuresCommand } from "./measures.ts"
import { pledgesCommand } from "./pledges.ts"
import { report } from "./report.ts"
import { runInProcess } from "./run-in-process.ts"

const council = Council.CouncilId.make("fake-measures-cli")

/** A plainly fake 2024/25 return: one child looked after all year, so the council has a scorecard to report. */
const fakeReturn2025 = () => fakeReturn(2025, [{ id: "FAKE-MEASURES-1", born: 2012, start: "2023-09-01" }])

// Every command opens the file-backed store afresh, as the real CLI does; the store starts as a migrated copy.
describe("cpo measures and cpo pledges", () => {
  const dir = mkdtempSync(join(tmpdir(), "cpo-cli-measures-"))
  const dataDir = migratedStore(join(dir, "data"))
  afterAll(() => rmSync(dir, { recursive: true, force: true }))
  const measures = (args: ReadonlyArray<string>) => runInProcess(measuresCommand, dataDir, args)
  const pledges = (args: ReadonlyArray<string>) => runInProcess(pledgesCommand, dataDir, args)
  const c = ["--council", council]

  it.live(
    "defines a ready-made measure, imports figures and targets, and lists it with RAG for members",
    () =>
      Effect.gen(function* () {
        yield* Effect.gen(function* () {
          const returns = yield* Returns.Returns
          yield* returns.saveCouncil({ id: council, name: "Fake Measures Borough", localAuthorityCode: Option.none() })
          yield* returns.importReturn(council, fakeReturn2025(), "measures-cli")
        }).pipe(Effect.provide(Store.layer({ dataDir })))
        expect(yield* measures(["templates", "--format", "csv"])).toContain("return_interviews_completed_pct")
        yield* measures(["define", ...c, "--template", "return_interviews_completed_pct"])
        const rows = [
          "measure,period,numerator,denominator,value",
          ...Array.from({ length: 12 }, (_, i) => {
            const m = ((i + 3) % 12) + 1
            const y = m >= 4 ? 2024 : 2025
            // March 2025 has 3 of 4: a small count members must not see.
            return m === 3
              ? `return_interviews_completed_pct,${y}-03,3,4,`
              : `return_interviews_completed_pct,${y}-${String(m).padStart(2, "0")},30,50,`
          })
        ]
        writeFileSync(join(dir, "values.csv"), `${rows.join("\n")}\n`)
        writeFileSync(
          join(dir, "targets.csv"),
          "measure,year,target,tolerance\nreturn_interviews_completed_pct,2025,70,5\n"
        )
        yield* measures(["import", ...c, "--file", join(dir, "values.csv")])
        yield* measures(["targets", ...c, "--file", join(dir, "targets.csv")])
        const officer = JSON.parse(yield* measures(["list", ...c, "--year", "2025", "--format", "json"]))
        expect(officer[0].id).toBe("return_interviews_completed_pct")
        expect(officer[0].numerator).toBe(333)
        expect(officer[0].target).toBe(70)
        expect(officer[0].rag).toBe("red")
        expect(officer[0].latest.display).toBe("75")
        const member = JSON.parse(
          yield* measures(["list", ...c, "--year", "2025", "--audience", "member", "--format", "json"])
        )
        expect(member[0].latest.display).toBe("c")
        const csv = yield* measures(["values", ...c, "--measure", "return_interviews_completed_pct"])
        expect(csv.split("\n")[0]).toBe("measure,period,numerator,denominator,value")
        expect(csv).toContain("return_interviews_completed_pct,2025-03,3,4,")
        const refused = yield* Effect.flip(measures(["define", ...c, "--template", "nope"]))
        expect(refused.message).toContain("no ready-made measure nope")
      }),
    240_000
  )

  it.live(
    "keeps a pledge whose evidence leads to a measure, reviews it and refuses evidence that leads nowhere",
    () =>
      Effect.gen(function* () {
        yield* pledges([
          "add",
          ...c,
          "--id",
          "missing-1",
          "--promise",
          "We will listen when you come home after being missing",
          "--owner",
          "Missing from care service",
          "--measure",
          "return_interviews_completed_pct"
        ])
        yield* pledges(["review", ...c, "--id", "missing-1", "--on", "2025-02-01", "--status", "partly_kept"])
        const listed = JSON.parse(yield* pledges(["list", ...c, "--format", "json"]))
        expect(listed[0]).toMatchObject({
          id: "missing-1",
          status: "partly_kept",
          reviewed_with_children: "2025-02-01",
          evidence: "measure:return_interviews_completed_pct",
          problems: ""
        })
        const refused = yield* Effect.flip(
          pledges(["add", ...c, "--id", "x", "--promise", "We will", "--owner", "Someone", "--measure", "gone"])
        )
        expect(refused.message).toContain("evidence measure gone is not held")
        yield* pledges([
          "theme",
          ...c,
          "--id",
          "t1",
          "--on",
          "2025-01-10",
          "--theme",
          "Wi-fi",
          "--summary",
          "Young people want wi-fi after 9pm",
          "--raised-by",
          "4"
        ])
        const themes = JSON.parse(yield* pledges(["themes", ...c, "--audience", "member", "--format", "json"]))
        expect(themes[0].raised_by).toBe("c")
      }),
    240_000
  )

  it.live(
    "puts the stored council's local measures and pledges in cpo report, small numbers hidden for members",
    () =>
      Effect.gen(function* () {
        const text = yield* runInProcess(report, dataDir, [
          "--council",
          council,
          "--year",
          "2025",
          "--audience",
          "member",
          "--format",
          "md"
        ])
        expect(text).toContain("## Local measures")
        expect(text).toContain("| Return home interviews completed within 72 hours | Monthly | March 2025 | c |")
        expect(text).toContain("## Our pledges")
        expect(text).toContain("We will listen when you come home after being missing")
      }),
    240_000
  )

  it.live(
    "gives the indicators in cpo report --council the council's stored targets, as the API's report does",
    () =>
      Effect.gen(function* () {
        const officerReport = runInProcess(report, dataDir, [
          ...c,
          "--year",
          "2025",
          "--audience",
          "officer",
          "--format",
          "md"
        ])
        // The one child is fostered all year: 100 %, against a stored target of 80 % with 5 of tolerance.
        expect(yield* officerReport).not.toMatch(/In foster placements[^\n]*100%[^\n]*80%/)
        yield* IndicatorReference.IndicatorReference.use((reference) =>
          reference.replaceTargets(council, [
            { indicator: Indicator.IndicatorId.make("placed_foster_pct"), year: 2025, value: 80, tolerance: 5 }
          ])
        ).pipe(Effect.provide(Store.layer({ dataDir })))
        expect(yield* officerReport).toMatch(/In foster placements[^\n]*100%[^\n]*80%/)
      }),
    240_000
  )
})
