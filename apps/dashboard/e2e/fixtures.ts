/**
 * The data the browser tests run on: the API's plainly fake councils (Fake Borough A and B, 2018), plus a 2017
 * return for Fake Borough A so its scorecard has a trend. Nothing here resembles a real child.
 */

import type { ApiRuntime } from "@cpo/api/runtime"
import { councilA, makeTestRuntime, returnA2018 } from "@cpo/api/testing"
import { CalendarDate, ReportingYear, Returns } from "@cpo/domain"
import { Effect } from "effect"

export { councilA, councilB } from "@cpo/api/testing"

/** Fake Borough A in 2017: only the episodes that had started by 31 March 2017. */
const returnA2017 = (() => {
  const yearEnd = CalendarDate.make("2017-03-31")
  const episodes = returnA2018.episodes.filter((e) => e.start <= yearEnd)
  const children = new Set(episodes.map((e) => e.childId))
  return {
    ...returnA2018,
    year: ReportingYear.make(2017),
    episodes,
    children: returnA2018.children.filter((c) => children.has(c.id))
  }
})()

/** An in-memory store holding both fake councils, Fake Borough A with two years. */
export const makeRuntime = async (): Promise<ApiRuntime> => {
  const runtime = await makeTestRuntime()
  await runtime.runPromise(
    Returns.Returns.use((returns) => returns.importReturn(councilA.id, returnA2017, "fake-a-2017")).pipe(Effect.asVoid)
  )
  return runtime
}
