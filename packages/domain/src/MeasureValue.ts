/**
 * The recorded figures of a local measure, one per period: a numerator and denominator (PEPs on time of PEPs due),
 * or a value alone (a survey's mean score), imported from CSV, the API or the dashboard. From them come the figures a
 * board reads — the latest period, the rolling twelve months, the year to date — summed over periods from the
 * numerators and denominators (never by averaging percentages, which would weigh a quiet month like a busy one), and
 * the published scorecard entry with target, RAG, direction of travel, trend and benchmarks, suppressed for members
 * and the public like the 903 indicators (domain.md §5.1), including the periods that would reveal a hidden one by
 * subtraction from a total.
 */
import { Effect, Option, Result, Schema } from "effect"
import type { Audience } from "./Audience.ts"
import type * as Benchmark from "./Benchmark.ts"
import * as CalendarDate from "./CalendarDate.ts"
import * as CsvTable from "./CsvTable.ts"
import * as Frequency from "./Frequency.ts"
import type * as Indicator from "./Indicator.ts"
import * as LocalMeasure from "./LocalMeasure.ts"
import * as ReportingYear from "./ReportingYear.ts"
import * as Scorecard from "./Scorecard.ts"
import * as Suppression from "./Suppression.ts"
import type * as Target from "./Target.ts"

/** One period's figure. @category models */
export const Value = Schema.Struct({
  measure: LocalMeasure.MeasureId,
  period: Frequency.PeriodKey,
  numerator: Schema.NullOr(Schema.Number.pipe(Schema.check(Schema.isGreaterThanOrEqualTo(0)))),
  denominator: Schema.NullOr(Schema.Number.pipe(Schema.check(Schema.isGreaterThanOrEqualTo(0)))),
  value: Schema.NullOr(Schema.Number)
}).annotate({ identifier: "MeasureValue" })
export type Value = typeof Value.Type

/**
 * Why a value does not fit its measure, or `None`: the period must be of the measure's frequency; a percentage or
 * rate needs a numerator and denominator (numerator no larger for a percentage) or a value; a count a value or
 * numerator; a score a value.
 * @category getters
 */
export const problem = (definition: LocalMeasure.Definition, v: Value): Option.Option<string> => {
  if (Option.isNone(Frequency.parse(definition.frequency, v.period))) {
    return Option.some(`period "${v.period}" is not ${definition.frequency} (YYYY-MM, YYYY-Qn or YYYY)`)
  }
  switch (definition.unit) {
    case "percent":
    case "rate": {
      const pair = v.numerator !== null && v.denominator !== null
      if (!pair && v.value === null) return Option.some("needs a numerator and denominator, or a value")
      if ((v.numerator === null) !== (v.denominator === null)) {
        return Option.some("needs both numerator and denominator, or neither")
      }
      if (definition.unit === "percent" && pair && v.numerator! > v.denominator!) {
        return Option.some("numerator is larger than the denominator")
      }
      return Option.none()
    }
    case "count":
      return v.value === null && v.numerator === null ? Option.some("needs a value") : Option.none()
    case "score":
      return v.value === null ? Option.some("needs a value") : Option.none()
  }
}

const scale = (unit: Indicator.Unit): number => (unit === "percent" ? 100 : unit === "rate" ? 10_000 : 1)

const none = (reason: string): Indicator.Measurement => ({
  value: Option.none(),
  numerator: Option.none(),
  denominator: Option.none(),
  reason: Option.some(reason)
})

const measurement = (
  value: number | null,
  numerator: number | null,
  denominator: number | null,
  reason?: string
): Indicator.Measurement => ({
  value: Option.fromNullishOr(value),
  numerator: Option.fromNullishOr(numerator),
  denominator: Option.fromNullishOr(denominator),
  reason: Option.fromNullishOr(reason)
})

/**
 * The figure over some periods: for a percentage or rate the summed numerators over the summed denominators (the
 * mean of the values when some period has a value only); for a count the sum; for a score the mean weighted by the
 * number scored when every period gives it.
 * @category getters
 */
export const aggregate = (definition: LocalMeasure.Definition, values: ReadonlyArray<Value>): Indicator.Measurement => {
  if (values.length === 0) return none("no figure recorded for the period")
  const sum = (f: (v: Value) => number) => values.reduce((a, v) => a + f(v), 0)
  const mean = (f: (v: Value) => number) => sum(f) / values.length
  switch (definition.unit) {
    case "percent":
    case "rate": {
      if (values.every((v) => v.numerator !== null && v.denominator !== null)) {
        const n = sum((v) => v.numerator!)
        const d = sum((v) => v.denominator!)
        return d === 0
          ? measurement(null, n, d, "denominator is zero")
          : measurement((n / d) * scale(definition.unit), n, d)
      }
      return measurement(
        mean((v) => v.value ?? (v.numerator! / v.denominator!) * scale(definition.unit)),
        null,
        null,
        "mean of the periods' values"
      )
    }
    case "count": {
      const n = sum((v) => v.value ?? v.numerator ?? 0)
      return measurement(n, n, null)
    }
    case "score": {
      if (values.every((v) => v.denominator !== null)) {
        const d = sum((v) => v.denominator!)
        const total = sum((v) => (v.value ?? 0) * v.denominator!)
        return d === 0 ? measurement(null, null, d, "no one scored") : measurement(total / d, total, d)
      }
      return measurement(
        mean((v) => v.value ?? 0),
        null,
        null
      )
    }
  }
}

const periodOf = (definition: LocalMeasure.Definition, v: Value): Option.Option<Frequency.Period> =>
  v.measure === definition.id ? Frequency.parse(definition.frequency, v.period) : Option.none()

/**
 * The measure's values whose period lies wholly within a window, oldest first.
 * @category getters
 */
export const within = (
  definition: LocalMeasure.Definition,
  values: ReadonlyArray<Value>,
  window: Frequency.Window
): ReadonlyArray<Value> =>
  values
    .filter((v) =>
      Option.match(periodOf(definition, v), { onNone: () => false, onSome: (p) => Frequency.isWithin(p, window) })
    )
    .sort((a, b) => (a.period < b.period ? -1 : a.period > b.period ? 1 : 0))

const periodsIn = (frequency: Frequency.Frequency, window: Frequency.Window): number => {
  let n = 0
  let p = Frequency.containing(frequency, window.start)
  while (p.end <= window.end) {
    if (p.start >= window.start) n++
    p = Frequency.containing(frequency, CalendarDate.addDays(p.end, 1))
  }
  return n
}

/**
 * The figure over a window, with a reason naming the periods missing when some are (`11 of 12 periods recorded`).
 * @category getters
 */
export const over = (
  definition: LocalMeasure.Definition,
  values: ReadonlyArray<Value>,
  window: Frequency.Window
): Indicator.Measurement => {
  const inside = within(definition, values, window)
  const m = aggregate(definition, inside)
  const expected = periodsIn(definition.frequency, window)
  if (inside.length > 0 && inside.length < expected && Option.isSome(m.value)) {
    return { ...m, reason: Option.some(`${inside.length} of ${expected} periods recorded`) }
  }
  return m
}

/**
 * The latest recorded period ending on or before `asOf`, with its figure.
 * @category getters
 */
export const latest = (
  definition: LocalMeasure.Definition,
  values: ReadonlyArray<Value>,
  asOf: CalendarDate.CalendarDate
): Option.Option<{ readonly period: Frequency.Period; readonly measurement: Indicator.Measurement }> => {
  let best: { period: Frequency.Period; value: Value } | undefined
  for (const v of values) {
    const p = periodOf(definition, v)
    if (Option.isSome(p) && p.value.end <= asOf && (best === undefined || p.value.start > best.period.start)) {
      best = { period: p.value, value: v }
    }
  }
  return best === undefined
    ? Option.none()
    : Option.some({ period: best.period, measurement: aggregate(definition, [best.value]) })
}

/**
 * The rolling twelve months to the last complete month at `asOf`; for an annual measure, the latest year.
 * @category getters
 */
export const rolling12Months = (
  definition: LocalMeasure.Definition,
  values: ReadonlyArray<Value>,
  asOf: CalendarDate.CalendarDate
): Indicator.Measurement =>
  definition.frequency === "annual"
    ? Option.match(latest(definition, values, asOf), {
        onNone: () => none("no figure recorded for the period"),
        onSome: (l) => l.measurement
      })
    : over(definition, values, Frequency.rolling12Months(asOf))

/**
 * The reporting year to date at `asOf` (from 1 April to the last complete month); an annual measure has a figure
 * only once its year is over.
 * @category getters
 */
export const yearToDate = (
  definition: LocalMeasure.Definition,
  values: ReadonlyArray<Value>,
  asOf: CalendarDate.CalendarDate
): Indicator.Measurement => over(definition, values, Frequency.yearToDate(asOf))

/** A row of a values CSV that does not fit. @category errors */
export type CsvProblem = CsvTable.CsvTableInvalid

/**
 * Values from CSV text with columns `measure,period` and `numerator,denominator` and/or `value` (blank cells are
 * absent figures). Every measure must be among `definitions`; a value must fit its measure; a (measure, period)
 * given twice is an error naming the line.
 * @category decoding
 */
export const fromCsv = (
  text: string,
  definitions: ReadonlyArray<LocalMeasure.Definition>,
  file = "measure-values.csv"
): Result.Result<ReadonlyArray<Value>, CsvTable.CsvTableInvalid> =>
  Result.flatMap(CsvTable.read(text, file, ["measure", "period"]), (rows) => {
    const out: Array<Value> = []
    const seen = new Set<string>()
    const fail = (line: number, problem: string, column?: string) =>
      Result.fail(new CsvTable.CsvTableInvalid({ file, line, problem, ...(column === undefined ? {} : { column }) }))
    for (const row of rows) {
      const id = row.values.measure ?? ""
      const definition = definitions.find((d) => d.id === id)
      if (definition === undefined) return fail(row.line, `unknown measure "${id}"`, "measure")
      const optional = (column: string): Result.Result<number | null, CsvTable.CsvTableInvalid> =>
        (row.values[column] ?? "") === "" ? Result.succeed(null) : CsvTable.number(row, file, column)
      const numerator = optional("numerator")
      if (Result.isFailure(numerator)) return Result.fail(numerator.failure)
      const denominator = optional("denominator")
      if (Result.isFailure(denominator)) return Result.fail(denominator.failure)
      const value = optional("value")
      if (Result.isFailure(value)) return Result.fail(value.failure)
      if ((numerator.success ?? 0) < 0 || (denominator.success ?? 0) < 0) {
        return fail(row.line, "numerator and denominator must not be negative")
      }
      const v: Value = {
        measure: definition.id,
        period: (row.values.period ?? "") as Frequency.PeriodKey,
        numerator: numerator.success,
        denominator: denominator.success,
        value: value.success
      }
      const wrong = problem(definition, v)
      if (Option.isSome(wrong)) return fail(row.line, wrong.value)
      const key = `${v.measure}/${v.period}`
      if (seen.has(key)) return fail(row.line, `a second figure for ${v.measure} in ${v.period}`)
      seen.add(key)
      out.push(v)
    }
    return Result.succeed(out)
  })

/** The CSV header `fromCsv` reads and `toCsv` writes. @category encoding */
export const csvColumns = ["measure", "period", "numerator", "denominator", "value"] as const

/** Values as CSV text with `csvColumns`. @category encoding */
export const toCsv = (values: ReadonlyArray<Value>): string =>
  `${[
    csvColumns.join(","),
    ...values.map((v) =>
      [v.measure, v.period, v.numerator ?? "", v.denominator ?? "", v.value ?? ""].map(String).join(",")
    )
  ].join("\n")}\n`

/** What a published entry is computed against. @category models */
export interface EntryOptions {
  readonly audience: Audience
  /** The reporting year of the scorecard the entry sits in. */
  readonly year: ReportingYear.ReportingYear
  /** The date figures are taken at; the year's end by default, and never after it. */
  readonly asOf?: CalendarDate.CalendarDate
  readonly targets?: ReadonlyArray<Target.Target>
  readonly benchmarks?: ReadonlyArray<Benchmark.Benchmark>
}

const shiftYear = (w: Frequency.Window, years: number): Frequency.Window => {
  const end = CalendarDate.addYears(w.end, years)
  const monthEnd = CalendarDate.unsafeFromParts(
    CalendarDate.year(end),
    CalendarDate.month(end),
    CalendarDate.daysInMonth(CalendarDate.year(end), CalendarDate.month(end))
  )
  return { kind: w.kind, start: CalendarDate.addYears(w.start, years), end: monthEnd }
}

/** The periods of a trend: two years of monthly or quarterly figures, or three annual ones, up to `end`. */
const trendWindow = (frequency: Frequency.Frequency, end: CalendarDate.CalendarDate): Frequency.Window => ({
  kind: "latest",
  start: CalendarDate.addDays(CalendarDate.addYears(end, frequency === "annual" ? -3 : -2), 1),
  end
})

interface Counts {
  readonly numerator: number | null
  readonly denominator: number | null
}

const countsOf = (m: Indicator.Measurement): Counts => ({
  numerator: Option.getOrNull(m.numerator),
  denominator: Option.getOrNull(m.denominator)
})

/**
 * Which of the periods and totals to hide so no total, less the periods shown, gives away a hidden period: the
 * periods and each window's total (year to date, last year's, rolling twelve months) form lines, checked for the
 * numerators, the denominators and, for percentages, the complements (`Suppression.hiddenPositions`).
 */
const hiddenByLines = (
  unit: Indicator.Unit,
  periods: ReadonlyArray<Counts>,
  totals: ReadonlyArray<{ readonly counts: Counts; readonly members: ReadonlyArray<number> }>
): ReadonlyArray<boolean> => {
  const all = [...periods, ...totals.map((t) => t.counts)]
  const lines = totals.map((t, i) => [...t.members, periods.length + i])
  const quantities: ReadonlyArray<(c: Counts) => number | null> =
    unit === "percent"
      ? [
          (c) => c.numerator,
          (c) => c.denominator,
          (c) => (c.numerator === null || c.denominator === null ? null : c.denominator - c.numerator)
        ]
      : unit === "score"
        ? [(c) => c.denominator]
        : unit === "rate"
          ? [(c) => c.numerator]
          : [(c) => c.numerator]
  const hidden = all.map(() => false)
  for (const q of quantities) {
    const values = all.map((c) => q(c))
    // A figure without counts (a value alone) reveals no count: it takes no part in a line.
    const usable = lines.filter((line) => line.every((p) => values[p] !== null))
    const h = Suppression.hiddenPositions(
      values.map((v) => v ?? 0),
      usable
    )
    h.forEach((x, i) => {
      if (x && values[i] !== null) hidden[i] = true
    })
  }
  return hidden
}

const point = (period: Frequency.Period, shown: Scorecard.Published, hide: boolean): Scorecard.PeriodPoint => ({
  period: period.key,
  label: Frequency.label(period),
  value: hide ? null : shown.value,
  display: hide && shown.display !== "x" ? "c" : shown.display
})

/**
 * The published entry of a local measure for a scorecard's year: the year to date (the whole year at 31 March) with
 * target, RAG, last year's figure for the same months and direction of travel, benchmarks, the latest period, the
 * rolling twelve months and the trend, each suppressed for the audience.
 * @category constructors
 */
export const entry = (
  definition: LocalMeasure.Definition,
  values: ReadonlyArray<Value>,
  options: EntryOptions
): Scorecard.LocalEntry => {
  const yearEnd = ReportingYear.end(options.year)
  const asOf = CalendarDate.min(options.asOf ?? yearEnd, yearEnd)
  const ytd: Frequency.Window = { ...Frequency.yearToDate(asOf), start: ReportingYear.start(options.year) }
  const lastYear = shiftYear(ytd, -1)
  const rolling: Frequency.Window =
    definition.frequency === "annual" ? { ...ytd, kind: "rolling_12_months" } : Frequency.rolling12Months(ytd.end)
  const asIndicator = LocalMeasure.asIndicator(definition)
  const current = over(definition, values, ytd)
  const previous = over(definition, values, lastYear)
  const rollingFigure = definition.frequency === "annual" ? current : over(definition, values, rolling)
  const base = Scorecard.entry(asIndicator, current, options.audience, {
    year: options.year,
    ...(options.targets === undefined ? {} : { targets: options.targets }),
    ...(options.benchmarks === undefined ? {} : { benchmarks: options.benchmarks }),
    previous
  })

  const trendValues = within(definition, values, trendWindow(definition.frequency, ytd.end))
  const trendPeriods = trendValues.map((v) => Option.getOrThrow(Frequency.parse(definition.frequency, v.period)))
  const trendMeasurements = trendValues.map((v) => aggregate(definition, [v]))
  const members = (w: Frequency.Window) => trendPeriods.flatMap((p, i) => (Frequency.isWithin(p, w) ? [i] : []))
  const hidden = Suppression.appliesTo(options.audience)
    ? hiddenByLines(definition.unit, trendMeasurements.map(countsOf), [
        { counts: countsOf(current), members: members(ytd) },
        { counts: countsOf(previous), members: members(lastYear) },
        { counts: countsOf(rollingFigure), members: members(rolling) }
      ])
    : []
  const n = trendPeriods.length
  const hideCurrent = hidden[n] === true
  const hidePrevious = hidden[n + 1] === true
  // Before 31 March the rolling twelve months and the year to date overlap without being the same months: their
  // difference is the months before April, which the lines above do not cover. While any period is hidden, the
  // rolling figure is hidden too rather than let that difference give one away.
  const windowsDiffer = rolling.start !== ytd.start || rolling.end !== ytd.end
  const hideRolling = hidden[n + 2] === true || (windowsDiffer && hidden.slice(0, n).some((h) => h) && !hideCurrent)

  const trend = trendPeriods.map((p, i) =>
    point(p, Scorecard.publish(asIndicator, trendMeasurements[i]!, options.audience), hidden[i] === true)
  )
  const latestPoint = Option.match(latest(definition, values, ytd.end), {
    onNone: () => null,
    onSome: (l) => {
      const at = trendPeriods.findIndex((p) => p.key === l.period.key)
      return point(l.period, Scorecard.publish(asIndicator, l.measurement, options.audience), hidden[at] === true)
    }
  })
  const rollingPeriod: Frequency.Period = {
    frequency: definition.frequency,
    key: `${rolling.start}/${rolling.end}` as Frequency.PeriodKey,
    start: rolling.start,
    end: rolling.end
  }
  const rollingShown = Scorecard.publish(asIndicator, rollingFigure, options.audience)
  const rollingPoint: Scorecard.PeriodPoint | null =
    rollingShown.display === "x" && rollingShown.value === null
      ? null
      : {
          ...point(rollingPeriod, rollingShown, hideRolling),
          label: `12 months to ${CalendarDate.toDdMmYyyy(rolling.end)}`
        }

  const { rag: _rag, direction: _direction, previous: _previous, ...rest } = base
  const published: Scorecard.Entry = hideCurrent
    ? { ...rest, value: null, numerator: null, denominator: null, display: base.display === "x" ? "x" : "c" }
    : hidePrevious
      ? { ...rest, ...(base.rag === undefined ? {} : { rag: base.rag }), previous: null }
      : base
  return {
    ...published,
    frequency: definition.frequency,
    source: definition.source,
    owner: definition.owner,
    priorities: definition.priorities,
    window: { start: ytd.start, end: ytd.end },
    latest: latestPoint,
    rolling12Months: rollingPoint,
    trend
  }
}

/**
 * The entries of all a council's measures for a scorecard, in the order given.
 * @category constructors
 */
export const entries = (
  definitions: ReadonlyArray<LocalMeasure.Definition>,
  values: ReadonlyArray<Value>,
  options: EntryOptions
): ReadonlyArray<Scorecard.LocalEntry> => definitions.map((d) => entry(d, values, options))

/**
 * Check values against the council's definitions before they are kept: every measure defined, every value fitting.
 * @category getters
 */
export const check = (
  council: string,
  definitions: ReadonlyArray<LocalMeasure.Definition>,
  values: ReadonlyArray<Value>
): Effect.Effect<ReadonlyArray<Value>, LocalMeasure.UnknownMeasure | LocalMeasure.InvalidMeasure> => {
  for (const v of values) {
    const definition = definitions.find((d) => d.id === v.measure)
    if (definition === undefined) return Effect.fail(new LocalMeasure.UnknownMeasure({ council, measure: v.measure }))
    const wrong = problem(definition, v)
    if (Option.isSome(wrong)) {
      return Effect.fail(
        new LocalMeasure.InvalidMeasure({ measure: v.measure, problems: [`${v.period}: ${wrong.value}`] })
      )
    }
  }
  return Effect.succeed(values)
}
