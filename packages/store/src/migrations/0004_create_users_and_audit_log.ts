/**
 * Users, their roles per council, and the audit log of access to child-level data (domain.md §5.3). The audit log is
 * append-only: a trigger refuses UPDATE and DELETE for everyone, on PostgreSQL and PGlite alike, and the application
 * role is not granted them either.
 */
import { Effect } from "effect"
import { SqlClient } from "effect/sql"

export default Effect.gen(function* () {
  const sql = yield* SqlClient.SqlClient
  yield* sql`CREATE TABLE users (
    id text PRIMARY KEY,
    display_name text NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now()
  )`
  yield* sql`CREATE TABLE user_roles (
    user_id text NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    council text NOT NULL REFERENCES councils (id),
    role text NOT NULL CHECK (role IN ('caseworker', 'manager', 'analyst', 'member', 'partner', 'administrator')),
    PRIMARY KEY (user_id, council, role)
  )`
  yield* sql`CREATE TABLE audit_log (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    council text NOT NULL REFERENCES councils (id),
    at timestamptz NOT NULL DEFAULT clock_timestamp(),
    actor text NOT NULL,
    role text NOT NULL,
    action text NOT NULL,
    purpose text NOT NULL,
    subject jsonb NOT NULL
  )`
  yield* sql`CREATE INDEX audit_log_council_at ON audit_log (council, at)`
  yield* sql.unsafe(`CREATE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      RAISE EXCEPTION 'audit_log is append-only' USING ERRCODE = 'insufficient_privilege';
    END
  $$`)
  yield* sql`CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE OR TRUNCATE ON audit_log
    FOR EACH STATEMENT EXECUTE FUNCTION audit_log_append_only()`
})
