/**
 * Placements: where a looked-after child lives, read from the episode chain. DfE counts placements, not episodes: a
 * change of legal status alone is no move, temporary moves (T0–T4) are not placements, and a return to the same carer
 * after a temporary move is not a new placement (ssda903.md §4.4). Long-term stability walks back over episodes with
 * the same carer (§4.5). Distance and in/out of area need a postcode directory, which the domain only describes: a
 * council supplies one (ONS NSPL/ONSPD) or those figures are not available (§4.10).
 */
import { Option } from "effect"
import * as CalendarDate from "./CalendarDate.ts"
import type * as ChildHistory from "./ChildHistory.ts"
import * as Episode from "./Episode.ts"
import * as PlacementType from "./PlacementType.ts"
import * as ReasonForNewEpisode from "./ReasonForNewEpisode.ts"

/** How placements are counted where the DfE method is not settled (ssda903.md §4.4 point 5). @category models */
export interface CountingRules {
  /** A change of placement status only (RNE T/U with REASON_PLACE_CHANGE = PLACE, e.g. U6 → U4) is not a move. */
  readonly excludeStatusOnlyChanges: boolean
}

/** @category constructors */
export const defaultCountingRules: CountingRules = { excludeStatusOnlyChanges: true }

const samePlacement = (a: Episode.Episode, b: Episode.Episode): boolean =>
  a.placement === b.placement &&
  Option.getOrNull(a.urn) === Option.getOrNull(b.urn) &&
  Option.getOrNull(a.placementPostcode) === Option.getOrNull(b.placementPostcode) &&
  Option.getOrNull(a.provider) === Option.getOrNull(b.provider)

/**
 * The episodes that begin a placement counted by DfE in [from, to]: the placement the child is in when first looked
 * after in the period, then every later placement change (a new period of care included), temporary moves and
 * returns to the same placement after one left out. Short breaks are ignored.
 * @category getters
 */
export const placementsDuring = (
  history: ChildHistory.ChildHistory,
  from: CalendarDate.CalendarDate,
  to: CalendarDate.CalendarDate,
  rules: CountingRules = defaultCountingRules
): ReadonlyArray<Episode.Episode> => {
  const out: Array<Episode.Episode> = []
  eachPlacement(history, from, to, rules, (e) => {
    out.push(e)
  })
  return out
}

/** Call `found` with each episode beginning a counted placement in [from, to] (the walk of {@link placementsDuring}). */
const eachPlacement = (
  history: ChildHistory.ChildHistory,
  from: CalendarDate.CalendarDate,
  to: CalendarDate.CalendarDate,
  rules: CountingRules,
  found: (e: Episode.Episode) => void
): void => {
  let last: Episode.Episode | undefined
  let afterTemporary = false
  for (let i = 0; i < history.episodes.length; i++) {
    const e = history.episodes[i]!
    if (Episode.isShortBreak(e) || !Episode.overlaps(e, from, to)) continue
    if (PlacementType.isTemporary(e.placement)) {
      afterTemporary = true
      continue
    }
    if (last === undefined || e.reasonForNewEpisode === "S") found(e)
    else if (ReasonForNewEpisode.isPlacementChange(e.reasonForNewEpisode)) {
      const returnAfterTemporary = afterTemporary && samePlacement(last, e)
      const statusOnly =
        rules.excludeStatusOnlyChanges &&
        (e.reasonForNewEpisode === "T" || e.reasonForNewEpisode === "U") &&
        Option.getOrNull(e.reasonPlaceChange) === "PLACE"
      if (!returnAfterTemporary && !statusOnly) found(e)
    }
    last = e
    afterTemporary = false
  }
}

/** Number of placements in [from, to] (ssda903.md §4.4). @category getters */
export const countDuring = (
  history: ChildHistory.ChildHistory,
  from: CalendarDate.CalendarDate,
  to: CalendarDate.CalendarDate,
  rules: CountingRules = defaultCountingRules
): number => {
  let n = 0
  eachPlacement(history, from, to, rules, () => {
    n++
  })
  return n
}

/**
 * Placement moves in [from, to]: counted placements after the first, each with the episode that began it (its
 * reason for change, provider and placement type).
 * @category getters
 */
export const movesDuring = (
  history: ChildHistory.ChildHistory,
  from: CalendarDate.CalendarDate,
  to: CalendarDate.CalendarDate,
  rules: CountingRules = defaultCountingRules
): ReadonlyArray<Episode.Episode> => placementsDuring(history, from, to, rules).slice(1)

/**
 * Placement moves in [from, to] across children, counted by reason for the change (903 REASON_PLACE_CHANGE;
 * `not_recorded` when blank), most frequent first.
 * @category getters
 */
export const reasonsForChange = (
  histories: ReadonlyArray<ChildHistory.ChildHistory>,
  from: CalendarDate.CalendarDate,
  to: CalendarDate.CalendarDate,
  rules: CountingRules = defaultCountingRules
): ReadonlyArray<{ readonly reason: string; readonly moves: number }> => {
  const counts = new Map<string, number>()
  for (const h of histories) {
    for (const e of movesDuring(h, from, to, rules)) {
      const reason = Option.getOrElse(e.reasonPlaceChange, () => "not_recorded")
      counts.set(reason, (counts.get(reason) ?? 0) + 1)
    }
  }
  return [...counts]
    .map(([reason, moves]) => ({ reason, moves }))
    .sort((a, b) => b.moves - a.moves || (a.reason < b.reason ? -1 : 1))
}

const indexOpenOn = (history: ChildHistory.ChildHistory, on: CalendarDate.CalendarDate): number => {
  for (let i = history.episodes.length - 1; i >= 0; i--) if (Episode.isOpenOn(history.episodes[i]!, on)) return i
  return -1
}

const continues = (prev: Episode.Episode, next: Episode.Episode): boolean =>
  Option.isSome(prev.end) && prev.end.value === next.start && !Episode.isLeavingCare(prev)

/**
 * The day the current period of care began (the DECOM of its RNE S episode), for a child looked after on `on`.
 * @category getters
 */
export const periodOfCareStart = (
  history: ChildHistory.ChildHistory,
  on: CalendarDate.CalendarDate
): Option.Option<CalendarDate.CalendarDate> => {
  let i = indexOpenOn(history, on)
  if (i < 0) return Option.none()
  while (
    i > 0 &&
    history.episodes[i]!.reasonForNewEpisode !== "S" &&
    continues(history.episodes[i - 1]!, history.episodes[i]!)
  )
    i--
  return Option.some(history.episodes[i]!.start)
}

/**
 * The day the child began living with the carer they are with on `on`: walk back while the episode kept the same
 * carer (RNE L, T, U); temporary moves bridge the chain rather than break it (ssda903.md §4.5).
 * @category getters
 */
export const sameCarerSince = (
  history: ChildHistory.ChildHistory,
  on: CalendarDate.CalendarDate
): Option.Option<CalendarDate.CalendarDate> => {
  let i = indexOpenOn(history, on)
  if (i < 0) return Option.none()
  while (i > 0) {
    const e = history.episodes[i]!
    const prev = history.episodes[i - 1]!
    if (!continues(prev, e)) break
    const bridged =
      ReasonForNewEpisode.isSameCarer(e.reasonForNewEpisode) ||
      PlacementType.isTemporary(e.placement) ||
      PlacementType.isTemporary(prev.placement)
    if (!bridged) break
    i--
  }
  return Option.some(history.episodes[i]!.start)
}

/**
 * In the long-term stability cohort on 31 March `ye`: looked after then, under 16, and in the current period of care
 * for at least 2½ years (ssda903.md §4.5). `inCareSince` is the latest start that qualifies (31 March less 2½ years),
 * passed in when testing many children against the same year.
 * @category predicates
 */
export const isLongTermStabilityCohort = (
  history: ChildHistory.ChildHistory,
  ye: CalendarDate.CalendarDate,
  age: number,
  inCareSince: CalendarDate.CalendarDate = CalendarDate.addMonths(ye, -30)
): boolean => age < 16 && Option.exists(periodOfCareStart(history, ye), (start) => start <= inCareSince)

/**
 * Living with the same carer for at least two years at `ye` (a placement for adoption counts with the same-carer
 * placement before it, which the chain already includes). `withCarerSince` is 31 March less 2 years, passed in when
 * testing many children against the same year.
 * @category predicates
 */
export const isStableFor2Years = (
  history: ChildHistory.ChildHistory,
  ye: CalendarDate.CalendarDate,
  withCarerSince: CalendarDate.CalendarDate = CalendarDate.addYears(ye, -2)
): boolean => Option.exists(sameCarerSince(history, ye), (since) => since <= withCarerSince)

/**
 * Where a postcode is: OS grid easting and northing in metres and the upper-tier local authority (ONS NSPL/ONSPD).
 * @category models
 */
export interface PostcodeLocation {
  readonly easting: number
  readonly northing: number
  /** The upper-tier authority, in the same scheme as the council's own code (ONS E06000017 or DfE 857), or SCO/WAL/NIR. */
  readonly localAuthority: string
}

/**
 * A postcode directory, supplied by the council: postcodes are matched upper-cased with spaces removed.
 * @category models
 */
export interface PostcodeDirectory {
  readonly lookup: (postcode: string) => Option.Option<PostcodeLocation>
}

/** A directory from a map of normalised postcodes. @category constructors */
export const directoryFromEntries = (entries: Iterable<readonly [string, PostcodeLocation]>): PostcodeDirectory => {
  const map = new Map<string, PostcodeLocation>()
  for (const [postcode, location] of entries) map.set(normalisePostcode(postcode), location)
  return { lookup: (postcode) => Option.fromNullishOr(map.get(normalisePostcode(postcode))) }
}

/** Upper-case, spaces removed (ssda903.md §2.2). @category getters */
export const normalisePostcode = (postcode: string): string => {
  // Most postcodes arrive upper-case with at most one space: no regular expression is needed for them.
  let space = -1
  for (let i = 0; i < postcode.length; i++) {
    const c = postcode.charCodeAt(i)
    if (c === 32 && space < 0) space = i
    else if (c <= 32 || (c >= 97 && c <= 122) || c > 126) return postcode.toUpperCase().replace(/\s+/g, "")
  }
  return space < 0 ? postcode : postcode.slice(0, space) + postcode.slice(space + 1)
}

/**
 * Whether two postcodes are the same once normalised (`normalisePostcode`), without making either normalised string:
 * validation compares the home and placement postcodes of every episode, and most differ at a glance.
 * @category predicates
 */
export const samePostcode = (a: string, b: string): boolean => {
  if (a === b) return true
  let i = 0
  let j = 0
  while (true) {
    while (i < a.length && a.charCodeAt(i) === 32) i++
    while (j < b.length && b.charCodeAt(j) === 32) j++
    if (i === a.length || j === b.length) return i === a.length && j === b.length
    let x = a.charCodeAt(i++)
    let y = b.charCodeAt(j++)
    // Anything but printable ASCII (a tab, a no-break space) is left to `normalisePostcode` itself.
    if (x < 32 || x > 126 || y < 32 || y > 126) return normalisePostcode(a) === normalisePostcode(b)
    if (x >= 97 && x <= 122) x -= 32
    if (y >= 97 && y <= 122) y -= 32
    if (x !== y) return false
  }
}

/** What placement location figures need: a directory and the council's own LA code. @category models */
export interface AreaContext {
  readonly directory: PostcodeDirectory
  readonly localAuthority: string
}

/**
 * Miles from home to placement, to 1 decimal place, when both postcodes are in the directory (ssda903.md §4.10).
 * @category getters
 */
export const distanceMiles = (e: Episode.Episode, directory: PostcodeDirectory): Option.Option<number> => {
  const home = Option.flatMap(e.homePostcode, directory.lookup)
  const placed = Option.flatMap(e.placementPostcode, directory.lookup)
  if (Option.isNone(home) || Option.isNone(placed)) return Option.none()
  const metres = Math.hypot(home.value.easting - placed.value.easting, home.value.northing - placed.value.northing)
  return Option.some(Math.round((metres / 1000 / 1.6093) * 10) / 10)
}

/**
 * The local authority the placement postcode lies in, when the postcode is in the directory.
 * @category getters
 */
export const placementLocalAuthority = (e: Episode.Episode, directory: PostcodeDirectory): Option.Option<string> =>
  Option.map(Option.flatMap(e.placementPostcode, directory.lookup), (l) => l.localAuthority)

/**
 * Placed outside the council's area, when the placement postcode is in the directory (ssda903.md §4.10).
 * @category getters
 */
export const isOutOfArea = (e: Episode.Episode, area: AreaContext): Option.Option<boolean> =>
  Option.map(placementLocalAuthority(e, area.directory), (la) => la !== area.localAuthority)
