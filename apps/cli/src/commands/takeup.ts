/**
 * `cpo offer takeup record` and `cpo offer takeup report`: applications, awards and payments of the local offer's
 * entitlements, and their counts in a year by entitlement, area, age band or status, suppressed by audience.
 */
import { Entitlement, LocalOffer, ReportingYear, Returns, TakeUp, YoungPeople } from "@cpo/domain"
import { Effect, Option, Schema } from "effect"
import { Command, Flag } from "effect/cli"
import { CommandFailed, UnusableInput } from "../errors.ts"
import { decodeCouncil } from "../flags.ts"
import { toCsv, toTable, writeStderr, writeStdout } from "../output.ts"
import { actor, byFlag, councilFlag, date, runOffer, versionFlag, writeJson } from "./offer-flags.ts"

const record = Command.make(
  "record",
  {
    council: councilFlag,
    version: versionFlag.pipe(Flag.optional, Flag.withDescription("offer version (default: in force on --date)")),
    entitlement: Flag.String("entitlement").pipe(Flag.withDescription("the entitlement's id")),
    child: Flag.String("child").pipe(Flag.withDescription("the child's id")),
    stage: Flag.Literals("stage", TakeUp.Stage.literals),
    date: Flag.String("date").pipe(Flag.withDescription("when it happened (YYYY-MM-DD)")),
    amountPence: Flag.Int("amount-pence").pipe(Flag.optional, Flag.withDescription("amount awarded or paid, in pence")),
    by: byFlag
  },
  (options) =>
    runOffer(
      "record local offer take-up",
      Effect.gen(function* () {
        const council = yield* decodeCouncil(options.council)
        const on = yield* date("date", options.date)
        const offers = yield* LocalOffer.LocalOffers
        const version = yield* Option.match(options.version, {
          onSome: Effect.succeed,
          onNone: () => Effect.map(offers.publishedOn(council, on), (v) => v.version)
        })
        const entitlementId = yield* Option.match(
          Schema.decodeUnknownOption(Entitlement.EntitlementId)(options.entitlement),
          {
            onNone: () =>
              Effect.fail(new UnusableInput({ message: `--entitlement must be an entitlement id such as laptop` })),
            onSome: Effect.succeed
          }
        )
        const childId = yield* Schema.decodeUnknownEffect(TakeUp.NewTakeUp.fields.childId)(options.child).pipe(
          Effect.mapError(() => new UnusableInput({ message: `--child must be a child id of 1 to 64 characters` }))
        )
        const saved = yield* offers.recordTakeUp({
          council,
          offerVersion: version,
          entitlementId,
          childId,
          stage: options.stage,
          on,
          pence: options.amountPence,
          recordedBy: actor(options.by)
        })
        yield* writeStdout(
          `recorded ${saved.stage} of ${saved.entitlementId} for ${saved.childId} on ${saved.on} (version ${saved.offerVersion})\n`
        )
      })
    )
).pipe(Command.withDescription("Record an application, award, payment, refusal or decline"))

const report = Command.make(
  "report",
  {
    council: councilFlag,
    year: Flag.Int("year").pipe(
      Flag.withDescription("financial year, named by its 31 March (2025 = April 2024 to March 2025)")
    ),
    by: Flag.Literals("by", TakeUp.GroupBy.literals).pipe(Flag.withDefault("entitlement")),
    audience: Flag.Literals("audience", ["officer", "member", "public"] as const).pipe(
      Flag.withDefault("officer"),
      Flag.withDescription("officer: exact; member and public: counts of 1–5 suppressed as c")
    ),
    gaps: Flag.String("gaps").pipe(
      Flag.optional,
      Flag.withDescription(
        "comma-separated entitlement ids: list young people they apply to on 31 March who have not had them (officer only)"
      )
    ),
    format: Flag.Literals("format", ["table", "csv", "json"] as const).pipe(Flag.withDefault("table"))
  },
  (options) =>
    runOffer(
      "report local offer take-up",
      Effect.gen(function* () {
        const council = yield* decodeCouncil(options.council)
        const year = ReportingYear.make(options.year)
        const end = ReportingYear.end(year)
        const offers = yield* LocalOffer.LocalOffers
        const offer = yield* offers.publishedOn(council, end)
        const records = yield* offers.takeUp(council, ReportingYear.start(year), end)
        const returns = yield* Returns.Returns
        const ret = yield* returns.current(council, year).pipe(
          Effect.map(Option.some),
          Effect.catchTag("ReturnNotFound", () => Effect.succeed(Option.none()))
        )
        const people = Option.match(ret, { onNone: () => [], onSome: (r) => YoungPeople.ofReturn(r, end) })
        if (
          Option.isNone(ret) &&
          (options.by === "age_band" || options.by === "status" || Option.isSome(options.gaps))
        ) {
          yield* writeStderr(`note: no ${ReportingYear.label(year)} return in the store: ages and statuses are unknown`)
        }
        const summary = TakeUp.summarise({ records, offer, people, by: options.by, audience: options.audience })
        const gaps = Option.match(options.gaps, {
          onNone: () => [],
          onSome: (ids) =>
            TakeUp.notTakenUp({
              offer,
              people,
              records,
              on: end,
              keys: ids.split(",").map((s) => s.trim() as Entitlement.EntitlementId)
            })
        })
        if (gaps.length > 0 && options.audience !== "officer") {
          return yield* new CommandFailed({ message: "--gaps names young people and is for officers only" })
        }
        if (options.format === "json") {
          return yield* writeJson({
            ...Schema.encodeSync(TakeUp.Summary)(summary),
            gaps: Schema.encodeSync(Schema.Array(TakeUp.Gap))(gaps)
          })
        }
        const columns = [
          "key",
          "label",
          "young_people",
          "applications",
          "awards",
          "payments",
          "paid_pence",
          "refusals",
          "declines"
        ]
        const rows = [...summary.rows, summary.total].map((r) => [
          r.key,
          r.label,
          r.youngPeople,
          r.applications,
          r.awards,
          r.payments,
          r.paidPence,
          r.refusals,
          r.declines
        ])
        if (options.format === "csv") return yield* writeStdout(toCsv(columns, rows))
        yield* writeStdout(
          `Take-up ${ReportingYear.label(year)} by ${options.by} (${options.audience})\n\n${toTable(columns, rows)}`
        )
        if (gaps.length > 0) {
          yield* writeStdout(
            `\nNot taken up on ${end}\n\n${toTable(
              ["child", "entitlement", "latest"],
              gaps.map((g) => [g.childId, g.entitlementId, Option.getOrElse(g.latestStage, () => "none")])
            )}`
          )
        }
      })
    )
).pipe(Command.withDescription("Take-up in a year by entitlement, area, age band or status, suppressed by audience"))

export const takeup = Command.make("takeup").pipe(
  Command.withDescription("Take-up of the local offer"),
  Command.withSubcommands([record, report])
)
