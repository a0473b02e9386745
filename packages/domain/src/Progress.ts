/**
 * Progress against a strategy: dated updates, each giving an action or a whole priority a RAG status (red, amber,
 * green) with commentary and evidence — the indicators or documents it rests on (domain.md §2.3). Updates are never
 * edited: a new one supersedes the last, so the full RAG history stays. The status on a date is the latest update on
 * or before it, and the overdue / at-risk view is computed for a date passed in (`asOf`), never read from a clock.
 */
import { Option, Result, Schema } from "effect"
import * as CalendarDate from "./CalendarDate.ts"
import * as Council from "./Council.ts"
import * as CsvTable from "./CsvTable.ts"
import * as Strategy from "./Strategy.ts"

/** Red: off track; amber: at risk; green: on track. @category models */
export const Rag = Schema.Literals(["red", "amber", "green"]).annotate({ identifier: "ProgressRag" })
export type Rag = typeof Rag.Type

/** @category models */
export const ragLabel: Readonly<Record<Rag, string>> = { red: "Red", amber: "Amber", green: "Green" }

/** What an update rests on: an indicator of the catalogue (for a year) or a document. @category models */
export const Evidence = Schema.Union([
  Schema.TaggedStruct("IndicatorEvidence", { indicator: Schema.String, year: Schema.OptionFromNullOr(Schema.Int) }),
  Schema.TaggedStruct("DocumentEvidence", { title: Schema.NonEmptyString, url: Schema.OptionFromNullOr(Schema.String) })
]).annotate({ identifier: "Evidence" })
export type Evidence = typeof Evidence.Type

/** @category models */
export const UpdateId = Schema.String.pipe(Schema.brand("ProgressUpdateId")).annotate({
  identifier: "ProgressUpdateId"
})
export type UpdateId = typeof UpdateId.Type

/**
 * One progress update: for an action of a priority when `action` is set, else for the priority as a whole.
 * @category models
 */
export const Update = Schema.Struct({
  id: UpdateId,
  council: Council.CouncilId,
  priority: Strategy.PriorityId,
  action: Schema.OptionFromNullOr(Strategy.ActionId),
  on: CalendarDate.CalendarDate,
  rag: Rag,
  commentary: Schema.NonEmptyString,
  evidence: Schema.Array(Evidence),
  author: Schema.NonEmptyString
}).annotate({ identifier: "ProgressUpdate" })
export type Update = typeof Update.Type

/** What an update is about. @category models */
export type Subject =
  | { readonly _tag: "Priority"; readonly priority: Strategy.PriorityId }
  | { readonly _tag: "Action"; readonly action: Strategy.ActionId }

/** @category predicates */
export const isAbout = (update: Update, subject: Subject): boolean =>
  subject._tag === "Priority"
    ? Option.isNone(update.action) && update.priority === subject.priority
    : Option.isSome(update.action) && update.action.value === subject.action

const byDate = (a: Update, b: Update): number => (a.on < b.on ? -1 : a.on > b.on ? 1 : a.id < b.id ? -1 : 1)

/**
 * The updates about a subject, oldest first (the RAG history).
 * @category getters
 */
export const history = (updates: ReadonlyArray<Update>, subject: Subject): ReadonlyArray<Update> =>
  updates.filter((u) => isAbout(u, subject)).sort(byDate)

/**
 * The latest update about a subject made on or before `asOf`.
 * @category getters
 */
export const latest = (
  updates: ReadonlyArray<Update>,
  subject: Subject,
  asOf: CalendarDate.CalendarDate
): Option.Option<Update> => Option.fromNullishOr(history(updates, subject).findLast((u) => u.on <= asOf))

/** Why an action needs attention. @category models */
export type Reason =
  | { readonly _tag: "Overdue"; readonly days: number }
  | { readonly _tag: "MilestoneOverdue"; readonly milestone: string; readonly days: number }
  | { readonly _tag: "RatedRed"; readonly on: CalendarDate.CalendarDate }
  | { readonly _tag: "RatedAmber"; readonly on: CalendarDate.CalendarDate }
  | { readonly _tag: "DueSoonNotStarted"; readonly days: number }
  | { readonly _tag: "NoRecentUpdate"; readonly since: Option.Option<CalendarDate.CalendarDate> }

/** An action that is overdue or at risk on a date. @category models */
export interface Concern {
  readonly priority: Strategy.Priority
  readonly action: Strategy.Action
  /** `overdue` when past its due date (or a milestone's), else `at_risk`. */
  readonly level: "overdue" | "at_risk"
  readonly reasons: ReadonlyArray<Reason>
}

/** How the overdue / at-risk view is judged. @category models */
export interface ConcernOptions {
  readonly asOf: CalendarDate.CalendarDate
  /** An open action not started this close to its due date is at risk (default 30 days). */
  readonly dueSoonDays?: number
  /**
   * An open action without an update for this long is at risk (default 183 days: the six-monthly report to
   * scrutiny that Wiltshire's terms of reference require).
   */
  readonly staleAfterDays?: number
}

/**
 * The open actions that are overdue or at risk on `asOf`, overdue first, then by due date. Closed actions
 * (completed or cancelled) are never a concern; actions not yet started on `asOf` are judged only on their due date.
 * @category getters
 */
export const concerns = (
  strategy: Strategy.Strategy,
  updates: ReadonlyArray<Update>,
  options: ConcernOptions
): ReadonlyArray<Concern> => {
  const { asOf } = options
  const dueSoonDays = options.dueSoonDays ?? 30
  const staleAfterDays = options.staleAfterDays ?? 183
  const out: Array<Concern> = []
  for (const { priority, action } of Strategy.actions(strategy)) {
    if (Strategy.isClosed(action)) continue
    const reasons: Array<Reason> = []
    if (action.due < asOf) reasons.push({ _tag: "Overdue", days: CalendarDate.daysBetween(action.due, asOf) })
    for (const m of action.milestones) {
      if (Option.isNone(m.completed) && m.due < asOf) {
        reasons.push({ _tag: "MilestoneOverdue", milestone: m.title, days: CalendarDate.daysBetween(m.due, asOf) })
      }
    }
    const last = latest(updates, { _tag: "Action", action: action.id }, asOf)
    if (Option.isSome(last) && last.value.rag === "red") reasons.push({ _tag: "RatedRed", on: last.value.on })
    if (Option.isSome(last) && last.value.rag === "amber") reasons.push({ _tag: "RatedAmber", on: last.value.on })
    const daysToDue = CalendarDate.daysBetween(asOf, action.due)
    if (action.status === "not_started" && daysToDue >= 0 && daysToDue <= dueSoonDays) {
      reasons.push({ _tag: "DueSoonNotStarted", days: daysToDue })
    }
    const started = action.start <= asOf
    const lastOn = Option.map(last, (u) => u.on)
    const sinceStart = CalendarDate.daysBetween(action.start, asOf)
    const stale = Option.match(lastOn, {
      onNone: () => started && sinceStart > staleAfterDays,
      onSome: (on) => CalendarDate.daysBetween(on, asOf) > staleAfterDays
    })
    if (stale) reasons.push({ _tag: "NoRecentUpdate", since: lastOn })
    if (reasons.length === 0) continue
    const overdue = reasons.some((r) => r._tag === "Overdue" || r._tag === "MilestoneOverdue")
    out.push({ priority, action, level: overdue ? "overdue" : "at_risk", reasons })
  }
  return out.sort((a, b) =>
    a.level !== b.level ? (a.level === "overdue" ? -1 : 1) : a.action.due < b.action.due ? -1 : 1
  )
}

/** A reason in words, for reports and the terminal. @category encoding */
export const describeReason = (reason: Reason): string => {
  const days = (n: number) => `${n} day${n === 1 ? "" : "s"}`
  switch (reason._tag) {
    case "Overdue":
      return `overdue by ${days(reason.days)}`
    case "MilestoneOverdue":
      return `milestone "${reason.milestone}" overdue by ${days(reason.days)}`
    case "RatedRed":
      return `rated red on ${CalendarDate.toDdMmYyyy(reason.on)}`
    case "RatedAmber":
      return `rated amber on ${CalendarDate.toDdMmYyyy(reason.on)}`
    case "DueSoonNotStarted":
      return `not started and due in ${days(reason.days)}`
    case "NoRecentUpdate":
      return Option.match(reason.since, {
        onNone: () => "no progress update yet",
        onSome: (on) => `no progress update since ${CalendarDate.toDdMmYyyy(on)}`
      })
  }
}

/**
 * What the priorities page is answered with (`GET …/priorities`): the strategy with each priority's and action's
 * {@link latest} update on a day. The API encodes with it and the dashboard decodes with it.
 * @category schemas
 */
export const StatusView = Schema.Struct({
  strategy: Strategy.Strategy,
  asOf: CalendarDate.CalendarDate,
  priorities: Schema.Array(
    Schema.Struct({
      id: Strategy.PriorityId,
      latest: Schema.OptionFromNullOr(Update),
      actions: Schema.Array(Schema.Struct({ id: Strategy.ActionId, latest: Schema.OptionFromNullOr(Update) }))
    })
  )
}).annotate({ identifier: "PriorityStatus" })
export type StatusView = typeof StatusView.Type

/**
 * The open actions overdue or at risk on a day ({@link concerns}), with each reason in words
 * ({@link describeReason}), as the API answers `GET …/priorities/overdue` and the dashboard decodes it.
 * @category schemas
 */
export const ConcernsView = Schema.Struct({
  asOf: CalendarDate.CalendarDate,
  concerns: Schema.Array(
    Schema.Struct({
      priority: Strategy.PriorityId,
      priorityTitle: Schema.String,
      action: Strategy.ActionId,
      actionTitle: Schema.String,
      owner: Schema.String,
      due: CalendarDate.CalendarDate,
      level: Schema.Literals(["overdue", "at_risk"]),
      reasons: Schema.Array(Schema.Struct({ kind: Schema.String, text: Schema.String }))
    })
  )
}).annotate({ identifier: "Concerns" })
export type ConcernsView = typeof ConcernsView.Type

/** The columns of progress updates as CSV, in order. @category encoding */
export const csvColumns = ["id", "priority", "action", "on", "rag", "commentary", "author", "indicators"] as const

/**
 * An update as a CSV row (`indicators` lists the indicator evidence, separated by spaces; documents are not kept in
 * CSV — use the JSON plan file for them).
 * @category encoding
 */
export const toCsvRow = (u: Update): ReadonlyArray<string> => [
  u.id,
  u.priority,
  Option.getOrElse(u.action, () => ""),
  u.on,
  u.rag,
  u.commentary,
  u.author,
  u.evidence.flatMap((e) => (e._tag === "IndicatorEvidence" ? [e.indicator] : [])).join(" ")
]

/**
 * Progress updates for `council` from CSV with the columns of {@link csvColumns} (`action` empty for a whole
 * priority, `indicators` optional), or an error naming the file, line and column.
 * @category decoding
 */
export const fromCsv = (
  text: string,
  file: string,
  council: Council.CouncilId
): Result.Result<ReadonlyArray<Update>, CsvTable.CsvTableInvalid> =>
  Result.flatMap(
    CsvTable.read(text, file, ["id", "priority", "action", "on", "rag", "commentary", "author"]),
    (rows): Result.Result<ReadonlyArray<Update>, CsvTable.CsvTableInvalid> => {
      const out: Array<Update> = []
      const decode = Schema.decodeUnknownResult(Update)
      for (const row of rows) {
        const v = row.values
        const fail = (column: string, problem: string) =>
          Result.fail(new CsvTable.CsvTableInvalid({ file, line: row.line, column, problem }))
        if (Option.isNone(CalendarDate.fromIso(v.on ?? ""))) return fail("on", `"${v.on}" is not a date as YYYY-MM-DD`)
        if (!Rag.literals.includes(v.rag as Rag)) return fail("rag", `"${v.rag}" is not one of red, amber, green`)
        for (const column of ["id", "priority", "commentary", "author"] as const) {
          if ((v[column] ?? "").trim() === "") return fail(column, "is empty")
        }
        const decoded = decode({
          id: v.id,
          council,
          priority: v.priority,
          action: (v.action ?? "") === "" ? null : v.action,
          on: v.on,
          rag: v.rag,
          commentary: v.commentary,
          evidence: (v.indicators ?? "")
            .split(/\s+/)
            .filter((i) => i !== "")
            .map((indicator) => ({ _tag: "IndicatorEvidence", indicator, year: null })),
          author: v.author
        })
        if (Result.isFailure(decoded)) return fail("priority", `not a valid update: ${decoded.failure.message}`)
        out.push(decoded.success)
      }
      return Result.succeed(out)
    }
  )
