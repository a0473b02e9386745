import { withPreset } from "@cpo/tooling/vitest"

// Shell examples run the bundled CLI on small synthetic councils; a page's blocks share one folder and run in order.
export default withPreset({ test: { testTimeout: 180_000 } })
