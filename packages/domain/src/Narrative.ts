/**
 * Sentences written from the figures, in the register councils use in their reports to members: "At 31 March 2018
 * there were 445 children looked after, a rate of 137 per 10,000, higher than statistical neighbours (111.4) and
 * England (64)." A sentence is built only from a scorecard entry's published `display`, so it can never state a
 * number the audience may not see: a suppressed figure (`c`) is described as too small to publish, and no direction
 * of travel is given when either year is suppressed (domain.md §5.1). Counts of 1 to 5 are refused again here for
 * members and the public, whatever the entry says, as a second line of defence.
 */
import { Option } from "effect"
import type { Audience } from "./Audience.ts"
import * as ReportingYear from "./ReportingYear.ts"
import * as Scorecard from "./Scorecard.ts"

/** A figure to compare with: England, the region or the statistical neighbours' average. @category models */
export interface Comparison {
  readonly area: "england" | "region" | "statistical_neighbours"
  readonly value: number
}

/** @category models */
export const areaLabel: Readonly<Record<Comparison["area"], string>> = {
  statistical_neighbours: "statistical neighbours",
  region: "the region",
  england: "England"
}

/**
 * Which way a figure moved from last year: `improving`/`declining` when the indicator has a polarity, `up`/`down`
 * when it only describes, `stable` within one unit of the published rounding, `not_comparable` when either is hidden.
 * @category models
 */
export type Direction = "improving" | "declining" | "stable" | "up" | "down" | "not_comparable"

/**
 * The published symbols that stand for a figure (domain.md §5.1): `c` suppressed, `k` rounds to zero but is not zero,
 * `x` not available, `z` not applicable.
 */
const symbols: ReadonlySet<string> = new Set(["c", "k", "x", "z"])

/** Whether the audience may see the entry's figure. @category predicates */
export const isShown = (entry: Scorecard.Entry, audience: Audience): boolean => {
  if (symbols.has(entry.display) || entry.value === null) return false
  if (audience === "officer") return true
  const small = (n: number | null) => n !== null && Scorecard.isSmallCount(n)
  return !(small(entry.numerator) || small(entry.denominator) || (entry.unit === "count" && small(entry.value)))
}

/** The figure as published (rounded), so that a comparison agrees with the number the reader sees. */
const published = (entry: Scorecard.Entry): number => {
  const n = Number(entry.display)
  return Number.isFinite(n) ? n : (entry.value ?? 0)
}

const withThousands = (digits: string): string => digits.replace(/\B(?=(\d{3})+(?!\d))/g, ",")

/** A number as councils print it: thousands separated, at most one decimal place. @category encoding */
export const formatNumber = (n: number): string => {
  const rounded = Math.round(n * 10) / 10
  const [whole = "0", fraction] = Math.abs(rounded)
    .toFixed(Number.isInteger(rounded) ? 0 : 1)
    .split(".")
  return `${rounded < 0 ? "-" : ""}${withThousands(whole)}${fraction === undefined ? "" : `.${fraction}`}`
}

/**
 * The published figure with its unit ("71%", "445", "137 per 10,000", "14.2"), or `None` when hidden.
 * @category encoding
 */
export const figure = (entry: Scorecard.Entry, audience: Audience): Option.Option<string> => {
  if (!isShown(entry, audience)) return Option.none()
  const shown = /^-?\d+$/.test(entry.display) ? withThousands(entry.display) : entry.display
  switch (entry.unit) {
    case "percent":
      return Option.some(`${shown}%`)
    case "rate":
      return Option.some(`${shown} per 10,000`)
    default:
      return Option.some(shown)
  }
}

/** A table cell: the figure with its unit, or the symbol (`c`, `x`, `z`) that replaces it. @category encoding */
export const cell = (entry: Scorecard.Entry, audience: Audience): string =>
  Option.getOrElse(figure(entry, audience), () => (symbols.has(entry.display) ? entry.display : "c"))

/**
 * The direction of travel from `previous` to `current`. Changes smaller than the published rounding (one
 * percentage point, one child, one per 10,000, 0.1 of a score) are `stable`.
 * @category getters
 */
export const direction = (
  current: Scorecard.Entry,
  previous: Option.Option<Scorecard.Entry>,
  audience: Audience
): Direction => {
  if (Option.isNone(previous) || !isShown(current, audience) || !isShown(previous.value, audience)) {
    return "not_comparable"
  }
  const now = current.value ?? 0
  const before = previous.value.value ?? 0
  const step = current.unit === "score" ? 0.1 : 1
  if (Math.abs(now - before) < step) return "stable"
  const up = now > before
  if (current.polarity === "neutral") return up ? "up" : "down"
  return up === (current.polarity === "higher_is_better") ? "improving" : "declining"
}

/** @category encoding */
export const directionLabel: Readonly<Record<Direction, string>> = {
  improving: "Improving",
  declining: "Declining",
  stable: "Stable",
  up: "Up",
  down: "Down",
  not_comparable: "Not comparable"
}

const compareWith = (value: number, comparisons: ReadonlyArray<Comparison>, unit: string): string => {
  const parts = (["statistical_neighbours", "region", "england"] as const).flatMap((area) => {
    const c = comparisons.find((x) => x.area === area)
    return c === undefined ? [] : [{ area, value: c.value }]
  })
  if (parts.length === 0) return ""
  const label = (p: { area: Comparison["area"]; value: number }) =>
    `${areaLabel[p.area]} (${formatNumber(p.value)}${unit})`
  const higher = parts.filter((p) => value > p.value).map(label)
  const lower = parts.filter((p) => value < p.value).map(label)
  const same = parts.filter((p) => value === p.value).map(label)
  const clauses = [
    higher.length > 0 ? `higher than ${joinAnd(higher)}` : "",
    lower.length > 0 ? `lower than ${joinAnd(lower)}` : "",
    same.length > 0 ? `the same as ${joinAnd(same)}` : ""
  ].filter((s) => s !== "")
  return clauses.join(" and ")
}

/** "a", "a and b", "a, b and c". @category encoding */
export const joinAnd = (items: ReadonlyArray<string>): string =>
  items.length <= 1 ? (items[0] ?? "") : `${items.slice(0, -1).join(", ")} and ${items.at(-1)}`

const dayOfYearEnd = (year: ReportingYear.ReportingYear) => `31 March ${year}`

/** How many children are looked after, in one sentence: the count, the rate and how they compare. @category getters */
export const lookedAfter = (options: {
  readonly year: ReportingYear.ReportingYear
  readonly audience: Audience
  readonly count: Scorecard.Entry
  readonly rate: Option.Option<Scorecard.Entry>
  readonly previousCount: Option.Option<Scorecard.Entry>
  readonly rateComparisons: ReadonlyArray<Comparison>
}): string => {
  const { year, audience } = options
  const count = figure(options.count, audience)
  if (Option.isNone(count)) {
    return `At ${dayOfYearEnd(year)} the number of children looked after was too small to publish without risk of identifying them.`
  }
  const plural = options.count.value === 1 ? "was 1 child" : `were ${count.value} children`
  let text = `At ${dayOfYearEnd(year)} there ${plural} looked after`
  const rate = Option.flatMap(options.rate, (r) => Option.map(figure(r, audience), (f) => ({ r, f })))
  if (Option.isSome(rate)) {
    text += `, a rate of ${rate.value.f}`
    const compared = compareWith(published(rate.value.r), options.rateComparisons, "")
    if (compared !== "") text += `, ${compared}`
  }
  text += "."
  const travel = direction(options.count, options.previousCount, audience)
  if (travel !== "not_comparable" && Option.isSome(options.previousCount)) {
    const before = Option.getOrElse(figure(options.previousCount.value, audience), () => "")
    const previousEnd = dayOfYearEnd(ReportingYear.previous(year))
    text +=
      travel === "stable"
        ? ` This is the same as at ${previousEnd}.`
        : ` This is ${travel === "up" ? "up" : "down"} from ${before} at ${previousEnd}.`
  }
  return text
}

/**
 * What a percentage or score describes, finishing "In 2017/18, 71% …". Indicators not listed here get a sentence
 * built from their title.
 * @category models
 */
export const phrases: Readonly<Record<string, string>> = {
  placed_foster_pct: "of children looked after at 31 March were living with foster carers",
  placed_with_parents_pct: "of children looked after at 31 March were placed with their parents",
  placed_for_adoption_pct: "of children looked after at 31 March were placed for adoption",
  placed_homes_secure_semi_independent_pct:
    "of children looked after at 31 March lived in children's homes, secure units or semi-independent living",
  placed_out_of_area_pct: "of children looked after at 31 March were placed outside the council's area",
  placed_over_20_miles_pct: "of children looked after at 31 March were placed more than 20 miles from home",
  stability_3plus_placements_pct: "of children looked after at 31 March had three or more placements during the year",
  stability_long_term_pct:
    "of children under 16 looked after for two and a half years or more had lived in the same placement for at least two years",
  health_assessment_pct: "of children looked after for at least a year had their annual health assessment",
  dental_check_pct: "of children looked after for at least a year had their teeth checked by a dentist",
  immunisations_pct: "of children looked after for at least a year were up to date with their immunisations",
  development_check_under5_pct: "of children under five looked after for at least a year had their development checks",
  sdq_concern_pct:
    "of children whose emotional and behavioural health was assessed had a score that is a cause for concern",
  convicted_pct:
    "of children aged 10 or over looked after for at least a year were convicted or subject to a final warning or reprimand",
  substance_misuse_pct:
    "of children looked after for at least a year were identified as having a substance misuse problem",
  missing_children_pct: "of children looked after during the year went missing at least once",
  away_children_pct:
    "of children looked after during the year were away from placement without authorisation at least once",
  care_leavers_17_18_in_touch_pct: "of care leavers aged 17 and 18 were in touch with the council",
  care_leavers_17_18_eet_pct: "of care leavers aged 17 and 18 were in education, employment or training",
  care_leavers_17_18_suitable_accommodation_pct: "of care leavers aged 17 and 18 were in suitable accommodation",
  care_leavers_19_21_in_touch_pct: "of care leavers aged 19 to 21 were in touch with the council",
  care_leavers_19_21_eet_pct: "of care leavers aged 19 to 21 were in education, employment or training",
  care_leavers_19_21_suitable_accommodation_pct: "of care leavers aged 19 to 21 were in suitable accommodation",
  review_participation_pct: "of reviews of children aged four or over had the child's participation"
}

/** What a count describes, finishing "In 2017/18, 162 …". @category models */
export const countPhrases: Readonly<Record<string, string>> = {
  cla_started: "children started to be looked after",
  cla_ceased: "children ceased to be looked after",
  cla_during_year: "children were looked after at some time during the year",
  uasc_31_march: "children looked after at 31 March were unaccompanied asylum-seeking children",
  oc2_cohort: "children had been looked after continuously for at least twelve months at 31 March",
  missing_incidents: "missing incidents were recorded",
  adopted_count: "children left care through adoption",
  sgo_count: "children left care through a special guardianship order"
}

const lowerFirst = (s: string) => (s.length > 0 ? s[0]!.toLowerCase() + s.slice(1) : s)

/**
 * One sentence about an indicator for the year, with its direction of travel from the previous year and how it
 * compares with benchmarks. A hidden figure is said to be too small to publish or not available.
 * @category getters
 */
export const sentence = (options: {
  readonly year: ReportingYear.ReportingYear
  readonly audience: Audience
  readonly entry: Scorecard.Entry
  readonly previous: Option.Option<Scorecard.Entry>
  readonly comparisons: ReadonlyArray<Comparison>
}): string => {
  const { entry, year, audience } = options
  const label = ReportingYear.label(year)
  const shown = figure(entry, audience)
  if (Option.isNone(shown)) {
    if (entry.display === "k") return `${entry.title}: below 0.5% in ${label}.`
    return entry.display === "x" || entry.display === "z"
      ? `${entry.title}: not available for ${label}${entry.reason === undefined ? "" : ` (${entry.reason})`}.`
      : `${entry.title}: the number for ${label} is too small to publish without risk of identifying children.`
  }
  const phrase = entry.unit === "count" ? countPhrases[entry.id] : phrases[entry.id]
  let text =
    phrase === undefined
      ? `In ${label}, ${lowerFirst(entry.title)} was ${shown.value}`
      : `In ${label}, ${shown.value} ${phrase}`
  const travel = direction(entry, options.previous, audience)
  if (travel !== "not_comparable" && Option.isSome(options.previous)) {
    const before = Option.getOrElse(figure(options.previous.value, audience), () => "")
    const previousLabel = ReportingYear.label(ReportingYear.previous(year))
    const now = entry.value ?? 0
    const was = options.previous.value.value ?? 0
    text +=
      travel === "stable"
        ? `, much the same as in ${previousLabel} (${before})`
        : `, ${now > was ? "up" : "down"} from ${before} in ${previousLabel}${travel === "improving" ? ", an improvement" : travel === "declining" ? ", a decline" : ""}`
  }
  const unit = entry.unit === "percent" ? "%" : ""
  // A council's count is not comparable with England's; rates, percentages and scores are.
  const compared = entry.unit === "count" ? "" : compareWith(published(entry), options.comparisons, unit)
  if (compared !== "") text += `; ${compared}`
  return `${text}.`
}
