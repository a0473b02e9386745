import { Result } from "effect"
import { Hono } from "hono"
import { afterEach, describe, expect, it, vi } from "vitest"
import { issueToken, makeTokenVerifier } from "./auth.ts"
import { authenticate } from "./middleware.ts"
import type { ApiEnv } from "./runtime.ts"
import { secret } from "./testing.ts"

const officerToken = (expiresIn = "1h") =>
  issueToken({ secret, subject: "officer@test", role: "officer", councils: ["fake-borough-a" as never], expiresIn })

/** How many HMAC verifications Web Crypto performs while `run` runs. */
const hmacsDuring = async (run: () => Promise<unknown>): Promise<number> => {
  const verify = vi.spyOn(crypto.subtle, "verify")
  try {
    await run()
    return verify.mock.calls.length
  } finally {
    verify.mockRestore()
  }
}

const failureOf = (result: Result.Result<unknown, string>) => (Result.isFailure(result) ? result.failure : "accepted")

describe("the remembering token verifier", () => {
  it("checks a token's signature once and answers its repeats from memory", async () => {
    const verify = makeTokenVerifier({ secret, capacity: 8 })
    const token = await officerToken()
    const first = await verify(token)
    expect(Result.isSuccess(first) && first.success).toMatchObject({ role: "officer", councils: ["fake-borough-a"] })
    const repeats = await hmacsDuring(async () => {
      for (let i = 0; i < 5; i++) expect(Result.isSuccess(await verify(token))).toBe(true)
    })
    expect(repeats).toBe(0)
  })

  it("refuses a remembered token as expired once its exp has passed", async () => {
    let clock = Date.now()
    const verify = makeTokenVerifier({ secret, capacity: 8, now: () => clock })
    const token = await officerToken("10m")
    expect(Result.isSuccess(await verify(token))).toBe(true)
    clock += 9 * 60 * 1000
    expect(Result.isSuccess(await verify(token))).toBe(true)
    clock += 2 * 60 * 1000
    expect(failureOf(await verify(token))).toBe("expired")
    expect(failureOf(await verify(token))).toBe("expired")
  })

  it("refuses a token already expired when first seen, as expired", async () => {
    const verify = makeTokenVerifier({ secret, capacity: 8 })
    expect(failureOf(await verify(await officerToken("-1m")))).toBe("expired")
  })

  it("refuses a tampered copy of a token it has accepted, and one signed with another secret", async () => {
    const verify = makeTokenVerifier({ secret, capacity: 8 })
    const token = await officerToken()
    expect(Result.isSuccess(await verify(token))).toBe(true)
    const [head, payload, signature] = token.split(".")
    const claims = JSON.parse(Buffer.from(payload ?? "", "base64url").toString())
    const raised = Buffer.from(JSON.stringify({ ...claims, role: "admin" })).toString("base64url")
    expect(failureOf(await verify(`${head}.${raised}.${signature}`))).toBe("invalid")
    const forged = await issueToken({
      secret: "another-secret-that-is-also-32-characters-long",
      subject: "officer@test",
      role: "officer",
      councils: ["fake-borough-a" as never]
    })
    expect(failureOf(await verify(forged))).toBe("invalid")
    // Refusals are not remembered: the tampered token is checked in full every time.
    expect(await hmacsDuring(() => verify(`${head}.${raised}.${signature}`))).toBe(1)
  })

  it("keeps at most its capacity, forgetting the least recently used token first", async () => {
    const verify = makeTokenVerifier({ secret, capacity: 2 })
    const [a, b, c] = await Promise.all([officerToken("1h"), officerToken("2h"), officerToken("3h")])
    for (const token of [a, b, a, c]) await verify(token)
    // `b` was the least recently used when `c` came in; `a` and `c` are still remembered.
    expect(await hmacsDuring(() => verify(a))).toBe(0)
    expect(await hmacsDuring(() => verify(c))).toBe(0)
    expect(await hmacsDuring(() => verify(b))).toBe(1)
  })
})

describe("authentication with remembered tokens", () => {
  afterEach(() => vi.useRealTimers())

  const app = () =>
    new Hono<ApiEnv>().use(authenticate({ jwtSecret: secret, apiKeys: [], demo: false })).get("/who", (c) => {
      const auth = c.get("auth")
      return c.json(auth === undefined ? "none" : Result.isSuccess(auth) ? auth.success.role : auth.failure)
    })

  it("refuses a token that was accepted before it expired, once it has", async () => {
    vi.useFakeTimers({ toFake: ["Date"] })
    const served = app()
    const headers = { authorization: `Bearer ${await officerToken("5m")}` }
    expect(await (await served.request("/who", { headers })).json()).toBe("officer")
    expect(await (await served.request("/who", { headers })).json()).toBe("officer")
    vi.setSystemTime(Date.now() + 6 * 60 * 1000)
    expect(await (await served.request("/who", { headers })).json()).toBe("expired")
  })
})
