/**
 * Take-up of the local offer: each application, award, payment, refusal or decline of an entitlement for a young
 * person, against the offer version it was made under. Summaries count by entitlement, area, age band or
 * care-leaver status, and list the young people an entitlement applies to who have not had it — the gaps a
 * corporate parenting board asks about.
 *
 * Counts are about named children: for members and the public every count column goes through `Suppression.list`
 * (1–5 shown as `c`, with secondary suppression against the column total), and the amount paid is hidden with its
 * payment count (domain.md §5.1).
 */
import { Option, Schema } from "effect"
import type { Audience } from "./Audience.ts"
import * as CalendarDate from "./CalendarDate.ts"
import { ChildId } from "./Child.ts"
import * as Council from "./Council.ts"
import * as Eligibility from "./Eligibility.ts"
import * as Entitlement from "./Entitlement.ts"
import type { OfferVersion } from "./LocalOffer.ts"
import * as OfferArea from "./OfferArea.ts"
import * as Suppression from "./Suppression.ts"

/** @category models */
export const Stage = Schema.Literals(["applied", "awarded", "paid", "declined", "refused"]).annotate({
  identifier: "TakeUpStage",
  description: "applied; awarded; paid; declined by the young person; refused by the council"
})
export type Stage = typeof Stage.Type

/** A take-up record before it is stored. @category models */
export const NewTakeUp = Schema.Struct({
  council: Council.CouncilId,
  offerVersion: Schema.Int,
  entitlementId: Entitlement.EntitlementId,
  childId: ChildId,
  stage: Stage,
  on: CalendarDate.CalendarDate,
  pence: Schema.OptionFromNullOr(Schema.Int.pipe(Schema.check(Schema.isGreaterThanOrEqualTo(0)))),
  recordedBy: Schema.NonEmptyString
}).annotate({ identifier: "NewTakeUp" })
export type NewTakeUp = typeof NewTakeUp.Type

/** @category models */
export const TakeUp = Schema.Struct({
  id: Schema.String,
  ...NewTakeUp.fields,
  recordedAt: Schema.String
}).annotate({ identifier: "TakeUp" })
export type TakeUp = typeof TakeUp.Type

/** Age bands for care leavers, by age on the day of the record. @category models */
export const AgeBand = Schema.Literals(["under_16", "16_17", "18_20", "21_24", "25_plus"]).annotate({
  identifier: "CareLeaverAgeBand"
})
export type AgeBand = typeof AgeBand.Type

/** @category getters */
export const ageBand = (age: number): AgeBand =>
  age < 16 ? "under_16" : age < 18 ? "16_17" : age < 21 ? "18_20" : age < 25 ? "21_24" : "25_plus"

/** @category models */
export const GroupBy = Schema.Literals(["entitlement", "area", "age_band", "status"]).annotate({
  identifier: "TakeUpGroupBy"
})
export type GroupBy = typeof GroupBy.Type

const Cell = Schema.Union([Schema.Int, Schema.Literal("c")])

/** One row of a take-up summary; counts are `c` where suppressed for the audience. @category models */
export const SummaryRow = Schema.Struct({
  key: Schema.String,
  label: Schema.String,
  /** Distinct young people with an award or payment. */
  youngPeople: Cell,
  applications: Cell,
  awards: Cell,
  payments: Cell,
  paidPence: Cell,
  refusals: Cell,
  declines: Cell
}).annotate({ identifier: "TakeUpSummaryRow" })
export type SummaryRow = typeof SummaryRow.Type

/** A take-up summary: its rows and a total row. @category models */
export const Summary = Schema.Struct({
  by: GroupBy,
  audience: Schema.Literals(["officer", "member", "public"]),
  rows: Schema.Array(SummaryRow),
  total: SummaryRow
}).annotate({ identifier: "TakeUpSummary" })
export type Summary = typeof Summary.Type

const keysOf = (
  record: TakeUp,
  by: GroupBy,
  offer: OfferVersion,
  people: ReadonlyMap<string, Eligibility.YoungPerson>
): ReadonlyArray<readonly [string, string]> => {
  const person = Option.fromNullishOr(people.get(record.childId))
  switch (by) {
    case "entitlement": {
      const e = offer.entitlements.find((x) => x.id === record.entitlementId)
      return [[record.entitlementId, e?.title ?? record.entitlementId]]
    }
    case "area": {
      const e = offer.entitlements.find((x) => x.id === record.entitlementId)
      return (e?.areas ?? []).map((a) => [a, OfferArea.label(a)] as const)
    }
    case "age_band":
      return Option.match(person, {
        onNone: () => [["unknown", "age unknown"]],
        onSome: (p) => {
          const band = ageBand(CalendarDate.ageOn(p.dateOfBirth, record.on))
          return [[band, band.replace("_plus", "+").replace("_", "–")]]
        }
      })
    case "status":
      return Option.match(
        Option.flatMap(person, (p) => Eligibility.circumstancesOn(p, record.on).status),
        {
          onNone: () => [["unknown", "status unknown"]],
          onSome: (s) => [[s, Eligibility.statusLabels[s]]]
        }
      )
  }
}

const countColumns = ["youngPeople", "applications", "awards", "payments", "refusals", "declines"] as const
type CountColumn = (typeof countColumns)[number]

interface Tally {
  readonly label: string
  readonly children: Set<string>
  readonly counts: Record<Stage, number>
  readonly paid: Array<number>
}

const tally = (label: string): Tally => ({
  label,
  children: new Set<string>(),
  counts: { applied: 0, awarded: 0, paid: 0, declined: 0, refused: 0 },
  paid: []
})

const countInto = (t: Tally, r: TakeUp): void => {
  t.counts[r.stage] += 1
  if (r.stage === "awarded" || r.stage === "paid") t.children.add(r.childId)
  if (r.stage === "paid") t.paid.push(Option.getOrElse(r.pence, () => 0))
}

const exactCounts = (t: Tally): Record<CountColumn, number> => ({
  youngPeople: t.children.size,
  applications: t.counts.applied,
  awards: t.counts.awarded,
  payments: t.counts.paid,
  refusals: t.counts.refused,
  declines: t.counts.declined
})

/**
 * Take-up counted by entitlement, area, age band or status, for an audience. Age and status are taken on each
 * record's day from the young person's facts; records of people not given count as "unknown". Grouped by area, an
 * entitlement in two areas counts in both, so area rows may sum to more than the total.
 *
 * For members and the public each count column is published as a list with its total through `Suppression.list`;
 * the total row shows the column's published total.
 * @category getters
 */
export const summarise = (input: {
  readonly records: ReadonlyArray<TakeUp>
  readonly offer: OfferVersion
  readonly people: ReadonlyArray<Eligibility.YoungPerson>
  readonly by: GroupBy
  readonly audience: Audience
}): Summary => {
  const people = new Map(input.people.map((p) => [p.childId as string, p]))
  const groups = new Map<string, Tally>()
  const everyone = tally("Total")
  for (const r of input.records) {
    countInto(everyone, r)
    for (const [key, label] of keysOf(r, input.by, input.offer, people)) {
      const group = groups.get(key) ?? tally(label)
      countInto(group, r)
      groups.set(key, group)
    }
  }
  const sorted = [...groups.entries()].sort(([a], [b]) => a.localeCompare(b))
  const exact = sorted.map(([, t]) => exactCounts(t))
  const published = new Map(
    countColumns.map(
      (c) =>
        [
          c,
          Suppression.list(
            exact.map((row) => row[c]),
            input.audience
          )
        ] as const
    )
  )
  const at = (c: CountColumn, i: number | "total"): Suppression.Cell => {
    const column = published.get(c)
    if (column === undefined) return "c"
    // Distinct young people do not add up across groups: the total is the true count, suppressed on its own.
    if (i === "total")
      return c === "youngPeople" ? Suppression.count(everyone.children.size, input.audience) : column.total
    return column.cells[i] ?? "c"
  }
  const row = (key: string, label: string, i: number | "total", paid: ReadonlyArray<number>): SummaryRow => ({
    key,
    label,
    youngPeople: at("youngPeople", i),
    applications: at("applications", i),
    awards: at("awards", i),
    payments: at("payments", i),
    paidPence: at("payments", i) === "c" ? "c" : paid.reduce((a, b) => a + b, 0),
    refusals: at("refusals", i),
    declines: at("declines", i)
  })
  return {
    by: input.by,
    audience: input.audience,
    rows: sorted.map(([key, t], i) => row(key, t.label, i, t.paid)),
    total: row("total", "Total", "total", everyone.paid)
  }
}

/** A young person an entitlement applies to who has had no award or payment of it. @category models */
export const Gap = Schema.Struct({
  childId: ChildId,
  entitlementId: Entitlement.EntitlementId,
  title: Schema.String,
  /** Their latest record for it, if any (an application still open, a refusal, a decline). */
  latestStage: Schema.OptionFromNullOr(Stage)
}).annotate({ identifier: "TakeUpGap" })
export type Gap = typeof Gap.Type

/**
 * For the entitlements `keys` (all of the offer's when empty): the young people each applies to on `on` who have no
 * award or payment of it in `records`.
 * @category getters
 */
export const notTakenUp = (input: {
  readonly offer: OfferVersion
  readonly people: ReadonlyArray<Eligibility.YoungPerson>
  readonly records: ReadonlyArray<TakeUp>
  readonly on: CalendarDate.CalendarDate
  readonly keys: ReadonlyArray<Entitlement.EntitlementId>
}): ReadonlyArray<Gap> => {
  const entitlements =
    input.keys.length === 0
      ? input.offer.entitlements
      : input.offer.entitlements.filter((e) => input.keys.includes(e.id))
  const gaps: Array<Gap> = []
  for (const e of entitlements) {
    for (const p of input.people) {
      if (!Entitlement.assess(e, p, input.on).applies) continue
      const theirs = input.records
        .filter((r) => r.childId === p.childId && r.entitlementId === e.id && r.on <= input.on)
        .sort((a, b) => (a.on < b.on ? -1 : a.on > b.on ? 1 : 0))
      if (theirs.some((r) => r.stage === "awarded" || r.stage === "paid")) continue
      gaps.push({
        childId: p.childId,
        entitlementId: e.id,
        title: e.title,
        latestStage: Option.map(Option.fromNullishOr(theirs[theirs.length - 1]), (r) => r.stage)
      })
    }
  }
  return gaps
}
