/**
 * @cpo/synth — deterministic synthetic councils for demos, tests and benchmarks. Never real child data.
 */
export * as LocalMeasures from "./LocalMeasures.ts"
export * as Random from "./Random.ts"
export * as Synth from "./Synth.ts"
