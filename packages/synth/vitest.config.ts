import { withPreset } from "@cpo/tooling/vitest"

// Synthetic councils are pure functions over immutable data, so its test files can share one module graph per worker
// instead of importing Effect afresh for each of them (most of the suite's time was spent importing).
export default withPreset({ test: { isolate: false } })
