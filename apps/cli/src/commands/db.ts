/**
 * `cpo db migrate`: bring the database up to the store's schema and say which migrations ran. Every other store
 * command migrates on opening too; this one is for deployments that migrate as a separate step.
 *
 * Commands that use the store read where it lives from `StoreOptions`, which `bin.ts` provides from the
 * configuration (`CPO_DATA_DIR` for PGlite, `PG_URL` for PostgreSQL).
 */
import * as Os from "node:os"
import type { AuditLog } from "@cpo/domain"
import { Store } from "@cpo/store"
import { Context, Effect, Layer, Option } from "effect"
import { Command } from "effect/cli"
import { CommandFailed } from "../errors.ts"
import { writeStderr, writeStdout } from "../output.ts"

/** Where the store lives, for the commands that open it. */
export class StoreOptions extends Context.Service<StoreOptions, Store.Options>()("@cpo/cli/StoreOptions") {}

/** `StoreOptions` from the CLI configuration. */
export const layerStoreOptions = (options: Store.Options): Layer.Layer<StoreOptions> =>
  Layer.succeed(StoreOptions, options)

/** The local operator running the CLI, as the audit log records them. */
export const operator = (purpose: string): AuditLog.Caller => ({
  actor: `cli:${Os.userInfo().username}`,
  role: "system",
  council: Option.none(),
  purpose
})

/** Where the store lives, in words. */
export const describeStore = (options: Store.Options): string =>
  options.pgUrl !== undefined ? "PostgreSQL (PG_URL)" : options.dataDir !== undefined ? options.dataDir : "memory"

/** Run `self` with the store's services, turning a store that cannot be opened into a clear failure. */
export const withStore = <A, E, R>(self: Effect.Effect<A, E, R>) =>
  Effect.gen(function* () {
    const options = yield* StoreOptions
    return yield* self.pipe(
      Effect.provide(Store.layer(options)),
      Effect.catchIf(
        (e): e is Store.StoreError => e instanceof Store.StoreError,
        (e) =>
          Effect.fail(
            new CommandFailed({ message: `cannot open the store at ${describeStore(options)}: ${e.message}` })
          )
      )
    )
  })

const migrate = Command.make("migrate", {}, () =>
  Effect.gen(function* () {
    const options = yield* StoreOptions
    const applied = yield* Store.migrate.pipe(
      Effect.provide(Store.layerConnection(options)),
      Effect.catchTag("StoreError", (e) =>
        Effect.fail(new CommandFailed({ message: `cannot migrate ${describeStore(options)}: ${e.message}` }))
      )
    )
    yield* writeStderr(`store: ${describeStore(options)}`)
    yield* writeStdout(
      applied.length === 0
        ? "database schema is up to date\n"
        : applied.map(([id, name]) => `applied ${String(id).padStart(4, "0")}_${name}\n`).join("")
    )
  })
).pipe(Command.withDescription("Apply the store's migrations that have not run yet"))

export const dbCommand = Command.make("db").pipe(
  Command.withDescription("Database maintenance"),
  Command.withSubcommands([migrate])
)
