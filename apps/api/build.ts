/**
 * Bundle the Node server into one ES module, `dist/server.mjs` (`node dist/server.mjs`). PGlite stays external: it
 * loads its WebAssembly from beside its own module.
 */
import { build } from "esbuild"

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
