/**
 * A Vite build plugin writing `sw-precache.js` beside the built files: the list of every file the dashboard serves
 * (app shell, page chunks, the validation worker, styles, manifest and icons) and a version that changes whenever
 * any of them does. `public/sw.js` imports it, so a new build installs a new cache and the browser notices the
 * change (imported scripts are compared byte for byte on update).
 */
import { createHash } from "node:crypto"
import { readdirSync, readFileSync, statSync, writeFileSync } from "node:fs"
import { join, relative, sep } from "node:path"
import type { Plugin } from "vite"

/** Files never precached: source maps, Vite's manifest, the service worker itself and the list. */
const skipped = (path: string) =>
  path.endsWith(".map") || path.startsWith(".vite/") || path === "sw.js" || path === "sw-precache.js"

const filesUnder = (dir: string): ReadonlyArray<string> =>
  readdirSync(dir).flatMap((name) => {
    const path = join(dir, name)
    return statSync(path).isDirectory() ? filesUnder(path) : [path]
  })

/** @category constructors */
export const precache = (): Plugin => ({
  name: "cpo-precache",
  apply: "build",
  writeBundle(options) {
    const dir = options.dir
    if (dir === undefined) return
    const files = filesUnder(dir)
      .map((path) => relative(dir, path).split(sep).join("/"))
      .filter((path) => !skipped(path))
      .sort()
    const hash = createHash("sha256")
    for (const file of files) hash.update(file).update(readFileSync(join(dir, file)))
    const urls = files.map((file) => (file === "index.html" ? "/" : `/${file}`))
    const list = { version: hash.digest("hex").slice(0, 16), urls }
    writeFileSync(join(dir, "sw-precache.js"), `self.cpoPrecache = ${JSON.stringify(list)}\n`)
  }
})
