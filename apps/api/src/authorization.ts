/**
 * The authorization matrix: for every route, which roles may call it (domain.md §5.3). A route not `open` also
 * requires the caller to be bound to the council in its path. `authorization.test.ts` checks every route × role ×
 * two councils against this table, so the table is the single statement of who may do what.
 *
 * - admin: configuration and the audit log; no child-level reads (domain.md §5.3 "Administrator").
 * - officer: everything child-level for their council, including importing returns.
 * - analyst: returns and exact figures for their council (pseudonymised child-level).
 * - member, public: aggregate figures only, always suppressed (the audience is forced: `UserRole.forcedAudience`).
 * - indicator targets and benchmarks are configuration, like the strategy: administrators and officers set them;
 *   they hold no child-level data, so members read them too.
 * - priorities, progress and governance hold no child-level data: members read them; officers and administrators
 *   record progress.
 * - partner: named entitlements only: a young person's entitlements, limited to the ones the request names.
 * - the take-up gaps list young people by id: officers only.
 * - local measures and voice themes are aggregates (suppressed for members and the public); their exact figures are for
 *   officers and analysts; pledges are read by members and published to anyone in plain words, like the local offer.
 * - the published local offer is open to anyone (no personal data, domain.md §5.3 "Public / care leaver"); its
 *   versions and lifecycle are for officers and administrators (configuration).
 */
import { UserRole } from "@cpo/domain"
import type { EndpointId } from "./endpoints.ts"

/** Who may call a route: anyone (no credential needed), or the listed roles. @category models */
export type Access = "open" | ReadonlyArray<UserRole.UserRole>

/** @category models */
export const matrix: { readonly [Id in EndpointId]: Access } = {
  health: "open",
  openapi: "open",
  docs: "open",
  listCouncils: UserRole.all,
  getCouncil: UserRole.all,
  indicators: ["officer", "analyst", "member", "public"],
  indicatorTargets: ["admin", "officer", "analyst", "member"],
  replaceIndicatorTargets: ["admin", "officer"],
  indicatorBenchmarks: ["admin", "officer", "analyst", "member"],
  replaceIndicatorBenchmarks: ["admin", "officer"],
  cohorts: ["officer", "analyst", "member", "public"],
  returnHistory: ["admin", "officer", "analyst"],
  uploadReturn: ["officer", "analyst"],
  validateReturn: ["officer", "analyst"],
  offer: "open",
  offerPage: "open",
  offerVersions: ["admin", "officer"],
  offerVersion: ["admin", "officer"],
  draftOffer: ["admin", "officer"],
  consultOffer: ["admin", "officer"],
  approveOffer: ["admin", "officer"],
  publishOffer: ["admin", "officer"],
  offerDiff: ["admin", "officer"],
  entitlements: ["officer", "partner"],
  recordTakeUp: ["officer"],
  takeUpSummary: ["officer", "analyst", "member", "public"],
  takeUpGaps: ["officer"],
  priorities: ["admin", "officer", "analyst", "member"],
  saveStrategy: ["admin", "officer"],
  overdue: ["admin", "officer", "analyst", "member"],
  priorityUpdate: ["admin", "officer"],
  actionUpdate: ["admin", "officer"],
  priorityHistory: ["admin", "officer", "analyst", "member"],
  actionHistory: ["admin", "officer", "analyst", "member"],
  youSaidWeDid: ["admin", "officer", "analyst", "member"],
  recordYouSaidWeDid: ["admin", "officer"],
  governance: ["admin", "officer", "analyst", "member"],
  saveBoard: ["admin", "officer"],
  recordMeeting: ["admin", "officer"],
  addBoardMember: ["admin", "officer"],
  endBoardTerm: ["admin", "officer"],
  placements: ["officer", "analyst", "member", "public"],
  careLeavers: ["officer", "analyst", "member", "public"],
  healthOutcomes: ["officer", "analyst", "member", "public"],
  memberReport: ["officer", "analyst", "member", "public"],
  memberReportPdf: ["officer", "analyst", "member", "public"],
  measures: ["officer", "analyst", "member", "public"],
  defineMeasure: ["admin", "officer"],
  measureValues: ["officer", "analyst"],
  recordMeasureValues: ["officer", "analyst"],
  pledges: ["admin", "officer", "analyst", "member"],
  publishedPledges: "open",
  savePledge: ["admin", "officer"],
  reviewPledge: ["admin", "officer"],
  voice: ["admin", "officer", "analyst", "member"],
  recordTheme: ["admin", "officer"],
  auditLog: ["admin"]
}

/** @category predicates */
export const isAllowed = (endpoint: EndpointId, role: UserRole.UserRole): boolean => {
  const access = matrix[endpoint]
  return access === "open" || access.includes(role)
}
