/**
 * `cpo publish --to <dir|url>`: export what the council makes public — the published snapshot of `@cpo/api`
 * (`Snapshot.make`): every council's public-audience (suppressed) scorecards, its published local offer and its public
 * member reports — for the edge build to serve (`dist/edge.mjs` in workerd / Cloudflare Workers) or for any static
 * host. Child-level data never leaves: the snapshot holds only documents built for the public audience.
 *
 * - to a folder: `snapshot.json` (what the edge reads as `CPO_SNAPSHOT` or from `CPO_SNAPSHOT_URL`) and, per council,
 *   the same documents as files (`councils/<id>/indicators-<year>.json`, `offer.json`, `offer.html`,
 *   `member-report-<year>.html` and `.md`). The folder is written beside the target and renamed into place, so a
 *   reader sees the old publication or the new one, never a mix of both (between the two renames, for an instant,
 *   the folder is absent).
 * - to an `http(s)://` URL: `snapshot.json` with an HTTP PUT, with `--token` (or `CPO_PUBLISH_TOKEN`) as the bearer.
 *
 * Each council's audit log records the export (`Snapshot.recordPublication`).
 */
import * as Snapshot from "@cpo/api/snapshot"
import { AuditLog, CalendarDate, LocalOffer, OfferPage, Scorecard } from "@cpo/domain"
import { Clock, Config, Effect, FileSystem, Option, Path, Redacted, Schema } from "effect"
import { Command, Flag } from "effect/cli"
import { CommandFailed, UnusableInput } from "../errors.ts"
import { toJson, writeStderr, writeStdout } from "../output.ts"
import { operator, withStore } from "./db.ts"

/** One file of a publication, by its path inside the folder. */
export interface PublishedFile {
  readonly path: string
  readonly content: string
}

const encodeScorecard = Schema.encodeSync(Scorecard.Scorecard)
const encodeCouncil = Schema.encodeSync(Snapshot.PublishedCouncil.fields.council)

/**
 * The files of a publication: the snapshot itself, and each council's documents as the API serves them on the day
 * of publication.
 */
export const filesOf = (snapshot: Snapshot.Snapshot): ReadonlyArray<PublishedFile> => {
  const day = CalendarDate.make(snapshot.publishedAt.slice(0, 10))
  return [
    { path: "snapshot.json", content: Snapshot.encode(snapshot) },
    ...snapshot.councils.flatMap((published) => {
      const dir = `councils/${published.council.id}`
      const offer = LocalOffer.inForceOn(published.offers, day)
      return [
        { path: `${dir}/council.json`, content: toJson(encodeCouncil(published.council)) },
        ...published.scorecards.map((s) => ({
          path: `${dir}/indicators-${s.year}.json`,
          content: toJson(encodeScorecard(s))
        })),
        ...Option.match(offer, {
          onNone: () => [],
          onSome: (o) => [
            { path: `${dir}/offer.json`, content: toJson(OfferPage.toJson(o, day)) },
            { path: `${dir}/offer.html`, content: OfferPage.toHtmlPage(o, published.council.name, day) }
          ]
        }),
        ...published.reports.flatMap((r) => [
          { path: `${dir}/member-report-${r.year}.html`, content: r.html },
          { path: `${dir}/member-report-${r.year}.md`, content: r.markdown }
        ])
      ]
    })
  ]
}

/** Write the files into a fresh folder beside `target`, then swap it into place. */
const writeFolder = (target: string, files: ReadonlyArray<PublishedFile>) =>
  Effect.gen(function* () {
    const fs = yield* FileSystem.FileSystem
    const path = yield* Path.Path
    const absolute = path.resolve(target)
    const parent = path.dirname(absolute)
    yield* fs.makeDirectory(parent, { recursive: true })
    const staging = yield* fs.makeTempDirectory({ directory: parent, prefix: `.${path.basename(absolute)}-` })
    for (const file of files) {
      const to = path.join(staging, file.path)
      yield* fs.makeDirectory(path.dirname(to), { recursive: true })
      yield* fs.writeFileString(to, file.content)
    }
    // A folder cannot be renamed over a non-empty one: move the old publication aside, then the new one in.
    const previous = `${staging}.previous`
    const existed = yield* fs.exists(absolute)
    if (existed) yield* fs.rename(absolute, previous)
    yield* fs.rename(staging, absolute)
    if (existed) yield* fs.remove(previous, { recursive: true })
    return absolute
  }).pipe(
    Effect.mapError((e) => new CommandFailed({ message: `cannot write the publication to ${target}: ${e.message}` }))
  )

/** PUT the snapshot to `url` with the bearer token, if any. */
const putSnapshot = (url: URL, snapshot: Snapshot.Snapshot, token: Option.Option<Redacted.Redacted<string>>) =>
  Effect.gen(function* () {
    const headers: Record<string, string> = { "content-type": "application/json" }
    if (Option.isSome(token)) headers.authorization = `Bearer ${Redacted.value(token.value)}`
    const res = yield* Effect.tryPromise({
      try: () => fetch(url, { method: "PUT", headers, body: Snapshot.encode(snapshot) }),
      catch: (e) => new CommandFailed({ message: `cannot reach ${url.origin}: ${String(e)}` })
    })
    if (!res.ok) {
      return yield* new CommandFailed({
        message: `${url.origin}${url.pathname} refused the snapshot: HTTP ${res.status}`
      })
    }
    // The destination as the audit log records it: never the query, which may carry a signature.
    return `${url.origin}${url.pathname}`
  })

/** `--to` as a URL when it is one; a folder otherwise. */
const asUrl = (to: string): Option.Option<URL> => (/^https?:\/\//i.test(to) ? Option.some(new URL(to)) : Option.none())

/** The one-line summary of a council's publication. */
const describe = (published: Snapshot.PublishedCouncil): string =>
  [
    `${published.council.id}:`,
    `scorecards ${published.scorecards.map((s) => s.year).join(", ") || "none"};`,
    `offer ${published.offers.map((o) => `v${o.version}`).join(", ") || "none"};`,
    `member reports ${published.reports.map((r) => r.year).join(", ") || "none"}`
  ].join(" ")

/** The local operator, publishing. */
const publishingOperator = operator("publish the public snapshot")

export const publishCommand = Command.make(
  "publish",
  {
    to: Flag.String("to").pipe(
      Flag.withDescription("a folder to write, or an http(s) URL to PUT snapshot.json to (the edge's CPO_SNAPSHOT_URL)")
    ),
    token: Flag.Redacted("token").pipe(
      Flag.withFallbackConfig(Config.Redacted("CPO_PUBLISH_TOKEN")),
      Flag.optional,
      Flag.withDescription("bearer token for the PUT (default: CPO_PUBLISH_TOKEN)")
    )
  },
  (options) =>
    withStore(
      Effect.gen(function* () {
        if (options.to.trim() === "") return yield* new UnusableInput({ message: "--to must name a folder or a URL" })
        const url = yield* Effect.try({
          try: () => asUrl(options.to),
          catch: () => new UnusableInput({ message: `--to is not a valid URL: ${options.to}` })
        })
        const publishedAt = new Date(yield* Clock.currentTimeMillis).toISOString()
        const snapshot = yield* Snapshot.make(publishedAt, publishingOperator)
        const destination = yield* Option.match(url, {
          onNone: () => writeFolder(options.to, filesOf(snapshot)),
          onSome: (u) => putSnapshot(u, snapshot, options.token)
        })
        yield* Snapshot.recordPublication(snapshot, destination)
        for (const published of snapshot.councils) yield* writeStdout(`${describe(published)}\n`)
        yield* writeStderr(`published ${snapshot.councils.length} council(s) to ${destination} at ${publishedAt}`)
      })
    ).pipe(AuditLog.withCaller(publishingOperator))
).pipe(
  Command.withDescription(
    "Publish the public snapshot (suppressed scorecards, the published local offer, public member reports) to a folder or URL"
  )
)
