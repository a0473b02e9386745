/**
 * A council (local authority) — the corporate parent. Every record cpo keeps belongs to exactly one council.
 */
import { Option, Schema } from "effect"
import * as ReportingYear from "./ReportingYear.ts"

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

/**
 * The ONS mid-year estimate of a council's population aged 0–17, the denominator of rates per 10,000 children.
 * @category models
 */
export const Population = Schema.Int.pipe(Schema.check(Schema.isGreaterThan(0))).annotate({
  identifier: "Population",
  description: "ONS mid-year estimate of the council's 0–17 population"
})

/**
 * A council. `population` is optional so that records made before it was kept stay valid; where it is absent or
 * `None`, rates per 10,000 cannot be computed.
 * @category models
 */
export const Council = Schema.Struct({
  id: CouncilId,
  name: Schema.NonEmptyString,
  localAuthorityCode: Schema.OptionFromNullOr(LocalAuthorityCode),
  population: Schema.optionalKey(Schema.OptionFromNullOr(Population))
}).annotate({ identifier: "Council" })
export type Council = typeof Council.Type

/**
 * The council's 0–17 population, if known.
 * @category getters
 */
export const populationOf = (self: Council): Option.Option<number> => self.population ?? Option.none()

/**
 * A council as listed (`GET /v1/councils`, `GET /v1/councils/:council`) with the years that have a current return,
 * newest first. The API encodes with it and the dashboard decodes with it.
 * @category schemas
 */
export const Summary = Schema.Struct({
  ...Council.fields,
  years: Schema.Array(ReportingYear.ReportingYear)
}).annotate({ identifier: "CouncilSummary" })
export type Summary = typeof Summary.Type

/** The councils a caller may see (`GET /v1/councils`). @category schemas */
export const List = Schema.Struct({ councils: Schema.Array(Summary) }).annotate({ identifier: "CouncilList" })
export type List = typeof List.Type

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
