/**
 * A Vite build plugin adding `<link rel="modulepreload">` for one page's chunks to `index.html`. Pages are lazy
 * chunks, so without it the browser learns of a page's chunks only once the entry has run and the router has matched
 * the URL; with it, it fetches them while the entry downloads and runs. At low priority (`fetchpriority`), so that the
 * entry and the stylesheet, which the first paint waits for, are not queued behind them: on a loaded machine that put
 * the entry 50–70 ms later and the first paint with it. Only the scorecard is preloaded: it is where a council's links
 * and the start page lead, so most first visits open it, and its chunks (about 20 KiB gzip) are a small cost for the
 * other pages.
 */
import type { Plugin, Rolldown } from "vite"

type OutputChunk = Rolldown.OutputChunk

/** @category constructors */
export const preloadPage = (page: string): Plugin => ({
  name: "cpo-preload-page",
  apply: "build",
  transformIndexHtml: {
    order: "post",
    handler: (_html, context) => {
      const chunks = Object.values(context.bundle ?? {}).filter((o): o is OutputChunk => o.type === "chunk")
      const byFile = new Map(chunks.map((c) => [c.fileName, c]))
      const closure = (chunk: OutputChunk | undefined, seen: Set<string> = new Set()): Set<string> => {
        if (chunk === undefined || seen.has(chunk.fileName)) return seen
        seen.add(chunk.fileName)
        for (const file of chunk.imports) closure(byFile.get(file), seen)
        return seen
      }
      const entry = closure(context.chunk)
      const target = chunks.find((c) => c.facadeModuleId?.endsWith(page) === true)
      if (target === undefined) throw new Error(`cpo-preload-page: no chunk is built from ${page}`)
      return [...closure(target)]
        .filter((file) => !entry.has(file))
        .map((file) => ({
          tag: "link",
          attrs: { rel: "modulepreload", crossorigin: true, fetchpriority: "low", href: `/${file}` },
          injectTo: "head" as const
        }))
    }
  }
})
