/**
 * `cpo synth`: write a deterministic synthetic council's 903 files — one folder per collection year plus
 * `council.json` — for demos, training and tests. Never real child data.
 */
import { Council } from "@cpo/domain"
import { Synth } from "@cpo/synth"
import { Effect, FileSystem, Path } from "effect"
import { Command, Flag } from "effect/cli"
import { UnusableInput } from "../errors.ts"
import { toJson, writeStderr } from "../output.ts"

/** Parse `2016-2018` or `2018` into an inclusive range of collection years. */
export const parseYears = (raw: string) => {
  const m = /^(\d{4})(?:-(\d{4}))?$/.exec(raw.trim())
  const from = Number(m?.[1])
  const to = Number(m?.[2] ?? m?.[1])
  return m === null || to < from || from < 2000 || to > 2100
    ? Effect.fail(new UnusableInput({ message: `--years must look like 2016-2018 or 2018, got "${raw}"` }))
    : Effect.succeed({ from, to })
}

export const synth = Command.make(
  "synth",
  {
    out: Flag.Directory("out").pipe(Flag.withDescription("folder to write the year folders and council.json into")),
    children: Flag.Int("children").pipe(
      Flag.withDefault(450),
      Flag.withDescription("children looked after at 31 March of the last year (Rutland ≈ 40, England ≈ 80,000)")
    ),
    seed: Flag.Int("seed").pipe(Flag.withDefault(1), Flag.withDescription("same seed, same files, byte for byte")),
    council: Flag.String("council").pipe(Flag.withDefault("Demo Borough"), Flag.withDescription("the council's name")),
    years: Flag.String("years").pipe(
      Flag.withDefault("2024-2026"),
      Flag.withDescription("collection years to write, named by their 31 March (e.g. 2016-2018)")
    )
  },
  (options) =>
    Effect.gen(function* () {
      const fs = yield* FileSystem.FileSystem
      const path = yield* Path.Path
      if (options.children < 1) return yield* new UnusableInput({ message: "--children must be at least 1" })
      const years = yield* parseYears(options.years)
      const synthetic = Synth.generate({
        seed: options.seed,
        council: options.council,
        children: options.children,
        years
      })
      const failed = (what: string) => () => new UnusableInput({ message: `cannot write ${what}` })
      yield* fs.makeDirectory(options.out, { recursive: true }).pipe(Effect.mapError(failed(options.out)))
      for (const ret of synthetic.returns) {
        const folder = path.join(options.out, String(ret.year))
        yield* fs.makeDirectory(folder, { recursive: true }).pipe(Effect.mapError(failed(folder)))
        for (const file of Synth.toCsvFiles(ret)) {
          const target = path.join(folder, file.name)
          yield* fs.writeFileString(target, file.content).pipe(Effect.mapError(failed(target)))
        }
        yield* writeStderr(`wrote ${folder} (${ret.children.length} children, ${ret.episodes.length} episodes)`)
      }
      const councilFile = path.join(options.out, "council.json")
      const description = {
        id: Council.idFromName(options.council),
        name: options.council,
        population: synthetic.population,
        synthetic: true,
        seed: options.seed
      }
      yield* fs.writeFileString(councilFile, toJson(description)).pipe(Effect.mapError(failed(councilFile)))
    })
).pipe(Command.withDescription("Write a synthetic council's 903 files (deterministic, never real data)"))
