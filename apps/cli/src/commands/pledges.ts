/**
 * `cpo pledges`: the council's pledges to children in care and care leavers — `add` keeps one with its owner and
 * evidence (local measures, strategy actions, "you said, we did" entries), `list` shows each with its status on a
 * date, when it was last reviewed with the Children in Care Council and whether all its evidence can be followed,
 * `review` records a dated review; `theme` records a theme raised by young people and `themes` lists them for an
 * audience (counts of 1 to 5 suppressed for members and the public).
 */
import { AuditLog, CalendarDate, Pledge, Voice, YouSaidWeDid } from "@cpo/domain"
import { Effect, Option, Schema } from "effect"
import { Command, Flag } from "effect/cli"
import { UnusableInput } from "../errors.ts"
import { councilFlag, decodeCouncil, decodeDate, listOf } from "../flags.ts"
import { Format, writeRows, writeStderr } from "../output.ts"
import { operator, withStore } from "./db.ts"

const add = Command.make(
  "add",
  {
    council: councilFlag,
    id: Flag.String("id").pipe(Flag.withDescription("the pledge's id in the council, e.g. school-1")),
    promise: Flag.String("promise").pipe(Flag.withDescription('the promise as young people wrote it: "We will ..."')),
    meaning: Flag.String("meaning").pipe(Flag.withDefault(""), Flag.withDescription("what it means, in plain words")),
    owner: Flag.String("owner").pipe(Flag.withDescription("the service or partner who answers for it")),
    ownerKind: Flag.Literals("owner-kind", Pledge.OwnerKind.literals).pipe(Flag.withDefault("service")),
    priority: Flag.String("priority").pipe(Flag.optional, Flag.withDescription("comma-separated priority ids")),
    measure: Flag.String("measure").pipe(Flag.optional, Flag.withDescription("comma-separated local measure ids")),
    action: Flag.String("action").pipe(Flag.optional, Flag.withDescription("comma-separated strategy action ids")),
    youSaidWeDid: Flag.String("you-said-we-did").pipe(
      Flag.optional,
      Flag.withDescription("comma-separated you-said-we-did entry ids")
    )
  },
  (options) =>
    withStore(
      Effect.gen(function* () {
        const council = yield* decodeCouncil(options.council)
        const pledge = yield* Schema.decodeUnknownEffect(Pledge.Pledge)({
          id: options.id,
          council,
          promise: options.promise,
          meaning: options.meaning,
          owner: options.owner,
          ownerKind: options.ownerKind,
          priorities: listOf(options.priority),
          evidence: {
            measures: listOf(options.measure),
            actions: listOf(options.action),
            youSaidWeDid: listOf(options.youSaidWeDid)
          },
          reviews: []
        }).pipe(Effect.mapError((e) => new UnusableInput({ message: `the pledge is not valid: ${e.message}` })))
        // Evidence must lead somewhere: refuse links to records the council does not hold.
        const problems = Pledge.problems([pledge], yield* Pledge.recordsOf(council))
        if (problems.length > 0) {
          return yield* new UnusableInput({ message: problems.map((p) => `${p.at}: ${p.message}`).join("; ") })
        }
        yield* (yield* Pledge.Pledges).save(pledge)
        yield* writeStderr(`kept pledge ${pledge.id} for ${council}`)
      })
    ).pipe(AuditLog.withCaller(operator("pledges")))
).pipe(Command.withDescription("Keep a pledge with its owner and evidence (links must lead to records held)"))

const listColumns = ["id", "promise", "owner", "status", "reviewed_with_children", "evidence", "problems"] as const

const list = Command.make(
  "list",
  {
    council: councilFlag,
    asOf: Flag.String("as-of").pipe(Flag.optional, Flag.withDescription("date for the status, YYYY-MM-DD")),
    format: Flag.Literals("format", Format).pipe(Flag.withDefault("table"))
  },
  (options) =>
    withStore(
      Effect.gen(function* () {
        const council = yield* decodeCouncil(options.council)
        const asOf = Option.isSome(options.asOf)
          ? yield* decodeDate(options.asOf.value, "--as-of")
          : CalendarDate.make("9999-12-31")
        const pledges = yield* (yield* Pledge.Pledges).pledges(council)
        const records = yield* Pledge.recordsOf(council)
        yield* writeRows(
          options.format,
          listColumns,
          pledges.map((p) => [
            p.id,
            p.promise,
            p.owner,
            Option.match(Pledge.statusOn(p, asOf), { onNone: () => "not yet reviewed", onSome: (s) => s }),
            Option.getOrElse(Pledge.lastReviewedWithChildren(p, asOf), () => ""),
            Pledge.evidenceTrail(p, records)
              .map((l) => `${l.kind}:${l.id}`)
              .join(" "),
            Pledge.problems([p], records)
              .map((x) => x.message)
              .join("; ")
          ])
        )
      })
    ).pipe(AuditLog.withCaller(operator("pledges")))
).pipe(Command.withDescription("The pledges with their status, last review with children and evidence"))

const review = Command.make(
  "review",
  {
    council: councilFlag,
    id: Flag.String("id").pipe(Flag.withDescription("the pledge's id")),
    on: Flag.String("on").pipe(Flag.withDescription("the date of the review, YYYY-MM-DD")),
    with: Flag.Literals("with", Pledge.ReviewedWith.codes).pipe(Flag.withDefault("children_in_care_council")),
    status: Flag.Literals("status", Pledge.Status.codes),
    summary: Flag.String("summary").pipe(Flag.withDefault(""))
  },
  (options) =>
    withStore(
      Effect.gen(function* () {
        const council = yield* decodeCouncil(options.council)
        const on = yield* decodeDate(options.on, "--on")
        const id = yield* Schema.decodeUnknownEffect(Pledge.PledgeId)(options.id).pipe(
          Effect.mapError(() => new UnusableInput({ message: `--id ${options.id} is not a pledge id` }))
        )
        yield* (yield* Pledge.Pledges)
          .review(council, id, { on, with: options.with, status: options.status, summary: options.summary })
          .pipe(Effect.mapError((e) => new UnusableInput({ message: e.message })))
        yield* writeStderr(`recorded ${options.status} for pledge ${id} on ${on}`)
      })
    ).pipe(AuditLog.withCaller(operator("pledge review")))
).pipe(Command.withDescription("Record a dated review of a pledge: kept, partly kept or not yet kept"))

const theme = Command.make(
  "theme",
  {
    council: councilFlag,
    id: Flag.String("id"),
    on: Flag.String("on").pipe(Flag.withDescription("the meeting or survey date, YYYY-MM-DD")),
    source: Flag.Literals("source", YouSaidWeDid.Source.codes).pipe(Flag.withDefault("children_in_care_council")),
    theme: Flag.String("theme").pipe(Flag.withDescription("a short heading, e.g. Contact with brothers and sisters")),
    summary: Flag.String("summary").pipe(
      Flag.withDescription("what the group said, written about the group — never a name")
    ),
    raisedBy: Flag.Int("raised-by").pipe(Flag.optional, Flag.withDescription("how many young people raised it")),
    priority: Flag.String("priority").pipe(Flag.optional),
    pledge: Flag.String("pledge").pipe(Flag.optional),
    action: Flag.String("action").pipe(Flag.optional)
  },
  (options) =>
    withStore(
      Effect.gen(function* () {
        const council = yield* decodeCouncil(options.council)
        const t = yield* Schema.decodeUnknownEffect(Voice.Theme)({
          id: options.id,
          council,
          on: options.on,
          source: options.source,
          theme: options.theme,
          summary: options.summary,
          raisedBy: Option.getOrNull(options.raisedBy),
          priorities: listOf(options.priority),
          pledges: listOf(options.pledge),
          actions: listOf(options.action)
        }).pipe(Effect.mapError((e) => new UnusableInput({ message: `the theme is not valid: ${e.message}` })))
        yield* (yield* Voice.Themes).record(t)
        yield* writeStderr(`recorded theme ${t.id} for ${council}`)
      })
    ).pipe(AuditLog.withCaller(operator("voice")))
).pipe(Command.withDescription("Record a theme raised by the Children in Care Council, the forum or a survey"))

const themes = Command.make(
  "themes",
  {
    council: councilFlag,
    audience: Flag.Literals("audience", ["officer", "member", "public"] as const).pipe(Flag.withDefault("officer")),
    format: Flag.Literals("format", Format).pipe(Flag.withDefault("table"))
  },
  (options) =>
    withStore(
      Effect.gen(function* () {
        const council = yield* decodeCouncil(options.council)
        const published = Voice.publish(yield* (yield* Voice.Themes).themes(council), options.audience)
        yield* writeRows(
          options.format,
          ["id", "on", "source", "theme", "raised_by", "priorities", "pledges"],
          published.map((t) => [
            t.id,
            t.on,
            t.source,
            t.theme,
            Option.getOrElse(t.raisedBy, () => ""),
            t.priorities.join(" "),
            t.pledges.join(" ")
          ])
        )
      })
    ).pipe(AuditLog.withCaller(operator("voice")))
).pipe(Command.withDescription("The feedback themes for an audience (counts of 1 to 5 hidden for members)"))

export const pledgesCommand = Command.make("pledges").pipe(
  Command.withDescription("Pledges to children in care and care leavers, their reviews, and young people's voice"),
  Command.withSubcommands([add, list, review, theme, themes])
)
