/** The simulation behind `Synth`: private to this package. */
export * as Assemble from "./Assemble.ts"
export * as Lifecycle from "./Lifecycle.ts"
