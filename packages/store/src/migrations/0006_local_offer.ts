/**
 * The local offer as versioned data, building on the tables migration 0003 reserved. `offer_versions` holds each
 * version of a council's offer with its state (draft, approved, published), consultations and sign-offs; an
 * entitlement (`entitlements`, keyed by its slug) appears in a version as a row of `entitlement_versions`, whose
 * `definition` is the whole entitlement as the domain encodes it (rules, amounts, sources, examples) and whose other
 * columns repeat the parts worth querying. Take-up rows gain the day they happened and a check on their stage.
 *
 * A published version is immutable in the database itself: triggers refuse to change or delete a published
 * `offer_versions` row or any `entitlement_versions` row of a published version, for every role. A council has at
 * most one open draft.
 */
import { Effect } from "effect"
import { SqlClient } from "effect/sql"

export default Effect.gen(function* () {
  const sql = yield* SqlClient.SqlClient
  yield* sql`CREATE TABLE offer_versions (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    council text NOT NULL REFERENCES councils (id),
    version int NOT NULL CHECK (version >= 1),
    title text NOT NULL,
    state text NOT NULL CHECK (state IN ('draft', 'approved', 'published')),
    consultations jsonb NOT NULL DEFAULT '[]',
    created_by text NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now(),
    approved_by text,
    approved_at timestamptz,
    published_by text,
    published_at timestamptz,
    effective_from date,
    UNIQUE (council, version),
    CHECK ((state = 'draft') = (approved_at IS NULL)),
    CHECK ((state = 'published') = (published_at IS NOT NULL AND effective_from IS NOT NULL))
  )`
  yield* sql`CREATE UNIQUE INDEX offer_versions_one_draft ON offer_versions (council) WHERE state = 'draft'`
  yield* sql`ALTER TABLE entitlement_versions
    ADD COLUMN offer_version_id bigint NOT NULL REFERENCES offer_versions (id) ON DELETE CASCADE,
    ADD COLUMN position int NOT NULL,
    ADD COLUMN definition jsonb NOT NULL,
    ADD CONSTRAINT entitlement_versions_once_per_offer UNIQUE (offer_version_id, entitlement_id)`
  yield* sql`CREATE INDEX entitlement_versions_offer ON entitlement_versions (offer_version_id, position)`
  yield* sql`ALTER TABLE entitlement_take_up
    ADD COLUMN event_date date NOT NULL DEFAULT CURRENT_DATE,
    ADD CONSTRAINT entitlement_take_up_stage CHECK (status IN ('applied', 'awarded', 'paid', 'declined', 'refused'))`
  yield* sql`ALTER TABLE entitlement_take_up ALTER COLUMN event_date DROP DEFAULT`
  yield* sql`CREATE INDEX entitlement_take_up_council_date ON entitlement_take_up (council, event_date)`

  yield* sql.unsafe(`CREATE FUNCTION offer_version_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      IF OLD.state = 'published' THEN
        RAISE EXCEPTION 'offer version % of % is published and cannot change', OLD.version, OLD.council
          USING ERRCODE = 'insufficient_privilege';
      END IF;
      IF TG_OP = 'DELETE' THEN RETURN OLD; END IF;
      RETURN NEW;
    END
  $$`)
  yield* sql`CREATE TRIGGER offer_version_immutable BEFORE UPDATE OR DELETE ON offer_versions
    FOR EACH ROW EXECUTE FUNCTION offer_version_immutable()`
  yield* sql.unsafe(`CREATE FUNCTION entitlement_version_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
    DECLARE
      offer_state text;
    BEGIN
      SELECT state INTO offer_state FROM offer_versions
        WHERE id = CASE WHEN TG_OP = 'DELETE' THEN OLD.offer_version_id ELSE NEW.offer_version_id END;
      IF offer_state = 'published' THEN
        RAISE EXCEPTION 'entitlements of a published offer version cannot change'
          USING ERRCODE = 'insufficient_privilege';
      END IF;
      IF TG_OP = 'DELETE' THEN RETURN OLD; END IF;
      RETURN NEW;
    END
  $$`)
  yield* sql`CREATE TRIGGER entitlement_version_immutable BEFORE INSERT OR UPDATE OR DELETE ON entitlement_versions
    FOR EACH ROW EXECUTE FUNCTION entitlement_version_immutable()`

  // Row-level security as for every council-owned table (migration 0005).
  yield* sql.unsafe(`GRANT SELECT, INSERT, UPDATE, DELETE ON offer_versions TO cpo_app`)
  yield* sql.unsafe(`GRANT USAGE ON ALL SEQUENCES IN SCHEMA public TO cpo_app`)
  yield* sql.unsafe(`ALTER TABLE offer_versions ENABLE ROW LEVEL SECURITY`)
  yield* sql.unsafe(`CREATE POLICY offer_versions_council ON offer_versions TO cpo_app
    USING (council = current_setting('app.council', true))
    WITH CHECK (council = current_setting('app.council', true))`)
})
