import { withPreset } from "@cpo/tooling/vitest"

// Each test file opens a copy of one PGlite store migrated once per run (test/templates.ts); files share one module
// graph per worker (isolate: false), and workers run V8's baseline WebAssembly code only (--liftoff-only), which
// spares optimising PGlite's module in every worker for tests that each run for a few seconds.
export default withPreset({
  test: { globalSetup: ["./test/templates.ts"], isolate: false, execArgv: ["--liftoff-only"] }
})
