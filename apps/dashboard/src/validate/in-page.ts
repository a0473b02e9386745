/**
 * The page's side of the validation worker: one worker per visit to /validate, started when the page opens (so its
 * code is loaded, and cached by the service worker, before any file is chosen), asked to validate and to show a
 * child's rows, and ended when the page closes.
 */
import { type Accessor, createSignal, onCleanup } from "solid-js"
import type { ChildRows, Done, Downloads, Progress, Request, Response } from "./protocol.ts"

/** Where a validation stands. @category models */
export type Stage =
  | { readonly kind: "idle" }
  | { readonly kind: "running"; readonly progress: Progress | undefined; readonly started: number }
  | {
      readonly kind: "done"
      readonly result: Done
      readonly elapsedMs: number
      /** The report as files, once made. */
      readonly downloads: Downloads | undefined
    }
  | { readonly kind: "failed"; readonly message: string }

/** @category models */
export interface PageValidation {
  readonly stage: Accessor<Stage>
  /** The worker has started and warmed up; a check asked for earlier waits for it. */
  readonly ready: Accessor<boolean>
  readonly validate: (request: Extract<Request, { kind: "validate" }>) => void
  /** The rows of one child in the last validated files. */
  readonly childRows: (childId: string) => Promise<ChildRows>
}

/**
 * Start the worker for this page; it is ended with the page's owner.
 * @category constructors
 */
export const createPageValidation = (): PageValidation => {
  const worker = new Worker(new URL("./validate.worker.ts", import.meta.url), { type: "module", name: "validate" })
  const [stage, setStage] = createSignal<Stage>({ kind: "idle" })
  const [ready, setReady] = createSignal(false)
  const waiting = new Map<string, Array<(rows: ChildRows) => void>>()
  worker.onmessage = (event: MessageEvent<Response>) => {
    const message = event.data
    const now = stage()
    switch (message.kind) {
      case "ready":
        setReady(true)
        break
      case "progress":
        if (now.kind === "running") setStage({ ...now, progress: message })
        break
      case "done":
        setStage({
          kind: "done",
          result: message,
          elapsedMs: now.kind === "running" ? performance.now() - now.started : message.timings.totalMs,
          downloads: undefined
        })
        break
      case "downloads":
        if (now.kind === "done") setStage({ ...now, downloads: message })
        break
      case "failed":
        setStage({ kind: "failed", message: message.message })
        break
      case "child": {
        const resolvers = waiting.get(message.childId) ?? []
        waiting.delete(message.childId)
        for (const resolve of resolvers) resolve(message)
        break
      }
    }
  }
  worker.onerror = (event) => setStage({ kind: "failed", message: `The checker stopped: ${event.message}` })
  onCleanup(() => worker.terminate())
  return {
    stage,
    ready,
    validate: (request) => {
      setStage({ kind: "running", progress: undefined, started: performance.now() })
      worker.postMessage(request)
    },
    childRows: (childId) =>
      new Promise((resolve) => {
        const list = waiting.get(childId)
        if (list === undefined) waiting.set(childId, [resolve])
        else list.push(resolve)
        worker.postMessage({ kind: "child", childId } satisfies Request)
      })
  }
}
