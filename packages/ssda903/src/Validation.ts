/**
 * Validating a decoded return: index it by child once, run every rule in force for the year, and gather the failures
 * into a report with summaries by rule and by table. Codec errors are part of the report: those on a field a rule
 * owns (an unreadable SEX is rule 101) under that rule, the rest under `READ`.
 */
import { type CalendarDate, ChildHistory, type Episode, type Placement, ReportingYear } from "@cpo/domain"
import { Option, Schema } from "effect"
import * as Registry from "./Registry.ts"
import type { ChildRecords, Context, IndexedReturn, Rule } from "./Rule.ts"
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

/** The domain `ChildHistory` of one child, from rows already grouped (the same result as `ChildHistory.index`). */
const historyOf = (c: ChildRecords): ChildHistory.ChildHistory => ({
  childId: c.childId as ChildHistory.ChildHistory["childId"],
  child: Option.fromNullishOr(c.header[0]?.value),
  episodes: ChildHistory.normaliseEpisodes(values(c.episodes)),
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
 * The prototype of a partial index's records: their history, built from the rows indexed each time it is asked for
 * (a getter on one shared prototype, rather than a property defined per record, keeps the records fast objects).
 */
const onDemandHistory = {
  get history(): ChildHistory.ChildHistory {
    return historyOf(this as unknown as ChildRecords)
  }
}

/**
 * Index a decoded return by child, once: every table's located rows grouped by child in one pass, and each child's
 * domain `ChildHistory` (episodes normalised as `ChildHistory.index` does) for cohort and care-leaver tests.
 * @category constructors
 */
export const index = (decoded: DecodedReturn, only?: ReadonlySet<Table.Name>): IndexedReturn => {
  type Grouped = { -readonly [K in keyof ChildRecords]: ChildRecords[K] }
  const byChild = new Map<string, Grouped>()
  const get = (id: string): Grouped => {
    let c = byChild.get(id)
    if (c === undefined) {
      // Every record is made by this one literal, so all share one shape and stay fast objects. A full index sets
      // `history` on each record; a partial one (last year's episodes, rarely asked for a history) leaves the field
      // out so that the shared getter of `onDemandHistory` answers.
      c = Object.assign(only === undefined ? {} : (Object.create(onDemandHistory) as object), {
        childId: id,
        header: none,
        episodes: none,
        reviews: none,
        uasc: none,
        healthOutcomes: none,
        careLeavers: none,
        adoptions: none,
        placedForAdoption: none,
        previousPermanence: none,
        missing: none,
        socialWorkerEpisodes: none,
        deprivationOfLiberty: none
      }) as unknown as Grouped
      byChild.set(id, c)
    }
    return c
  }
  const s = decoded.sources
  const wanted = (t: Table.Name) => only === undefined || only.has(t)
  /**
   * Group one table's rows by child. Files are usually sorted by child, so consecutive rows mostly name the same
   * child: the child and its list are looked up once per run of rows. Each table reads and writes its own field
   * through its own small functions, which keeps every property access monomorphic.
   */
  const add = <A>(
    table: DecodedTable<A> | undefined,
    childOf: (a: A) => string,
    listOf: (c: Grouped) => ReadonlyArray<Row<A>>,
    setList: (c: Grouped, rows: Array<Row<A>>) => void
  ) => {
    if (table === undefined || !wanted(table.name)) return
    let lastId: string | undefined
    let list: Array<Row<A>> = []
    for (const r of table.rows) {
      const id = childOf(r.value)
      if (id !== lastId) {
        lastId = id
        const c = get(id)
        const known = listOf(c)
        if (known === none) {
          list = []
          setList(c, list)
        } else {
          list = known as Array<Row<A>>
        }
      }
      list.push(r)
    }
  }
  add(
    s.children,
    (v) => v.id,
    (c) => c.header,
    (c, l) => {
      c.header = l
    }
  )
  add(
    s.episodes,
    (v) => v.childId,
    (c) => c.episodes,
    (c, l) => {
      c.episodes = l
    }
  )
  add(
    s.reviews,
    (v) => v.childId,
    (c) => c.reviews,
    (c, l) => {
      c.reviews = l
    }
  )
  add(
    s.uasc,
    (v) => v.childId,
    (c) => c.uasc,
    (c, l) => {
      c.uasc = l
    }
  )
  add(
    s.healthOutcomes,
    (v) => v.childId,
    (c) => c.healthOutcomes,
    (c, l) => {
      c.healthOutcomes = l
    }
  )
  add(
    s.careLeavers,
    (v) => v.childId,
    (c) => c.careLeavers,
    (c, l) => {
      c.careLeavers = l
    }
  )
  add(
    s.adoptions,
    (v) => v.childId,
    (c) => c.adoptions,
    (c, l) => {
      c.adoptions = l
    }
  )
  add(
    s.placedForAdoption,
    (v) => v.childId,
    (c) => c.placedForAdoption,
    (c, l) => {
      c.placedForAdoption = l
    }
  )
  add(
    s.previousPermanence,
    (v) => v.childId,
    (c) => c.previousPermanence,
    (c, l) => {
      c.previousPermanence = l
    }
  )
  add(
    s.missing,
    (v) => v.childId,
    (c) => c.missing,
    (c, l) => {
      c.missing = l
    }
  )
  add(
    s.socialWorkerEpisodes,
    (v) => v.childId,
    (c) => c.socialWorkerEpisodes,
    (c, l) => {
      c.socialWorkerEpisodes = l
    }
  )
  add(
    s.deprivationOfLiberty,
    (v) => v.childId,
    (c) => c.deprivationOfLiberty,
    (c, l) => {
      c.deprivationOfLiberty = l
    }
  )
  const children: Array<ChildRecords> = []
  const indexed = new Map<string, ChildRecords>()
  const openAtYearEnd = new Map<string, Row<Episode.Episode>>()
  const yearEnd = ReportingYear.end(decoded.return.year)
  const grouped = [...byChild.values()]
  // Files are usually sorted by child already: check in one pass before paying for a sort.
  let sorted = true
  for (let i = 1; i < grouped.length && sorted; i++) sorted = grouped[i - 1]!.childId < grouped[i]!.childId
  if (!sorted) grouped.sort((a, b) => (a.childId < b.childId ? -1 : a.childId > b.childId ? 1 : 0))
  for (const c of grouped) {
    if (c.episodes.length > 1 && !isSortedByStart(c.episodes)) (c.episodes as Array<Row<Episode.Episode>>).sort(byStart)
    // Built here rather than on first use: rule 191 asks for every child's history.
    if (only === undefined) c.history = historyOf(c)
    children.push(c)
    indexed.set(c.childId, c)
    for (let i = c.episodes.length - 1; i >= 0; i--) {
      const e = c.episodes[i]!
      if (e.value.start <= yearEnd && Option.isNone(e.value.end)) {
        openAtYearEnd.set(c.childId, e)
        break
      }
    }
  }
  return {
    year: decoded.return.year,
    children,
    byChild: indexed,
    openAtYearEnd,
    tables: new Set([...decoded.tables].map(Table.nameOf)),
    readErrors: decoded.errors
  }
}

/**
 * What rules read of last year's return: its episodes (503A–J, 1001), its header and UASC rows (202–208 compare a
 * child's date of birth, sex, UPN and UASC status across the two years) and its care leaver rows.
 */
const previousTables: ReadonlySet<Table.Name> = new Set(["Episodes", "Header", "UASC", "OC3"])

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
 * Validate a decoded return against the rules in force for its collection year.
 * @category getters
 */
export const validate = (decoded: DecodedReturn, options: ValidateOptions = {}): Report => {
  const year = decoded.return.year
  const current = index(decoded)
  const ctx: Context = {
    year,
    yearStart: ReportingYear.start(year),
    yearEnd: ReportingYear.end(year),
    current,
    // Rules read only last year's episodes, so only they are indexed.
    previous: options.previous === undefined ? Option.none() : Option.some(index(options.previous, previousTables)),
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
  for (const rule of rules) {
    const read = readByRule.get(rule.code) ?? []
    const missing = missingInputs(rule, ctx)
    const found: Array<ValidationError> = read.map((e) => readErrorAsValidation(rule.code, rule.message, e))
    if (missing.length === 0) {
      for (const h of rule.check(ctx)) {
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
