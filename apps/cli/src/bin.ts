#!/usr/bin/env node
/**
 * The `cpo` command line. Each command lives in `commands/<name>.ts`; data goes to stdout, diagnostics to stderr,
 * and a failure sets the exit code (2 unusable input, 1 a failing answer such as validation errors).
 */
import { NodeRuntime, NodeServices } from "@effect/platform-node"
import { Cause, Effect, Runtime } from "effect"
import { Command } from "effect/cli"
import { indicators } from "./commands/indicators.ts"
import { synth } from "./commands/synth.ts"
import { writeStderr } from "./output.ts"

export const cpo = Command.make("cpo").pipe(
  Command.withDescription("Corporate Parenting Oversight: the SSDA903 return, indicators and reports for councils"),
  Command.withSubcommands([synth, indicators])
)

const program = Command.run(cpo, { version: "0.1.0" }).pipe(
  Effect.tapCause((cause) => {
    const error = Cause.squash(cause)
    const message = error instanceof Error ? error.message : String(error)
    return Runtime.getErrorReported(error) === false ? writeStderr(`cpo: ${message}`) : Effect.void
  }),
  Effect.provide(NodeServices.layer)
)

NodeRuntime.runMain(program)
