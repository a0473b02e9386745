import { assert, describe, it } from "@effect/vitest"
import { Effect, Schema } from "effect"
import { AuditLog, type Council } from "../src/index.ts"

const council = "fake-borough" as Council.CouncilId

describe("AuditLog.Entries", () => {
  it.effect("answers the log newest first with each subject tagged, through JSON and back", () =>
    Effect.gen(function* () {
      const log = yield* AuditLog.AuditLog
      const analyst: AuditLog.Caller = { ...AuditLog.system, actor: "analyst@fake", role: "analyst" }
      yield* log.record(AuditLog.access(analyst, council, "read", { _tag: "Children", childIds: ["FAKE1"] }))
      yield* log.record(
        AuditLog.access(AuditLog.system, council, "import", { _tag: "Cohort", description: "2018 return", children: 3 })
      )
      const entries: AuditLog.Entries = { entries: yield* log.entries(council) }
      assert.deepStrictEqual(
        entries.entries.map((e) => [e.action, e.subject._tag]),
        [
          ["import", "Cohort"],
          ["read", "Children"]
        ]
      )
      const json: unknown = JSON.parse(JSON.stringify(Schema.encodeSync(AuditLog.Entries)(entries)))
      assert.deepStrictEqual(Schema.decodeUnknownSync(AuditLog.Entries)(json), entries)
    }).pipe(Effect.provide(AuditLog.layerMemory))
  )
})
