/**
 * Vitest global set-up for the browser tests: one Debian Chromium for the whole run, started as a Playwright server.
 * Each test file connects to it and opens a browser context of its own (its own cookies, storage, cache and service
 * workers), so files stay apart without each paying for a Chromium start. The server's address reaches the test
 * workers through {@link chromiumVariable}; Playwright removes the browser's temporary profile when it closes.
 */
import { chromium, type LaunchOptions } from "playwright-core"

/** The environment variable holding the websocket address of the run's Chromium. */
export const chromiumVariable = "CPO_E2E_CHROMIUM"

/** Debian Chromium, headless, without the background traffic a desktop browser makes. */
export const launchOptions: LaunchOptions = {
  executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
  args: [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync"
  ]
}

export default async function setup(): Promise<() => Promise<void>> {
  const server = await chromium.launchServer(launchOptions)
  process.env[chromiumVariable] = server.wsEndpoint()
  return () => server.close()
}
