/**
 * Two bundles from one Hono app:
 * - `dist/server.mjs`: the full API on Node with the store (`node dist/server.mjs`). PGlite stays external: it loads
 *   its WebAssembly from beside its own module.
 * - `dist/edge.mjs`: a `fetch` handler for edge runtimes serving only a published snapshot; it must import no
 *   `node:*` module, which this script checks.
 */
import { readFileSync } from "node:fs"
import { build } from "esbuild"
import { edgeOptions, nodeImportIn } from "./edge.build.ts"

await build({
  entryPoints: ["src/main.ts"],
  outfile: "dist/server.mjs",
  bundle: true,
  platform: "node",
  target: "node22",
  format: "esm",
  minify: true,
  sourcemap: "linked",
  legalComments: "none",
  external: ["@electric-sql/pglite", "@electric-sql/pglite-socket", "@electric-sql/pglite/*"],
  banner: {
    js: "import { createRequire as __cpoRequire } from 'node:module'; const require = __cpoRequire(import.meta.url);"
  },
  logLevel: "warning"
})

await build({ ...edgeOptions, outfile: "dist/edge.mjs" })
const edge = readFileSync("dist/edge.mjs", "utf8")
const nodeImport = nodeImportIn(edge)
if (nodeImport !== undefined) {
  console.error(`dist/edge.mjs imports a node: module (${nodeImport}); the edge build must not`)
  process.exit(1)
}
