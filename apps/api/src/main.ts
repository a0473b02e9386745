/**
 * The Node entry: the full API with the store on `PORT` (default 8787), PGlite in `CPO_DATA_DIR` or PostgreSQL at
 * `PG_URL`, and the built dashboard at `/` when `CPO_DASHBOARD_DIR` is set. See `config.ts` for every variable.
 * `node dist/server.mjs token --role … --council …` prints a signed bearer token instead (`token.ts`).
 */
import { serve } from "@hono/node-server"
import { Effect } from "effect"
import { makeApp } from "./app.ts"
import { ConfigError, readConfig } from "./config.ts"
import { dashboard } from "./dashboard.ts"
import { makeRuntime } from "./runtime.ts"
import { runTokenCommand } from "./token.ts"

const fail = (message: string): never => {
  console.error(JSON.stringify({ time: new Date().toISOString(), level: "error", msg: message }))
  process.exit(1)
}

const config = (() => {
  try {
    return readConfig()
  } catch (error) {
    return fail(error instanceof ConfigError ? error.message : String(error))
  }
})()

if (process.argv[2] === "token") {
  const outcome = await runTokenCommand(process.argv.slice(3), config.jwtSecret)
  process.stdout.write(outcome.stdout)
  process.stderr.write(outcome.stderr)
  process.exit(outcome.exitCode)
}

const runtime = makeRuntime(config.store)
// Open (and migrate) the store now, so a store that cannot be opened stops the server at start, not on a request.
await runtime.runPromise(Effect.void).catch((error: unknown) => fail(`cannot open the store: ${String(error)}`))

if (config.demo) {
  console.error(
    JSON.stringify({
      time: new Date().toISOString(),
      level: "warn",
      msg: "CPO_DEMO=1: reads are open to an anonymous officer without a token. Never set this in production."
    })
  )
}

const app = makeApp({
  runtime,
  jwtSecret: config.jwtSecret,
  apiKeys: config.apiKeys,
  demo: config.demo,
  maxUploadBytes: config.maxUploadBytes,
  ...(config.dashboardDir === undefined ? {} : { fallback: dashboard(config.dashboardDir) })
})

const server = serve({ fetch: app.fetch, port: config.port }, (info) =>
  console.log(JSON.stringify({ time: new Date().toISOString(), level: "info", msg: "listening", port: info.port }))
)

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    server.close()
    void runtime.dispose().then(() => process.exit(0))
  })
}
