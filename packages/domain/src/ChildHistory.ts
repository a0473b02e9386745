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
 * Already in order, with no identical neighbours and no open episode before a later one: nothing to normalise (the
 * usual case, checked without copying).
 */
const isNormal = (episodes: ReadonlyArray<Episode.Episode>): boolean => {
  for (let i = 1; i < episodes.length; i++) {
    const prev = episodes[i - 1]!
    const e = episodes[i]!
    if (Episode.order(prev, e) > 0 || sameEpisode(prev, e) || Option.isNone(prev.end)) return false
  }
  return true
}

/**
 * One child's episodes in date order with identical duplicates removed, and an episode left open although a later
 * one exists closed on the later one's start (ssda903.md §4, the usual "episodes fix"), so that no two episodes are
 * open on the same day. The input is not modified.
 * @category constructors
 */
export const normaliseEpisodes = (episodes: ReadonlyArray<Episode.Episode>): ReadonlyArray<Episode.Episode> => {
  if (episodes.length <= 1 || isNormal(episodes)) return episodes
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
  episodes: Array<Episode.Episode> | undefined
  reviews: Array<Review> | undefined
  uasc: UnaccompaniedAsylumSeekingChild | undefined
  healthOutcome: HealthOutcome | undefined
  careLeaver: CareLeaverOutcome | undefined
  adoption: Adoption | undefined
  placedForAdoption: Array<PlacedForAdoption> | undefined
  previousPermanence: PreviousPermanence | undefined
  missing: Array<MissingEpisode> | undefined
  socialWorkerEpisodes: Array<SocialWorkerEpisode> | undefined
}

// Most children have no rows in most tables: their lists are all this one empty array rather than one each.
const noRows: ReadonlyArray<never> = []

const builder = (): Builder => ({
  child: undefined,
  episodes: undefined,
  reviews: undefined,
  uasc: undefined,
  healthOutcome: undefined,
  careLeaver: undefined,
  adoption: undefined,
  placedForAdoption: undefined,
  previousPermanence: undefined,
  missing: undefined,
  socialWorkerEpisodes: undefined
})

const push = <A>(list: Array<A> | undefined, row: A): Array<A> => {
  if (list === undefined) return [row]
  list.push(row)
  return list
}

const isSorted = (ids: ReadonlyArray<ChildId>): boolean => {
  for (let i = 1; i < ids.length; i++) if (ids[i - 1]! > ids[i]!) return false
  return true
}

/**
 * Index a return by child, once. Histories come out in child-id order: every
 * child in the Header table and every child named only by episodes (rows of other tables for anyone else are left
 * out); of tables with one row per child the first row counts.
 * @category constructors
 */
export const index = (ret: Return): ReadonlyArray<ChildHistory> => indexSorted(ret) ?? indexAny(ret)

/** Where each child's rows lie in a table sorted by child: rows `from[k]` to `to[k]` (exclusive) are child `k`'s. */
interface Groups {
  readonly from: Int32Array
  readonly to: Int32Array
}

/**
 * Group a table by the sorted Header ids in one merge pass, or `undefined` when the table is not sorted by child —
 * or, with `strict`, names a child the Header lacks (such a child must get a history, which only the general path
 * gives). Rows of unknown children are otherwise left out, as the general path does.
 */
const groupSorted = <A extends { readonly childId: ChildId }>(
  rows: ReadonlyArray<A>,
  ids: ReadonlyArray<ChildId>,
  strict: boolean
): Groups | undefined => {
  const from = new Int32Array(ids.length)
  const to = new Int32Array(ids.length)
  let k = 0
  let previous: ChildId | undefined
  for (let j = 0; j < rows.length; j++) {
    const id = rows[j]!.childId
    if (previous !== undefined && previous > id) return undefined
    while (k < ids.length && ids[k]! < id) k++
    if (k < ids.length && ids[k] === id) {
      if (id !== previous) from[k] = j
      to[k] = j + 1
    } else if (strict) return undefined
    previous = id
  }
  return { from, to }
}

/**
 * The usual case in one merge pass and no map: Header ids strictly ascending and every table sorted by child (as 903
 * files are written), every episode's child in the Header. `undefined` otherwise.
 */
const indexSorted = (ret: Return): ReadonlyArray<ChildHistory> | undefined => {
  const children = ret.children
  const ids = children.map((c) => c.id)
  for (let k = 1; k < ids.length; k++) if (!(ids[k - 1]! < ids[k]!)) return undefined
  const episodes = groupSorted(ret.episodes, ids, true)
  if (episodes === undefined) return undefined
  const table = <A extends { readonly childId: ChildId }>(rows: Option.Option<ReadonlyArray<A>>) =>
    Option.isNone(rows)
      ? { rows: noRows, groups: undefined }
      : { rows: rows.value, groups: groupSorted(rows.value, ids, false) }
  const reviews = table(ret.reviews)
  const uasc = table(ret.uasc)
  const healthOutcomes = table(ret.healthOutcomes)
  const careLeavers = table(ret.careLeavers)
  const adoptions = table(ret.adoptions)
  const placedForAdoption = table(ret.placedForAdoption)
  const previousPermanence = table(ret.previousPermanence)
  const missing = table(ret.missing)
  const socialWorkerEpisodes = table(ret.socialWorkerEpisodes)
  const all = [
    reviews,
    uasc,
    healthOutcomes,
    careLeavers,
    adoptions,
    placedForAdoption,
    previousPermanence,
    missing,
    socialWorkerEpisodes
  ]
  if (all.some((t) => t.rows.length > 0 && t.groups === undefined)) return undefined
  const listOf = <A>(t: { readonly rows: ReadonlyArray<A>; readonly groups: Groups | undefined }, k: number) =>
    t.groups === undefined || t.groups.from[k] === t.groups.to[k]
      ? noRows
      : t.rows.slice(t.groups.from[k], t.groups.to[k])
  const firstOf = <A>(t: { readonly rows: ReadonlyArray<A>; readonly groups: Groups | undefined }, k: number) =>
    t.groups === undefined || t.groups.from[k] === t.groups.to[k]
      ? Option.none<A>()
      : Option.some(t.rows[t.groups.from[k]!]!)
  const out: Array<ChildHistory> = new Array(children.length)
  for (let k = 0; k < children.length; k++) {
    out[k] = {
      childId: ids[k]!,
      child: Option.some(children[k]!),
      episodes:
        episodes.from[k] === episodes.to[k]
          ? noRows
          : normaliseEpisodes(ret.episodes.slice(episodes.from[k], episodes.to[k])),
      reviews: listOf(reviews, k),
      uasc: firstOf(uasc, k),
      healthOutcome: firstOf(healthOutcomes, k),
      careLeaver: firstOf(careLeavers, k),
      adoption: firstOf(adoptions, k),
      placedForAdoption: listOf(placedForAdoption, k),
      previousPermanence: firstOf(previousPermanence, k),
      missing: listOf(missing, k),
      socialWorkerEpisodes: listOf(socialWorkerEpisodes, k)
    }
  }
  return out
}

/** Any return: one pass over each table into one map. */
const indexAny = (ret: Return): ReadonlyArray<ChildHistory> => {
  const byChild = new Map<ChildId, Builder>()
  // 903 tables are usually sorted by child, so the previous row's child is remembered to skip most map look-ups.
  let lastId: ChildId | undefined
  let last: Builder | undefined
  const open = (id: ChildId): Builder => {
    if (id === lastId) return last!
    let b = byChild.get(id)
    if (b === undefined) {
      b = builder()
      byChild.set(id, b)
    }
    lastId = id
    last = b
    return b
  }
  for (const c of ret.children) {
    const b = open(c.id)
    if (b.child === undefined) b.child = c
  }
  for (const e of ret.episodes) {
    const b = open(e.childId)
    b.episodes = push(b.episodes, e)
  }
  const each = <A extends { readonly childId: ChildId }>(
    rows: Option.Option<ReadonlyArray<A>>,
    add: (b: Builder, row: A) => void
  ) => {
    if (Option.isNone(rows)) return
    let rowId: ChildId | undefined
    let rowBuilder: Builder | undefined
    for (const r of rows.value) {
      if (r.childId !== rowId) {
        rowId = r.childId
        rowBuilder = byChild.get(r.childId)
      }
      if (rowBuilder !== undefined) add(rowBuilder, r)
    }
  }
  each(ret.reviews, (b, r) => {
    b.reviews = push(b.reviews, r)
  })
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
  each(ret.placedForAdoption, (b, r) => {
    b.placedForAdoption = push(b.placedForAdoption, r)
  })
  each(ret.previousPermanence, (b, r) => {
    b.previousPermanence ??= r
  })
  each(ret.missing, (b, r) => {
    b.missing = push(b.missing, r)
  })
  each(ret.socialWorkerEpisodes, (b, r) => {
    b.socialWorkerEpisodes = push(b.socialWorkerEpisodes, r)
  })
  const ids = [...byChild.keys()]
  if (!isSorted(ids)) ids.sort()
  return ids.map((childId) => {
    const b = byChild.get(childId)!
    return {
      childId,
      child: Option.fromNullishOr(b.child),
      episodes: b.episodes === undefined ? noRows : normaliseEpisodes(b.episodes),
      reviews: b.reviews ?? noRows,
      uasc: Option.fromNullishOr(b.uasc),
      healthOutcome: Option.fromNullishOr(b.healthOutcome),
      careLeaver: Option.fromNullishOr(b.careLeaver),
      adoption: Option.fromNullishOr(b.adoption),
      placedForAdoption: b.placedForAdoption ?? noRows,
      previousPermanence: Option.fromNullishOr(b.previousPermanence),
      missing: b.missing ?? noRows,
      socialWorkerEpisodes: b.socialWorkerEpisodes ?? noRows
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
