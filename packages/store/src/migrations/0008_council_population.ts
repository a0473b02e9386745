/**
 * A council's 0–17 population (the ONS mid-year estimate), the denominator of rates per 10,000 children, so that the
 * API computes `cla_rate_per_10k` exactly as `cpo indicators` does from `council.json`. Nullable: councils stored
 * before it, or without an estimate, have none.
 */
import { Effect } from "effect"
import { SqlClient } from "effect/sql"

export default Effect.gen(function* () {
  const sql = yield* SqlClient.SqlClient
  yield* sql`ALTER TABLE councils ADD COLUMN population integer CHECK (population > 0)`
})
