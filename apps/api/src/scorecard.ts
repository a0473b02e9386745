/**
 * The scorecard of a council's current return for a year, as the indicators route answers it and as a published
 * snapshot holds it: `Scorecard.make` over the stored return, exactly as `cpo indicators` builds it from files.
 */

import type { Audience } from "@cpo/domain"
import { ChildHistory, type Council, type Indicator, type ReportingYear, Return, Returns, Scorecard } from "@cpo/domain"
import { Effect, Option } from "effect"

/** The tables a stored return holds: Header and Episodes always, the others when the council supplied them. */
export const suppliedTables = (ret: Return.Return): ReadonlySet<Return.TableName> =>
  new Set(
    Return.TableName.literals.filter((t) => {
      const table: unknown = ret[t]
      return !Option.isOption(table) || Option.isSome(table)
    })
  )

/**
 * The scorecard of `council`'s current return for `year`, for `audience`.
 * @category constructors
 */
export const scorecardOf = (options: {
  readonly council: Council.CouncilId
  readonly year: ReportingYear.ReportingYear
  readonly audience: Audience.Audience
  readonly population: Option.Option<number>
}) =>
  Effect.gen(function* () {
    const returns = yield* Returns.Returns
    const record = yield* returns.council(options.council)
    const ret = yield* returns.current(options.council, options.year)
    return Scorecard.make({
      council: record.name,
      audience: options.audience,
      inputs: {
        year: options.year,
        histories: ChildHistory.index(ret),
        tables: suppliedTables(ret),
        population: options.population
      } satisfies Indicator.Inputs
    })
  })

/** Scorecards already computed, by council, import, audience and population. @category models */
export interface ScorecardCache {
  readonly get: (key: string) => Scorecard.Scorecard | undefined
  readonly set: (key: string, scorecard: Scorecard.Scorecard) => void
}

/**
 * A cache of at most `capacity` scorecards, the oldest dropped first. One per app (`makeApp`), never module-wide.
 * @category constructors
 */
export const makeScorecardCache = (capacity: number): ScorecardCache => {
  const entries = new Map<string, Scorecard.Scorecard>()
  return {
    get: (key) => entries.get(key),
    set: (key, scorecard) => {
      entries.set(key, scorecard)
      if (entries.size > capacity) {
        const oldest = entries.keys().next()
        if (oldest.done !== true) entries.delete(oldest.value)
      }
    }
  }
}

/**
 * The scorecard through `cache`. A stored import never changes, so a scorecard is keyed by the year's current import:
 * a new import, or retention removing one, changes the key and the scorecard is computed afresh. A hit reads only the
 * import list, no child-level data.
 * @category constructors
 */
export const cachedScorecardOf = (cache: ScorecardCache, options: Parameters<typeof scorecardOf>[0]) =>
  Effect.gen(function* () {
    const returns = yield* Returns.Returns
    const current = (yield* returns.history(options.council)).find((h) => h.current && h.year === options.year)
    if (current === undefined)
      return yield* new Returns.ReturnNotFound({ council: options.council, year: options.year })
    const key = JSON.stringify([options.council, current.id, options.audience, Option.getOrNull(options.population)])
    const hit = cache.get(key)
    if (hit !== undefined) return hit
    const scorecard = yield* scorecardOf(options)
    cache.set(key, scorecard)
    return scorecard
  })
