/**
 * DfE social-worker rules (SW…STG1/STG2), the 2026/27 deprivation-of-liberty rules (707–710) and the integrity checks
 * (INT01–INT36, EPI, NoE). Each rule is a small pure check named by its DfE code; messages are our own paraphrase.
 * Where we read a rule differently from the peer validator (data-to-insight `csc-validator-be-903`), the reason is in
 * packages/ssda903/AGREEMENT.md under the rule's code.
 */
import { CalendarDate, type DeprivationOfLiberty, type Episode, type SocialWorkerEpisode } from "@cpo/domain"
import { Option } from "effect"
import {
  type ChildRecords,
  type Context,
  type Hit,
  hit,
  hitsWhere,
  lastYearOf,
  noRecordCheck,
  perChild,
  perChildFact,
  perChildWith,
  type Rule
} from "../Rule.ts"
import type { ReadError, Row } from "../Ssda903.ts"
import type * as Table from "../Table.ts"

// The context carries the year's first and last days already built: reading them is cheaper than making them per row.
const ye = (ctx: Context) => ctx.yearEnd as CalendarDate.CalendarDate
const ys = (ctx: Context) => ctx.yearStart as CalendarDate.CalendarDate

const isShortBreak = (e: Episode.Episode) => e.legalStatus === "V3" || e.legalStatus === "V4"

/** Read errors on one table's column, as hits on the rows they stand for (one per row). */
const readErrorHits = (ctx: Context, table: Table.Name, keep: (e: ReadError) => boolean): ReadonlyArray<Hit> => {
  const seen = new Set<number>()
  const out: Array<Hit> = []
  for (const e of ctx.current.readErrors) {
    if (e.table !== table || seen.has(e.row) || !keep(e)) continue
    seen.add(e.row)
    out.push({ table, lines: [e.row], childId: e.childId, fields: [e.column] })
  }
  return out
}

/** A blank cell the codec could not accept (a required value left empty). */
const isBlankIn = (columns: ReadonlyArray<string>) => (e: ReadError) => e.value === "" && columns.includes(e.column)

// ── Social worker episodes ────────────────────────────────────────────────────────────────────────────────────────
// Social worker episodes (SWEpisodes) are collected from 2023/24 (collection year 2024). A changed rule is a new
// definition under the same code from its first year; the 2024/25 del_list retires SW01STG1, SW03STG1, SW11aSTG2 and
// SW14STG2.

type SocialWorkerRow = Row<SocialWorkerEpisode.SocialWorkerEpisode>

/** The day from which every social worker episode must carry a reason (the first SW collection year). */
const socialWorkerReasonsFrom = CalendarDate.make("2023-04-01")

/** Social worker episodes by start date; an episode with no end after an ended one starting the same day. */
const bySocialWorkerStart = (a: SocialWorkerRow, b: SocialWorkerRow): number => {
  if (a.value.start !== b.value.start) return a.value.start < b.value.start ? -1 : 1
  const ea = Option.getOrUndefined(a.value.end)
  const eb = Option.getOrUndefined(b.value.end)
  if (ea !== eb) return ea === undefined ? 1 : eb === undefined ? -1 : ea < eb ? -1 : 1
  return a.line - b.line
}

/** A child's social worker episodes in that order. */
const socialWorkerEpisodesInOrder = perChildFact((c: ChildRecords): ReadonlyArray<SocialWorkerRow> => {
  const rows = c.socialWorkerEpisodes
  // Returns usually list a child's episodes in order already: then they are used as they are, not copied and sorted.
  let inOrder = true
  for (let i = 1; inOrder && i < rows.length; i++) inOrder = bySocialWorkerStart(rows[i - 1]!, rows[i]!) < 0
  return inOrder ? rows : [...rows].sort(bySocialWorkerStart)
})

const swRule = (
  code: string,
  message: string,
  fields: ReadonlyArray<string>,
  years: Rule["years"],
  check: Rule["check"]
): Rule => ({ code, message, tables: ["SWEpisodes"], fields, years, check })

/** The episode open at 31 March, when the child is looked after then (an agreed series of short breaks is not). */
const lookedAfterAtYearEnd = (c: ChildRecords, ctx: Context): Row<Episode.Episode> | undefined => {
  const end = ye(ctx)
  for (let i = c.episodes.length - 1; i >= 0; i--) {
    const e = c.episodes[i]!
    if (e.value.start <= end && Option.isNone(e.value.end)) return isShortBreak(e.value) ? undefined : e
  }
  return undefined
}

/**
 * SW01STG1 (2023/24): a child looked after at 31 March needs at least one instance of each social worker item. Rows
 * whose SW_ID or SW_DECOM could not be read are not in the return, so here they count as missing.
 */
const rSW01STG1: Rule = {
  code: "SW01STG1",
  message: "Child looked after at 31 March but no social worker episode information is reported",
  tables: ["SWEpisodes", "Episodes"],
  fields: ["SW_ID", "SW_DECOM", "SW_REASON"],
  years: { from: 2024, to: 2024 },
  check: perChild((c, ctx) => {
    const open = lookedAfterAtYearEnd(c, ctx)
    if (open === undefined) return undefined
    const complete = c.socialWorkerEpisodes.some((r) => Option.isSome(r.value.reason))
    return complete ? undefined : [hit("Episodes", open, c.childId)]
  })
}

/** SW01aSTG1 (from 2024/25): an episode before 1 April 2023 needs an id and start date (its reason is optional). */
const rSW01aSTG1: Rule = {
  ...swRule(
    "SW01aSTG1",
    "Social worker episode information is incomplete: start date missing",
    ["SW_DECOM", "SW_ID"],
    { from: 2025 },
    // A row with a blank SW_ID is not read, so its start date is unknown: SW02STG1 reports it.
    (ctx) => readErrorHits(ctx, "SWEpisodes", isBlankIn(["SW_DECOM"]))
  )
}

/** SW01bSTG1 (from 2024/25): an episode from 1 April 2023 needs an id, a start date and a reason for the change. */
const rSW01bSTG1: Rule = swRule(
  "SW01bSTG1",
  "Social worker episode information is incomplete: an episode from 1 April 2023 needs a start date and a reason",
  ["SW_DECOM", "SW_ID", "SW_REASON"],
  { from: 2025 },
  (ctx) => [
    ...readErrorHits(ctx, "SWEpisodes", isBlankIn(["SW_DECOM"])),
    ...perChild((c) =>
      c.socialWorkerEpisodes
        .filter((r) => r.value.start >= socialWorkerReasonsFrom && Option.isNone(r.value.reason))
        .map((r) => hit("SWEpisodes", r, c.childId, ["SW_REASON"]))
    )(ctx)
  ]
)

const rSW02STG1: Rule = {
  ...swRule(
    "SW02STG1",
    "Social worker ID does not begin with SW or XX",
    ["SW_ID"],
    { from: 2024 },
    perChild((c) =>
      hitsWhere(
        "SWEpisodes",
        c.socialWorkerEpisodes,
        c.childId,
        (r) => !r.value.socialWorkerId.startsWith("SW") && !r.value.socialWorkerId.startsWith("XX")
      )
    )
  ),
  // A blank SW_ID cannot begin with SW or XX either.
  readErrors: [{ table: "SWEpisodes", column: "SW_ID" }]
}

const rSW03STG1: Rule = swRule(
  "SW03STG1",
  "Social worker episode information is incomplete: id, start date and reason are all needed",
  ["SW_ID", "SW_DECOM", "SW_REASON"],
  { from: 2024, to: 2024 },
  (ctx) => [
    ...readErrorHits(ctx, "SWEpisodes", isBlankIn(["SW_ID", "SW_DECOM"])),
    ...perChild((c) =>
      c.socialWorkerEpisodes
        .filter((r) => Option.isNone(r.value.reason))
        .map((r) => hit("SWEpisodes", r, c.childId, ["SW_REASON"]))
    )(ctx)
  ]
)

const rSW04STG1: Rule = {
  ...swRule(
    "SW04STG1",
    "Date the social worker episode began is not a valid date",
    ["SW_DECOM"],
    { from: 2024 },
    noRecordCheck
  ),
  readErrors: [{ table: "SWEpisodes", column: "SW_DECOM" }]
}

const rSW05STG1: Rule = {
  ...swRule(
    "SW05STG1",
    "Date the social worker episode ended is not a valid date",
    ["SW_DEC"],
    { from: 2024 },
    noRecordCheck
  ),
  readErrors: [{ table: "SWEpisodes", column: "SW_DEC" }]
}

const rSW06STG2: Rule = swRule(
  "SW06STG2",
  "Social worker episode starts after the end of the collection year",
  ["SW_DECOM"],
  { from: 2024 },
  perChild((c, ctx) => hitsWhere("SWEpisodes", c.socialWorkerEpisodes, c.childId, (r) => r.value.start > ye(ctx)))
)

/** SW_DEC outside [from, 31 March]; `from` is 1 April of the year, or of the year before from 2024/25. */
const endOutside = (code: string, years: Rule["years"], yearsBack: number): Rule =>
  swRule(
    code,
    yearsBack === 0
      ? "Social worker episode end date is outside the collection year"
      : "Social worker episode end date is before 1 April of the previous collection year or after 31 March",
    ["SW_DEC"],
    years,
    perChildWith((ctx) => {
      const from = CalendarDate.addYears(ys(ctx), -yearsBack)
      const to = ye(ctx)
      return (c) =>
        hitsWhere(
          "SWEpisodes",
          c.socialWorkerEpisodes,
          c.childId,
          (r) => Option.isSome(r.value.end) && (r.value.end.value < from || r.value.end.value > to)
        )
    })
  )

const rSW07STG2a = endOutside("SW07STG2", { from: 2024, to: 2024 }, 0)
const rSW07STG2b = endOutside("SW07STG2", { from: 2025 }, 1)

/** Every episode but a child's latest that has no end date. */
const openBeforeLatest = (c: ChildRecords): ReadonlyArray<Hit> | undefined => {
  if (c.socialWorkerEpisodes.length < 2) return undefined
  const sorted = socialWorkerEpisodesInOrder(c)
  let out: Array<Hit> | undefined
  for (let i = 0; i < sorted.length - 1; i++) {
    if (Option.isSome(sorted[i]!.value.end)) continue
    out ??= []
    out.push(hit("SWEpisodes", sorted[i]!, c.childId))
  }
  return out
}

const rSW08STG2: Rule = swRule(
  "SW08STG2",
  "A new social worker episode has started but the previous one has no end date",
  ["SW_DEC"],
  { from: 2024 },
  perChild(openBeforeLatest)
)

const rSW09STG2: Rule = swRule(
  "SW09STG2",
  "Social worker episode appears to have lasted less than a day",
  ["SW_DECOM", "SW_DEC"],
  { from: 2024 },
  perChild((c) =>
    hitsWhere(
      "SWEpisodes",
      c.socialWorkerEpisodes,
      c.childId,
      (r) => Option.isSome(r.value.end) && r.value.end.value === r.value.start
    )
  )
)

/** A hit on the later of each two consecutive episodes of a child (by start date) for which `test` holds. */
const laterOfConsecutive = (
  c: ChildRecords,
  test: (before: SocialWorkerRow, after: SocialWorkerRow) => boolean
): Array<Hit> | undefined => {
  if (c.socialWorkerEpisodes.length < 2) return undefined
  const sorted = socialWorkerEpisodesInOrder(c)
  let out: Array<Hit> | undefined
  for (let i = 1; i < sorted.length; i++) {
    if (!test(sorted[i - 1]!, sorted[i]!)) continue
    out ??= []
    out.push(hit("SWEpisodes", sorted[i]!, c.childId))
  }
  return out
}

/** `start` is within `days` either side of the previous episode's end (an open previous episode never is). */
const startsNear = (before: SocialWorkerRow, after: SocialWorkerRow, days: number): boolean =>
  Option.isSome(before.value.end) &&
  Math.abs(CalendarDate.daysBetween(before.value.end.value, after.value.start)) <= days

/**
 * SW10STG2: each episode starts within 7 days either side of the end of the one before. From 2024/25 an episode whose
 * reason is FCONTA (fixed-term contract ended) is exempt.
 */
const handover = (years: Rule["years"], exempt: (r: SocialWorkerRow) => boolean): Rule =>
  swRule(
    "SW10STG2",
    "A new social worker episode does not start within 7 days of the end of the previous one",
    ["SW_DECOM"],
    years,
    perChild((c) => laterOfConsecutive(c, (before, after) => !exempt(after) && !startsNear(before, after, 7)))
  )

const rSW10STG2a = handover({ from: 2024, to: 2024 }, () => false)
const rSW10STG2b = handover({ from: 2025 }, (r) => Option.getOrUndefined(r.value.reason) === "FCONTA")

/**
 * SW11aSTG2 (2023/24): an episode that ended more than 5 days before 31 March is followed by one starting within 5
 * days of its end. The later episode is reported, as the peer does.
 */
const rSW11aSTG2: Rule = swRule(
  "SW11aSTG2",
  "Social worker episode ended before 31 March and the next one does not start within 5 days of that end",
  ["SW_DEC"],
  { from: 2024, to: 2024 },
  perChildWith((ctx) => {
    const cutOff = CalendarDate.addDays(ye(ctx), -5)
    return (c) =>
      laterOfConsecutive(
        c,
        (before, after) =>
          Option.isSome(before.value.end) && before.value.end.value <= cutOff && !startsNear(before, after, 5)
      )
  })
)

/** The child's care has ended by 31 March: the latest episode ceased (not X1) on or before it. */
const hasLeftCareBy = (c: ChildRecords, day: CalendarDate.CalendarDate): boolean => {
  const latest = c.episodes[c.episodes.length - 1]?.value
  return (
    latest !== undefined &&
    Option.isSome(latest.end) &&
    latest.end.value <= day &&
    Option.getOrUndefined(latest.reasonCeased) !== "X1"
  )
}

/**
 * SW11bSTG2: the child's latest episode ended in the last 5 days of the year and no episode follows it. A social
 * worker episode closed because the child left care is not missing a successor.
 */
const rSW11bSTG2: Rule = swRule(
  "SW11bSTG2",
  "Social worker episode ended in the last days before 31 March and no later social worker episode is provided",
  ["SW_DEC"],
  { from: 2024 },
  perChildWith((ctx) => {
    const to = ye(ctx)
    const from = CalendarDate.addDays(to, -5)
    return (c) => {
      const sorted = socialWorkerEpisodesInOrder(c)
      const last = sorted[sorted.length - 1]
      if (last === undefined || Option.isNone(last.value.end)) return undefined
      const end = last.value.end.value
      return end >= from && end <= to && !hasLeftCareBy(c, to) ? [hit("SWEpisodes", last, c.childId)] : undefined
    }
  })
)

/**
 * SW12STG2: where care starts or ends in the window (the year; from 2024/25 the year and the one before), social worker
 * episodes must be reported around it: one open on or after the day care started, one that began by the day it
 * ended. Short breaks are not care for this purpose.
 */
const aroundCare = (years: Rule["years"], yearsBack: number): Rule => ({
  code: "SW12STG2",
  message: "Care started or ended in the year but no social worker episode is reported around that date",
  tables: ["SWEpisodes", "Episodes"],
  fields: ["SW_DECOM"],
  years,
  check: perChildWith((ctx) => {
    const from = CalendarDate.addYears(ys(ctx), -yearsBack)
    const to = ye(ctx)
    return (c: ChildRecords) => {
      const sw = c.socialWorkerEpisodes
      let out: Array<Hit> | undefined
      for (let i = 0; i < c.episodes.length; i++) {
        const r = c.episodes[i]!
        const e = r.value
        // an episode ending before it starts is rule 356's to report
        if (isShortBreak(e) || (Option.isSome(e.end) && e.end.value < e.start)) continue
        const starts = e.reasonForNewEpisode === "S" && e.start >= from && e.start <= to
        const rec = Option.getOrUndefined(e.reasonCeased)
        const end = Option.getOrUndefined(e.end)
        const ends = rec !== undefined && rec !== "X1" && end !== undefined && end >= from && end <= to
        const startCovered = !starts || sw.some((s) => Option.isNone(s.value.end) || s.value.end.value >= e.start)
        const endCovered = !ends || sw.some((s) => s.value.start <= end!)
        if (startCovered && endCovered) continue
        out ??= []
        out.push(hit("Episodes", r, c.childId, ["DECOM", "DEC"]))
      }
      return out
    }
  })
})

const rSW12STG2a = aroundCare({ from: 2024, to: 2024 }, 0)
const rSW12STG2b = aroundCare({ from: 2025 }, 1)

/** SW13STG1 from 2024/25: a reason must also be given for every episode starting on or after 1 April 2023. */
const rSW13STG1: Rule = {
  ...swRule(
    "SW13STG1",
    "Reason for social worker change is not valid, or is missing for an episode starting on or after 1 April 2023",
    ["SW_REASON"],
    { from: 2025 },
    perChild((c) =>
      hitsWhere(
        "SWEpisodes",
        c.socialWorkerEpisodes,
        c.childId,
        (r) => Option.isNone(r.value.reason) && r.value.start >= socialWorkerReasonsFrom
      )
    )
  ),
  readErrors: [{ table: "SWEpisodes", column: "SW_REASON" }]
}

const rSW14STG2: Rule = swRule(
  "SW14STG2",
  "Social worker episode end date is blank but it is not the child's latest episode",
  ["SW_DEC"],
  { from: 2024, to: 2024 },
  perChild(openBeforeLatest)
)

const socialWorker: ReadonlyArray<Rule> = [
  rSW01STG1,
  rSW01aSTG1,
  rSW01bSTG1,
  rSW02STG1,
  rSW03STG1,
  rSW04STG1,
  rSW05STG1,
  rSW06STG2,
  rSW07STG2a,
  rSW07STG2b,
  rSW08STG2,
  rSW09STG2,
  rSW10STG2a,
  rSW10STG2b,
  rSW11aSTG2,
  rSW11bSTG2,
  rSW12STG2a,
  rSW12STG2b,
  rSW13STG1,
  rSW14STG2
]

// ── Deprivation of liberty orders (2026/27) ───────────────────────────────────────────────────────────────────────

type DeprivationRow = Row<DeprivationOfLiberty.DeprivationOfLiberty>

const doLoYears = { from: 2027 } as const

/** A child's periods of care: runs of episodes each starting on or before the day the one before ended. */
const periodsOfCare = (
  c: ChildRecords
): ReadonlyArray<{
  readonly start: CalendarDate.CalendarDate
  readonly end: Option.Option<CalendarDate.CalendarDate>
}> => {
  const periods: Array<{ start: CalendarDate.CalendarDate; end: Option.Option<CalendarDate.CalendarDate> }> = []
  for (const r of c.episodes) {
    const current = periods[periods.length - 1]
    if (current === undefined || (Option.isSome(current.end) && r.value.start > current.end.value)) {
      periods.push({ start: r.value.start, end: r.value.end })
    } else {
      current.end = r.value.end
    }
  }
  return periods
}

/**
 * 707: an order with no end date belongs to a period of care still open, begun on or before the order started. A
 * child with no episodes cannot be checked.
 */
const r707: Rule = {
  code: "707",
  message: "Child has ceased to be looked after but a deprivation of liberty order has no end date",
  tables: ["DoLo", "Episodes"],
  fields: ["DOLO_END"],
  years: doLoYears,
  check: perChild((c) => {
    if (c.deprivationOfLiberty.length === 0 || c.episodes.length === 0) return undefined
    const open = periodsOfCare(c).filter((p) => Option.isNone(p.end))
    return hitsWhere(
      "DoLo",
      c.deprivationOfLiberty,
      c.childId,
      (d) => Option.isNone(d.value.end) && !open.some((p) => p.start <= d.value.start)
    )
  })
}

const r708: Rule = {
  code: "708",
  message: "Deprivation of liberty order starts on or before the child's date of birth",
  tables: ["DoLo"],
  fields: ["DOLO_START"],
  years: doLoYears,
  check: perChild((c) =>
    hitsWhere("DoLo", c.deprivationOfLiberty, c.childId, (d) => d.value.start <= d.value.dateOfBirth)
  )
}

/** Orders with both dates and the episodes overlapping them whose placement fails `allowed`, each reported once. */
const placementsDuringOrders =
  (allowed: (placement: string) => boolean) =>
  (c: ChildRecords): ReadonlyArray<Hit> | undefined => {
    if (c.deprivationOfLiberty.length === 0 || c.episodes.length === 0) return undefined
    const orders = new Set<DeprivationRow>()
    const episodes = new Set<Row<Episode.Episode>>()
    for (const d of c.deprivationOfLiberty) {
      if (Option.isNone(d.value.end)) continue
      const dEnd = d.value.end.value
      for (const e of c.episodes) {
        const overlaps = (Option.isNone(e.value.end) || d.value.start <= e.value.end.value) && dEnd >= e.value.start
        if (overlaps && !allowed(e.value.placement)) {
          orders.add(d)
          episodes.add(e)
        }
      }
    }
    return [
      ...[...orders].map((d) => hit("DoLo", d, c.childId, ["DOLO_START"])),
      ...[...episodes].map((e) => hit("Episodes", e, c.childId, ["PLACE"]))
    ]
  }

const expectedUnderOrder = new Set(["K2", "Z12", "Z13"])
const excludedUnderOrder = new Set(["K1", "P1", "R5", "K3"])

const r709: Rule = {
  code: "709",
  message:
    "Child under a deprivation of liberty order is in an unexpected placement (expected a children's home or Z12/Z13)",
  tables: ["DoLo", "Episodes"],
  fields: ["DOLO_START", "PLACE"],
  years: doLoYears,
  check: perChild(placementsDuringOrders((p) => expectedUnderOrder.has(p)))
}

const r710: Rule = {
  code: "710",
  message:
    "Child under a deprivation of liberty order cannot be placed in a secure children's home, with parents, in a young offender institution or in supported accommodation",
  tables: ["DoLo", "Episodes"],
  fields: ["DOLO_START", "PLACE"],
  years: doLoYears,
  check: perChild(placementsDuringOrders((p) => !excludedUnderOrder.has(p)))
}

// ── Integrity checks (the tool's own, 2022/23 folder: in force from the first registry) ────────────────────────────

/** The tables keyed to a child besides the header, with the rows each child has in them. */
const childTables = {
  AD1: (c: ChildRecords) => c.adoptions,
  PlacedAdoption: (c: ChildRecords) => c.placedForAdoption,
  Episodes: (c: ChildRecords) => c.episodes,
  Missing: (c: ChildRecords) => c.missing,
  OC2: (c: ChildRecords) => c.healthOutcomes,
  OC3: (c: ChildRecords) => c.careLeavers,
  PrevPerm: (c: ChildRecords) => c.previousPermanence,
  Reviews: (c: ChildRecords) => c.reviews,
  UASC: (c: ChildRecords) => c.uasc
} as const

type ChildTable = keyof typeof childTables

/** Children a table names on rows that could not be read: they are in the file even though not in the return. */
const childrenWithUnreadRows = (ctx: Context, table: Table.Name): ReadonlySet<string> => {
  const ids = new Set<string>()
  for (const e of ctx.current.readErrors) if (e.table === table && e.childId !== null) ids.add(e.childId)
  return ids
}

/** INT01–INT09: a child in `table` has a header row (a header row that could not be read still counts). */
const inHeader = (code: string, table: ChildTable): Rule => ({
  code,
  message: `Integrity check: child in ${table} is not in Header`,
  tables: ["Header", table],
  fields: ["CHILD"],
  years: { from: 2016 },
  check: perChildWith((ctx) => {
    const unread = childrenWithUnreadRows(ctx, "Header")
    return (c) =>
      c.header.length > 0 || unread.has(c.childId)
        ? undefined
        : childTables[table](c).map((r) => hit(table, r as Row<unknown>, c.childId))
  })
})

type WithDateOfBirth = Row<{ readonly dateOfBirth: CalendarDate.CalendarDate }>

/** INT11–INT18: a row's DOB agrees with the child's header. */
const sameDateOfBirth = (code: string, table: Exclude<ChildTable, "Episodes">): Rule => ({
  code,
  message: `Integrity check: date of birth in ${table} differs from Header`,
  tables: ["Header", table],
  fields: ["DOB"],
  years: { from: 2016 },
  check: perChild((c) => {
    const rows = childTables[table](c) as ReadonlyArray<WithDateOfBirth>
    if (c.header.length === 0 || rows.length === 0) return undefined
    let out: Array<Hit> | undefined
    for (let i = 0; i < rows.length; i++) {
      const dob = rows[i]!.value.dateOfBirth
      let differs = false
      for (let k = 0; !differs && k < c.header.length; k++) differs = c.header[k]!.value.dateOfBirth !== dob
      if (!differs) continue
      out ??= []
      out.push(hit(table, rows[i]!, c.childId))
    }
    return out
  })
})

/** INT21: SEX in UASC as written in Header (the codes compared as spelled, as both tables use the year's scheme). */
const rINT21: Rule = {
  code: "INT21",
  message: "Integrity check: sex in UASC differs from Header",
  tables: ["Header", "UASC"],
  fields: ["SEX"],
  years: { from: 2016 },
  check: perChild((c) =>
    c.header.length === 0 || c.uasc.length === 0
      ? undefined
      : hitsWhere("UASC", c.uasc, c.childId, (r) => c.header.some((h) => (h.raw?.SEX ?? "") !== (r.raw?.SEX ?? "")))
  )
}

/** INT31–INT36: a child appears at most once in a one-row-per-child table. */
const once = (code: string, table: "AD1" | "Header" | "OC2" | "OC3" | "PrevPerm" | "UASC"): Rule => ({
  code,
  message: `Integrity check: child appears more than once in ${table}`,
  tables: [table],
  fields: ["CHILD"],
  years: { from: 2016 },
  check: perChild((c) => {
    const rows: ReadonlyArray<Row<unknown>> = table === "Header" ? c.header : childTables[table](c)
    return rows.length > 1 ? rows.map((r) => hit(table, r, c.childId)) : undefined
  })
})

/**
 * EPI: a child in the header needs episodes, or OC3 as a care leaver, before the rest can be checked. Rows that could
 * not be read still count as supplied.
 */
const rEPI: Rule = {
  code: "EPI",
  message: "Warning: no episodes (or care leaver data) are loaded for this child, so it cannot be fully validated",
  tables: ["Header"],
  fields: ["CHILD"],
  years: { from: 2016 },
  check: perChildWith((ctx) => {
    const unread = new Set([...childrenWithUnreadRows(ctx, "Episodes"), ...childrenWithUnreadRows(ctx, "OC3")])
    return (c) =>
      c.episodes.length > 0 || c.careLeavers.length > 0 || unread.has(c.childId)
        ? undefined
        : c.header.map((r) => hit("Header", r, c.childId))
  })
}

/** NoE: a child whose care began before this year has episodes in last year's return. */
const rNoE: Rule = {
  code: "NoE",
  message: "Child started to be looked after before this year but has no episodes in last year's return",
  tables: ["Episodes"],
  fields: ["DECOM"],
  years: { from: 2016 },
  needs: ["previous"],
  check: perChildWith((ctx) => {
    if (Option.isNone(ctx.previous) || !ctx.previous.value.tables.has("Episodes")) return undefined
    const start = ys(ctx)
    return (c) =>
      c.episodes.length === 0 || c.episodes[0]!.value.start >= start || (lastYearOf(c, ctx)?.episodes.length ?? 0) > 0
        ? undefined
        : hitsWhere("Episodes", c.episodes, c.childId, (r) => r.value.start < start)
  })
}

const integrity: ReadonlyArray<Rule> = [
  inHeader("INT01", "AD1"),
  inHeader("INT02", "PlacedAdoption"),
  inHeader("INT03", "Episodes"),
  inHeader("INT04", "Missing"),
  inHeader("INT05", "OC2"),
  inHeader("INT06", "OC3"),
  inHeader("INT07", "PrevPerm"),
  inHeader("INT08", "Reviews"),
  inHeader("INT09", "UASC"),
  sameDateOfBirth("INT11", "AD1"),
  sameDateOfBirth("INT12", "PlacedAdoption"),
  sameDateOfBirth("INT13", "Missing"),
  sameDateOfBirth("INT14", "OC2"),
  sameDateOfBirth("INT15", "OC3"),
  sameDateOfBirth("INT16", "PrevPerm"),
  sameDateOfBirth("INT17", "Reviews"),
  sameDateOfBirth("INT18", "UASC"),
  rINT21,
  once("INT31", "AD1"),
  once("INT32", "Header"),
  once("INT33", "OC2"),
  once("INT34", "OC3"),
  once("INT35", "PrevPerm"),
  once("INT36", "UASC"),
  rEPI,
  rNoE
]

/** The rules of this module, every year's version. @category rules */
export const all: ReadonlyArray<Rule> = [...socialWorker, r707, r708, r709, r710, ...integrity]
