/**
 * For the commands' tests that need the bundled CLI (`dist/cpo.mjs`, which turbo builds before the tests): the exit
 * codes and stderr a user sees, the migrated store template, and the synthetic councils the in-process tests read.
 */
import { type SpawnSyncReturns, spawnSync } from "node:child_process"
import * as Path from "node:path"

const bin = Path.join(import.meta.dirname, "..", "dist", "cpo.mjs")

/**
 * Run the bundled CLI in a new node, with `env` over this process's environment. V8's baseline WebAssembly code only
 * (`--liftoff-only`): a short process spares optimising PGlite's module.
 */
export const runBundled = (
  args: ReadonlyArray<string>,
  env: Readonly<Record<string, string>> = {}
): SpawnSyncReturns<string> =>
  spawnSync(process.execPath, ["--liftoff-only", bin, ...args], { encoding: "utf8", env: { ...process.env, ...env } })

/** A synthetic council as `cpo synth` writes it: its name, how many children, the seed and the years (`2017-2018`). */
export interface SyntheticCouncil {
  readonly council: string
  readonly children: number
  readonly seed: number
  readonly years: string
}

/** Write a synthetic council's 903 files, one folder per year, to `out` with the bundled `cpo synth`. */
export const synthesise = (out: string, council: SyntheticCouncil): SpawnSyncReturns<string> =>
  runBundled([
    "synth",
    "--out",
    out,
    "--children",
    String(council.children),
    "--seed",
    String(council.seed),
    "--council",
    council.council,
    "--years",
    council.years
  ])
