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
import { type FixtureOptions, seedExtras, seedFixtures, templateName } from "./fixtures.ts"

export default async function setup(): Promise<() => void> {
  const root = Fs.mkdtempSync(Path.join(Os.tmpdir(), "cpo-dashboard-templates-"))
  // The fake councils' store first; the synthetic ones are copies of it with the synthetic council added, sparing
  // PostgreSQL's initdb, the migrations and the fake councils' seeding a second (and third) time.
  const fake: FixtureOptions = { withSynthetic: false }
  await buildTemplate(root, templateName(fake), Effect.andThen(seedFakeCouncils, seedFixtures(fake)))
  const wanted: Array<FixtureOptions> = [{}]
  if (process.env.CPO_SCREENSHOTS_DIR !== undefined) wanted.push({ withPlan: true })
  for (const options of wanted) {
    Fs.cpSync(Path.join(root, templateName(fake)), Path.join(root, templateName(options)), { recursive: true })
    await buildTemplate(root, templateName(options), seedExtras(options))
  }
  process.env[templatesVariable] = root
  return () => Fs.rmSync(root, { recursive: true, force: true })
}
