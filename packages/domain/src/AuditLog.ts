/**
 * Who looked at children's records, and why. Every read or export of child-level data is recorded with who did it,
 * what they saw (council and child ids, or the cohort), when and for what purpose (domain.md §5.3: "all access to
 * child-level data is audited"). The log is append-only.
 *
 * The caller travels with the effect as the `Caller` reference, so services keep their signatures: a request handler
 * provides the signed-in user, and code that provides none acts as the local `system` operator.
 */
import { Clock, Context, Effect, Layer, Option, Ref, Schema } from "effect"
import * as Council from "./Council.ts"

/**
 * Roles expected in council systems (domain.md §5.3; a design recommendation, not a statutory list).
 * @category models
 */
export const Role = Schema.Literals([
  "caseworker",
  "manager",
  "analyst",
  "member",
  "partner",
  "administrator",
  "system"
]).annotate({ identifier: "Role" })
export type Role = typeof Role.Type

/** @category models */
export const Caller = Schema.Struct({
  /** The user or process, e.g. an email address or `cli:alice`. */
  actor: Schema.NonEmptyString,
  role: Role,
  /** The council the caller works for; `None` only for the local system operator, who may act for any council. */
  council: Schema.OptionFromNullOr(Council.CouncilId),
  /** Why the caller is reading child-level data, e.g. `903 return preparation`. */
  purpose: Schema.NonEmptyString
}).annotate({ identifier: "Caller" })
export type Caller = typeof Caller.Type

/**
 * The local operator, used when nobody is signed in (the CLI on a council's own machine).
 * @category constructors
 */
export const system: Caller = { actor: "system", role: "system", council: Option.none(), purpose: "operation" }

/**
 * The caller of the current effect; `system` unless provided.
 * @category services
 */
export const CurrentCaller = Context.Reference<Caller>("@cpo/domain/AuditLog/CurrentCaller", {
  defaultValue: () => system
})

/**
 * Run `self` on behalf of `caller`.
 * @category constructors
 */
export const withCaller =
  (caller: Caller) =>
  <A, E, R>(self: Effect.Effect<A, E, R>): Effect.Effect<A, E, R> =>
    Effect.provideService(self, CurrentCaller, caller)

/**
 * May this caller act for `council`? The system operator may act for any council; everyone else only for their own.
 * @category predicates
 */
export const mayActFor = (caller: Caller, council: Council.CouncilId): boolean =>
  Option.match(caller.council, { onNone: () => caller.role === "system", onSome: (c) => c === council })

/** What was accessed: named children, or a cohort described in words. @category models */
export const Subject = Schema.Union([
  Schema.TaggedStruct("Children", { childIds: Schema.Array(Schema.String) }),
  Schema.TaggedStruct("Cohort", { description: Schema.String, children: Schema.Int })
]).annotate({ identifier: "AuditSubject" })
export type Subject = typeof Subject.Type

/** @category models */
export const Action = Schema.Literals(["read", "export", "import", "delete"]).annotate({ identifier: "AuditAction" })
export type Action = typeof Action.Type

/** One access to child-level data, as recorded. @category models */
export const ChildLevelAccess = Schema.Struct({
  council: Council.CouncilId,
  actor: Schema.String,
  role: Role,
  action: Action,
  purpose: Schema.String,
  subject: Subject
}).annotate({ identifier: "ChildLevelAccess" })
export type ChildLevelAccess = typeof ChildLevelAccess.Type

/** A recorded access with its time (ISO 8601). @category models */
export const Entry = Schema.Struct({
  id: Schema.String,
  at: Schema.String,
  ...ChildLevelAccess.fields
}).annotate({ identifier: "AuditEntry" })
export type Entry = typeof Entry.Type

/** A council's audit log (`GET …/audit`), as the API answers and the dashboard decodes. @category schemas */
export const Entries = Schema.Struct({ entries: Schema.Array(Entry) }).annotate({ identifier: "AuditEntries" })
export type Entries = typeof Entries.Type

/**
 * The access made by `caller` on `council`.
 * @category constructors
 */
export const access = (
  caller: Caller,
  council: Council.CouncilId,
  action: Action,
  subject: Subject
): ChildLevelAccess => ({
  council,
  actor: caller.actor,
  role: caller.role,
  action,
  purpose: caller.purpose,
  subject
})

/** @category services */
export class AuditLog extends Context.Service<
  AuditLog,
  {
    /** Append one access; entries are never changed or removed by the application. */
    readonly record: (access: ChildLevelAccess) => Effect.Effect<void>
    /** A council's entries, newest first. */
    readonly entries: (council: Council.CouncilId) => Effect.Effect<ReadonlyArray<Entry>>
  }
>()("@cpo/domain/AuditLog") {}

/**
 * An audit log in memory, for tests.
 * @category layers
 */
export const layerMemory: Layer.Layer<AuditLog> = Layer.effect(
  AuditLog,
  Effect.gen(function* () {
    const state = yield* Ref.make<ReadonlyArray<Entry>>([])
    return AuditLog.of({
      record: (a) =>
        Effect.flatMap(Clock.currentTimeMillis, (now) =>
          Ref.update(state, (s) => [...s, { ...a, id: String(s.length + 1), at: new Date(now).toISOString() }])
        ),
      entries: (council) => Effect.map(Ref.get(state), (s) => s.filter((e) => e.council === council).reverse())
    })
  })
)
