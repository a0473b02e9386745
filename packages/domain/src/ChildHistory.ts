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

const group = <A extends { readonly childId: ChildId }>(rows: Option.Option<ReadonlyArray<A>>) => {
  const m = new Map<ChildId, Array<A>>()
  if (Option.isSome(rows)) {
    for (const r of rows.value) {
      const list = m.get(r.childId)
      if (list === undefined) m.set(r.childId, [r])
      else list.push(r)
    }
  }
  return m
}

/**
 * Index a return by child, once. Histories come out in child-id order: every child in the Header table and every
 * child named only by episodes.
 * @category constructors
 */
export const index = (ret: Return): ReadonlyArray<ChildHistory> => {
  const children = new Map<ChildId, Child>()
  for (const c of ret.children) children.set(c.id, c)
  const episodes = group(Option.some(ret.episodes))
  const reviews = group(ret.reviews)
  const uasc = group(ret.uasc)
  const oc2 = group(ret.healthOutcomes)
  const oc3 = group(ret.careLeavers)
  const ad1 = group(ret.adoptions)
  const placed = group(ret.placedForAdoption)
  const prevPerm = group(ret.previousPermanence)
  const missing = group(ret.missing)
  const sw = group(ret.socialWorkerEpisodes)
  const ids = [...new Set<ChildId>([...children.keys(), ...episodes.keys()])].sort()
  const first = <A>(m: Map<ChildId, Array<A>>, id: ChildId) => Option.fromNullishOr(m.get(id)?.[0])
  return ids.map((childId) => ({
    childId,
    child: Option.fromNullishOr(children.get(childId)),
    episodes: normaliseEpisodes(episodes.get(childId) ?? []),
    reviews: reviews.get(childId) ?? [],
    uasc: first(uasc, childId),
    healthOutcome: first(oc2, childId),
    careLeaver: first(oc3, childId),
    adoption: first(ad1, childId),
    placedForAdoption: placed.get(childId) ?? [],
    previousPermanence: first(prevPerm, childId),
    missing: missing.get(childId) ?? [],
    socialWorkerEpisodes: sw.get(childId) ?? []
  }))
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
