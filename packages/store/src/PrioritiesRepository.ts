/**
 * The `Priorities` service on SQL: a council's strategies with their priorities and actions, the progress updates
 * (`action_updates`, for an action or, with no action, for its priority) and "you said, we did" entries. Saving a
 * strategy upserts by the council's own ids (`key`) in one transaction; priorities and actions left out are retired,
 * never deleted, so the RAG history of every action stays. Updates are only inserted, and inserting the same update
 * id again changes nothing, so an export can be imported twice.
 *
 * Every call runs under row-level security for its council (`scoped`), and only for a caller who may act for it.
 */
import { type Council, Priorities, Progress, Strategy, YouSaidWeDid } from "@cpo/domain"
import { Effect, Layer, Option, Schema } from "effect"
import { SqlClient } from "effect/sql"
import { inCouncilOf, parsedJson } from "./Database.ts"

const json = (value: unknown): string => JSON.stringify(value)

const decodeStrategy = Schema.decodeUnknownEffect(Strategy.Strategy)
const encodeMilestones = Schema.encodeSync(Schema.Array(Strategy.Milestone))
const encodeEvidence = Schema.encodeSync(Schema.Array(Progress.Evidence))

interface StrategyRow {
  readonly id: string
  readonly key: string
  readonly title: string
  readonly period_start: string
  readonly period_end: string
}

/**
 * `Priorities` on the `SqlClient` in context.
 * @category layers
 */
export const layer: Layer.Layer<Priorities.Priorities, never, SqlClient.SqlClient> = Layer.effect(
  Priorities.Priorities,
  Effect.gen(function* () {
    const sql = yield* SqlClient.SqlClient
    const inCouncil = inCouncilOf(sql)

    const loadStrategy = (council: Council.CouncilId) =>
      Effect.gen(function* () {
        const [s] = yield* sql<StrategyRow>`SELECT id::text AS id, key, title, period_start::text AS period_start,
          period_end::text AS period_end FROM strategies WHERE council = ${council}
          ORDER BY period_end DESC, id DESC LIMIT 1`
        if (s === undefined) return Option.none<Strategy.Strategy>()
        const priorities = yield* sql<{
          id: string
          key: string
          title: string
          lead_members: unknown
          lead_officer: string
          what_we_need_to_improve: unknown
          what_we_will_do: unknown
          what_this_will_mean: unknown
          principles: unknown
          indicators: unknown
        }>`SELECT id::text AS id, key, title, lead_members, lead_officer, what_we_need_to_improve, what_we_will_do,
          what_this_will_mean, principles, indicators
          FROM priorities WHERE strategy_id = ${s.id} AND NOT retired ORDER BY position, id`
        const actions = yield* sql<{
          priority_id: string
          key: string
          title: string
          owner: string
          start: string
          due: string
          status: string
          milestones: unknown
        }>`SELECT a.priority_id::text AS priority_id, a.key, a.title, a.owner, a.start::text AS start,
          a.due::text AS due, a.status, a.milestones
          FROM actions a JOIN priorities p ON p.id = a.priority_id
          WHERE p.strategy_id = ${s.id} AND NOT a.retired ORDER BY a.position, a.id`
        const encoded = {
          id: s.key,
          council,
          title: s.title,
          period: { start: s.period_start, end: s.period_end },
          priorities: priorities.map((p) => ({
            id: p.key,
            title: p.title,
            leadMembers: parsedJson(p.lead_members),
            leadOfficer: p.lead_officer,
            whatWeNeedToImprove: parsedJson(p.what_we_need_to_improve),
            whatWeWillDo: parsedJson(p.what_we_will_do),
            whatThisWillMeanInPractice: parsedJson(p.what_this_will_mean),
            principles: parsedJson(p.principles),
            indicators: parsedJson(p.indicators),
            actions: actions
              .filter((a) => a.priority_id === p.id)
              .map((a) => ({
                id: a.key,
                title: a.title,
                owner: a.owner,
                start: a.start,
                due: a.due,
                status: a.status,
                milestones: parsedJson(a.milestones)
              }))
          }))
        }
        return Option.some(yield* decodeStrategy(encoded).pipe(Effect.orDie))
      })

    const currentStrategy = (council: Council.CouncilId) =>
      Effect.flatMap(loadStrategy(council), (s) =>
        Option.match(s, {
          onNone: () => Effect.fail(new Priorities.StrategyNotFound({ council })),
          onSome: Effect.succeed
        })
      )

    const saveStrategy = (strategy: Strategy.Strategy) =>
      Effect.gen(function* () {
        const [row] = yield* sql<{ id: string }>`INSERT INTO strategies (council, key, title, period_start, period_end)
          VALUES (${strategy.council}, ${strategy.id}, ${strategy.title}, ${strategy.period.start}::date,
            ${strategy.period.end}::date)
          ON CONFLICT (council, key) DO UPDATE SET title = excluded.title, period_start = excluded.period_start,
            period_end = excluded.period_end
          RETURNING id::text AS id`
        const strategyId = row!.id
        yield* sql`UPDATE priorities SET retired = true WHERE strategy_id = ${strategyId}`
        for (const [position, p] of strategy.priorities.entries()) {
          const [pr] = yield* sql<{ id: string }>`INSERT INTO priorities (council, strategy_id, key, position, title,
            lead_members, lead_officer, what_we_need_to_improve, what_we_will_do, what_this_will_mean, principles,
            indicators, retired)
            VALUES (${strategy.council}, ${strategyId}, ${p.id}, ${position}, ${p.title}, ${json(p.leadMembers)}::jsonb,
              ${p.leadOfficer}, ${json(p.whatWeNeedToImprove)}::jsonb, ${json(p.whatWeWillDo)}::jsonb,
              ${json(p.whatThisWillMeanInPractice)}::jsonb, ${json(p.principles)}::jsonb, ${json(p.indicators)}::jsonb,
              false)
            ON CONFLICT (council, key) DO UPDATE SET strategy_id = excluded.strategy_id, position = excluded.position,
              title = excluded.title, lead_members = excluded.lead_members, lead_officer = excluded.lead_officer,
              what_we_need_to_improve = excluded.what_we_need_to_improve, what_we_will_do = excluded.what_we_will_do,
              what_this_will_mean = excluded.what_this_will_mean, principles = excluded.principles,
              indicators = excluded.indicators, retired = false
            RETURNING id::text AS id`
          const priorityId = pr!.id
          yield* sql`UPDATE actions SET retired = true WHERE priority_id = ${priorityId}`
          for (const [actionPosition, a] of p.actions.entries()) {
            yield* sql`INSERT INTO actions (council, priority_id, key, position, title, owner, start, due, status,
              milestones, retired)
              VALUES (${strategy.council}, ${priorityId}, ${a.id}, ${actionPosition}, ${a.title}, ${a.owner},
                ${a.start}::date, ${a.due}::date, ${a.status}, ${json(encodeMilestones(a.milestones))}::jsonb, false)
              ON CONFLICT (council, key) DO UPDATE SET priority_id = excluded.priority_id,
                position = excluded.position, title = excluded.title, owner = excluded.owner, start = excluded.start,
                due = excluded.due, status = excluded.status, milestones = excluded.milestones, retired = false`
          }
        }
      })

    const recordUpdate = (update: Progress.Update) =>
      Effect.gen(function* () {
        const strategy = yield* currentStrategy(update.council)
        yield* Priorities.checkUpdate(strategy, update)
        const action = Option.getOrNull(update.action)
        yield* sql`INSERT INTO action_updates (council, key, priority_id, action_id, on_date, rag, commentary, evidence,
          author)
          VALUES (${update.council}, ${update.id},
            (SELECT id FROM priorities WHERE council = ${update.council} AND key = ${update.priority}),
            (SELECT id FROM actions WHERE council = ${update.council} AND key = ${action}),
            ${update.on}::date, ${update.rag}, ${update.commentary},
            ${json(encodeEvidence(update.evidence))}::jsonb, ${update.author})
          ON CONFLICT (council, key) DO NOTHING`
      })

    const updates = (council: Council.CouncilId) =>
      Effect.gen(function* () {
        const rows = yield* sql<{
          key: string
          priority: string
          action: string | null
          on_date: string
          rag: string
          commentary: string
          evidence: unknown
          author: string
        }>`SELECT u.key, p.key AS priority, a.key AS action, u.on_date::text AS on_date, u.rag, u.commentary,
          u.evidence, u.author
          FROM action_updates u JOIN priorities p ON p.id = u.priority_id LEFT JOIN actions a ON a.id = u.action_id
          WHERE u.council = ${council} ORDER BY u.on_date, u.id`
        return yield* Schema.decodeUnknownEffect(Schema.Array(Progress.Update))(
          rows.map((r) => ({
            id: r.key,
            council,
            priority: r.priority,
            action: r.action,
            on: r.on_date,
            rag: r.rag,
            commentary: r.commentary,
            evidence: parsedJson(r.evidence),
            author: r.author
          }))
        ).pipe(Effect.orDie)
      })

    const recordYouSaidWeDid = (entry: YouSaidWeDid.Entry) =>
      Effect.gen(function* () {
        yield* Priorities.checkYouSaidWeDid(yield* currentStrategy(entry.council), entry)
        yield* sql`INSERT INTO you_said_we_did (council, key, on_date, source, you_said, we_did, priorities)
          VALUES (${entry.council}, ${entry.id}, ${entry.on}::date, ${entry.source}, ${entry.youSaid}, ${entry.weDid},
            ${json(entry.priorities)}::jsonb)
          ON CONFLICT (council, key) DO UPDATE SET on_date = excluded.on_date, source = excluded.source,
            you_said = excluded.you_said, we_did = excluded.we_did, priorities = excluded.priorities`
      })

    const youSaidWeDid = (council: Council.CouncilId) =>
      Effect.gen(function* () {
        const rows = yield* sql<{
          key: string
          on_date: string
          source: string
          you_said: string
          we_did: string
          priorities: unknown
        }>`SELECT key, on_date::text AS on_date, source, you_said, we_did, priorities FROM you_said_we_did
          WHERE council = ${council} ORDER BY on_date, id`
        return yield* Schema.decodeUnknownEffect(Schema.Array(YouSaidWeDid.Entry))(
          rows.map((r) => ({
            id: r.key,
            council,
            on: r.on_date,
            source: r.source,
            youSaid: r.you_said,
            weDid: r.we_did,
            priorities: parsedJson(r.priorities)
          }))
        ).pipe(Effect.orDie)
      })

    return Priorities.Priorities.of({
      saveStrategy: (strategy) =>
        Effect.flatMap(Priorities.validate(strategy), (valid) =>
          inCouncil(valid.council, saveStrategy(valid)).pipe(Effect.orDie)
        ),
      strategy: (council) => inCouncil(council, currentStrategy(council)).pipe(Effect.catchTag("SqlError", Effect.die)),
      recordUpdate: (update) =>
        inCouncil(update.council, recordUpdate(update)).pipe(Effect.catchTag("SqlError", Effect.die)),
      updates: (council) => inCouncil(council, updates(council)).pipe(Effect.orDie),
      recordYouSaidWeDid: (entry) =>
        inCouncil(entry.council, recordYouSaidWeDid(entry)).pipe(Effect.catchTag("SqlError", Effect.die)),
      youSaidWeDid: (council) => inCouncil(council, youSaidWeDid(council)).pipe(Effect.orDie)
    })
  })
)
