import { withPreset } from "@cpo/tooling/vitest"

/** Test files share one module graph per worker (isolate: false) and copy PGlite templates built once per run. */
export default withPreset({ test: { globalSetup: ["./test/templates.ts"], isolate: false } })
