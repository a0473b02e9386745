import { Returns, type Scorecard } from "@cpo/domain"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { makeApp } from "./app.ts"
import type { ApiRuntime } from "./runtime.ts"
import { makeScorecardCache } from "./scorecard.ts"
import { bearer, councilA, makeTestRuntime, returnB2018, secret } from "./testing.ts"

let runtime: ApiRuntime
beforeAll(async () => {
  runtime = await makeTestRuntime()
}, 120_000)
afterAll(() => runtime.dispose())

const claOf = async (res: Response) =>
  ((await res.json()) as Scorecard.Scorecard).indicators.find((i) => i.id === "cla_31_march")?.value

describe("scorecard cache", () => {
  it("serves a repeated request from the cache, without reading the return again", async () => {
    const app = makeApp({ runtime, jwtSecret: secret, log: () => {} })
    const headers = await bearer("officer", [councilA.id])
    const path = `/v1/councils/${councilA.id}/indicators?year=2018`
    const auditBefore = await (
      await app.request(`/v1/councils/${councilA.id}/audit`, { headers: await bearer("admin", [councilA.id]) })
    ).json()
    expect(await claOf(await app.request(path, { headers }))).toBe(4)
    expect(await claOf(await app.request(path, { headers }))).toBe(4)
    const auditAfter = (await (
      await app.request(`/v1/councils/${councilA.id}/audit`, { headers: await bearer("admin", [councilA.id]) })
    ).json()) as { entries: Array<unknown> }
    // One read of the return for two requests: the second came from the cache.
    expect(auditAfter.entries.length - (auditBefore as { entries: Array<unknown> }).entries.length).toBe(1)
  })

  it("computes afresh once a new import becomes current for the year, after the freshness window", async () => {
    const app = makeApp({ runtime, jwtSecret: secret, log: () => {}, scorecardFreshForMillis: 0 })
    const headers = await bearer("officer", [councilA.id])
    const path = `/v1/councils/${councilA.id}/indicators?year=2018`
    expect(await claOf(await app.request(path, { headers }))).toBe(4)
    await runtime.runPromise(
      Returns.Returns.use((returns) => returns.importReturn(councilA.id, returnB2018, "fake-a-2018-second"))
    )
    expect(await claOf(await app.request(path, { headers }))).toBe(7)
  })

  it("keeps at most its capacity, dropping the oldest", () => {
    const cache = makeScorecardCache({ capacity: 2, freshForMillis: 1000 })
    const entry = (council: string) => ({
      scorecard: { council } as unknown as Scorecard.Scorecard,
      body: new TextEncoder().encode(JSON.stringify({ council })),
      importId: "1",
      councilPopulation: null,
      checkedAt: 0
    })
    cache.set(JSON.stringify(["a"]), entry("a"))
    cache.set(JSON.stringify(["b"]), entry("b"))
    cache.set(JSON.stringify(["c"]), entry("c"))
    const councilOf = (key: string) => cache.get(JSON.stringify([key]))?.scorecard.council
    expect([councilOf("a"), councilOf("b"), councilOf("c")]).toEqual([undefined, "b", "c"])
    cache.forget("b" as never)
    expect([councilOf("b"), councilOf("c")]).toEqual([undefined, "c"])
  })
})
