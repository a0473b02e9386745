/**
 * Vitest global set-up: migrate one PGlite store once per run with the bundled CLI (`cpo db migrate`), in a temporary
 * folder removed at the end, so the commands' tests copy it (`migratedStore` in `stores.ts`) instead of paying for
 * initdb and the migrations in every file.
 */
import * as Fs from "node:fs"
import * as Os from "node:os"
import * as Path from "node:path"
import type { TestProject } from "vitest/node"
import { runBundled } from "./bundled-cli.ts"

declare module "vitest" {
  export interface ProvidedContext {
    /** The migrated, empty PGlite folder the run's set-up built. */
    readonly migratedTemplate: string
    /** What `cpo db migrate` printed on building it: every migration it applied to the new folder. */
    readonly migrateOutput: string
  }
}

export default function setup(project: TestProject): () => void {
  const root = Fs.mkdtempSync(Path.join(Os.tmpdir(), "cpo-cli-templates-"))
  const migrated = Path.join(root, "migrated")
  const res = runBundled(["db", "migrate"], { CPO_DATA_DIR: migrated, PG_URL: "" })
  if (res.status !== 0) throw new Error(`cpo db migrate failed (${res.status}) for the test template: ${res.stderr}`)
  project.provide("migratedTemplate", migrated)
  project.provide("migrateOutput", res.stdout)
  return () => Fs.rmSync(root, { recursive: true, force: true })
}
