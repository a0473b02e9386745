import { Schema } from "effect"
import fc from "fast-check"
import { Hono } from "hono"
import { describe, expect, it } from "vitest"
import { type Endpoint, endpoints } from "./endpoints.ts"
import { standardSchemaOf, validate } from "./middleware.ts"
import type { ApiEnv } from "./runtime.ts"

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
      const adapter = adapterOf(schema)["~standard"]
      await fc.assert(
        fc.asyncProperty(part, async (input) => {
          expect(await fast.validate(input), name).toEqual(await adapter.validate(input))
        }),
        { numRuns: 40, seed: 903 }
      )
    }
  })

  it("remembers what a query string decoded to, frozen, and never a refusal", async () => {
    const seen: Array<unknown> = []
    const app = new Hono<ApiEnv>().get("/q", validate("query", endpoints.indicators.query), (c) => {
      const query = c.req.valid("query")
      seen.push(query)
      return c.json(query)
    })
    const ask = async (search: string) => {
      const res = await app.request(`/q?${search}`)
      return { status: res.status, body: await res.json() }
    }
    expect(await ask("year=2026&audience=member")).toEqual({ status: 200, body: { year: 2026, audience: "member" } })
    expect(await ask("year=2026&audience=member")).toEqual({ status: 200, body: { year: 2026, audience: "member" } })
    expect(seen[1]).toBe(seen[0])
    expect(Object.isFrozen(seen[0])).toBe(true)
    expect(await ask("year=2025&audience=member")).toEqual({ status: 200, body: { year: 2025, audience: "member" } })
    for (let i = 0; i < 2; i++) {
      const refused = await ask("year=twenty")
      expect(refused.status).toBe(400)
      expect((refused.body as { errors: Array<{ field: string }> }).errors.map((e) => e.field)).toEqual(["year"])
    }
  })

  it("decodes a warm scorecard's query to the year as a number, and names each bad field", async () => {
    const query = standardSchemaOf(endpoints.indicators.query)["~standard"]
    expect(await query.validate({ year: "2026" })).toEqual({ value: { year: 2026 } })
    const refused = await query.validate({ year: "twenty", audience: "king" })
    expect(refused.issues?.map((issue) => issue.path?.map(String))).toEqual([["year"], ["audience"]])
  })
})
