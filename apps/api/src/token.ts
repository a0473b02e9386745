/**
 * `node dist/server.mjs token --role officer --council demo-borough [--council …] [--ttl 8h] [--subject name]`:
 * prints a bearer token signed with `CPO_JWT_SECRET` (`issueToken`), for a local deployment that has no identity
 * provider. The same bundle that serves the API issues its tokens, so the two always agree on issuer, audience and
 * claims.
 */
import { parseArgs } from "node:util"
import { Council, UserRole } from "@cpo/domain"
import { Option, Schema } from "effect"
import { issueToken } from "./auth.ts"

/** What the command prints and the exit code it ends with. @category models */
export interface TokenOutcome {
  readonly exitCode: 0 | 1
  readonly stdout: string
  readonly stderr: string
}

export const usage =
  "usage: node dist/server.mjs token --role <admin|officer|analyst|member|partner|public> --council <id> [--council <id>…] [--ttl 8h] [--subject <name>]\n" +
  "  prints a bearer token signed with CPO_JWT_SECRET; --ttl is a span such as 30m, 8h or 7d (default 8h)\n"

const ttlPattern = /^[1-9]\d{0,5}(s|m|h|d|w)$/

const failure = (message: string): TokenOutcome => ({ exitCode: 1, stdout: "", stderr: `${message}\n${usage}` })

/**
 * Run the token command on its arguments (those after `token`) with the configured secret.
 * @category constructors
 */
export const runTokenCommand = async (
  args: ReadonlyArray<string>,
  jwtSecret: string | undefined
): Promise<TokenOutcome> => {
  let parsed: ReturnType<typeof parse>
  try {
    parsed = parse(args)
  } catch (error) {
    return failure(error instanceof Error ? error.message : String(error))
  }
  const { values } = parsed
  if (values.help === true) return { exitCode: 0, stdout: usage, stderr: "" }
  if (jwtSecret === undefined)
    return failure("CPO_JWT_SECRET is not set: it signs the token and must match the server's")
  const role = Schema.decodeUnknownOption(UserRole.UserRole)(values.role)
  if (Option.isNone(role))
    return failure(`--role must be one of ${UserRole.all.join(", ")}, not ${values.role ?? "nothing"}`)
  const councils = values.council ?? []
  if (councils.length === 0) return failure("--council is required (repeat it to bind the token to several councils)")
  const bound = Schema.decodeUnknownOption(Schema.Array(Council.CouncilId))(councils)
  if (Option.isNone(bound)) {
    const bad = councils.find((c) => Option.isNone(Schema.decodeUnknownOption(Council.CouncilId)(c)))
    return failure(`--council must be a council id such as demo-borough, not ${bad}`)
  }
  const ttl = values.ttl ?? "8h"
  if (!ttlPattern.test(ttl)) return failure(`--ttl must be a span such as 30m, 8h or 7d, not ${ttl}`)
  const token = await issueToken({
    secret: jwtSecret,
    subject: values.subject ?? `${role.value}@local`,
    role: role.value,
    councils: bound.value,
    expiresIn: ttl
  })
  return { exitCode: 0, stdout: `${token}\n`, stderr: "" }
}

const parse = (args: ReadonlyArray<string>) =>
  parseArgs({
    args: [...args],
    options: {
      role: { type: "string" },
      council: { type: "string", multiple: true },
      ttl: { type: "string" },
      subject: { type: "string" },
      help: { type: "boolean", short: "h" }
    },
    strict: true,
    allowPositionals: false
  })
