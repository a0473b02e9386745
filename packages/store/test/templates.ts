/**
 * Vitest global set-up: migrate one PGlite store once per run, in a temporary folder removed at the end, so each test
 * file opens a copy of it (`engines` in `Engines.ts`) instead of paying for initdb and the migrations again. A broken
 * migration fails here, before any test runs.
 */
import { spawnSync } from "node:child_process"
import * as Fs from "node:fs"
import * as Os from "node:os"
import * as Path from "node:path"
import type { TestProject } from "vitest/node"

declare module "vitest" {
  export interface ProvidedContext {
    /** The migrated, empty PGlite folder the run's set-up built. */
    readonly migratedTemplate: string
  }
}

const builder = Path.join(import.meta.dirname, "fixtures", "build-template.ts")

export default function setup(project: TestProject): () => void {
  const root = Fs.mkdtempSync(Path.join(Os.tmpdir(), "cpo-store-templates-"))
  const migrated = Path.join(root, "migrated")
  // V8's baseline WebAssembly code only: a short process spares optimising PGlite's module (see Kill.test.ts).
  const res = spawnSync(process.execPath, ["--liftoff-only", builder, migrated], { encoding: "utf8" })
  if (res.status !== 0) throw new Error(`migrating the PGlite template failed (${res.status}): ${res.stderr}`)
  project.provide("migratedTemplate", migrated)
  return () => Fs.rmSync(root, { recursive: true, force: true })
}
