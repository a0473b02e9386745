import { assert, describe, it } from "@effect/vitest"
import { Effect, Exit } from "effect"
import { parseYears } from "./synth.ts"

describe("parseYears", () => {
  it.effect("reads a range and a single year", () =>
    Effect.gen(function* () {
      assert.deepStrictEqual(yield* parseYears("2016-2018"), { from: 2016, to: 2018 })
      assert.deepStrictEqual(yield* parseYears("2018"), { from: 2018, to: 2018 })
    })
  )

  it.effect("rejects a reversed or malformed range", () =>
    Effect.gen(function* () {
      assert.isTrue(Exit.isFailure(yield* Effect.exit(parseYears("2018-2016"))))
      assert.isTrue(Exit.isFailure(yield* Effect.exit(parseYears("last year"))))
    })
  )
})
