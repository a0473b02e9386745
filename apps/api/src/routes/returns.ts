/**
 * A council's 903 returns: `GET /v1/councils/:council/returns` lists every import (no child-level data);
 * `POST /v1/councils/:council/returns/:year` uploads a year's files (multipart, field `files`) and imports them as
 * that year's current return, atomically, exactly as `cpo import` does, answering the DfE validation report with the
 * import; `POST …/:year/validation` answers the report without importing anything. Uploads are limited in size
 * (`CPO_MAX_UPLOAD_BYTES`).
 */
import { AuditLog, type Council, Returns } from "@cpo/domain"
import { Ssda903, Validation } from "@cpo/ssda903"
import { Effect } from "effect"
import { type Context, Hono } from "hono"
import { bodyLimit } from "hono/body-limit"
import { endpoints, ImportResult } from "../endpoints.ts"
import { guard, validate } from "../middleware.ts"
import * as Problem from "../problem.ts"
import { answer, callerOf, type Deps } from "../run.ts"
import type { ApiEnv } from "../runtime.ts"

/** An uploaded 903 file. */
interface Upload {
  readonly name: string
  readonly bytes: Uint8Array
}

/**
 * SHA-256 over the files' names and bytes in name order — the same checksum `cpo import` computes, so the same
 * files imported by either route are recognised.
 */
export const checksumOf = async (files: ReadonlyArray<Upload>): Promise<string> => {
  const encoder = new TextEncoder()
  const nul = new Uint8Array([0])
  const parts = [...files]
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
    .flatMap((f) => [encoder.encode(f.name), nul, f.bytes, nul])
  const joined = new Uint8Array(parts.reduce((n, p) => n + p.length, 0))
  parts.reduce((offset, p) => {
    joined.set(p, offset)
    return offset + p.length
  }, 0)
  const digest = await crypto.subtle.digest("SHA-256", joined)
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, "0")).join("")
}

/** The files of a multipart body, or the problem to answer. */
const uploadsOf = async (c: Context<ApiEnv>): Promise<ReadonlyArray<Upload> | Response> => {
  if (!(c.req.header("content-type") ?? "").toLowerCase().startsWith("multipart/form-data")) {
    return Problem.respond(c, "no-files", { detail: "send the files as multipart/form-data in the field files" })
  }
  let form: Record<string, unknown>
  try {
    form = await c.req.parseBody({ all: true })
  } catch {
    return Problem.respond(c, "malformed-body", { detail: "the multipart body cannot be read" })
  }
  const field = form.files
  const files = (Array.isArray(field) ? field : field === undefined ? [] : [field]).filter(
    (f): f is File => f instanceof File
  )
  if (files.length === 0) {
    return Problem.respond(c, "no-files", {
      errors: [{ in: "body", field: "files", message: "attach one or more 903 files (CSV or XML)" }]
    })
  }
  return Promise.all(files.map(async (f) => ({ name: f.name, bytes: new Uint8Array(await f.arrayBuffer()) })))
}

export const returns = (deps: Deps) => {
  const limit = bodyLimit({
    maxSize: deps.maxUploadBytes,
    onError: (c) =>
      Problem.respond(c as Context<ApiEnv>, "payload-too-large", {
        detail: `uploads are limited to ${deps.maxUploadBytes} bytes`
      })
  })
  return new Hono<ApiEnv>()
    .get(
      endpoints.returnHistory.path,
      guard("returnHistory"),
      validate("param", endpoints.returnHistory.params),
      (c) => {
        const { council } = c.req.valid("param")
        const program = Returns.Returns.use((store) => store.history(council)).pipe(
          Effect.map((imports) => ({ imports })),
          AuditLog.withCaller(callerOf(c, endpoints.returnHistory, council))
        )
        return answer(c, deps, program, Returns.History)
      }
    )
    .post(
      endpoints.uploadReturn.path,
      guard("uploadReturn"),
      limit,
      validate("param", endpoints.uploadReturn.params),
      async (c) => {
        const { council, year } = c.req.valid("param")
        const files = await uploadsOf(c)
        if (files instanceof Response) return files
        const checksum = await checksumOf(files)
        const program = Effect.gen(function* () {
          const returns = yield* Returns.Returns
          // Check the council first, so an unknown council is not reported as a file problem.
          yield* returns.council(council as Council.CouncilId)
          const decoded = yield* Ssda903.decodeFiles(files, { year })
          const before = yield* returns.history(council)
          const record = yield* returns.importReturn(council, decoded.return, checksum)
          return {
            import: record,
            unchanged: before.some((h) => h.id === record.id),
            report: Validation.validate(decoded)
          }
        }).pipe(
          Effect.tap(() => Effect.sync(() => deps.scorecards.forget(council))),
          AuditLog.withCaller(callerOf(c, endpoints.uploadReturn, council))
        )
        return answer(c, deps, program, ImportResult, 201)
      }
    )
    .post(
      endpoints.validateReturn.path,
      guard("validateReturn"),
      limit,
      validate("param", endpoints.validateReturn.params),
      async (c) => {
        const { council, year } = c.req.valid("param")
        const files = await uploadsOf(c)
        if (files instanceof Response) return files
        const program = Returns.Returns.use((returns) => returns.council(council)).pipe(
          Effect.flatMap(() => Ssda903.decodeFiles(files, { year })),
          Effect.map((decoded) => Validation.validate(decoded)),
          AuditLog.withCaller(callerOf(c, endpoints.validateReturn, council))
        )
        return answer(c, deps, program, Validation.Report)
      }
    )
}
