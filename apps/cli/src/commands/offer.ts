/**
 * `cpo offer`: a council's local offer for care leavers, kept as versioned rules in the store.
 *
 * - `list`, `show`, `diff`: the versions, one version's entitlements, what changed between two
 * - `draft` (from a JSON file, the national catalogue or the demo offer), `consult`, `approve`, `publish`
 * - `export`: the published offer in force on a day, as open JSON or an accessible HTML page
 * - `entitlements --child <id> --on <date>`: what a young person can have that day, why, and what changes ahead
 * - `takeup record` and `takeup report`: applications, awards and payments, and their counts by audience
 */
import {
  AuditLog,
  CalendarDate,
  type Council,
  DemoOffer,
  Eligibility,
  Entitlement,
  LocalOffer,
  NationalEntitlements,
  OfferArea,
  OfferPage,
  ReportingYear,
  Returns,
  TakeUp,
  YoungPeople
} from "@cpo/domain"
import { Clock, Effect, FileSystem, Option, Schema } from "effect"
import { Command, Flag } from "effect/cli"
import { CommandFailed, UnusableInput } from "../errors.ts"
import { decodeCouncil } from "../flags.ts"
import { readText } from "../input-file.ts"
import { toCsv, toJson, toTable, writeStderr, writeStdout } from "../output.ts"
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
const run = <A, E, R>(purpose: string, self: Effect.Effect<A, E, R>) =>
  withStore(self.pipe(Effect.mapError((e) => (isOfferError(e) ? explain(e) : e)))).pipe(
    AuditLog.withCaller(operator(purpose))
  )

const councilFlag = Flag.String("council").pipe(Flag.withDescription("the council's id, e.g. demo-borough"))
const versionFlag = Flag.Int("version").pipe(Flag.withDescription("the offer version number"))
const formatFlag = Flag.Literals("format", ["table", "json"] as const).pipe(Flag.withDefault("table"))
const byFlag = Flag.String("by").pipe(
  Flag.withDescription("who is doing it, as the record keeps it (a name or email)"),
  Flag.withDefault("")
)

const date = (flag: string, raw: string) =>
  Option.match(CalendarDate.fromIso(raw), {
    onNone: () => Effect.fail(new UnusableInput({ message: `--${flag} must be a date as YYYY-MM-DD, not ${raw}` })),
    onSome: Effect.succeed
  })

const actor = (by: string) => (by === "" ? operator("").actor : by)

const writeJson = (value: unknown) => writeStdout(toJson(value))

const encodeVersion = Schema.encodeSync(LocalOffer.OfferVersion)

const versionRow = (v: LocalOffer.OfferVersion) => [
  v.version,
  v.state,
  v.title,
  v.entitlements.length,
  v.consultations.length,
  Option.getOrElse(
    Option.map(v.approved, (a) => `${a.by} ${a.at.slice(0, 10)}`),
    () => ""
  ),
  Option.getOrElse(
    Option.map(v.published, (p) => `${p.by} ${p.at.slice(0, 10)}`),
    () => ""
  ),
  Option.getOrElse(
    Option.map(v.published, (p) => p.effectiveFrom),
    () => ""
  )
]

const list = Command.make("list", { council: councilFlag, format: formatFlag }, (options) =>
  run(
    "list local offer versions",
    Effect.gen(function* () {
      const council = yield* decodeCouncil(options.council)
      const versions = yield* (yield* LocalOffer.LocalOffers).versions(council)
      if (options.format === "json") return yield* writeJson(versions.map((v) => encodeVersion(v)))
      if (versions.length === 0) return yield* writeStdout(`no offer versions for ${council} yet\n`)
      yield* writeStdout(
        toTable(
          ["version", "state", "title", "entitlements", "consultations", "approved", "published", "in_force_from"],
          versions.map(versionRow)
        )
      )
    })
  )
).pipe(Command.withDescription("List a council's offer versions, newest first"))

/** The version asked for: `--version`, else the published version in force `--on` (default today). */
const chosenVersion = (council: Council.CouncilId, version: Option.Option<number>, on: CalendarDate.CalendarDate) =>
  Effect.gen(function* () {
    const offers = yield* LocalOffer.LocalOffers
    if (Option.isSome(version)) return yield* offers.version(council, version.value)
    return yield* offers.publishedOn(council, on)
  })

const today = Effect.map(Clock.currentTimeMillis, (now) => CalendarDate.make(new Date(now).toISOString().slice(0, 10)))

const onFlag = (what: string) =>
  Flag.String("on").pipe(Flag.optional, Flag.withDescription(`${what} (YYYY-MM-DD; default today)`))

const dayOf = (raw: Option.Option<string>) => Option.match(raw, { onNone: () => today, onSome: (s) => date("on", s) })

const show = Command.make(
  "show",
  {
    council: councilFlag,
    version: versionFlag.pipe(Flag.optional),
    on: onFlag("the day whose published version to show, and whose amounts"),
    format: formatFlag
  },
  (options) =>
    run(
      "show a local offer version",
      Effect.gen(function* () {
        const council = yield* decodeCouncil(options.council)
        const on = yield* dayOf(options.on)
        const offer = yield* chosenVersion(council, options.version, on)
        if (options.format === "json") return yield* writeJson(encodeVersion(offer))
        yield* writeStdout(`${offer.title} — version ${offer.version} (${offer.state})\n\n`)
        yield* writeStdout(
          toTable(
            ["id", "title", "areas", "basis", "set_by", "amount", "who_can_get_it"],
            offer.entitlements.map((e) => [
              e.id,
              e.title,
              e.areas.join(" "),
              e.basis,
              e.setBy,
              Option.getOrElse(Option.map(Entitlement.amountOn(e, on), Entitlement.formatAmount), () => ""),
              Eligibility.describe(e.eligibility)
            ])
          )
        )
      })
    )
).pipe(Command.withDescription("Show the entitlements of a version (default: the published one in force today)"))

const EntitlementsFile = Schema.Union([
  Schema.Array(Entitlement.Entitlement),
  Schema.Struct({ title: Schema.NonEmptyString, entitlements: Schema.Array(Entitlement.Entitlement) })
])

const readJsonFile = <A, I>(file: string, schema: Schema.Codec<A, I>) =>
  Effect.gen(function* () {
    const text = yield* readText(file)
    return yield* Schema.decodeUnknownEffect(Schema.fromJsonString(schema))(text).pipe(
      Effect.mapError((e) => new UnusableInput({ message: `${file}: ${e.message}` }))
    )
  })

const draft = Command.make(
  "draft",
  {
    council: councilFlag,
    from: Flag.Literals("from", ["file", "national", "demo"] as const).pipe(
      Flag.withDefault("file"),
      Flag.withDescription(
        "file: --file; national: the national catalogue; demo: national plus a fictional council's items"
      )
    ),
    file: Flag.File("file").pipe(
      Flag.optional,
      Flag.withDescription("JSON: an array of entitlements, or { title, entitlements }")
    ),
    title: Flag.String("title").pipe(Flag.optional, Flag.withDescription("the offer's title")),
    by: byFlag
  },
  (options) =>
    run(
      "draft a local offer",
      Effect.gen(function* () {
        const council = yield* decodeCouncil(options.council)
        const fromFile = options.from === "file"
        if (fromFile && Option.isNone(options.file)) {
          return yield* new UnusableInput({ message: "give --file offer.json, or --from national or --from demo" })
        }
        const loaded = fromFile
          ? yield* readJsonFile(Option.getOrThrow(options.file), EntitlementsFile)
          : options.from === "national"
            ? NationalEntitlements.catalogue
            : DemoOffer.entitlements
        const entitlements = "entitlements" in loaded ? loaded.entitlements : loaded
        const title = Option.getOrElse(options.title, () =>
          "title" in loaded ? loaded.title : options.from === "demo" ? DemoOffer.title : "Local offer for care leavers"
        )
        const saved = yield* (yield* LocalOffer.LocalOffers).saveDraft(
          council,
          { title, entitlements },
          actor(options.by)
        )
        const missing = LocalOffer.missingAreas(saved)
        yield* writeStdout(
          `saved draft version ${saved.version} of ${council}: ${saved.entitlements.length} entitlements\n`
        )
        if (missing.length > 0) {
          yield* writeStderr(`note: no entitlement yet in ${missing.map(OfferArea.label).join(", ")}`)
        }
      })
    )
).pipe(Command.withDescription("Save the council's draft offer (revises the open draft, or starts the next version)"))

const consult = Command.make(
  "consult",
  {
    council: councilFlag,
    version: versionFlag,
    date: Flag.String("date").pipe(Flag.withDescription("when it took place (YYYY-MM-DD)")),
    with: Flag.String("with").pipe(Flag.withDescription('who was consulted, e.g. "the care leavers\' forum"')),
    careLeavers: Flag.Boolean("care-leavers").pipe(
      Flag.withDefault(true),
      Flag.withDescription("care leavers were among those consulted (use --no-care-leavers otherwise)")
    ),
    summary: Flag.String("summary").pipe(Flag.withDescription("what was said and what changed")),
    by: byFlag
  },
  (options) =>
    run(
      "record a consultation on the local offer",
      Effect.gen(function* () {
        const council = yield* decodeCouncil(options.council)
        const on = yield* date("date", options.date)
        if (options.with.trim() === "" || options.summary.trim() === "") {
          return yield* new UnusableInput({ message: "--with and --summary must not be empty" })
        }
        const v = yield* (yield* LocalOffer.LocalOffers).recordConsultation(council, options.version, {
          on,
          with: options.with,
          careLeavers: options.careLeavers,
          summary: options.summary,
          recordedBy: actor(options.by)
        })
        yield* writeStdout(`recorded consultation ${v.consultations.length} on version ${v.version} of ${council}\n`)
      })
    )
).pipe(Command.withDescription("Record a consultation on a draft (CSWA 2017 s2 requires consulting care leavers)"))

const approve = Command.make("approve", { council: councilFlag, version: versionFlag, by: byFlag }, (options) =>
  run(
    "approve a local offer",
    Effect.gen(function* () {
      const council = yield* decodeCouncil(options.council)
      const v = yield* (yield* LocalOffer.LocalOffers).approve(council, options.version, actor(options.by))
      yield* writeStdout(`approved version ${v.version} of ${council}\n`)
    })
  )
).pipe(Command.withDescription("Approve a consulted draft that covers the six statutory areas"))

const publish = Command.make(
  "publish",
  {
    council: councilFlag,
    version: versionFlag,
    effectiveFrom: Flag.String("effective-from").pipe(Flag.withDescription("the day it takes effect (YYYY-MM-DD)")),
    by: byFlag
  },
  (options) =>
    run(
      "publish a local offer",
      Effect.gen(function* () {
        const council = yield* decodeCouncil(options.council)
        const effectiveFrom = yield* date("effective-from", options.effectiveFrom)
        const v = yield* (yield* LocalOffer.LocalOffers).publish(
          council,
          options.version,
          actor(options.by),
          effectiveFrom
        )
        yield* writeStdout(`published version ${v.version} of ${council}, in force from ${effectiveFrom}\n`)
      })
    )
).pipe(Command.withDescription("Publish an approved version; published versions never change"))

const diff = Command.make(
  "diff",
  { council: councilFlag, from: Flag.Int("from"), to: Flag.Int("to"), format: formatFlag },
  (options) =>
    run(
      "compare local offer versions",
      Effect.gen(function* () {
        const council = yield* decodeCouncil(options.council)
        const offers = yield* LocalOffer.LocalOffers
        const result = LocalOffer.diff(
          yield* offers.version(council, options.from),
          yield* offers.version(council, options.to)
        )
        if (options.format === "json") return yield* writeJson(result)
        const lines = [
          `version ${result.from} → ${result.to}${result.titleChanged ? " (title changed)" : ""}`,
          ...result.added.map((e) => `+ ${e.id}: ${e.title}`),
          ...result.removed.map((e) => `- ${e.id}: ${e.title}`),
          ...result.changed.map((c) => `~ ${c.id}: ${c.fields.map((f) => f.field).join(", ")}`)
        ]
        yield* writeStdout(
          `${lines.join("\n")}\n${result.added.length + result.removed.length + result.changed.length === 0 ? "no changes\n" : ""}`
        )
      })
    )
).pipe(Command.withDescription("What changed between two versions: added, removed and changed entitlements"))

const exportCommand = Command.make(
  "export",
  {
    council: councilFlag,
    on: onFlag("the day whose published offer to export"),
    format: Flag.Literals("format", ["json", "html"] as const).pipe(Flag.withDefault("html")),
    output: Flag.Path("output").pipe(Flag.optional, Flag.withDescription("write to this file instead of stdout"))
  },
  (options) =>
    run(
      "export the published local offer",
      Effect.gen(function* () {
        const council = yield* decodeCouncil(options.council)
        const on = yield* dayOf(options.on)
        const offer = yield* (yield* LocalOffer.LocalOffers).publishedOn(council, on)
        const name = yield* (yield* Returns.Returns).council(council).pipe(Effect.map((c) => c.name))
        const text =
          options.format === "json" ? toJson(OfferPage.toJson(offer, on)) : OfferPage.toHtmlPage(offer, name, on)
        yield* Option.match(options.output, {
          onNone: () => writeStdout(text),
          onSome: (file) =>
            Effect.flatMap(FileSystem.FileSystem, (fs) => fs.writeFileString(file, text)).pipe(
              Effect.mapError(() => new UnusableInput({ message: `cannot write ${file}` })),
              Effect.andThen(writeStderr(`wrote ${file}`))
            )
        })
      })
    )
).pipe(Command.withDescription("The published offer in force on a day, as open JSON or an accessible HTML page"))

const FactsFile = Schema.Union([Eligibility.YoungPerson, Schema.Array(Eligibility.Fact)])

/**
 * The young person: from the current return of the latest year up to `on` that has them, plus entered facts; or
 * wholly from the facts file when it describes the person and no return does.
 */
const youngPerson = (
  council: Council.CouncilId,
  childId: string,
  on: CalendarDate.CalendarDate,
  facts: Option.Option<string>
) =>
  Effect.gen(function* () {
    const entered = yield* Option.match(facts, {
      onNone: () => Effect.succeed(Option.none<typeof FactsFile.Type>()),
      onSome: (file) => Effect.map(readJsonFile(file, FactsFile), Option.some)
    })
    const fromReturn = yield* YoungPeople.fromStore(council, childId, on)
    const enteredPerson = Option.flatMap(entered, (e) => ("childId" in e ? Option.some(e) : Option.none()))
    const enteredFacts = Option.getOrElse(
      Option.map(entered, (e) => ("childId" in e ? e.facts : e)),
      () => []
    )
    return yield* Option.match(fromReturn, {
      onSome: (p) => Effect.succeed(Eligibility.withFacts(p, enteredFacts)),
      onNone: () =>
        Option.match(enteredPerson, {
          onSome: (p) =>
            p.childId === childId
              ? Effect.succeed(p)
              : Effect.fail(
                  new UnusableInput({ message: `the facts file describes child ${p.childId}, not ${childId}` })
                ),
          onNone: () =>
            Effect.fail(
              new UnusableInput({
                message: `child ${childId} is in no return of ${council} up to ${on}; give --facts with their date of birth and facts`
              })
            )
        })
    })
  })

export const entitlementsCommand = Command.make(
  "entitlements",
  {
    council: councilFlag,
    child: Flag.String("child").pipe(Flag.withDescription("the child's id in the 903 return")),
    on: onFlag("the day to answer for"),
    facts: Flag.File("facts").pipe(
      Flag.optional,
      Flag.withDescription("JSON facts to add (an array), or a whole young person { childId, dateOfBirth, facts }")
    ),
    ahead: Flag.Int("ahead").pipe(Flag.withDefault(365), Flag.withDescription("days ahead to list changes for")),
    all: Flag.Boolean("all").pipe(
      Flag.withDefault(false),
      Flag.withDescription("also list what does not apply, and why")
    ),
    format: formatFlag
  },
  (options) =>
    run(
      "answer a young person's local offer entitlements",
      Effect.gen(function* () {
        const council = yield* decodeCouncil(options.council)
        const on = yield* dayOf(options.on)
        const person = yield* youngPerson(council, options.child, on, options.facts)
        const offer = yield* (yield* LocalOffer.LocalOffers).publishedOn(council, on)
        const personal = LocalOffer.entitlementsOn(offer, person, on)
        const changes = LocalOffer.upcomingChanges(offer, person, on, CalendarDate.addDays(on, options.ahead))
        if (options.format === "json") {
          return yield* writeJson({
            ...Schema.encodeSync(LocalOffer.PersonalOffer)(personal),
            upcomingChanges: Schema.encodeSync(Schema.Array(LocalOffer.UpcomingChange))(changes)
          })
        }
        const status = Option.getOrElse(
          Option.map(personal.status, (s) => Eligibility.statusLabels[s]),
          () => "no care-leaver status"
        )
        const lines = [
          `${person.childId} on ${on}: aged ${personal.age}, ${status} — ${offer.title}, version ${offer.version}`,
          ""
        ]
        // Each entitlement once, under its first area; the JSON output keeps every area.
        for (const area of OfferArea.all) {
          const here = personal.assessments.filter((a) => a.applies && a.areas[0] === area)
          if (here.length === 0) continue
          lines.push(OfferArea.label(area))
          for (const a of here) {
            const amount = Option.getOrElse(Option.map(a.amount, Entitlement.formatAmount), () => "")
            lines.push(`  ✓ ${a.title}${amount === "" ? "" : ` — ${amount}`}`)
            lines.push(`      because: ${a.check.because}`)
          }
        }
        if (options.all) {
          lines.push("", "Not applying")
          for (const a of personal.assessments.filter((x) => !x.applies)) {
            lines.push(`  ✗ ${a.title} — ${a.check.because}`)
          }
        }
        lines.push("", changes.length === 0 ? `No changes in the next ${options.ahead} days` : "Coming up")
        for (const c of changes) lines.push(`  ${c.on}  ${c.change.replace("_", " ")}: ${c.title} (${c.because})`)
        yield* writeStdout(`${lines.join("\n")}\n`)
      })
    )
).pipe(Command.withDescription("What a young person can have from the published offer on a day, why, and what changes"))

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
    run(
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
    run(
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

export const offerCommand = Command.make("offer").pipe(
  Command.withDescription(
    "The care leavers' local offer: versions, publication, a young person's entitlements, take-up"
  ),
  Command.withSubcommands([
    list,
    show,
    draft,
    consult,
    approve,
    publish,
    diff,
    exportCommand,
    entitlementsCommand,
    takeup
  ])
)
