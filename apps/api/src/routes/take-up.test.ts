/**
 * The take-up gaps of a synthetic council: the young people an entitlement applies to who have had no award or
 * payment of it, narrowed as take-up is recorded; officers only, and audited.
 */
import { type Council, ReportingYear, Returns } from "@cpo/domain"
import { Synth } from "@cpo/synth"
import { Effect, Option } from "effect"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { makeApp } from "../app.ts"
import type { ApiRuntime } from "../runtime.ts"
import { bearer, makeEmptyRuntime, secret, seedOffer } from "../testing.ts"

const council: Council.Council = {
  id: "synthetic-gaps" as Council.CouncilId,
  name: "Synthetic Gaps Borough",
  localAuthorityCode: Option.none()
}
const synthetic = Synth.generate({ seed: 11, council: council.name, children: 80, years: { from: 2026, to: 2026 } })

let runtime: ApiRuntime
beforeAll(async () => {
  runtime = makeEmptyRuntime()
  await runtime.runPromise(
    Effect.gen(function* () {
      const returns = yield* Returns.Returns
      yield* returns.saveCouncil(council)
      for (const ret of synthetic.returns) yield* returns.importReturn(council.id, ret, `gaps-${ret.year}`)
      yield* seedOffer(council.id)
    })
  )
}, 120_000)
afterAll(() => runtime.dispose())

const app = () => makeApp({ runtime, jwtSecret: secret, log: () => {} })
const gapsPath = `/v1/councils/${council.id}/takeup/gaps`
const on = ReportingYear.end(ReportingYear.make(2026))

interface Gaps {
  on: string
  offerVersion: number
  gaps: Array<{ childId: string; entitlementId: string; title: string; latestStage: string | null }>
}

const gapsOf = async (query: string) => {
  const res = await app().request(`${gapsPath}?${query}`, { headers: await bearer("officer", [council.id]) })
  expect(res.status).toBe(200)
  return (await res.json()) as Gaps
}

const record = async (body: Record<string, unknown>) =>
  app().request(`/v1/councils/${council.id}/takeup`, {
    method: "POST",
    body: JSON.stringify({ on, ...body }),
    headers: { ...(await bearer("officer", [council.id])), "content-type": "application/json" }
  })

describe("take-up gaps", () => {
  it("lists who an entitlement applies to without an award, and drops them once awarded", async () => {
    const before = await gapsOf(`on=${on}`)
    expect(before.offerVersion).toBe(1)
    expect(before.gaps.length).toBeGreaterThan(1)
    const [first, second] = before.gaps
    if (first === undefined || second === undefined) throw new Error("expected two gaps")

    expect(
      (await record({ entitlementId: first.entitlementId, childId: first.childId, stage: "awarded" })).status
    ).toBe(201)
    expect(
      (await record({ entitlementId: second.entitlementId, childId: second.childId, stage: "applied" })).status
    ).toBe(201)
    const after = await gapsOf(`on=${on}`)
    const key = (g: { childId: string; entitlementId: string }) => `${g.childId}/${g.entitlementId}`
    expect(after.gaps.map(key)).not.toContain(key(first))
    expect(after.gaps.find((g) => key(g) === key(second))?.latestStage).toBe("applied")
    expect(after.gaps.length).toBe(before.gaps.length - 1)
  })

  it("narrows to the entitlements named", async () => {
    const all = await gapsOf(`on=${on}`)
    const named = all.gaps[0]?.entitlementId ?? ""
    const only = await gapsOf(`on=${on}&entitlements=${named}`)
    expect(only.gaps.length).toBeGreaterThan(0)
    expect(new Set(only.gaps.map((g) => g.entitlementId))).toEqual(new Set([named]))
  })

  it("records the read of the young people listed in the audit log", async () => {
    const listed = await gapsOf(`on=${on}`)
    const res = await app().request(`/v1/councils/${council.id}/audit`, {
      headers: await bearer("admin", [council.id])
    })
    const { entries } = (await res.json()) as {
      entries: Array<{ purpose: string; subject: { _tag: string; childIds?: string[] } }>
    }
    const read = entries.find((e) => e.purpose === "find young people who have not taken up an entitlement")
    expect(read?.subject.childIds?.sort()).toEqual([...new Set(listed.gaps.map((g) => g.childId))].sort())
  })

  it("is for officers only, and answers no-published-offer before the offer took effect", async () => {
    for (const role of ["analyst", "member", "partner"] as const) {
      const res = await app().request(`${gapsPath}?on=${on}`, { headers: await bearer(role, [council.id]) })
      expect(res.status, role).toBe(403)
    }
    const early = await app().request(`${gapsPath}?on=2016-01-01`, { headers: await bearer("officer", [council.id]) })
    expect(early.status).toBe(404)
    expect(((await early.json()) as { type: string }).type).toBe("urn:cpo:problem:no-published-offer")
  })
})
