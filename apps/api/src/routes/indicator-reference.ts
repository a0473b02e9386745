/**
 * `GET/PUT /v1/councils/:council/indicators/targets` and `…/indicators/benchmarks`: the council's targets and its own
 * benchmarks for the catalogue indicators, which give the scorecard its target, RAG and comparators beside England's.
 * A PUT takes the council's CSV file as text (`text/csv`), read by the same domain parser as
 * `cpo indicators --targets` / `--benchmarks`; a bad file is answered with its file, line and column and stores
 * nothing, a good one replaces the council's whole list at once and the council's cached scorecards are dropped.
 */
import { AuditLog, Benchmark, type Council, type CsvTable, IndicatorReference, Returns, Target } from "@cpo/domain"
import { Effect, Result, type Schema } from "effect"
import { type Context, Hono } from "hono"
import { bodyLimit } from "hono/body-limit"
import { type Endpoint, endpoints } from "../endpoints.ts"
import { guard, validate } from "../middleware.ts"
import * as Problem from "../problem.ts"
import { answer, callerOf, type Deps } from "../run.ts"
import type { ApiEnv } from "../runtime.ts"

/** The largest targets or benchmarks file accepted: far above any council's list (a few hundred rows). */
export const maxReferenceCsvBytes = 1024 * 1024

/** The CSV text of the request, or the problem to answer when it is not sent as `text/csv`. */
const csvOf = async (c: Context<ApiEnv>): Promise<string | Response> => {
  const type = (c.req.header("content-type") ?? "").split(";")[0]?.trim().toLowerCase()
  if (type !== "text/csv") {
    return Problem.respond(c, "malformed-body", {
      detail: "send the file as the request body with content-type text/csv",
      errors: [{ in: "header", field: "content-type", message: "must be text/csv" }]
    })
  }
  return c.req.text()
}

/** The problem for a file the domain parser refuses: its file, line and column, as the CLI reports it. */
const invalidFile = (c: Context<ApiEnv>, error: CsvTable.CsvTableInvalid): Response =>
  Problem.respond(c, "validation-failed", {
    detail: error.message,
    errors: [
      {
        in: "body",
        field: `line ${error.line}${error.column === undefined ? "" : `, ${error.column}`}`,
        message: error.message
      }
    ]
  })

/**
 * A GET and a PUT for one reference list: `parse` reads the file, `replace` stores it, `read` answers the stored list.
 */
const referenceRoutes = <A, Out>(
  deps: Deps,
  options: {
    readonly get: "indicatorTargets" | "indicatorBenchmarks"
    readonly put: "replaceIndicatorTargets" | "replaceIndicatorBenchmarks"
    readonly file: string
    readonly parse: (text: string, file: string) => Result.Result<ReadonlyArray<A>, CsvTable.CsvTableInvalid>
    readonly read: (
      reference: IndicatorReference.IndicatorReference["Service"],
      council: Council.CouncilId
    ) => Effect.Effect<ReadonlyArray<A>>
    readonly replace: (
      reference: IndicatorReference.IndicatorReference["Service"],
      council: Council.CouncilId,
      list: ReadonlyArray<A>
    ) => Effect.Effect<void>
    readonly answerOf: (list: ReadonlyArray<A>) => Out
    readonly schema: Schema.Codec<Out, unknown>
  }
) => {
  const program = (c: Context<ApiEnv>, endpoint: Endpoint, council: Council.CouncilId, list?: ReadonlyArray<A>) =>
    Effect.gen(function* () {
      yield* Returns.Returns.use((returns) => returns.council(council))
      const reference = yield* IndicatorReference.IndicatorReference
      if (list !== undefined) {
        yield* options.replace(reference, council, list)
        deps.scorecards.forget(council)
      }
      return options.answerOf(yield* options.read(reference, council))
    }).pipe(AuditLog.withCaller(callerOf(c, endpoint, council)))
  const limit = bodyLimit({
    maxSize: maxReferenceCsvBytes,
    onError: (c) =>
      Problem.respond(c as Context<ApiEnv>, "payload-too-large", {
        detail: `a ${options.file} file is limited to ${maxReferenceCsvBytes} bytes`
      })
  })
  const get = endpoints[options.get]
  const put = endpoints[options.put]
  return new Hono<ApiEnv>()
    .get(get.path, guard(options.get), validate("param", get.params), (c) => {
      const { council } = c.req.valid("param")
      return answer(c, deps, program(c, get, council), options.schema)
    })
    .put(put.path, guard(options.put), limit, validate("param", put.params), async (c) => {
      const { council } = c.req.valid("param")
      const text = await csvOf(c)
      if (text instanceof Response) return text
      const parsed = options.parse(text, options.file)
      if (Result.isFailure(parsed)) return invalidFile(c, parsed.failure)
      return answer(c, deps, program(c, put, council, parsed.success), options.schema)
    })
}

export const indicatorReference = (deps: Deps) =>
  new Hono<ApiEnv>()
    .route(
      "/",
      referenceRoutes(deps, {
        get: "indicatorTargets",
        put: "replaceIndicatorTargets",
        file: "targets.csv",
        parse: Target.fromCsv,
        read: (reference, council) => reference.targets(council),
        replace: (reference, council, list) => reference.replaceTargets(council, list),
        answerOf: (targets) => ({ targets }),
        schema: Target.IndicatorTargets
      })
    )
    .route(
      "/",
      referenceRoutes(deps, {
        get: "indicatorBenchmarks",
        put: "replaceIndicatorBenchmarks",
        file: "benchmarks.csv",
        parse: Benchmark.fromCsv,
        read: (reference, council) => reference.benchmarks(council),
        replace: (reference, council, list) => reference.replaceBenchmarks(council, list),
        answerOf: (benchmarks) => ({ benchmarks }),
        schema: Benchmark.IndicatorBenchmarks
      })
    )
