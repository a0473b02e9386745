/**
 * An indicator: a DfE-defined measure a council reports to members, defined once as data (what it counts, its unit
 * and polarity, where the definition comes from) with a pure function computing it from a return. Every result
 * carries its numerator and denominator so that a percentage can always be explained. The catalogue and its ids are
 * the contract in `indicators.md`: an id never changes meaning.
 */
import { Option, Schema } from "effect"
import type * as CalendarDate from "./CalendarDate.ts"
import type * as ChildHistory from "./ChildHistory.ts"
import * as Cohort from "./Cohort.ts"
import * as ReportingYear from "./ReportingYear.ts"
import type { TableName } from "./Return.ts"

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
  readonly compute: (inputs: Inputs) => Measurement
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

/** A figure that cannot be computed, and why. @category constructors */
export const unavailable = (reason: string): Measurement => ({
  value: Option.none(),
  numerator: Option.none(),
  denominator: Option.none(),
  reason: Option.some(reason)
})

/**
 * Compute a definition, or say which supplied table is missing.
 * @category getters
 */
export const measure = (definition: Definition, inputs: Inputs): Measurement => {
  const missing = definition.tables.filter((t) => !inputs.tables.has(t))
  return missing.length > 0 ? unavailable(`table not supplied: ${missing.join(", ")}`) : definition.compute(inputs)
}

const yearEnd = (inputs: Inputs): CalendarDate.CalendarDate => ReportingYear.end(inputs.year)

/**
 * `cla_31_march`: children looked after at 31 March, short breaks excluded (ssda903.md §4.1).
 * @category models
 */
export const claAt31March: Definition = {
  id: IndicatorId.make("cla_31_march"),
  title: "Children looked after at 31 March",
  description: "Children with an episode of care open at the end of 31 March, not on an agreed series of short breaks.",
  unit: "count",
  polarity: "neutral",
  cohort: "children looked after at the end of the year (YE)",
  numerator: "distinct children with an episode open at YE whose legal status is not V3 or V4",
  denominator: Option.none(),
  reference: "ssda903.md §4.1; DfE Children looked after in England including adoptions",
  tables: ["episodes"],
  compute: (inputs) => count(Cohort.lookedAfterOn(inputs.histories, yearEnd(inputs)).length)
}

/**
 * The catalogue, in the order of `indicators.md`.
 * @category models
 */
export const catalogue: ReadonlyArray<Definition> = [claAt31March]

/** @category getters */
export const byId = (id: string): Option.Option<Definition> => Option.fromNullishOr(catalogue.find((d) => d.id === id))
