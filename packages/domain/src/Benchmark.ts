/**
 * Benchmarks: what an indicator was for England, the council's region and its statistical neighbours in a year, to
 * read the council's own figure against. Comparators come from named, versioned groups (DfE CSSNBT-10 statistical
 * neighbours, a region, England) because neighbour sets are revised (domain.md §3.4). Values are loaded from a CSV the
 * council keeps up to date; the England series of domain.md §3 ships as the default, each value marked as first
 * published or revised, since DfE revises earlier years in later releases.
 */
import { Option, Result, Schema } from "effect"
import * as CsvTable from "./CsvTable.ts"
import * as Indicator from "./Indicator.ts"

/** @category models */
export const Comparator = Schema.Literals(["england", "region", "statistical_neighbours"]).annotate({
  identifier: "Comparator"
})
export type Comparator = typeof Comparator.Type

/** @category models */
export const Status = Schema.Literals(["first_published", "revised"]).annotate({ identifier: "BenchmarkStatus" })
export type Status = typeof Status.Type

/**
 * A named, versioned set of councils compared against: `cssnbt-10` v2021, `east-midlands` v2024, `england`.
 * @category models
 */
export const ComparatorGroup = Schema.Struct({
  id: Schema.String,
  name: Schema.String,
  comparator: Comparator,
  version: Schema.String,
  /** DfE three-digit LA codes; empty for England. */
  members: Schema.Array(Schema.String)
}).annotate({ identifier: "ComparatorGroup" })
export type ComparatorGroup = typeof ComparatorGroup.Type

/** @category models */
export const england: ComparatorGroup = {
  id: "england",
  name: "England",
  comparator: "england",
  version: "1",
  members: []
}

/**
 * The nine English regions (ONS region codes), the region comparators DfE publishes. Which councils each holds is
 * not shipped: no stored source lists them by DfE LA code, so a council supplies its region's members in its
 * comparator-group CSV ({@link groupsFromCsv}) when it wants a region mean of its own; DfE's published regional
 * figure is loaded as a `region` benchmark like any other.
 * @category models
 */
export const regions: ReadonlyArray<{ readonly id: string; readonly name: string; readonly onsCode: string }> = [
  { id: "north-east", name: "North East", onsCode: "E12000001" },
  { id: "north-west", name: "North West", onsCode: "E12000002" },
  { id: "yorkshire-and-the-humber", name: "Yorkshire and The Humber", onsCode: "E12000003" },
  { id: "east-midlands", name: "East Midlands", onsCode: "E12000004" },
  { id: "west-midlands", name: "West Midlands", onsCode: "E12000005" },
  { id: "east-of-england", name: "East of England", onsCode: "E12000006" },
  { id: "london", name: "London", onsCode: "E12000007" },
  { id: "south-east", name: "South East", onsCode: "E12000008" },
  { id: "south-west", name: "South West", onsCode: "E12000009" }
]

/** A DfE three-digit local-authority code, e.g. `806`. @category models */
export const isLocalAuthorityCode = (code: string): boolean => /^[0-9]{3}$/.test(code)

/**
 * Comparator groups from CSV text with columns `group,name,comparator,version,la_code`, one row per member council
 * (England needs no rows: it has no member list). A group is one id and version; a new neighbour list is a new
 * version, so benchmarks computed from the old list keep saying which one they used. Statistical-neighbour lists
 * (DfE CSSNBT, CIPFA) come from the council: none is shipped, since no stored source gives the lists.
 * @category decoding
 */
export const groupsFromCsv = (
  text: string,
  file = "comparator-groups.csv"
): Result.Result<ReadonlyArray<ComparatorGroup>, CsvTable.CsvTableInvalid> =>
  Result.flatMap(
    CsvTable.read(text, file, ["group", "name", "comparator", "version", "la_code"]),
    (rows): Result.Result<ReadonlyArray<ComparatorGroup>, CsvTable.CsvTableInvalid> => {
      const groups = new Map<string, { group: ComparatorGroup; members: Array<string> }>()
      const fail = (line: number, column: string, problem: string) =>
        Result.fail(new CsvTable.CsvTableInvalid({ file, line, column, problem }))
      for (const row of rows) {
        const id = row.values.group ?? ""
        const version = row.values.version ?? ""
        const name = row.values.name ?? ""
        const comparator = row.values.comparator ?? ""
        const la = row.values.la_code ?? ""
        if (id === "") return fail(row.line, "group", "a group id is needed")
        if (version === "") return fail(row.line, "version", "a version is needed")
        if (comparator !== "region" && comparator !== "statistical_neighbours") {
          return fail(row.line, "comparator", `"${comparator}" is not region or statistical_neighbours`)
        }
        if (!isLocalAuthorityCode(la)) return fail(row.line, "la_code", `"${la}" is not a three-digit DfE LA code`)
        const key = `${id}\u0000${version}`
        const known = groups.get(key)
        if (known === undefined) {
          const members: Array<string> = [la]
          groups.set(key, { group: { id, name, comparator, version, members }, members })
          continue
        }
        if (known.group.name !== name || known.group.comparator !== comparator) {
          return fail(row.line, "name", `group ${id} version ${version} is named or typed differently on another line`)
        }
        if (known.members.includes(la)) return fail(row.line, "la_code", `${la} is listed twice in ${id} ${version}`)
        known.members.push(la)
      }
      return Result.succeed([...groups.values()].map((g) => g.group))
    }
  )

/**
 * A group's benchmark for an indicator and year: the mean of its members' values ({@link groupMean}), recorded with
 * the group's id and version so the figure always says which list it was computed over.
 * @category constructors
 */
export const fromGroupMean = (
  group: ComparatorGroup,
  indicator: Indicator.IndicatorId,
  year: number,
  valueByCouncil: ReadonlyMap<string, number>,
  source: string
): Option.Option<Benchmark> =>
  Option.map(groupMean(group, valueByCouncil), ({ mean, members }) => ({
    indicator,
    year,
    comparator: group.comparator,
    group: group.id,
    version: group.version,
    value: mean,
    status: "first_published" as const,
    source: `${source} (mean of ${members} of ${group.members.length} members of ${group.name} ${group.version})`
  }))

/** @category models */
export const Benchmark = Schema.Struct({
  indicator: Indicator.IndicatorId,
  year: Schema.Int,
  comparator: Comparator,
  /** The comparator group id and version the value is for. */
  group: Schema.String,
  version: Schema.String,
  value: Schema.Number,
  status: Status,
  source: Schema.String
}).annotate({ identifier: "Benchmark" })
export type Benchmark = typeof Benchmark.Type

/**
 * A council's own benchmarks for the catalogue indicators, in the order of its file (`GET`/`PUT
 * …/indicators/benchmarks`); the API encodes with it and the dashboard decodes with it.
 * @category schemas
 */
export const IndicatorBenchmarks = Schema.Struct({ benchmarks: Schema.Array(Benchmark) }).annotate({
  identifier: "IndicatorBenchmarks"
})
export type IndicatorBenchmarks = typeof IndicatorBenchmarks.Type

/** Where one comparator's value comes from: its group and version, first-published or revised, and source. @category models */
export const Provenance = Schema.Struct({
  group: Schema.String,
  version: Schema.String,
  status: Status,
  source: Schema.String
}).annotate({ identifier: "BenchmarkProvenance" })
export type Provenance = typeof Provenance.Type

/** The provenance of each comparator value of {@link Values}. @category models */
export const Provenances = Schema.Struct({
  england: Schema.optionalKey(Provenance),
  region: Schema.optionalKey(Provenance),
  statistical_neighbours: Schema.optionalKey(Provenance)
}).annotate({ identifier: "BenchmarkProvenances" })
export type Provenances = typeof Provenances.Type

/**
 * The provenance of each value {@link valuesFor} gives, so a reader can tell which neighbour list (and which
 * version of it) a comparison is against.
 * @category getters
 */
export const provenancesFor = (benchmarks: ReadonlyArray<Benchmark>, indicator: string, year: number): Provenances => {
  const out: Partial<Record<Comparator, Provenance>> = {}
  for (const [comparator, b] of Object.entries(sourcesFor(benchmarks, indicator, year))) {
    if (b !== undefined)
      out[comparator as Comparator] = { group: b.group, version: b.version, status: b.status, source: b.source }
  }
  return out
}

/** The comparators of one indicator in one year, as the scorecard shows them. @category models */
export const Values = Schema.Struct({
  england: Schema.optionalKey(Schema.Number),
  region: Schema.optionalKey(Schema.Number),
  statistical_neighbours: Schema.optionalKey(Schema.Number)
}).annotate({ identifier: "BenchmarkValues" })
export type Values = typeof Values.Type

/**
 * The mean of a group's members' values (members without a value left out), with how many had one.
 * @category getters
 */
export const groupMean = (
  group: ComparatorGroup,
  valueByCouncil: ReadonlyMap<string, number>
): Option.Option<{ readonly mean: number; readonly members: number }> => {
  const values = group.members.flatMap((la) => {
    const v = valueByCouncil.get(la)
    return v === undefined ? [] : [v]
  })
  return values.length === 0
    ? Option.none()
    : Option.some({ mean: values.reduce((a, b) => a + b, 0) / values.length, members: values.length })
}

/**
 * The comparators for an indicator and year: a revised value wins over a first-published one, and a later entry in
 * `benchmarks` wins over an earlier one of the same status (so a council's file placed after the defaults overrides
 * them).
 * @category getters
 */
export const valuesFor = (benchmarks: ReadonlyArray<Benchmark>, indicator: string, year: number): Values => {
  const out: { england?: number; region?: number; statistical_neighbours?: number } = {}
  for (const [comparator, b] of Object.entries(sourcesFor(benchmarks, indicator, year))) {
    if (b !== undefined) out[comparator as Comparator] = b.value
  }
  return out
}

/**
 * The benchmark each comparator value of {@link valuesFor} comes from — its group, version, status and source — so a
 * report can say "statistical neighbours (CSSNBT-10, 2021 list)" beside the number.
 * @category getters
 */
export const sourcesFor = (
  benchmarks: ReadonlyArray<Benchmark>,
  indicator: string,
  year: number
): Partial<Record<Comparator, Benchmark>> => {
  const best: Partial<Record<Comparator, Benchmark>> = {}
  for (const b of benchmarks) {
    if (b.indicator !== indicator || b.year !== year) continue
    const current = best[b.comparator]
    if (current === undefined || !(current.status === "revised" && b.status === "first_published")) {
      best[b.comparator] = b
    }
  }
  return best
}

/**
 * Benchmarks from CSV text with columns `indicator,year,comparator,value` and optional `group`, `version`, `status`
 * (`first_published` or `revised`, default `first_published`) and `source`.
 * @category decoding
 */
export const fromCsv = (
  text: string,
  file = "benchmarks.csv"
): Result.Result<ReadonlyArray<Benchmark>, CsvTable.CsvTableInvalid> =>
  Result.flatMap(
    CsvTable.read(text, file, ["indicator", "year", "comparator", "value"]),
    (rows): Result.Result<ReadonlyArray<Benchmark>, CsvTable.CsvTableInvalid> => {
      const out: Array<Benchmark> = []
      const fail = (line: number, column: string, problem: string) =>
        Result.fail(new CsvTable.CsvTableInvalid({ file, line, column, problem }))
      for (const row of rows) {
        const id = row.values.indicator ?? ""
        if (Option.isNone(Indicator.byId(id))) return fail(row.line, "indicator", `unknown indicator "${id}"`)
        const comparator = row.values.comparator ?? ""
        if (!Comparator.literals.includes(comparator as Comparator)) {
          return fail(row.line, "comparator", `"${comparator}" is not one of ${Comparator.literals.join(", ")}`)
        }
        const status = row.values.status || "first_published"
        if (!Status.literals.includes(status as Status)) {
          return fail(row.line, "status", `"${status}" is not one of ${Status.literals.join(", ")}`)
        }
        const year = CsvTable.number(row, file, "year", { integer: true })
        if (Result.isFailure(year)) return Result.fail(year.failure)
        const value = CsvTable.number(row, file, "value")
        if (Result.isFailure(value)) return Result.fail(value.failure)
        out.push({
          indicator: Indicator.IndicatorId.make(id),
          year: year.success,
          comparator: comparator as Comparator,
          group: row.values.group || comparator,
          version: row.values.version || "1",
          value: value.success,
          status: status as Status,
          source: row.values.source || file
        })
      }
      return Result.succeed(out)
    }
  )

const ees = "DfE Children looked after in England including adoptions (EES), via domain.md §3.2"
const health = "DfE CLA outcomes (LG Inform metric 15496 via Trafford Data Lab), domain.md §3.3"

type Series = ReadonlyArray<readonly [year: number, firstPublished: number, revised?: number]>

const series = (indicator: string, source: string, points: Series): ReadonlyArray<Benchmark> =>
  points.flatMap(([year, first, revised]) => {
    const base = {
      indicator: Indicator.IndicatorId.make(indicator),
      year,
      comparator: "england" as const,
      group: england.id,
      version: england.version,
      source
    }
    const firstPublished: Benchmark = { ...base, value: first, status: "first_published" }
    return revised === undefined ? [firstPublished] : [firstPublished, { ...base, value: revised, status: "revised" }]
  })

/**
 * The England series shipped as data: only figures found in stored sources (domain.md §3.2–3.3); derived values
 * ("[d]") are left out.
 * @category models
 */
export const englandDefaults: ReadonlyArray<Benchmark> = [
  ...series("cla_31_march", ees, [
    [2017, 72_670, 72_590],
    [2018, 75_420, 75_360],
    [2019, 78_150, 78_140],
    [2020, 80_080, 80_000],
    [2021, 80_850, 80_780],
    [2022, 82_170, 82_090],
    [2023, 83_840, 83_750],
    [2024, 83_630, 83_530],
    [2025, 81_770]
  ]),
  ...series("cla_rate_per_10k", ees, [
    [2017, 62],
    [2018, 64],
    [2019, 65],
    [2020, 67],
    [2021, 67, 69],
    [2022, 70],
    [2023, 71, 70],
    [2024, 70, 69],
    [2025, 67]
  ]),
  ...series("placed_foster_pct", ees, [
    [2018, 73],
    [2019, 72],
    [2020, 72],
    [2022, 71, 70],
    [2023, 68]
  ]),
  ...series("placed_with_parents_pct", ees, [
    [2019, 7],
    [2020, 7],
    [2022, 7]
  ]),
  ...series("cla_started", ees, [
    [2017, 32_940],
    [2018, 32_050],
    [2019, 31_680, 31_770],
    [2020, 30_970],
    [2022, 30_010],
    [2023, 33_000]
  ]),
  ...series("cla_ceased", ees, [
    [2017, 31_250],
    [2018, 29_860],
    [2019, 29_460, 29_570],
    [2020, 29_590],
    [2022, 30_070],
    [2023, 31_680],
    [2025, 34_450]
  ]),
  ...series("uasc_31_march", ees, [
    [2017, 4_560],
    [2021, 4_150],
    [2022, 5_570],
    [2023, 7_290],
    [2025, 6_540]
  ]),
  ...series("stability_3plus_placements_pct", ees, [
    [2019, 10],
    [2020, 11],
    [2023, 10]
  ]),
  ...series("stability_long_term_pct", "DfE Stability measures for children looked after in England 2024", [
    [2024, 68]
  ]),
  ...series("health_assessment_pct", health, [
    [2015, 90],
    [2018, 88],
    [2019, 90],
    [2020, 90],
    [2021, 91],
    [2022, 89],
    [2023, 89],
    [2024, 89]
  ]),
  ...series("dental_check_pct", health, [
    [2015, 86],
    [2018, 84],
    [2019, 86],
    [2020, 86],
    [2021, 40],
    [2022, 70],
    [2023, 76],
    [2024, 79]
  ]),
  ...series("immunisations_pct", health, [[2015, 88]]),
  ...series("development_check_under5_pct", health, [[2024, 88]]),
  ...series("care_leavers_19_21_suitable_accommodation_pct", ees, [
    [2018, 84],
    [2019, 85]
  ]),
  ...series("care_leavers_19_21_in_touch_pct", ees, [[2021, 91]]),
  ...series("missing_children_pct", ees, [
    [2015, 6],
    [2018, 11]
  ]),
  ...series("missing_incidents", ees, [
    [2015, 28_570],
    [2018, 70_170],
    [2022, 76_890],
    [2024, 83_920],
    [2025, 86_900]
  ])
]
