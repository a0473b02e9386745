/**
 * A published snapshot: what a council makes public — every council's summary and, for each year with a current
 * return, the scorecard suppressed for the public audience. `cpo publish` writes it (`make`, then `encode`); the edge
 * build serves it (`edge.ts`), so child-level data never leaves the council's database.
 */
import { AuditLog, Returns, Scorecard } from "@cpo/domain"
import { Effect, Option, Schema } from "effect"
import { CouncilSummary } from "./endpoints.ts"
import { scorecardOf } from "./scorecard.ts"

/** One council's published documents. @category models */
export const PublishedCouncil = Schema.Struct({
  council: CouncilSummary,
  /** Public-audience scorecards, one per year of `council.years`. */
  scorecards: Schema.Array(Scorecard.Scorecard)
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

/**
 * The snapshot of every council in the store, as the local operator publishing it (recorded in the audit log).
 * @category constructors
 */
export const make = (publishedAt: string): Effect.Effect<Snapshot, never, Returns.Returns> =>
  Effect.gen(function* () {
    const returns = yield* Returns.Returns
    const councils = yield* returns.councils
    const published = yield* Effect.forEach(councils, (council) =>
      Effect.gen(function* () {
        const years = yield* returns.years(council.id)
        const scorecards = yield* Effect.forEach(years, (year) =>
          scorecardOf({ council: council.id, year, audience, population: Option.none() })
        )
        return { council: { ...council, years }, scorecards }
      })
    )
    return { publishedAt, councils: published }
  }).pipe(
    // A council or year listed a moment ago cannot vanish inside one read; if it does, the store is broken.
    Effect.orDie,
    AuditLog.withCaller({ ...AuditLog.system, actor: "publish", purpose: "publish the public snapshot" })
  )

/** @category encoding */
export const encode = (snapshot: Snapshot): string => JSON.stringify(Schema.encodeSync(Snapshot)(snapshot))

/** @category decoding */
export const decode = Schema.decodeUnknownSync(Schema.fromJsonString(Snapshot))
