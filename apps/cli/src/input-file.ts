/**
 * Reading the files a command is given on its flags (CSV of targets, benchmarks or figures, plan files, JSON
 * definitions). A file that cannot be read, or whose contents its parser refuses, is unusable input (exit code 2).
 */
import { Effect, FileSystem, Result } from "effect"
import { UnusableInput } from "./errors.ts"

/** The text of `file`. */
export const readText = (file: string) =>
  Effect.flatMap(FileSystem.FileSystem, (fs) =>
    fs.readFileString(file).pipe(Effect.mapError(() => new UnusableInput({ message: `cannot read ${file}` })))
  )

/** A parser's answer, its failure message as unusable input. */
export const orUnusable = <A>(parsed: Result.Result<A, { readonly message: string }>) =>
  Result.isFailure(parsed)
    ? Effect.fail(new UnusableInput({ message: parsed.failure.message }))
    : Effect.succeed(parsed.success)

/** `file` read and parsed with a pure domain parser, which names the file in its messages. */
export const readParsed = <A>(
  file: string,
  parse: (text: string, name: string) => Result.Result<A, { readonly message: string }>
) => Effect.flatMap(readText(file), (text) => orUnusable(parse(text, file)))
