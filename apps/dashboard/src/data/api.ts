/**
 * The one way the dashboard talks to the API: relative URLs (the API serves the built dashboard, and `vite dev`
 * proxies `/v1`), the signed-in token as a bearer header, and every response decoded with a Schema so a page only
 * ever sees well-formed documents. Failures become an `ApiFailure` whose message says what went wrong in words an
 * officer can act on.
 */
import { Result, Schema } from "effect"

/** A request that did not give a usable document. @category errors */
export class ApiFailure extends Error {
  override readonly name = "ApiFailure"
  readonly path: string
  readonly status: number | undefined
  constructor(path: string, status: number | undefined, message: string) {
    super(message)
    this.path = path
    this.status = status
  }
}

const tokenKey = "cpo.token"

/** The bearer token kept for this browser tab, if signed in. @category getters */
export const token = (): string | undefined => sessionStorage.getItem(tokenKey) ?? undefined

/** Keep (or with `undefined`, forget) the bearer token for this tab. @category constructors */
export const setToken = (value: string | undefined): void =>
  value === undefined ? sessionStorage.removeItem(tokenKey) : sessionStorage.setItem(tokenKey, value)

const headers = (): HeadersInit => {
  const bearer = token()
  return bearer === undefined
    ? { accept: "application/json" }
    : { accept: "application/json", authorization: `Bearer ${bearer}` }
}

/** The API's problem document (RFC 9457), as far as the dashboard shows it. */
const Problem = Schema.Struct({ title: Schema.String, detail: Schema.optionalKey(Schema.String) })

const explain = async (path: string, response: Response): Promise<ApiFailure> => {
  const body = await response.json().then(
    (json: unknown) => Result.getOrUndefined(Schema.decodeUnknownResult(Problem)(json)),
    () => undefined
  )
  const detail =
    body === undefined ? undefined : body.detail === undefined ? body.title : `${body.title} (${body.detail})`
  const prefix =
    response.status === 401
      ? "You need to sign in to see this"
      : response.status === 403
        ? "Your account cannot see this"
        : response.status === 404
          ? "Not found"
          : `The server answered ${response.status}`
  return new ApiFailure(path, response.status, detail === undefined ? `${prefix}.` : `${prefix}: ${detail}`)
}

/**
 * GET `path` and decode the JSON body with `schema`.
 * @category constructors
 */
export const getJson = async <S extends Schema.ConstraintDecoder<unknown>>(
  path: string,
  schema: S
): Promise<S["Type"]> => {
  const response = await fetch(path, { headers: headers() }).catch((cause: unknown) => {
    throw new ApiFailure(path, undefined, `The API could not be reached (${String(cause)}).`)
  })
  if (!response.ok) throw await explain(path, response)
  const json: unknown = await response.json().catch(() => {
    throw new ApiFailure(path, response.status, `The API sent something that is not JSON for ${path}.`)
  })
  const decoded = Schema.decodeUnknownResult(schema)(json)
  if (Result.isFailure(decoded)) {
    throw new ApiFailure(
      path,
      response.status,
      `The API sent a document the dashboard cannot read: ${decoded.failure.message}`
    )
  }
  return decoded.success
}
