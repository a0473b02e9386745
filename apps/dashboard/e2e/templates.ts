/**
 * Vitest global set-up for the browser tests: build, once per run, the stores the test files copy (`makeRuntime` in
 * `fixtures.ts`) — the API's seeded fake councils plus each file's fixtures — in a temporary folder removed at the end.
 * The tour's store (`withPlan`) is built only when the tour runs (CPO_SCREENSHOTS_DIR).
 */
import * as Fs from "node:fs"
import * as Os from "node:os"
import * as Path from "node:path"
import { buildTemplate, seedFakeCouncils, templatesVariable } from "@cpo/api/testing"
import { Effect } from "effect"
import { type FixtureOptions, seedFixtures, templateName } from "./fixtures.ts"

export default async function setup(): Promise<() => void> {
  const root = Fs.mkdtempSync(Path.join(Os.tmpdir(), "cpo-dashboard-templates-"))
  const wanted: Array<FixtureOptions> = [{ withSynthetic: false }, {}]
  if (process.env.CPO_SCREENSHOTS_DIR !== undefined) wanted.push({ withPlan: true })
  for (const options of wanted) {
    await buildTemplate(root, templateName(options), Effect.andThen(seedFakeCouncils, seedFixtures(options)))
  }
  process.env[templatesVariable] = root
  return () => Fs.rmSync(root, { recursive: true, force: true })
}
