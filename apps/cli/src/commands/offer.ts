/**
 * `cpo offer`: a council's local offer for care leavers, kept as versioned rules in the store.
 *
 * - `list`, `show`, `diff`: the versions, one version's entitlements, what changed between two
 * - `draft` (from a JSON file, the national catalogue or the demo offer), `consult`, `approve`, `publish`
 * - `export`: the published offer in force on a day, as open JSON or an accessible HTML page
 * - `entitlements` (entitlements.ts) and `takeup record|report` (takeup.ts): a young person's offer on a day, and take-up
 */
import {
  type CalendarDate,
  type Council,
  DemoOffer,
  Eligibility,
  Entitlement,
  LocalOffer,
  NationalEntitlements,
  OfferArea,
  OfferPage,
  Returns
} from "@cpo/domain"
import { Effect, FileSystem, Option, Schema } from "effect"
import { Command, Flag } from "effect/cli"
import { UnusableInput } from "../errors.ts"
import { decodeCouncil } from "../flags.ts"
import { toJson, toTable, writeStderr, writeStdout } from "../output.ts"
import { entitlementsCommand } from "./entitlements.ts"
import {
  actor,
  byFlag,
  councilFlag,
  date,
  dayOf,
  formatFlag,
  onFlag,
  readJsonFile,
  runOffer,
  versionFlag,
  writeJson
} from "./offer-flags.ts"
import { takeup } from "./takeup.ts"

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
  runOffer(
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

const show = Command.make(
  "show",
  {
    council: councilFlag,
    version: versionFlag.pipe(Flag.optional),
    on: onFlag("the day whose published version to show, and whose amounts"),
    format: formatFlag
  },
  (options) =>
    runOffer(
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
    runOffer(
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
    runOffer(
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
  runOffer(
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
    runOffer(
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
    runOffer(
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
    runOffer(
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
