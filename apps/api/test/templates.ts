/**
 * Vitest global set-up: build the PGlite templates the API's tests copy (see `makeTestRuntime` in `src/testing.ts`)
 * once per run, in a temporary folder removed at the end.
 */
import * as Fs from "node:fs"
import * as Os from "node:os"
import * as Path from "node:path"
import { Returns } from "@cpo/domain"
import { Effect } from "effect"
import { buildTemplate, seedFakeCouncils, templatesVariable } from "../src/testing.ts"

export default async function setup(): Promise<() => void> {
  const root = Fs.mkdtempSync(Path.join(Os.tmpdir(), "cpo-api-templates-"))
  await buildTemplate(root, "migrated", Effect.asVoid(Returns.Returns))
  await buildTemplate(root, "seeded", seedFakeCouncils)
  process.env[templatesVariable] = root
  return () => Fs.rmSync(root, { recursive: true, force: true })
}
