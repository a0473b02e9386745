/**
 * An indicator: a DfE-defined measure a council reports to members, defined once as data (what it counts, its unit
 * and polarity, where the definition comes from) with a pure function computing it from a return. Every result
 * carries its numerator and denominator so that a percentage can always be explained. The catalogue and its ids are
 * the contract in `indicators.md`: an id never changes meaning.
 *
 * The cohorts several indicators share (children looked after at 31 March, during the year, the OC2 cohort) are
 * worked out once per computation in a {@link View} and reused, so the whole catalogue is a handful of passes over
 * the histories.
 */
import { Option, Schema } from "effect"
import * as CalendarDate from "./CalendarDate.ts"
import * as CareLeaverOutcome from "./CareLeaverOutcome.ts"
import * as Child from "./Child.ts"
import type * as ChildHistory from "./ChildHistory.ts"
import * as Cohort from "./Cohort.ts"
import * as Episode from "./Episode.ts"
import * as Placement from "./Placement.ts"
import * as PlacementType from "./PlacementType.ts"
import * as ReasonEpisodeCeased from "./ReasonEpisodeCeased.ts"
import * as ReportingYear from "./ReportingYear.ts"
import type { TableName } from "./Return.ts"
import * as Review from "./Review.ts"

/** @category models */
export const IndicatorId = Schema.String.pipe(
  Schema.check(Schema.isPattern(/^[a-z][a-z0-9_]*$/)),
  Schema.brand("IndicatorId")
).annotate({ identifier: "IndicatorId", examples: ["cla_31_march" as never] })
export type IndicatorId = typeof IndicatorId.Type

/** @category models */
export const Unit = Schema.Literals(["count", "percent", "rate", "score"]).annotate({ identifier: "IndicatorUnit" })
export type Unit = typeof Unit.Type

/** Which direction is good; `neutral` figures describe rather than judge. @category models */
export const Polarity = Schema.Literals(["higher_is_better", "lower_is_better", "neutral"]).annotate({
  identifier: "Polarity"
})
export type Polarity = typeof Polarity.Type

/** What one computation needs besides the histories. @category models */
export interface Inputs {
  readonly year: ReportingYear.ReportingYear
  readonly histories: ReadonlyArray<ChildHistory.ChildHistory>
  /** The tables the council supplied; an indicator needing an absent one is `x`. */
  readonly tables: ReadonlySet<TableName>
  /** ONS mid-year estimate of the council's population aged 0–17, for rates. */
  readonly population: Option.Option<number>
  /** A postcode directory and the council's LA code, for placement location; without it those figures are `x`. */
  readonly area?: Placement.AreaContext
  /** How placement moves are counted (ssda903.md §4.4); DfE's reading by default. */
  readonly countingRules?: Placement.CountingRules
}

/**
 * A computed figure. `value` is unrounded (a percentage is 0–100); `None` with a `reason` when it cannot be computed.
 * @category models
 */
export const Measurement = Schema.Struct({
  value: Schema.OptionFromNullOr(Schema.Number),
  numerator: Schema.OptionFromNullOr(Schema.Number),
  denominator: Schema.OptionFromNullOr(Schema.Number),
  reason: Schema.OptionFromNullOr(Schema.String)
}).annotate({ identifier: "Measurement" })
export type Measurement = typeof Measurement.Type

/**
 * The cohorts shared by indicators for one year, each worked out on first use.
 * @category models
 */
export interface View {
  readonly inputs: Inputs
  readonly yearStart: CalendarDate.CalendarDate
  readonly yearEnd: CalendarDate.CalendarDate
  /** Children looked after at 31 March, with the episode open then. */
  readonly lookedAfterAtYearEnd: () => ReadonlyArray<Cohort.Member>
  /** Children looked after at any time in the year. */
  readonly lookedAfterDuringYear: () => ReadonlyArray<Cohort.Member>
  /** Children looked after continuously for the 12 months to 31 March (OC2 cohort), with their age then. */
  readonly continuouslyLookedAfter: () => ReadonlyArray<{
    readonly history: ChildHistory.ChildHistory
    readonly age: Option.Option<number>
  }>
  /** Children who started to be looked after in the year, with the first starting episode. */
  readonly started: () => ReadonlyArray<Cohort.Member>
  /** Children who left care in the year, with the last leaving episode. */
  readonly ceased: () => ReadonlyArray<Cohort.Member>
  /** OC3 cohorts after DfE exclusions: young people whose 17th or 18th, and 19th to 21st, birthday is in the year. */
  readonly careLeavers17To18: () => ReadonlyArray<CareLeaverOutcome.CareLeaverOutcome>
  readonly careLeavers19To21: () => ReadonlyArray<CareLeaverOutcome.CareLeaverOutcome>
}

const lazy = <A>(f: () => A): (() => A) => {
  let cached: { readonly value: A } | undefined
  return () => {
    if (cached === undefined) cached = { value: f() }
    return cached.value
  }
}

/** The shared cohorts of a year. @category constructors */
export const view = (inputs: Inputs): View => {
  const yearStart = ReportingYear.start(inputs.year)
  const yearEnd = ReportingYear.end(inputs.year)
  const lookedAfterDuringYear = lazy(() => Cohort.members(inputs.histories, inputs.year, "during_year"))
  // Whoever is looked after at 31 March, starts or leaves in the year or is in care throughout it has an episode
  // (not a short break) in the year, so those cohorts are drawn from the children looked after during the year, not
  // every child the return has ever held.
  const duringYear = lazy(() => lookedAfterDuringYear().map((m) => m.history))
  return {
    inputs,
    yearStart,
    yearEnd,
    lookedAfterAtYearEnd: lazy(() => Cohort.members(duringYear(), inputs.year, "cla_31_march")),
    lookedAfterDuringYear,
    started: lazy(() => Cohort.members(duringYear(), inputs.year, "started")),
    ceased: lazy(() => Cohort.members(duringYear(), inputs.year, "ceased")),
    careLeavers17To18: lazy(() => careLeaverCohort(inputs, [17, 18])),
    careLeavers19To21: lazy(() => careLeaverCohort(inputs, [19, 20, 21])),
    continuouslyLookedAfter: lazy(() =>
      duringYear()
        .filter((h) => Cohort.isContinuouslyLookedAfterBetween(h, yearStart, yearEnd))
        .map((history) => ({ history, age: Option.map(history.child, (c) => Child.ageOn(c, yearEnd)) }))
    )
  }
}

/** @category models */
export interface Definition {
  readonly id: IndicatorId
  readonly title: string
  readonly description: string
  readonly unit: Unit
  readonly polarity: Polarity
  /** The children counted, in words. */
  readonly cohort: string
  readonly numerator: string
  readonly denominator: Option.Option<string>
  /** Where the definition comes from (ssda903.md section, DfE publication). */
  readonly reference: string
  /** Tables the computation reads. */
  readonly tables: ReadonlyArray<TableName>
  readonly compute: (view: View) => Measurement
}

/** A count with no denominator. @category constructors */
export const count = (n: number): Measurement => ({
  value: Option.some(n),
  numerator: Option.some(n),
  denominator: Option.none(),
  reason: Option.none()
})

/**
 * A percentage of `denominator`; not available (with a reason) when the denominator is 0.
 * @category constructors
 */
export const percent = (numerator: number, denominator: number): Measurement =>
  denominator === 0
    ? { ...unavailable("no children in the cohort"), numerator: Option.some(numerator), denominator: Option.some(0) }
    : {
        value: Option.some((numerator / denominator) * 100),
        numerator: Option.some(numerator),
        denominator: Option.some(denominator),
        reason: Option.none()
      }

/** A mean: `total` over `n`; not available when nothing was scored. @category constructors */
export const mean = (total: number, n: number): Measurement =>
  n === 0
    ? { ...unavailable("no scores in the cohort"), numerator: Option.some(total), denominator: Option.some(0) }
    : {
        value: Option.some(total / n),
        numerator: Option.some(total),
        denominator: Option.some(n),
        reason: Option.none()
      }

/** A figure that cannot be computed, and why. @category constructors */
export const unavailable = (reason: string): Measurement => ({
  value: Option.none(),
  numerator: Option.none(),
  denominator: Option.none(),
  reason: Option.some(reason)
})

/**
 * Compute a definition against a view, or say which supplied table is missing.
 * @category getters
 */
export const measureIn = (definition: Definition, v: View): Measurement => {
  const missing = definition.tables.filter((t) => !v.inputs.tables.has(t))
  return missing.length > 0 ? unavailable(`table not supplied: ${missing.join(", ")}`) : definition.compute(v)
}

/**
 * Compute one definition for a year.
 * @category getters
 */
export const measure = (definition: Definition, inputs: Inputs): Measurement => measureIn(definition, view(inputs))

/**
 * Compute every definition for a year, sharing cohorts between them.
 * @category getters
 */
export const measureAll = (
  inputs: Inputs,
  definitions: ReadonlyArray<Definition> = catalogue
): ReadonlyArray<{ readonly definition: Definition; readonly measurement: Measurement }> => {
  const v = view(inputs)
  return definitions.map((definition) => ({ definition, measurement: measureIn(definition, v) }))
}

type Spec = Omit<Definition, "id" | "denominator"> & { readonly id: string; readonly denominator?: string }

const define = (spec: Spec): Definition => ({
  ...spec,
  id: IndicatorId.make(spec.id),
  denominator: Option.fromNullishOr(spec.denominator)
})

const share = <A>(items: ReadonlyArray<A>, test: (a: A) => boolean): Measurement => {
  let n = 0
  // Indexed loops in the hot paths: a for-of over hundreds of thousands of children was a measurable share of the
  // national-scale run in iterator results alone.
  for (let i = 0; i < items.length; i++) if (test(items[i]!)) n++
  return percent(n, items.length)
}

const placedAtYearEnd = (test: (p: PlacementType.PlacementType) => boolean) => (v: View) =>
  share(v.lookedAfterAtYearEnd(), (m) => test(m.episode.placement))

const oc2Share =
  (inCohort: (age: Option.Option<number>) => boolean, flag: (h: ChildHistory.ChildHistory) => boolean) => (v: View) =>
    share(
      v.continuouslyLookedAfter().filter((c) => inCohort(c.age)),
      (c) => flag(c.history)
    )

/** The OC2 flag is recorded as 1 (a missing record or flag counts as not done). */
const flagOf =
  (field: "healthAssessment" | "teethCheck" | "immunisations" | "healthCheck" | "convicted" | "substanceMisuse") =>
  (h: ChildHistory.ChildHistory): boolean => {
    if (Option.isNone(h.healthOutcome)) return false
    const flag = h.healthOutcome.value[field]
    return Option.isSome(flag) && flag.value
  }

const anyAge = () => true
const ageWhere = (test: (age: number) => boolean) => (age: Option.Option<number>) =>
  Option.isSome(age) && test(age.value)

const sdqScored = (v: View): ReadonlyArray<number> => {
  const out: Array<number> = []
  const cohort = v.continuouslyLookedAfter()
  for (let i = 0; i < cohort.length; i++) {
    const c = cohort[i]!
    if (!(Option.isSome(c.age) && c.age.value >= 5 && c.age.value <= 16)) continue
    const score = Option.flatMap(c.history.healthOutcome, (o) => o.sdqScore)
    if (Option.isSome(score) && score.value >= 0 && score.value <= 40) out.push(score.value)
  }
  return out
}

const missingShare = (kind: "missing" | "away") => (v: View) =>
  share(v.lookedAfterDuringYear(), (m) =>
    m.history.missing.some((x) => x.kind === kind && CalendarDate.isBetween(x.start, v.yearStart, v.yearEnd))
  )

/**
 * The OC3 cohort whose `ages` birthday falls in the year, after DfE's exclusions (died, returned home for 6+ months,
 * care transferred to another council, short breaks only) (ssda903.md §4.7).
 * @category getters
 */
export const careLeaverCohort = (
  inputs: Inputs,
  ages: ReadonlyArray<number>
): ReadonlyArray<CareLeaverOutcome.CareLeaverOutcome> => {
  const ys = ReportingYear.start(inputs.year)
  const ye = ReportingYear.end(inputs.year)
  // The `a`th birthday falls in [YS, YE] exactly when the date of birth falls in [YS − a years, YE − a years]: the
  // year runs from 1 April, so a 29 February birthday kept on 1 March never crosses either end.
  const born = ages.map((a) => [CalendarDate.addYears(ys, -a), CalendarDate.addYears(ye, -a)] as const)
  const out: Array<CareLeaverOutcome.CareLeaverOutcome> = []
  for (let i = 0; i < inputs.histories.length; i++) {
    const h = inputs.histories[i]!
    if (Option.isNone(h.careLeaver)) continue
    const oc3 = h.careLeaver.value
    const dob = Option.isSome(h.child) ? h.child.value.dateOfBirth : oc3.dateOfBirth
    if (!born.some(([from, to]) => CalendarDate.isBetween(dob, from, to))) continue
    const inTouch = Option.getOrNull(oc3.inTouch)
    if (inTouch === "DIED" || inTouch === "RHOM") continue
    if (h.episodes.length > 0 && h.episodes.every(Episode.isShortBreak)) continue
    const lastEpisode = h.episodes[h.episodes.length - 1]
    if (lastEpisode !== undefined && Option.getOrNull(lastEpisode.reasonCeased) === "E3") continue
    out.push(oc3)
  }
  return out
}

const careLeaverShare =
  (band: "17_18" | "19_21", test: (o: CareLeaverOutcome.CareLeaverOutcome) => boolean) => (v: View) =>
    share(band === "17_18" ? v.careLeavers17To18() : v.careLeavers19To21(), test)

const inTouch = (o: CareLeaverOutcome.CareLeaverOutcome) => Option.getOrNull(o.inTouch) === "YES"
const inEet = (o: CareLeaverOutcome.CareLeaverOutcome) =>
  Option.match(o.activity, { onNone: () => false, onSome: CareLeaverOutcome.isEducationEmploymentOrTraining })
const suitablyHoused = (o: CareLeaverOutcome.CareLeaverOutcome) =>
  Option.match(o.accommodation, { onNone: () => false, onSome: CareLeaverOutcome.isSuitableAccommodation })

const ceasedBy = (test: (rec: ReasonEpisodeCeased.ReasonEpisodeCeased) => boolean) => (v: View) => {
  let n = 0
  const ceased = v.ceased()
  for (let i = 0; i < ceased.length; i++) {
    const rec = ceased[i]!.episode.reasonCeased
    if (Option.isSome(rec) && test(rec.value)) n++
  }
  return count(n)
}

const noArea = "postcode directory not configured"

/** `cla_31_march` (ssda903.md §4.1). @category models */
export const claAt31March: Definition = define({
  id: "cla_31_march",
  title: "Children looked after at 31 March",
  description: "Children with an episode of care open at the end of 31 March, not on an agreed series of short breaks.",
  unit: "count",
  polarity: "neutral",
  cohort: "children looked after at the end of the year (YE)",
  numerator: "distinct children with an episode open at YE whose legal status is not V3 or V4",
  reference: "ssda903.md §4.1; DfE Children looked after in England including adoptions",
  tables: ["episodes"],
  compute: (v) => count(v.lookedAfterAtYearEnd().length)
})

/**
 * The catalogue, in the order of `indicators.md` (version 1).
 * @category models
 */
export const catalogue: ReadonlyArray<Definition> = [
  claAt31March,
  define({
    id: "cla_rate_per_10k",
    title: "Rate per 10,000 children",
    description: "Children looked after at 31 March per 10,000 of the council's population aged 0–17.",
    unit: "rate",
    polarity: "neutral",
    cohort: "children looked after at YE",
    numerator: "children looked after at YE",
    denominator: "ONS mid-year estimate of the population aged 0–17",
    reference: "ssda903.md §4.2",
    tables: ["episodes"],
    compute: (v) => {
      const n = v.lookedAfterAtYearEnd().length
      return Option.match(v.inputs.population, {
        onNone: () => ({ ...unavailable("population not supplied"), numerator: Option.some(n) }),
        onSome: (population) =>
          population > 0
            ? {
                value: Option.some((n / population) * 10_000),
                numerator: Option.some(n),
                denominator: Option.some(population),
                reason: Option.none()
              }
            : { ...unavailable("population must be more than 0"), numerator: Option.some(n) }
      })
    }
  }),
  define({
    id: "cla_started",
    title: "Started to be looked after",
    description: "Children who started to be looked after in the year, counted once by their first start.",
    unit: "count",
    polarity: "neutral",
    cohort: "children with an episode with RNE S starting in the year, short breaks excluded",
    numerator: "distinct children",
    reference: "ssda903.md §4.3",
    tables: ["episodes"],
    compute: (v) => count(v.started().length)
  }),
  define({
    id: "cla_ceased",
    title: "Ceased to be looked after",
    description: "Children who ceased to be looked after in the year, counted once by their last leaving.",
    unit: "count",
    polarity: "neutral",
    cohort: "children with an episode ending in the year with a reason other than X1, short breaks excluded",
    numerator: "distinct children",
    reference: "ssda903.md §4.3",
    tables: ["episodes"],
    compute: (v) => count(v.ceased().length)
  }),
  define({
    id: "cla_during_year",
    title: "Looked after during the year",
    description: "Children looked after at any time in the year.",
    unit: "count",
    polarity: "neutral",
    cohort: "children with an episode sharing a day with the year, short breaks excluded",
    numerator: "distinct children",
    reference: "ssda903.md §4.3",
    tables: ["episodes"],
    compute: (v) => count(v.lookedAfterDuringYear().length)
  }),
  define({
    id: "uasc_31_march",
    title: "Unaccompanied asylum-seeking children at 31 March",
    description: "Children looked after at 31 March who are unaccompanied asylum-seeking children.",
    unit: "count",
    polarity: "neutral",
    cohort: "children looked after at YE",
    numerator: "those with a UASC record whose status had not ceased by YE",
    reference: "ssda903.md §4.11",
    tables: ["episodes", "uasc"],
    compute: (v) => count(v.lookedAfterAtYearEnd().filter((m) => Cohort.isUascOn(m.history, v.yearEnd)).length)
  }),
  define({
    id: "placed_foster_pct",
    title: "In foster placements",
    description: "Children looked after at 31 March whose placement then is foster care (U1–U6).",
    unit: "percent",
    polarity: "higher_is_better",
    cohort: "children looked after at YE",
    numerator: "placed U1–U6 at YE",
    denominator: "children looked after at YE",
    reference: "ssda903.md §3.4, §4.1",
    tables: ["episodes"],
    compute: placedAtYearEnd(PlacementType.isFoster)
  }),
  define({
    id: "placed_with_parents_pct",
    title: "Placed with parents",
    description: "Children looked after at 31 March placed with parents or others with parental responsibility (P1).",
    unit: "percent",
    polarity: "neutral",
    cohort: "children looked after at YE",
    numerator: "placed P1 at YE",
    denominator: "children looked after at YE",
    reference: "ssda903.md §3.4, §4.1",
    tables: ["episodes"],
    compute: placedAtYearEnd((p) => p === "P1")
  }),
  define({
    id: "placed_for_adoption_pct",
    title: "Placed for adoption",
    description: "Children looked after at 31 March placed for adoption (A3–A6).",
    unit: "percent",
    polarity: "neutral",
    cohort: "children looked after at YE",
    numerator: "placed A3–A6 at YE",
    denominator: "children looked after at YE",
    reference: "ssda903.md §3.4, §4.1",
    tables: ["episodes"],
    compute: placedAtYearEnd(PlacementType.isPlacedForAdoption)
  }),
  define({
    id: "placed_homes_secure_semi_independent_pct",
    title: "In secure units, children's homes and semi-independent living",
    description: "Children looked after at 31 March placed K1, K2, K3 or H5.",
    unit: "percent",
    polarity: "lower_is_better",
    cohort: "children looked after at YE",
    numerator: "placed K1, K2, K3 or H5 at YE",
    denominator: "children looked after at YE",
    reference: "indicators.md; DfE Children looked after in England, placement tables",
    tables: ["episodes"],
    compute: placedAtYearEnd(PlacementType.isHomesSecureSemiIndependent)
  }),
  define({
    id: "placed_out_of_area_pct",
    title: "Placed outside the council area",
    description: "Children looked after at 31 March whose placement postcode is outside the council.",
    unit: "percent",
    polarity: "lower_is_better",
    cohort: "children looked after at YE whose placement postcode is in the postcode directory",
    numerator: "placement postcode in another council, or in Scotland, Wales or Northern Ireland",
    denominator: "children looked after at YE with a known placement postcode",
    reference: "ssda903.md §4.10",
    tables: ["episodes"],
    compute: (v) => {
      const area = v.inputs.area
      if (area === undefined) return unavailable(noArea)
      let n = 0
      let d = 0
      for (const m of v.lookedAfterAtYearEnd()) {
        const out = Placement.isOutOfArea(m.episode, area)
        if (Option.isSome(out)) {
          d++
          if (out.value) n++
        }
      }
      return percent(n, d)
    }
  }),
  define({
    id: "placed_over_20_miles_pct",
    title: "Placed more than 20 miles from home",
    description: "Children looked after at 31 March placed more than 20 miles from their home address.",
    unit: "percent",
    polarity: "lower_is_better",
    cohort: "children looked after at YE, not UASC, with both postcodes in the postcode directory",
    numerator: "distance from home to placement over 20 miles",
    denominator: "the cohort",
    reference: "ssda903.md §4.10",
    tables: ["episodes"],
    compute: (v) => {
      const area = v.inputs.area
      if (area === undefined) return unavailable(noArea)
      let n = 0
      let d = 0
      for (const m of v.lookedAfterAtYearEnd()) {
        if (Cohort.isUascOn(m.history, v.yearEnd)) continue
        const miles = Placement.distanceMiles(m.episode, area.directory)
        if (Option.isSome(miles)) {
          d++
          if (miles.value > 20) n++
        }
      }
      return percent(n, d)
    }
  }),
  define({
    id: "stability_3plus_placements_pct",
    title: "Three or more placements in the year",
    description: "Children looked after at 31 March who had three or more placements during the year.",
    unit: "percent",
    polarity: "lower_is_better",
    cohort: "children looked after at YE",
    numerator: "those with 3 or more placements counted the DfE way in the year",
    denominator: "children looked after at YE",
    reference: "ssda903.md §4.4",
    tables: ["episodes"],
    compute: (v) =>
      share(
        v.lookedAfterAtYearEnd(),
        (m) => Placement.countDuring(m.history, v.yearStart, v.yearEnd, v.inputs.countingRules) >= 3
      )
  }),
  define({
    id: "stability_long_term_pct",
    title: "Long-term placement stability",
    description:
      "Of children under 16 at 31 March looked after for at least 2½ years, those living with the same carer for at least 2 years or placed for adoption.",
    unit: "percent",
    polarity: "higher_is_better",
    cohort: "children looked after at YE, under 16, in the current period of care for at least 2½ years",
    numerator: "with the same carer for 2 years or more (a placement for adoption with its preceding placement)",
    denominator: "the cohort",
    reference: "ssda903.md §4.5",
    tables: ["episodes"],
    compute: (v) => {
      const inCareSince = CalendarDate.addMonths(v.yearEnd, -30)
      const withCarerSince = CalendarDate.addYears(v.yearEnd, -2)
      const cohort = v
        .lookedAfterAtYearEnd()
        .filter(
          (m) =>
            Option.isSome(m.history.child) &&
            Placement.isLongTermStabilityCohort(
              m.history,
              v.yearEnd,
              Child.ageOn(m.history.child.value, v.yearEnd),
              inCareSince
            )
        )
      return share(cohort, (m) => Placement.isStableFor2Years(m.history, v.yearEnd, withCarerSince))
    }
  }),
  define({
    id: "oc2_cohort",
    title: "Looked after continuously for 12 months",
    description: "Children looked after continuously for the 12 months to 31 March (the OC2 outcomes cohort).",
    unit: "count",
    polarity: "neutral",
    cohort: "children in care throughout the year, no new period of care, no leaving, no short breaks",
    numerator: "distinct children",
    reference: "ssda903.md §4.6",
    tables: ["episodes"],
    compute: (v) => count(v.continuouslyLookedAfter().length)
  }),
  define({
    id: "health_assessment_pct",
    title: "Annual health assessment",
    description: "Children looked after for 12 months whose annual health assessment was done.",
    unit: "percent",
    polarity: "higher_is_better",
    cohort: "OC2 cohort",
    numerator: "HEALTH_ASSESSMENT = 1",
    denominator: "OC2 cohort",
    reference: "ssda903.md §4.6",
    tables: ["episodes", "healthOutcomes"],
    compute: oc2Share(anyAge, flagOf("healthAssessment"))
  }),
  define({
    id: "dental_check_pct",
    title: "Dental check",
    description: "Children looked after for 12 months who had their teeth checked by a dentist in the year.",
    unit: "percent",
    polarity: "higher_is_better",
    cohort: "OC2 cohort",
    numerator: "TEETH_CHECK = 1",
    denominator: "OC2 cohort",
    reference: "ssda903.md §4.6",
    tables: ["episodes", "healthOutcomes"],
    compute: oc2Share(anyAge, flagOf("teethCheck"))
  }),
  define({
    id: "immunisations_pct",
    title: "Immunisations up to date",
    description: "Children looked after for 12 months whose immunisations were up to date.",
    unit: "percent",
    polarity: "higher_is_better",
    cohort: "OC2 cohort",
    numerator: "IMMUNISATIONS = 1",
    denominator: "OC2 cohort",
    reference: "ssda903.md §4.6",
    tables: ["episodes", "healthOutcomes"],
    compute: oc2Share(anyAge, flagOf("immunisations"))
  }),
  define({
    id: "development_check_under5_pct",
    title: "Development checks up to date (under 5)",
    description: "Children under 5 looked after for 12 months whose health surveillance checks were up to date.",
    unit: "percent",
    polarity: "higher_is_better",
    cohort: "OC2 cohort aged under 5 at YE",
    numerator: "HEALTH_CHECK = 1",
    denominator: "OC2 cohort aged under 5 at YE",
    reference: "ssda903.md §4.6",
    tables: ["episodes", "healthOutcomes"],
    compute: oc2Share(
      ageWhere((a) => a < 5),
      flagOf("healthCheck")
    )
  }),
  define({
    id: "sdq_average",
    title: "Average SDQ score",
    description: "Mean strengths and difficulties score of children aged 5–16 looked after for 12 months.",
    unit: "score",
    polarity: "lower_is_better",
    cohort: "OC2 cohort aged 5–16 at YE with a score of 0–40",
    numerator: "sum of SDQ scores",
    denominator: "children with a score",
    reference: "ssda903.md §4.6",
    tables: ["episodes", "healthOutcomes"],
    compute: (v) => {
      const scores = sdqScored(v)
      return mean(
        scores.reduce((a, b) => a + b, 0),
        scores.length
      )
    }
  }),
  define({
    id: "sdq_concern_pct",
    title: "SDQ score a cause for concern",
    description: "Of children aged 5–16 looked after for 12 months with an SDQ score, those scoring 17 or more.",
    unit: "percent",
    polarity: "lower_is_better",
    cohort: "OC2 cohort aged 5–16 at YE with a score",
    numerator: "SDQ_SCORE ≥ 17",
    denominator: "children with a score",
    reference: "ssda903.md §4.6; domain.md §3.1 (SDQ bands)",
    tables: ["episodes", "healthOutcomes"],
    compute: (v) => share(sdqScored(v), (s) => s >= 17)
  }),
  define({
    id: "convicted_pct",
    title: "Convicted or given a youth caution",
    description: "Children aged 10 or over looked after for 12 months who were convicted or cautioned in the year.",
    unit: "percent",
    polarity: "lower_is_better",
    cohort: "OC2 cohort aged 10+ at YE",
    numerator: "CONVICTED = 1",
    denominator: "OC2 cohort aged 10+ at YE",
    reference: "ssda903.md §4.6",
    tables: ["episodes", "healthOutcomes"],
    compute: oc2Share(
      ageWhere((a) => a >= 10),
      flagOf("convicted")
    )
  }),
  define({
    id: "substance_misuse_pct",
    title: "Substance misuse problem",
    description: "Children looked after for 12 months identified as having a substance misuse problem.",
    unit: "percent",
    polarity: "lower_is_better",
    cohort: "OC2 cohort",
    numerator: "SUBSTANCE_MISUSE = 1",
    denominator: "OC2 cohort",
    reference: "ssda903.md §4.6",
    tables: ["episodes", "healthOutcomes"],
    compute: oc2Share(anyAge, flagOf("substanceMisuse"))
  }),
  define({
    id: "missing_children_pct",
    title: "Went missing",
    description: "Children looked after during the year who had a missing incident starting in the year.",
    unit: "percent",
    polarity: "lower_is_better",
    cohort: "children looked after during the year",
    numerator: "with at least one missing (M) incident starting in the year",
    denominator: "children looked after during the year",
    reference: "ssda903.md §4.8",
    tables: ["episodes", "missing"],
    compute: missingShare("missing")
  }),
  define({
    id: "missing_incidents",
    title: "Missing incidents",
    description: "Missing (M) incidents starting in the year, of children looked after during the year.",
    unit: "count",
    polarity: "lower_is_better",
    cohort: "children looked after during the year",
    numerator: "missing (M) incidents starting in the year",
    reference: "ssda903.md §4.8",
    tables: ["episodes", "missing"],
    compute: (v) => {
      let n = 0
      const during = v.lookedAfterDuringYear()
      for (let i = 0; i < during.length; i++) {
        const missing = during[i]!.history.missing
        for (let j = 0; j < missing.length; j++) {
          const x = missing[j]!
          if (x.kind === "missing" && CalendarDate.isBetween(x.start, v.yearStart, v.yearEnd)) n++
        }
      }
      return count(n)
    }
  }),
  define({
    id: "away_children_pct",
    title: "Away from placement without authorisation",
    description: "Children looked after during the year who were away without authorisation, starting in the year.",
    unit: "percent",
    polarity: "lower_is_better",
    cohort: "children looked after during the year",
    numerator: "with at least one away (A) incident starting in the year",
    denominator: "children looked after during the year",
    reference: "ssda903.md §4.8",
    tables: ["episodes", "missing"],
    compute: missingShare("away")
  }),
  ...(
    [
      ["17_18", "17th or 18th"],
      ["19_21", "19th, 20th or 21st"]
    ] as const
  ).flatMap(([band, birthdays]) => [
    define({
      id: `care_leavers_${band}_in_touch_pct`,
      title: `Care leavers aged ${band.replace("_", "–")} in touch`,
      description: `Care leavers whose ${birthdays} birthday fell in the year, with whom the council was in touch.`,
      unit: "percent",
      polarity: "higher_is_better",
      cohort: `OC3 records with the ${birthdays} birthday in the year, after DfE exclusions`,
      numerator: "IN_TOUCH = YES",
      denominator: "the cohort",
      reference: "ssda903.md §4.7",
      tables: ["careLeavers"],
      compute: careLeaverShare(band, inTouch)
    }),
    define({
      id: `care_leavers_${band}_eet_pct`,
      title: `Care leavers aged ${band.replace("_", "–")} in education, employment or training`,
      description: `Care leavers whose ${birthdays} birthday fell in the year, in education, employment or training.`,
      unit: "percent",
      polarity: "higher_is_better",
      cohort: `OC3 records with the ${birthdays} birthday in the year, after DfE exclusions`,
      numerator: "ACTIV F1–F5 or P1–P5",
      denominator: "the cohort",
      reference: "ssda903.md §4.7",
      tables: ["careLeavers"],
      compute: careLeaverShare(band, inEet)
    }),
    define({
      id: `care_leavers_${band}_suitable_accommodation_pct`,
      title: `Care leavers aged ${band.replace("_", "–")} in suitable accommodation`,
      description: `Care leavers whose ${birthdays} birthday fell in the year, in suitable accommodation.`,
      unit: "percent",
      polarity: "higher_is_better",
      cohort: `OC3 records with the ${birthdays} birthday in the year, after DfE exclusions`,
      numerator: "ACCOM ending in 1",
      denominator: "the cohort",
      reference: "ssda903.md §4.7",
      tables: ["careLeavers"],
      compute: careLeaverShare(band, suitablyHoused)
    })
  ]),
  define({
    id: "adopted_count",
    title: "Adopted",
    description: "Children who ceased to be looked after in the year by adoption (E11, E12).",
    unit: "count",
    polarity: "neutral",
    cohort: "children who ceased in the year",
    numerator: "last leaving with REC E11 or E12",
    reference: "ssda903.md §3.6, §4.3",
    tables: ["episodes"],
    compute: ceasedBy(ReasonEpisodeCeased.isAdoption)
  }),
  define({
    id: "sgo_count",
    title: "Special guardianship orders",
    description: "Children who ceased to be looked after in the year by special guardianship (E45–E48, E43/E44).",
    unit: "count",
    polarity: "neutral",
    cohort: "children who ceased in the year",
    numerator: "last leaving with REC E43–E48",
    reference: "ssda903.md §3.6, §4.3",
    tables: ["episodes"],
    compute: ceasedBy(ReasonEpisodeCeased.isSpecialGuardianship)
  }),
  define({
    id: "review_participation_pct",
    title: "Participated in their reviews",
    description: "Reviews held in the year of children aged 4 or over in which the child participated (PN1–PN6).",
    unit: "percent",
    polarity: "higher_is_better",
    cohort: "reviews in the year of children aged 4+ on the review date",
    numerator: "REVIEW_CODE PN1–PN6",
    denominator: "reviews in the cohort",
    reference: "ssda903.md §4.11",
    tables: ["reviews"],
    compute: (v) => {
      let n = 0
      let d = 0
      const histories = v.inputs.histories
      for (let i = 0; i < histories.length; i++) {
        const reviews = histories[i]!.reviews
        for (let j = 0; j < reviews.length; j++) {
          const r = reviews[j]!
          if (!CalendarDate.isBetween(r.date, v.yearStart, v.yearEnd)) continue
          if (CalendarDate.ageOn(r.dateOfBirth, r.date) < 4) continue
          d++
          if (Review.isParticipation(r.participation)) n++
        }
      }
      return percent(n, d)
    }
  })
]

/** @category getters */
export const byId = (id: string): Option.Option<Definition> => Option.fromNullishOr(catalogue.find((d) => d.id === id))
