/**
 * The `Pledges` and voice `Themes` services on SQL. Pledges are upserted by the council's own id with their evidence
 * links; reviews are rows of their own, only ever added (the same review — pledge, date and who it was with — saved
 * twice is kept once), so the history of whether a pledge was kept stays. Themes are upserted by id and hold no name
 * or child id.
 *
 * Every call runs under row-level security for its council (`scoped`), and only for a caller who may act for it.
 */
import { type Council, Pledge, Voice } from "@cpo/domain"
import { Effect, Layer, Schema } from "effect"
import { SqlClient } from "effect/sql"
import { inCouncilOf, parsedJson } from "./Database.ts"

const json = (value: unknown): string => JSON.stringify(value)

const decodePledges = Schema.decodeUnknownEffect(Schema.Array(Pledge.Pledge))
const decodeThemes = Schema.decodeUnknownEffect(Schema.Array(Voice.Theme))

/**
 * `Pledges` on the `SqlClient` in context.
 * @category layers
 */
export const layer: Layer.Layer<Pledge.Pledges, never, SqlClient.SqlClient> = Layer.effect(
  Pledge.Pledges,
  Effect.gen(function* () {
    const sql = yield* SqlClient.SqlClient
    const inCouncil = inCouncilOf(sql)

    const addReview = (council: Council.CouncilId, pledgeRowId: string, r: Pledge.Review) =>
      sql`INSERT INTO pledge_reviews (council, pledge_id, on_date, reviewed_with, status, summary)
        VALUES (${council}, ${pledgeRowId}, ${r.on}::date, ${r.with}, ${r.status}, ${r.summary})
        ON CONFLICT (pledge_id, on_date, reviewed_with) DO UPDATE SET status = excluded.status,
          summary = excluded.summary`

    const save = (p: Pledge.Pledge) =>
      Effect.gen(function* () {
        const [position] = yield* sql<{ n: number }>`SELECT coalesce(max(position) + 1, 0)::int AS n FROM pledges
          WHERE council = ${p.council}`
        const [row] = yield* sql<{ id: string }>`INSERT INTO pledges (council, key, position, promise, meaning, owner,
          owner_kind, priorities, evidence)
          VALUES (${p.council}, ${p.id}, ${position?.n ?? 0}, ${p.promise}, ${p.meaning}, ${p.owner}, ${p.ownerKind},
            ${json(p.priorities)}::jsonb, ${json(p.evidence)}::jsonb)
          ON CONFLICT (council, key) DO UPDATE SET promise = excluded.promise, meaning = excluded.meaning,
            owner = excluded.owner, owner_kind = excluded.owner_kind, priorities = excluded.priorities,
            evidence = excluded.evidence
          RETURNING id::text AS id`
        for (const r of p.reviews) yield* addReview(p.council, row!.id, r)
      })

    const pledges = (council: Council.CouncilId) =>
      Effect.gen(function* () {
        const rows = yield* sql<{
          id: string
          key: string
          promise: string
          meaning: string
          owner: string
          owner_kind: string
          priorities: unknown
          evidence: unknown
        }>`SELECT id::text AS id, key, promise, meaning, owner, owner_kind, priorities, evidence FROM pledges
          WHERE council = ${council} ORDER BY position, id`
        const reviews = yield* sql<{
          pledge_id: string
          on_date: string
          reviewed_with: string
          status: string
          summary: string
        }>`SELECT pledge_id::text AS pledge_id, on_date::text AS on_date, reviewed_with, status, summary
          FROM pledge_reviews WHERE council = ${council} ORDER BY on_date, id`
        return yield* decodePledges(
          rows.map((r) => ({
            id: r.key,
            council,
            promise: r.promise,
            meaning: r.meaning,
            owner: r.owner,
            ownerKind: r.owner_kind,
            priorities: parsedJson(r.priorities),
            evidence: parsedJson(r.evidence),
            reviews: reviews
              .filter((x) => x.pledge_id === r.id)
              .map((x) => ({ on: x.on_date, with: x.reviewed_with, status: x.status, summary: x.summary }))
          }))
        ).pipe(Effect.orDie)
      })

    const review = (council: Council.CouncilId, pledge: Pledge.PledgeId, r: Pledge.Review) =>
      Effect.gen(function* () {
        const [row] = yield* sql<{ id: string }>`SELECT id::text AS id FROM pledges
          WHERE council = ${council} AND key = ${pledge}`
        if (row === undefined) return yield* Effect.fail(new Pledge.PledgeNotFound({ council, pledge }))
        yield* addReview(council, row.id, r)
      })

    return Pledge.Pledges.of({
      save: (p) => inCouncil(p.council, save(p)).pipe(Effect.orDie),
      pledges: (council) => inCouncil(council, pledges(council)).pipe(Effect.orDie),
      review: (council, pledge, r) =>
        inCouncil(council, review(council, pledge, r)).pipe(Effect.catchTag("SqlError", Effect.die))
    })
  })
)

/**
 * Voice `Themes` on the `SqlClient` in context.
 * @category layers
 */
export const layerThemes: Layer.Layer<Voice.Themes, never, SqlClient.SqlClient> = Layer.effect(
  Voice.Themes,
  Effect.gen(function* () {
    const sql = yield* SqlClient.SqlClient
    const inCouncil = inCouncilOf(sql)

    const record = (t: Voice.Theme) =>
      sql`INSERT INTO voice_themes (council, key, on_date, source, theme, summary, raised_by, priorities, pledges,
        actions)
        VALUES (${t.council}, ${t.id}, ${t.on}::date, ${t.source}, ${t.theme}, ${t.summary}, ${t.raisedBy},
          ${json(t.priorities)}::jsonb, ${json(t.pledges)}::jsonb, ${json(t.actions)}::jsonb)
        ON CONFLICT (council, key) DO UPDATE SET on_date = excluded.on_date, source = excluded.source,
          theme = excluded.theme, summary = excluded.summary, raised_by = excluded.raised_by,
          priorities = excluded.priorities, pledges = excluded.pledges, actions = excluded.actions`

    const themes = (council: Council.CouncilId) =>
      Effect.gen(function* () {
        const rows = yield* sql<{
          key: string
          on_date: string
          source: string
          theme: string
          summary: string
          raised_by: number | null
          priorities: unknown
          pledges: unknown
          actions: unknown
        }>`SELECT key, on_date::text AS on_date, source, theme, summary, raised_by, priorities, pledges, actions
          FROM voice_themes WHERE council = ${council} ORDER BY on_date, id`
        return yield* decodeThemes(
          rows.map((r) => ({
            id: r.key,
            council,
            on: r.on_date,
            source: r.source,
            theme: r.theme,
            summary: r.summary,
            raisedBy: r.raised_by,
            priorities: parsedJson(r.priorities),
            pledges: parsedJson(r.pledges),
            actions: parsedJson(r.actions)
          }))
        ).pipe(Effect.orDie)
      })

    return Voice.Themes.of({
      record: (t) => inCouncil(t.council, record(t)).pipe(Effect.asVoid, Effect.orDie),
      themes: (council) => inCouncil(council, themes(council)).pipe(Effect.orDie)
    })
  })
)
