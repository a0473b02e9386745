/**
 * A council's local offer for care leavers (CSWA 2017 s2) as versioned data. A version is drafted, consulted on with
 * care leavers (s2 requires consulting "relevant persons" before publishing or revising), approved and published
 * with the day it takes effect. A published version never changes: a revision is a new version, and `diff` says
 * what changed between two. Which version applies on a day is the published one that took effect last on or
 * before it, so past answers stay exact.
 *
 * For one young person on one day, `entitlementsOn` assesses every entitlement and says why each applies or not;
 * `upcomingChanges` lists what will start, stop or change amount ahead (turning 21, a course ending, a new rate).
 */
import { Clock, Context, Effect, Layer, Option, Ref, Schema } from "effect"
import * as CalendarDate from "./CalendarDate.ts"
import { ChildId } from "./Child.ts"
import * as Council from "./Council.ts"
import * as Eligibility from "./Eligibility.ts"
import * as Entitlement from "./Entitlement.ts"
import * as OfferArea from "./OfferArea.ts"
import type { CouncilNotFound } from "./Returns.ts"
import type * as TakeUp from "./TakeUp.ts"

/** @category models */
export const OfferState = Schema.Literals(["draft", "approved", "published"]).annotate({ identifier: "OfferState" })
export type OfferState = typeof OfferState.Type

/** @category models */
export const OfferVersionNumber = Schema.Int.pipe(Schema.check(Schema.isGreaterThanOrEqualTo(1)))

/** Who did something to a version, and when (an ISO 8601 instant). @category models */
export const SignOff = Schema.Struct({ by: Schema.NonEmptyString, at: Schema.String }).annotate({
  identifier: "OfferSignOff"
})
export type SignOff = typeof SignOff.Type

/**
 * A consultation on a draft: with whom, when, and what was said. CSWA 2017 s2 requires consulting care leavers
 * representative of the council's care leavers before publishing.
 * @category models
 */
export const Consultation = Schema.Struct({
  on: CalendarDate.CalendarDate,
  with: Schema.NonEmptyString,
  /** Were care leavers among those consulted? */
  careLeavers: Schema.Boolean,
  summary: Schema.NonEmptyString,
  recordedBy: Schema.NonEmptyString
}).annotate({ identifier: "OfferConsultation" })
export type Consultation = typeof Consultation.Type

/** @category models */
export const Publication = Schema.Struct({
  by: Schema.NonEmptyString,
  at: Schema.String,
  /** The day this version replaces the previous one. */
  effectiveFrom: CalendarDate.CalendarDate
}).annotate({ identifier: "OfferPublication" })
export type Publication = typeof Publication.Type

/** @category models */
export const OfferVersion = Schema.Struct({
  council: Council.CouncilId,
  version: OfferVersionNumber,
  title: Schema.NonEmptyString,
  state: OfferState,
  entitlements: Schema.Array(Entitlement.Entitlement),
  consultations: Schema.Array(Consultation),
  created: SignOff,
  approved: Schema.OptionFromNullOr(SignOff),
  published: Schema.OptionFromNullOr(Publication)
}).annotate({ identifier: "OfferVersion" })
export type OfferVersion = typeof OfferVersion.Type

/** Every version of a council's offer (`GET …/offer/versions`), as the API answers and the dashboard decodes. @category schemas */
export const OfferVersions = Schema.Struct({ versions: Schema.Array(OfferVersion) }).annotate({
  identifier: "OfferVersions"
})
export type OfferVersions = typeof OfferVersions.Type

/** @category errors */
export class OfferVersionNotFound extends Schema.TaggedError<OfferVersionNotFound>()("OfferVersionNotFound", {
  council: Schema.String,
  version: Schema.Int
}) {}

/** @category errors */
export class NoPublishedOffer extends Schema.TaggedError<NoPublishedOffer>()("NoPublishedOffer", {
  council: Schema.String,
  on: Schema.String
}) {}

/** Only a draft can be changed, consulted on or approved. @category errors */
export class OfferNotDraft extends Schema.TaggedError<OfferNotDraft>()("OfferNotDraft", {
  council: Schema.String,
  version: Schema.Int,
  state: OfferState
}) {}

/** @category errors */
export class OfferNotConsulted extends Schema.TaggedError<OfferNotConsulted>()("OfferNotConsulted", {
  council: Schema.String,
  version: Schema.Int
}) {}

/** @category errors */
export class OfferIncomplete extends Schema.TaggedError<OfferIncomplete>()("OfferIncomplete", {
  council: Schema.String,
  version: Schema.Int,
  missingAreas: Schema.Array(OfferArea.OfferArea)
}) {}

/** @category errors */
export class OfferNotApproved extends Schema.TaggedError<OfferNotApproved>()("OfferNotApproved", {
  council: Schema.String,
  version: Schema.Int,
  state: OfferState
}) {}

/** @category errors */
export class DuplicateEntitlement extends Schema.TaggedError<DuplicateEntitlement>()("DuplicateEntitlement", {
  entitlementId: Schema.String
}) {}

/** @category errors */
export class EntitlementNotInOffer extends Schema.TaggedError<EntitlementNotInOffer>()("EntitlementNotInOffer", {
  council: Schema.String,
  version: Schema.Int,
  entitlementId: Schema.String
}) {}

const duplicateOf = (entitlements: ReadonlyArray<Entitlement.Entitlement>): Option.Option<string> => {
  const seen = new Set<string>()
  for (const e of entitlements) {
    if (seen.has(e.id)) return Option.some(e.id)
    seen.add(e.id)
  }
  return Option.none()
}

const requireDraft = (self: OfferVersion): Effect.Effect<OfferVersion, OfferNotDraft> =>
  self.state === "draft"
    ? Effect.succeed(self)
    : Effect.fail(new OfferNotDraft({ council: self.council, version: self.version, state: self.state }))

/**
 * A new draft. Entitlement ids must be unique within a version.
 * @category constructors
 */
export const makeDraft = (input: {
  readonly council: Council.CouncilId
  readonly version: number
  readonly title: string
  readonly entitlements: ReadonlyArray<Entitlement.Entitlement>
  readonly created: SignOff
}): Effect.Effect<OfferVersion, DuplicateEntitlement> =>
  Option.match(duplicateOf(input.entitlements), {
    onSome: (entitlementId) => Effect.fail(new DuplicateEntitlement({ entitlementId })),
    onNone: () =>
      Effect.succeed({
        ...input,
        state: "draft" as const,
        consultations: [],
        approved: Option.none(),
        published: Option.none()
      })
  })

/**
 * A draft with new title and entitlements; consultations recorded so far stay.
 * @category constructors
 */
export const revise = (
  self: OfferVersion,
  input: { readonly title: string; readonly entitlements: ReadonlyArray<Entitlement.Entitlement> }
): Effect.Effect<OfferVersion, OfferNotDraft | DuplicateEntitlement> =>
  Effect.flatMap(requireDraft(self), (draft) =>
    Option.match(duplicateOf(input.entitlements), {
      onSome: (entitlementId) => Effect.fail(new DuplicateEntitlement({ entitlementId })),
      onNone: () => Effect.succeed({ ...draft, title: input.title, entitlements: input.entitlements })
    })
  )

/** @category constructors */
export const recordConsultation = (
  self: OfferVersion,
  consultation: Consultation
): Effect.Effect<OfferVersion, OfferNotDraft> =>
  Effect.map(requireDraft(self), (draft) => ({ ...draft, consultations: [...draft.consultations, consultation] }))

/**
 * The statutory areas (CSWA 2017 s2(2)(a)–(f)) no entitlement of the version covers.
 * @category getters
 */
export const missingAreas = (self: OfferVersion): ReadonlyArray<OfferArea.OfferArea> =>
  OfferArea.statutory.filter((area) => !self.entitlements.some((e) => e.areas.includes(area)))

/**
 * Approve a draft: it must have been consulted on with care leavers and cover the six statutory areas.
 * @category constructors
 */
export const approve = (
  self: OfferVersion,
  by: SignOff
): Effect.Effect<OfferVersion, OfferNotDraft | OfferNotConsulted | OfferIncomplete> =>
  Effect.gen(function* () {
    const draft = yield* requireDraft(self)
    if (!draft.consultations.some((c) => c.careLeavers)) {
      return yield* new OfferNotConsulted({ council: draft.council, version: draft.version })
    }
    const missing = missingAreas(draft)
    if (missing.length > 0) {
      return yield* new OfferIncomplete({ council: draft.council, version: draft.version, missingAreas: missing })
    }
    return { ...draft, state: "approved" as const, approved: Option.some(by) }
  })

/**
 * Publish an approved version, in force from `effectiveFrom`. A published version is never changed again.
 * @category constructors
 */
export const publish = (self: OfferVersion, publication: Publication): Effect.Effect<OfferVersion, OfferNotApproved> =>
  self.state === "approved"
    ? Effect.succeed({ ...self, state: "published" as const, published: Option.some(publication) })
    : Effect.fail(new OfferNotApproved({ council: self.council, version: self.version, state: self.state }))

/**
 * The published version in force on `on`: the one that took effect last on or before that day (the higher version
 * when two take effect the same day).
 * @category getters
 */
export const inForceOn = (
  versions: ReadonlyArray<OfferVersion>,
  on: CalendarDate.CalendarDate
): Option.Option<OfferVersion> => {
  let best: OfferVersion | undefined
  let bestFrom = ""
  for (const v of versions) {
    if (Option.isNone(v.published)) continue
    const from = v.published.value.effectiveFrom
    if (from > on) continue
    if (best === undefined || from > bestFrom || (from === bestFrom && v.version > best.version)) {
      best = v
      bestFrom = from
    }
  }
  return Option.fromNullishOr(best)
}

/** One field that differs between two versions of an entitlement (values as published JSON). @category models */
export const FieldChange = Schema.Struct({
  field: Schema.String,
  before: Schema.Unknown,
  after: Schema.Unknown
}).annotate({ identifier: "OfferFieldChange" })
export type FieldChange = typeof FieldChange.Type

const Named = Schema.Struct({ id: Entitlement.EntitlementId, title: Schema.String })

/** What changed from one version to another. @category models */
export const OfferDiff = Schema.Struct({
  council: Council.CouncilId,
  from: Schema.Int,
  to: Schema.Int,
  added: Schema.Array(Named),
  removed: Schema.Array(Named),
  changed: Schema.Array(
    Schema.Struct({ id: Entitlement.EntitlementId, title: Schema.String, fields: Schema.Array(FieldChange) })
  ),
  titleChanged: Schema.Boolean
}).annotate({ identifier: "OfferDiff" })
export type OfferDiff = typeof OfferDiff.Type

const encodeEntitlement = Schema.encodeSync(Entitlement.Entitlement)

/**
 * The entitlements added, removed and changed (field by field) from `before` to `after`.
 * @category getters
 */
export const diff = (before: OfferVersion, after: OfferVersion): OfferDiff => {
  const beforeById = new Map(before.entitlements.map((e) => [e.id, e]))
  const afterIds = new Set(after.entitlements.map((e) => e.id))
  const changed: Array<OfferDiff["changed"][number]> = []
  for (const e of after.entitlements) {
    const old = beforeById.get(e.id)
    if (old === undefined) continue
    const a = encodeEntitlement(old) as Record<string, unknown>
    const b = encodeEntitlement(e) as Record<string, unknown>
    const fields = [...new Set([...Object.keys(a), ...Object.keys(b)])]
      .filter((k) => JSON.stringify(a[k]) !== JSON.stringify(b[k]))
      .map((field) => ({ field, before: a[field] ?? null, after: b[field] ?? null }))
    if (fields.length > 0) changed.push({ id: e.id, title: e.title, fields })
  }
  return {
    council: after.council,
    from: before.version,
    to: after.version,
    added: after.entitlements.filter((e) => !beforeById.has(e.id)).map((e) => ({ id: e.id, title: e.title })),
    removed: before.entitlements.filter((e) => !afterIds.has(e.id)).map((e) => ({ id: e.id, title: e.title })),
    changed,
    titleChanged: before.title !== after.title
  }
}

/**
 * What one young person can have from one offer version on one day.
 * @category models
 */
export const PersonalOffer = Schema.Struct({
  council: Council.CouncilId,
  offerVersion: Schema.Int,
  childId: ChildId,
  on: CalendarDate.CalendarDate,
  age: Schema.Int,
  status: Schema.OptionFromNullOr(Eligibility.CareLeaverStatus),
  assessments: Schema.Array(Entitlement.Assessment)
}).annotate({ identifier: "PersonalOffer" })
export type PersonalOffer = typeof PersonalOffer.Type

/**
 * Every entitlement of the offer assessed for the young person on `on`, in the offer's order.
 * @category getters
 */
export const entitlementsOn = (
  offer: OfferVersion,
  person: Eligibility.YoungPerson,
  on: CalendarDate.CalendarDate
): PersonalOffer => {
  const facts = Eligibility.circumstancesOn(person, on)
  return {
    council: offer.council,
    offerVersion: offer.version,
    childId: person.childId,
    on,
    age: facts.age,
    status: facts.status,
    assessments: offer.entitlements.map((e) => Entitlement.assess(e, person, on))
  }
}

/**
 * The entitlements that apply, grouped by area in the Act's order; an entitlement in two areas appears in both.
 * @category getters
 */
export const appliesByArea = (
  personal: PersonalOffer
): ReadonlyArray<{
  readonly area: OfferArea.OfferArea
  readonly entitlements: ReadonlyArray<Entitlement.Assessment>
}> =>
  OfferArea.all
    .map((area) => ({ area, entitlements: personal.assessments.filter((a) => a.applies && a.areas.includes(area)) }))
    .filter((g) => g.entitlements.length > 0)

/** @category models */
export const ChangeKind = Schema.Literals(["starts", "ends", "amount_changes"]).annotate({ identifier: "ChangeKind" })
export type ChangeKind = typeof ChangeKind.Type

/** A change ahead for a young person. @category models */
export const UpcomingChange = Schema.Struct({
  on: CalendarDate.CalendarDate,
  entitlementId: Entitlement.EntitlementId,
  title: Schema.String,
  change: ChangeKind,
  /** What happens that day: "21st birthday", "higher education ends", "new amount". */
  because: Schema.String
}).annotate({ identifier: "UpcomingChange" })
export type UpcomingChange = typeof UpcomingChange.Type

/**
 * A young person's entitlements on a day with what changes ahead (`GET …/entitlements/:child`), as the API answers
 * and the dashboard decodes.
 * @category schemas
 */
export const PersonalEntitlements = Schema.Struct({
  ...PersonalOffer.fields,
  upcomingChanges: Schema.Array(UpcomingChange)
}).annotate({ identifier: "PersonalEntitlements" })
export type PersonalEntitlements = typeof PersonalEntitlements.Type

const ordinal = (n: number): string => {
  const tens = n % 100
  const suffix =
    tens >= 11 && tens <= 13 ? "th" : n % 10 === 1 ? "st" : n % 10 === 2 ? "nd" : n % 10 === 3 ? "rd" : "th"
  return `${n}${suffix}`
}

const factLabel = (f: Eligibility.Fact): string => {
  switch (f._tag) {
    case "Status":
      return `${Eligibility.statusLabels[f.status]} status`
    case "Activity":
      return Eligibility.activityLabels[f.activity]
    case "Accommodation":
      return `living in ${Eligibility.accommodationLabels[f.accommodation]}`
    case "UnaccompaniedAsylumSeeker":
      return "UASC status"
    case "NoRecourseToPublicFunds":
      return "no recourse to public funds"
    case "LivesOutsideArea":
      return "living outside the area"
    case "RequestedSupport":
      return "request for support"
    case "Parent":
      return "being a parent"
  }
}

/**
 * The days after `on`, up to and including `until`, when an entitlement starts or stops applying to the young
 * person or its amount changes, with what happens that day. Only days when something can change are examined:
 * birthdays at the offer's age limits, the start and end of the person's facts, and the offer's effective dates.
 * @category getters
 */
export const upcomingChanges = (
  offer: OfferVersion,
  person: Eligibility.YoungPerson,
  on: CalendarDate.CalendarDate,
  until: CalendarDate.CalendarDate
): ReadonlyArray<UpcomingChange> => {
  const causes = new Map<CalendarDate.CalendarDate, Array<string>>()
  const add = (d: CalendarDate.CalendarDate, cause: string) => {
    if (d > on && d <= until) causes.set(d, [...(causes.get(d) ?? []), cause])
  }
  const ages = new Set(offer.entitlements.flatMap((e) => Eligibility.ageBoundaries(e.eligibility)))
  for (const age of ages) add(CalendarDate.addYears(person.dateOfBirth, age), `${ordinal(age)} birthday`)
  for (const f of person.facts) {
    add(f.from, `${factLabel(f)} starts`)
    Option.map(f.to, (to) => add(CalendarDate.addDays(to, 1), `${factLabel(f)} ends`))
  }
  for (const e of offer.entitlements) {
    add(e.effectiveFrom, "offered from this day")
    Option.map(e.effectiveTo, (to) => add(CalendarDate.addDays(to, 1), "no longer offered"))
    for (const a of e.amounts) {
      add(a.from, "new amount")
      Option.map(a.to, (to) => add(CalendarDate.addDays(to, 1), "amount ends"))
    }
  }
  const days = [...causes.keys()].sort()
  const changes: Array<UpcomingChange> = []
  let previous = offer.entitlements.map((e) => Entitlement.assess(e, person, on))
  for (const day of days) {
    const current = offer.entitlements.map((e) => Entitlement.assess(e, person, day))
    const because = (causes.get(day) ?? []).join("; ")
    current.forEach((now, i) => {
      const before = previous[i]
      if (before === undefined) return
      const change: ChangeKind | undefined =
        before.applies && !now.applies
          ? "ends"
          : !before.applies && now.applies
            ? "starts"
            : before.applies &&
                now.applies &&
                Option.getOrNull(Option.map(before.amount, (a) => `${a.pence}/${a.per}`)) !==
                  Option.getOrNull(Option.map(now.amount, (a) => `${a.pence}/${a.per}`))
              ? "amount_changes"
              : undefined
      if (change !== undefined)
        changes.push({ on: day, entitlementId: now.entitlementId, title: now.title, change, because })
    })
    previous = current
  }
  return changes
}

/**
 * Where a council's local offers are kept. The domain declares it; `@cpo/store` provides it.
 * @category services
 */
export class LocalOffers extends Context.Service<
  LocalOffers,
  {
    /** Every version, newest first. */
    readonly versions: (council: Council.CouncilId) => Effect.Effect<ReadonlyArray<OfferVersion>, CouncilNotFound>
    readonly version: (
      council: Council.CouncilId,
      version: number
    ) => Effect.Effect<OfferVersion, CouncilNotFound | OfferVersionNotFound>
    /** The published version in force on a day. */
    readonly publishedOn: (
      council: Council.CouncilId,
      on: CalendarDate.CalendarDate
    ) => Effect.Effect<OfferVersion, CouncilNotFound | NoPublishedOffer>
    /**
     * Save the council's draft: revises the open draft, or starts a new version when every version is approved or
     * published.
     */
    readonly saveDraft: (
      council: Council.CouncilId,
      input: { readonly title: string; readonly entitlements: ReadonlyArray<Entitlement.Entitlement> },
      by: string
    ) => Effect.Effect<OfferVersion, CouncilNotFound | DuplicateEntitlement>
    readonly recordConsultation: (
      council: Council.CouncilId,
      version: number,
      consultation: Consultation
    ) => Effect.Effect<OfferVersion, CouncilNotFound | OfferVersionNotFound | OfferNotDraft>
    readonly approve: (
      council: Council.CouncilId,
      version: number,
      by: string
    ) => Effect.Effect<
      OfferVersion,
      CouncilNotFound | OfferVersionNotFound | OfferNotDraft | OfferNotConsulted | OfferIncomplete
    >
    readonly publish: (
      council: Council.CouncilId,
      version: number,
      by: string,
      effectiveFrom: CalendarDate.CalendarDate
    ) => Effect.Effect<OfferVersion, CouncilNotFound | OfferVersionNotFound | OfferNotApproved>
    /** Record an application, award, payment or refusal against an entitlement of a version. */
    readonly recordTakeUp: (
      record: TakeUp.NewTakeUp
    ) => Effect.Effect<TakeUp.TakeUp, CouncilNotFound | OfferVersionNotFound | EntitlementNotInOffer>
    /** A council's take-up records dated from `from` to `to` inclusive, oldest first. */
    readonly takeUp: (
      council: Council.CouncilId,
      from: CalendarDate.CalendarDate,
      to: CalendarDate.CalendarDate
    ) => Effect.Effect<ReadonlyArray<TakeUp.TakeUp>, CouncilNotFound>
  }
>()("@cpo/domain/LocalOffers") {}

interface MemoryState {
  readonly versions: ReadonlyArray<OfferVersion>
  readonly takeUp: ReadonlyArray<TakeUp.TakeUp>
}

/**
 * Local offers kept in memory, for tests of the API and dashboard. Every council is taken to exist; the lifecycle
 * rules are the same pure functions the store applies.
 * @category layers
 */
export const layerMemory: Layer.Layer<LocalOffers> = Layer.effect(
  LocalOffers,
  Effect.gen(function* () {
    const state = yield* Ref.make<MemoryState>({ versions: [], takeUp: [] })
    const now = Effect.map(Clock.currentTimeMillis, (ms) => new Date(ms).toISOString())
    const ofCouncil = (council: Council.CouncilId) =>
      Effect.map(Ref.get(state), (s) =>
        s.versions.filter((v) => v.council === council).sort((a, b) => b.version - a.version)
      )
    const find = (council: Council.CouncilId, version: number) =>
      Effect.flatMap(ofCouncil(council), (vs) => {
        const found = vs.find((v) => v.version === version)
        return found === undefined ? Effect.fail(new OfferVersionNotFound({ council, version })) : Effect.succeed(found)
      })
    const put = (v: OfferVersion) =>
      Effect.as(
        Ref.update(state, (s) => ({
          ...s,
          versions: [...s.versions.filter((x) => !(x.council === v.council && x.version === v.version)), v]
        })),
        v
      )
    return LocalOffers.of({
      versions: ofCouncil,
      version: find,
      publishedOn: (council, on) =>
        Effect.flatMap(ofCouncil(council), (vs) =>
          Option.match(inForceOn(vs, on), {
            onNone: () => Effect.fail(new NoPublishedOffer({ council, on })),
            onSome: Effect.succeed
          })
        ),
      saveDraft: (council, input, by) =>
        Effect.gen(function* () {
          const vs = yield* ofCouncil(council)
          const open = vs.find((v) => v.state === "draft")
          if (open !== undefined) {
            return yield* put(yield* revise(open, input).pipe(Effect.catchTag("OfferNotDraft", Effect.die)))
          }
          const draft = yield* makeDraft({
            council,
            version: (vs[0]?.version ?? 0) + 1,
            title: input.title,
            entitlements: input.entitlements,
            created: { by, at: yield* now }
          })
          return yield* put(draft)
        }),
      recordConsultation: (council, version, consultation) =>
        Effect.flatMap(find(council, version), (v) => Effect.flatMap(recordConsultation(v, consultation), put)),
      approve: (council, version, by) =>
        Effect.gen(function* () {
          const v = yield* find(council, version)
          return yield* put(yield* approve(v, { by, at: yield* now }))
        }),
      publish: (council, version, by, effectiveFrom) =>
        Effect.gen(function* () {
          const v = yield* find(council, version)
          return yield* put(yield* publish(v, { by, at: yield* now, effectiveFrom }))
        }),
      recordTakeUp: (record) =>
        Effect.gen(function* () {
          const v = yield* find(record.council, record.offerVersion)
          if (!v.entitlements.some((e) => e.id === record.entitlementId)) {
            return yield* new EntitlementNotInOffer({
              council: record.council,
              version: record.offerVersion,
              entitlementId: record.entitlementId
            })
          }
          const recordedAt = yield* now
          return yield* Ref.modify(state, (s): [TakeUp.TakeUp, MemoryState] => {
            const saved = { ...record, id: String(s.takeUp.length + 1), recordedAt }
            return [saved, { ...s, takeUp: [...s.takeUp, saved] }]
          })
        }),
      takeUp: (council, from, to) =>
        Effect.map(Ref.get(state), (s) =>
          s.takeUp
            .filter((r) => r.council === council && r.on >= from && r.on <= to)
            .sort((a, b) => (a.on < b.on ? -1 : a.on > b.on ? 1 : 0))
        )
    })
  })
)
