/**
 * `pnpm --filter @cpo/dashboard bench`: the gzip size of the JavaScript the built dashboard loads, read from Vite's
 * manifest in `dist/` — what every first visit downloads: the entry with its static imports and the chunks `index.html`
 * preloads (`<link rel="modulepreload">`, the scorecard's) — and, per page, that plus the page's own chunks. Writes
 * `docs/benchmarks/dashboard.json`; issue 11 sets the target of 100 KB gzip initially.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs"
import { cpus, totalmem } from "node:os"
import { join } from "node:path"
import { gzipSync } from "node:zlib"

interface Chunk {
  readonly file: string
  readonly src?: string
  readonly isEntry?: boolean
  readonly imports?: ReadonlyArray<string>
  readonly dynamicImports?: ReadonlyArray<string>
}

const dist = join(import.meta.dirname, "..", "dist")
const manifestPath = join(dist, ".vite", "manifest.json")
if (!existsSync(manifestPath)) {
  process.stderr.write(`bench: ${manifestPath} is missing; run \`pnpm --filter @cpo/dashboard build\` first\n`)
  process.exit(1)
}
const manifest = JSON.parse(readFileSync(manifestPath, "utf8")) as Record<string, Chunk>

/** A chunk and everything it imports statically (what the browser must fetch before running it). */
const closure = (key: string, seen: Set<string> = new Set()): Set<string> => {
  if (seen.has(key)) return seen
  seen.add(key)
  for (const imported of manifest[key]?.imports ?? []) closure(imported, seen)
  return seen
}

const bytes = (keys: Iterable<string>) => {
  let raw = 0
  let gzip = 0
  for (const key of keys) {
    const file = manifest[key]?.file
    if (file === undefined || !file.endsWith(".js")) continue
    const content = readFileSync(join(dist, file))
    raw += content.length
    gzip += gzipSync(content, { level: 9 }).length
  }
  return { raw, gzip }
}

const kb = (n: number) => Math.round((n / 1024) * 10) / 10

const entryKey = Object.keys(manifest).find((k) => manifest[k]?.isEntry === true)
if (entryKey === undefined) throw new Error(`${manifestPath} has no entry chunk`)
const entryKeys = closure(entryKey)
/** The chunks `index.html` preloads: downloaded on every first visit, whichever page it opens. */
const preloaded = [
  ...readFileSync(join(dist, "index.html"), "utf8").matchAll(/<link rel="modulepreload"[^>]*href="\/([^"]+)"/g)
]
  .map((m) => m[1])
  .flatMap((file) => Object.keys(manifest).filter((k) => manifest[k]?.file === file))
const initialKeys = new Set([...entryKeys, ...preloaded])
const initial = bytes(initialKeys)
const targetKiB = 100

const pages = (manifest[entryKey]?.dynamicImports ?? []).flatMap((key) =>
  key.includes("/routes/") || key.startsWith("src/routes/") ? [key] : []
)
const perPage = pages.map((key) => {
  const page = bytes([...closure(key)].filter((k) => !initialKeys.has(k)))
  return {
    page: key.replace(/^src\/routes\//, ""),
    pageGzipKiB: kb(page.gzip),
    firstVisitGzipKiB: kb(initial.gzip + page.gzip)
  }
})

const report = {
  benchmark: "Dashboard bundle: JavaScript downloaded on a first visit (gzip -9), from the production build",
  date: new Date().toISOString(),
  machine: {
    cpu: cpus()[0]?.model ?? "unknown",
    cores: cpus().length,
    memoryGiB: Math.round((totalmem() / 1024 ** 3) * 10) / 10,
    node: process.version
  },
  method:
    "vite build; entry chunk plus its static imports from dist/.vite/manifest.json, and the chunks index.html " +
    "preloads; each page is a lazy chunk",
  initialJsRawKiB: kb(initial.raw),
  initialJsGzipKiB: kb(initial.gzip),
  /** The entry and its static imports alone, without the preloaded page. */
  entryJsGzipKiB: kb(bytes(entryKeys).gzip),
  targetGzipKiB: targetKiB,
  meetsTarget: kb(initial.gzip) <= targetKiB,
  pages: perPage
}

const out = join(import.meta.dirname, "..", "..", "..", "docs", "benchmarks")
mkdirSync(out, { recursive: true })
writeFileSync(join(out, "dashboard.json"), `${JSON.stringify(report, null, 2)}\n`)
process.stdout.write(
  `dashboard: initial JS ${report.initialJsGzipKiB} KiB gzip (target ${targetKiB}); written to docs/benchmarks/dashboard.json\n`
)
