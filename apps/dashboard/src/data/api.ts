/**
 * The one way the dashboard talks to the API: relative URLs (the API serves the built dashboard, and `vite dev`
 * proxies `/v1`), the signed-in token as a bearer header, and every response decoded with a Schema so a page only
 * ever sees well-formed documents. Failures become an `ApiFailure` whose message says what went wrong in words an
 * officer can act on.
 */
import { Result, Schema } from "effect"

/** A request that did not give a usable document. @category errors */
/** Whether `error` is the API's problem of this kind, e.g. `strategy-not-found`. @category predicates */
export const isProblem = (error: unknown, kind: string): boolean =>
  error instanceof ApiFailure && error.problem === `urn:cpo:problem:${kind}`

export class ApiFailure extends Error {
  override readonly name = "ApiFailure"
  readonly path: string
  readonly status: number | undefined
  /** The problem document's type (`urn:cpo:problem:<kind>`), when the API sent one. */
  readonly problem: string | undefined
  constructor(path: string, status: number | undefined, message: string, problem?: string) {
    super(message)
    this.path = path
    this.status = status
    this.problem = problem
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
const Problem = Schema.Struct({
  type: Schema.optionalKey(Schema.String),
  title: Schema.String,
  detail: Schema.optionalKey(Schema.String)
})

const prefixes: Readonly<Record<number, string>> = {
  400: "The request was refused",
  401: "You need to sign in to see this",
  403: "Your account cannot see this",
  404: "Not found",
  409: "This cannot be done at this stage",
  413: "The files are too large",
  // 422 is an upload that cannot be read, or an offer that cannot be approved: the problem's title says which.
  422: "This cannot be accepted"
}

const prefixFor = (status: number): string => prefixes[status] ?? `The server answered ${status}`

/** A failed answer as an `ApiFailure`, with the API's problem title and detail when it sent them. */
const failureOf = (path: string, status: number, json: unknown): ApiFailure => {
  const body = Result.getOrUndefined(Schema.decodeUnknownResult(Problem)(json))
  const detail =
    body === undefined ? undefined : body.detail === undefined ? body.title : `${body.title} (${body.detail})`
  const prefix = prefixFor(status)
  return new ApiFailure(path, status, detail === undefined ? `${prefix}.` : `${prefix}: ${detail}`, body?.type)
}

const decode = <S extends Schema.ConstraintDecoder<unknown>>(
  path: string,
  status: number,
  schema: S,
  json: unknown
): S["Type"] => {
  const decoded = Schema.decodeUnknownResult(schema)(json)
  if (Result.isFailure(decoded)) {
    throw new ApiFailure(path, status, `The API sent a document the dashboard cannot read: ${decoded.failure.message}`)
  }
  return decoded.success
}

/** A successful answer's status and JSON body, not yet decoded. @category models */
export interface Answer {
  readonly status: number
  readonly json: unknown
}

/**
 * GET `path` and read its JSON body, failing as `getJson` does; `decodeJson` decodes it. Apart from `getJson` so that
 * a request can start before the code that decodes its answer has loaded (the scorecard's route preload).
 * @category constructors
 */
export const requestJson = async (path: string): Promise<Answer> => {
  const response = await fetch(path, { headers: headers() }).catch((cause: unknown) => {
    throw new ApiFailure(path, undefined, `The API could not be reached (${String(cause)}).`)
  })
  const json: unknown = await response.json().catch(() => undefined)
  if (!response.ok) throw failureOf(path, response.status, json)
  if (json === undefined) throw new ApiFailure(path, response.status, `The API sent something that is not JSON.`)
  return { status: response.status, json }
}

/** Decode an answer to GET `path` with `schema`. @category decoding */
export const decodeJson = <S extends Schema.ConstraintDecoder<unknown>>(
  path: string,
  answer: Answer,
  schema: S
): S["Type"] => decode(path, answer.status, schema, answer.json)

/**
 * GET `path` and decode the JSON body with `schema`.
 * @category constructors
 */
export const getJson = async <S extends Schema.ConstraintDecoder<unknown>>(
  path: string,
  schema: S
): Promise<S["Type"]> => decodeJson(path, await requestJson(path), schema)

/** How far an upload has got: bytes sent of the total, then waiting for the API to finish. @category models */
export type UploadProgress =
  | { readonly stage: "uploading"; readonly sent: number; readonly total: number }
  | { readonly stage: "processing" }

/**
 * POST `form` (multipart) to `path`, reporting upload progress, and decode the JSON answer with `schema`. Uses
 * XMLHttpRequest because `fetch` cannot report upload progress.
 * @category constructors
 */
export const postForm = <S extends Schema.ConstraintDecoder<unknown>>(
  path: string,
  form: FormData,
  schema: S,
  onProgress: (progress: UploadProgress) => void
): Promise<S["Type"]> =>
  new Promise((resolve, reject) => {
    const request = new XMLHttpRequest()
    request.open("POST", path)
    request.responseType = "json"
    request.setRequestHeader("accept", "application/json")
    const bearer = token()
    if (bearer !== undefined) request.setRequestHeader("authorization", `Bearer ${bearer}`)
    request.upload.onprogress = (event) => {
      if (event.lengthComputable) onProgress({ stage: "uploading", sent: event.loaded, total: event.total })
    }
    request.upload.onload = () => onProgress({ stage: "processing" })
    request.onerror = () => reject(new ApiFailure(path, undefined, "The API could not be reached."))
    request.onload = () => {
      const json: unknown = request.response
      if (request.status < 200 || request.status >= 300) reject(failureOf(path, request.status, json))
      else if (json === null) reject(new ApiFailure(path, request.status, "The API sent something that is not JSON."))
      else {
        const decoded = Schema.decodeUnknownResult(schema)(json)
        if (Result.isSuccess(decoded)) resolve(decoded.success)
        else
          reject(
            new ApiFailure(
              path,
              request.status,
              `The API sent a document the dashboard cannot read: ${decoded.failure.message}`
            )
          )
      }
    }
    request.send(form)
  })

/** Send a write to `path` and decode its JSON answer with `schema`; a refusal becomes an `ApiFailure`. */
const write = async <S extends Schema.ConstraintDecoder<unknown>>(
  path: string,
  init: { readonly method: string; readonly contentType: string; readonly body: string },
  schema: S
): Promise<S["Type"]> => {
  const response = await fetch(path, {
    method: init.method,
    headers: { ...headers(), "content-type": init.contentType },
    body: init.body
  }).catch((cause: unknown) => {
    throw new ApiFailure(path, undefined, `The API could not be reached (${String(cause)}).`)
  })
  const json: unknown = await response.json().catch(() => undefined)
  if (!response.ok) throw failureOf(path, response.status, json)
  if (json === undefined) throw new ApiFailure(path, response.status, `The API sent something that is not JSON.`)
  return decode(path, response.status, schema, json)
}

/**
 * POST `body` as JSON to `path` and decode the JSON answer with `schema`. A refusal
 * becomes an `ApiFailure` carrying the API's problem title and detail, so a form can show it in its error summary.
 * @category constructors
 */
export const sendJson = <S extends Schema.ConstraintDecoder<unknown>>(
  path: string,
  body: unknown,
  schema: S
): Promise<S["Type"]> =>
  write(path, { method: "POST", contentType: "application/json", body: JSON.stringify(body) }, schema)

/**
 * PUT `text` as a CSV file (`text/csv`) to `path` and decode the JSON answer with `schema`; a refusal becomes an
 * `ApiFailure` carrying the API's problem title and detail (for a bad file, its line and column).
 * @category constructors
 */
export const putCsv = <S extends Schema.ConstraintDecoder<unknown>>(
  path: string,
  text: string,
  schema: S
): Promise<S["Type"]> => write(path, { method: "PUT", contentType: "text/csv", body: text }, schema)

/** GET `path` accepting `accept`, with the bearer token; a refusal or no answer becomes an `ApiFailure`. */
const getAccepting = async (path: string, accept: string): Promise<Response> => {
  const bearer = token()
  const response = await fetch(path, {
    headers: bearer === undefined ? { accept } : { accept, authorization: `Bearer ${bearer}` }
  }).catch((cause: unknown) => {
    throw new ApiFailure(path, undefined, `The API could not be reached (${String(cause)}).`)
  })
  if (!response.ok) throw failureOf(path, response.status, await response.json().catch(() => undefined))
  return response
}

/**
 * GET `path` as text of the type `accept` (a report as HTML or Markdown), with the bearer token.
 * @category constructors
 */
export const getText = async (path: string, accept: string): Promise<string> =>
  (await getAccepting(path, accept)).text()

/**
 * GET `path` as a file of the type `accept` (a spreadsheet), with the bearer token.
 * @category constructors
 */
export const getBlob = async (path: string, accept: string): Promise<Blob> => (await getAccepting(path, accept)).blob()
