/**
 * Everything one return says about one child, gathered once: the Header record, the episodes in date order and the
 * child's rows of every other table. Cohorts, indicators and validation rules all read histories, so a return is
 * indexed by child once rather than searched per rule.
 */
import { Option } from "effect"
import type { Adoption } from "./Adoption.ts"
import type * as CalendarDate from "./CalendarDate.ts"
import type { CareLeaverOutcome } from "./CareLeaverOutcome.ts"
import type { Child, ChildId } from "./Child.ts"
import * as Episode from "./Episode.ts"
import type { HealthOutcome } from "./HealthOutcome.ts"
import type { MissingEpisode } from "./MissingEpisode.ts"
import type { PlacedForAdoption } from "./PlacedForAdoption.ts"
import type { PreviousPermanence } from "./PreviousPermanence.ts"
import type { Return } from "./Return.ts"
import type { Review } from "./Review.ts"
import type { SocialWorkerEpisode } from "./SocialWorkerEpisode.ts"
import type { UnaccompaniedAsylumSeekingChild } from "./UnaccompaniedAsylumSeekingChild.ts"

/** @category models */
export interface ChildHistory {
  readonly childId: ChildId
  /** The Header record; `None` when episodes name a child the Header table lacks. */
  readonly child: Option.Option<Child>
  /** Episodes sorted by start date, identical duplicates removed (see {@link normaliseEpisodes}). */
  readonly episodes: ReadonlyArray<Episode.Episode>
  readonly reviews: ReadonlyArray<Review>
  readonly uasc: Option.Option<UnaccompaniedAsylumSeekingChild>
  readonly healthOutcome: Option.Option<HealthOutcome>
  readonly careLeaver: Option.Option<CareLeaverOutcome>
  readonly adoption: Option.Option<Adoption>
  readonly placedForAdoption: ReadonlyArray<PlacedForAdoption>
  readonly previousPermanence: Option.Option<PreviousPermanence>
  readonly missing: ReadonlyArray<MissingEpisode>
  readonly socialWorkerEpisodes: ReadonlyArray<SocialWorkerEpisode>
}

const sameEpisode = (a: Episode.Episode, b: Episode.Episode): boolean =>
  a.start === b.start &&
  a.reasonForNewEpisode === b.reasonForNewEpisode &&
  a.legalStatus === b.legalStatus &&
  a.placement === b.placement &&
  Option.getOrNull(a.end) === Option.getOrNull(b.end) &&
  Option.getOrNull(a.reasonCeased) === Option.getOrNull(b.reasonCeased)

/**
 * One child's episodes in date order with identical duplicates removed, and an episode left open although a later
 * one exists closed on the later one's start (ssda903.md §4, the usual "episodes fix"), so that no two episodes are
 * open on the same day. The input is not modified.
 * @category constructors
 */
export const normaliseEpisodes = (episodes: ReadonlyArray<Episode.Episode>): ReadonlyArray<Episode.Episode> => {
  if (episodes.length <= 1) return episodes
  const sorted = [...episodes].sort(Episode.order)
  const out: Array<Episode.Episode> = []
  for (const e of sorted) {
    const last = out[out.length - 1]
    if (last !== undefined && sameEpisode(last, e)) continue
    out.push(e)
  }
  for (let i = 0; i < out.length - 1; i++) {
    const e = out[i]!
    const next = out[i + 1]!
    if (Option.isNone(e.end) && next.start > e.start) {
      out[i] = {
        ...e,
        end: Option.some(next.start),
        reasonCeased: Option.orElseSome(e.reasonCeased, () => "X1" as const)
      }
    }
  }
  return out
}

interface Builder {
  child: Child | undefined
  readonly episodes: Array<Episode.Episode>
  readonly reviews: Array<Review>
  uasc: UnaccompaniedAsylumSeekingChild | undefined
  healthOutcome: HealthOutcome | undefined
  careLeaver: CareLeaverOutcome | undefined
  adoption: Adoption | undefined
  readonly placedForAdoption: Array<PlacedForAdoption>
  previousPermanence: PreviousPermanence | undefined
  readonly missing: Array<MissingEpisode>
  readonly socialWorkerEpisodes: Array<SocialWorkerEpisode>
}

const builder = (): Builder => ({
  child: undefined,
  episodes: [],
  reviews: [],
  uasc: undefined,
  healthOutcome: undefined,
  careLeaver: undefined,
  adoption: undefined,
  placedForAdoption: [],
  previousPermanence: undefined,
  missing: [],
  socialWorkerEpisodes: []
})

/**
 * Index a return by child, once: one pass over each table into one map. Histories come out in child-id order: every
 * child in the Header table and every child named only by episodes (rows of other tables for anyone else are left
 * out); of tables with one row per child the first row counts.
 * @category constructors
 */
export const index = (ret: Return): ReadonlyArray<ChildHistory> => {
  const byChild = new Map<ChildId, Builder>()
  const open = (id: ChildId): Builder => {
    let b = byChild.get(id)
    if (b === undefined) {
      b = builder()
      byChild.set(id, b)
    }
    return b
  }
  for (const c of ret.children) {
    const b = open(c.id)
    if (b.child === undefined) b.child = c
  }
  for (const e of ret.episodes) open(e.childId).episodes.push(e)
  const each = <A extends { readonly childId: ChildId }>(
    rows: Option.Option<ReadonlyArray<A>>,
    add: (b: Builder, row: A) => void
  ) => {
    if (Option.isNone(rows)) return
    for (const r of rows.value) {
      const b = byChild.get(r.childId)
      if (b !== undefined) add(b, r)
    }
  }
  each(ret.reviews, (b, r) => b.reviews.push(r))
  each(ret.uasc, (b, r) => {
    b.uasc ??= r
  })
  each(ret.healthOutcomes, (b, r) => {
    b.healthOutcome ??= r
  })
  each(ret.careLeavers, (b, r) => {
    b.careLeaver ??= r
  })
  each(ret.adoptions, (b, r) => {
    b.adoption ??= r
  })
  each(ret.placedForAdoption, (b, r) => b.placedForAdoption.push(r))
  each(ret.previousPermanence, (b, r) => {
    b.previousPermanence ??= r
  })
  each(ret.missing, (b, r) => b.missing.push(r))
  each(ret.socialWorkerEpisodes, (b, r) => b.socialWorkerEpisodes.push(r))
  const ids = [...byChild.keys()].sort()
  return ids.map((childId) => {
    const b = byChild.get(childId)!
    return {
      childId,
      child: Option.fromNullishOr(b.child),
      episodes: normaliseEpisodes(b.episodes),
      reviews: b.reviews,
      uasc: Option.fromNullishOr(b.uasc),
      healthOutcome: Option.fromNullishOr(b.healthOutcome),
      careLeaver: Option.fromNullishOr(b.careLeaver),
      adoption: Option.fromNullishOr(b.adoption),
      placedForAdoption: b.placedForAdoption,
      previousPermanence: Option.fromNullishOr(b.previousPermanence),
      missing: b.missing,
      socialWorkerEpisodes: b.socialWorkerEpisodes
    }
  })
}

/**
 * The episode open at the end of `on`, if any.
 * @category getters
 */
export const episodeOn = (self: ChildHistory, on: CalendarDate.CalendarDate): Option.Option<Episode.Episode> => {
  for (let i = self.episodes.length - 1; i >= 0; i--) {
    const e = self.episodes[i]!
    if (Episode.isOpenOn(e, on)) return Option.some(e)
  }
  return Option.none()
}
