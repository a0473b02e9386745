/**
 * `cpo import`: decode a council's 903 files for a year and import them into the store as that year's current return.
 * The import is atomic — until it completes, the previous return stays current — and importing the same files again
 * changes nothing (they are recognised by the SHA-256 of their names and bytes).
 */
import * as Crypto from "node:crypto"
import { AuditLog, Council, ReportingYear, Returns } from "@cpo/domain"
import { Ssda903 } from "@cpo/ssda903"
import { Store } from "@cpo/store"
import { Effect, Option, Path, Schema } from "effect"
import { Command, Flag } from "effect/cli"
import { UnusableInput } from "../errors.ts"
import { writeStdout } from "../output.ts"
import { noteUnreadValues, readCouncilFile, readReturnFiles, yearFlag } from "../return-folder.ts"
import { operator, withStore } from "./db.ts"

/** SHA-256 over the files' names and bytes, in name order: the same files give the same checksum. */
export const checksumOf = (files: ReadonlyArray<{ readonly name: string; readonly bytes: Uint8Array }>): string => {
  const hash = Crypto.createHash("sha256")
  for (const f of [...files].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
    hash.update(f.name)
    hash.update("\0")
    hash.update(f.bytes)
    hash.update("\0")
  }
  return hash.digest("hex")
}

/**
 * Progress on stderr: a bar redrawn in place on a terminal, a plain line per tenth otherwise (logs, CI).
 * (`cli-progress` is not among the CLI's dependencies; this is the few lines of it the import needs.)
 */
export const progressReporter = (isTty: boolean) => {
  let lastTenth = -1
  return (written: number, total: number): Effect.Effect<void> =>
    Effect.sync(() => {
      const share = total === 0 ? 1 : written / total
      if (isTty) {
        const width = 30
        const filled = Math.round(share * width)
        const bar = `${"█".repeat(filled)}${"░".repeat(width - filled)}`
        const end = written >= total ? "\n" : ""
        process.stderr.write(
          `\r${bar} ${Math.floor(share * 100)}% ${written.toLocaleString("en-GB")}/${total.toLocaleString("en-GB")} rows${end}`
        )
        return
      }
      const tenth = Math.floor(share * 10)
      if (tenth > lastTenth) {
        lastTenth = tenth
        process.stderr.write(`imported ${written} of ${total} rows (${tenth * 10}%)\n`)
      }
    })
}

export const importCommand = Command.make(
  "import",
  {
    input: Flag.Directory("input", { mustExist: true }).pipe(
      Flag.withDescription("folder of 903 files for the year, or of year folders as cpo synth writes")
    ),
    year: yearFlag,
    council: Flag.String("council").pipe(
      Flag.optional,
      Flag.withDescription("council id (e.g. demo-borough); default from council.json or the folder's name")
    )
  },
  (options) =>
    Effect.gen(function* () {
      const path = yield* Path.Path
      const year = ReportingYear.make(options.year)
      const files = yield* readReturnFiles(options.input, year)
      const councilFile = Option.getOrUndefined(yield* readCouncilFile(options.input))
      const rawId =
        Option.getOrUndefined(options.council) ??
        councilFile?.id ??
        Council.idFromName(councilFile?.name ?? path.basename(path.resolve(options.input)))
      const councilId = yield* Option.match(Schema.decodeUnknownOption(Council.CouncilId)(rawId), {
        onNone: () =>
          Effect.fail(
            new UnusableInput({ message: `"${rawId}" is not a council id (a lower-case slug such as demo-borough)` })
          ),
        onSome: Effect.succeed
      })
      // The 0–17 population in council.json is kept with the council, so rates per 10,000 served by the API equal
      // those `cpo indicators` computes from the same folder.
      const population = yield* Option.match(Option.fromNullishOr(councilFile?.population), {
        onNone: () => Effect.succeed(Option.none<number>()),
        onSome: (raw) =>
          Option.match(Schema.decodeUnknownOption(Council.Population)(raw), {
            onNone: () =>
              Effect.fail(
                new UnusableInput({
                  message: `council.json: population must be a whole number above 0 (the ONS 0–17 estimate), not ${raw}`
                })
              ),
            onSome: (p) => Effect.succeed(Option.some(p))
          })
      })
      const decoded = yield* Ssda903.decodeFiles(files, { year }).pipe(
        Effect.mapError((e) => new UnusableInput({ message: e.message }))
      )
      yield* noteUnreadValues(decoded)
      const checksum = checksumOf(files)
      const record = yield* withStore(
        Effect.gen(function* () {
          const returns = yield* Returns.Returns
          const known = yield* returns.council(councilId).pipe(Effect.option)
          yield* Option.match(known, {
            onNone: () =>
              returns.saveCouncil({
                id: councilId,
                name: councilFile?.name ?? councilId,
                localAuthorityCode: Option.none(),
                population
              }),
            onSome: (council) =>
              Option.isSome(population) && Option.getOrUndefined(Council.populationOf(council)) !== population.value
                ? returns.saveCouncil({ ...council, population })
                : Effect.void
          })
          const before = yield* Effect.orDie(returns.history(councilId))
          const record = yield* Effect.orDie(returns.importReturn(councilId, decoded.return, checksum))
          return { record, again: before.some((h) => h.id === record.id) }
        }).pipe(Effect.provideService(Store.ImportProgress, progressReporter(process.stderr.isTTY === true)))
      )
      const label = ReportingYear.label(year)
      yield* writeStdout(
        record.again
          ? `${councilId} ${label}: these files were already imported (import ${record.record.id}); nothing changed\n`
          : `${councilId} ${label}: imported ${record.record.children} children and ${record.record.episodes} episodes as import ${record.record.id}, now current\n`
      )
    }).pipe(AuditLog.withCaller(operator("903 import")))
).pipe(Command.withDescription("Import a year's 903 files into the store and make them that year's current return"))
