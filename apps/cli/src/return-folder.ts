/**
 * Reading a council's 903 files from disk. `--input` names either one year's folder of CSV/XML files or a folder
 * of year folders (`<dir>/2018/`, as `cpo synth` writes); an optional `council.json` beside them names the council.
 * The flags that name the folder, the year and the postcode directory live here with the readers they feed.
 */
import type { Placement, ReportingYear } from "@cpo/domain"
import { PostcodeDirectory, Ssda903 } from "@cpo/ssda903"
import { Effect, FileSystem, Option, Path, Schema } from "effect"
import { Flag } from "effect/cli"
import { UnusableInput } from "./errors.ts"
import { writeStderr } from "./output.ts"

/** What `cpo synth` writes beside the year folders; every field optional for hand-made folders. */
export const CouncilFile = Schema.Struct({
  id: Schema.optionalKey(Schema.String),
  name: Schema.optionalKey(Schema.String),
  population: Schema.optionalKey(Schema.Number)
})
export type CouncilFile = typeof CouncilFile.Type

const isReturnFile = (name: string) => /\.(csv|xml)$/i.test(name)

/** `--input`: the folder the return is read from. */
export const inputFlag = Flag.Directory("input").pipe(
  Flag.withDescription("folder of 903 files for the year, or of year folders as cpo synth writes")
)

/** `--year`: the collection year to read. */
export const yearFlag = Flag.Int("year").pipe(
  Flag.withDescription("collection year, named by its 31 March (2018 = 2017/18)")
)

/** `--postcodes`: the directory `readArea` reads; with `--la`. */
export const postcodesFlag = Flag.File("postcodes").pipe(
  Flag.optional,
  Flag.withDescription("ONS postcode directory (ONSPD or NSPL CSV) for placement location and distance; with --la")
)

/** `--la`: the council's own code in the postcode directory's scheme; with `--postcodes`. */
export const laFlag = Flag.String("la").pipe(
  Flag.optional,
  Flag.withDescription("the council's own authority code in the directory's scheme (e.g. E06000017); with --postcodes")
)

/** The folder holding a year's files: `<dir>/<year>` when it exists, else `<dir>` itself. */
export const yearFolder = (dir: string, year: number) =>
  Effect.gen(function* () {
    const fs = yield* FileSystem.FileSystem
    const path = yield* Path.Path
    if (!(yield* fs.exists(dir).pipe(Effect.orElseSucceed(() => false)))) {
      return yield* new UnusableInput({ message: `input folder not found: ${dir}` })
    }
    const nested = path.join(dir, String(year))
    return (yield* fs.exists(nested).pipe(Effect.orElseSucceed(() => false))) ? nested : dir
  })

/** The council description in `<dir>/council.json`, if any. */
export const readCouncilFile = (dir: string) =>
  Effect.gen(function* () {
    const fs = yield* FileSystem.FileSystem
    const path = yield* Path.Path
    const file = path.join(dir, "council.json")
    if (!(yield* fs.exists(file).pipe(Effect.orElseSucceed(() => false)))) return Option.none<CouncilFile>()
    const text = yield* fs.readFileString(file).pipe(Effect.orElseSucceed(() => ""))
    const parsed = Schema.decodeUnknownOption(Schema.fromJsonString(CouncilFile))(text)
    if (Option.isNone(parsed))
      return yield* new UnusableInput({ message: `${file} is not a valid council description` })
    return parsed
  })

/** The names and bytes of one collection year's 903 files (.csv or .xml) in a folder, in name order. */
export const readReturnFiles = (dir: string, year: ReportingYear.ReportingYear) =>
  Effect.gen(function* () {
    const fs = yield* FileSystem.FileSystem
    const path = yield* Path.Path
    const folder = yield* yearFolder(dir, year)
    const names = (yield* fs
      .readDirectory(folder)
      .pipe(Effect.mapError(() => new UnusableInput({ message: `cannot read folder ${folder}` }))))
      .filter(isReturnFile)
      .sort()
    if (names.length === 0) {
      return yield* new UnusableInput({ message: `no 903 files (.csv or .xml) in ${folder}` })
    }
    return yield* Effect.forEach(names, (name) =>
      fs.readFile(path.join(folder, name)).pipe(
        Effect.map((bytes) => ({ name, bytes })),
        Effect.mapError(() => new UnusableInput({ message: `cannot read ${path.join(folder, name)}` }))
      )
    )
  })

/** Decode the 903 files of one collection year from a folder. */
export const readReturn = (dir: string, year: ReportingYear.ReportingYear, tables?: Ssda903.DecodeOptions["tables"]) =>
  Effect.gen(function* () {
    const files = yield* readReturnFiles(dir, year)
    return yield* Ssda903.decodeFiles(files, tables === undefined ? { year } : { year, tables }).pipe(
      Effect.mapError((e) => new UnusableInput({ message: e.message }))
    )
  })

/** Say on stderr how many values of a decoded return could not be read, when any could not. */
export const noteUnreadValues = (decoded: Ssda903.DecodedReturn) =>
  decoded.errors.length > 0
    ? writeStderr(
        `${decoded.errors.length} value(s) could not be read and were left out; run cpo validate for the details`
      )
    : Effect.void

/**
 * The council's area for placement location and distance: an ONS postcode directory (`--postcodes`, the ONSPD or
 * NSPL CSV) and the council's own code in the same scheme (`--la`, e.g. E06000017). Both or neither.
 */
export const readArea = (postcodes: Option.Option<string>, la: Option.Option<string>) =>
  Effect.gen(function* () {
    if (Option.isNone(postcodes) && Option.isNone(la)) return Option.none<Placement.AreaContext>()
    if (Option.isNone(postcodes) || Option.isNone(la)) {
      return yield* new UnusableInput({
        message: "--postcodes and --la go together: the directory places each postcode, --la names the council's area"
      })
    }
    const file = postcodes.value
    const directory = yield* Effect.tryPromise({
      try: async () => {
        const { createReadStream } = await import("node:fs")
        const { Readable } = await import("node:stream")
        return Readable.toWeb(createReadStream(file, { highWaterMark: 1 << 20 })) as ReadableStream<Uint8Array>
      },
      catch: () => new UnusableInput({ message: `cannot read the postcode directory ${file}` })
    }).pipe(
      Effect.flatMap((stream) => PostcodeDirectory.decode(file, stream)),
      Effect.mapError((e) => (e instanceof UnusableInput ? e : new UnusableInput({ message: e.message })))
    )
    return Option.some<Placement.AreaContext>({ directory, localAuthority: la.value.trim().toUpperCase() })
  })
