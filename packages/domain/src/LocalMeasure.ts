/**
 * A local measure: a figure a council tracks beyond the 903 — PEPs completed on time, return interviews offered and
 * completed within 72 hours, statutory visits on time, Bright Spots well-being answers — defined by the council
 * (title, unit, polarity, how often it is recorded, where the figure comes from and who answers for it) and recorded
 * period by period (`MeasureValue`). It is reported like a catalogue indicator: with targets, RAG, direction of travel,
 * trend, benchmarks where held and suppression for members and the public (the seeds: Tameside reports PEPs at 97 %,
 * Wiltshire return interviews offered 96 % and completed 46 %). A few ready-made definitions ship as `templates` a
 * council can switch on.
 */
import { Context, type Effect, Option, type Result, Schema } from "effect"
import { Audience } from "./Audience.ts"
import type * as Benchmark from "./Benchmark.ts"
import * as Council from "./Council.ts"
import type * as CsvTable from "./CsvTable.ts"
import * as Frequency from "./Frequency.ts"
import * as Indicator from "./Indicator.ts"
import type * as MeasureValue from "./MeasureValue.ts"
import * as Scorecard from "./Scorecard.ts"
import * as Strategy from "./Strategy.ts"
import * as Target from "./Target.ts"

/**
 * A measure's id within its council: lower case, digits and `_`, like a catalogue indicator id (so targets and
 * benchmarks are keyed the same way), and never one of the catalogue's ids.
 * @category models
 */
export const MeasureId = Schema.String.pipe(
  Schema.check(
    Schema.isPattern(/^[a-z][a-z0-9_]{0,62}$/, {
      description: "lower-case letters, digits and _, starting with a letter"
    })
  ),
  Schema.brand("MeasureId")
).annotate({ identifier: "MeasureId", examples: ["pep_on_time_pct" as never] })
export type MeasureId = typeof MeasureId.Type

/** @category models */
export const Definition = Schema.Struct({
  id: MeasureId,
  council: Council.CouncilId,
  title: Schema.NonEmptyString,
  description: Schema.String,
  /** percent: numerator ÷ denominator × 100; rate: × 10,000; count: events in the period; score: a mean. */
  unit: Indicator.Unit,
  polarity: Indicator.Polarity,
  frequency: Frequency.Frequency,
  /** Where the figure comes from: the case management system report, the Virtual School, a survey. */
  source: Schema.NonEmptyString,
  /** The service or partner who answers for the figure. */
  owner: Schema.NonEmptyString,
  /** Priorities of the strategy the measure shows progress on. */
  priorities: Schema.Array(Strategy.PriorityId),
  /** The ready-made definition it was switched on from, if any. */
  template: Schema.NullOr(Schema.String)
}).annotate({ identifier: "LocalMeasure" })
export type Definition = typeof Definition.Type

/** A ready-made definition, before a council switches it on. @category models */
export type Template = Omit<Definition, "council" | "priorities" | "template">

const template = (t: Omit<Template, "id"> & { readonly id: string }): Template => ({ ...t, id: MeasureId.make(t.id) })

/**
 * Ready-made definitions of the local measures councils most often show members (domain.md §2.3: PEP completion,
 * missing episodes and return interviews, visits, pathway plans, health assessments, Virtual School attainment).
 * @category models
 */
export const templates: ReadonlyArray<Template> = [
  template({
    id: "pep_on_time_pct",
    title: "Personal education plans completed on time",
    description: "Children looked after of school age whose PEP was completed or reviewed within the termly timescale.",
    unit: "percent",
    polarity: "higher_is_better",
    frequency: "monthly",
    source: "Virtual School PEP records",
    owner: "Virtual School"
  }),
  template({
    id: "return_interviews_offered_pct",
    title: "Return home interviews offered within 72 hours",
    description:
      "Missing incidents of children looked after after which a return home interview was offered within 72 hours of return.",
    unit: "percent",
    polarity: "higher_is_better",
    frequency: "monthly",
    source: "Missing episodes log",
    owner: "Missing from care service"
  }),
  template({
    id: "return_interviews_completed_pct",
    title: "Return home interviews completed within 72 hours",
    description:
      "Missing incidents of children looked after after which a return home interview took place within 72 hours of return.",
    unit: "percent",
    polarity: "higher_is_better",
    frequency: "monthly",
    source: "Missing episodes log",
    owner: "Missing from care service"
  }),
  template({
    id: "statutory_visits_on_time_pct",
    title: "Statutory visits on time",
    description: "Children looked after whose statutory social work visits in the month were all within timescale.",
    unit: "percent",
    polarity: "higher_is_better",
    frequency: "monthly",
    source: "Case management system",
    owner: "Children in care service"
  }),
  template({
    id: "care_leavers_pathway_plan_pct",
    title: "Care leavers with an up-to-date pathway plan",
    description: "Care leavers aged 16 to 25 receiving a service whose pathway plan was reviewed within six months.",
    unit: "percent",
    polarity: "higher_is_better",
    frequency: "monthly",
    source: "Case management system",
    owner: "Leaving care service"
  }),
  template({
    id: "health_assessments_on_time_pct",
    title: "Health assessments on time",
    description: "Initial and review health assessments due in the month that were completed within timescale.",
    unit: "percent",
    polarity: "higher_is_better",
    frequency: "monthly",
    source: "Looked after children health team",
    owner: "Integrated care board (health partner)"
  }),
  template({
    id: "ks2_expected_standard_pct",
    title: "Key stage 2: reading, writing and maths at the expected standard",
    description:
      "Children looked after at the end of key stage 2 reaching the expected standard in reading, writing and maths.",
    unit: "percent",
    polarity: "higher_is_better",
    frequency: "annual",
    source: "Virtual School attainment data",
    owner: "Virtual School"
  }),
  template({
    id: "ks4_attainment8_average",
    title: "Key stage 4: average Attainment 8 score",
    description: "Mean Attainment 8 score of children looked after at the end of key stage 4.",
    unit: "score",
    polarity: "higher_is_better",
    frequency: "annual",
    source: "Virtual School attainment data",
    owner: "Virtual School"
  })
]

/** The ready-made definition with this id. @category getters */
export const templateById = (id: string): Option.Option<Template> =>
  Option.fromNullishOr(templates.find((t) => t.id === id))

/**
 * Switch a ready-made definition on for a council, linked to some priorities.
 * @category constructors
 */
export const fromTemplate = (
  t: Template,
  council: Council.CouncilId,
  priorities: ReadonlyArray<Strategy.PriorityId> = []
): Definition => ({ ...t, council, priorities, template: t.id })

/** A rule a definition breaks, in words. @category models */
export interface Problem {
  readonly at: string
  readonly message: string
}

/**
 * What is wrong with a council's set of definitions: an id used twice, or one that is a catalogue indicator's (an
 * indicator id never changes meaning, `indicators.md`).
 * @category getters
 */
export const problems = (definitions: ReadonlyArray<Definition>): ReadonlyArray<Problem> => {
  const out: Array<Problem> = []
  const seen = new Set<string>()
  for (const d of definitions) {
    const at = `measure ${d.id}`
    if (seen.has(d.id)) out.push({ at, message: "id used by another measure" })
    seen.add(d.id)
    if (Option.isSome(Indicator.byId(d.id))) out.push({ at, message: "id is a 903 indicator's" })
  }
  return out
}

/**
 * The measure seen as an indicator definition, so that scorecard publishing, targets, RAG and direction of travel
 * treat both alike. It computes nothing: a local measure's figures are recorded, not derived from the 903.
 * @category getters
 */
export const asIndicator = (self: Definition): Indicator.Definition => ({
  id: Indicator.IndicatorId.make(self.id),
  title: self.title,
  description: self.description,
  unit: self.unit,
  polarity: self.polarity,
  cohort: self.description,
  numerator: self.title,
  denominator: Option.none(),
  reference: self.source,
  tables: [],
  compute: () => ({
    value: Option.none(),
    numerator: Option.none(),
    denominator: Option.none(),
    reason: Option.some("a local measure is recorded, not computed from the 903")
  })
})

/**
 * What the measures page is answered with (`GET …/measures?year=`): the council's local measures as the scorecard
 * publishes them for the caller's audience, and the ready-made {@link templates} not yet switched on. The API encodes
 * with it and the dashboard decodes with it.
 * @category schemas
 */
export const View = Schema.Struct({
  council: Schema.String,
  year: Schema.Int,
  audience: Audience,
  measures: Schema.Array(Scorecard.LocalEntry),
  /** Ready-made definitions not yet switched on. */
  templates: Schema.Array(Schema.Struct({ id: Schema.String, title: Schema.String, frequency: Schema.String }))
}).annotate({ identifier: "MeasuresView" })
export type View = typeof View.Type

/** A value, target or benchmark names a measure the council has not defined. @category errors */
export class UnknownMeasure extends Schema.TaggedError<UnknownMeasure>()("UnknownMeasure", {
  council: Schema.String,
  measure: Schema.String
}) {
  override get message(): string {
    return `${this.council}: no local measure ${this.measure}`
  }
}

/** A definition or value that breaks a rule, with the rules broken. @category errors */
export class InvalidMeasure extends Schema.TaggedError<InvalidMeasure>()("InvalidMeasure", {
  measure: Schema.String,
  problems: Schema.Array(Schema.String)
}) {
  override get message(): string {
    return `measure ${this.measure}: ${this.problems.join("; ")}`
  }
}

/**
 * A council's local measures: definitions, the values recorded per period, and their targets and benchmarks.
 * @category services
 */
export class LocalMeasures extends Context.Service<
  LocalMeasures,
  {
    /** Create or replace a definition (matched by council and id); its values stay. */
    readonly define: (definition: Definition) => Effect.Effect<void, InvalidMeasure>
    /** The council's definitions, in the order defined. */
    readonly definitions: (council: Council.CouncilId) => Effect.Effect<ReadonlyArray<Definition>>
    /** Record values (a value for a period already held replaces it); answers how many were recorded. */
    readonly recordValues: (
      council: Council.CouncilId,
      values: ReadonlyArray<MeasureValue.Value>
    ) => Effect.Effect<number, UnknownMeasure | InvalidMeasure>
    /** The council's values, by measure then period. */
    readonly values: (council: Council.CouncilId) => Effect.Effect<ReadonlyArray<MeasureValue.Value>>
    /** Create or replace targets (by measure and year). */
    readonly setTargets: (
      council: Council.CouncilId,
      targets: ReadonlyArray<Target.Target>
    ) => Effect.Effect<void, UnknownMeasure>
    readonly targets: (council: Council.CouncilId) => Effect.Effect<ReadonlyArray<Target.Target>>
    /** Create or replace benchmarks (by measure, year and comparator), e.g. Bright Spots national figures. */
    readonly setBenchmarks: (
      council: Council.CouncilId,
      benchmarks: ReadonlyArray<Benchmark.Benchmark>
    ) => Effect.Effect<void, UnknownMeasure>
    readonly benchmarks: (council: Council.CouncilId) => Effect.Effect<ReadonlyArray<Benchmark.Benchmark>>
  }
>()("@cpo/domain/LocalMeasures") {}

/**
 * Targets for local measures from CSV with columns `measure,year,target` and optional `tolerance` (default 0), as
 * `Target.fromCsv` reads them for catalogue indicators; every measure must be among `definitions`.
 * @category decoding
 */
export const targetsFromCsv = (
  text: string,
  definitions: ReadonlyArray<Definition>,
  file = "measure-targets.csv"
): Result.Result<ReadonlyArray<Target.Target>, CsvTable.CsvTableInvalid> =>
  Target.fromCsvKeyedBy(text, file, "measure", (id) => definitions.some((d) => d.id === id))
