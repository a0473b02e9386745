/**
 * Fuzzing every route (issue 12): random path values, query strings and bodies — malformed JSON, random JSON, random
 * bytes, multipart with random files, CSV text — sent by an officer and an admin. The API must never answer 5xx, and every
 * refusal must be an `application/problem+json` document. The default run tries a bounded number of requests;
 * `pnpm fuzz` sets CPO_FUZZ_RUNS for a long run.
 */

import type { UserRole } from "@cpo/domain"
import { describe, expect, it } from "@effect/vitest"
import * as fc from "fast-check"
import { makeApp } from "./app.ts"
import { endpoints } from "./endpoints.ts"
import { bearer, councilA, makeTestRuntime, secret } from "./testing.ts"

const runs = Number(process.env.CPO_FUZZ_RUNS ?? 150)

const runtime = await makeTestRuntime()
const app = makeApp({ runtime, jwtSecret: secret, log: () => undefined, maxUploadBytes: 64 * 1024 })
const headersOf: Record<"officer" | "admin", Record<string, string>> = {
  officer: await bearer("officer" satisfies UserRole.UserRole, [councilA.id]),
  admin: await bearer("admin" satisfies UserRole.UserRole, [councilA.id])
}

const text = fc.oneof(
  fc.constantFrom("", "2018", "-1", "1e999", "null", "%00", "..%2F..", "fake-borough-a", "x".repeat(300), "2018-02-30"),
  fc.string({ maxLength: 40 }),
  fc.string({ unit: "binary", maxLength: 20 })
)

const body = fc.oneof(
  fc.constant({ kind: "none" as const }),
  fc.jsonValue({ maxDepth: 4 }).map((v) => ({ kind: "json" as const, text: JSON.stringify(v) })),
  fc.string({ maxLength: 200 }).map((s) => ({ kind: "json" as const, text: `{${s}` })),
  fc.uint8Array({ maxLength: 2000 }).map((bytes) => ({ kind: "bytes" as const, bytes })),
  fc
    .array(fc.array(fc.oneof(fc.constantFrom("indicator", "year", "target", "placed_foster_pct", "2018"), text)), {
      maxLength: 5
    })
    .map((rows) => ({ kind: "csv" as const, text: rows.map((r) => r.join(",")).join("\n") })),
  fc
    .array(fc.tuple(fc.string({ maxLength: 20 }), fc.uint8Array({ maxLength: 3000 })), { maxLength: 3 })
    .map((files) => ({ kind: "multipart" as const, files }))
)

const request = fc.record({
  endpoint: fc.constantFrom(...Object.values(endpoints)),
  role: fc.constantFrom("officer" as const, "admin" as const),
  params: fc.array(fc.oneof(fc.constant(councilA.id as string), text), { minLength: 4, maxLength: 4 }),
  query: fc.array(fc.tuple(fc.constantFrom("year", "audience", "on", "by", "format", "asOf", "cohort", "from"), text), {
    maxLength: 4
  }),
  body
})

const encode = (s: string) => encodeURIComponent(s)

describe("fuzzing every route", () => {
  it("never answers 5xx, and refuses with a problem document", async () => {
    const failures: Array<string> = []
    await fc.assert(
      fc.asyncProperty(request, async (r) => {
        let i = 0
        const path = r.endpoint.path.replace(/:(\w+)/g, () => encode(r.params[i++ % r.params.length] ?? "x"))
        const query = new URLSearchParams(r.query).toString()
        const url = `${path}${query === "" ? "" : `?${query}`}`
        const init: RequestInit = { method: r.endpoint.method.toUpperCase(), headers: { ...headersOf[r.role] } }
        if (r.endpoint.method !== "get") {
          if (r.body.kind === "json") {
            init.body = r.body.text
            init.headers = { ...init.headers, "content-type": "application/json" }
          } else if (r.body.kind === "bytes") {
            init.body = r.body.bytes
            init.headers = { ...init.headers, "content-type": "application/octet-stream" }
          } else if (r.body.kind === "csv") {
            init.body = r.body.text
            init.headers = { ...init.headers, "content-type": "text/csv" }
          } else if (r.body.kind === "multipart") {
            const form = new FormData()
            for (const [name, bytes] of r.body.files) form.append("files", new File([bytes], `${name}.csv`))
            init.body = form
          }
        }
        const res = await app.request(url, init)
        const type = res.headers.get("content-type") ?? ""
        if (res.status >= 500) failures.push(`${init.method} ${url} → ${res.status} ${await res.text()}`)
        else if (res.status >= 400 && !type.includes("application/problem+json")) {
          failures.push(`${init.method} ${url} → ${res.status} as ${type}`)
        } else await res.arrayBuffer()
      }),
      { numRuns: runs }
    )
    expect(failures).toEqual([])
  })
})
