import { withPreset } from "@cpo/tooling/vitest"

// Most of these tests run whole commands against a file-backed PGlite store, as the real CLI does: opening one costs
// a few seconds of CPU (creating and migrating a new one, about ten), so a busy 2-core machine needs room.
export default withPreset({ test: { testTimeout: 180_000, hookTimeout: 180_000 } })
