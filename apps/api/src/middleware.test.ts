import { Schema } from "effect"
import fc from "fast-check"
import { describe, expect, it } from "vitest"
import { type Endpoint, endpoints } from "./endpoints.ts"
import { standardSchemaOf } from "./middleware.ts"

/** Every Schema a route validates its path, query or JSON body with. */
const schemas = (Object.entries(endpoints) as Array<[string, Endpoint]>).flatMap(([id, endpoint]) => [
  ...(endpoint.params === undefined ? [] : [[`${id} path`, endpoint.params] as const]),
  ...(endpoint.query === undefined ? [] : [[`${id} query`, endpoint.query] as const]),
  ...(endpoint.body.kind === "json" ? [[`${id} body`, endpoint.body.schema] as const] : [])
])

const adapterOf = (schema: Schema.Top) =>
  Schema.toStandardSchemaV1(schema as Schema.Codec<unknown, unknown>, { parseOptions: { errors: "all" } })

/** Request parts as a client might send them: the usual field names with sensible, odd and wrong values. */
const field = fc.constantFrom("council", "year", "audience", "population", "on", "by", "from", "to", "rag", "x")
const value = fc.oneof(
  fc.constantFrom("2026", "2018", "officer", "member", "fake-borough-a", "2026-01-15", "amber", "age_band,sex", "-1"),
  fc.string({ maxLength: 12 }),
  fc.integer(),
  fc.constant(null),
  fc.array(fc.string({ maxLength: 4 }), { maxLength: 2 })
)
const part = fc.dictionary(field, value, { maxKeys: 5 })

describe("request validation", () => {
  it("answers every route's Schema exactly as Effect's Standard Schema adapter does", async () => {
    expect(schemas.length).toBeGreaterThan(20)
    for (const [name, schema] of schemas) {
      const fast = standardSchemaOf(schema as Schema.Codec<unknown, unknown>)["~standard"]
      // Remembering decoded paths and queries must not change an answer, asked once or again.
      const remembering = standardSchemaOf(schema as Schema.Codec<unknown, unknown>, { remember: true })["~standard"]
      const adapter = adapterOf(schema)["~standard"]
      await fc.assert(
        fc.asyncProperty(part, async (input) => {
          const expected = await adapter.validate(input)
          expect(await fast.validate(input), name).toEqual(expected)
          expect(await remembering.validate(input), name).toEqual(expected)
          expect(await remembering.validate({ ...input }), name).toEqual(expected)
        }),
        { numRuns: 40, seed: 903 }
      )
    }
  })

  it("remembers a decoded query as one frozen value, and never a refusal", async () => {
    const query = standardSchemaOf(endpoints.indicators.query, { remember: true })["~standard"]
    const first = await query.validate({ year: "2026", audience: "member" })
    const again = await query.validate({ year: "2026", audience: "member" })
    expect(again).toEqual({ value: { year: 2026, audience: "member" } })
    expect(again).toBe(first)
    expect(Object.isFrozen((again as { value: object }).value)).toBe(true)
    expect(await query.validate({ year: "2025", audience: "member" })).toEqual({
      value: { year: 2025, audience: "member" }
    })
    expect((await query.validate({ year: "twenty" })).issues).toHaveLength(1)
    expect((await query.validate({ year: "twenty" })).issues).toHaveLength(1)
  })

  it("decodes a warm scorecard's query to the year as a number, and names each bad field", async () => {
    const query = standardSchemaOf(endpoints.indicators.query)["~standard"]
    expect(await query.validate({ year: "2026" })).toEqual({ value: { year: 2026 } })
    const refused = await query.validate({ year: "twenty", audience: "king" })
    expect(refused.issues?.map((issue) => issue.path?.map(String))).toEqual([["year"], ["audience"]])
  })
})
