/**
 * For the commands' tests: run a command in this process with the store in `dataDir`, answering what it wrote to
 * stdout — the same path `bin.ts` takes, without spawning the bundled CLI.
 */
import { NodeServices } from "@effect/platform-node"
import { Effect } from "effect"
import { Command } from "effect/cli"
import { layerStoreOptions, type StoreOptions } from "./db.ts"

export const runInProcess = <
  Name extends string,
  Input,
  ContextInput,
  E,
  R extends StoreOptions | NodeServices.NodeServices
>(
  command: Command.Command<Name, Input, ContextInput, E, R>,
  dataDir: string,
  args: ReadonlyArray<string>
) =>
  Effect.gen(function* () {
    const written: Array<string> = []
    const write = process.stdout.write.bind(process.stdout)
    process.stdout.write = ((chunk: string, done?: () => void) => {
      written.push(String(chunk))
      done?.()
      return true
    }) as typeof process.stdout.write
    yield* Command.runWith(command, { version: "test" })(args).pipe(
      Effect.provide(layerStoreOptions({ dataDir })),
      Effect.provide(NodeServices.layer),
      Effect.ensuring(
        Effect.sync(() => {
          process.stdout.write = write
        })
      )
    )
    return written.join("")
  })
