/**
 * What a council adds around its returns: targets and benchmarks for indicators, comparator groups, the corporate
 * parenting board's priorities with their actions and progress updates, and the local offer for care leavers
 * (entitlements, their published versions and take-up). Later features fill them; the shapes are settled here so
 * every table carries its council from the start.
 */
import { Effect } from "effect"
import { SqlClient } from "effect/sql"

export default Effect.gen(function* () {
  const sql = yield* SqlClient.SqlClient
  yield* sql`CREATE TABLE targets (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    council text NOT NULL REFERENCES councils (id),
    indicator text NOT NULL,
    year int NOT NULL,
    value double precision NOT NULL,
    set_by text NOT NULL,
    set_at timestamptz NOT NULL DEFAULT now(),
    UNIQUE (council, indicator, year)
  )`
  yield* sql`CREATE TABLE comparator_groups (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    council text NOT NULL REFERENCES councils (id),
    name text NOT NULL,
    members jsonb NOT NULL,
    UNIQUE (council, name)
  )`
  yield* sql`CREATE TABLE benchmarks (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    council text NOT NULL REFERENCES councils (id),
    indicator text NOT NULL,
    year int NOT NULL,
    area_code text NOT NULL,
    area_name text NOT NULL,
    value double precision,
    symbol text,
    source text NOT NULL,
    UNIQUE (council, indicator, year, area_code)
  )`
  yield* sql`CREATE TABLE priorities (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    council text NOT NULL REFERENCES councils (id),
    title text NOT NULL,
    description text NOT NULL,
    indicator text,
    status text NOT NULL,
    owner text NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now()
  )`
  yield* sql`CREATE TABLE actions (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    council text NOT NULL REFERENCES councils (id),
    priority_id bigint NOT NULL REFERENCES priorities (id) ON DELETE CASCADE,
    title text NOT NULL,
    owner text NOT NULL,
    due date,
    status text NOT NULL
  )`
  yield* sql`CREATE TABLE action_updates (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    council text NOT NULL REFERENCES councils (id),
    action_id bigint NOT NULL REFERENCES actions (id) ON DELETE CASCADE,
    note text NOT NULL,
    rag text,
    author text NOT NULL,
    at timestamptz NOT NULL DEFAULT now()
  )`
  yield* sql`CREATE TABLE entitlements (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    council text NOT NULL REFERENCES councils (id),
    key text NOT NULL,
    UNIQUE (council, key)
  )`
  yield* sql`CREATE TABLE entitlement_versions (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    council text NOT NULL REFERENCES councils (id),
    entitlement_id bigint NOT NULL REFERENCES entitlements (id) ON DELETE CASCADE,
    version int NOT NULL,
    title text NOT NULL,
    description text NOT NULL,
    eligibility jsonb NOT NULL,
    amount_pence int,
    effective_from date NOT NULL,
    effective_to date,
    published_at timestamptz,
    UNIQUE (entitlement_id, version)
  )`
  yield* sql`CREATE TABLE entitlement_take_up (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    council text NOT NULL REFERENCES councils (id),
    entitlement_version_id bigint NOT NULL REFERENCES entitlement_versions (id),
    child_id text NOT NULL,
    status text NOT NULL,
    amount_pence int,
    recorded_by text NOT NULL,
    recorded_at timestamptz NOT NULL DEFAULT now()
  )`
})
