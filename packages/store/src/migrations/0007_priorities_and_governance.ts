/**
 * The corporate parenting strategy and its governance, completing the shapes migration 0003 began. A strategy has a
 * period and priorities; a priority gets its council-given id (`key`, e.g. `P3`), lead members and officer, the three
 * sections of the seed strategies, the principles it serves and its linked indicators; an action gets its key, start
 * date and milestones. `action_updates` becomes the progress history of actions and of whole priorities (an update
 * with no action is about its priority), dated, with evidence. Priorities and actions dropped from a saved strategy
 * are retired, not deleted, so their history stays. New tables hold "you said, we did" entries, boards with their
 * terms of reference, members, reporting cycle and meetings with attendance. Every new table carries its council and
 * the row-level security policy of migration 0005.
 */
import { Effect } from "effect"
import { SqlClient } from "effect/sql"

export const newCouncilTables: ReadonlyArray<string> = [
  "strategies",
  "you_said_we_did",
  "boards",
  "board_members",
  "meetings",
  "meeting_attendance"
]

export default Effect.gen(function* () {
  const sql = yield* SqlClient.SqlClient
  yield* sql`CREATE TABLE strategies (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    council text NOT NULL REFERENCES councils (id),
    key text NOT NULL,
    title text NOT NULL,
    period_start date NOT NULL,
    period_end date NOT NULL,
    UNIQUE (council, key)
  )`
  yield* sql`ALTER TABLE priorities
    ADD COLUMN strategy_id bigint REFERENCES strategies (id) ON DELETE CASCADE,
    ADD COLUMN key text,
    ADD COLUMN position int NOT NULL DEFAULT 0,
    ADD COLUMN lead_members jsonb NOT NULL DEFAULT '[]',
    ADD COLUMN what_we_need_to_improve jsonb NOT NULL DEFAULT '[]',
    ADD COLUMN what_we_will_do jsonb NOT NULL DEFAULT '[]',
    ADD COLUMN what_this_will_mean jsonb NOT NULL DEFAULT '[]',
    ADD COLUMN principles jsonb NOT NULL DEFAULT '[]',
    ADD COLUMN indicators jsonb NOT NULL DEFAULT '[]',
    ADD COLUMN retired boolean NOT NULL DEFAULT false,
    DROP COLUMN indicator,
    DROP COLUMN status,
    DROP COLUMN description`
  yield* sql`ALTER TABLE priorities RENAME COLUMN owner TO lead_officer`
  yield* sql`ALTER TABLE priorities ADD CONSTRAINT priorities_council_key UNIQUE (council, key)`
  yield* sql`ALTER TABLE actions
    ADD COLUMN key text,
    ADD COLUMN position int NOT NULL DEFAULT 0,
    ADD COLUMN start date,
    ADD COLUMN milestones jsonb NOT NULL DEFAULT '[]',
    ADD COLUMN retired boolean NOT NULL DEFAULT false`
  yield* sql`ALTER TABLE actions ADD CONSTRAINT actions_council_key UNIQUE (council, key)`
  yield* sql`ALTER TABLE action_updates
    ADD COLUMN key text,
    ADD COLUMN priority_id bigint REFERENCES priorities (id) ON DELETE CASCADE,
    ADD COLUMN on_date date,
    ADD COLUMN evidence jsonb NOT NULL DEFAULT '[]',
    ALTER COLUMN action_id DROP NOT NULL`
  yield* sql`ALTER TABLE action_updates RENAME COLUMN note TO commentary`
  yield* sql`ALTER TABLE action_updates ADD CONSTRAINT action_updates_council_key UNIQUE (council, key)`
  yield* sql`CREATE INDEX action_updates_priority ON action_updates (priority_id, on_date)`
  yield* sql`CREATE TABLE you_said_we_did (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    council text NOT NULL REFERENCES councils (id),
    key text NOT NULL,
    on_date date NOT NULL,
    source text NOT NULL,
    you_said text NOT NULL,
    we_did text NOT NULL,
    priorities jsonb NOT NULL,
    UNIQUE (council, key)
  )`
  yield* sql`CREATE TABLE boards (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    council text NOT NULL REFERENCES councils (id),
    key text NOT NULL,
    name text NOT NULL,
    terms jsonb NOT NULL,
    reporting_cycle jsonb NOT NULL,
    UNIQUE (council, key)
  )`
  yield* sql`CREATE TABLE board_members (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    council text NOT NULL REFERENCES councils (id),
    board_id bigint NOT NULL REFERENCES boards (id) ON DELETE CASCADE,
    key text NOT NULL,
    name text NOT NULL,
    role text NOT NULL,
    membership text NOT NULL CHECK (membership IN ('core', 'associate')),
    organisation text,
    from_date date NOT NULL,
    until_date date,
    UNIQUE (board_id, key)
  )`
  yield* sql`CREATE TABLE meetings (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    council text NOT NULL REFERENCES councils (id),
    board_id bigint NOT NULL REFERENCES boards (id) ON DELETE CASCADE,
    key text NOT NULL,
    on_date date NOT NULL,
    agenda jsonb NOT NULL,
    UNIQUE (board_id, key)
  )`
  yield* sql`CREATE TABLE meeting_attendance (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    council text NOT NULL REFERENCES councils (id),
    meeting_id bigint NOT NULL REFERENCES meetings (id) ON DELETE CASCADE,
    member_key text NOT NULL,
    status text NOT NULL CHECK (status IN ('present', 'substitute', 'apologies', 'absent')),
    UNIQUE (meeting_id, member_key)
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
