/**
 * The API's cache of scorecards. Each is `StoredReport.scorecardOf` — the domain's scorecard of a council's stored
 * return, the same that `cpo report --council`, a published snapshot and the year pages (`routes/placements.ts`) use —
 * kept with its encoded body while the imports, population, targets and benchmarks it was computed from are unchanged.
 */
import { Council, Returns, Scorecard, StoredReport } from "@cpo/domain"
import { Clock, Deferred, Effect, Option, Schema } from "effect"

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
export type ScorecardRequest = Omit<StoredReport.Request, "reference">

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
  /**
   * The scorecards being computed now, by key: a request for one of them waits for that computation instead of
   * starting its own (a board meeting opening the same scorecard at once after an import computes it once).
   */
  readonly computing: Map<string, Deferred.Deferred<CachedScorecard, unknown>>
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
    freshForMillis: options.freshForMillis,
    computing: new Map()
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
    const running = cache.computing.get(key)
    if (running !== undefined) return yield* Deferred.await(running) as ReturnType<typeof refresh>
    const done = yield* Deferred.make<CachedScorecard, unknown>()
    cache.computing.set(key, done)
    // Not interrupted halfway: other requests may be waiting for this answer.
    const exit = yield* Effect.exit(Effect.uninterruptible(refresh(cache, options, key, now)))
    cache.computing.delete(key)
    yield* Deferred.done(done, exit)
    return yield* exit
  })

/** Check the stored imports for `key` and compute its scorecard afresh if they changed (or it has none). */
const refresh = (cache: ScorecardCache, options: ScorecardRequest, key: string, now: number) =>
  Effect.gen(function* () {
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
    // Read once: the stored targets and benchmarks both decide freshness and, when computing afresh, the scorecard.
    const stored = yield* StoredReport.referenceOf(options.council)
    const reference = JSON.stringify(stored)
    const same =
      stale !== undefined &&
      stale.importId === current.id &&
      stale.previousImportId === previousImportId &&
      stale.councilPopulation === councilPopulation &&
      stale.reference === reference
    const scorecard = same ? stale.scorecard : yield* StoredReport.scorecardOf({ ...options, reference: stored })
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
