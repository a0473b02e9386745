/**
 * The young people the local offer serves, as a council's stored returns describe them: each child of a return seen
 * through `Eligibility.fromHistory` on a day. Apart from `Eligibility` so that the pages that evaluate conditions in
 * the browser do not carry the returns service with them.
 */
import { Effect, Option } from "effect"
import type * as CalendarDate from "./CalendarDate.ts"
import * as ChildHistory from "./ChildHistory.ts"
import type * as Council from "./Council.ts"
import * as Eligibility from "./Eligibility.ts"
import * as ReportingYear from "./ReportingYear.ts"
import type { Return } from "./Return.ts"
import * as Returns from "./Returns.ts"

/**
 * The young people of a return as the offer sees them on `on`.
 * @category getters
 */
export const ofReturn = (ret: Return, on: CalendarDate.CalendarDate): ReadonlyArray<Eligibility.YoungPerson> =>
  ChildHistory.index(ret).flatMap((h) => Option.toArray(Eligibility.fromHistory(h, on)))

/**
 * A young person as the offer sees them on `on`, from the current return of the newest stored year that started by
 * then and holds them; `None` when no such return does. Each return read is audited by the store under the caller.
 * @category getters
 */
export const fromStore = (
  council: Council.CouncilId,
  childId: string,
  on: CalendarDate.CalendarDate
): Effect.Effect<Option.Option<Eligibility.YoungPerson>, Returns.CouncilNotFound, Returns.Returns> =>
  Effect.gen(function* () {
    const returns = yield* Returns.Returns
    // Newest year first, stopping at the first return that has the child.
    for (const year of (yield* returns.years(council)).filter((y) => ReportingYear.start(y) <= on)) {
      const ret = yield* returns.current(council, year).pipe(
        Effect.map(Option.some),
        Effect.catchTag("ReturnNotFound", () => Effect.succeed(Option.none<Return>()))
      )
      const person = Option.flatMap(ret, (r) =>
        Option.flatMap(Option.fromNullishOr(ChildHistory.index(r).find((h) => h.childId === childId)), (h) =>
          Eligibility.fromHistory(h, on)
        )
      )
      if (Option.isSome(person)) return person
    }
    return Option.none()
  })
