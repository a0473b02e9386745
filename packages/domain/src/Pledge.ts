/**
 * Pledges and promises: the short list of commitments a council makes to its children in care and care leavers,
 * written with the Children in Care Council in plain language (domain.md §2.2: every area publishes a pledge;
 * Cheshire East's pledges, Wiltshire's Promise). Each pledge has an owner — a service or a partner — and evidence:
 * the local measures, strategy actions and "you said, we did" entries that show whether it is kept. Reviews are dated
 * and say who the pledge was reviewed with; the status on a date is the latest review's (kept, partly kept, not yet
 * kept). Pledges are published next to the local offer, so the public page carries plain words and no figures about
 * individuals.
 */
import { Context, Effect, Option, Schema } from "effect"
import * as CalendarDate from "./CalendarDate.ts"
import * as CodeList from "./CodeList.ts"
import * as Council from "./Council.ts"
import * as LocalMeasure from "./LocalMeasure.ts"
import * as Priorities from "./Priorities.ts"
import * as Strategy from "./Strategy.ts"
import * as YouSaidWeDid from "./YouSaidWeDid.ts"

/** A pledge's id within its council, e.g. `home-1`. @category models */
export const PledgeId = Schema.String.pipe(
  Schema.check(
    Schema.isPattern(/^[A-Za-z0-9][A-Za-z0-9._-]{0,39}$/, {
      description: "letters, digits, '.', '_' or '-', at most 40 characters"
    })
  ),
  Schema.brand("PledgeId")
).annotate({ identifier: "PledgeId" })
export type PledgeId = typeof PledgeId.Type

/** @category models */
export const Status = CodeList.make("PledgeStatus", "Whether the pledge is kept", {
  kept: "Kept",
  partly_kept: "Partly kept",
  not_yet_kept: "Not yet kept"
})
export type Status = (typeof Status.codes)[number]

/** Who a pledge was reviewed with. @category models */
export const ReviewedWith = CodeList.make("PledgeReviewedWith", "Who the pledge was reviewed with", {
  children_in_care_council: "Children in Care Council",
  care_leavers_forum: "Care leavers' forum",
  corporate_parenting_board: "Corporate parenting board",
  officers: "Officers"
})
export type ReviewedWith = (typeof ReviewedWith.codes)[number]

/** A dated review of a pledge. @category models */
export const Review = Schema.Struct({
  on: CalendarDate.CalendarDate,
  with: ReviewedWith.schema,
  status: Status.schema,
  /** What was found, in plain language. */
  summary: Schema.String
}).annotate({ identifier: "PledgeReview" })
export type Review = typeof Review.Type

/** What shows the pledge is kept. @category models */
export const Evidence = Schema.Struct({
  measures: Schema.Array(LocalMeasure.MeasureId),
  actions: Schema.Array(Strategy.ActionId),
  youSaidWeDid: Schema.Array(YouSaidWeDid.EntryId)
}).annotate({ identifier: "PledgeEvidence" })
export type Evidence = typeof Evidence.Type

/** @category models */
export const OwnerKind = Schema.Literals(["service", "partner"]).annotate({ identifier: "PledgeOwnerKind" })
export type OwnerKind = typeof OwnerKind.Type

/** @category models */
export const Pledge = Schema.Struct({
  id: PledgeId,
  council: Council.CouncilId,
  /** The promise as young people wrote it: "We will ...". */
  promise: Schema.NonEmptyString,
  /** What it means in practice, in plain language. */
  meaning: Schema.String,
  owner: Schema.NonEmptyString,
  ownerKind: OwnerKind,
  priorities: Schema.Array(Strategy.PriorityId),
  evidence: Evidence,
  reviews: Schema.Array(Review)
}).annotate({ identifier: "Pledge" })
export type Pledge = typeof Pledge.Type

/** The latest review on or before `asOf`. @category getters */
export const latestReview = (self: Pledge, asOf: CalendarDate.CalendarDate): Option.Option<Review> =>
  Option.fromNullishOr(
    self.reviews.filter((r) => r.on <= asOf).sort((a, b) => (a.on < b.on ? 1 : a.on > b.on ? -1 : 0))[0]
  )

/** The status on `asOf`: the latest review's, `None` before the first review. @category getters */
export const statusOn = (self: Pledge, asOf: CalendarDate.CalendarDate): Option.Option<Status> =>
  Option.map(latestReview(self, asOf), (r) => r.status)

/** The last review with the Children in Care Council on or before `asOf`. @category getters */
export const lastReviewedWithChildren = (
  self: Pledge,
  asOf: CalendarDate.CalendarDate
): Option.Option<CalendarDate.CalendarDate> =>
  Option.fromNullishOr(
    self.reviews
      .filter((r) => r.with === "children_in_care_council" && r.on <= asOf)
      .map((r) => r.on)
      .sort()
      .at(-1)
  )

/** What the evidence links to, found or not. @category models */
export interface EvidenceLink {
  readonly kind: "measure" | "action" | "you_said_we_did"
  readonly id: string
  /** The title of what is linked, `None` when nothing by that id is held. */
  readonly title: Option.Option<string>
}

/** What a pledge's evidence is resolved against. @category models */
export interface Records {
  readonly measures: ReadonlyArray<LocalMeasure.Definition>
  readonly strategy: Option.Option<Strategy.Strategy>
  readonly youSaidWeDid: ReadonlyArray<YouSaidWeDid.Entry>
}

/**
 * What a council's pledges' evidence is followed to, from its stores: its measures, its current strategy (none yet is
 * no error: every action link is then unresolved) and its "you said, we did" entries.
 * @category getters
 */
export const recordsOf = (
  council: Council.CouncilId
): Effect.Effect<Records, never, Priorities.Priorities | LocalMeasure.LocalMeasures> =>
  Effect.gen(function* () {
    const priorities = yield* Priorities.Priorities
    return {
      measures: yield* (yield* LocalMeasure.LocalMeasures).definitions(council),
      strategy: yield* priorities.strategy(council).pipe(
        Effect.map(Option.some),
        Effect.catchTag("StrategyNotFound", () => Effect.succeed(Option.none()))
      ),
      youSaidWeDid: yield* priorities.youSaidWeDid(council)
    }
  })

/**
 * The pledge's evidence resolved to what it links to, so every claim can be followed to a measure, an action or a
 * "you said, we did" entry.
 * @category getters
 */
export const evidenceTrail = (self: Pledge, records: Records): ReadonlyArray<EvidenceLink> => [
  ...self.evidence.measures.map(
    (id): EvidenceLink => ({
      kind: "measure",
      id,
      title: Option.map(Option.fromNullishOr(records.measures.find((m) => m.id === id)), (m) => m.title)
    })
  ),
  ...self.evidence.actions.map(
    (id): EvidenceLink => ({
      kind: "action",
      id,
      title: Option.flatMap(records.strategy, (s) =>
        Option.map(Option.fromNullishOr(Strategy.actions(s).find((a) => a.action.id === id)), (a) => a.action.title)
      )
    })
  ),
  ...self.evidence.youSaidWeDid.map(
    (id): EvidenceLink => ({
      kind: "you_said_we_did",
      id,
      title: Option.map(Option.fromNullishOr(records.youSaidWeDid.find((e) => e.id === id)), (e) => e.youSaid)
    })
  )
]

/** A rule a pledge breaks, in words. @category models */
export interface Problem {
  readonly at: string
  readonly message: string
}

/**
 * What is wrong with a council's pledges: an id used twice, evidence that links to nothing held, a priority the
 * strategy does not have, a pledge with no evidence at all.
 * @category getters
 */
export const problems = (pledges: ReadonlyArray<Pledge>, records: Records): ReadonlyArray<Problem> => {
  const out: Array<Problem> = []
  const seen = new Set<string>()
  for (const p of pledges) {
    const at = `pledge ${p.id}`
    if (seen.has(p.id)) out.push({ at, message: "id used by another pledge" })
    seen.add(p.id)
    const trail = evidenceTrail(p, records)
    if (trail.length === 0) out.push({ at, message: "has no evidence" })
    for (const link of trail) {
      if (Option.isNone(link.title)) out.push({ at, message: `evidence ${link.kind} ${link.id} is not held` })
    }
    for (const id of p.priorities) {
      const known = Option.match(records.strategy, {
        onNone: () => false,
        onSome: (s) => Option.isSome(Strategy.priorityById(s, id))
      })
      if (!known) out.push({ at, message: `priority ${id} is not in the strategy` })
    }
  }
  return out
}

/** One link of a pledge's evidence as the API answers it: its title `null` when nothing by that id is held. @category schemas */
export const EvidenceLinkView = Schema.Struct({
  kind: Schema.Literals(["measure", "action", "you_said_we_did"]),
  id: Schema.String,
  title: Schema.NullOr(Schema.String)
}).annotate({ identifier: "PledgeEvidenceLink" })
export type EvidenceLinkView = typeof EvidenceLinkView.Type

/**
 * What the pledges page is answered with (`GET …/pledges`): each pledge with its status and last review with the
 * Children in Care Council on a day, its {@link evidenceTrail}, and the council's pledge {@link problems}. The API
 * encodes with it and the dashboard decodes with it.
 * @category schemas
 */
export const View = Schema.Struct({
  asOf: CalendarDate.CalendarDate,
  pledges: Schema.Array(
    Schema.Struct({
      pledge: Pledge,
      status: Schema.NullOr(Status.schema),
      lastReviewedWithChildren: Schema.NullOr(CalendarDate.CalendarDate),
      evidence: Schema.Array(EvidenceLinkView)
    })
  ),
  /** Evidence that leads nowhere, ids used twice, priorities not in the strategy. */
  problems: Schema.Array(Schema.Struct({ at: Schema.String, message: Schema.String }))
}).annotate({ identifier: "PledgesView" })
export type View = typeof View.Type

/** A pledge as published next to the local offer. @category models */
export interface PublishedPledge {
  readonly id: string
  readonly promise: string
  readonly meaning: string
  readonly status: string
  readonly lastReviewedWithChildren: Option.Option<CalendarDate.CalendarDate>
}

/**
 * The pledges as the public page shows them, in plain words: the promise, what it means, whether it is kept and
 * when it was last reviewed with the Children in Care Council.
 * @category encoding
 */
export const publish = (
  pledges: ReadonlyArray<Pledge>,
  asOf: CalendarDate.CalendarDate
): ReadonlyArray<PublishedPledge> =>
  pledges.map((p) => ({
    id: p.id,
    promise: p.promise,
    meaning: p.meaning,
    status: Option.match(statusOn(p, asOf), { onNone: () => "Not yet reviewed", onSome: (s) => Status.label(s) }),
    lastReviewedWithChildren: lastReviewedWithChildren(p, asOf)
  }))

/** Add a review, kept in date order. @category constructors */
export const review = (self: Pledge, r: Review): Pledge => ({
  ...self,
  reviews: [...self.reviews, r].sort((a, b) => (a.on < b.on ? -1 : a.on > b.on ? 1 : 0))
})

/** @category errors */
export class PledgeNotFound extends Schema.TaggedError<PledgeNotFound>()("PledgeNotFound", {
  council: Schema.String,
  pledge: Schema.String
}) {
  override get message(): string {
    return `${this.council}: no pledge ${this.pledge}`
  }
}

/**
 * A council's pledges and their reviews.
 * @category services
 */
export class Pledges extends Context.Service<
  Pledges,
  {
    /** Create or replace a pledge (matched by council and id); reviews given are added to those held. */
    readonly save: (pledge: Pledge) => Effect.Effect<void>
    /** The council's pledges, in the order saved, each with its reviews oldest first. */
    readonly pledges: (council: Council.CouncilId) => Effect.Effect<ReadonlyArray<Pledge>>
    /** Add a dated review of a pledge. */
    readonly review: (
      council: Council.CouncilId,
      pledge: PledgeId,
      review: Review
    ) => Effect.Effect<void, PledgeNotFound>
  }
>()("@cpo/domain/Pledges") {}
