import { ReportingYear, Returns, type Scorecard } from "@cpo/domain"
import { describe, expect, it } from "vitest"
import { makeApp } from "./app.ts"
import { makeScorecardCache } from "./scorecard.ts"
import { bearer, councilA, councilB, returnA2018, returnB2018, secret } from "./testing.ts"
import { seededApi, testApp } from "./testing-app.ts"

const { runtime } = seededApi()

const claOf = async (res: Response) =>
  ((await res.json()) as Scorecard.Scorecard).indicators.find((i) => i.id === "cla_31_march")?.value

describe("scorecard cache", () => {
  it("serves a repeated request from the cache, without reading the return again", async () => {
    const app = testApp(runtime())
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

  it("computes a scorecard asked for by many at once only once, and gives each the same answer", async () => {
    const app = testApp(runtime())
    const headers = await bearer("officer", [councilA.id])
    const path = `/v1/councils/${councilA.id}/indicators?year=2018&audience=member`
    const audit = async () =>
      (
        (await (
          await app.request(`/v1/councils/${councilA.id}/audit`, { headers: await bearer("admin", [councilA.id]) })
        ).json()) as { entries: Array<unknown> }
      ).entries.length
    const before = await audit()
    const answers = await Promise.all(Array.from({ length: 6 }, () => app.request(path, { headers })))
    expect(answers.map((res) => res.status)).toEqual([200, 200, 200, 200, 200, 200])
    const bodies = await Promise.all(answers.map((res) => res.text()))
    expect(new Set(bodies).size).toBe(1)
    // Six requests on a cold cache, one read of the return.
    expect((await audit()) - before).toBe(1)
  })

  it("computes afresh once a new import becomes current for the year, after the freshness window", async () => {
    const app = makeApp({ runtime: runtime(), jwtSecret: secret, log: () => {}, scorecardFreshForMillis: 0 })
    const headers = await bearer("officer", [councilA.id])
    const path = `/v1/councils/${councilA.id}/indicators?year=2018`
    expect(await claOf(await app.request(path, { headers }))).toBe(4)
    await runtime().runPromise(
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
      previousImportId: null,
      reference: "",
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

const entryOf = async (res: Response, id: string) =>
  ((await res.json()) as Scorecard.Scorecard).indicators.find((i) => i.id === id)

describe("previous year and benchmarks", () => {
  // Fake Borough B's seven children, all fostered, still looked after in 2019: a second year to compare with.
  const returnB2019 = { ...returnB2018, year: ReportingYear.make(2019) }

  it("gives last year's value, the direction of travel and England's benchmark when last year's return is stored", async () => {
    await runtime().runPromise(
      Returns.Returns.use((returns) => returns.importReturn(councilB.id, returnB2019, "fake-b-2019"))
    )
    const app = testApp(runtime())
    const res = await app.request(`/v1/councils/${councilB.id}/indicators?year=2019`, {
      headers: await bearer("officer", [councilB.id])
    })
    const fostered = await entryOf(res, "placed_foster_pct")
    expect(fostered).toMatchObject({ value: 100, previous: 100, direction: "stable", benchmarks: { england: 72 } })
  })

  it("gives neither previous value nor direction when the year before has no return", async () => {
    const app = testApp(runtime())
    const res = await app.request(`/v1/councils/${councilB.id}/indicators?year=2018`, {
      headers: await bearer("officer", [councilB.id])
    })
    const fostered = await entryOf(res, "placed_foster_pct")
    expect(fostered?.benchmarks).toEqual({ england: 73 })
    expect(fostered).not.toHaveProperty("previous")
    expect(fostered).not.toHaveProperty("direction")
  })

  it("computes afresh when last year's return is imported again, after the freshness window", async () => {
    const app = makeApp({ runtime: runtime(), jwtSecret: secret, log: () => {}, scorecardFreshForMillis: 0 })
    const headers = await bearer("officer", [councilB.id])
    const path = `/v1/councils/${councilB.id}/indicators?year=2019`
    expect((await entryOf(await app.request(path, { headers }), "placed_foster_pct"))?.previous).toBe(100)
    // Borough A's 2018 children as B's corrected 2018: three of four fostered, so 2019's 100 % is improving.
    await runtime().runPromise(
      Returns.Returns.use((returns) => returns.importReturn(councilB.id, returnA2018, "fake-b-2018-corrected"))
    )
    expect(await entryOf(await app.request(path, { headers }), "placed_foster_pct")).toMatchObject({
      previous: 75,
      direction: "improving"
    })
  })
})
