/**
 * A council's targets and benchmarks for the catalogue indicators (issue #11): `indicator_targets`, one per indicator
 * and year, and `indicator_benchmarks`, kept in the order of the council's file (`position`), since a later
 * benchmark of the same status wins over an earlier one. Both are replaced whole when the council loads a new file.
 * Every table carries its council and the row-level security policy of migration 0005.
 */
import { Effect } from "effect"
import { SqlClient } from "effect/sql"

export const newCouncilTables: ReadonlyArray<string> = ["indicator_targets", "indicator_benchmarks"]

export default Effect.gen(function* () {
  const sql = yield* SqlClient.SqlClient
  yield* sql`CREATE TABLE indicator_targets (
    council text NOT NULL REFERENCES councils (id),
    indicator text NOT NULL,
    year int NOT NULL,
    value double precision NOT NULL,
    tolerance double precision NOT NULL DEFAULT 0 CHECK (tolerance >= 0),
    PRIMARY KEY (council, indicator, year)
  )`
  yield* sql`CREATE TABLE indicator_benchmarks (
    council text NOT NULL REFERENCES councils (id),
    position int NOT NULL,
    indicator text NOT NULL,
    year int NOT NULL,
    comparator text NOT NULL,
    grp text NOT NULL,
    version text NOT NULL,
    value double precision NOT NULL,
    status text NOT NULL,
    source text NOT NULL,
    PRIMARY KEY (council, position)
  )`
  for (const table of newCouncilTables) {
    yield* sql.unsafe(`GRANT SELECT, INSERT, UPDATE, DELETE ON ${table} TO cpo_app`)
    yield* sql.unsafe(`ALTER TABLE ${table} ENABLE ROW LEVEL SECURITY`)
    yield* sql.unsafe(`CREATE POLICY ${table}_council ON ${table} TO cpo_app
      USING (council = current_setting('app.council', true))
      WITH CHECK (council = current_setting('app.council', true))`)
  }
})
