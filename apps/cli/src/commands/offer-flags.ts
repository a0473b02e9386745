/**
 * What the local offer's commands (`cpo offer …`, `cpo offer entitlements`, `cpo offer takeup …`) share: their flags,
 * how a day is given, and the one wording of each local offer failure, with the store opened as the local operator.
 */
import { AuditLog, CalendarDate, type LocalOffer, OfferArea, type Returns } from "@cpo/domain"
import { Clock, Effect, Option, Schema } from "effect"
import { Flag } from "effect/cli"
import { CommandFailed, UnusableInput } from "../errors.ts"
import { readText } from "../input-file.ts"
import { toJson, writeStdout } from "../output.ts"
import { operator, withStore } from "./db.ts"

type OfferError =
  | Returns.CouncilNotFound
  | LocalOffer.OfferVersionNotFound
  | LocalOffer.NoPublishedOffer
  | LocalOffer.OfferNotDraft
  | LocalOffer.OfferNotConsulted
  | LocalOffer.OfferIncomplete
  | LocalOffer.OfferNotApproved
  | LocalOffer.DuplicateEntitlement
  | LocalOffer.EntitlementNotInOffer

/** A domain failure as the one line the user reads. */
export const explain = (e: OfferError): UnusableInput | CommandFailed => {
  switch (e._tag) {
    case "CouncilNotFound":
      return new UnusableInput({ message: `no council ${e.council} in the store` })
    case "OfferVersionNotFound":
      return new UnusableInput({ message: `council ${e.council} has no offer version ${e.version}` })
    case "NoPublishedOffer":
      return new CommandFailed({ message: `council ${e.council} has no published offer in force on ${e.on}` })
    case "OfferNotDraft":
      return new CommandFailed({
        message: `offer version ${e.version} is ${e.state}: only a draft can change; save a new draft with cpo offer draft`
      })
    case "OfferNotConsulted":
      return new CommandFailed({
        message: `offer version ${e.version} has not been consulted on with care leavers (CSWA 2017 s2): record it with cpo offer consult`
      })
    case "OfferIncomplete":
      return new CommandFailed({
        message: `offer version ${e.version} covers no entitlement in: ${e.missingAreas.map(OfferArea.label).join(", ")} (CSWA 2017 s2(2))`
      })
    case "OfferNotApproved":
      return new CommandFailed({ message: `offer version ${e.version} is ${e.state}: approve it before publishing` })
    case "DuplicateEntitlement":
      return new UnusableInput({ message: `entitlement ${e.entitlementId} appears more than once in the offer` })
    case "EntitlementNotInOffer":
      return new UnusableInput({ message: `offer version ${e.version} has no entitlement ${e.entitlementId}` })
  }
}

const isOfferError = (e: unknown): e is OfferError =>
  typeof e === "object" &&
  e !== null &&
  "_tag" in e &&
  [
    "CouncilNotFound",
    "OfferVersionNotFound",
    "NoPublishedOffer",
    "OfferNotDraft",
    "OfferNotConsulted",
    "OfferIncomplete",
    "OfferNotApproved",
    "DuplicateEntitlement",
    "EntitlementNotInOffer"
  ].includes(String(e._tag))

/** Run a command's work against the store, as the local operator, with domain failures explained. */
export const runOffer = <A, E, R>(purpose: string, self: Effect.Effect<A, E, R>) =>
  withStore(self.pipe(Effect.mapError((e) => (isOfferError(e) ? explain(e) : e)))).pipe(
    AuditLog.withCaller(operator(purpose))
  )

export const councilFlag = Flag.String("council").pipe(Flag.withDescription("the council's id, e.g. demo-borough"))
export const versionFlag = Flag.Int("version").pipe(Flag.withDescription("the offer version number"))
export const formatFlag = Flag.Literals("format", ["table", "json"] as const).pipe(Flag.withDefault("table"))
export const byFlag = Flag.String("by").pipe(
  Flag.withDescription("who is doing it, as the record keeps it (a name or email)"),
  Flag.withDefault("")
)

export const date = (flag: string, raw: string) =>
  Option.match(CalendarDate.fromIso(raw), {
    onNone: () => Effect.fail(new UnusableInput({ message: `--${flag} must be a date as YYYY-MM-DD, not ${raw}` })),
    onSome: Effect.succeed
  })

export const actor = (by: string) => (by === "" ? operator("").actor : by)

export const writeJson = (value: unknown) => writeStdout(toJson(value))

const today = Effect.map(Clock.currentTimeMillis, (now) => CalendarDate.make(new Date(now).toISOString().slice(0, 10)))

export const onFlag = (what: string) =>
  Flag.String("on").pipe(Flag.optional, Flag.withDescription(`${what} (YYYY-MM-DD; default today)`))

export const dayOf = (raw: Option.Option<string>) =>
  Option.match(raw, { onNone: () => today, onSome: (s) => date("on", s) })

export const readJsonFile = <A, I>(file: string, schema: Schema.Codec<A, I>) =>
  Effect.gen(function* () {
    const text = yield* readText(file)
    return yield* Schema.decodeUnknownEffect(Schema.fromJsonString(schema))(text).pipe(
      Effect.mapError((e) => new UnusableInput({ message: `${file}: ${e.message}` }))
    )
  })
