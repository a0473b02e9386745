/**
 * The 903 tables (ssda903.md §2), one row per record of one import. Every row carries its council and import, so a
 * return is read by import id (in its original order, `seq`) and deleted with it; dates are SQL `date`s, codes stay as the domain spells them.
 */
import { Effect } from "effect"
import { SqlClient } from "effect/sql"

export default Effect.gen(function* () {
  const sql = yield* SqlClient.SqlClient
  const key = `council text NOT NULL REFERENCES councils (id),
    import_id bigint NOT NULL REFERENCES imports (id) ON DELETE CASCADE,
    seq int NOT NULL,
    child_id text NOT NULL`
  const tables: ReadonlyArray<readonly [string, string]> = [
    [
      "children",
      `sex text NOT NULL, date_of_birth date NOT NULL, ethnicity text NOT NULL, upn text, mother boolean,
      mother_child_date_of_birth date`
    ],
    [
      "episodes",
      `start date NOT NULL, reason_for_new_episode text NOT NULL, legal_status text NOT NULL,
      category_of_need text NOT NULL, placement text NOT NULL, provider text, "end" date, reason_ceased text,
      reason_place_change text, home_postcode text, placement_postcode text, urn text`
    ],
    ["reviews", "date_of_birth date NOT NULL, date date NOT NULL, participation text NOT NULL"],
    ["uasc", "sex text NOT NULL, date_of_birth date NOT NULL, status_ceased date"],
    [
      "health_outcomes",
      `date_of_birth date NOT NULL, sdq_score int, sdq_reason text, convicted boolean, health_check boolean,
      immunisations boolean, teeth_check boolean, health_assessment boolean, substance_misuse boolean,
      intervention_received boolean, intervention_offered boolean`
    ],
    ["care_leavers", "date_of_birth date NOT NULL, in_touch text, activity text, accommodation text"],
    [
      "adoptions",
      `date_of_birth date NOT NULL, best_interest_decision date, matched date, by_former_foster_carer boolean,
      number_of_adopters int, adopter_sex text, adopter_legal_status text`
    ],
    ["placed_for_adoption", "date_of_birth date NOT NULL, decision date NOT NULL, ceased date, reason_ceased text"],
    ["previous_permanence", "date_of_birth date NOT NULL, option text, local_authority text, date jsonb"],
    ["missing", `date_of_birth date NOT NULL, kind text NOT NULL, start date NOT NULL, "end" date`],
    [
      "social_worker_episodes",
      `date_of_birth date NOT NULL, social_worker_id text NOT NULL, start date NOT NULL, "end" date, reason text`
    ],
    ["deprivation_of_liberty", `date_of_birth date NOT NULL, start date NOT NULL, "end" date`]
  ]
  for (const [name, columns] of tables) {
    yield* sql.unsafe(`CREATE TABLE ${name} (${key}, ${columns})`)
    yield* sql.unsafe(`CREATE INDEX ${name}_import_child ON ${name} (import_id, child_id)`)
  }
})
