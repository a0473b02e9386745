/**
 * An episode of care: a stretch of time under one legal status and one placement (903 Episodes table). A change of
 * either opens a new episode, so a child's history is a chain of episodes; a period of care starts with an episode
 * whose reason is `S` and ends with the first episode whose reason for ceasing is not `X1`.
 */
import { Option, Schema } from "effect"
import * as CalendarDate from "./CalendarDate.ts"
import { CategoryOfNeed } from "./CategoryOfNeed.ts"
import { ChildId } from "./Child.ts"
import * as LegalStatus from "./LegalStatus.ts"
import { PlacementProvider } from "./PlacementProvider.ts"
import { PlacementType } from "./PlacementType.ts"
import { ReasonEpisodeCeased } from "./ReasonEpisodeCeased.ts"
import { ReasonForNewEpisode } from "./ReasonForNewEpisode.ts"
import { ReasonPlaceChange } from "./ReasonPlaceChange.ts"

/** @category models */
export const Episode = Schema.Struct({
  childId: ChildId,
  /** DECOM: the day the episode began. */
  start: CalendarDate.CalendarDate,
  reasonForNewEpisode: ReasonForNewEpisode,
  legalStatus: LegalStatus.LegalStatus,
  categoryOfNeed: CategoryOfNeed,
  placement: PlacementType,
  provider: Schema.OptionFromNullOr(PlacementProvider),
  /** DEC: the day the episode ceased; `None` while open. */
  end: Schema.OptionFromNullOr(CalendarDate.CalendarDate),
  reasonCeased: Schema.OptionFromNullOr(ReasonEpisodeCeased),
  reasonPlaceChange: Schema.OptionFromNullOr(ReasonPlaceChange),
  homePostcode: Schema.OptionFromNullOr(Schema.String),
  placementPostcode: Schema.OptionFromNullOr(Schema.String),
  /** Ofsted unique reference number of the provider, or XXXXXXX where exempt. */
  urn: Schema.OptionFromNullOr(Schema.String)
}).annotate({ identifier: "Episode", title: "Episode of care (903 Episodes)" })
export type Episode = typeof Episode.Type

/**
 * Open at the end of day `on`: started on or before it and not ceased on or before it. The end date is exclusive
 * because the next episode starts on the day this one ends; an inclusive end would count that day twice, and a
 * child who leaves care on 31 March is not looked after at the end of 31 March (ssda903.md §4). Any period with a start
 * and an optional end reads the same way (a social worker episode).
 * @category predicates
 */
export const isOpenOn = (self: Pick<Episode, "start" | "end">, on: CalendarDate.CalendarDate): boolean =>
  self.start <= on && (Option.isNone(self.end) || self.end.value > on)

/**
 * The episode and the period [from, to] share at least one day (an episode ending on `from` shares it).
 * @category predicates
 */
export const overlaps = (self: Episode, from: CalendarDate.CalendarDate, to: CalendarDate.CalendarDate): boolean =>
  self.start <= to && (Option.isNone(self.end) || self.end.value >= from)

/** Under an agreed series of short breaks (V3/V4). @category predicates */
export const isShortBreak = (self: Episode): boolean => LegalStatus.isShortBreak(self.legalStatus)

/** The child left care when this episode ended (it ended, and not with X1). @category predicates */
export const isLeavingCare = (self: Episode): boolean =>
  Option.isSome(self.end) && Option.isSome(self.reasonCeased) && self.reasonCeased.value !== "X1"

/** Episodes in the order DfE reads them: by child, then start date. @category getters */
export const order = (a: Episode, b: Episode): number =>
  a.childId < b.childId ? -1 : a.childId > b.childId ? 1 : a.start < b.start ? -1 : a.start > b.start ? 1 : 0
