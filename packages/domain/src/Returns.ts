/**
 * Where a council's 903 returns are kept. The domain declares the service; `@cpo/store` provides it on PGlite or
 * PostgreSQL, and `layerMemory` keeps returns in memory for tests and for runs straight from a folder of files.
 *
 * A return is imported for a (council, year) and becomes that year's current return in one step; an earlier import
 * stays in the history until retention removes it.
 */
import { Clock, Context, Effect, Layer, Option, Ref, Schema } from "effect"
import * as Council from "./Council.ts"
import * as ReportingYear from "./ReportingYear.ts"
import type { Return } from "./Return.ts"

/** @category errors */
export class CouncilNotFound extends Schema.TaggedError<CouncilNotFound>()("CouncilNotFound", {
  council: Schema.String
}) {}

/** @category errors */
export class ReturnNotFound extends Schema.TaggedError<ReturnNotFound>()("ReturnNotFound", {
  council: Schema.String,
  year: Schema.Int
}) {}

/** An import of a return, as listed in a council's history. @category models */
export const ImportRecord = Schema.Struct({
  id: Schema.String,
  council: Council.CouncilId,
  year: ReportingYear.ReportingYear,
  /** SHA-256 of the source files, so re-importing the same files is recognised. */
  checksum: Schema.String,
  importedAt: Schema.String,
  current: Schema.Boolean,
  children: Schema.Int,
  episodes: Schema.Int
}).annotate({ identifier: "ImportRecord" })
export type ImportRecord = typeof ImportRecord.Type

/** Every import of every year, and which is current (`GET …/returns`), as the API answers and the dashboard decodes. @category schemas */
export const History = Schema.Struct({ imports: Schema.Array(ImportRecord) }).annotate({ identifier: "ReturnHistory" })
export type History = typeof History.Type

/** @category services */
export class Returns extends Context.Service<
  Returns,
  {
    readonly councils: Effect.Effect<ReadonlyArray<Council.Council>>
    readonly council: (id: Council.CouncilId) => Effect.Effect<Council.Council, CouncilNotFound>
    readonly saveCouncil: (council: Council.Council) => Effect.Effect<void>
    /** Years with a current return, newest first. */
    readonly years: (
      council: Council.CouncilId
    ) => Effect.Effect<ReadonlyArray<ReportingYear.ReportingYear>, CouncilNotFound>
    readonly current: (
      council: Council.CouncilId,
      year: ReportingYear.ReportingYear
    ) => Effect.Effect<Return, CouncilNotFound | ReturnNotFound>
    /** Import a return and make it current for its year, atomically; the same checksum again changes nothing. */
    readonly importReturn: (
      council: Council.CouncilId,
      ret: Return,
      checksum: string
    ) => Effect.Effect<ImportRecord, CouncilNotFound>
    readonly history: (council: Council.CouncilId) => Effect.Effect<ReadonlyArray<ImportRecord>, CouncilNotFound>
  }
>()("@cpo/domain/Returns") {}

interface MemoryState {
  readonly councils: ReadonlyMap<Council.CouncilId, Council.Council>
  readonly imports: ReadonlyArray<{ readonly record: ImportRecord; readonly ret: Return }>
}

/**
 * Returns kept in memory, for tests and for commands that read a folder of files without a database.
 * @category layers
 */
export const layerMemory: Layer.Layer<Returns> = Layer.effect(
  Returns,
  Effect.gen(function* () {
    const state = yield* Ref.make<MemoryState>({ councils: new Map(), imports: [] })
    const council = (id: Council.CouncilId) =>
      Effect.flatMap(Ref.get(state), (s) =>
        Option.match(Option.fromNullishOr(s.councils.get(id)), {
          onNone: () => Effect.fail(new CouncilNotFound({ council: id })),
          onSome: Effect.succeed
        })
      )
    const currentImports = (s: MemoryState, id: Council.CouncilId) =>
      s.imports.filter((i) => i.record.council === id && i.record.current)
    return Returns.of({
      councils: Effect.map(Ref.get(state), (s) => [...s.councils.values()]),
      council,
      saveCouncil: (c) => Ref.update(state, (s) => ({ ...s, councils: new Map(s.councils).set(c.id, c) })),
      years: (id) =>
        Effect.flatMap(council(id), () =>
          Effect.map(Ref.get(state), (s) =>
            currentImports(s, id)
              .map((i) => i.record.year)
              .sort((a, b) => b - a)
          )
        ),
      current: (id, year) =>
        Effect.flatMap(council(id), () =>
          Effect.flatMap(Ref.get(state), (s) => {
            const found = currentImports(s, id).find((i) => i.record.year === year)
            return found === undefined
              ? Effect.fail(new ReturnNotFound({ council: id, year }))
              : Effect.succeed(found.ret)
          })
        ),
      importReturn: (id, ret, checksum) =>
        Effect.flatMap(Effect.zip(council(id), Clock.currentTimeMillis), ([, now]) =>
          Ref.modify(state, (s): [ImportRecord, MemoryState] => {
            const same = s.imports.find(
              (i) => i.record.council === id && i.record.year === ret.year && i.record.checksum === checksum
            )
            if (same?.record.current) return [same.record, s]
            const record: ImportRecord = {
              id: `${id}-${ret.year}-${s.imports.length + 1}`,
              council: id,
              year: ret.year,
              checksum,
              importedAt: new Date(now).toISOString(),
              current: true,
              children: ret.children.length,
              episodes: ret.episodes.length
            }
            const imports = s.imports.map((i) =>
              i.record.council === id && i.record.year === ret.year
                ? { ...i, record: { ...i.record, current: false } }
                : i
            )
            return [record, { ...s, imports: [...imports, { record, ret }] }]
          })
        ),
      history: (id) =>
        Effect.flatMap(council(id), () =>
          Effect.map(Ref.get(state), (s) => s.imports.filter((i) => i.record.council === id).map((i) => i.record))
        )
    })
  })
)
