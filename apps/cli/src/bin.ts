#!/usr/bin/env node
/**
 * The `cpo` command line. Each command lives in `commands/<name>.ts`; data goes to stdout, diagnostics to stderr,
 * and a failure sets the exit code (2 unusable input, 1 a failing answer such as validation errors).
 */
import { NodeRuntime, NodeServices } from "@effect/platform-node"
import { Cause, Effect, Runtime } from "effect"
import { Command } from "effect/cli"
import { cohort } from "./commands/cohort.ts"
import { dbCommand, layerStoreOptions } from "./commands/db.ts"
import { entitlementsCommand } from "./commands/entitlements.ts"
import { importCommand } from "./commands/import.ts"
import { indicators } from "./commands/indicators.ts"
import { measuresCommand } from "./commands/measures.ts"
import { offerCommand } from "./commands/offer.ts"
import { pledgesCommand } from "./commands/pledges.ts"
import { prioritiesCommand } from "./commands/priorities.ts"
import { publishCommand } from "./commands/publish.ts"
import { report } from "./commands/report.ts"
import { retentionCommand } from "./commands/retention.ts"
import { returnsCommand } from "./commands/returns.ts"
import { synth } from "./commands/synth.ts"
import { takeup } from "./commands/takeup.ts"
import { validate } from "./commands/validate.ts"
import { readConfig, storeOptions } from "./config.ts"
import { writeStderr } from "./output.ts"

export const cpo = Command.make("cpo").pipe(
  Command.withDescription("Corporate Parenting Oversight: the SSDA903 return, indicators and reports for councils"),
  Command.withSubcommands([
    synth,
    indicators,
    cohort,
    importCommand,
    returnsCommand,
    dbCommand,
    retentionCommand,
    offerCommand,
    entitlementsCommand,
    takeup,
    validate,
    report,
    prioritiesCommand,
    measuresCommand,
    pledgesCommand,
    publishCommand
  ])
)

const program = Command.run(cpo, { version: "0.1.0" }).pipe(
  Effect.tapCause((cause) => {
    const error = Cause.squash(cause)
    const message = error instanceof Error ? error.message : String(error)
    return Runtime.getErrorReported(error) === false ? writeStderr(`cpo: ${message}`) : Effect.void
  }),
  Effect.provide(layerStoreOptions(storeOptions(readConfig()))),
  Effect.provide(NodeServices.layer)
)

NodeRuntime.runMain(program)
