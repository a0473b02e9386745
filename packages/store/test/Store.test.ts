import type { Return } from "@cpo/domain"
import { AuditLog, CalendarDate, ChildHistory, Council, Indicator, ReportingYear, Returns } from "@cpo/domain"
import { assert, describe, expect, layer } from "@effect/vitest"
import { Effect, Exit, Layer, Option } from "effect"
import { SqlClient } from "effect/sql"
import { Store } from "../src/index.ts"
import { engines } from "./Engines.ts"
import * as FakeReturn from "./fixtures/FakeReturn.ts"

const a = Council.CouncilId.make("fake-borough-a")
const b = Council.CouncilId.make("fake-borough-b")
const councilA: Council.Council = {
  id: a,
  name: "Fake Borough A",
  localAuthorityCode: Option.some(Council.LocalAuthorityCode.make("999")),
  // Read back by `councils` below: the 0–17 population is kept (migration 0008).
  population: Option.some(41_250)
}
const councilB: Council.Council = { id: b, name: "Fake Borough B", localAuthorityCode: Option.none() }

const callerOf = (council: Council.CouncilId): AuditLog.Caller => ({
  actor: `analyst@${council}`,
  role: "analyst",
  council: Option.some(council),
  purpose: "903 return preparation"
})

const setUp = Effect.gen(function* () {
  const returns = yield* Returns.Returns
  yield* returns.saveCouncil(councilA)
  yield* returns.saveCouncil(councilB)
})

const fake2018 = FakeReturn.make({ seed: 1, year: 2018, children: 300 })
const fake2018b = FakeReturn.make({ seed: 2, year: 2018, children: 250 })
const fake2019 = FakeReturn.make({ seed: 3, year: 2019, children: 200 })
const fakeB = FakeReturn.make({ seed: 4, year: 2018, children: 120, prefix: "BFAKE" })

/** `cla_31_march` counted by SQL over the stored episodes, independently of the domain's code. */
const claAt31MarchBySql = (council: Council.CouncilId, year: number) =>
  Effect.gen(function* () {
    const sql = yield* SqlClient.SqlClient
    const [row] = yield* sql<{ n: number }>`
      WITH current_import AS (SELECT id FROM imports WHERE council = ${council} AND year = ${year} AND is_current),
      e AS (
        SELECT child_id, start, legal_status, seq,
          CASE WHEN "end" IS NULL AND lead(start) OVER w > start THEN lead(start) OVER w ELSE "end" END AS effective_end
        FROM episodes WHERE import_id = (SELECT id FROM current_import)
        WINDOW w AS (PARTITION BY child_id ORDER BY start, seq)
      ),
      open_at_year_end AS (
        SELECT DISTINCT ON (child_id) child_id, legal_status FROM e
        WHERE start <= ${`${year}-03-31`}::date AND (effective_end IS NULL OR effective_end > ${`${year}-03-31`}::date)
        ORDER BY child_id, start DESC, seq DESC
      )
      SELECT count(*)::int AS n FROM open_at_year_end WHERE legal_status NOT IN ('V3', 'V4')`
    return row!.n
  })

for (const engine of engines) {
  describe(engine.name, () => {
    layer(Layer.provideMerge(Store.layerFromSql, engine.sql), { timeout: 120_000, excludeTestServices: true })((it) => {
      it.effect("creates every table through the numbered migrations, and migrating again changes nothing", () =>
        Effect.gen(function* () {
          const sql = yield* SqlClient.SqlClient
          const tables = yield* sql<{ table_name: string }>`
            SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema()`
          const names = tables.map((t) => t.table_name)
          for (const t of [
            "councils",
            "imports",
            "episodes",
            "deprivation_of_liberty",
            "targets",
            "benchmarks",
            "comparator_groups",
            "priorities",
            "actions",
            "action_updates",
            "entitlements",
            "entitlement_versions",
            "entitlement_take_up",
            "users",
            "user_roles",
            "audit_log"
          ]) {
            expect(names).toContain(t)
          }
          expect(yield* Store.migrate).toEqual([])
        })
      )

      it.effect("keeps an imported return as it was given and makes it current", () =>
        Effect.gen(function* () {
          yield* setUp
          const returns = yield* Returns.Returns
          const record = yield* returns.importReturn(a, fake2018, "sum-2018-a")
          assert.isTrue(record.current)
          assert.strictEqual(record.children, 300)
          const back = yield* returns.current(a, ReportingYear.make(2018))
          expect(back).toEqual(fake2018)
          expect(yield* returns.years(a)).toEqual([2018])
        })
      )

      it.effect("recognises the same files imported again (same checksum) and changes nothing", () =>
        Effect.gen(function* () {
          const returns = yield* Returns.Returns
          const before = yield* returns.history(a)
          const again = yield* returns.importReturn(a, fake2018, "sum-2018-a")
          expect(yield* returns.history(a)).toEqual(before)
          assert.strictEqual(again.id, before[0]!.id)
        })
      )

      it.effect("supersedes the year's return with a new import and keeps the previous one in the history", () =>
        Effect.gen(function* () {
          const returns = yield* Returns.Returns
          yield* returns.importReturn(a, fake2018b, "sum-2018-a-v2")
          yield* returns.importReturn(a, fake2019, "sum-2019-a")
          expect(yield* returns.current(a, ReportingYear.make(2018))).toEqual(fake2018b)
          expect(yield* returns.years(a)).toEqual([2019, 2018])
          const history = yield* returns.history(a)
          expect(history.map((h) => [h.year, h.checksum, h.current])).toEqual([
            [2019, "sum-2019-a", true],
            [2018, "sum-2018-a-v2", true],
            [2018, "sum-2018-a", false]
          ])
        })
      )

      it.effect("answers ReturnNotFound for a year never imported and CouncilNotFound for an unknown council", () =>
        Effect.gen(function* () {
          const returns = yield* Returns.Returns
          const missingYear = yield* Effect.flip(returns.current(a, ReportingYear.make(2001)))
          assert.strictEqual(missingYear._tag, "ReturnNotFound")
          const unknown = yield* Effect.flip(returns.years(Council.CouncilId.make("no-such-council")))
          assert.strictEqual(unknown._tag, "CouncilNotFound")
        })
      )

      it.effect("never lets a caller of council A read or write council B", () =>
        Effect.gen(function* () {
          const returns = yield* Returns.Returns
          yield* returns.importReturn(b, fakeB, "sum-2018-b")
          const asA = AuditLog.withCaller(callerOf(a))
          expect(yield* asA(returns.councils)).toEqual([councilA])
          assert.strictEqual(
            (yield* asA(Effect.flip(returns.current(b, ReportingYear.make(2018)))))._tag,
            "CouncilNotFound"
          )
          assert.strictEqual((yield* asA(Effect.flip(returns.history(b))))._tag, "CouncilNotFound")
          assert.strictEqual((yield* asA(Effect.flip(returns.importReturn(b, fake2019, "x"))))._tag, "CouncilNotFound")
          const stillB = yield* returns.history(b)
          expect(stillB.map((h) => h.checksum)).toEqual(["sum-2018-b"])
        })
      )

      it.effect("hides and refuses other councils' rows in the database itself, whatever the query says", () =>
        Effect.gen(function* () {
          const sql = yield* SqlClient.SqlClient
          // A buggy query with no council condition, run as the application for council A.
          const councils = yield* Store.scoped(a)(
            sql<{ council: string }>`SELECT DISTINCT council FROM episodes ORDER BY council`
          )
          expect(councils.map((r) => r.council)).toEqual([a])
          const imports = yield* Store.scoped(a)(sql<{ council: string }>`SELECT DISTINCT council FROM imports`)
          expect(imports.map((r) => r.council)).toEqual([a])
          const write = yield* Effect.exit(
            Store.scoped(a)(sql`UPDATE imports SET checksum = 'tampered' WHERE council = ${b} RETURNING id`)
          )
          expect(Exit.isSuccess(write) ? write.value : "failed").toEqual([])
          const insert = yield* Effect.exit(
            Store.scoped(a)(sql`INSERT INTO audit_log (council, actor, role, action, purpose, subject)
              VALUES (${b}, 'x', 'analyst', 'read', 'x', '{}')`)
          )
          assert.isTrue(Exit.isFailure(insert))
          const [bRows] = yield* sql<{ n: number }>`SELECT count(*)::int AS n FROM imports WHERE checksum = 'tampered'`
          assert.strictEqual(bRows!.n, 0)
        })
      )

      it.effect("records who read child-level data, when and why, and keeps the log append-only", () =>
        Effect.gen(function* () {
          const returns = yield* Returns.Returns
          const audit = yield* AuditLog.AuditLog
          const sql = yield* SqlClient.SqlClient
          yield* AuditLog.withCaller(callerOf(a))(returns.current(a, ReportingYear.make(2018)))
          const [latest] = yield* audit.entries(a)
          assert.strictEqual(latest!.actor, "analyst@fake-borough-a")
          assert.strictEqual(latest!.purpose, "903 return preparation")
          assert.strictEqual(latest!.action, "read")
          expect(latest!.subject).toEqual({
            _tag: "Cohort",
            description: expect.stringContaining("2017/18"),
            children: 250
          })
          assert.match(latest!.at, /^\d{4}-\d{2}-\d{2}T/)
          yield* audit.record(
            AuditLog.access(callerOf(a), a, "export", { _tag: "Children", childIds: ["FAKE-000001"] })
          )
          expect((yield* audit.entries(a))[0]!.subject).toEqual({ _tag: "Children", childIds: ["FAKE-000001"] })
          assert.isTrue((yield* audit.entries(b)).every((e) => e.council === b))
          const update = yield* Effect.exit(Store.scoped(a)(sql`UPDATE audit_log SET purpose = 'edited'`))
          assert.isTrue(Exit.isFailure(update))
          const remove = yield* Effect.exit(Store.scoped(a)(sql`DELETE FROM audit_log`))
          assert.isTrue(Exit.isFailure(remove))
          const asOwner = yield* Effect.exit(sql`DELETE FROM audit_log`)
          assert.isTrue(Exit.isFailure(asOwner))
        })
      )

      it.effect("counts cla_31_march by SQL over the stored episodes exactly as the domain's indicator does", () =>
        Effect.gen(function* () {
          const returns = yield* Returns.Returns
          for (const [council, year] of [
            [a, 2018],
            [a, 2019],
            [b, 2018]
          ] as const) {
            const ret = yield* returns.current(council, ReportingYear.make(year))
            const measured = Indicator.measure(Indicator.claAt31March, {
              year: ReportingYear.make(year),
              histories: ChildHistory.index(ret),
              tables: new Set<Return.TableName>(["children", "episodes"]),
              population: Option.none()
            })
            const bySql = yield* claAt31MarchBySql(council, year)
            assert.isTrue(bySql > 0)
            expect(Option.getOrNull(measured.value)).toEqual(bySql)
          }
        })
      )

      it.effect("lists records past retention in a dry run, then deletes them and reports what it deleted", () =>
        Effect.gen(function* () {
          const returns = yield* Returns.Returns
          const retention = yield* Store.Retention
          const old = FakeReturn.make({ seed: 9, year: 1995, children: 40, prefix: "OLD", oldestBirthYear: 1920 })
          yield* returns.importReturn(b, old, "sum-1995-b")
          const asOf = CalendarDate.make("2026-11-24")
          const dry = yield* retention.run({ asOf, dryRun: true })
          assert.isTrue(dry.expired.length > 0)
          assert.isTrue(dry.expired.every((e) => e.council === b && e.year === 1995 && e.retainUntil <= asOf))
          assert.isTrue(dry.expired.every((e) => e.rule === "75th birthday"))
          expect((yield* returns.current(b, ReportingYear.make(1995))).children.length).toEqual(40)
          const adopted = new Set(Option.getOrElse(old.adoptions, () => []).map((x) => x.childId))
          assert.isTrue(dry.expired.every((e) => !adopted.has(e.childId as never)))
          const done = yield* retention.run({ asOf, dryRun: false })
          expect(done.expired.map((e) => e.childId)).toEqual(dry.expired.map((e) => e.childId))
          assert.strictEqual(done.rowsDeleted, dry.rowsDeleted)
          const after = yield* returns.current(b, ReportingYear.make(1995))
          const gone = new Set(done.expired.map((e) => e.childId))
          assert.strictEqual(after.children.length, 40 - gone.size)
          assert.isTrue(after.episodes.every((e) => !gone.has(e.childId)))
          expect((yield* retention.run({ asOf, dryRun: true })).expired).toEqual([])
          expect((yield* returns.current(a, ReportingYear.make(2018))).children.length).toEqual(250)
        })
      )
    })
  })
}
