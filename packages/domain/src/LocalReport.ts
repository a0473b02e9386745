/**
 * What the member report takes from a council's own records beyond the 903: its local measures beside the indicators
 * of each year's scorecard (for that scorecard's audience and year, so suppression matches), the measure definitions
 * a pledge's evidence is followed to, its pledges and the themes young people raised. Read through the
 * `LocalMeasures`, `Pledges` and `Themes` services, so `cpo report` and the API's report route build the same report.
 */
import { Effect } from "effect"
import type * as Council from "./Council.ts"
import * as LocalMeasure from "./LocalMeasure.ts"
import * as MeasureValue from "./MeasureValue.ts"
import * as Pledge from "./Pledge.ts"
import * as ReportingYear from "./ReportingYear.ts"
import * as Scorecard from "./Scorecard.ts"
import * as Voice from "./Voice.ts"

/** @category models */
export interface Inputs {
  /** The scorecard with the council's local measures beside its indicators (unchanged when it keeps none). */
  readonly withLocalMeasures: (card: Scorecard.Scorecard) => Scorecard.Scorecard
  readonly measures: ReadonlyArray<LocalMeasure.Definition>
  readonly pledges: ReadonlyArray<Pledge.Pledge>
  readonly voice: ReadonlyArray<Voice.Theme>
}

/**
 * The council's local measures, pledges and themes for its member report.
 * @category constructors
 */
export const inputs = (
  council: Council.CouncilId
): Effect.Effect<Inputs, never, LocalMeasure.LocalMeasures | Pledge.Pledges | Voice.Themes> =>
  Effect.gen(function* () {
    const store = yield* LocalMeasure.LocalMeasures
    const definitions = yield* store.definitions(council)
    const values = yield* store.values(council)
    const targets = yield* store.targets(council)
    const benchmarks = yield* store.benchmarks(council)
    return {
      withLocalMeasures: (card) =>
        definitions.length === 0
          ? card
          : Scorecard.withLocalMeasures(
              card,
              MeasureValue.entries(definitions, values, {
                audience: card.audience,
                year: ReportingYear.make(card.year),
                targets,
                benchmarks
              })
            ),
      measures: definitions,
      pledges: yield* (yield* Pledge.Pledges).pledges(council),
      voice: yield* (yield* Voice.Themes).themes(council)
    }
  })
