/**
 * Flags several commands share and the decoding of their values: `--council` (a council id, and one the store must
 * hold before anything of its can be kept), dates as YYYY-MM-DD and comma-separated lists. A value that cannot be
 * decoded is unusable input (exit code 2).
 */
import { CalendarDate, Council, Returns } from "@cpo/domain"
import { Effect, Option, Schema } from "effect"
import { Flag } from "effect/cli"
import { UnusableInput } from "./errors.ts"

/** `--council`: the id of a council in the store. */
export const councilFlag = Flag.String("council").pipe(
  Flag.withDescription("the council's id in the store, e.g. demo-borough")
)

/** The `--council` value as a council id. */
export const decodeCouncil = (raw: string): Effect.Effect<Council.CouncilId, UnusableInput> =>
  Option.match(Schema.decodeUnknownOption(Council.CouncilId)(raw), {
    onNone: () => Effect.fail(new UnusableInput({ message: "--council must be a council id such as demo-borough" })),
    onSome: Effect.succeed
  })

/** The council must exist in the store (imported with cpo import) before its measures or plan can be kept. */
export const existingCouncil = (raw: string) =>
  Effect.gen(function* () {
    const id = yield* decodeCouncil(raw)
    yield* (yield* Returns.Returns)
      .council(id)
      .pipe(
        Effect.catchTag("CouncilNotFound", () =>
          Effect.fail(new UnusableInput({ message: `no council ${id} in the store: import its return first` }))
        )
      )
    return id
  })

/** A date flag's value (`flag` names it, e.g. `--as-of`) as a calendar date. */
export const decodeDate = (raw: string, flag: string): Effect.Effect<CalendarDate.CalendarDate, UnusableInput> =>
  Option.match(CalendarDate.fromIso(raw), {
    onNone: () => Effect.fail(new UnusableInput({ message: `${flag} must be a date as YYYY-MM-DD, got "${raw}"` })),
    onSome: Effect.succeed
  })

/** A comma-separated flag value as a list, blanks dropped; an empty value is an empty list. */
export const commaSeparated = (raw: string): ReadonlyArray<string> =>
  raw
    .split(",")
    .map((s) => s.trim())
    .filter((s) => s !== "")

/** An optional comma-separated list flag, empty when absent. */
export const listOf = (raw: Option.Option<string>): ReadonlyArray<string> =>
  Option.match(raw, { onNone: () => [], onSome: commaSeparated })
