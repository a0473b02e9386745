import * as Crypto from "node:crypto"
import type { Scorecard } from "@cpo/domain"
import type { Validation } from "@cpo/ssda903"
import { describe, expect, it } from "vitest"
import { makeApp } from "../app.ts"
import { bearer, councilA, councilB, csvFiles2019, formOf, secret } from "../testing.ts"
import { seededApi } from "../testing-app.ts"
import { checksumOf } from "./returns.ts"

const { runtime } = seededApi()

const app = (maxUploadBytes?: number) =>
  makeApp({
    runtime: runtime(),
    jwtSecret: secret,
    log: () => {},
    ...(maxUploadBytes === undefined ? {} : { maxUploadBytes })
  })
const upload = (council: string, year = 2019) => `/v1/councils/${council}/returns/${year}`

interface ImportAnswer {
  import: { id: string; year: number; current: boolean; children: number; episodes: number; checksum: string }
  unchanged: boolean
  report: Validation.Report
}

describe("upload a 903 return", () => {
  it("imports the files as the year's current return, and the scorecard reads it", async () => {
    const headers = {
      ...(await bearer("officer", [councilB.id])),
      "x-cpo-purpose": "2018/19 return, first cut"
    }
    const res = await app().request(upload(councilB.id), { method: "POST", body: formOf(csvFiles2019()), headers })
    expect(res.status).toBe(201)
    const body = (await res.json()) as ImportAnswer
    expect(body.import).toMatchObject({ year: 2019, current: true, children: 3, episodes: 3 })
    expect(body.unchanged).toBe(false)
    expect(body.report).toMatchObject({ year: 2019, tables: ["Header", "Episodes"] })
    expect(body.report.errors.filter((e) => e.code === "READ")).toEqual([])

    const scorecard = await app().request(`/v1/councils/${councilB.id}/indicators?year=2019`, { headers })
    const doc = (await scorecard.json()) as Scorecard.Scorecard
    expect(doc.indicators.find((i) => i.id === "cla_31_march")?.value).toBe(2)

    const audit = await app().request(`/v1/councils/${councilB.id}/audit`, {
      headers: await bearer("admin", [councilB.id])
    })
    const { entries } = (await audit.json()) as { entries: Array<{ action: string; purpose: string; role: string }> }
    expect(entries.find((e) => e.action === "import")).toMatchObject({
      purpose: "2018/19 return, first cut",
      role: "caseworker"
    })
  })

  it("recognises the same files uploaded again and changes nothing", async () => {
    const headers = await bearer("analyst", [councilB.id])
    const first = (await (
      await app().request(upload(councilB.id), { method: "POST", body: formOf(csvFiles2019()), headers })
    ).json()) as ImportAnswer
    const again = (await (
      await app().request(upload(councilB.id), { method: "POST", body: formOf(csvFiles2019()), headers })
    ).json()) as ImportAnswer
    expect(again.unchanged).toBe(true)
    expect(again.import.id).toBe(first.import.id)
  })

  it("checksums the files exactly as cpo import does (SHA-256 of names and bytes in name order)", async () => {
    const files = await Promise.all(
      csvFiles2019().map(async (f) => ({ name: f.name, bytes: new Uint8Array(await f.arrayBuffer()) }))
    )
    const hash = Crypto.createHash("sha256")
    for (const f of [...files].sort((a, b) => (a.name < b.name ? -1 : 1))) {
      hash.update(f.name)
      hash.update("\0")
      hash.update(f.bytes)
      hash.update("\0")
    }
    expect(await checksumOf([...files].reverse())).toBe(hash.digest("hex"))
  })

  it("validates without importing, reporting a value it cannot read by file, row and field", async () => {
    const res = await app().request(`${upload(councilA.id, 2019)}/validation`, {
      method: "POST",
      body: formOf(csvFiles2019({ badDate: true })),
      headers: await bearer("officer", [councilA.id])
    })
    expect(res.status).toBe(200)
    const report = (await res.json()) as Validation.Report
    expect(report.errors).toContainEqual(
      expect.objectContaining({ file: "episodes.csv", rows: [3], fields: ["DECOM"], value: "31/02/2018" })
    )
  })

  it("imports nothing on the validation route", async () => {
    const headers = await bearer("officer", [councilA.id])
    await app().request(`${upload(councilA.id, 2019)}/validation`, {
      method: "POST",
      body: formOf(csvFiles2019()),
      headers
    })
    const history = await app().request(`/v1/councils/${councilA.id}/returns`, { headers })
    const { imports } = (await history.json()) as { imports: Array<{ year: number }> }
    expect(imports.map((i) => i.year)).toEqual([2018])
  })

  it("refuses an upload larger than the limit with payload-too-large", async () => {
    const res = await app(200).request(upload(councilA.id), {
      method: "POST",
      body: formOf(csvFiles2019()),
      headers: await bearer("officer", [councilA.id])
    })
    expect(res.status).toBe(413)
    expect(((await res.json()) as { type: string }).type).toBe("urn:cpo:problem:payload-too-large")
  })

  it("answers no-files for a JSON body or a form without files", async () => {
    const headers = await bearer("officer", [councilA.id])
    const json = await app().request(upload(councilA.id), {
      method: "POST",
      body: JSON.stringify({ files: [] }),
      headers: { ...headers, "content-type": "application/json" }
    })
    expect(json.status).toBe(400)
    expect(((await json.json()) as { type: string }).type).toBe("urn:cpo:problem:no-files")
    const empty = new FormData()
    empty.append("note", "no files here")
    const form = await app().request(upload(councilA.id), { method: "POST", body: empty, headers })
    expect(await form.json()).toMatchObject({
      type: "urn:cpo:problem:no-files",
      errors: [{ in: "body", field: "files" }]
    })
  })

  it("answers malformed-body for a multipart body that cannot be parsed", async () => {
    const res = await app().request(upload(councilA.id), {
      method: "POST",
      body: "--nope\r\nthis is not multipart",
      headers: { ...(await bearer("officer", [councilA.id])), "content-type": "multipart/form-data; boundary=xyz" }
    })
    expect(res.status).toBe(400)
    expect(((await res.json()) as { type: string }).type).toBe("urn:cpo:problem:malformed-body")
  })

  it("answers unreadable-file, naming the file, for a CSV that is no 903 table", async () => {
    const res = await app().request(upload(councilA.id), {
      method: "POST",
      body: formOf([new File(["NAME,SHOE_SIZE\r\nx,9\r\n"], "shoes.csv")]),
      headers: await bearer("officer", [councilA.id])
    })
    expect(res.status).toBe(422)
    const problem = (await res.json()) as { type: string; detail: string }
    expect(problem.type).toBe("urn:cpo:problem:unreadable-file")
    expect(problem.detail).toContain("shoes.csv")
  })

  it("answers validation-failed for a year that is not a year", async () => {
    const res = await app().request(upload(councilA.id, 0).replace("/0", "/twenty"), {
      method: "POST",
      body: formOf(csvFiles2019()),
      headers: await bearer("officer", [councilA.id])
    })
    expect(res.status).toBe(400)
    expect(await res.json()).toMatchObject({ errors: [{ in: "path", field: "year" }] })
  })
})
