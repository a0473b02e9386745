/**
 * Vite builds the dashboard into `dist/` (served by the API in the demo); Vitest runs the browser tests in `e2e/`
 * against that build. In `vite dev`, API calls go to the API on port 8787.
 */
import { withPreset } from "@cpo/tooling/vitest"
import solid from "vite-plugin-solid"
import { defineConfig } from "vitest/config"
import { preloadPage } from "./src/preload-plugin.ts"
import { precache } from "./src/validate/precache-plugin.ts"

const api = "http://localhost:8787"

export default withPreset(
  defineConfig({
    plugins: [solid(), preloadPage("src/routes/scorecard.tsx"), precache()],
    worker: { format: "es" },
    build: { target: "es2022", sourcemap: true, manifest: true },
    server: { proxy: { "/v1": api, "/health": api } },
    preview: { proxy: { "/v1": api, "/health": api } },
    test: {
      include: ["e2e/**/*.test.ts"],
      // Each file's store is a copy of one built once per run (e2e/templates.ts); one Chromium serves the run, each
      // file in a browser context of its own (e2e/chromium.ts).
      globalSetup: ["./e2e/templates.ts", "./e2e/chromium.ts"],
      // The tests drive a real Chromium from Node; vite-plugin-solid would otherwise default to jsdom.
      environment: "node",
      // Two files at a time, each with its own API, store copy and browser context: the suite is CI's longest, and a
      // second worker overlaps one file's waiting (page loads, requests) with another's work.
      fileParallelism: true,
      maxWorkers: 2,
      // A worker imports the API, Playwright and axe once for all its files rather than once per file; each file
      // still has its own store, server and browser context (e2e/harness.ts useSite), and no module keeps state.
      isolate: false,
      hookTimeout: 180_000,
      testTimeout: 120_000
    }
  })
)
