/**
 * `./dev demo`: load a synthetic council into a PGlite data folder once (`.data/demo/`), then start the API, which
 * also serves the built dashboard, and print the URL. Run after `pnpm run build`.
 */
import { spawn, spawnSync } from "node:child_process"
import { existsSync, mkdirSync, rmSync, writeFileSync } from "node:fs"
import { join, resolve } from "node:path"

const root = resolve(import.meta.dirname, "..")
const demo = join(root, ".data", "demo")
const files = join(demo, "903")
const dataDir = join(demo, "pglite")
const marker = join(demo, "loaded.json")
const cli = join(root, "apps", "cli", "dist", "cpo.mjs")
const server = join(root, "apps", "api", "dist", "server.mjs")
const dashboard = join(root, "apps", "dashboard", "dist")
const council = { id: "demo-borough", name: "Demo Borough", children: 450, seed: 1, from: 2024, to: 2026 }
const port = process.env.PORT ?? "8787"
const env = { ...process.env, CPO_DATA_DIR: dataDir, PG_URL: "" }

const run = (args: Array<string>) => {
  const res = spawnSync(process.execPath, [cli, ...args], { env, stdio: ["ignore", "ignore", "inherit"] })
  if (res.status !== 0) {
    process.stderr.write(`demo: cpo ${args.join(" ")} failed (exit ${res.status})\n`)
    process.exit(1)
  }
}

if (!existsSync(marker)) {
  process.stderr.write("demo: creating the synthetic council Demo Borough in .data/demo (once)\n")
  rmSync(demo, { recursive: true, force: true })
  mkdirSync(demo, { recursive: true })
  run(["synth", "--out", files, "--children", String(council.children), "--seed", String(council.seed)]
    .concat(["--council", council.name, "--years", `${council.from}-${council.to}`]))
  for (let year = council.from; year <= council.to; year++) {
    run(["import", "--input", files, "--year", String(year), "--council", council.id])
  }
  writeFileSync(marker, `${JSON.stringify({ ...council, loadedAt: new Date().toISOString() }, null, 2)}\n`)
}

const api = spawn(process.execPath, [server], {
  env: { ...env, PORT: port, CPO_DASHBOARD_DIR: dashboard, CPO_DEMO: "1" },
  stdio: ["ignore", "inherit", "inherit"]
})
api.on("exit", (code) => process.exit(code ?? 0))
for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => api.kill(signal))

const url = `http://localhost:${port}/`
for (let i = 0; i < 100; i++) {
  const ok = await fetch(`${url}health`).then((r) => r.ok, () => false)
  if (ok) {
    process.stdout.write(`\ncpo demo is running: ${url}  (Demo Borough, synthetic data; Ctrl+C to stop)\n\n`)
    break
  }
  await new Promise((r) => setTimeout(r, 200))
}
