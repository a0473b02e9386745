/**
 * The store: cpo's domain services on PostgreSQL (`pgUrl`) or on embedded PGlite (`dataDir`, or memory when neither
 * is given). One schema and one migration set serve both engines; migrations run when the layer is built.
 *
 * ```ts
 * const program = Returns.Returns.use((returns) => returns.years(councilId))
 * program.pipe(Effect.provide(Store.layer({ dataDir: ".data/pglite" })))
 * ```
 */
import type {
  AuditLog,
  Governance,
  IndicatorReference,
  LocalMeasure,
  LocalOffer,
  Pledge,
  Priorities,
  Returns,
  Voice
} from "@cpo/domain"
import { Layer } from "effect"
import type { SqlClient } from "effect/sql"
import * as AuditLogRepository from "./AuditLogRepository.ts"
import * as Database from "./Database.ts"
import * as GovernanceRepository from "./GovernanceRepository.ts"
import * as IndicatorReferenceRepository from "./IndicatorReferenceRepository.ts"
import * as LocalMeasuresRepository from "./LocalMeasuresRepository.ts"
import * as LocalOfferRepository from "./LocalOfferRepository.ts"
import * as PledgesRepository from "./PledgesRepository.ts"
import * as PrioritiesRepository from "./PrioritiesRepository.ts"
import * as Retention from "./Retention.ts"
import * as ReturnsRepository from "./ReturnsRepository.ts"

export { migrate, migrations, type Options, StoreError, scoped } from "./Database.ts"
export { type Expired, type Report, Retention, type Rule, retainUntil } from "./Retention.ts"
export { ImportProgress } from "./ReturnsRepository.ts"

/** The services the store provides. @category models */
export type Services =
  | Returns.Returns
  | AuditLog.AuditLog
  | Retention.Retention
  | Priorities.Priorities
  | Governance.Boards
  | LocalOffer.LocalOffers
  | LocalMeasure.LocalMeasures
  | IndicatorReference.IndicatorReference
  | Pledge.Pledges
  | Voice.Themes

/**
 * The services on a `SqlClient` already in context (for tests that also query the database directly).
 * @category layers
 */
export const layerFromSql: Layer.Layer<Services, never, SqlClient.SqlClient> = Layer.mergeAll(
  ReturnsRepository.layer,
  AuditLogRepository.layer,
  LocalOfferRepository.layer,
  Retention.layer,
  PrioritiesRepository.layer,
  GovernanceRepository.layer,
  LocalMeasuresRepository.layer,
  IndicatorReferenceRepository.layer,
  PledgesRepository.layer,
  PledgesRepository.layerThemes
)

/**
 * The services on PostgreSQL when `pgUrl` is given, else PGlite in `dataDir` (created if missing), else PGlite in
 * memory; migrated when built.
 * @category layers
 */
export const layer = (options: Database.Options): Layer.Layer<Services, Database.StoreError> =>
  layerFromSql.pipe(Layer.provide(Database.layer(options)))

/**
 * The migrated `SqlClient` alone, for maintenance commands and tests.
 * @category layers
 */
export const layerSql = Database.layer

/**
 * The `SqlClient` without migrating (for `cpo db migrate`, which reports what it applies).
 * @category layers
 */
export const layerConnection = Database.layerConnection
