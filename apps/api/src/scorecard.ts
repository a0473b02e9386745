/**
 * The scorecard of a council's current return for a year, as the indicators route answers it and as a published
 * snapshot holds it: `Scorecard.make` over the stored return, exactly as `cpo indicators --benchmarks` builds it from
 * files — with last year's current return (previous value, direction of travel) and England's benchmarks.
 */

import type { Audience } from "@cpo/domain"
import {
  Benchmark,
  ChildHistory,
  Council,
  type Indicator,
  IndicatorReference,
  ReportingYear,
  Return,
  Returns,
  Scorecard
} from "@cpo/domain"
import { Clock, Effect, Option, Schema } from "effect"

/**
 * The scorecard of `council`'s current return for `year`, for `audience`. Rates per 10,000 use `population` when
 * given, else the council's stored 0–17 population (saved by `cpo import` from `council.json`), exactly as
 * `cpo indicators` takes `--population` or else `council.json`. The council's current return for the year before,
 * when there is one, gives each entry its previous value and direction of travel; the council's stored targets give
 * target and RAG, and its stored benchmarks, after England's published figures (so they win for the same comparator),
 * its comparators — as `cpo indicators --targets --benchmarks` does with the council's files.
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
    const population = Option.orElse(options.population, () => Council.populationOf(record))
    const inputsOf = (year: ReportingYear.ReportingYear, r: Return.Return): Indicator.Inputs => ({
      year,
      histories: ChildHistory.index(r),
      tables: Return.suppliedTables(r),
      population
    })
    const previousYear = previousYearOf(options.year)
    const before = Option.isSome(previousYear)
      ? yield* returns.current(options.council, previousYear.value).pipe(Effect.option)
      : Option.none()
    const reference = yield* referenceOf(options.council)
    return Scorecard.make({
      council: record.name,
      audience: options.audience,
      inputs: inputsOf(options.year, ret),
      targets: reference.targets,
      benchmarks: [...Benchmark.englandDefaults, ...reference.benchmarks],
      ...(Option.isSome(previousYear) && Option.isSome(before)
        ? { previous: inputsOf(previousYear.value, before.value) }
        : {})
    })
  })

/** The council's stored targets and benchmarks. */
const referenceOf = (council: Council.CouncilId) =>
  Effect.gen(function* () {
    const reference = yield* IndicatorReference.IndicatorReference
    return { targets: yield* reference.targets(council), benchmarks: yield* reference.benchmarks(council) }
  })

/** The year before `year`, unless `year` is the first a reporting year can be. */
const previousYearOf = (year: ReportingYear.ReportingYear): Option.Option<ReportingYear.ReportingYear> =>
  Schema.decodeUnknownOption(ReportingYear.ReportingYear)(year - 1)

/** A computed scorecard, the import it came from and when that import was last seen current. @category models */
export interface CachedScorecard {
  readonly scorecard: Scorecard.Scorecard
  /** The scorecard encoded as the response body (UTF-8 JSON), made once per entry rather than once per request. */
  readonly body: Uint8Array<ArrayBuffer>
  readonly importId: string
  /** The current import of the year before, which gives previous values and direction of travel; null if none. */
  readonly previousImportId: string | null
  /** The council's stored targets and benchmarks when it was computed, as JSON (a PUT elsewhere changes them). */
  readonly reference: string
  /** The council's stored population when it was computed (it changes when `cpo import` saves a new estimate). */
  readonly councilPopulation: number | null
  readonly checkedAt: number
}

/** What a scorecard is asked for by: council, year, audience and population. @category models */
export type ScorecardRequest = Parameters<typeof scorecardOf>[0]

/** Scorecards already computed, by council, year, audience and population. @category models */
export interface ScorecardCache {
  readonly get: (key: string) => CachedScorecard | undefined
  readonly set: (key: string, entry: CachedScorecard) => void
  /**
   * The entry for `request` if it was last checked within `freshForMillis` of `now` (epoch milliseconds): what a warm
   * request is answered with, a lookup with no effect to run and no store to ask.
   */
  readonly fresh: (request: ScorecardRequest, now: number) => CachedScorecard | undefined
  /** Drop a council's scorecards (after an import through this API). */
  readonly forget: (council: Council.CouncilId) => void
  /** How long an entry is served without asking the store which import is current, in milliseconds. */
  readonly freshForMillis: number
}

/** The cache key of a scorecard request. @category getters */
export const keyOf = (request: ScorecardRequest): string =>
  JSON.stringify([request.council, request.year, request.audience, Option.getOrNull(request.population)])

/**
 * A cache of at most `capacity` scorecards, the oldest dropped first. One per app (`makeApp`), never module-wide.
 * @category constructors
 */
export const makeScorecardCache = (options: {
  readonly capacity: number
  readonly freshForMillis: number
}): ScorecardCache => {
  const entries = new Map<string, CachedScorecard>()
  return {
    get: (key) => entries.get(key),
    set: (key, entry) => {
      entries.delete(key)
      entries.set(key, entry)
      if (entries.size > options.capacity) {
        const oldest = entries.keys().next()
        if (oldest.done !== true) entries.delete(oldest.value)
      }
    },
    fresh: (request, now) => {
      const entry = entries.get(keyOf(request))
      return entry !== undefined && now - entry.checkedAt < options.freshForMillis ? entry : undefined
    },
    forget: (council) => {
      for (const key of [...entries.keys()]) if (JSON.parse(key)[0] === council) entries.delete(key)
    },
    freshForMillis: options.freshForMillis
  }
}

/**
 * The scorecard through `cache`. A stored import never changes, so a scorecard stays right while its import is the
 * year's current one. Within `freshForMillis` of the last check an entry is served as it is (an import made elsewhere,
 * e.g. by `cpo import`, shows within that time; an upload through this API clears the council at once); after it,
 * the import list — no child-level data — says whether to compute afresh.
 * @category constructors
 */
export const cachedScorecardOf = (cache: ScorecardCache, options: ScorecardRequest) =>
  Effect.gen(function* () {
    const now = yield* Clock.currentTimeMillis
    const cached = cache.fresh(options, now)
    if (cached !== undefined) return cached
    const key = keyOf(options)
    const stale = cache.get(key)
    // One request re-checks; the others keep serving the entry meanwhile, instead of all asking the store at once.
    if (stale !== undefined) cache.set(key, { ...stale, checkedAt: now })
    const returns = yield* Returns.Returns
    const history = yield* returns.history(options.council)
    const current = history.find((h) => h.current && h.year === options.year)
    if (current === undefined)
      return yield* new Returns.ReturnNotFound({ council: options.council, year: options.year })
    // A re-import of last year changes previous values and direction of travel, so it makes the entry stale too.
    const previousImportId = history.find((h) => h.current && h.year === options.year - 1)?.id ?? null
    const councilPopulation = Option.getOrNull(Council.populationOf(yield* returns.council(options.council)))
    const reference = JSON.stringify(yield* referenceOf(options.council))
    const same =
      stale !== undefined &&
      stale.importId === current.id &&
      stale.previousImportId === previousImportId &&
      stale.councilPopulation === councilPopulation &&
      stale.reference === reference
    const scorecard = same ? stale.scorecard : yield* scorecardOf(options)
    const body = same ? stale.body : utf8.encode(JSON.stringify(encodeScorecard(scorecard)))
    const entry: CachedScorecard = {
      scorecard,
      body,
      importId: current.id,
      previousImportId,
      councilPopulation,
      reference,
      checkedAt: now
    }
    cache.set(key, entry)
    return entry
  })

const encodeScorecard = Schema.encodeSync(Scorecard.Scorecard)
const utf8 = new TextEncoder()
