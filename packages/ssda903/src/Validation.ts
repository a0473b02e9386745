/**
 * Validating a decoded return: index it by child once, run every rule in force for the year, and gather the failures
 * into a report with summaries by rule and by table. Codec errors are part of the report: those on a field a rule
 * owns (an unreadable SEX is rule 101) under that rule, the rest under `READ`.
 */
import { type CalendarDate, ChildHistory, Cohort, type Episode, type Placement, ReportingYear } from "@cpo/domain"
import { Option, Schema } from "effect"
import * as Registry from "./Registry.ts"
import {
  type ChildCheck,
  type ChildRecords,
  type Context,
  type Hit,
  type IndexedReturn,
  perChildOf,
  type Rule
} from "./Rule.ts"
import type { DecodedReturn, DecodedTable, ReadError, Row } from "./Ssda903.ts"
import * as Table from "./Table.ts"

/** One failure in the report. @category models */
export const ValidationError = Schema.Struct({
  code: Schema.String,
  message: Schema.String,
  table: Table.Name,
  file: Schema.String,
  /** Lines of the file the rows at fault start on (header = line 1). */
  rows: Schema.Array(Schema.Int),
  childId: Schema.NullOr(Schema.String),
  fields: Schema.Array(Schema.String),
  /** For codec errors: the value as written and what was expected. */
  value: Schema.optionalKey(Schema.String),
  expected: Schema.optionalKey(Schema.String)
}).annotate({ identifier: "ValidationError" })
export type ValidationError = typeof ValidationError.Type

/** How each rule in force came out. @category models */
export const RuleOutcome = Schema.Struct({
  code: Schema.String,
  message: Schema.String,
  status: Schema.Literals(["passed", "failed", "skipped"]),
  errors: Schema.Int,
  /** Why a rule was skipped: the tables or inputs it needs that were not supplied. */
  skippedFor: Schema.Array(Schema.String)
}).annotate({ identifier: "RuleOutcome" })
export type RuleOutcome = typeof RuleOutcome.Type

/** @category models */
export const Report = Schema.Struct({
  year: Schema.Int,
  tables: Schema.Array(Table.Name),
  errors: Schema.Array(ValidationError),
  rules: Schema.Array(RuleOutcome),
  byRule: Schema.Array(
    Schema.Struct({
      code: Schema.String,
      message: Schema.String,
      errors: Schema.Int,
      fields: Schema.Array(Schema.String)
    })
  ),
  byTable: Schema.Array(Schema.Struct({ table: Table.Name, errors: Schema.Int }))
}).annotate({ identifier: "ValidationReport" })
export type Report = typeof Report.Type

/** Code under which codec errors no rule owns are reported. @category models */
export const readErrorCode = "READ"

const byStart = <A extends { readonly start: string }>(a: Row<A>, b: Row<A>) =>
  a.value.start < b.value.start ? -1 : a.value.start > b.value.start ? 1 : a.line - b.line

const isSortedByStart = (rows: ReadonlyArray<Row<Episode.Episode>>): boolean => {
  for (let i = 1; i < rows.length; i++) if (byStart(rows[i - 1]!, rows[i]!) > 0) return false
  return true
}

/** One empty list shared by every child without rows in a table: most children have none in most tables. */
const none: ReadonlyArray<never> = Object.freeze([])

const values = <A>(rows: ReadonlyArray<Row<A>>): ReadonlyArray<A> =>
  rows.length === 0 ? none : rows.map((r) => r.value)

/**
 * A child's episodes as `ChildHistory.normaliseEpisodes` would give them, given rows already in start order. When no two
 * episodes share a start and every episode but the last has ended, normalising would change nothing (no duplicate to
 * drop, no open episode to close), so the values are used as they are instead of sorted and copied again.
 */
const normalisedEpisodes = (rows: ReadonlyArray<Row<Episode.Episode>>): ReadonlyArray<Episode.Episode> => {
  const episodes = values(rows)
  for (let i = 0; i < episodes.length - 1; i++) {
    const e = episodes[i]!
    if (Option.isNone(e.end) || e.start === episodes[i + 1]!.start) return ChildHistory.normaliseEpisodes(episodes)
  }
  return episodes
}

/** The domain `ChildHistory` of one child, from rows already grouped (the same result as `ChildHistory.index`). */
const historyOf = (c: IndexedChild): ChildHistory.ChildHistory => ({
  childId: c.childId as ChildHistory.ChildHistory["childId"],
  child: Option.fromNullishOr(c.header[0]?.value),
  episodes: c.normalisedEpisodes,
  reviews: values(c.reviews),
  uasc: Option.fromNullishOr(c.uasc[0]?.value),
  healthOutcome: Option.fromNullishOr(c.healthOutcomes[0]?.value),
  careLeaver: Option.fromNullishOr(c.careLeavers[0]?.value),
  adoption: Option.fromNullishOr(c.adoptions[0]?.value),
  placedForAdoption: values(c.placedForAdoption),
  previousPermanence: Option.fromNullishOr(c.previousPermanence[0]?.value),
  missing: values(c.missing),
  socialWorkerEpisodes: values(c.socialWorkerEpisodes)
})

/**
 * A child's record in an index. Made by one constructor, so every record has one shape (fast property access in the
 * rules' hot loops); its domain history is built the first time a rule asks for it, and kept.
 */
class IndexedChild implements ChildRecords {
  readonly childId: string
  readonly header: ChildRecords["header"]
  readonly episodes: ChildRecords["episodes"]
  readonly reviews: ChildRecords["reviews"]
  readonly uasc: ChildRecords["uasc"]
  readonly healthOutcomes: ChildRecords["healthOutcomes"]
  readonly careLeavers: ChildRecords["careLeavers"]
  readonly adoptions: ChildRecords["adoptions"]
  readonly placedForAdoption: ChildRecords["placedForAdoption"]
  readonly previousPermanence: ChildRecords["previousPermanence"]
  readonly missing: ChildRecords["missing"]
  readonly socialWorkerEpisodes: ChildRecords["socialWorkerEpisodes"]
  readonly deprivationOfLiberty: ChildRecords["deprivationOfLiberty"]
  readonly openAtYearEnd: Row<Episode.Episode> | undefined
  lastYear: ChildRecords | null | undefined
  readonly #year: ReportingYear.ReportingYear
  #history: ChildHistory.ChildHistory | undefined
  #normalisedEpisodes: ReadonlyArray<Episode.Episode> | undefined
  #inOc2Cohort: boolean | undefined
  constructor(
    childId: string,
    year: ReportingYear.ReportingYear,
    tables: Omit<ChildRecords, "childId" | "history" | "openAtYearEnd" | "lastYear" | "inOc2Cohort">,
    openAtYearEnd: Row<Episode.Episode> | undefined
  ) {
    this.childId = childId
    this.header = tables.header
    this.episodes = tables.episodes
    this.reviews = tables.reviews
    this.uasc = tables.uasc
    this.healthOutcomes = tables.healthOutcomes
    this.careLeavers = tables.careLeavers
    this.adoptions = tables.adoptions
    this.placedForAdoption = tables.placedForAdoption
    this.previousPermanence = tables.previousPermanence
    this.missing = tables.missing
    this.socialWorkerEpisodes = tables.socialWorkerEpisodes
    this.deprivationOfLiberty = tables.deprivationOfLiberty
    this.openAtYearEnd = openAtYearEnd
    this.lastYear = undefined
    this.#year = year
    this.#history = undefined
    this.#normalisedEpisodes = undefined
    this.#inOc2Cohort = undefined
  }
  /** The episodes' values as `ChildHistory` holds them (see `normalisedEpisodes`). */
  get normalisedEpisodes(): ReadonlyArray<Episode.Episode> {
    if (this.#normalisedEpisodes === undefined) this.#normalisedEpisodes = normalisedEpisodes(this.episodes)
    return this.#normalisedEpisodes
  }
  // The OC2 cohort needs the episodes only: asked of every child (rule 191), it must not build every child's history.
  get inOc2Cohort(): boolean {
    if (this.#inOc2Cohort === undefined) {
      const y = this.#year
      this.#inOc2Cohort = Cohort.continuousCareBetween(
        this.normalisedEpisodes,
        ReportingYear.start(y),
        ReportingYear.end(y)
      )
    }
    return this.#inOc2Cohort
  }
  get history(): ChildHistory.ChildHistory {
    if (this.#history === undefined) this.#history = historyOf(this)
    return this.#history
  }
}

/** One table's rows grouped by child: the children in id order, each with its rows in file order. */
interface Runs<A> {
  readonly ids: ReadonlyArray<string>
  readonly rows: ReadonlyArray<ReadonlyArray<Row<A>>>
}

const noRuns: Runs<never> = { ids: none, rows: none }

const byId = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0)

/**
 * Group one table's rows by child. Files are usually sorted by child, so consecutive rows mostly name the same child
 * and the runs come out in id order with no lookup at all; only a file out of child order pays for a map and a sort.
 */
const runsOf = <A>(table: DecodedTable<A> | undefined, childOf: (a: A) => string): Runs<A> => {
  if (table === undefined || table.rows.length === 0) return noRuns
  const ids: Array<string> = []
  const rows: Array<Array<Row<A>>> = []
  const all = table.rows
  let inOrder = true
  // Each run is cut from the table's list once it ends: an array of exactly the child's rows, rather than one grown row
  // by row (which reserves room for 17 rows per child, most of it never used, on a million rows).
  let start = 0
  let last: string | undefined
  for (let i = 0; i < all.length; i++) {
    const id = childOf(all[i]!.value)
    if (id === last) continue
    if (last !== undefined) {
      if (!(last < id)) inOrder = false
      rows.push(all.slice(start, i))
    }
    ids.push(id)
    last = id
    start = i
  }
  rows.push(all.slice(start))
  if (inOrder) return { ids, rows }
  const grouped = new Map<string, Array<Row<A>>>()
  for (let i = 0; i < ids.length; i++) {
    const known = grouped.get(ids[i]!)
    if (known === undefined) grouped.set(ids[i]!, rows[i]!)
    else for (const r of rows[i]!) known.push(r)
  }
  const sorted = [...grouped.keys()].sort(byId)
  return { ids: sorted, rows: sorted.map((id) => grouped.get(id)!) }
}

/**
 * Index a decoded return by child, once: every table's located rows grouped by child, and each child's domain
 * `ChildHistory` (episodes normalised as `ChildHistory.index` does) for cohort and care-leaver tests, built when first
 * asked for. Each table is grouped on its own (see `runsOf`), then the tables are merged in child-id order, so a
 * child's record is made once with all its rows and no map is consulted per row. Given last year's index (`lastYear`),
 * each record is linked to the child's record there (`ChildRecords.lastYear`), by the same walk in id order.
 * @category constructors
 */
export const index = (
  decoded: DecodedReturn,
  only?: ReadonlySet<Table.Name>,
  lastYear?: IndexedReturn
): IndexedReturn => {
  const s = decoded.sources
  const wanted = <A>(table: DecodedTable<A> | undefined) =>
    table === undefined || (only !== undefined && !only.has(table.name)) ? undefined : table
  const header = runsOf(wanted(s.children), (v) => v.id)
  const episodes = runsOf(wanted(s.episodes), (v) => v.childId)
  const reviews = runsOf(wanted(s.reviews), (v) => v.childId)
  const uasc = runsOf(wanted(s.uasc), (v) => v.childId)
  const healthOutcomes = runsOf(wanted(s.healthOutcomes), (v) => v.childId)
  const careLeavers = runsOf(wanted(s.careLeavers), (v) => v.childId)
  const adoptions = runsOf(wanted(s.adoptions), (v) => v.childId)
  const placedForAdoption = runsOf(wanted(s.placedForAdoption), (v) => v.childId)
  const previousPermanence = runsOf(wanted(s.previousPermanence), (v) => v.childId)
  const missing = runsOf(wanted(s.missing), (v) => v.childId)
  const socialWorkerEpisodes = runsOf(wanted(s.socialWorkerEpisodes), (v) => v.childId)
  const deprivationOfLiberty = runsOf(wanted(s.deprivationOfLiberty), (v) => v.childId)
  const tables: ReadonlyArray<Runs<unknown>> = [
    header,
    episodes,
    reviews,
    uasc,
    healthOutcomes,
    careLeavers,
    adoptions,
    placedForAdoption,
    previousPermanence,
    missing,
    socialWorkerEpisodes,
    deprivationOfLiberty
  ]
  // Where each table's merge has got to.
  const at = tables.map(() => 0)
  /** The rows of table `t` for child `id`, moving past them, or the shared empty list. */
  const take = <A>(t: number, runs: Runs<A>, id: string): ReadonlyArray<Row<A>> => {
    const i = at[t]!
    if (i < runs.ids.length && runs.ids[i] === id) {
      at[t] = i + 1
      return runs.rows[i]!
    }
    return none
  }
  const children: Array<IndexedChild> = []
  const yearEnd = ReportingYear.end(decoded.return.year)
  const lastYearChildren = lastYear?.children
  let lastYearAt = 0
  while (true) {
    let id: string | undefined
    for (let t = 0; t < tables.length; t++) {
      const runs = tables[t]!
      const i = at[t]!
      if (i < runs.ids.length && (id === undefined || runs.ids[i]! < id)) id = runs.ids[i]!
    }
    if (id === undefined) break
    const episodeRows = take(1, episodes, id)
    if (episodeRows.length > 1 && !isSortedByStart(episodeRows))
      (episodeRows as Array<Row<Episode.Episode>>).sort(byStart)
    let open: Row<Episode.Episode> | undefined
    for (let i = episodeRows.length - 1; i >= 0; i--) {
      const e = episodeRows[i]!
      if (e.value.start <= yearEnd && Option.isNone(e.value.end)) {
        open = e
        break
      }
    }
    const c = new IndexedChild(
      id,
      decoded.return.year,
      {
        header: take(0, header, id),
        episodes: episodeRows,
        reviews: take(2, reviews, id),
        uasc: take(3, uasc, id),
        healthOutcomes: take(4, healthOutcomes, id),
        careLeavers: take(5, careLeavers, id),
        adoptions: take(6, adoptions, id),
        placedForAdoption: take(7, placedForAdoption, id),
        previousPermanence: take(8, previousPermanence, id),
        missing: take(9, missing, id),
        socialWorkerEpisodes: take(10, socialWorkerEpisodes, id),
        deprivationOfLiberty: take(11, deprivationOfLiberty, id)
      },
      open
    )
    if (lastYearChildren !== undefined) {
      // Both indexes list children in id order: last year's record, if any, is at or after where the walk has got.
      while (lastYearAt < lastYearChildren.length && lastYearChildren[lastYearAt]!.childId < id) lastYearAt++
      const then = lastYearChildren[lastYearAt]
      c.lastYear = then !== undefined && then.childId === id ? then : null
    }
    children.push(c)
  }
  let byChild: Map<string, ChildRecords> | undefined
  let openAtYearEnd: Map<string, Row<Episode.Episode>> | undefined
  return {
    year: decoded.return.year,
    children,
    // Built when first asked for: rules reach last year's record through `ChildRecords.lastYear` instead.
    get byChild() {
      if (byChild === undefined) byChild = new Map(children.map((c) => [c.childId, c]))
      return byChild
    },
    get openAtYearEnd() {
      if (openAtYearEnd === undefined) {
        openAtYearEnd = new Map()
        for (const c of children) if (c.openAtYearEnd !== undefined) openAtYearEnd.set(c.childId, c.openAtYearEnd)
      }
      return openAtYearEnd
    },
    tables: new Set([...decoded.tables].map(Table.nameOf)),
    readErrors: decoded.errors
  }
}

/**
 * What rules read of last year's return: its episodes (503A–J, 1001), its header and UASC rows (202–208 compare a
 * child's date of birth, sex, UPN and UASC status across the two years), its care leaver rows and its deprivation of
 * liberty orders (706). Last year's return need be read no further: `Ssda903.decodeFiles(files, { year, tables:
 * previousTables })` leaves its other tables unread.
 * @category models
 */
export const previousTables: ReadonlySet<Table.Name> = new Set([
  "Episodes",
  "Header",
  "UASC",
  "OC3",
  "DoLo",
  "PlacedAdoption",
  "Missing"
])

/** @category models */
export interface ValidateOptions {
  /** Last year's return, for rules comparing the two (503A–F, 1001). */
  readonly previous?: DecodedReturn | undefined
  /** The council's LA code and a postcode directory, for rule 1015. */
  readonly area?: Placement.AreaContext | undefined
  /** Rules to run instead of the year's registry (tests). */
  readonly rules?: ReadonlyArray<Rule> | undefined
}

/** Why a rule cannot run on this input, if it cannot. @category getters */
export const missingInputs = (rule: Rule, ctx: Context): ReadonlyArray<string> => [
  ...rule.tables.filter((t) => !ctx.current.tables.has(t)).map((t) => `${t} table`),
  ...(rule.needs ?? []).flatMap((n) =>
    n === "previous" && Option.isNone(ctx.previous)
      ? ["previous year's return"]
      : n === "postcodes" && Option.isNone(ctx.area)
        ? ["postcode directory and LA code"]
        : []
  )
]

const readErrorAsValidation = (code: string, message: string, e: ReadError): ValidationError => ({
  code,
  message,
  table: e.table,
  file: e.file,
  rows: [e.row],
  childId: e.childId,
  fields: [e.column],
  value: e.value,
  expected: e.expected
})

/**
 * How `validate` walks the per-child checks. Rule by rule over every child, each child's rows are fetched from memory
 * again for every rule; child by child through all ~300 rules, the rules' compiled code no longer fits the processor's
 * caches and is fetched again for every child. In blocks of children by blocks of rules both stay cached: on the
 * national synthetic return this takes validation from about 3.9 to 3.1 CPU seconds (bench/profile.ts, 2-core Xeon),
 * and any block sizes from 128 to 2,048 children by 8 to 24 rules do about as well.
 */
const childrenPerBlock = 256
const checksPerBlock = 16

/**
 * Validate a decoded return against the rules in force for its collection year.
 * @category getters
 */
export const validate = (decoded: DecodedReturn, options: ValidateOptions = {}): Report => {
  const year = decoded.return.year
  // Of last year's return, only the tables rules read are indexed; each child's record this year is linked to its
  // record there as the index is made.
  const previous = options.previous === undefined ? undefined : index(options.previous, previousTables)
  const current = index(decoded, undefined, previous)
  const ctx: Context = {
    year,
    yearStart: ReportingYear.start(year),
    yearEnd: ReportingYear.end(year),
    current,
    previous: Option.fromNullishOr(previous),
    area: Option.fromNullishOr(options.area)
  }
  const rules = options.rules ?? Registry.forYear(year)
  const files = new Map<Table.Name, string>()
  for (const t of Object.values(decoded.sources)) if (t !== undefined) files.set(t.name, t.file)
  const owned = new Map<string, Rule>()
  for (const r of rules) for (const f of r.readErrors ?? []) owned.set(`${f.table}.${f.column}`, r)

  const errors: Array<ValidationError> = []
  const outcomes: Array<RuleOutcome> = []
  const readByRule = new Map<string, Array<ReadError>>()
  const unowned: Array<ReadError> = []
  for (const e of current.readErrors) {
    const r = owned.get(`${e.table}.${e.column}`)
    if (r === undefined) unowned.push(e)
    else {
      const list = readByRule.get(r.code)
      if (list === undefined) readByRule.set(r.code, [e])
      else list.push(e)
    }
  }
  // Rules made by `perChild` or `perChildWith` run in blocks: a few hundred children at a time, and over those children a
  // dozen or so rules at a time (see `childrenPerBlock`); the others run over the whole return. Each rule's hits are
  // kept apart, in child order, and reported in the rules' order, so the report is the same as running the rules one
  // after another.
  const missingOf = rules.map((rule) => missingInputs(rule, ctx))
  const hitsOf: Array<ReadonlyArray<Hit> | Array<Hit> | undefined> = rules.map(() => undefined)
  const childChecks: Array<ChildCheck> = []
  const childCheckRule: Array<number> = []
  for (let i = 0; i < rules.length; i++) {
    if (missingOf[i]!.length > 0) continue
    const forContext = perChildOf(rules[i]!.check)
    const each = forContext?.(ctx)
    if (forContext === undefined) hitsOf[i] = rules[i]!.check(ctx)
    else if (each !== undefined) {
      childChecks.push(each)
      childCheckRule.push(i)
    }
  }
  const children = current.children
  for (let k0 = 0; k0 < children.length; k0 += childrenPerBlock) {
    const k1 = Math.min(children.length, k0 + childrenPerBlock)
    for (let j0 = 0; j0 < childChecks.length; j0 += checksPerBlock) {
      const j1 = Math.min(childChecks.length, j0 + checksPerBlock)
      for (let k = k0; k < k1; k++) {
        const child = children[k]!
        for (let j = j0; j < j1; j++) {
          const hits = childChecks[j]!(child, ctx)
          if (hits === undefined || hits.length === 0) continue
          const i = childCheckRule[j]!
          let list = hitsOf[i] as Array<Hit> | undefined
          if (list === undefined) {
            list = []
            hitsOf[i] = list
          }
          for (let h = 0; h < hits.length; h++) list.push(hits[h]!)
        }
      }
    }
  }
  for (let i = 0; i < rules.length; i++) {
    const rule = rules[i]!
    const read = readByRule.get(rule.code) ?? []
    const missing = missingOf[i]!
    const found: Array<ValidationError> = read.map((e) => readErrorAsValidation(rule.code, rule.message, e))
    for (const h of hitsOf[i] ?? []) {
      found.push({
        code: rule.code,
        message: rule.message,
        table: h.table,
        file: files.get(h.table) ?? "",
        rows: [...h.lines],
        childId: h.childId,
        fields: [...(h.fields ?? rule.fields)]
      })
    }
    for (const f of found) errors.push(f)
    outcomes.push({
      code: rule.code,
      message: rule.message,
      status: found.length > 0 ? "failed" : missing.length > 0 ? "skipped" : "passed",
      errors: found.length,
      skippedFor: missing
    })
  }
  const readMessage = "A value could not be read"
  for (const e of unowned) errors.push(readErrorAsValidation(readErrorCode, readMessage, e))
  outcomes.push({
    code: readErrorCode,
    message: readMessage,
    status: unowned.length > 0 ? "failed" : "passed",
    errors: unowned.length,
    skippedFor: []
  })
  return summarise(year, [...current.tables], errors, outcomes)
}

const summarise = (
  year: number,
  tables: ReadonlyArray<Table.Name>,
  errors: ReadonlyArray<ValidationError>,
  rules: ReadonlyArray<RuleOutcome>
): Report => {
  const byRule = new Map<string, { code: string; message: string; errors: number; fields: Set<string> }>()
  const byTable = new Map<Table.Name, number>()
  for (const e of errors) {
    const r = byRule.get(e.code) ?? { code: e.code, message: e.message, errors: 0, fields: new Set<string>() }
    r.errors++
    for (const f of e.fields) r.fields.add(f)
    byRule.set(e.code, r)
    byTable.set(e.table, (byTable.get(e.table) ?? 0) + 1)
  }
  const order = Table.definitions.map((d) => d.name)
  return {
    year,
    tables: [...tables].sort((a, b) => order.indexOf(a) - order.indexOf(b)),
    errors,
    rules,
    byRule: [...byRule.values()]
      .sort((a, b) => Registry.compareCodes(a.code, b.code))
      .map((r) => ({ code: r.code, message: r.message, errors: r.errors, fields: [...r.fields] })),
    byTable: [...byTable.entries()]
      .sort((a, b) => order.indexOf(a[0]) - order.indexOf(b[0]))
      .map(([table, n]) => ({ table, errors: n }))
  }
}

/**
 * The collection year a return most likely belongs to: the one containing its latest episode start or end date.
 * `None` when it has no episode.
 * @category getters
 */
export const inferYear = (decoded: DecodedReturn): Option.Option<ReportingYear.ReportingYear> => {
  let latest = ""
  for (const e of decoded.return.episodes) {
    if (e.start > latest) latest = e.start
    if (Option.isSome(e.end) && e.end.value > latest) latest = e.end.value
  }
  return latest === "" ? Option.none() : Option.some(ReportingYear.containing(latest as CalendarDate.CalendarDate))
}

/** The same decoded return, labelled with another collection year. @category constructors */
export const withYear = (decoded: DecodedReturn, year: ReportingYear.ReportingYear): DecodedReturn => ({
  ...decoded,
  return: { ...decoded.return, year }
})

/** The report has no error. @category predicates */
export const isClean = (report: Report): boolean => report.errors.length === 0
