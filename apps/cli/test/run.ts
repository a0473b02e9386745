/**
 * For the commands' tests that read like the spawned CLI's: run a command in this process (`runInProcess`, the path
 * `bin.ts` takes, without starting a node and loading the bundle), answering what it wrote to stdout and to stderr.
 * A command that fails rejects with its error; tests of exit codes spawn the bundled CLI instead.
 */
import { Effect } from "effect"

/** What a command wrote. */
export interface Written {
  readonly stdout: string
  readonly stderr: string
}

/** Run `self` (a `runInProcess` answering stdout), capturing what it writes to stderr too. */
export const capture = <E>(self: Effect.Effect<string, E>): Promise<Written> => {
  const stderr: Array<string> = []
  const write = process.stderr.write.bind(process.stderr)
  return Effect.runPromise(
    Effect.acquireUseRelease(
      Effect.sync(() => {
        process.stderr.write = ((chunk: string, done?: () => void) => {
          stderr.push(String(chunk))
          done?.()
          return true
        }) as typeof process.stderr.write
      }),
      () => self,
      () =>
        Effect.sync(() => {
          process.stderr.write = write
        })
    ).pipe(Effect.map((stdout) => ({ stdout, stderr: stderr.join("") })))
  )
}
