/**
 * The one Effect runtime the API runs its effects on: a `ManagedRuntime` over the store's layer, built once per app
 * and disposed with it. Handlers never build layers themselves.
 */
import { Store } from "@cpo/store"
import type { Result } from "effect"
import { type Layer, ManagedRuntime } from "effect"
import type { AuthFailure, Principal } from "./auth.ts"

/** @category models */
export type ApiRuntime = ManagedRuntime.ManagedRuntime<Store.Services, Store.StoreError>

/**
 * The runtime over the store: PostgreSQL when `pgUrl` is set, else PGlite in `dataDir`, else PGlite in memory.
 * @category constructors
 */
export const makeRuntime = (options: Store.Options): ApiRuntime => ManagedRuntime.make(Store.layer(options))

/**
 * A runtime over any layer providing the store's services (tests).
 * @category constructors
 */
export const fromLayer = (layer: Layer.Layer<Store.Services, Store.StoreError>): ApiRuntime =>
  ManagedRuntime.make(layer)

/** One structured log line (written as JSON by `main.ts`). @category models */
export type LogLine = { readonly level: "info" | "warn" | "error"; readonly msg: string } & Record<string, unknown>

/** @category models */
export type Logger = (line: LogLine) => void

/** Per-request values the middleware sets for handlers. @category models */
export interface ApiEnv {
  Variables: {
    requestId: string
    /** `undefined` when no credential was presented (and the demo is off). */
    auth: Result.Result<Principal, AuthFailure> | undefined
    principal: Principal
  }
}
