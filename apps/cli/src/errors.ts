/**
 * Failures a command reports to the user. Each carries the exit code the process ends with and is printed as one
 * clear line on stderr by `bin.ts` (never a stack trace).
 */
import { Runtime, Schema } from "effect"

/** The input cannot be used at all: no such folder, no 903 files, an unreadable file. Exit code 2. */
export class UnusableInput extends Schema.TaggedError<UnusableInput>()("UnusableInput", {
  message: Schema.String
}) {
  override readonly [Runtime.errorExitCode] = 2
  override readonly [Runtime.errorReported] = false
}

/** The command ran but its answer is a failure (e.g. validation errors found). Exit code 1. */
export class CommandFailed extends Schema.TaggedError<CommandFailed>()("CommandFailed", {
  message: Schema.String
}) {
  override readonly [Runtime.errorExitCode] = 1
  override readonly [Runtime.errorReported] = false
}
