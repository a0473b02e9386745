/**
 * A council's audit log of child-level access (`GET /v1/councils/:council/audit`, administrators only), newest first.
 */
import * as AuditLog from "@cpo/domain/AuditLog"
import { Schema } from "effect"
import { getJson } from "./api.ts"

/** @category models */
export const AuditEntries = Schema.Struct({ entries: Schema.Array(AuditLog.Entry) })
export type AuditEntry = AuditLog.Entry

/** @category constructors */
export const fetchAuditLog = (council: string): Promise<ReadonlyArray<AuditEntry>> =>
  getJson(`/v1/councils/${encodeURIComponent(council)}/audit`, AuditEntries).then((log) => log.entries)
