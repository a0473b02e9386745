/**
 * Who is calling: signed bearer tokens (JWT, HS256 via `jose`) for people and API keys for scripts. Each credential
 * carries one role (domain.md §5.3) and the council(s) it is bound to; `authorization.ts` says what each role may do.
 *
 * `issueToken` and `makeApiKey` are exported for the CLI (`cpo token`), which issues credentials for a local
 * deployment. Only a key's SHA-256 is configured (`CPO_API_KEYS`), never the key itself.
 */
import { type AuditLog, Council, UserRole } from "@cpo/domain"
import { Option, Result, Schema } from "effect"
import { type CryptoKey, errors as JoseErrors, jwtVerify, SignJWT } from "jose"

/** The token issuer and audience, so a token minted for something else is refused. */
export const issuer = "cpo"
export const audience = "cpo-api"

/** The claims a cpo token carries besides `sub`, `iat` and `exp`. @category models */
export const TokenClaims = Schema.Struct({
  sub: Schema.NonEmptyString,
  role: UserRole.UserRole,
  councils: Schema.NonEmptyArray(Council.CouncilId)
}).annotate({ identifier: "TokenClaims" })
export type TokenClaims = typeof TokenClaims.Type

/** One configured API key: its name, the SHA-256 (hex) of the key, its role and councils. @category models */
export const ApiKeyEntry = Schema.Struct({
  name: Schema.NonEmptyString,
  sha256: Schema.String.check(Schema.isPattern(/^[0-9a-f]{64}$/, { description: "64 lower-case hex digits" })),
  role: UserRole.UserRole,
  councils: Schema.NonEmptyArray(Council.CouncilId)
}).annotate({ identifier: "ApiKeyEntry" })
export type ApiKeyEntry = typeof ApiKeyEntry.Type

/**
 * The authenticated caller. `councils` is `"any"` only for the demo's anonymous officer.
 * @category models
 */
export interface Principal {
  readonly subject: string
  readonly role: UserRole.UserRole
  readonly councils: "any" | ReadonlyArray<Council.CouncilId>
  readonly via: "token" | "api-key" | "demo"
}

/** The anonymous officer of the demo (`CPO_DEMO=1`): reads without a token so the dashboard works out of the box. */
export const demoPrincipal: Principal = { subject: "demo", role: "officer", councils: "any", via: "demo" }

/** Why a request is not authenticated; each maps to a 401 problem type. @category errors */
export type AuthFailure = "missing" | "invalid" | "expired" | "unknown-key"

/** @category predicates */
export const isBoundTo = (principal: Principal, council: Council.CouncilId): boolean =>
  principal.councils === "any" || principal.councils.includes(council)

/**
 * The audit log's word for an API role (`AuditLog.Role` is the store's vocabulary). The public role has no
 * counterpart there; it reads only suppressed aggregates and is recorded as a member-level read.
 * @category getters
 */
export const auditRole = (role: UserRole.UserRole): AuditLog.Role => {
  switch (role) {
    case "admin":
      return "administrator"
    case "officer":
      return "caseworker"
    case "analyst":
      return "analyst"
    case "member":
    case "public":
      return "member"
    case "partner":
      return "partner"
  }
}

/**
 * The caller as the audit log records it, acting for one council with a stated purpose.
 * @category constructors
 */
export const callerFor = (principal: Principal, council: Council.CouncilId, purpose: string): AuditLog.Caller => ({
  actor: `${principal.via}:${principal.subject}`,
  role: auditRole(principal.role),
  council: Option.some(council),
  purpose: purpose.trim() === "" ? "unstated" : purpose.trim()
})

const encoder = new TextEncoder()
const keyOf = (secret: string) => encoder.encode(secret)

/**
 * Sign a bearer token for a local deployment (the CLI's `cpo token`).
 * @category constructors
 */
export const issueToken = (options: {
  readonly secret: string
  readonly subject: string
  readonly role: UserRole.UserRole
  readonly councils: ReadonlyArray<Council.CouncilId>
  /** A jose time span such as `8h` or `30d`; default `8h`. */
  readonly expiresIn?: string
}): Promise<string> =>
  new SignJWT({ role: options.role, councils: [...options.councils] })
    .setProtectedHeader({ alg: "HS256", typ: "JWT" })
    .setSubject(options.subject)
    .setIssuer(issuer)
    .setAudience(audience)
    .setIssuedAt()
    .setExpirationTime(options.expiresIn ?? "8h")
    .sign(keyOf(options.secret))

const decodeClaims = Schema.decodeUnknownOption(TokenClaims)

/** A verified token's principal and when the token expires (epoch milliseconds; `undefined` when it never does). */
interface Verified {
  readonly principal: Principal
  readonly expiresAt: number | undefined
}

const verifyWith = async (
  key: CryptoKey | Uint8Array,
  token: string,
  now: number = Date.now()
): Promise<Result.Result<Verified, AuthFailure>> => {
  try {
    const { payload } = await jwtVerify(token, key, {
      algorithms: ["HS256"],
      issuer,
      audience,
      currentDate: new Date(now)
    })
    return Option.match(decodeClaims(payload), {
      onNone: () => Result.fail<AuthFailure>("invalid"),
      onSome: (claims) =>
        Result.succeed<Verified>({
          principal: { subject: claims.sub, role: claims.role, councils: claims.councils, via: "token" },
          expiresAt: payload.exp === undefined ? undefined : payload.exp * 1000
        })
    })
  } catch (error) {
    return Result.fail(error instanceof JoseErrors.JWTExpired ? "expired" : "invalid")
  }
}

/**
 * Verify a bearer token: signature (HS256 only), issuer, audience, expiry, then the claims' shape.
 * @category decoding
 */
export const verifyToken = async (secret: string, token: string): Promise<Result.Result<Principal, AuthFailure>> =>
  Result.map(await verifyWith(keyOf(secret), token), (verified) => verified.principal)

/** Verifies a bearer token to its principal or the reason it is refused. @category models */
export type TokenVerifier = (token: string) => Promise<Result.Result<Principal, AuthFailure>>

/**
 * `verifyToken` for one secret, remembering the tokens it has accepted (by their exact text) until each expires, so
 * that a caller's repeated requests cost a map lookup instead of an HMAC. A token is never accepted from memory after
 * its `exp` (it is then refused as expired, as `verifyToken` refuses it); refused tokens and tokens without `exp` are
 * not remembered, so any other text — a tampered or re-signed token — is verified in full. At most `capacity` tokens
 * are kept, the least recently used dropped first. One per app (`authenticate`), never module-wide.
 * @category constructors
 */
export const makeTokenVerifier = (options: {
  readonly secret: string
  readonly capacity: number
  /** The clock, in epoch milliseconds (default `Date.now`); `exp` is checked against it, remembered or not. */
  readonly now?: () => number
}): TokenVerifier => {
  const now = options.now ?? Date.now
  const accepted = new Map<string, Verified & { readonly expiresAt: number }>()
  // The HMAC key is imported once rather than on every verification.
  const key = crypto.subtle.importKey("raw", keyOf(options.secret), { name: "HMAC", hash: "SHA-256" }, false, [
    "verify"
  ])
  return async (token) => {
    const known = accepted.get(token)
    if (known !== undefined) {
      accepted.delete(token)
      if (now() >= known.expiresAt) return Result.fail("expired")
      accepted.set(token, known)
      return Result.succeed(known.principal)
    }
    const verified = await verifyWith(await key, token, now())
    if (Result.isFailure(verified)) return Result.fail(verified.failure)
    const { principal, expiresAt } = verified.success
    if (expiresAt !== undefined) {
      accepted.set(token, { principal, expiresAt })
      if (accepted.size > options.capacity) {
        const oldest = accepted.keys().next()
        if (oldest.done !== true) accepted.delete(oldest.value)
      }
    }
    return Result.succeed(principal)
  }
}

const hex = (bytes: ArrayBuffer): string =>
  Array.from(new Uint8Array(bytes), (b) => b.toString(16).padStart(2, "0")).join("")

/**
 * The SHA-256 (hex) of an API key, as configured in `CPO_API_KEYS`.
 * @category encoding
 */
export const hashApiKey = async (key: string): Promise<string> =>
  hex(await crypto.subtle.digest("SHA-256", encoder.encode(key)))

/**
 * The principal of a presented API key, if it is configured.
 * @category decoding
 */
export const verifyApiKey = async (
  entries: ReadonlyArray<ApiKeyEntry>,
  key: string
): Promise<Result.Result<Principal, AuthFailure>> => {
  const digest = await hashApiKey(key)
  const entry = entries.find((e) => e.sha256 === digest)
  return entry === undefined
    ? Result.fail("unknown-key")
    : Result.succeed({ subject: entry.name, role: entry.role, councils: entry.councils, via: "api-key" })
}

/**
 * A new random API key and the configuration entry that accepts it (the key is shown once; only its hash is kept).
 * @category constructors
 */
export const makeApiKey = async (options: {
  readonly name: string
  readonly role: UserRole.UserRole
  readonly councils: readonly [Council.CouncilId, ...Array<Council.CouncilId>]
}): Promise<{ readonly key: string; readonly entry: ApiKeyEntry }> => {
  const key = `cpo_${hex(crypto.getRandomValues(new Uint8Array(24)).buffer)}`
  return { key, entry: { ...options, sha256: await hashApiKey(key) } }
}

const decodeEntries = Schema.decodeUnknownResult(Schema.fromJsonString(Schema.Array(ApiKeyEntry)))

/**
 * The API keys configured in `CPO_API_KEYS` (JSON), or an error saying what is wrong.
 * @category decoding
 */
export const decodeApiKeys = (json: string): ReadonlyArray<ApiKeyEntry> | Error =>
  Result.match(decodeEntries(json), {
    onFailure: (issue) => new Error(String(issue)),
    onSuccess: (entries) => entries
  })
