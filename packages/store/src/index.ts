/**
 * @cpo/store — cpo's persistence: the domain services (`Returns`, `AuditLog`) and `Retention` on PGlite or
 * PostgreSQL through Effect SQL. `import { Store } from "@cpo/store"`, then `Store.layer({ dataDir, pgUrl })`.
 */
export * as Store from "./Store.ts"
