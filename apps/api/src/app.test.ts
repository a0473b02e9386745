import { Benchmark, ChildHistory, ReportingYear, Scorecard } from "@cpo/domain"
import { Option } from "effect"
import { describe, expect, it } from "vitest"
import { makeApp } from "./app.ts"
import type { LogLine } from "./runtime.ts"
import { bearer, councilA, councilB, csvFiles2019, formOf, returnA2018, returnB2018, secret } from "./testing.ts"
import { seededApi } from "./testing-app.ts"

const { runtime } = seededApi()
const logs: Array<LogLine> = []
const app = () => makeApp({ runtime: runtime(), jwtSecret: secret, log: (line) => logs.push(line) })
const demoApp = () => makeApp({ runtime: runtime(), jwtSecret: secret, demo: true, log: () => {} })

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
  it("returns the document Scorecard.make builds from the stored return (the same as cpo indicators --benchmarks --format json)", async () => {
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
      },
      benchmarks: Benchmark.englandDefaults
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
      },
      benchmarks: Benchmark.englandDefaults
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
    const keyed = makeApp({ runtime: runtime(), apiKeys: [entry], log: () => {} })
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

describe("4xx problem documents", () => {
  const base = (council: string) => `/v1/councils/${council}`
  const jsonPost = (body: string, headers: Record<string, string>, contentType = "application/json") => ({
    method: "POST",
    body,
    headers: { ...headers, "content-type": contentType }
  })
  const update = JSON.stringify({ on: "2018-02-01", rag: "green", commentary: "fine" })
  const signed = async (claims: { issuer?: string; audience?: string; councils?: unknown }) => {
    const { SignJWT } = await import("jose")
    const token = await new SignJWT({ role: "officer", councils: claims.councils ?? [councilA.id] })
      .setProtectedHeader({ alg: "HS256" })
      .setSubject("x")
      .setIssuer(claims.issuer ?? "cpo")
      .setAudience(claims.audience ?? "cpo-api")
      .setExpirationTime("1h")
      .sign(new TextEncoder().encode(secret))
    return { authorization: `Bearer ${token}` }
  }

  /** Each case: what is sent, and the status and problem type it must be answered with. */
  const cases: ReadonlyArray<{
    readonly name: string
    readonly request: () => Promise<{ path: string; init?: RequestInit; maxUploadBytes?: number }>
    readonly status: number
    readonly type: string
    readonly fields?: ReadonlyArray<string>
  }> = [
    {
      name: "malformed JSON",
      request: async () => ({
        path: `${base(councilA.id)}/priorities/P1/updates`,
        init: jsonPost('{"on": "2018-02-01", "rag":', await bearer("officer", [councilA.id]))
      }),
      status: 400,
      type: "malformed-body"
    },
    {
      name: "a JSON array where an object is expected",
      request: async () => ({
        path: `${base(councilA.id)}/priorities/P1/updates`,
        init: jsonPost("[1, 2]", await bearer("officer", [councilA.id]))
      }),
      status: 400,
      type: "validation-failed"
    },
    {
      name: "wrong types in the body",
      request: async () => ({
        path: `${base(councilA.id)}/priorities/P1/updates`,
        init: jsonPost(
          JSON.stringify({ on: 20180201, rag: "green", commentary: ["fine"] }),
          await bearer("officer", [councilA.id])
        )
      }),
      status: 400,
      type: "validation-failed",
      fields: ["body:commentary", "body:on"]
    },
    {
      name: "an impossible date in the body",
      request: async () => ({
        path: `${base(councilA.id)}/priorities/P1/updates`,
        init: jsonPost(
          JSON.stringify({ on: "2018-02-30", rag: "green", commentary: "fine" }),
          await bearer("officer", [councilA.id])
        )
      }),
      status: 400,
      type: "validation-failed",
      fields: ["body:on"]
    },
    {
      name: "an unknown RAG code",
      request: async () => ({
        path: `${base(councilA.id)}/priorities/P1/updates`,
        init: jsonPost(
          JSON.stringify({ on: "2018-02-01", rag: "purple", commentary: "fine" }),
          await bearer("officer", [councilA.id])
        )
      }),
      status: 400,
      type: "validation-failed",
      fields: ["body:rag"]
    },
    {
      name: "an unknown cohort dimension",
      request: async () => ({
        path: `${base(councilA.id)}/cohorts?year=2018&by=star_sign`,
        init: { headers: await bearer("officer", [councilA.id]) }
      }),
      status: 400,
      type: "validation-failed",
      fields: ["query:by.0"]
    },
    {
      name: "an unknown take-up stage",
      request: async () => ({
        path: `${base(councilA.id)}/takeup`,
        init: jsonPost(
          JSON.stringify({ entitlementId: "personal-adviser", childId: "FA1", stage: "stolen", on: "2018-01-10" }),
          await bearer("officer", [councilA.id])
        )
      }),
      status: 400,
      type: "validation-failed",
      fields: ["body:stage"]
    },
    {
      name: "an oversized upload to the validation route",
      request: async () => ({
        path: `${base(councilA.id)}/returns/2019/validation`,
        init: { method: "POST", body: formOf(csvFiles2019()), headers: await bearer("analyst", [councilA.id]) },
        maxUploadBytes: 200
      }),
      status: 413,
      type: "payload-too-large"
    },
    {
      name: "no credential on a write",
      request: async () => ({ path: `${base(councilA.id)}/priorities/P1/updates`, init: jsonPost(update, {}) }),
      status: 401,
      type: "unauthenticated"
    },
    {
      name: "an expired token on a write",
      request: async () => ({
        path: `${base(councilA.id)}/priorities/P1/updates`,
        init: jsonPost(update, await bearer("officer", [councilA.id], "-1m"))
      }),
      status: 401,
      type: "expired-token"
    },
    {
      name: "a token for another audience",
      request: async () => ({
        path: `${base(councilA.id)}/priorities`,
        init: { headers: await signed({ audience: "another-api" }) }
      }),
      status: 401,
      type: "invalid-credentials"
    },
    {
      name: "a token from another issuer",
      request: async () => ({
        path: `${base(councilA.id)}/priorities`,
        init: { headers: await signed({ issuer: "x" }) }
      }),
      status: 401,
      type: "invalid-credentials"
    },
    {
      name: "a token whose councils are not council ids",
      request: async () => ({
        path: `${base(councilA.id)}/priorities`,
        init: { headers: await signed({ councils: "fake-borough-a" }) }
      }),
      status: 401,
      type: "invalid-credentials"
    },
    {
      name: "a scheme other than Bearer",
      request: async () => ({
        path: `${base(councilA.id)}/priorities`,
        init: { headers: { authorization: "Basic YTpi" } }
      }),
      status: 401,
      type: "invalid-credentials"
    },
    {
      name: "an upload to another council",
      request: async () => ({
        path: `${base(councilB.id)}/returns/2019`,
        init: { method: "POST", body: formOf(csvFiles2019()), headers: await bearer("officer", [councilA.id]) }
      }),
      status: 403,
      type: "council-not-permitted"
    },
    {
      name: "a progress update to another council's priority",
      request: async () => ({
        path: `${base(councilB.id)}/priorities/P1/updates`,
        init: jsonPost(update, await bearer("officer", [councilA.id]))
      }),
      status: 403,
      type: "council-not-permitted"
    },
    {
      name: "another council's child",
      request: async () => ({
        path: `${base(councilA.id)}/entitlements/FB1?on=2018-03-31`,
        init: { headers: await bearer("officer", [councilA.id]) }
      }),
      status: 404,
      type: "child-not-found"
    }
  ]

  for (const c of cases) {
    it(`answers ${c.status} ${c.type} for ${c.name}`, async () => {
      const { path, init, maxUploadBytes } = await c.request()
      const served = makeApp({
        runtime: runtime(),
        jwtSecret: secret,
        log: () => {},
        ...(maxUploadBytes ? { maxUploadBytes } : {})
      })
      const res = await served.request(path, init)
      expect(res.status).toBe(c.status)
      expect(res.headers.get("content-type")).toBe("application/problem+json")
      const problem = (await res.json()) as {
        type: string
        status: number
        instance: string
        requestId: string
        errors?: Array<{ in: string; field: string }>
      }
      expect(problem).toMatchObject({
        type: `urn:cpo:problem:${c.type}`,
        status: c.status,
        instance: path.split("?")[0]
      })
      expect(problem.requestId).toBe(res.headers.get("x-request-id"))
      if (c.fields !== undefined) expect(problem.errors?.map((e) => `${e.in}:${e.field}`).sort()).toEqual(c.fields)
    })
  }

  it("leaves nothing written after a refused write", async () => {
    const before = await app().request(`${base(councilB.id)}/returns`, {
      headers: await bearer("admin", [councilB.id])
    })
    await app().request(`${base(councilB.id)}/returns/2019`, {
      method: "POST",
      body: formOf(csvFiles2019()),
      headers: await bearer("officer", [councilA.id])
    })
    const after = await app().request(`${base(councilB.id)}/returns`, { headers: await bearer("admin", [councilB.id]) })
    expect(await after.json()).toEqual(await before.json())
  })
})
