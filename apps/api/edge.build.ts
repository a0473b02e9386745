import type { BuildOptions } from "esbuild"

/** esbuild options for the edge bundle: platform-neutral ESM resolved for workers (used by `build.ts` and tests). */
export const edgeOptions: BuildOptions = {
  entryPoints: [new URL("./src/edge.ts", import.meta.url).pathname],
  bundle: true,
  platform: "neutral",
  mainFields: ["module", "main"],
  conditions: ["worker", "browser", "import", "default"],
  target: "es2022",
  format: "esm",
  minify: true,
  legalComments: "none",
  logLevel: "warning"
}

/** A `node:` import in bundled code, if any: the edge bundle must have none. */
export const nodeImportIn = (code: string): string | undefined =>
  /from\s*["']node:[^"']*|import\(\s*["']node:[^"']*|require\(\s*["']node:[^"']*/.exec(code)?.[0]
