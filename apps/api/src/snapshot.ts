/**
 * A published snapshot: what a council makes public, and nothing more — every council's summary and, for each year
 * with a current return, the scorecard suppressed for the public audience; the published versions of its local offer
 * (no personal data; who signed them off stays in the council); and the member report for the public audience, as
 * HTML and Markdown. `cpo publish` writes it (`make`, then `encode`, then `recordPublication`); the edge build serves
 * it (`edge.ts`) with the same paths and answers as the Node API, so child-level data never leaves the council's
 * database.
 */
import {
  AuditLog,
  Council,
  LocalOffer,
  MemberReportHtml,
  MemberReportMarkdown,
  ReportingYear,
  Returns,
  Scorecard,
  StoredReport
} from "@cpo/domain"
import { Effect, Option, Schema } from "effect"

/** The member report of a year for the public audience, rendered as the API renders it. @category models */
export const PublishedReport = Schema.Struct({
  year: ReportingYear.ReportingYear,
  html: Schema.String,
  markdown: Schema.String
}).annotate({ identifier: "PublishedReport" })
export type PublishedReport = typeof PublishedReport.Type

/** One council's published documents. @category models */
export const PublishedCouncil = Schema.Struct({
  council: Council.Summary,
  /** Public-audience scorecards, one per year of `council.years`. */
  scorecards: Schema.Array(Scorecard.Scorecard),
  /** The published versions of the local offer, newest first; the edge picks the one in force on the day asked. */
  offers: Schema.Array(LocalOffer.OfferVersion),
  /** Public member reports, one per year for which the report can be built. */
  reports: Schema.Array(PublishedReport)
}).annotate({ identifier: "PublishedCouncil" })
export type PublishedCouncil = typeof PublishedCouncil.Type

/** @category models */
export const Snapshot = Schema.Struct({
  publishedAt: Schema.String,
  councils: Schema.Array(PublishedCouncil)
}).annotate({ identifier: "Snapshot" })
export type Snapshot = typeof Snapshot.Type

/** The audience every published document is for. */
export const audience = "public" as const

/** Who a published document says signed it off: the council, not a named officer. */
const signatory = "the council"

/**
 * A published offer version without the names of the officers who drafted, consulted on, approved and published it:
 * the public page never shows them, so they are not published.
 * @category encoding
 */
export const withoutSignatories = (offer: LocalOffer.OfferVersion): LocalOffer.OfferVersion => ({
  ...offer,
  consultations: offer.consultations.map((c) => ({ ...c, recordedBy: signatory })),
  created: { ...offer.created, by: signatory },
  approved: Option.map(offer.approved, (a) => ({ ...a, by: signatory })),
  published: Option.map(offer.published, (p) => ({ ...p, by: signatory }))
})

/** The public member report of a year, if it can be built from what is stored. */
const publicReport = (council: Council.Summary, year: ReportingYear.ReportingYear) =>
  StoredReport.memberReportOf({ council: council.id, year, audience, population: Option.none() }).pipe(
    Effect.map(
      (model): PublishedReport => ({
        year,
        html: MemberReportHtml.render(model),
        markdown: MemberReportMarkdown.render(model)
      })
    ),
    Effect.option
  )

/** The caller a publication is made and recorded as when no other is given. @category models */
export const publisher: AuditLog.Caller = {
  ...AuditLog.system,
  actor: "publish",
  purpose: "publish the public snapshot"
}

/**
 * The snapshot of every council in the store, read as `caller` (the local operator publishing it; the store audits
 * each read of a return under that caller).
 * @category constructors
 */
export const make = (publishedAt: string, caller: AuditLog.Caller = publisher) =>
  Effect.gen(function* () {
    const returns = yield* Returns.Returns
    const offers = yield* LocalOffer.LocalOffers
    const councils = yield* returns.councils
    const published = yield* Effect.forEach(councils, (record) =>
      Effect.gen(function* () {
        const council: Council.Summary = { ...record, years: yield* returns.years(record.id) }
        const scorecards = yield* Effect.forEach(council.years, (year) =>
          StoredReport.scorecardOf({ council: council.id, year, audience, population: Option.none() })
        )
        const versions = yield* offers.versions(council.id)
        const reports = yield* Effect.forEach(council.years, (year) => publicReport(council, year))
        return {
          council,
          scorecards,
          offers: versions.filter((v) => Option.isSome(v.published)).map(withoutSignatories),
          reports: reports.flatMap(Option.toArray)
        } satisfies PublishedCouncil
      })
    )
    return { publishedAt, councils: published } satisfies Snapshot
  }).pipe(
    // A council or year listed a moment ago cannot vanish inside one read; if it does, the store is broken.
    Effect.orDie,
    AuditLog.withCaller(caller)
  )

/**
 * Record in each council's audit log that its public snapshot was exported to `destination` by the current caller,
 * with the number of children in the returns it was computed from (the snapshot itself names none).
 * @category constructors
 */
export const recordPublication = (snapshot: Snapshot, destination: string) =>
  Effect.gen(function* () {
    const caller = yield* AuditLog.CurrentCaller
    const returns = yield* Returns.Returns
    const log = yield* AuditLog.AuditLog
    for (const published of snapshot.councils) {
      const imports = yield* Effect.orDie(returns.history(published.council.id))
      const children = imports.filter((i) => i.current).reduce((sum, i) => sum + i.children, 0)
      const years = published.council.years.map((y) => ReportingYear.label(ReportingYear.make(y))).join(", ")
      yield* log.record(
        AuditLog.access(caller, published.council.id, "export", {
          _tag: "Cohort",
          description: `public snapshot (suppressed scorecards${years === "" ? "" : ` ${years}`}, published local offer, public member reports) to ${destination}`,
          children
        })
      )
    }
  })

/** @category encoding */
export const encode = (snapshot: Snapshot): string => JSON.stringify(Schema.encodeSync(Snapshot)(snapshot))

/** @category decoding */
export const decode = Schema.decodeUnknownSync(Schema.fromJsonString(Snapshot))
