/**
 * The `LocalOffers` service on SQL (migration 0006). Each call runs in one transaction under row-level security for
 * its council, and acts only for the caller's council (`AuditLog.CurrentCaller`): a caller of another council is
 * told the council does not exist. The lifecycle rules (only a draft changes; approval needs a consultation with
 * care leavers and all six statutory areas; only an approved version is published) are the domain's pure functions;
 * this module loads, applies them and writes the result. Triggers refuse any change to a published version whatever
 * the SQL. Reading take-up is an access to child-level data and goes to the audit log in the same transaction.
 */
import { AuditLog, type CalendarDate, type Council, Entitlement, LocalOffer, Returns, type TakeUp } from "@cpo/domain"
import { Clock, Effect, Layer, Option, Schema } from "effect"
import { SqlClient } from "effect/sql"
import { recordAccess } from "./AuditLogRepository.ts"
import { scoped } from "./Database.ts"

interface VersionRow {
  readonly id: string
  readonly version: number
  readonly title: string
  readonly state: string
  readonly consultations: unknown
  readonly created_by: string
  readonly created_at: string
  readonly approved_by: string | null
  readonly approved_at: string | null
  readonly published_by: string | null
  readonly published_at: string | null
  readonly effective_from: string | null
}

interface TakeUpRow {
  readonly id: string
  readonly version: number
  readonly entitlement: string
  readonly child_id: string
  readonly status: string
  readonly event_date: string
  readonly amount_pence: number | null
  readonly recorded_by: string
  readonly recorded_at: string
}

const json = (value: unknown): unknown => (typeof value === "string" ? JSON.parse(value) : value)

const decodeVersion = Schema.decodeUnknownEffect(LocalOffer.OfferVersion)
const encodeEntitlement = Schema.encodeSync(Entitlement.Entitlement)
const encodeConsultations = Schema.encodeSync(Schema.Array(LocalOffer.Consultation))

const iso = (millis: number): string => new Date(millis).toISOString()

/**
 * `LocalOffers` on the `SqlClient` in context.
 * @category layers
 */
export const layer: Layer.Layer<LocalOffer.LocalOffers, never, SqlClient.SqlClient> = Layer.effect(
  LocalOffer.LocalOffers,
  Effect.gen(function* () {
    const sql = yield* SqlClient.SqlClient
    const provide = Effect.provideService(SqlClient.SqlClient, sql)

    const versionColumns = sql`id::text AS id, version, title, state, consultations, created_by,
      to_char(created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS created_at, approved_by,
      to_char(approved_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS approved_at, published_by,
      to_char(published_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS published_at,
      to_char(effective_from, 'YYYY-MM-DD') AS effective_from`

    /** Within a council's scope: the council exists, else `CouncilNotFound`. */
    const requireCouncil = (council: Council.CouncilId) =>
      Effect.gen(function* () {
        const rows = yield* sql<{ id: string }>`SELECT id FROM councils WHERE id = ${council}`
        if (rows.length === 0) return yield* new Returns.CouncilNotFound({ council })
      })

    /** Run `self` for the caller's council, in one transaction under row-level security. */
    const inCouncil = <A, E>(council: Council.CouncilId, self: Effect.Effect<A, E, SqlClient.SqlClient>) =>
      Effect.gen(function* () {
        const caller = yield* AuditLog.CurrentCaller
        if (!AuditLog.mayActFor(caller, council)) return yield* new Returns.CouncilNotFound({ council })
        return yield* provide(scoped(council)(Effect.andThen(requireCouncil(council), self)))
      })

    const toVersion = (council: Council.CouncilId, row: VersionRow) =>
      Effect.gen(function* () {
        const definitions = yield* sql<{ definition: unknown }>`
          SELECT definition FROM entitlement_versions WHERE offer_version_id = ${row.id} ORDER BY position`
        return yield* decodeVersion({
          council,
          version: row.version,
          title: row.title,
          state: row.state,
          entitlements: definitions.map((d) => json(d.definition)),
          consultations: json(row.consultations),
          created: { by: row.created_by, at: row.created_at },
          approved: row.approved_by === null ? null : { by: row.approved_by, at: row.approved_at },
          published:
            row.published_by === null
              ? null
              : { by: row.published_by, at: row.published_at, effectiveFrom: row.effective_from }
        }).pipe(Effect.orDie)
      })

    const findVersion = (council: Council.CouncilId, version: number) =>
      Effect.gen(function* () {
        const rows = yield* sql<VersionRow>`SELECT ${versionColumns} FROM offer_versions
          WHERE council = ${council} AND version = ${version}`
        const row = rows[0]
        if (row === undefined) return yield* new LocalOffer.OfferVersionNotFound({ council, version })
        return { row, offer: yield* toVersion(council, row) }
      })

    /** A version just written, read back as stored. */
    const reload = (council: Council.CouncilId, version: number) =>
      findVersion(council, version).pipe(
        Effect.map((v) => v.offer),
        Effect.catchTag("OfferVersionNotFound", (e) => Effect.die(e))
      )

    const writeEntitlements = (
      council: Council.CouncilId,
      offerVersionId: string,
      version: number,
      entitlements: ReadonlyArray<Entitlement.Entitlement>
    ) =>
      Effect.forEach(
        entitlements,
        (e, position) =>
          Effect.gen(function* () {
            const ids = yield* sql<{ id: string }>`INSERT INTO entitlements (council, key) VALUES (${council}, ${e.id})
              ON CONFLICT (council, key) DO UPDATE SET key = EXCLUDED.key RETURNING id::text AS id`
            const entitlementId = ids[0]?.id
            const definition = encodeEntitlement(e)
            yield* sql`INSERT INTO entitlement_versions (council, entitlement_id, version, title, description,
              eligibility, amount_pence, effective_from, effective_to, offer_version_id, position, definition)
              VALUES (${council}, ${entitlementId}, ${version}, ${e.title}, ${e.summary},
                ${JSON.stringify(definition.eligibility)}::jsonb, NULL, ${e.effectiveFrom}::date,
                ${Option.getOrNull(e.effectiveTo)}::date, ${offerVersionId}, ${position},
                ${JSON.stringify(definition)}::jsonb)`
          }),
        { discard: true }
      )

    const versions = (council: Council.CouncilId) =>
      inCouncil(
        council,
        Effect.gen(function* () {
          const rows = yield* sql<VersionRow>`SELECT ${versionColumns} FROM offer_versions
            WHERE council = ${council} ORDER BY version DESC`
          return yield* Effect.forEach(rows, (row) => toVersion(council, row))
        })
      )

    const version = (council: Council.CouncilId, n: number) =>
      inCouncil(
        council,
        Effect.map(findVersion(council, n), (v) => v.offer)
      )

    const publishedOn = (council: Council.CouncilId, on: CalendarDate.CalendarDate) =>
      inCouncil(
        council,
        Effect.gen(function* () {
          const rows = yield* sql<VersionRow>`SELECT ${versionColumns} FROM offer_versions
            WHERE council = ${council} AND state = 'published' AND effective_from <= ${on}::date
            ORDER BY effective_from DESC, version DESC LIMIT 1`
          const row = rows[0]
          if (row === undefined) return yield* new LocalOffer.NoPublishedOffer({ council, on })
          return yield* toVersion(council, row)
        })
      )

    const saveDraft = (
      council: Council.CouncilId,
      input: { readonly title: string; readonly entitlements: ReadonlyArray<Entitlement.Entitlement> },
      by: string
    ) =>
      inCouncil(
        council,
        Effect.gen(function* () {
          const open = yield* sql<VersionRow>`SELECT ${versionColumns} FROM offer_versions
            WHERE council = ${council} AND state = 'draft'`
          const draftRow = open[0]
          if (draftRow !== undefined) {
            const current = yield* toVersion(council, draftRow)
            const revised = yield* LocalOffer.revise(current, input).pipe(
              Effect.catchTag("OfferNotDraft", (e) => Effect.die(e))
            )
            yield* sql`DELETE FROM entitlement_versions WHERE offer_version_id = ${draftRow.id}`
            yield* sql`UPDATE offer_versions SET title = ${revised.title} WHERE id = ${draftRow.id}`
            yield* writeEntitlements(council, draftRow.id, revised.version, revised.entitlements)
            return yield* reload(council, revised.version)
          }
          const [last] = yield* sql<{ n: number }>`SELECT coalesce(max(version), 0)::int AS n FROM offer_versions
            WHERE council = ${council}`
          const now = iso(yield* Clock.currentTimeMillis)
          const draft = yield* LocalOffer.makeDraft({
            council,
            version: (last?.n ?? 0) + 1,
            title: input.title,
            entitlements: input.entitlements,
            created: { by, at: now }
          })
          const [inserted] = yield* sql<{ id: string }>`INSERT INTO offer_versions
            (council, version, title, state, consultations, created_by, created_at)
            VALUES (${council}, ${draft.version}, ${draft.title}, 'draft', '[]'::jsonb, ${by}, ${now}::timestamptz)
            RETURNING id::text AS id`
          yield* writeEntitlements(council, inserted?.id ?? "", draft.version, draft.entitlements)
          return yield* reload(council, draft.version)
        })
      )

    const recordConsultation = (council: Council.CouncilId, n: number, consultation: LocalOffer.Consultation) =>
      inCouncil(
        council,
        Effect.gen(function* () {
          const { row, offer } = yield* findVersion(council, n)
          const consulted = yield* LocalOffer.recordConsultation(offer, consultation)
          yield* sql`UPDATE offer_versions SET consultations = ${JSON.stringify(
            encodeConsultations(consulted.consultations)
          )}::jsonb WHERE id = ${row.id}`
          return consulted
        })
      )

    const approve = (council: Council.CouncilId, n: number, by: string) =>
      inCouncil(
        council,
        Effect.gen(function* () {
          const { row, offer } = yield* findVersion(council, n)
          const at = iso(yield* Clock.currentTimeMillis)
          const approved = yield* LocalOffer.approve(offer, { by, at })
          yield* sql`UPDATE offer_versions SET state = 'approved', approved_by = ${by}, approved_at = ${at}::timestamptz
            WHERE id = ${row.id}`
          return yield* reload(council, approved.version)
        })
      )

    const publish = (council: Council.CouncilId, n: number, by: string, effectiveFrom: CalendarDate.CalendarDate) =>
      inCouncil(
        council,
        Effect.gen(function* () {
          const { row, offer } = yield* findVersion(council, n)
          const at = iso(yield* Clock.currentTimeMillis)
          const published = yield* LocalOffer.publish(offer, { by, at, effectiveFrom })
          // Entitlement rows first: once the version is published the trigger refuses any change to them.
          yield* sql`UPDATE entitlement_versions SET published_at = ${at}::timestamptz WHERE offer_version_id = ${row.id}`
          yield* sql`UPDATE offer_versions SET state = 'published', published_by = ${by},
            published_at = ${at}::timestamptz, effective_from = ${effectiveFrom}::date WHERE id = ${row.id}`
          return yield* reload(council, published.version)
        })
      )

    const toTakeUp = (council: Council.CouncilId, row: TakeUpRow): TakeUp.TakeUp =>
      ({
        id: row.id,
        council,
        offerVersion: row.version,
        entitlementId: row.entitlement,
        childId: row.child_id,
        stage: row.status,
        on: row.event_date,
        pence: Option.fromNullishOr(row.amount_pence),
        recordedBy: row.recorded_by,
        recordedAt: row.recorded_at
      }) as TakeUp.TakeUp

    const takeUpColumns = sql`t.id::text AS id, ov.version, e.key AS entitlement, t.child_id, t.status,
      to_char(t.event_date, 'YYYY-MM-DD') AS event_date, t.amount_pence, t.recorded_by,
      to_char(t.recorded_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS recorded_at`
    const takeUpJoins = sql`entitlement_take_up t
      JOIN entitlement_versions ev ON ev.id = t.entitlement_version_id
      JOIN entitlements e ON e.id = ev.entitlement_id
      JOIN offer_versions ov ON ov.id = ev.offer_version_id`

    const recordTakeUp = (record: TakeUp.NewTakeUp) =>
      inCouncil(
        record.council,
        Effect.gen(function* () {
          const { row } = yield* findVersion(record.council, record.offerVersion)
          const found = yield* sql<{ id: string }>`SELECT ev.id::text AS id FROM entitlement_versions ev
            JOIN entitlements e ON e.id = ev.entitlement_id
            WHERE ev.offer_version_id = ${row.id} AND e.key = ${record.entitlementId}`
          const entitlementVersionId = found[0]?.id
          if (entitlementVersionId === undefined) {
            return yield* new LocalOffer.EntitlementNotInOffer({
              council: record.council,
              version: record.offerVersion,
              entitlementId: record.entitlementId
            })
          }
          const at = iso(yield* Clock.currentTimeMillis)
          const [inserted] = yield* sql<{ id: string }>`INSERT INTO entitlement_take_up
            (council, entitlement_version_id, child_id, status, amount_pence, recorded_by, recorded_at, event_date)
            VALUES (${record.council}, ${entitlementVersionId}, ${record.childId}, ${record.stage},
              ${Option.getOrNull(record.pence)}, ${record.recordedBy}, ${at}::timestamptz, ${record.on}::date)
            RETURNING id::text AS id`
          const rows = yield* sql<TakeUpRow>`SELECT ${takeUpColumns} FROM ${takeUpJoins} WHERE t.id = ${inserted?.id}`
          return toTakeUp(record.council, rows[0] as TakeUpRow)
        })
      )

    const takeUp = (council: Council.CouncilId, from: CalendarDate.CalendarDate, to: CalendarDate.CalendarDate) =>
      Effect.gen(function* () {
        const caller = yield* AuditLog.CurrentCaller
        return yield* inCouncil(
          council,
          Effect.gen(function* () {
            const rows = yield* sql<TakeUpRow>`SELECT ${takeUpColumns} FROM ${takeUpJoins}
              WHERE t.council = ${council} AND t.event_date BETWEEN ${from}::date AND ${to}::date
              ORDER BY t.event_date, t.id`
            const records = rows.map((r) => toTakeUp(council, r))
            if (records.length > 0) {
              yield* recordAccess(
                AuditLog.access(caller, council, "read", {
                  _tag: "Children",
                  childIds: [...new Set(records.map((r) => r.childId as string))]
                })
              )
            }
            return records
          })
        )
      })

    return LocalOffer.LocalOffers.of({
      versions: (council) => versions(council).pipe(Effect.catchTag("SqlError", Effect.die)),
      version: (council, n) => version(council, n).pipe(Effect.catchTag("SqlError", Effect.die)),
      publishedOn: (council, on) => publishedOn(council, on).pipe(Effect.catchTag("SqlError", Effect.die)),
      saveDraft: (council, input, by) => saveDraft(council, input, by).pipe(Effect.catchTag("SqlError", Effect.die)),
      recordConsultation: (council, n, c) =>
        recordConsultation(council, n, c).pipe(Effect.catchTag("SqlError", Effect.die)),
      approve: (council, n, by) => approve(council, n, by).pipe(Effect.catchTag("SqlError", Effect.die)),
      publish: (council, n, by, effectiveFrom) =>
        publish(council, n, by, effectiveFrom).pipe(Effect.catchTag("SqlError", Effect.die)),
      recordTakeUp: (record) => recordTakeUp(record).pipe(Effect.catchTag("SqlError", Effect.die)),
      takeUp: (council, from, to) => takeUp(council, from, to).pipe(Effect.catchTag("SqlError", Effect.die))
    })
  })
)
