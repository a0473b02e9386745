import { withPreset } from "@cpo/tooling/vitest"

// Most of these tests run whole commands against a file-backed PGlite store, as the real CLI does. Each test file
// starts from a copy of one store migrated once per run (test/templates.ts); files share one module graph per worker
// (isolate: false), and workers run V8's baseline WebAssembly code only (--liftoff-only), as the spawned CLI does,
// which spares optimising PGlite's module in every worker for commands that each run for well under a second.
export default withPreset({
  test: {
    globalSetup: ["./test/templates.ts"],
    isolate: false,
    execArgv: ["--liftoff-only"],
    testTimeout: 180_000,
    hookTimeout: 180_000
  }
})
