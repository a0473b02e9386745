/**
 * A DfE validation rule: its code, message, the tables and fields it reads, the collection years it is active in, and
 * one pure check over the whole return indexed by child (and the previous year's return when supplied). A rule whose
 * table is absent, or that needs the previous return or a postcode directory that was not supplied, is skipped —
 * never counted as passed.
 */
import type {
  Adoption,
  CalendarDate,
  CareLeaverOutcome,
  Child,
  ChildHistory,
  DeprivationOfLiberty,
  Episode,
  HealthOutcome,
  MissingEpisode,
  PlacedForAdoption,
  Placement,
  PreviousPermanence,
  ReportingYear,
  Review,
  SocialWorkerEpisode,
  UnaccompaniedAsylumSeekingChild
} from "@cpo/domain"
import { Option } from "effect"
import type { ReadError, Row } from "./Ssda903.ts"
import type * as Table from "./Table.ts"

/** Everything one return holds about one child, with source lines. @category models */
export interface ChildRecords {
  readonly childId: string
  /** The domain view (episodes normalised), for cohorts and care-leaver tests. */
  readonly history: ChildHistory.ChildHistory
  readonly header: ReadonlyArray<Row<Child.Child>>
  /** Episodes as supplied, in start-date order (not normalised: rules must see what the council sent). */
  readonly episodes: ReadonlyArray<Row<Episode.Episode>>
  readonly reviews: ReadonlyArray<Row<Review.Review>>
  readonly uasc: ReadonlyArray<Row<UnaccompaniedAsylumSeekingChild.UnaccompaniedAsylumSeekingChild>>
  readonly healthOutcomes: ReadonlyArray<Row<HealthOutcome.HealthOutcome>>
  readonly careLeavers: ReadonlyArray<Row<CareLeaverOutcome.CareLeaverOutcome>>
  readonly adoptions: ReadonlyArray<Row<Adoption.Adoption>>
  readonly placedForAdoption: ReadonlyArray<Row<PlacedForAdoption.PlacedForAdoption>>
  readonly previousPermanence: ReadonlyArray<Row<PreviousPermanence.PreviousPermanence>>
  readonly missing: ReadonlyArray<Row<MissingEpisode.MissingEpisode>>
  readonly socialWorkerEpisodes: ReadonlyArray<Row<SocialWorkerEpisode.SocialWorkerEpisode>>
  readonly deprivationOfLiberty: ReadonlyArray<Row<DeprivationOfLiberty.DeprivationOfLiberty>>
  /** The last episode that started by 31 March and has no end date: the one carried into next year. */
  readonly openAtYearEnd: Row<Episode.Episode> | undefined
  /**
   * Looked after continuously for the twelve months to 31 March of the return's year (the OC2 cohort,
   * `Cohort.isContinuouslyLookedAfterForYear`), worked out once per child: a dozen OC2 rules ask.
   */
  readonly inOc2Cohort: boolean
  /**
   * The child's record in last year's return, when this return was indexed with it (`null`: none there); absent when
   * it was not. Rules ask through `lastYearOf`, which looks the child up when the records were not linked.
   */
  readonly lastYear?: ChildRecords | null | undefined
}

/** A return indexed by child once. @category models */
export interface IndexedReturn {
  readonly year: ReportingYear.ReportingYear
  readonly children: ReadonlyArray<ChildRecords>
  readonly byChild: ReadonlyMap<string, ChildRecords>
  /** Each child's last episode that started by 31 March and has no end date: the one carried into next year. */
  readonly openAtYearEnd: ReadonlyMap<string, Row<Episode.Episode>>
  /** Tables supplied, by 903 name. */
  readonly tables: ReadonlySet<Table.Name>
  readonly readErrors: ReadonlyArray<ReadError>
}

/** What every rule sees. @category models */
export interface Context {
  readonly year: ReportingYear.ReportingYear
  /** 1 April starting the year (YS). */
  readonly yearStart: CalendarDate.CalendarDate
  /** 31 March ending the year (YE). */
  readonly yearEnd: CalendarDate.CalendarDate
  readonly current: IndexedReturn
  readonly previous: Option.Option<IndexedReturn>
  /** The council's LA code and a postcode directory, for rules on placement location. */
  readonly area: Option.Option<Placement.AreaContext>
}

/** One failure: the table, the line(s) of the rows at fault, the child, and the fields (the rule's by default). @category models */
export interface Hit {
  readonly table: Table.Name
  readonly lines: ReadonlyArray<number>
  readonly childId: string | null
  readonly fields?: ReadonlyArray<string>
}

/**
 * The child's record in last year's return, if that return was supplied and holds the child: the record linked when
 * the two returns were indexed together, else looked up by id.
 * @category getters
 */
export const lastYearOf = (c: ChildRecords, ctx: Context): ChildRecords | undefined => {
  const linked = c.lastYear
  if (linked !== undefined) return linked ?? undefined
  return Option.isNone(ctx.previous) ? undefined : ctx.previous.value.byChild.get(c.childId)
}

/**
 * A date falls in the collection year (1 April to 31 March inclusive): `ReportingYear.includes` with the year's bounds
 * worked out once per validation rather than once per call.
 * @category predicates
 */
export const inCollectionYear = (ctx: Context, d: CalendarDate.CalendarDate): boolean =>
  d >= ctx.yearStart && d <= ctx.yearEnd

/** What a rule needs beyond its tables. @category models */
export type Need = "previous" | "postcodes"

/** @category models */
export interface Rule {
  /** DfE code: 101, 503A, SW13STG1… */
  readonly code: string
  readonly message: string
  /** Tables the rule reads; absent ⇒ skipped. */
  readonly tables: ReadonlyArray<Table.Name>
  readonly fields: ReadonlyArray<string>
  /** Collection years (named by their 31 March) the rule is active in, inclusive. */
  readonly years: { readonly from: number; readonly to?: number }
  readonly needs?: ReadonlyArray<Need>
  /** Codec errors on these fields are reported under this rule (an unreadable SEX is a rule 101 failure). */
  readonly readErrors?: ReadonlyArray<{ readonly table: Table.Name; readonly column: string }>
  readonly check: (ctx: Context) => ReadonlyArray<Hit>
}

/** Active in a collection year. @category predicates */
export const isActiveIn = (rule: Rule, year: number): boolean =>
  rule.years.from <= year && (rule.years.to === undefined || year <= rule.years.to)

/** The answer of every check that found nothing. */
const noHits: ReadonlyArray<Hit> = Object.freeze([])

/** A child's check: its hits, or `undefined` (or an empty list) when it has none. @category models */
export type ChildCheck = (child: ChildRecords, ctx: Context) => ReadonlyArray<Hit> | undefined

/**
 * A rule check made by `perChild`: callable over the whole return like any other, and carrying the child's check so
 * that `Validation.validate` can run such rules in blocks of children by blocks of rules (a child's rows stay in the
 * processor's cache across the rules of a block instead of being fetched again from memory for each rule).
 * @category models
 */
export interface PerChildCheck {
  (ctx: Context): ReadonlyArray<Hit>
  /** The child's check for this validation, or `undefined` when the rule has nothing to check in it. */
  readonly forContext: (ctx: Context) => ChildCheck | undefined
}

const overReturn =
  (forContext: (ctx: Context) => ChildCheck | undefined) =>
  (ctx: Context): ReadonlyArray<Hit> => {
    const check = forContext(ctx)
    if (check === undefined) return noHits
    let out: Array<Hit> | undefined
    const children = ctx.current.children
    for (let i = 0; i < children.length; i++) {
      const hits = check(children[i]!, ctx)
      if (hits === undefined || hits.length === 0) continue
      out ??= []
      for (let k = 0; k < hits.length; k++) out.push(hits[k]!)
    }
    return out ?? noHits
  }

/**
 * A rule, checked per child. A check with nothing to report should return `undefined` (or a shared empty list):
 * most children pass most rules, so the run over the children allocates only for hits.
 * @category constructors
 */
export const perChild = (check: ChildCheck): PerChildCheck => {
  const forContext = () => check
  return Object.assign(overReturn(forContext), { forContext })
}

/**
 * A rule checked per child that first works something out once per validation (a window of dates, the postcode
 * directory, the children whose rows could not be read): `prepare` gives the child check, or `undefined` when the rule
 * has nothing to check in this context. Like {@link perChild}, it runs in `Validation.validate`'s walk over the
 * children, not in a walk of its own.
 * @category constructors
 */
export const perChildWith = (prepare: (ctx: Context) => ChildCheck | undefined): PerChildCheck =>
  Object.assign(overReturn(prepare), { forContext: prepare })

/**
 * For a rule made by `perChild` or `perChildWith`, what gives its child check in a validation; `undefined` for a rule
 * that checks the whole return at once.
 * @category getters
 */
export const perChildOf = (check: Rule["check"]): ((ctx: Context) => ChildCheck | undefined) | undefined =>
  (check as Partial<PerChildCheck>).forContext

/**
 * A fact worked out from a child's records (their social worker episodes in order, their periods of care) that several
 * rules ask for: `Validation.validate` runs a block of rules on one child before the next, so remembering the last
 * child's answer serves the rules after the first. Asked about another child (or in another validation), it works the
 * fact out afresh, so it is never stale.
 * @category constructors
 */
export function perChildFact<A>(fact: (c: ChildRecords) => A): (c: ChildRecords) => A
export function perChildFact<A>(fact: (c: ChildRecords, ctx: Context) => A): (c: ChildRecords, ctx: Context) => A
export function perChildFact<A>(fact: (c: ChildRecords, ctx: Context) => A): (c: ChildRecords, ctx: Context) => A {
  let lastChild: ChildRecords | undefined
  let lastContext: Context | undefined
  let answer: A
  return (c, ctx) => {
    if (c !== lastChild || ctx !== lastContext) {
      answer = fact(c, ctx)
      lastChild = c
      lastContext = ctx
    }
    return answer
  }
}

/** A rule with nothing to check beyond its codec errors. @category constructors */
export const noRecordCheck = (_ctx: Context): ReadonlyArray<Hit> => []

/**
 * A rule whose only check is one the codec already makes: an unreadable `column` in `table` is this rule's failure
 * (an unreadable SEX is a rule 101 failure, not a bare read error).
 * @category constructors
 */
export const readable = (
  code: string,
  table: Table.Name,
  column: string,
  message: string,
  years: Rule["years"] = { from: 2016 }
): Rule => ({
  code,
  message,
  tables: [table],
  fields: [column],
  years,
  readErrors: [{ table, column }],
  check: noRecordCheck
})

/** A hit on one row. @category constructors */
export const hit = (table: Table.Name, row: Row<unknown>, childId: string, fields?: ReadonlyArray<string>): Hit =>
  fields === undefined ? { table, lines: [row.line], childId } : { table, lines: [row.line], childId, fields }

/**
 * One hit per row for which `test` holds, or `undefined` when none does. The list is made at the first hit: most
 * children pass most rules, and a list (or a filtered copy of the rows) per child per rule would cost more on a national
 * return than the tests themselves.
 * @category constructors
 */
export const hitsWhere = <A>(
  table: Table.Name,
  rows: ReadonlyArray<Row<A>>,
  childId: string,
  test: (row: Row<A>, index: number) => boolean
): Array<Hit> | undefined => {
  let out: Array<Hit> | undefined
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i]!
    if (!test(r, i)) continue
    out ??= []
    out.push(hit(table, r, childId))
  }
  return out
}

/**
 * A child's check: one hit per row of one table for which `test` holds. `test` is given the row's value, the
 * validation's context, the row itself and the child's records, so that a rule needs no closure of its own per child
 * (made for every child by every rule, such closures are most of what a national validation would otherwise allocate).
 * The hit list is made at the first hit.
 * @category constructors
 */
export const rowsWhere =
  <A>(
    table: Table.Name,
    rowsOf: (c: ChildRecords) => ReadonlyArray<Row<A>>,
    test: (a: A, ctx: Context, row: Row<A>, c: ChildRecords) => boolean
  ): ChildCheck =>
  (c, ctx) => {
    const rows = rowsOf(c)
    let out: Array<Hit> | undefined
    for (let i = 0; i < rows.length; i++) {
      const r = rows[i]!
      if (!test(r.value, ctx, r, c)) continue
      out ??= []
      out.push(hit(table, r, c.childId))
    }
    return out
  }

/** A rule check: one hit per episode for which `test` holds. @category constructors */
export const episodesWhere = (
  test: (e: Episode.Episode, ctx: Context, row: Row<Episode.Episode>, c: ChildRecords) => boolean
) => perChild(rowsWhere("Episodes", (c) => c.episodes, test))

/** A hit on each row given. @category constructors */
export const hitsOn = (table: Table.Name, rows: ReadonlyArray<Row<unknown>>, childId: string): Array<Hit> =>
  rows.map((r) => hit(table, r, childId))

/**
 * One hit per pair of consecutive episodes (in start-date order) for which `test` holds, on the later episode of the
 * pair or, with `on: "before"`, the earlier; `undefined` when no pair fails. No list of pairs is made.
 * @category constructors
 */
export const hitsOnPairs = (
  c: ChildRecords,
  test: (before: Row<Episode.Episode>, after: Row<Episode.Episode>) => boolean,
  on: "before" | "after" = "after"
): Array<Hit> | undefined => {
  let out: Array<Hit> | undefined
  const episodes = c.episodes
  for (let i = 1; i < episodes.length; i++) {
    const before = episodes[i - 1]!
    const after = episodes[i]!
    if (!test(before, after)) continue
    out ??= []
    out.push(hit("Episodes", on === "before" ? before : after, c.childId))
  }
  return out
}
