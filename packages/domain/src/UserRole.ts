/**
 * The roles a person or a script holds in cpo (domain.md §5.3: a design recommendation, not a statutory list), and the
 * audience each reads figures at. The API grants each route by role; the dashboard shows each role what it may use.
 *
 * - `admin`: configuration and the audit log; no child-level reads.
 * - `officer`: child-level records of their council.
 * - `analyst`: pseudonymised child-level records and exact figures for returns and indicators.
 * - `member`: aggregate figures only, always small-number suppressed.
 * - `partner`: the entitlements a request names, under a data-sharing agreement.
 * - `public`: the published local offer and public reports.
 */
import { Schema } from "effect"
import type * as Audience from "./Audience.ts"

/** @category models */
export const UserRole = Schema.Literals(["admin", "officer", "analyst", "member", "partner", "public"]).annotate({
  identifier: "Role"
})
export type UserRole = typeof UserRole.Type

/** Every role, in the order above. @category models */
export const all: ReadonlyArray<UserRole> = UserRole.literals

/**
 * The audience a role always gets, whatever it asks for: members and the public see suppressed figures only
 * (domain.md §5.1). The roles not listed may choose.
 * @category models
 */
export const forcedAudience: Partial<Record<UserRole, Audience.Audience>> = {
  member: "member",
  public: "public"
}

/**
 * The audience a caller gets: members and the public always their own (`forcedAudience`), other roles what they ask
 * for, `officer` when they ask for none.
 * @category getters
 */
export const audienceFor = (role: UserRole, asked: Audience.Audience | undefined): Audience.Audience =>
  forcedAudience[role] ?? asked ?? "officer"
