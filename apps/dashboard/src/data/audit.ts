/**
 * A council's audit log of child-level access (`GET /v1/councils/:council/audit`, administrators only), newest first.
 */
import * as AuditLog from "@cpo/domain/AuditLog"
import { getJson } from "./api.ts"

/** @category models */
export type AuditEntry = AuditLog.Entry

/** @category constructors */
export const fetchAuditLog = (council: string): Promise<ReadonlyArray<AuditEntry>> =>
  getJson(`/v1/councils/${encodeURIComponent(council)}/audit`, AuditLog.Entries).then((log) => log.entries)
