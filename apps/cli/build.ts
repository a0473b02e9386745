/**
 * Bundle the CLI into one ES module so that start-up stays well under half a second (under tsx it takes seconds).
 * PGlite stays external: it loads its WebAssembly from beside its own module.
 */
import { build } from "esbuild"

await build({
  entryPoints: ["src/bin.ts"],
  outfile: "dist/cpo.mjs",
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
