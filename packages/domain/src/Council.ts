/**
 * A council (local authority) — the corporate parent. Every record cpo keeps belongs to exactly one council.
 */
import { Schema } from "effect"

/**
 * A council's id in cpo: a lower-case slug such as `demo-borough`, used in URLs and to scope every stored row.
 * @category models
 */
export const CouncilId = Schema.String.pipe(
  Schema.check(Schema.isPattern(/^[a-z0-9][a-z0-9-]{0,62}$/, { description: "a lower-case slug (a-z, 0-9, -)" })),
  Schema.brand("CouncilId")
).annotate({ identifier: "CouncilId", examples: ["demo-borough" as never] })
export type CouncilId = typeof CouncilId.Type

/**
 * The DfE three-digit local authority code (e.g. 857 for Rutland), as used in 903 `LA_PERM` and benchmark files.
 * @category models
 */
export const LocalAuthorityCode = Schema.String.pipe(
  Schema.check(Schema.isPattern(/^\d{3}$/, { description: "a three-digit DfE local authority code" })),
  Schema.brand("LocalAuthorityCode")
).annotate({ identifier: "LocalAuthorityCode" })
export type LocalAuthorityCode = typeof LocalAuthorityCode.Type

/** @category models */
export const Council = Schema.Struct({
  id: CouncilId,
  name: Schema.NonEmptyString,
  localAuthorityCode: Schema.OptionFromNullOr(LocalAuthorityCode)
}).annotate({ identifier: "Council" })
export type Council = typeof Council.Type

/**
 * A slug from a council's name: "Demo Borough" → `demo-borough`.
 * @category constructors
 */
export const idFromName = (name: string): CouncilId =>
  (name
    .toLowerCase()
    .normalize("NFKD")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 63) || "council") as CouncilId
