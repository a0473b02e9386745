import { ChildHistory, Cohort, ReportingYear } from "@cpo/domain"
import { Result } from "effect"
import { describe, expect, it } from "vitest"
import { bearer, councilA, councilB, returnA2018 } from "../testing.ts"
import { seededApi } from "../testing-app.ts"

const { app } = seededApi()
const cohortOf = (council: string, query: string) => `/v1/councils/${council}/cohorts?${query}`

describe("cohorts", () => {
  it("returns the document Cohort.document builds from the stored return", async () => {
    const res = await app().request(cohortOf(councilA.id, "year=2018&cohort=cla_31_march&by=placement_group,sex"), {
      headers: await bearer("officer", [councilA.id])
    })
    expect(res.status).toBe(200)
    const expected = Cohort.document({
      histories: ChildHistory.index(returnA2018),
      year: ReportingYear.make(2018),
      cohort: "cla_31_march",
      by: ["placement_group", "sex"],
      audience: "officer",
      list: false
    })
    expect(Result.isSuccess(expected)).toBe(true)
    if (Result.isSuccess(expected)) expect(await res.json()).toEqual(JSON.parse(JSON.stringify(expected.success)))
    const plain = await app().request(cohortOf(councilA.id, "year=2018"), {
      headers: await bearer("officer", [councilA.id])
    })
    expect(((await plain.json()) as Cohort.Document).total).toBe(4)
  })

  it("suppresses for a member whatever audience is asked for", async () => {
    const res = await app().request(cohortOf(councilA.id, "year=2018&by=sex&audience=officer"), {
      headers: await bearer("member", [councilA.id])
    })
    const doc = (await res.json()) as Cohort.Document
    expect(doc.audience).toBe("member")
    expect(doc.total).toBe("c")
  })

  it("answers validation-failed for an unknown dimension or cohort", async () => {
    const headers = await bearer("officer", [councilB.id])
    const res = await app().request(cohortOf(councilB.id, "year=2018&by=shoe_size&cohort=everyone"), { headers })
    expect(res.status).toBe(400)
    const problem = (await res.json()) as { errors: Array<{ field: string }> }
    expect(problem.errors.map((e) => e.field).sort()).toEqual(["by.0", "cohort"])
  })

  it("answers dimension-not-available for a dimension the cohort cannot be profiled by", async () => {
    const res = await app().request(cohortOf(councilB.id, "year=2018&cohort=started&by=care_leaver_status"), {
      headers: await bearer("officer", [councilB.id])
    })
    expect(res.status).toBe(400)
    expect(((await res.json()) as { type: string }).type).toBe("urn:cpo:problem:dimension-not-available")
  })

  it("refuses a list of young people to a member (list-not-allowed)", async () => {
    const res = await app().request(cohortOf(councilA.id, "year=2018&cohort=care_leavers&list=true"), {
      headers: await bearer("member", [councilA.id])
    })
    expect(res.status).toBe(403)
    expect(((await res.json()) as { type: string }).type).toBe("urn:cpo:problem:list-not-allowed")
  })

  it("writes an officer's list of named young people to the audit log with the stated purpose", async () => {
    const purpose = "pathway plan review"
    const res = await app().request(
      cohortOf(councilA.id, "year=2018&cohort=care_leavers&list=true&by=care_leaver_status"),
      {
        headers: { ...(await bearer("officer", [councilA.id])), "x-cpo-purpose": purpose }
      }
    )
    expect(res.status).toBe(200)
    const doc = (await res.json()) as Cohort.Document
    expect(doc.list).toBeDefined()
    const audit = await app().request(`/v1/councils/${councilA.id}/audit`, {
      headers: await bearer("admin", [councilA.id])
    })
    const { entries } = (await audit.json()) as {
      entries: Array<{ purpose: string; subject: { _tag: string; childIds?: Array<string> } }>
    }
    const listed = entries.find((e) => e.subject._tag === "Children")
    expect(listed).toMatchObject({ purpose, subject: { childIds: (doc.list ?? []).map((r) => r.child) } })
  })
})
