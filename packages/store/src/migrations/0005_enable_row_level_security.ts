/**
 * Councils kept apart by the database itself. The application works as the non-superuser role `cpo_app` and names
 * its council per transaction (`app.council`); a policy on every council-owned table hides and refuses rows of any
 * other council, so a query that forgets its `WHERE council = …` still cannot cross councils. `cpo_app` may add to the
 * audit log but never change or remove entries.
 */
import { Effect } from "effect"
import { SqlClient } from "effect/sql"

export const councilTables: ReadonlyArray<string> = [
  "councils",
  "imports",
  "children",
  "episodes",
  "reviews",
  "uasc",
  "health_outcomes",
  "care_leavers",
  "adoptions",
  "placed_for_adoption",
  "previous_permanence",
  "missing",
  "social_worker_episodes",
  "deprivation_of_liberty",
  "targets",
  "comparator_groups",
  "benchmarks",
  "priorities",
  "actions",
  "action_updates",
  "entitlements",
  "entitlement_versions",
  "entitlement_take_up",
  "user_roles",
  "audit_log"
]

export default Effect.gen(function* () {
  const sql = yield* SqlClient.SqlClient
  // Roles belong to the whole PostgreSQL cluster: another database may have created it already.
  yield* sql.unsafe(`DO $$ BEGIN
    CREATE ROLE cpo_app NOLOGIN;
  EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL;
  END $$`)
  yield* sql.unsafe(`GRANT USAGE ON SCHEMA public TO cpo_app`)
  yield* sql.unsafe(`GRANT SELECT ON users TO cpo_app`)
  yield* sql.unsafe(`GRANT USAGE ON ALL SEQUENCES IN SCHEMA public TO cpo_app`)
  for (const table of councilTables) {
    const grant = table === "audit_log" ? "SELECT, INSERT" : "SELECT, INSERT, UPDATE, DELETE"
    yield* sql.unsafe(`GRANT ${grant} ON ${table} TO cpo_app`)
    yield* sql.unsafe(`ALTER TABLE ${table} ENABLE ROW LEVEL SECURITY`)
    yield* sql.unsafe(`CREATE POLICY ${table}_council ON ${table} TO cpo_app
      USING (council = current_setting('app.council', true))
      WITH CHECK (council = current_setting('app.council', true))`)
  }
})
