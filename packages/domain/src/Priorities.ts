/**
 * Where a council's corporate parenting strategy, its progress updates and its "you said, we did" entries are kept.
 * The domain declares the service; `@cpo/store` provides it on PGlite or PostgreSQL and `layerMemory` keeps them in
 * memory for tests. Progress updates are only ever added, so the RAG history is complete.
 */
import { Context, Effect, Layer, Option, Ref, Schema } from "effect"
import type * as Council from "./Council.ts"
import type * as Progress from "./Progress.ts"
import * as Strategy from "./Strategy.ts"
import type * as YouSaidWeDid from "./YouSaidWeDid.ts"

/** @category errors */
export class StrategyNotFound extends Schema.TaggedError<StrategyNotFound>()("StrategyNotFound", {
  council: Schema.String
}) {}

/** @category errors */
export class InvalidStrategy extends Schema.TaggedError<InvalidStrategy>()("InvalidStrategy", {
  strategy: Schema.String,
  problems: Schema.Array(Schema.String)
}) {
  override get message(): string {
    return `strategy ${this.strategy}: ${this.problems.join("; ")}`
  }
}

/** An update or entry names a priority or action the current strategy does not have. @category errors */
export class UnknownPriorityOrAction extends Schema.TaggedError<UnknownPriorityOrAction>()("UnknownPriorityOrAction", {
  council: Schema.String,
  id: Schema.String
}) {
  override get message(): string {
    return `${this.council}: no priority or action ${this.id} in the current strategy`
  }
}

/** @category services */
export class Priorities extends Context.Service<
  Priorities,
  {
    /** Create or replace the council's strategy (matched by id), keeping the progress history of kept actions. */
    readonly saveStrategy: (strategy: Strategy.Strategy) => Effect.Effect<void, InvalidStrategy>
    /** The council's current strategy: the one whose period ends last. */
    readonly strategy: (council: Council.CouncilId) => Effect.Effect<Strategy.Strategy, StrategyNotFound>
    readonly recordUpdate: (update: Progress.Update) => Effect.Effect<void, StrategyNotFound | UnknownPriorityOrAction>
    /** All updates of the council, oldest first. */
    readonly updates: (council: Council.CouncilId) => Effect.Effect<ReadonlyArray<Progress.Update>>
    readonly recordYouSaidWeDid: (
      entry: YouSaidWeDid.Entry
    ) => Effect.Effect<void, StrategyNotFound | UnknownPriorityOrAction>
    readonly youSaidWeDid: (council: Council.CouncilId) => Effect.Effect<ReadonlyArray<YouSaidWeDid.Entry>>
  }
>()("@cpo/domain/Priorities") {}

/**
 * The strategy, or `InvalidStrategy` listing its problems.
 * @category constructors
 */
export const validate = (strategy: Strategy.Strategy): Effect.Effect<Strategy.Strategy, InvalidStrategy> => {
  const problems = Strategy.problems(strategy)
  return problems.length === 0
    ? Effect.succeed(strategy)
    : Effect.fail(
        new InvalidStrategy({ strategy: strategy.id, problems: problems.map((p) => `${p.at}: ${p.message}`) })
      )
}

/**
 * Check that an update names a priority of the strategy, and an action of that priority.
 * @category constructors
 */
export const checkUpdate = (
  strategy: Strategy.Strategy,
  update: Progress.Update
): Effect.Effect<Progress.Update, UnknownPriorityOrAction> => {
  const priority = Strategy.priorityById(strategy, update.priority)
  if (Option.isNone(priority)) {
    return Effect.fail(new UnknownPriorityOrAction({ council: update.council, id: update.priority }))
  }
  const action = Option.getOrUndefined(update.action)
  if (action !== undefined && !priority.value.actions.some((a) => a.id === action)) {
    return Effect.fail(new UnknownPriorityOrAction({ council: update.council, id: action }))
  }
  return Effect.succeed(update)
}

/**
 * Check that an entry's priorities are in the strategy.
 * @category constructors
 */
export const checkYouSaidWeDid = (
  strategy: Strategy.Strategy,
  entry: YouSaidWeDid.Entry
): Effect.Effect<YouSaidWeDid.Entry, UnknownPriorityOrAction> => {
  const unknown = entry.priorities.find((p) => Option.isNone(Strategy.priorityById(strategy, p)))
  return unknown === undefined
    ? Effect.succeed(entry)
    : Effect.fail(new UnknownPriorityOrAction({ council: entry.council, id: unknown }))
}

/**
 * The current strategy among several: the one whose period ends last.
 * @category getters
 */
export const current = (strategies: ReadonlyArray<Strategy.Strategy>): Option.Option<Strategy.Strategy> =>
  Option.fromNullishOr(
    [...strategies].sort((a, b) => (a.period.end < b.period.end ? -1 : a.period.end > b.period.end ? 1 : 0)).at(-1)
  )

interface MemoryState {
  readonly strategies: ReadonlyArray<Strategy.Strategy>
  readonly updates: ReadonlyArray<Progress.Update>
  readonly youSaidWeDid: ReadonlyArray<YouSaidWeDid.Entry>
}

/**
 * Priorities kept in memory, for tests and for reports built from files.
 * @category layers
 */
export const layerMemory: Layer.Layer<Priorities> = Layer.effect(
  Priorities,
  Effect.gen(function* () {
    const state = yield* Ref.make<MemoryState>({ strategies: [], updates: [], youSaidWeDid: [] })
    const strategy = (council: Council.CouncilId) =>
      Effect.flatMap(Ref.get(state), (s) =>
        Option.match(current(s.strategies.filter((x) => x.council === council)), {
          onNone: () => Effect.fail(new StrategyNotFound({ council })),
          onSome: Effect.succeed
        })
      )
    return Priorities.of({
      saveStrategy: (input) =>
        Effect.flatMap(validate(input), (valid) =>
          Ref.update(state, (s) => ({
            ...s,
            strategies: [...s.strategies.filter((x) => !(x.council === valid.council && x.id === valid.id)), valid]
          }))
        ),
      strategy,
      recordUpdate: (update) =>
        Effect.gen(function* () {
          yield* checkUpdate(yield* strategy(update.council), update)
          yield* Ref.update(state, (s) => ({ ...s, updates: [...s.updates, update] }))
        }),
      updates: (council) =>
        Effect.map(Ref.get(state), (s) =>
          s.updates.filter((u) => u.council === council).sort((a, b) => (a.on < b.on ? -1 : a.on > b.on ? 1 : 0))
        ),
      recordYouSaidWeDid: (entry) =>
        Effect.gen(function* () {
          yield* checkYouSaidWeDid(yield* strategy(entry.council), entry)
          yield* Ref.update(state, (s) => ({ ...s, youSaidWeDid: [...s.youSaidWeDid, entry] }))
        }),
      youSaidWeDid: (council) =>
        Effect.map(Ref.get(state), (s) =>
          s.youSaidWeDid.filter((e) => e.council === council).sort((a, b) => (a.on < b.on ? -1 : 1))
        )
    })
  })
)
