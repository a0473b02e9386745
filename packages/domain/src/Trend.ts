/**
 * Trend: an indicator over several years, each year computed from that year's return (the 903 is resubmitted each
 * year, so a year's figure comes from its own return, never re-derived from a later one).
 */
import { Option } from "effect"
import * as Indicator from "./Indicator.ts"

/** One year of a series. @category models */
export interface Point {
  readonly year: number
  readonly measurement: Indicator.Measurement
}

/**
 * Every definition over the years given, oldest first: one series per indicator id.
 * @category getters
 */
export const series = (
  years: ReadonlyArray<Indicator.Inputs>,
  definitions: ReadonlyArray<Indicator.Definition> = Indicator.catalogue
): ReadonlyMap<string, ReadonlyArray<Point>> => {
  const sorted = [...years].sort((a, b) => a.year - b.year)
  const out = new Map<string, Array<Point>>(definitions.map((d) => [d.id, []]))
  for (const inputs of sorted) {
    for (const { definition, measurement } of Indicator.measureAll(inputs, definitions)) {
      out.get(definition.id)?.push({ year: inputs.year, measurement })
    }
  }
  return out
}

/**
 * The value of the point for `year`, when computed.
 * @category getters
 */
export const valueIn = (points: ReadonlyArray<Point>, year: number): Option.Option<number> =>
  Option.flatMap(Option.fromNullishOr(points.find((p) => p.year === year)), (p) => p.measurement.value)
