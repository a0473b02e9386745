import { assert, describe, it } from "@effect/vitest"
import { Effect, Option, Schema } from "effect"
import { type Council, Returns } from "../src/index.ts"
import { episode, returnOf } from "./fixtures.ts"

const council: Council.Council = {
  id: "fake-borough" as Council.CouncilId,
  name: "Fake Borough",
  localAuthorityCode: Option.none()
}

describe("Returns.History", () => {
  it.effect("lists every import with the current one marked, through JSON and back", () =>
    Effect.gen(function* () {
      const returns = yield* Returns.Returns
      yield* returns.saveCouncil(council)
      yield* returns.importReturn(council.id, returnOf(2018, [episode({ start: "2017-05-01" })]), "first")
      yield* returns.importReturn(council.id, returnOf(2018, [episode({ start: "2017-06-01" })]), "second")
      const history: Returns.History = { imports: yield* returns.history(council.id) }
      assert.deepStrictEqual(
        history.imports.map((i) => [i.checksum, i.current]),
        [
          ["first", false],
          ["second", true]
        ]
      )
      const json: unknown = JSON.parse(JSON.stringify(Schema.encodeSync(Returns.History)(history)))
      assert.deepStrictEqual(Schema.decodeUnknownSync(Returns.History)(json), history)
    }).pipe(Effect.provide(Returns.layerMemory))
  )
})
