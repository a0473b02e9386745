/**
 * The scorecard of a council's current return for a year, as the indicators route answers it and as a published
 * snapshot holds it: `Scorecard.make` over the stored return, exactly as `cpo indicators` builds it from files.
 */

import type { Audience } from "@cpo/domain"
import { ChildHistory, type Council, type Indicator, type ReportingYear, Return, Returns, Scorecard } from "@cpo/domain"
import { Effect, Option } from "effect"

/** The tables a stored return holds: Header and Episodes always, the others when the council supplied them. */
export const suppliedTables = (ret: Return.Return): ReadonlySet<Return.TableName> =>
  new Set(
    Return.TableName.literals.filter((t) => {
      const table: unknown = ret[t]
      return !Option.isOption(table) || Option.isSome(table)
    })
  )

/**
 * The scorecard of `council`'s current return for `year`, for `audience`.
 * @category constructors
 */
export const scorecardOf = (options: {
  readonly council: Council.CouncilId
  readonly year: ReportingYear.ReportingYear
  readonly audience: Audience.Audience
  readonly population: Option.Option<number>
}) =>
  Effect.gen(function* () {
    const returns = yield* Returns.Returns
    const record = yield* returns.council(options.council)
    const ret = yield* returns.current(options.council, options.year)
    return Scorecard.make({
      council: record.name,
      audience: options.audience,
      inputs: {
        year: options.year,
        histories: ChildHistory.index(ret),
        tables: suppliedTables(ret),
        population: options.population
      } satisfies Indicator.Inputs
    })
  })
