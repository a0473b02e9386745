/**
 * Who is using the dashboard: the bearer token pasted at sign-in (kept for this browser tab only) and the role and
 * councils it claims. The claims are read without checking the signature, only to choose what to show: the API
 * verifies the token on every request and is what actually grants or refuses access (domain.md §5.3).
 */
import * as UserRole from "@cpo/domain/UserRole"
import { Result, Schema } from "effect"
import { type Accessor, createContext, createSignal, useContext } from "solid-js"
import { setToken, token } from "./api.ts"

const Claims = Schema.Struct({
  sub: Schema.String,
  role: UserRole.UserRole,
  councils: Schema.Array(Schema.String),
  exp: Schema.Number
})

/** A signed-in user as the token describes them. @category models */
export interface User {
  readonly subject: string
  readonly role: UserRole.UserRole
  readonly councils: ReadonlyArray<string>
  /** Seconds since the epoch. */
  readonly expiresAt: number
}

/** Why a pasted token cannot be used. @category errors */
export type TokenProblem = "empty" | "malformed" | "expired"

const base64UrlJson = (part: string): unknown => {
  const base64 = part
    .replaceAll("-", "+")
    .replaceAll("_", "/")
    .padEnd(Math.ceil(part.length / 4) * 4, "=")
  return JSON.parse(new TextDecoder().decode(Uint8Array.from(atob(base64), (ch) => ch.charCodeAt(0))))
}

/**
 * The user a token describes, or why it cannot be used; `nowSeconds` is passed in so the check is testable.
 * @category decoding
 */
export const readToken = (raw: string, nowSeconds: number): Result.Result<User, TokenProblem> => {
  const value = raw.trim()
  if (value === "") return Result.fail("empty")
  const parts = value.split(".")
  if (parts.length !== 3 || parts[1] === undefined) return Result.fail("malformed")
  const payload = (() => {
    try {
      return base64UrlJson(parts[1])
    } catch {
      return undefined
    }
  })()
  const claims = Schema.decodeUnknownResult(Claims)(payload)
  if (Result.isFailure(claims)) return Result.fail("malformed")
  if (claims.success.exp <= nowSeconds) return Result.fail("expired")
  return Result.succeed({
    subject: claims.success.sub,
    role: claims.success.role,
    councils: claims.success.councils,
    expiresAt: claims.success.exp
  })
}

/** The pages of a council and who may open them (mirrors the API's authorization matrix). @category models */
export const councilPages = [
  { path: "scorecard", label: "Scorecard", roles: ["officer", "analyst", "member", "public"] },
  { path: "cohorts", label: "Cohorts", roles: ["officer", "analyst", "member", "public"] },
  { path: "placements", label: "Placements", roles: ["officer", "analyst", "member", "public"] },
  { path: "care-leavers", label: "Care leavers", roles: ["officer", "analyst", "member", "public"] },
  { path: "health", label: "Health", roles: ["officer", "analyst", "member", "public"] },
  { path: "priorities", label: "Priorities", roles: ["admin", "officer", "analyst", "member"] },
  { path: "governance", label: "Governance", roles: ["admin", "officer", "analyst", "member"] },
  { path: "measures", label: "Local measures", roles: ["officer", "analyst", "member", "public"] },
  { path: "pledges", label: "Pledges", roles: ["admin", "officer", "analyst", "member"] },
  { path: "data", label: "Data", roles: ["admin", "officer", "analyst"] },
  { path: "offer", label: "Local offer", roles: ["admin", "officer", "analyst", "member", "partner", "public"] },
  { path: "take-up", label: "Take-up", roles: ["officer", "analyst", "member", "public"] },
  { path: "entitlements", label: "Entitlements", roles: ["officer"] },
  { path: "reports", label: "Reports", roles: ["officer", "analyst", "member", "public"] },
  { path: "admin", label: "Admin", roles: ["admin"] }
] as const satisfies ReadonlyArray<{ path: string; label: string; roles: ReadonlyArray<UserRole.UserRole> }>

/**
 * Whether a page is shown to this user. Without a token the only way in is the local demo, whose anonymous caller is
 * an officer, so the officer's pages are offered; the API decides in every case.
 * @category predicates
 */
export const mayOpen = (user: User | undefined, roles: ReadonlyArray<UserRole.UserRole>): boolean =>
  roles.includes(user?.role ?? "officer")

/** @category models */
export interface Session {
  readonly user: Accessor<User | undefined>
  /** Changes whenever the token does, so resources that depend on the caller fetch again. */
  readonly version: Accessor<number>
  readonly signIn: (raw: string) => Result.Result<User, TokenProblem>
  readonly signOut: () => void
}

/** The session for this tab, starting from any token kept earlier in it. @category constructors */
export const createSession = (): Session => {
  const now = () => Math.floor(Date.now() / 1000)
  const initial = (() => {
    const kept = token()
    if (kept === undefined) return undefined
    const user = readToken(kept, now())
    if (Result.isFailure(user)) setToken(undefined)
    return Result.getOrUndefined(user)
  })()
  const [user, setUser] = createSignal<User | undefined>(initial)
  const [version, setVersion] = createSignal(0)
  return {
    user,
    version,
    signIn: (raw) => {
      const read = readToken(raw, now())
      if (Result.isSuccess(read)) {
        setToken(raw.trim())
        setUser(read.success)
        setVersion((v) => v + 1)
      }
      return read
    },
    signOut: () => {
      setToken(undefined)
      setUser(undefined)
      setVersion((v) => v + 1)
    }
  }
}

/** @category services */
export const SessionContext = createContext<Session>()

/** The session; only inside the layout that provides it. @category getters */
export const useSession = (): Session => {
  const session = useContext(SessionContext)
  if (session === undefined) throw new Error("useSession is used outside the layout that provides it")
  return session
}
