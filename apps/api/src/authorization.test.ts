/**
 * Every route × every role × two councils, checked against the matrix in `authorization.ts`: a token bound to
 * council A is allowed on A exactly when the table allows its role, and never on B.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { makeApp } from "./app.ts"
import type { Role } from "./auth.ts"
import { isAllowed, matrix } from "./authorization.ts"
import { type EndpointId, endpoints } from "./endpoints.ts"
import type { ApiRuntime } from "./runtime.ts"
import { bearer, councilA, councilB, csvFiles2019, formOf, makeTestRuntime, secret } from "./testing.ts"

let runtime: ApiRuntime
beforeAll(async () => {
  runtime = await makeTestRuntime()
}, 120_000)
afterAll(() => runtime.dispose())

/** A valid request for each route; a route added without one here fails the completeness test below. */
const requests: { readonly [Id in EndpointId]: (council: string) => { path: string; init?: RequestInit } } = {
  health: () => ({ path: "/health" }),
  openapi: () => ({ path: "/openapi.json" }),
  docs: () => ({ path: "/docs" }),
  listCouncils: () => ({ path: "/v1/councils" }),
  getCouncil: (council) => ({ path: `/v1/councils/${council}` }),
  indicators: (council) => ({ path: `/v1/councils/${council}/indicators?year=2018` }),
  cohorts: (council) => ({ path: `/v1/councils/${council}/cohorts?year=2018&by=age_band` }),
  returnHistory: (council) => ({ path: `/v1/councils/${council}/returns` }),
  uploadReturn: (council) => ({
    path: `/v1/councils/${council}/returns/2019`,
    init: { method: "POST", body: formOf(csvFiles2019()) }
  }),
  validateReturn: (council) => ({
    path: `/v1/councils/${council}/returns/2019/validation`,
    init: { method: "POST", body: formOf(csvFiles2019()) }
  }),
  auditLog: (council) => ({ path: `/v1/councils/${council}/audit` })
}

const roles: ReadonlyArray<Role> = ["admin", "officer", "analyst", "member", "partner", "public"]
const ids = Object.keys(endpoints) as Array<EndpointId>

describe("authorization matrix", () => {
  it("has a row and a sample request for every route", () => {
    expect(Object.keys(matrix).sort()).toEqual([...ids].sort())
    expect(Object.keys(requests).sort()).toEqual([...ids].sort())
  })

  const app = () => makeApp({ runtime, jwtSecret: secret, log: () => {} })

  for (const id of ids) {
    const pathNamesCouncil = endpoints[id].path.includes(":council")
    for (const role of roles) {
      const allowed = isAllowed(id, role)
      it(`${id} × ${role}: ${allowed ? "allowed" : "denied"} on its own council${pathNamesCouncil ? ", denied on another" : ""}`, async () => {
        const headers = await bearer(role, [councilA.id])
        const own = requests[id](councilA.id)
        const res = await app().request(own.path, { ...own.init, headers })
        if (allowed) {
          expect(res.status, `${id} as ${role}`).toBe(endpoints[id].status)
        } else {
          expect(res.status, `${id} as ${role}`).toBe(403)
          expect(((await res.json()) as { type: string }).type).toBe("urn:cpo:problem:role-not-permitted")
        }
        if (pathNamesCouncil) {
          const other = requests[id](councilB.id)
          const denied = await app().request(other.path, { ...other.init, headers })
          expect(denied.status, `${id} as ${role} on another council`).toBe(403)
        }
      })
    }
    it(`${id} without a credential: ${matrix[id] === "open" ? "allowed" : "401"}`, async () => {
      const own = requests[id](councilA.id)
      const res = await app().request(own.path, own.init)
      expect(res.status).toBe(matrix[id] === "open" ? endpoints[id].status : 401)
    })
  }

  it("never shows a council's data to a token bound to another: listing councils as A never names B", async () => {
    for (const role of roles) {
      const res = await app().request("/v1/councils", { headers: await bearer(role, [councilA.id]) })
      const body = (await res.json()) as { councils: Array<{ id: string }> }
      expect(body.councils.map((c) => c.id)).toEqual([councilA.id])
    }
  })
})
