/**
 * Vitest global set-up: build the PGlite templates the API's tests copy (see `makeTestRuntime` in `src/testing.ts`)
 * once per run, in a temporary folder removed at the end.
 */
import * as Fs from "node:fs"
import * as Os from "node:os"
import * as Path from "node:path"
import { Returns } from "@cpo/domain"
import type { Store } from "@cpo/store"
import { Effect } from "effect"
import { makeRuntime } from "../src/runtime.ts"
import { seedFakeCouncils, type Template, templatesVariable } from "../src/testing.ts"

const build = async (root: string, template: Template, seed: Effect.Effect<unknown, unknown, Store.Services>) => {
  const runtime = makeRuntime({ dataDir: Path.join(root, template) })
  await runtime.runPromise(seed)
  await runtime.dispose()
}

export default async function setup(): Promise<() => void> {
  const root = Fs.mkdtempSync(Path.join(Os.tmpdir(), "cpo-api-templates-"))
  await build(root, "migrated", Effect.asVoid(Returns.Returns))
  await build(root, "seeded", seedFakeCouncils)
  process.env[templatesVariable] = root
  return () => Fs.rmSync(root, { recursive: true, force: true })
}
