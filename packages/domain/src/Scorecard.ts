/**
 * The scorecard document: every indicator of the catalogue for one council and year, shaped for an audience. This is
 * the JSON the CLI prints and the API returns (`indicators.md`, "JSON: cpo indicators"), so both agree by
 * construction. Small numbers are suppressed for members and the public through `Suppression`; with targets,
 * benchmarks or last year's return supplied, each entry also carries its target, RAG, previous value, direction of
 * travel and comparators.
 */
import { Option, Schema } from "effect"
import { Audience } from "./Audience.ts"
import * as Benchmark from "./Benchmark.ts"
import * as Indicator from "./Indicator.ts"
import * as ReportingYear from "./ReportingYear.ts"
import * as Suppression from "./Suppression.ts"
import * as Target from "./Target.ts"

/** One indicator as published. @category models */
export const Entry = Schema.Struct({
  id: Schema.String,
  title: Schema.String,
  unit: Indicator.Unit,
  polarity: Indicator.Polarity,
  value: Schema.NullOr(Schema.Number),
  numerator: Schema.NullOr(Schema.Number),
  denominator: Schema.NullOr(Schema.Number),
  /** As published: a whole number (a score to 1 dp), `c` suppressed, `k` rounds to 0, `x` not available. */
  display: Schema.String,
  reason: Schema.optionalKey(Schema.String),
  target: Schema.optionalKey(Schema.Number),
  rag: Schema.optionalKey(Target.Rag),
  previous: Schema.optionalKey(Schema.NullOr(Schema.Number)),
  direction: Schema.optionalKey(Target.Direction),
  benchmarks: Schema.optionalKey(Benchmark.Values),
  /** For each value of `benchmarks`: the comparator group and version, its status and source. */
  benchmark_sources: Schema.optionalKey(Benchmark.Provenances)
}).annotate({ identifier: "ScorecardEntry" })
export type Entry = typeof Entry.Type

/** One period of a local measure's trend, as published. @category models */
export const PeriodPoint = Schema.Struct({
  period: Schema.String,
  label: Schema.String,
  value: Schema.NullOr(Schema.Number),
  display: Schema.String
}).annotate({ identifier: "ScorecardPeriodPoint" })
export type PeriodPoint = typeof PeriodPoint.Type

/**
 * A council's local measure as published next to the 903 indicators (`LocalMeasure`, `MeasureValue`): the figure for
 * the year to date with the same target, RAG, previous value, direction and benchmarks, plus the latest period, the
 * rolling twelve months and the trend by period.
 * @category models
 */
export const LocalEntry = Schema.Struct({
  ...Entry.fields,
  frequency: Schema.Literals(["monthly", "quarterly", "annual"]),
  source: Schema.String,
  owner: Schema.String,
  priorities: Schema.Array(Schema.String),
  window: Schema.Struct({ start: Schema.String, end: Schema.String }),
  latest: Schema.NullOr(PeriodPoint),
  rolling12Months: Schema.NullOr(PeriodPoint),
  trend: Schema.Array(PeriodPoint)
}).annotate({ identifier: "ScorecardLocalEntry" })
export type LocalEntry = typeof LocalEntry.Type

/** @category models */
export const Scorecard = Schema.Struct({
  council: Schema.String,
  year: Schema.Int,
  period: Schema.Struct({ start: Schema.String, end: Schema.String }),
  audience: Audience,
  indicators: Schema.Array(Entry),
  /** The council's local measures, when it keeps any. */
  local: Schema.optionalKey(Schema.Array(LocalEntry))
}).annotate({ identifier: "Scorecard" })
export type Scorecard = typeof Scorecard.Type

/**
 * A count of 1 to 5 is suppressed for members and the public (domain.md §5.1).
 * @category predicates
 */
export const isSmallCount = Suppression.isSmall

/** A measurement as an audience may see it. @category models */
export interface Published {
  readonly value: number | null
  readonly numerator: number | null
  readonly denominator: number | null
  readonly display: string
}

const cellOrNull = (c: Suppression.Cell): number | null => (c === "c" ? null : c)

/**
 * The published form of a measurement for an audience: counts of children through `Suppression.count`, proportions
 * through `Suppression.proportion` (numerator and complement in one line), a rate by its numerator, a mean score by
 * the number scored.
 * @category encoding
 */
export const publish = (definition: Indicator.Definition, m: Indicator.Measurement, audience: Audience): Published => {
  const numerator = Option.getOrNull(m.numerator)
  const denominator = Option.getOrNull(m.denominator)
  let shownNumerator: number | null = numerator
  let shownDenominator: number | null = denominator
  let hidden = false
  if (numerator !== null) {
    switch (definition.unit) {
      case "count":
      case "rate": {
        shownNumerator = cellOrNull(Suppression.count(numerator, audience))
        hidden = shownNumerator === null
        break
      }
      case "percent": {
        if (denominator !== null) {
          const p = Suppression.proportion(numerator, denominator, audience)
          shownNumerator = cellOrNull(p.numerator)
          shownDenominator = cellOrNull(p.denominator)
          hidden = !p.showValue
        }
        break
      }
      case "score": {
        // The numerator is a sum of scores, not children; the children are the denominator.
        hidden = denominator !== null && Suppression.count(denominator, audience) === "c"
        if (hidden) {
          shownNumerator = null
          shownDenominator = null
        }
        break
      }
    }
  }
  if (Option.isNone(m.value)) {
    return { value: null, numerator: shownNumerator, denominator: shownDenominator, display: "x" }
  }
  if (hidden) return { value: null, numerator: shownNumerator, denominator: shownDenominator, display: "c" }
  const v = m.value.value
  const display =
    definition.unit === "score"
      ? v.toFixed(1)
      : definition.unit === "percent" && v > 0 && v < 0.5
        ? "k"
        : String(Math.round(v))
  return { value: v, numerator: shownNumerator, denominator: shownDenominator, display }
}

/**
 * The published form's display text.
 * @category encoding
 */
export const display = (definition: Indicator.Definition, m: Indicator.Measurement, audience: Audience): string =>
  publish(definition, m, audience).display

/** What an entry is compared with, when supplied. @category models */
export interface Context {
  readonly year: number
  readonly targets?: ReadonlyArray<Target.Target>
  readonly benchmarks?: ReadonlyArray<Benchmark.Benchmark>
  /** Last year's measurement of the same indicator. */
  readonly previous?: Indicator.Measurement
}

/** @category constructors */
export const entry = (
  definition: Indicator.Definition,
  m: Indicator.Measurement,
  audience: Audience,
  context?: Context
): Entry => {
  const shown = publish(definition, m, audience)
  const base: Entry = {
    id: definition.id,
    title: definition.title,
    unit: definition.unit,
    polarity: definition.polarity,
    value: shown.value,
    numerator: shown.numerator,
    denominator: shown.denominator,
    display: shown.display,
    ...(Option.isSome(m.reason) ? { reason: m.reason.value } : {})
  }
  if (context === undefined) return base
  const extra: {
    target?: number
    rag?: Target.Rag
    previous?: number | null
    direction?: Target.Direction
    benchmarks?: Benchmark.Values
    benchmark_sources?: Benchmark.Provenances
  } = {}
  const target = Target.find(context.targets ?? [], definition.id, context.year)
  if (Option.isSome(target)) {
    extra.target = target.value.value
    if (shown.value !== null) extra.rag = Target.rag(definition.polarity, shown.value, target.value)
  }
  if (context.previous !== undefined) {
    const before = publish(definition, context.previous, audience).value
    extra.previous = before
    if (before !== null && shown.value !== null) {
      const d = Target.direction(definition.polarity, definition.unit, shown.value, before)
      if (Option.isSome(d)) extra.direction = d.value
    }
  }
  if (context.benchmarks !== undefined) {
    const values = Benchmark.valuesFor(context.benchmarks, definition.id, context.year)
    if (Object.keys(values).length > 0) {
      extra.benchmarks = values
      extra.benchmark_sources = Benchmark.provenancesFor(context.benchmarks, definition.id, context.year)
    }
  }
  return { ...base, ...extra }
}

/**
 * Compute the catalogue for a council's year; `previous` is last year's inputs (its own return), for the previous
 * value and direction of travel.
 * @category constructors
 */
export const make = (options: {
  readonly council: string
  readonly audience: Audience
  readonly inputs: Indicator.Inputs
  readonly catalogue?: ReadonlyArray<Indicator.Definition>
  readonly targets?: ReadonlyArray<Target.Target>
  readonly benchmarks?: ReadonlyArray<Benchmark.Benchmark>
  readonly previous?: Indicator.Inputs
}): Scorecard => {
  const previous =
    options.previous === undefined
      ? undefined
      : new Map(Indicator.measureAll(options.previous, options.catalogue).map((r) => [r.definition.id, r.measurement]))
  const compared = options.targets !== undefined || options.benchmarks !== undefined || previous !== undefined
  return {
    council: options.council,
    year: options.inputs.year,
    period: { start: ReportingYear.start(options.inputs.year), end: ReportingYear.end(options.inputs.year) },
    audience: options.audience,
    indicators: Indicator.measureAll(options.inputs, options.catalogue).map(({ definition, measurement }) => {
      if (!compared) return entry(definition, measurement, options.audience)
      const before = previous?.get(definition.id)
      return entry(definition, measurement, options.audience, {
        year: options.inputs.year,
        ...(options.targets === undefined ? {} : { targets: options.targets }),
        ...(options.benchmarks === undefined ? {} : { benchmarks: options.benchmarks }),
        ...(before === undefined ? {} : { previous: before })
      })
    })
  }
}

/**
 * The scorecard with the council's local measures beside its indicators. The entries must be for the scorecard's
 * audience (`MeasureValue.entries`).
 * @category constructors
 */
export const withLocalMeasures = (card: Scorecard, local: ReadonlyArray<LocalEntry>): Scorecard => ({ ...card, local })
