import { withPreset } from "@cpo/tooling/vitest"

export default withPreset()
