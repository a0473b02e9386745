import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs"
import * as Http from "node:http"
import type { AddressInfo } from "node:net"
import { tmpdir } from "node:os"
import { join } from "node:path"
import * as Snapshot from "@cpo/api/snapshot"
import { AuditLog, CalendarDate, Council, DemoOffer, Entitlement, LocalOffer, Returns } from "@cpo/domain"
import { Store } from "@cpo/store"
import { Synth } from "@cpo/synth"
import { afterAll, describe, expect, it } from "@effect/vitest"
import { Effect, Option, Schema } from "effect"
import { migratedStore } from "../../test/stores.ts"
import { publishCommand } from "./publish.ts"
import { runInProcess } from "./run-in-process.ts"

const council = Council.CouncilId.make("synthetic-shire")
const synthetic = Synth.generate({ seed: 7, council: "Synthetic Shire", children: 60, years: { from: 2025, to: 2026 } })

/** Everything in the synthetic returns that identifies a child: ids, UPNs, dates of birth, postcodes. */
const identifying = () => {
  const found = new Set<string>()
  for (const ret of synthetic.returns) {
    for (const child of ret.children) {
      found.add(child.id)
      found.add(child.dateOfBirth)
      found.add(child.dateOfBirth.split("-").reverse().join("/"))
      if (Option.isSome(child.upn)) found.add(child.upn.value)
    }
    for (const episode of ret.episodes) {
      for (const postcode of [episode.homePostcode, episode.placementPostcode]) {
        if (Option.isSome(postcode)) found.add(postcode.value)
      }
    }
  }
  // UPN codes such as UN1 ("not known"), and a day a newborn was born that is also a period's first or last day or a
  // date in the demo offer's rules, are published for their own sake; the checks below skip them.
  const offer = JSON.stringify(Schema.encodeSync(Schema.Array(Entitlement.Entitlement))(DemoOffer.entitlements))
  return [...found].filter(
    (s) => !/^UN\d$/.test(s) && !/^(\d{4}-(04-01|03-31)|(01\/04|31\/03)\/\d{4})$/.test(s) && !offer.includes(s)
  )
}

/** Seed the store: the synthetic council's returns and the demo offer, published. */
const seed = (dataDir: string) =>
  Effect.gen(function* () {
    const returns = yield* Returns.Returns
    yield* returns.saveCouncil({ id: council, name: "Synthetic Shire", localAuthorityCode: Option.none() })
    for (const ret of synthetic.returns) yield* returns.importReturn(council, ret, `synthetic-${ret.year}`)
    const offers = yield* LocalOffer.LocalOffers
    const draft = yield* offers.saveDraft(
      council,
      { title: DemoOffer.title, entitlements: DemoOffer.entitlements },
      "a"
    )
    yield* offers.recordConsultation(council, draft.version, {
      on: CalendarDate.make("2024-03-01"),
      with: "the synthetic care leavers' forum",
      careLeavers: true,
      summary: "asked for a clearer page",
      recordedBy: "officer.name@synthetic.example"
    })
    yield* offers.approve(council, draft.version, "officer.name@synthetic.example")
    yield* offers.publish(council, draft.version, "officer.name@synthetic.example", CalendarDate.make("2024-04-01"))
  }).pipe(Effect.provide(Store.layer({ dataDir })))

const run = (dataDir: string, args: ReadonlyArray<string>) => runInProcess(publishCommand, dataDir, args)

/** Every file under `dir`, by its path relative to it. */
const filesUnder = (dir: string): Record<string, string> =>
  Object.fromEntries(
    (
      readdirSync(dir, { recursive: true, withFileTypes: true }) as Array<{
        isFile(): boolean
        parentPath: string
        name: string
      }>
    )
      .filter((d) => d.isFile())
      .map((d) => {
        const full = join(d.parentPath, d.name)
        return [full.slice(dir.length + 1), readFileSync(full, "utf8")]
      })
  )

describe("cpo publish", () => {
  const root = mkdtempSync(join(tmpdir(), "cpo-cli-publish-"))
  const dataDir = migratedStore(join(root, "pglite"))
  const out = join(root, "site", "public")
  afterAll(() => rmSync(root, { recursive: true, force: true }))

  it.live("writes the snapshot and each council's public documents to a folder, and audits the export", () =>
    Effect.gen(function* () {
      yield* seed(dataDir)
      const printed = yield* run(dataDir, ["--to", out])
      expect(printed).toBe("synthetic-shire: scorecards 2026, 2025; offer v1; member reports 2026, 2025\n")
      const files = filesUnder(out)
      expect(Object.keys(files).sort()).toEqual(
        [
          "snapshot.json",
          "councils/synthetic-shire/council.json",
          "councils/synthetic-shire/indicators-2025.json",
          "councils/synthetic-shire/indicators-2026.json",
          "councils/synthetic-shire/offer.json",
          "councils/synthetic-shire/offer.html",
          "councils/synthetic-shire/member-report-2025.html",
          "councils/synthetic-shire/member-report-2025.md",
          "councils/synthetic-shire/member-report-2026.html",
          "councils/synthetic-shire/member-report-2026.md"
        ].sort()
      )
      const snapshot = Snapshot.decode(files["snapshot.json"])
      expect(snapshot.councils[0]?.scorecards.map((s) => [s.year, s.audience])).toEqual([
        [2026, "public"],
        [2025, "public"]
      ])
      expect(JSON.parse(files["councils/synthetic-shire/offer.json"] ?? "{}")).toMatchObject({ version: 1 })
      expect(files["councils/synthetic-shire/member-report-2026.md"]).toBe(snapshot.councils[0]?.reports[0]?.markdown)

      const entries = yield* AuditLog.AuditLog.use((log) => log.entries(council)).pipe(
        Effect.provide(Store.layer({ dataDir }))
      )
      const exported = entries.find((e) => e.action === "export")
      expect(exported).toMatchObject({ role: "system", purpose: "publish the public snapshot" })
      expect(exported?.subject).toMatchObject({ _tag: "Cohort", description: expect.stringContaining(out) })
    })
  )

  it.live("publishes no child id, UPN, date of birth or postcode, no officer's name, and no count from 1 to 5", () =>
    Effect.gen(function* () {
      const files = filesUnder(out)
      const everything = Object.values(files).join("\n")
      const leaks = identifying().filter((s) => new RegExp(`(^|[^0-9A-Za-z])${s}([^0-9A-Za-z]|$)`).test(everything))
      expect(leaks).toEqual([])
      expect(everything).not.toContain("officer.name@synthetic.example")

      const snapshot = Snapshot.decode(files["snapshot.json"])
      const entries = snapshot.councils.flatMap((p) => p.scorecards.flatMap((s) => s.indicators))
      const small = (n: number | null) => n !== null && n >= 1 && n <= 5
      const smallCounts = entries.filter(
        (e) =>
          (e.unit !== "score" && (small(e.numerator) || (e.unit === "percent" && small(e.denominator)))) ||
          (e.unit === "count" && small(e.value))
      )
      expect(smallCounts.map((e) => e.id)).toEqual([])
      // The synthetic council is small enough to have counts from 1 to 5: they are there, as c.
      expect(entries.some((e) => e.display === "c")).toBe(true)
    })
  )

  it.live("replaces an earlier publication in the folder whole, leaving nothing beside it", () =>
    Effect.gen(function* () {
      const before = JSON.parse(readFileSync(join(out, "snapshot.json"), "utf8")) as { publishedAt: string }
      yield* Effect.sleep("5 millis")
      yield* run(dataDir, ["--to", out])
      const after = JSON.parse(readFileSync(join(out, "snapshot.json"), "utf8")) as { publishedAt: string }
      expect(after.publishedAt > before.publishedAt).toBe(true)
      expect(readdirSync(join(root, "site"))).toEqual(["public"])
    })
  )

  it.live("PUTs the snapshot to a URL with the bearer token, and fails when the server refuses it", () =>
    Effect.gen(function* () {
      const received: Array<{ method: string; authorization: string; body: string }> = []
      const server = Http.createServer((req, res) => {
        let body = ""
        req.on("data", (chunk) => {
          body += chunk
        })
        req.on("end", () => {
          received.push({ method: req.method ?? "", authorization: req.headers.authorization ?? "", body })
          res.writeHead(req.url?.startsWith("/refuse") === true ? 403 : 201).end()
        })
      })
      yield* Effect.acquireRelease(
        Effect.callback<void>((resume) => {
          server.listen(0, "127.0.0.1", () => resume(Effect.void))
        }),
        () => Effect.sync(() => server.close())
      )
      const { port } = server.address() as AddressInfo
      yield* run(dataDir, ["--to", `http://127.0.0.1:${port}/cpo/snapshot.json?sig=secret`, "--token", "t0ken"])
      expect(received.map((r) => [r.method, r.authorization])).toEqual([["PUT", "Bearer t0ken"]])
      const snapshot = Snapshot.decode(received[0]?.body)
      expect(snapshot.councils.map((p) => p.council.id)).toEqual([council])

      const refused = yield* Effect.flip(run(dataDir, ["--to", `http://127.0.0.1:${port}/refuse`]))
      expect(refused.message).toContain("HTTP 403")

      const entries = yield* AuditLog.AuditLog.use((log) => log.entries(council)).pipe(
        Effect.provide(Store.layer({ dataDir }))
      )
      const descriptions = entries.flatMap((e) => (e.subject._tag === "Cohort" ? [e.subject.description] : []))
      expect(descriptions.some((d) => d.endsWith(`to http://127.0.0.1:${port}/cpo/snapshot.json`))).toBe(true)
      expect(descriptions.some((d) => d.includes("sig=secret") || d.includes("/refuse"))).toBe(false)
    }).pipe(Effect.scoped)
  )
})
