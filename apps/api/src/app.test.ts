import { ChildHistory, ReportingYear, Scorecard } from "@cpo/domain"
import { Option } from "effect"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { makeApp } from "./app.ts"
import type { ApiRuntime, LogLine } from "./runtime.ts"
import { bearer, councilA, councilB, makeTestRuntime, returnA2018, returnB2018, secret } from "./testing.ts"

let runtime: ApiRuntime
const logs: Array<LogLine> = []
const app = () => makeApp({ runtime, jwtSecret: secret, log: (line) => logs.push(line) })
const demoApp = () => makeApp({ runtime, jwtSecret: secret, demo: true, log: () => {} })

beforeAll(async () => {
  runtime = await makeTestRuntime()
}, 120_000)
afterAll(() => runtime.dispose())

const indicatorsOf = (council: string, query = "year=2018") => `/v1/councils/${council}/indicators?${query}`

describe("health", () => {
  it("answers ok without a credential, with a request id", async () => {
    const res = await app().request("/health")
    expect(res.status).toBe(200)
    expect(await res.json()).toEqual({ status: "ok", version: "0.1.0" })
    expect(res.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/)
  })

  it("echoes a sensible X-Request-Id and logs one JSON line with it", async () => {
    const res = await app().request("/health", { headers: { "x-request-id": "trace-42" } })
    expect(res.headers.get("x-request-id")).toBe("trace-42")
    expect(logs.find((l) => l.requestId === "trace-42")).toMatchObject({ msg: "request", status: 200, path: "/health" })
  })
})

describe("indicators", () => {
  it("returns the document Scorecard.make builds from the stored return (the same as cpo indicators --format json)", async () => {
    const res = await app().request(indicatorsOf(councilA.id), { headers: await bearer("officer", [councilA.id]) })
    expect(res.status).toBe(200)
    const expected = Scorecard.make({
      council: "Fake Borough A",
      audience: "officer",
      inputs: {
        year: ReportingYear.make(2018),
        histories: ChildHistory.index(returnA2018),
        tables: new Set(["children", "episodes"]),
        population: Option.none()
      }
    })
    expect(await res.json()).toEqual(JSON.parse(JSON.stringify(expected)))
  })

  it("counts the four children looked after on 31 March 2018 (not the one ending that day, nor short breaks)", async () => {
    const res = await app().request(indicatorsOf(councilA.id), { headers: await bearer("analyst", [councilA.id]) })
    const doc = (await res.json()) as Scorecard.Scorecard
    expect(doc.indicators.find((i) => i.id === "cla_31_march")).toMatchObject({ value: 4, display: "4" })
  })

  it("forces the member audience on a member, suppressing a count of 4 as c even when officer is asked for", async () => {
    const res = await app().request(indicatorsOf(councilA.id, "year=2018&audience=officer"), {
      headers: await bearer("member", [councilA.id])
    })
    const doc = (await res.json()) as Scorecard.Scorecard
    expect(doc.audience).toBe("member")
    expect(doc.indicators.find((i) => i.id === "cla_31_march")).toMatchObject({ value: null, display: "c" })
  })

  it("forces the public audience on a public token", async () => {
    const res = await app().request(indicatorsOf(councilB.id), { headers: await bearer("public", [councilB.id]) })
    expect(((await res.json()) as Scorecard.Scorecard).audience).toBe("public")
  })

  it("passes a population given in the query to the indicators, as the CLI's --population does", async () => {
    const res = await app().request(indicatorsOf(councilB.id, "year=2018&population=35000"), {
      headers: await bearer("officer", [councilB.id])
    })
    const expected = Scorecard.make({
      council: "Fake Borough B",
      audience: "officer",
      inputs: {
        year: ReportingYear.make(2018),
        histories: ChildHistory.index(returnB2018),
        tables: new Set(["children", "episodes"]),
        population: Option.some(35000)
      }
    })
    expect(await res.json()).toEqual(JSON.parse(JSON.stringify(expected)))
  })

  it("answers validation-failed naming each bad field of the query", async () => {
    const res = await app().request(indicatorsOf(councilA.id, "year=abc&audience=everyone"), {
      headers: await bearer("officer", [councilA.id])
    })
    expect(res.status).toBe(400)
    expect(res.headers.get("content-type")).toBe("application/problem+json")
    const problem = (await res.json()) as { type: string; errors: Array<{ in: string; field: string }> }
    expect(problem.type).toBe("urn:cpo:problem:validation-failed")
    expect(problem.errors.map((e) => `${e.in}:${e.field}`).sort()).toEqual(["query:audience", "query:year"])
  })

  it("answers validation-failed for a year outside the supported range and for a missing year", async () => {
    const headers = await bearer("officer", [councilA.id])
    expect((await app().request(indicatorsOf(councilA.id, "year=1800"), { headers })).status).toBe(400)
    const missing = await app().request(`/v1/councils/${councilA.id}/indicators`, { headers })
    expect(missing.status).toBe(400)
    expect(((await missing.json()) as { errors: Array<{ field: string }> }).errors[0]?.field).toBe("year")
  })

  it("answers return-not-found for a year without a current return", async () => {
    const res = await app().request(indicatorsOf(councilA.id, "year=2019"), {
      headers: await bearer("officer", [councilA.id])
    })
    expect(res.status).toBe(404)
    expect(await res.json()).toMatchObject({
      type: "urn:cpo:problem:return-not-found",
      detail: "fake-borough-a has no current return for 2018/19"
    })
  })

  it("answers council-not-found for a council the token names but the store lacks", async () => {
    const res = await app().request(indicatorsOf("fake-borough-z"), {
      headers: await bearer("officer", ["fake-borough-z" as never])
    })
    expect(res.status).toBe(404)
    expect(((await res.json()) as { type: string }).type).toBe("urn:cpo:problem:council-not-found")
  })

  it("answers validation-failed for a council id that is not a slug", async () => {
    const res = await demoApp().request(indicatorsOf("Not_A_Slug"))
    expect(res.status).toBe(400)
    expect(((await res.json()) as { errors: Array<{ in: string }> }).errors[0]?.in).toBe("path")
  })
})

describe("authentication", () => {
  it("refuses a data route without a credential", async () => {
    const res = await app().request(indicatorsOf(councilA.id))
    expect(res.status).toBe(401)
    expect(res.headers.get("www-authenticate")).toContain("Bearer")
    expect(((await res.json()) as { type: string }).type).toBe("urn:cpo:problem:unauthenticated")
  })

  it("refuses a token signed with another secret", async () => {
    const { issueToken } = await import("./auth.ts")
    const forged = await issueToken({
      secret: "another-secret-that-is-also-32-characters-long",
      subject: "mallory",
      role: "officer",
      councils: [councilA.id]
    })
    const res = await app().request(indicatorsOf(councilA.id), { headers: { authorization: `Bearer ${forged}` } })
    expect(res.status).toBe(401)
    expect(((await res.json()) as { type: string }).type).toBe("urn:cpo:problem:invalid-credentials")
  })

  it("refuses an expired token as expired", async () => {
    const headers = await bearer("officer", [councilA.id], "-1m")
    const res = await app().request(indicatorsOf(councilA.id), { headers })
    expect(res.status).toBe(401)
    expect(((await res.json()) as { type: string }).type).toBe("urn:cpo:problem:expired-token")
  })

  it("refuses a token with a tampered payload", async () => {
    const { authorization } = await bearer("member", [councilA.id])
    const [head, payload, signature] = authorization.slice("Bearer ".length).split(".")
    const claims = JSON.parse(Buffer.from(payload ?? "", "base64url").toString())
    const raised = Buffer.from(JSON.stringify({ ...claims, role: "officer" })).toString("base64url")
    const res = await app().request(indicatorsOf(councilA.id), {
      headers: { authorization: `Bearer ${head}.${raised}.${signature}` }
    })
    expect(res.status).toBe(401)
  })

  it("refuses an unsigned (alg none) token and a signed token whose claims are not a cpo principal", async () => {
    const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString("base64url")
    const now = Math.floor(Date.now() / 1000)
    const claims = { sub: "x", role: "officer", councils: [councilA.id], iss: "cpo", aud: "cpo-api", exp: now + 600 }
    const unsigned = `${b64({ alg: "none", typ: "JWT" })}.${b64(claims)}.`
    const { SignJWT } = await import("jose")
    const wrongRole = await new SignJWT({ role: "superuser", councils: [councilA.id] })
      .setProtectedHeader({ alg: "HS256" })
      .setSubject("x")
      .setIssuer("cpo")
      .setAudience("cpo-api")
      .setExpirationTime("1h")
      .sign(new TextEncoder().encode(secret))
    for (const token of [unsigned, wrongRole, "not-a-jwt"]) {
      const res = await app().request(indicatorsOf(councilA.id), { headers: { authorization: `Bearer ${token}` } })
      expect(res.status).toBe(401)
      expect(((await res.json()) as { type: string }).type).toBe("urn:cpo:problem:invalid-credentials")
    }
  })

  it("refuses another council's data with council-not-permitted, whether or not it exists", async () => {
    const headers = await bearer("officer", [councilA.id])
    for (const other of [councilB.id, "fake-borough-z"]) {
      const res = await app().request(indicatorsOf(other), { headers })
      expect(res.status).toBe(403)
      expect(((await res.json()) as { type: string }).type).toBe("urn:cpo:problem:council-not-permitted")
    }
  })

  it("accepts a configured API key and refuses an unknown one", async () => {
    const { makeApiKey } = await import("./auth.ts")
    const { key, entry } = await makeApiKey({ name: "nightly-report", role: "analyst", councils: [councilB.id] })
    const keyed = makeApp({ runtime, apiKeys: [entry], log: () => {} })
    expect((await keyed.request(indicatorsOf(councilB.id), { headers: { "x-api-key": key } })).status).toBe(200)
    expect((await keyed.request(indicatorsOf(councilB.id), { headers: { "x-api-key": `${key}x` } })).status).toBe(401)
  })

  it("lets the demo's anonymous officer read without a token, but never when the demo is off", async () => {
    expect((await demoApp().request(indicatorsOf(councilA.id))).status).toBe(200)
    expect((await app().request(indicatorsOf(councilA.id))).status).toBe(401)
  })
})

describe("councils", () => {
  it("lists only the councils a token is bound to, with their years", async () => {
    const res = await app().request("/v1/councils", { headers: await bearer("member", [councilB.id]) })
    expect(await res.json()).toEqual({
      councils: [{ id: councilB.id, name: "Fake Borough B", localAuthorityCode: null, population: null, years: [2018] }]
    })
  })

  it("lists every council to the demo's officer", async () => {
    const res = await demoApp().request("/v1/councils")
    const body = (await res.json()) as { councils: Array<{ id: string }> }
    expect(body.councils.map((c) => c.id)).toEqual([councilA.id, councilB.id])
  })

  it("answers one council with its years", async () => {
    const res = await app().request(`/v1/councils/${councilA.id}`, { headers: await bearer("partner", [councilA.id]) })
    expect(await res.json()).toMatchObject({ id: councilA.id, name: "Fake Borough A", years: [2018] })
  })
})

describe("returns and audit", () => {
  it("lists the import history of a council", async () => {
    const res = await app().request(`/v1/councils/${councilA.id}/returns`, {
      headers: await bearer("admin", [councilA.id])
    })
    const body = (await res.json()) as { imports: Array<{ year: number; current: boolean; children: number }> }
    expect(body.imports).toHaveLength(1)
    expect(body.imports[0]).toMatchObject({ year: 2018, current: true, children: 6 })
  })

  it("records a read of the return with the caller's stated purpose, listed to an admin", async () => {
    const purpose = "corporate parenting board pack, November"
    const read = await app().request(indicatorsOf(councilB.id), {
      headers: { ...(await bearer("analyst", [councilB.id])), "x-cpo-purpose": purpose }
    })
    expect(read.status).toBe(200)
    const res = await app().request(`/v1/councils/${councilB.id}/audit`, {
      headers: await bearer("admin", [councilB.id])
    })
    expect(res.status).toBe(200)
    const { entries } = (await res.json()) as { entries: Array<{ actor: string; role: string; purpose: string }> }
    expect(entries[0]).toMatchObject({ actor: "token:analyst@test", role: "analyst", action: "read", purpose })
    expect(entries.every((e) => e.actor !== "token:analyst@test" || e.role === "analyst")).toBe(true)
  })
})

describe("errors", () => {
  it("answers an unknown route with a not-found problem", async () => {
    const res = await app().request("/v1/nothing-here")
    expect(res.status).toBe(404)
    expect(res.headers.get("content-type")).toBe("application/problem+json")
    expect(await res.json()).toMatchObject({ type: "urn:cpo:problem:not-found", instance: "/v1/nothing-here" })
  })
})
