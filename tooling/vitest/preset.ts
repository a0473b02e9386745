/**
 * The Vitest settings every workspace shares: tests in `test/` (packages) or beside the source (apps),
 * and a JSON report in `.reports/vitest.json` so `.ci/run` can total passes and failures across the repo.
 */
import { defineConfig, mergeConfig, type ViteUserConfig } from "vitest/config"

export const preset = defineConfig({
  test: {
    include: ["test/**/*.test.ts", "src/**/*.test.ts", "src/**/*.test.tsx"],
    reporters: ["default", "json"],
    outputFile: { json: ".reports/vitest.json" },
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: "forks"
  }
})

/** A workspace's config: the preset plus what that workspace adds. */
export const withPreset = (config: ViteUserConfig = {}) => mergeConfig(preset, config)
