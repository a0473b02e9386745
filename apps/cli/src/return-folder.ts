/**
 * Reading a council's 903 files from disk. `--input` names either one year's folder of CSV/XML files or a folder
 * of year folders (`<dir>/2018/`, as `cpo synth` writes); an optional `council.json` beside them names the council.
 */
import type { ReportingYear } from "@cpo/domain"
import { Ssda903 } from "@cpo/ssda903"
import { Effect, FileSystem, Option, Path, Schema } from "effect"
import { UnusableInput } from "./errors.ts"

/** What `cpo synth` writes beside the year folders; every field optional for hand-made folders. */
export const CouncilFile = Schema.Struct({
  id: Schema.optionalKey(Schema.String),
  name: Schema.optionalKey(Schema.String),
  population: Schema.optionalKey(Schema.Number)
})
export type CouncilFile = typeof CouncilFile.Type

const isReturnFile = (name: string) => /\.(csv|xml)$/i.test(name)

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

/** Decode the 903 files of one collection year from a folder. */
export const readReturn = (dir: string, year: ReportingYear.ReportingYear) =>
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
    const files = yield* Effect.forEach(names, (name) =>
      fs.readFile(path.join(folder, name)).pipe(
        Effect.map((bytes) => ({ name, bytes })),
        Effect.mapError(() => new UnusableInput({ message: `cannot read ${path.join(folder, name)}` }))
      )
    )
    return yield* Ssda903.decodeFiles(files, { year }).pipe(
      Effect.mapError((e) => new UnusableInput({ message: e.message }))
    )
  })
