/**
 * The scorecard document: every indicator of the catalogue for one council and year, shaped for an audience. This is
 * the JSON the CLI prints and the API returns (`indicators.md`, "JSON: cpo indicators"), so both agree by
 * construction.
 */
import { Option, Schema } from "effect"
import { Audience } from "./Audience.ts"
import * as Indicator from "./Indicator.ts"
import * as ReportingYear from "./ReportingYear.ts"

/** One indicator as published. @category models */
export const Entry = Schema.Struct({
  id: Schema.String,
  title: Schema.String,
  unit: Indicator.Unit,
  polarity: Indicator.Polarity,
  value: Schema.NullOr(Schema.Number),
  numerator: Schema.NullOr(Schema.Number),
  denominator: Schema.NullOr(Schema.Number),
  /** As published: a whole number, `c` suppressed, `z` not applicable, `x` not available. */
  display: Schema.String,
  reason: Schema.optionalKey(Schema.String)
}).annotate({ identifier: "ScorecardEntry" })
export type Entry = typeof Entry.Type

/** @category models */
export const Scorecard = Schema.Struct({
  council: Schema.String,
  year: Schema.Int,
  period: Schema.Struct({ start: Schema.String, end: Schema.String }),
  audience: Audience,
  indicators: Schema.Array(Entry)
}).annotate({ identifier: "Scorecard" })
export type Scorecard = typeof Scorecard.Type

/**
 * A count of 1 to 5 is suppressed for members and the public (domain.md §5.1).
 * @category predicates
 */
export const isSmallCount = (n: number): boolean => n >= 1 && n <= 5

/**
 * The published form of a measurement for an audience.
 * @category encoding
 */
export const display = (definition: Indicator.Definition, m: Indicator.Measurement, audience: Audience): string => {
  if (Option.isNone(m.value)) return "x"
  if (audience !== "officer") {
    const small = (o: Option.Option<number>) => Option.isSome(o) && isSmallCount(o.value)
    if (small(m.numerator) || small(m.denominator)) return "c"
  }
  const v = m.value.value
  return definition.unit === "score" ? v.toFixed(1) : String(Math.round(v))
}

/** @category constructors */
export const entry = (definition: Indicator.Definition, m: Indicator.Measurement, audience: Audience): Entry => {
  const shown = display(definition, m, audience)
  const hide = shown === "c"
  return {
    id: definition.id,
    title: definition.title,
    unit: definition.unit,
    polarity: definition.polarity,
    value: hide ? null : Option.getOrNull(m.value),
    numerator: hide ? null : Option.getOrNull(m.numerator),
    denominator: hide ? null : Option.getOrNull(m.denominator),
    display: shown,
    ...(Option.isSome(m.reason) ? { reason: m.reason.value } : {})
  }
}

/**
 * Compute the catalogue for a council's year.
 * @category constructors
 */
export const make = (options: {
  readonly council: string
  readonly audience: Audience
  readonly inputs: Indicator.Inputs
  readonly catalogue?: ReadonlyArray<Indicator.Definition>
}): Scorecard => ({
  council: options.council,
  year: options.inputs.year,
  period: { start: ReportingYear.start(options.inputs.year), end: ReportingYear.end(options.inputs.year) },
  audience: options.audience,
  indicators: Indicator.measureAll(options.inputs, options.catalogue).map(({ definition, measurement }) =>
    entry(definition, measurement, options.audience)
  )
})
