/**
 * Local measures, pledges and the voice of children and care leavers (issue #15). A council's measure definitions
 * (`local_measures`, keyed by the council's own id), the figures recorded for them per period (`measure_values`, one
 * per measure and period: a new import replaces a period's figure), their targets and benchmarks (Bright Spots
 * national comparisons); pledges with their evidence links and the dated reviews kept as rows of their own
 * (`pledge_reviews`, never edited); and feedback themes (`voice_themes`), which hold no name or child id. Every table
 * carries its council and the row-level security policy of migration 0005.
 */
import { Effect } from "effect"
import { SqlClient } from "effect/sql"

export const newCouncilTables: ReadonlyArray<string> = [
  "local_measures",
  "measure_values",
  "measure_targets",
  "measure_benchmarks",
  "pledges",
  "pledge_reviews",
  "voice_themes"
]

export default Effect.gen(function* () {
  const sql = yield* SqlClient.SqlClient
  yield* sql`CREATE TABLE local_measures (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    council text NOT NULL REFERENCES councils (id),
    key text NOT NULL,
    title text NOT NULL,
    description text NOT NULL,
    unit text NOT NULL,
    polarity text NOT NULL,
    frequency text NOT NULL,
    source text NOT NULL,
    owner text NOT NULL,
    priorities jsonb NOT NULL DEFAULT '[]',
    template text,
    UNIQUE (council, key)
  )`
  yield* sql`CREATE TABLE measure_values (
    council text NOT NULL REFERENCES councils (id),
    measure text NOT NULL,
    period text NOT NULL,
    numerator double precision,
    denominator double precision,
    value double precision,
    PRIMARY KEY (council, measure, period),
    FOREIGN KEY (council, measure) REFERENCES local_measures (council, key) ON DELETE CASCADE
  )`
  yield* sql`CREATE TABLE measure_targets (
    council text NOT NULL REFERENCES councils (id),
    measure text NOT NULL,
    year int NOT NULL,
    value double precision NOT NULL,
    tolerance double precision NOT NULL DEFAULT 0 CHECK (tolerance >= 0),
    PRIMARY KEY (council, measure, year),
    FOREIGN KEY (council, measure) REFERENCES local_measures (council, key) ON DELETE CASCADE
  )`
  yield* sql`CREATE TABLE measure_benchmarks (
    council text NOT NULL REFERENCES councils (id),
    measure text NOT NULL,
    year int NOT NULL,
    comparator text NOT NULL,
    grp text NOT NULL,
    version text NOT NULL,
    value double precision NOT NULL,
    status text NOT NULL,
    source text NOT NULL,
    PRIMARY KEY (council, measure, year, comparator),
    FOREIGN KEY (council, measure) REFERENCES local_measures (council, key) ON DELETE CASCADE
  )`
  yield* sql`CREATE TABLE pledges (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    council text NOT NULL REFERENCES councils (id),
    key text NOT NULL,
    position int NOT NULL DEFAULT 0,
    promise text NOT NULL,
    meaning text NOT NULL,
    owner text NOT NULL,
    owner_kind text NOT NULL,
    priorities jsonb NOT NULL DEFAULT '[]',
    evidence jsonb NOT NULL,
    UNIQUE (council, key)
  )`
  yield* sql`CREATE TABLE pledge_reviews (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    council text NOT NULL REFERENCES councils (id),
    pledge_id bigint NOT NULL REFERENCES pledges (id) ON DELETE CASCADE,
    on_date date NOT NULL,
    reviewed_with text NOT NULL,
    status text NOT NULL,
    summary text NOT NULL,
    UNIQUE (pledge_id, on_date, reviewed_with)
  )`
  yield* sql`CREATE TABLE voice_themes (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    council text NOT NULL REFERENCES councils (id),
    key text NOT NULL,
    on_date date NOT NULL,
    source text NOT NULL,
    theme text NOT NULL,
    summary text NOT NULL,
    raised_by int CHECK (raised_by >= 0),
    priorities jsonb NOT NULL DEFAULT '[]',
    pledges jsonb NOT NULL DEFAULT '[]',
    actions jsonb NOT NULL DEFAULT '[]',
    UNIQUE (council, key)
  )`
  for (const table of newCouncilTables) {
    yield* sql.unsafe(`GRANT SELECT, INSERT, UPDATE, DELETE ON ${table} TO cpo_app`)
    yield* sql.unsafe(`ALTER TABLE ${table} ENABLE ROW LEVEL SECURITY`)
    yield* sql.unsafe(`CREATE POLICY ${table}_council ON ${table} TO cpo_app
      USING (council = current_setting('app.council', true))
      WITH CHECK (council = current_setting('app.council', true))`)
  }
  yield* sql.unsafe(`GRANT USAGE ON ALL SEQUENCES IN SCHEMA public TO cpo_app`)
})
