/**
 * `cpo validate`: check a year's 903 files against the DfE rules in force for that collection year and report every
 * failure by rule, table, row and child. Exit 0 when clean, 1 when the return has validation errors, 2 when the
 * input cannot be used. The rules and report formats live in `@cpo/ssda903`; this command reads files and writes.
 */
import { ReportingYear } from "@cpo/domain"
import { ReportFormat, type Ssda903, Validation } from "@cpo/ssda903"
import { Effect, FileSystem, Option, Path } from "effect"
import { Command, Flag } from "effect/cli"
import { CommandFailed, UnusableInput } from "../errors.ts"
import { writeStderr, writeStdout } from "../output.ts"
import { laFlag, postcodesFlag, readArea, readReturn, yearFolder } from "../return-folder.ts"

/** The latest year folder (`<dir>/2018`) under `dir`, if it has any. */
const latestYearFolder = (dir: string) =>
  Effect.gen(function* () {
    const fs = yield* FileSystem.FileSystem
    const names = yield* fs.readDirectory(dir).pipe(Effect.orElseSucceed(() => [] as Array<string>))
    const years = names.filter((n) => /^\d{4}$/.test(n)).map(Number)
    return years.length === 0 ? Option.none<number>() : Option.some(Math.max(...years))
  })

/**
 * The return to validate and its year: `--year` when given, else the latest year folder, else the year holding the
 * latest episode date (said on stderr, since it is a guess).
 */
const readCurrent = (input: string, year: Option.Option<number>) =>
  Effect.gen(function* () {
    if (Option.isSome(year)) {
      const y = ReportingYear.make(year.value)
      return { year: y, decoded: yield* readReturn(input, y) }
    }
    const nested = yield* latestYearFolder(input)
    if (Option.isSome(nested)) {
      const y = ReportingYear.make(nested.value)
      return { year: y, decoded: yield* readReturn(input, y) }
    }
    const provisional = yield* readReturn(input, ReportingYear.make(2000))
    const inferred = Validation.inferYear(provisional)
    if (Option.isNone(inferred)) {
      return yield* new UnusableInput({
        message: `cannot tell the collection year of ${input} (no episodes); pass --year`
      })
    }
    yield* writeStderr(
      `validating as collection year ${ReportingYear.label(inferred.value)} (from the latest episode date); pass --year to choose`
    )
    return { year: inferred.value, decoded: Validation.withYear(provisional, inferred.value) }
  })

/**
 * Last year's return: `--previous` when given, else `<input>/<year - 1>` when the input holds year folders. Only the
 * tables the rules compare across years are read (`Validation.previousTables`); the others are recognised, not decoded.
 */
const readPrevious = (input: string, previous: Option.Option<string>, year: ReportingYear.ReportingYear) =>
  Effect.gen(function* () {
    const last = ReportingYear.previous(year)
    const tables = Validation.previousTables
    if (Option.isSome(previous)) return Option.some(yield* readReturn(previous.value, last, tables))
    const folder = yield* yearFolder(input, last)
    return folder === input ? Option.none<Ssda903.DecodedReturn>() : Option.some(yield* readReturn(input, last, tables))
  })

export const validate = Command.make(
  "validate",
  {
    input: Flag.Directory("input", { mustExist: true }).pipe(
      Flag.withDescription("folder of a year's 903 files (CSV or DfE XML), or of year folders as cpo synth writes")
    ),
    previous: Flag.Directory("previous", { mustExist: true }).pipe(
      Flag.optional,
      Flag.withDescription("folder of last year's files, for the rules comparing the two years")
    ),
    year: Flag.Int("year").pipe(
      Flag.optional,
      Flag.withDescription("collection year, named by its 31 March (2018 = 2017/18); default: the latest in --input")
    ),
    postcodes: postcodesFlag,
    la: laFlag,
    format: Flag.Literals("format", ReportFormat.Format).pipe(Flag.withDefault("table")),
    out: Flag.String("out").pipe(Flag.optional, Flag.withDescription("write the report to this file instead of stdout"))
  },
  (options) =>
    Effect.gen(function* () {
      const fs = yield* FileSystem.FileSystem
      const path = yield* Path.Path
      if (options.format === "xlsx" && Option.isNone(options.out) && process.stdout.isTTY === true) {
        return yield* new UnusableInput({ message: "an XLSX report is a binary file: pass --out report.xlsx" })
      }
      const { year, decoded } = yield* readCurrent(options.input, options.year)
      const previous = yield* readPrevious(options.input, options.previous, year)
      const area = yield* readArea(options.postcodes, options.la)
      const report = Validation.validate(decoded, {
        previous: Option.getOrUndefined(previous),
        area: Option.getOrUndefined(area)
      })
      const rendered = yield* ReportFormat.render(report, options.format)
      if (Option.isSome(options.out)) {
        const file = path.resolve(options.out.value)
        yield* (typeof rendered === "string" ? fs.writeFileString(file, rendered) : fs.writeFile(file, rendered)).pipe(
          Effect.mapError(() => new UnusableInput({ message: `cannot write the report to ${file}` }))
        )
        yield* writeStderr(`report written to ${file}`)
      } else if (typeof rendered === "string") {
        yield* writeStdout(rendered)
      } else {
        yield* Effect.callback<void>((resume) => {
          process.stdout.write(rendered, () => resume(Effect.void))
        })
      }
      if (!Validation.isClean(report)) {
        const rules = report.byRule.length
        return yield* new CommandFailed({
          message: `${report.errors.length} validation error(s) under ${rules} rule code(s) in ${ReportingYear.label(year)}`
        })
      }
    })
).pipe(Command.withDescription("Validate a year's 903 files against the DfE rules and report every error"))
