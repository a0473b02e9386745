/**
 * Local measures (issue 15), over the store's `LocalMeasures` as `cpo measures` uses them.
 *
 * - `GET …/measures?year=[&asOf=][&audience=]`: each measure as the scorecard publishes it (`MeasureValue.entries`):
 *   year to date, latest period, rolling twelve months, target, RAG, direction and trend — suppressed for members and
 *   the public, whose audience their role forces (`authorization.ts`)
 * - `POST …/measures`: define a measure (create or replace)
 * - `GET …/measures/:measure/values`: the exact figures recorded (officers and analysts)
 * - `POST …/measures/values`: record figures, and optionally targets and benchmarks
 */
import { AuditLog, LocalMeasure, MeasureValue, UserRole } from "@cpo/domain"
import type { Store } from "@cpo/store"
import { Effect, Exit, Option, type Schema } from "effect"
import { type Context, Hono } from "hono"
import { endpoints } from "../endpoints.ts"
import { guard, validate } from "../middleware.ts"
import * as Problem from "../problem.ts"
import { answer, callerOf, type Deps } from "../run.ts"
import type { ApiEnv } from "../runtime.ts"

/** The problem for an error of local measures, if it is one. */
const ownProblem = (c: Context<ApiEnv>, error: unknown): Option.Option<Response> => {
  if (error instanceof LocalMeasure.UnknownMeasure) {
    return Option.some(
      Problem.respond(c, "unknown-measure", {
        detail: error.message,
        errors: [{ in: "body", field: "measure", message: error.message }]
      })
    )
  }
  if (error instanceof LocalMeasure.InvalidMeasure) {
    return Option.some(
      Problem.respond(c, "invalid-measure", {
        detail: error.message,
        errors: error.problems.map((message) => ({ in: "body" as const, field: "measure", message }))
      })
    )
  }
  return Option.none()
}

/**
 * Run `effect` and answer like `answer`, with the route's own problems (`extra`) and the errors of local measures
 * mapped here; any other failure is answered by `answer`.
 */
export const answerWith = async <A, E>(
  c: Context<ApiEnv>,
  deps: Deps,
  effect: Effect.Effect<A, E, Store.Services>,
  schema: Schema.Codec<A, unknown>,
  status: 200 | 201,
  extra: (c: Context<ApiEnv>, error: unknown) => Option.Option<Response> = () => Option.none()
): Promise<Response> => {
  const exit = await deps.runtime.runPromiseExit(Effect.exit(effect))
  if (Exit.isSuccess(exit) && Exit.isFailure(exit.value)) {
    const error = Option.getOrUndefined(Exit.findErrorOption(exit.value))
    if (error !== undefined) {
      const known = Option.orElse(extra(c, error), () => ownProblem(c, error))
      if (Option.isSome(known)) return known.value
    }
  }
  const settled: Effect.Effect<A, unknown> = Exit.isSuccess(exit) ? exit.value : Effect.failCause(exit.cause)
  return answer(c, deps, settled, schema, status)
}

export const measures = (deps: Deps) =>
  new Hono<ApiEnv>()
    .get(
      endpoints.measures.path,
      guard("measures"),
      validate("param", endpoints.measures.params),
      validate("query", endpoints.measures.query),
      (c) => {
        const { council } = c.req.valid("param")
        const query = c.req.valid("query")
        const audience = UserRole.audienceFor(c.get("principal").role, query.audience)
        const program = Effect.gen(function* () {
          const store = yield* LocalMeasure.LocalMeasures
          const definitions = yield* store.definitions(council)
          return {
            council,
            year: query.year,
            audience,
            measures: MeasureValue.entries(definitions, yield* store.values(council), {
              audience,
              year: query.year,
              targets: yield* store.targets(council),
              benchmarks: yield* store.benchmarks(council),
              ...(query.asOf === undefined ? {} : { asOf: query.asOf })
            }),
            templates: LocalMeasure.templates
              .filter((t) => !definitions.some((d) => d.id === t.id))
              .map((t) => ({ id: t.id, title: t.title, frequency: t.frequency }))
          }
        }).pipe(AuditLog.withCaller(callerOf(c, endpoints.measures, council)))
        return answerWith(c, deps, program, endpoints.measures.response, 200)
      }
    )
    .post(
      endpoints.defineMeasure.path,
      guard("defineMeasure"),
      validate("param", endpoints.defineMeasure.params),
      validate("json", endpoints.defineMeasure.body.schema),
      (c) => {
        const { council } = c.req.valid("param")
        // The council is the one in the path (which the caller is bound to), never one named in the body.
        const definition: LocalMeasure.Definition = { ...c.req.valid("json"), council }
        const program = LocalMeasure.LocalMeasures.use((store) => store.define(definition)).pipe(
          Effect.as(definition),
          AuditLog.withCaller(callerOf(c, endpoints.defineMeasure, council))
        )
        return answerWith(c, deps, program, LocalMeasure.Definition, 201)
      }
    )
    .post(
      endpoints.recordMeasureValues.path,
      guard("recordMeasureValues"),
      validate("param", endpoints.recordMeasureValues.params),
      validate("json", endpoints.recordMeasureValues.body.schema),
      (c) => {
        const { council } = c.req.valid("param")
        const body = c.req.valid("json")
        const program = Effect.gen(function* () {
          const store = yield* LocalMeasure.LocalMeasures
          const recorded = yield* store.recordValues(council, body.values)
          if (body.targets !== undefined) yield* store.setTargets(council, body.targets)
          if (body.benchmarks !== undefined) yield* store.setBenchmarks(council, body.benchmarks)
          return { recorded }
        }).pipe(AuditLog.withCaller(callerOf(c, endpoints.recordMeasureValues, council)))
        return answerWith(c, deps, program, endpoints.recordMeasureValues.response, 201)
      }
    )
    .get(
      endpoints.measureValues.path,
      guard("measureValues"),
      validate("param", endpoints.measureValues.params),
      (c) => {
        const { council, measure } = c.req.valid("param")
        const program = Effect.gen(function* () {
          const store = yield* LocalMeasure.LocalMeasures
          if (!(yield* store.definitions(council)).some((d) => d.id === measure)) {
            return yield* new LocalMeasure.UnknownMeasure({ council, measure })
          }
          return {
            values: (yield* store.values(council)).filter((v) => v.measure === measure),
            targets: (yield* store.targets(council)).filter((t) => (t.indicator as string) === measure),
            benchmarks: (yield* store.benchmarks(council)).filter((b) => (b.indicator as string) === measure)
          }
        }).pipe(AuditLog.withCaller(callerOf(c, endpoints.measureValues, council)))
        return answerWith(c, deps, program, endpoints.measureValues.response, 200, (c, error) =>
          error instanceof LocalMeasure.UnknownMeasure
            ? Option.some(Problem.respond(c, "measure-not-found", { detail: error.message }))
            : Option.none()
        )
      }
    )
