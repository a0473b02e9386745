/**
 * The scorecard and the member report of a council held in a store: its current returns, its own targets and
 * benchmarks, its strategy and governance, its local measures, pledges and themes. The API answers them and `cpo
 * report --council` prints them, so both build them here, over the domain's services, and always agree.
 */
import { Effect, Option, Result, Schema } from "effect"
import type * as Audience from "./Audience.ts"
import * as Benchmark from "./Benchmark.ts"
import * as ChildHistory from "./ChildHistory.ts"
import * as Council from "./Council.ts"
import * as Governance from "./Governance.ts"
import type * as Indicator from "./Indicator.ts"
import * as IndicatorReference from "./IndicatorReference.ts"
import type * as LocalMeasure from "./LocalMeasure.ts"
import * as LocalReport from "./LocalReport.ts"
import * as MemberReport from "./MemberReport.ts"
import type * as Pledge from "./Pledge.ts"
import * as Priorities from "./Priorities.ts"
import type * as Progress from "./Progress.ts"
import * as ReportingYear from "./ReportingYear.ts"
import * as Return from "./Return.ts"
import * as Returns from "./Returns.ts"
import * as Scorecard from "./Scorecard.ts"
import type * as Strategy from "./Strategy.ts"
import type * as Target from "./Target.ts"
import type * as Voice from "./Voice.ts"
import type * as YouSaidWeDid from "./YouSaidWeDid.ts"

/** The member report cannot be built from what is stored (no scorecard for the year, say). @category errors */
export class ReportNotPossible extends Schema.TaggedError<ReportNotPossible>()("ReportNotPossible", {
  message: Schema.String
}) {}

/** What a council's figures are compared with: England's published figures, then its own. @category models */
export interface Reference {
  readonly targets: ReadonlyArray<Target.Target>
  readonly benchmarks: ReadonlyArray<Benchmark.Benchmark>
}

/**
 * The council's stored targets, and its stored benchmarks after England's published figures (so that its own win for
 * the same comparator), as `cpo indicators --targets --benchmarks` takes them from the council's files.
 * @category getters
 */
export const referenceOf = (
  council: Council.CouncilId
): Effect.Effect<Reference, never, IndicatorReference.IndicatorReference> =>
  Effect.gen(function* () {
    const reference = yield* IndicatorReference.IndicatorReference
    return {
      targets: yield* reference.targets(council),
      benchmarks: [...Benchmark.englandDefaults, ...(yield* reference.benchmarks(council))]
    }
  })

/** A council's strategy and governance, as the report reads them. @category models */
export interface Plan {
  readonly strategy: Strategy.Strategy
  readonly updates: ReadonlyArray<Progress.Update>
  readonly youSaidWeDid: ReadonlyArray<YouSaidWeDid.Entry>
  readonly boards: ReadonlyArray<{
    readonly board: Governance.Board
    readonly meetings: ReadonlyArray<Governance.Meeting>
  }>
}

/**
 * The council's stored plan: its strategy, progress updates, "you said, we did" and boards with their meetings;
 * `None` when it has no strategy.
 * @category getters
 */
export const planOf = (
  council: Council.CouncilId
): Effect.Effect<Option.Option<Plan>, never, Priorities.Priorities | Governance.Boards> =>
  Effect.gen(function* () {
    const priorities = yield* Priorities.Priorities
    const boards = yield* Governance.Boards
    const strategy = yield* priorities.strategy(council).pipe(Effect.option)
    if (Option.isNone(strategy)) return Option.none()
    const stored = yield* boards.list(council)
    return Option.some({
      strategy: strategy.value,
      updates: yield* priorities.updates(council),
      youSaidWeDid: yield* priorities.youSaidWeDid(council),
      boards: yield* Effect.forEach(stored, (board) =>
        Effect.map(Effect.orDie(boards.meetings(council, board.id)), (meetings) => ({ board, meetings }))
      )
    })
  })

/** What a stored scorecard or report is asked for. @category models */
export interface Request {
  readonly council: Council.CouncilId
  readonly year: ReportingYear.ReportingYear
  readonly audience: Audience.Audience
  /** The 0–17 population for rates per 10,000; the council's stored estimate when `None`. */
  readonly population: Option.Option<number>
  /** Targets and benchmarks; the council's stored ones (`referenceOf`) when absent. */
  readonly reference?: Reference | undefined
}

/** The year before `year`, unless `year` is the first a reporting year can be. */
const previousYearOf = (year: ReportingYear.ReportingYear): Option.Option<ReportingYear.ReportingYear> =>
  Schema.decodeUnknownOption(ReportingYear.ReportingYear)(year - 1)

const inputsOf = (
  year: ReportingYear.ReportingYear,
  ret: Return.Return,
  population: Option.Option<number>
): Indicator.Inputs => ({
  year,
  histories: ChildHistory.index(ret),
  tables: Return.suppliedTables(ret),
  population
})

/**
 * The council's current return for the year as indicator inputs (population: `population`, else the council's stored
 * estimate), with the council's record — what a year's scorecard and the year pages' profiles are computed from.
 * @category getters
 */
export const currentInputsOf = (
  council: Council.CouncilId,
  year: ReportingYear.ReportingYear,
  population: Option.Option<number> = Option.none()
): Effect.Effect<
  { readonly record: Council.Council; readonly inputs: Indicator.Inputs },
  Returns.CouncilNotFound | Returns.ReturnNotFound,
  Returns.Returns
> =>
  Effect.gen(function* () {
    const returns = yield* Returns.Returns
    const record = yield* returns.council(council)
    const ret = yield* returns.current(council, year)
    return {
      record,
      inputs: inputsOf(
        year,
        ret,
        Option.orElse(population, () => Council.populationOf(record))
      )
    }
  })

/**
 * The scorecard of the council's current return for the year: the current return of the year before, when there is
 * one, gives each entry its previous value and direction of travel; the reference gives target, RAG and comparators.
 * @category constructors
 */
export const scorecardOf = (
  request: Request
): Effect.Effect<
  Scorecard.Scorecard,
  Returns.CouncilNotFound | Returns.ReturnNotFound,
  Returns.Returns | IndicatorReference.IndicatorReference
> =>
  Effect.gen(function* () {
    const returns = yield* Returns.Returns
    const { record, inputs } = yield* currentInputsOf(request.council, request.year, request.population)
    const population = inputs.population
    const previousYear = previousYearOf(request.year)
    const before = Option.isSome(previousYear)
      ? yield* returns.current(request.council, previousYear.value).pipe(Effect.option)
      : Option.none()
    const reference = request.reference ?? (yield* referenceOf(request.council))
    return Scorecard.make({
      council: record.name,
      audience: request.audience,
      inputs,
      targets: reference.targets,
      benchmarks: reference.benchmarks,
      ...(Option.isSome(previousYear) && Option.isSome(before)
        ? { previous: inputsOf(previousYear.value, before.value, population) }
        : {})
    })
  })

/**
 * The member report of the year: the scorecards of the year and the two before it that have a current return (with
 * the council's targets and benchmarks, so members see RAG against the council's own targets), the cohort profiles
 * at 31 March, the council's local measures, pledges and themes, and its plan (the stored one unless `plan` is given).
 * @category constructors
 */
export const memberReportOf = (
  request: Request & { readonly plan?: Option.Option<Plan> | undefined }
): Effect.Effect<
  MemberReport.Report,
  ReportNotPossible | Returns.CouncilNotFound | Returns.ReturnNotFound,
  | Returns.Returns
  | IndicatorReference.IndicatorReference
  | Priorities.Priorities
  | Governance.Boards
  | LocalMeasure.LocalMeasures
  | Pledge.Pledges
  | Voice.Themes
> =>
  Effect.gen(function* () {
    const returns = yield* Returns.Returns
    const record = yield* returns.council(request.council)
    const population = Option.orElse(request.population, () => Council.populationOf(record))
    const reference = request.reference ?? (yield* referenceOf(request.council))
    const scorecards: Array<Scorecard.Scorecard> = []
    let histories: ReadonlyArray<ChildHistory.ChildHistory> = []
    for (const year of [request.year - 2, request.year - 1, request.year].map(ReportingYear.make)) {
      const ret =
        year === request.year
          ? Option.some(yield* returns.current(request.council, year))
          : yield* returns.current(request.council, year).pipe(Effect.option)
      if (Option.isNone(ret)) continue
      const inputs = inputsOf(year, ret.value, population)
      scorecards.push(
        Scorecard.make({
          council: record.name,
          audience: request.audience,
          inputs,
          targets: reference.targets,
          benchmarks: reference.benchmarks
        })
      )
      if (year === request.year) histories = inputs.histories
    }
    const plan = request.plan ?? (yield* planOf(request.council))
    const local = yield* LocalReport.inputs(request.council)
    return yield* Result.match(
      MemberReport.make({
        council: record.name,
        year: request.year,
        audience: request.audience,
        scorecards: scorecards.map(local.withLocalMeasures),
        measures: local.measures,
        pledges: local.pledges,
        voice: local.voice,
        profiles: MemberReport.profilesAt31March(histories, request.year),
        strategy: Option.map(plan, (p) => p.strategy),
        updates: Option.match(plan, { onNone: () => [], onSome: (p) => p.updates }),
        youSaidWeDid: Option.match(plan, { onNone: () => [], onSome: (p) => p.youSaidWeDid }),
        boards: Option.match(plan, { onNone: () => [], onSome: (p) => p.boards })
      }),
      {
        onFailure: (problem) => Effect.fail(new ReportNotPossible({ message: problem.message })),
        onSuccess: Effect.succeed
      }
    )
  })
