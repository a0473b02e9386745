/**
 * Councils and the imports of their returns. Each import of a (council, year) is kept; exactly one per year is
 * current, enforced by a partial unique index so that two imports racing for the same year cannot both win.
 */
import { Effect } from "effect"
import { SqlClient } from "effect/sql"

export default Effect.gen(function* () {
  const sql = yield* SqlClient.SqlClient
  yield* sql`CREATE TABLE councils (
    id text PRIMARY KEY,
    council text GENERATED ALWAYS AS (id) STORED,
    name text NOT NULL,
    local_authority_code text,
    created_at timestamptz NOT NULL DEFAULT now()
  )`
  yield* sql`CREATE TABLE imports (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    council text NOT NULL REFERENCES councils (id),
    year int NOT NULL,
    checksum text NOT NULL,
    status text NOT NULL CHECK (status IN ('loading', 'complete')),
    is_current boolean NOT NULL DEFAULT false,
    imported_at timestamptz NOT NULL DEFAULT now(),
    imported_by text NOT NULL,
    tables jsonb NOT NULL,
    children int NOT NULL,
    episodes int NOT NULL
  )`
  yield* sql`CREATE UNIQUE INDEX imports_one_current ON imports (council, year) WHERE is_current`
  yield* sql`CREATE INDEX imports_council_year ON imports (council, year, checksum)`
})
