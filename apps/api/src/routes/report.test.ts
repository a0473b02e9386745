import { describe, expect, it } from "vitest"
import { bearer, councilA } from "../testing.ts"
import { seededApi } from "../testing-app.ts"

const { app } = seededApi()
const reportOf = (query: string) => `/v1/councils/${councilA.id}/reports/member?${query}`

describe("the member report", () => {
  it("is an HTML page by default, with the council's priorities and board", async () => {
    const res = await app().request(reportOf("year=2018"), { headers: await bearer("officer", [councilA.id]) })
    expect(res.status).toBe(200)
    expect(res.headers.get("content-type")).toContain("text/html")
    const html = await res.text()
    expect(html).toMatch(/^<!doctype html>/i)
    expect(html).toContain("Fake priority 1")
    expect(html).toContain("Fake Corporate Parenting Board")
  })

  it("gives a member the member report whatever audience is asked for", async () => {
    const member = await bearer("member", [councilA.id])
    const asked = await (
      await app().request(reportOf("year=2018&format=md&audience=officer"), { headers: member })
    ).text()
    const officer = await bearer("officer", [councilA.id])
    const forMembers = await (
      await app().request(reportOf("year=2018&format=md&audience=member"), { headers: officer })
    ).text()
    const exact = await (
      await app().request(reportOf("year=2018&format=md&audience=officer"), { headers: officer })
    ).text()
    expect(asked).toBe(forMembers)
    expect(exact).not.toBe(forMembers)
  })

  it("answers validation-failed for an unknown format and return-not-found for a year with no return", async () => {
    const headers = await bearer("officer", [councilA.id])
    const pdf = await app().request(reportOf("year=2018&format=pdf"), { headers })
    expect(pdf.status).toBe(400)
    expect(((await pdf.json()) as { errors: Array<{ field: string }> }).errors.map((e) => e.field)).toEqual(["format"])
    const missing = await app().request(reportOf("year=2016"), { headers })
    expect(missing.status).toBe(404)
    expect(((await missing.json()) as { type: string }).type).toBe("urn:cpo:problem:return-not-found")
  })
})
