/**
 * The API over the seeded fake store, opened around one Vitest file, and what the edge builds are held to: the Node
 * API's answers to a public caller. Kept apart from `testing.ts`, which the dashboard's end-to-end tests and the
 * benchmarks import outside Vitest.
 */
import type { Store } from "@cpo/store"
import type { Effect } from "effect"
import { afterAll, beforeAll } from "vitest"
import { makeApp } from "./app.ts"
import type { ApiRuntime } from "./runtime.ts"
import { bearer, councilA, councilB, makeTestRuntime, secret } from "./testing.ts"

/** The app the tests drive: over `runtime`, taking tokens signed with the test secret, logging nothing. */
export const testApp = (runtime: ApiRuntime) => makeApp({ runtime, jwtSecret: secret, log: () => {} })

/**
 * Open `makeTestRuntime()`, with what `seed` adds, before the file's tests, and dispose of it after them.
 * `runtime()` is the open runtime; `app()` a new `testApp` over it (so with a cold scorecard cache).
 */
export const seededApi = (seed?: Effect.Effect<unknown, unknown, Store.Services>) => {
  let opened: ApiRuntime | undefined
  const runtime = (): ApiRuntime => {
    if (opened === undefined) throw new Error("the seeded API is open only while the file's tests run")
    return opened
  }
  beforeAll(async () => {
    opened = await makeTestRuntime()
    if (seed !== undefined) await opened.runPromise(seed)
  }, 120_000)
  afterAll(() => runtime().dispose())
  return { runtime, app: () => testApp(runtime()) }
}

/** A council no store or snapshot holds. */
export const unknownCouncil = "fake-borough-z"

/** Every public route, with what a public caller may ask of it, and its failures. */
export const publicRequests: ReadonlyArray<{ readonly path: string; readonly accept?: string }> = [
  { path: "/health" },
  { path: `/v1/councils/${councilA.id}` },
  { path: `/v1/councils/${unknownCouncil}` },
  { path: `/v1/councils/${councilA.id}/indicators?year=2018` },
  { path: `/v1/councils/${councilB.id}/indicators?year=2018&audience=officer` },
  { path: `/v1/councils/${councilA.id}/indicators?year=2019` },
  { path: `/v1/councils/${councilA.id}/indicators?year=abc` },
  { path: `/v1/councils/${unknownCouncil}/indicators?year=2018` },
  { path: `/v1/councils/${councilA.id}/offer` },
  { path: `/v1/councils/${councilB.id}/offer?on=2018-03-31` },
  { path: `/v1/councils/${councilA.id}/offer`, accept: "text/html" },
  { path: `/v1/councils/${councilA.id}/offer`, accept: "text/html,application/xhtml+xml" },
  { path: `/v1/councils/${councilA.id}/offer.html?on=2018-03-31` },
  { path: `/v1/councils/${councilA.id}/offer?on=2016-01-01` },
  { path: `/v1/councils/${councilA.id}/offer?on=31-03-2018` },
  { path: `/v1/councils/${unknownCouncil}/offer` },
  { path: `/v1/councils/${councilA.id}/reports/member?year=2018` },
  { path: `/v1/councils/${councilA.id}/reports/member?year=2018&format=md&audience=officer` },
  { path: `/v1/councils/${councilB.id}/reports/member?year=2018&format=md` },
  { path: `/v1/councils/${councilA.id}/reports/member?year=2019` },
  { path: `/v1/councils/${councilA.id}/reports/member?year=2018&format=pdf` },
  { path: `/v1/councils/${unknownCouncil}/reports/member?year=2018` },
  { path: "/v1/nothing-here" }
]

/** A response (from Hono, a fetch handler or Miniflare) without what legitimately differs per request: its id. */
export const comparable = async (res: {
  status: number
  headers: { get(name: string): string | null }
  text(): Promise<string>
}) => {
  const contentType = res.headers.get("content-type")
  const text = await res.text()
  if (contentType?.includes("json") !== true) return { status: res.status, contentType, body: text }
  const { requestId: _requestId, ...rest } = JSON.parse(text) as Record<string, unknown>
  return { status: res.status, contentType, body: rest }
}

/** Each public request, with its headers (no credential) and the Node API's answer to a public caller over `runtime`. */
export const publicAnswers = async (runtime: ApiRuntime) => {
  const node = testApp(runtime)
  const token = await bearer("public", [councilA.id, councilB.id, unknownCouncil as never])
  const answers: Array<{
    path: string
    headers: Record<string, string>
    expected: Awaited<ReturnType<typeof comparable>>
  }> = []
  for (const { path, accept } of publicRequests) {
    const headers: Record<string, string> = accept === undefined ? {} : { accept }
    answers.push({
      path,
      headers,
      expected: await comparable(await node.request(path, { headers: { ...token, ...headers } }))
    })
  }
  return answers
}
