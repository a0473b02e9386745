/**
 * Who an entitlement is for, as data. A young person's circumstances are dated facts — care-leaver status, activity,
 * accommodation, UASC, recourse to public funds, where they live — and an entitlement's eligibility is a
 * {@link Condition}: a small tree of tests over those facts on one date, combined with all / any / not. Evaluating a
 * condition answers a {@link Check} that says, test by test, what held and what failed and why, so a personal
 * adviser or a care leaver can see the reasoning (domain.md §7: "explanations are first-class").
 *
 * Ages follow CalendarDate.ageOn: an age is attained on the birthday itself, and someone born on 29 February attains
 * it on 1 March in a common year. "Under 25" therefore ends the day before the 25th birthday.
 */
import { Option, Schema } from "effect"
import * as CalendarDate from "./CalendarDate.ts"
import * as CareLeaver from "./CareLeaver.ts"
import type * as CareLeaverOutcome from "./CareLeaverOutcome.ts"
import { ChildId } from "./Child.ts"
import type * as ChildHistory from "./ChildHistory.ts"

/**
 * The legal care-leaver statuses of CA 1989 (domain.md §1.2), as `CareLeaver` derives them from 903 episodes:
 * eligible (Sch 2 para 19B), relevant (s23A), former relevant (s23C; to 25 on request under s23CZB) and qualifying
 * for advice and assistance (s24).
 * @category models
 */
export const CareLeaverStatus = CareLeaver.CareLeaverStatus
export type CareLeaverStatus = CareLeaver.CareLeaverStatus

/** @category models */
export const statusLabels: Readonly<Record<CareLeaverStatus, string>> = {
  eligible: "eligible",
  relevant: "relevant",
  former_relevant: "former relevant",
  qualifying: "qualifying"
}

/** What a young person is mainly doing. @category models */
export const Activity = Schema.Literals([
  "higher_education",
  "further_education",
  "apprenticeship",
  "training",
  "employment",
  "not_in_education_employment_or_training"
]).annotate({ identifier: "CareLeaverActivityKind" })
export type Activity = typeof Activity.Type

/** @category models */
export const activityLabels: Readonly<Record<Activity, string>> = {
  higher_education: "higher education",
  further_education: "further education",
  apprenticeship: "an apprenticeship",
  training: "training",
  employment: "employment",
  not_in_education_employment_or_training: "not in education, employment or training"
}

/** Where a young person lives. @category models */
export const Accommodation = Schema.Literals([
  "foster_care",
  "staying_put",
  "childrens_home",
  "staying_close",
  "supported_lodgings",
  "semi_independent",
  "independent",
  "with_family",
  "custody",
  "homeless",
  "other"
]).annotate({ identifier: "CareLeaverAccommodationKind" })
export type Accommodation = typeof Accommodation.Type

/** @category models */
export const accommodationLabels: Readonly<Record<Accommodation, string>> = {
  foster_care: "foster care",
  staying_put: "Staying Put with former foster carers",
  childrens_home: "a children's home",
  staying_close: "Staying Close accommodation",
  supported_lodgings: "supported lodgings",
  semi_independent: "semi-independent accommodation",
  independent: "their own home",
  with_family: "with family",
  custody: "custody",
  homeless: "no settled home",
  other: "other accommodation"
}

const period = {
  from: CalendarDate.CalendarDate,
  /** The last day the fact holds; open-ended when absent. */
  to: Schema.OptionFromOptionalNullOr(CalendarDate.CalendarDate, { onNoneEncoding: "omit" })
}

/**
 * One dated fact about a young person, holding from `from` to `to` inclusive.
 * @category models
 */
export const Fact = Schema.Union([
  Schema.TaggedStruct("Status", { status: CareLeaverStatus, ...period }),
  Schema.TaggedStruct("Activity", { activity: Activity, ...period }),
  Schema.TaggedStruct("Accommodation", { accommodation: Accommodation, ...period }),
  /** Came into care as an unaccompanied asylum-seeking child (UASC); care-leaver offers follow them after 18. */
  Schema.TaggedStruct("UnaccompaniedAsylumSeeker", period),
  Schema.TaggedStruct("NoRecourseToPublicFunds", period),
  Schema.TaggedStruct("LivesOutsideArea", period),
  /** A former relevant young person aged 21–24 has asked for advice and support (CA 1989 s23CZB). */
  Schema.TaggedStruct("RequestedSupport", period),
  Schema.TaggedStruct("Parent", period)
]).annotate({ identifier: "CareLeaverFact" })
export type Fact = typeof Fact.Type

/**
 * A young person as the offer sees them: date of birth and dated facts. The status facts may be entered by hand or
 * derived from 903 episodes.
 * @category models
 */
export const YoungPerson = Schema.Struct({
  childId: ChildId,
  dateOfBirth: CalendarDate.CalendarDate,
  facts: Schema.Array(Fact)
}).pipe(
  Schema.check(
    Schema.makeFilter(
      (p: { readonly facts: ReadonlyArray<Fact> }) => {
        const bad = p.facts.find((f) => Option.isSome(f.to) && f.to.value < f.from)
        return bad === undefined ? true : `a ${bad._tag} fact ends before it starts (${bad.from})`
      },
      { description: "every fact ends on or after its start" }
    )
  )
)
export type YoungPerson = typeof YoungPerson.Type

const holdsOn = (fact: Fact, on: CalendarDate.CalendarDate): boolean =>
  fact.from <= on && Option.match(fact.to, { onNone: () => true, onSome: (to) => on <= to })

/** The fact of one kind in force on `on`; when two overlap, the one that started last wins. */
const latest = <T extends Fact["_tag"]>(
  facts: ReadonlyArray<Fact>,
  tag: T,
  on: CalendarDate.CalendarDate
): Option.Option<Extract<Fact, { _tag: T }>> => {
  const inForce = facts.filter((f): f is Extract<Fact, { _tag: T }> => f._tag === tag && holdsOn(f, on))
  return Option.fromNullishOr(
    inForce.reduce<Extract<Fact, { _tag: T }> | undefined>(
      (best, f) => (best === undefined || f.from >= best.from ? f : best),
      undefined
    )
  )
}

/**
 * What holds for a young person on one day: the snapshot a condition is tested against.
 * @category models
 */
export interface Circumstances {
  readonly on: CalendarDate.CalendarDate
  readonly dateOfBirth: CalendarDate.CalendarDate
  readonly age: number
  readonly status: Option.Option<CareLeaverStatus>
  readonly activity: Option.Option<{ readonly activity: Activity; readonly since: CalendarDate.CalendarDate }>
  readonly accommodation: Option.Option<Accommodation>
  /** Where they lived on their 18th birthday (Staying Put follows foster care at 18), once they have turned 18. */
  readonly accommodationAt18: Option.Option<Accommodation>
  readonly unaccompaniedAsylumSeeker: boolean
  readonly noRecourseToPublicFunds: boolean
  readonly livesInArea: boolean
  readonly requestedSupport: boolean
  readonly parent: boolean
}

/**
 * A young person's circumstances on `on`.
 * @category constructors
 */
export const circumstancesOn = (person: YoungPerson, on: CalendarDate.CalendarDate): Circumstances => {
  const eighteenth = CalendarDate.addYears(person.dateOfBirth, 18)
  return {
    on,
    dateOfBirth: person.dateOfBirth,
    age: CalendarDate.ageOn(person.dateOfBirth, on),
    status: Option.map(latest(person.facts, "Status", on), (f) => f.status),
    activity: Option.map(latest(person.facts, "Activity", on), (f) => ({ activity: f.activity, since: f.from })),
    accommodation: Option.map(latest(person.facts, "Accommodation", on), (f) => f.accommodation),
    accommodationAt18:
      on < eighteenth
        ? Option.none()
        : Option.map(latest(person.facts, "Accommodation", eighteenth), (f) => f.accommodation),
    unaccompaniedAsylumSeeker: Option.isSome(latest(person.facts, "UnaccompaniedAsylumSeeker", on)),
    noRecourseToPublicFunds: Option.isSome(latest(person.facts, "NoRecourseToPublicFunds", on)),
    livesInArea: Option.isNone(latest(person.facts, "LivesOutsideArea", on)),
    requestedSupport: Option.isSome(latest(person.facts, "RequestedSupport", on)),
    parent: Option.isSome(latest(person.facts, "Parent", on))
  }
}

/**
 * The days on which a person's facts start or stop holding (the day after a `to`), in order: the only days, besides
 * birthdays, on which a condition's answer can change.
 * @category getters
 */
export const factBoundaries = (person: YoungPerson): ReadonlyArray<CalendarDate.CalendarDate> =>
  [
    ...new Set(
      person.facts.flatMap((f) => [
        f.from,
        ...Option.match(f.to, { onNone: () => [], onSome: (to) => [CalendarDate.addDays(to, 1)] })
      ])
    )
  ].sort()

const activityFromOutcome = (code: CareLeaverOutcome.Activity): Option.Option<Activity> => {
  switch (code[1]) {
    case "1":
      return Option.some("higher_education")
    case "2":
      return Option.some("further_education")
    case "4":
      return code[0] === "G" ? Option.some("not_in_education_employment_or_training") : Option.some("apprenticeship")
    case "3":
    case "5":
      return code[0] === "G" ? Option.some("not_in_education_employment_or_training") : Option.some("employment")
    case "6":
      return Option.some("not_in_education_employment_or_training")
    default:
      return Option.none()
  }
}

const accommodationFromOutcome = (code: CareLeaverOutcome.Accommodation): Option.Option<Accommodation> => {
  const kinds: Readonly<Record<string, Accommodation>> = {
    B: "with_family",
    C: "childrens_home",
    D: "semi_independent",
    E: "supported_lodgings",
    K: "independent",
    T: "semi_independent",
    U: "independent",
    S: "homeless",
    V: "homeless",
    W: "homeless",
    X: "custody",
    Z: "staying_put",
    G: "other",
    H: "other",
    R: "other",
    Y: "other"
  }
  return Option.fromNullishOr(kinds[code[0] ?? ""])
}

/**
 * A young person as the 903 return shows them on `on`, or `None` when the return has no Header record for them.
 *
 * - Status comes from `CareLeaver.assess`, on `on` and, when later, on the 18th birthday, so the change from
 *   relevant to former relevant is foreseen. From the 21st birthday the status held the day before carries on: a
 *   former relevant young person stays former relevant to 25 (CA 1989 s23C(7), s23CZB). Leaving care in future
 *   cannot be foreseen.
 * - Activity and accommodation come from the OC3 record (903 ACTIV, ACCOM). The 903 does not date them, so they
 *   are taken as holding from `on`; enter dated facts (e.g. an apprenticeship's start) where the date matters.
 * - A UASC record makes the young person a former unaccompanied asylum-seeking child from birth.
 * @category constructors
 */
export const fromHistory = (
  history: ChildHistory.ChildHistory,
  on: CalendarDate.CalendarDate
): Option.Option<YoungPerson> =>
  Option.map(history.child, (child) => {
    const dob = child.dateOfBirth
    const eighteenth = CalendarDate.addYears(dob, 18)
    const lastDayAged20 = CalendarDate.addDays(CalendarDate.addYears(dob, 21), -1)
    const statusOn = (d: CalendarDate.CalendarDate) =>
      Option.map(CareLeaver.assess(history, CalendarDate.min(d, lastDayAged20)), (a) => a.status)
    const starts = eighteenth > on ? [on, eighteenth] : [on]
    const facts: Array<Fact> = []
    starts.forEach((from, i) => {
      const next = starts[i + 1]
      Option.map(statusOn(from), (status) =>
        facts.push({
          _tag: "Status",
          status,
          from,
          to: next === undefined ? Option.none() : Option.some(CalendarDate.addDays(next, -1))
        })
      )
    })
    Option.map(history.careLeaver, (outcome) => {
      Option.map(Option.flatMap(outcome.activity, activityFromOutcome), (activity) =>
        facts.push({ _tag: "Activity", activity, from: on, to: Option.none() })
      )
      Option.map(Option.flatMap(outcome.accommodation, accommodationFromOutcome), (accommodation) =>
        facts.push({ _tag: "Accommodation", accommodation, from: on, to: Option.none() })
      )
    })
    if (Option.isSome(history.uasc)) facts.push({ _tag: "UnaccompaniedAsylumSeeker", from: dob, to: Option.none() })
    return { childId: history.childId, dateOfBirth: dob, facts }
  })

/**
 * A person with more facts: entered facts are added to those already known (for the same kind on the same day, the
 * one that started later wins).
 * @category constructors
 */
export const withFacts = (person: YoungPerson, facts: ReadonlyArray<Fact>): YoungPerson => ({
  ...person,
  facts: [...person.facts, ...facts]
})

/** When an age is measured: on the day asked about, or on the day the current course or apprenticeship started. */
export const AgeMeasuredAt = Schema.Literals(["date", "activity_start"]).annotate({ identifier: "AgeMeasuredAt" })
export type AgeMeasuredAt = typeof AgeMeasuredAt.Type

/**
 * An eligibility rule: tests over a young person's circumstances, combined with `All`, `Any` and `Not`.
 * @category models
 */
export type Condition =
  | { readonly _tag: "Status"; readonly anyOf: ReadonlyArray<CareLeaverStatus> }
  | {
      readonly _tag: "Age"
      /** The youngest age, attained on the birthday. */
      readonly from?: number
      /** Before this birthday: `under: 25` ends the day before the 25th birthday. */
      readonly under?: number
      readonly at?: AgeMeasuredAt
    }
  | { readonly _tag: "Activity"; readonly anyOf: ReadonlyArray<Activity> }
  | { readonly _tag: "Accommodation"; readonly anyOf: ReadonlyArray<Accommodation> }
  | { readonly _tag: "AccommodationAt18"; readonly anyOf: ReadonlyArray<Accommodation> }
  | { readonly _tag: "UnaccompaniedAsylumSeeker" }
  | { readonly _tag: "RecourseToPublicFunds" }
  | { readonly _tag: "LivesInArea" }
  | { readonly _tag: "RequestedSupport" }
  | { readonly _tag: "Parent" }
  | { readonly _tag: "All"; readonly conditions: ReadonlyArray<Condition> }
  | { readonly _tag: "Any"; readonly conditions: ReadonlyArray<Condition> }
  | { readonly _tag: "Not"; readonly condition: Condition }

const age = Schema.Int.pipe(Schema.check(Schema.isBetween({ minimum: 0, maximum: 120 })))

/** @category schemas */
export const Condition: Schema.Codec<Condition> = Schema.Union([
  Schema.TaggedStruct("Status", { anyOf: Schema.NonEmptyArray(CareLeaverStatus) }),
  Schema.TaggedStruct("Age", {
    from: Schema.optionalKey(age),
    under: Schema.optionalKey(age),
    at: Schema.optionalKey(AgeMeasuredAt)
  }).pipe(
    Schema.check(
      Schema.makeFilter((c: { readonly from?: number; readonly under?: number }) =>
        c.from === undefined || c.under === undefined || c.from < c.under
          ? true
          : `an age range from ${c.from} under ${c.under} is empty`
      )
    )
  ),
  Schema.TaggedStruct("Activity", { anyOf: Schema.NonEmptyArray(Activity) }),
  Schema.TaggedStruct("Accommodation", { anyOf: Schema.NonEmptyArray(Accommodation) }),
  Schema.TaggedStruct("AccommodationAt18", { anyOf: Schema.NonEmptyArray(Accommodation) }),
  Schema.TaggedStruct("UnaccompaniedAsylumSeeker", {}),
  Schema.TaggedStruct("RecourseToPublicFunds", {}),
  Schema.TaggedStruct("LivesInArea", {}),
  Schema.TaggedStruct("RequestedSupport", {}),
  Schema.TaggedStruct("Parent", {}),
  Schema.TaggedStruct("All", { conditions: Schema.Array(Schema.suspend((): Schema.Codec<Condition> => Condition)) }),
  Schema.TaggedStruct("Any", { conditions: Schema.Array(Schema.suspend((): Schema.Codec<Condition> => Condition)) }),
  Schema.TaggedStruct("Not", { condition: Schema.suspend((): Schema.Codec<Condition> => Condition) })
]).annotate({ identifier: "EligibilityCondition" }) as Schema.Codec<Condition>

/** @category constructors */
export const status = (...anyOf: ReadonlyArray<CareLeaverStatus>): Condition => ({ _tag: "Status", anyOf })

/**
 * An age range: `from` attained, `under` not yet attained.
 * @category constructors
 */
export const ageRange = (range: { readonly from?: number; readonly under?: number; readonly at?: AgeMeasuredAt }) =>
  ({ _tag: "Age", ...range }) as Condition

/** @category constructors */
export const activity = (...anyOf: ReadonlyArray<Activity>): Condition => ({ _tag: "Activity", anyOf })
/** @category constructors */
export const accommodation = (...anyOf: ReadonlyArray<Accommodation>): Condition => ({ _tag: "Accommodation", anyOf })
/** @category constructors */
export const accommodationAt18 = (...anyOf: ReadonlyArray<Accommodation>): Condition => ({
  _tag: "AccommodationAt18",
  anyOf
})
/** @category constructors */
export const unaccompaniedAsylumSeeker: Condition = { _tag: "UnaccompaniedAsylumSeeker" }
/** @category constructors */
export const recourseToPublicFunds: Condition = { _tag: "RecourseToPublicFunds" }
/** @category constructors */
export const livesInArea: Condition = { _tag: "LivesInArea" }
/** @category constructors */
export const requestedSupport: Condition = { _tag: "RequestedSupport" }
/** @category constructors */
export const parent: Condition = { _tag: "Parent" }
/** @category constructors */
export const all = (...conditions: ReadonlyArray<Condition>): Condition => ({ _tag: "All", conditions })
/** @category constructors */
export const any = (...conditions: ReadonlyArray<Condition>): Condition => ({ _tag: "Any", conditions })
/** @category constructors */
export const not = (condition: Condition): Condition => ({ _tag: "Not", condition })

/** "a, b or c". */
const orList = (words: ReadonlyArray<string>): string =>
  words.length <= 1 ? (words[0] ?? "") : `${words.slice(0, -1).join(", ")} or ${words[words.length - 1]}`

const describeAge = (c: Extract<Condition, { _tag: "Age" }>): string => {
  const when = c.at === "activity_start" ? " when the course or apprenticeship started" : ""
  if (c.from !== undefined && c.under !== undefined) return `aged ${c.from} to ${c.under - 1}${when}`
  if (c.from !== undefined) return `aged ${c.from} or over${when}`
  if (c.under !== undefined) return `aged under ${c.under}${when}`
  return "any age"
}

/**
 * A condition in plain words, as a young person would read it.
 * @category encoding
 */
export const describe = (c: Condition): string => {
  switch (c._tag) {
    case "Status": {
      const words = orList(c.anyOf.map((s) => statusLabels[s]))
      return `${/^[aeiou]/.test(words) ? "an" : "a"} ${words} care leaver`
    }
    case "Age":
      return describeAge(c)
    case "Activity":
      return `in ${orList(c.anyOf.map((a) => activityLabels[a]))}`
    case "Accommodation":
      return `living in ${orList(c.anyOf.map((a) => accommodationLabels[a]))}`
    case "AccommodationAt18":
      return `living in ${orList(c.anyOf.map((a) => accommodationLabels[a]))} on their 18th birthday`
    case "UnaccompaniedAsylumSeeker":
      return "an unaccompanied asylum-seeking young person"
    case "RecourseToPublicFunds":
      return "has recourse to public funds"
    case "LivesInArea":
      return "lives in the council's area"
    case "RequestedSupport":
      return "has asked for support after turning 21"
    case "Parent":
      return "is a parent"
    case "All":
      return c.conditions.map(describe).join("; and ")
    case "Any":
      return `one of: ${c.conditions.map(describe).join("; or ")}`
    case "Not":
      return `not ${describe(c.condition)}`
  }
}

/**
 * The answer to a condition for one young person on one day: whether it held, the facts it rested on, and the
 * answers of its parts.
 * @category models
 */
export interface Check {
  readonly condition: string
  readonly holds: boolean
  readonly because: string
  readonly parts: ReadonlyArray<Check>
}

/** @category schemas */
export const Check: Schema.Codec<Check> = Schema.Struct({
  condition: Schema.String,
  holds: Schema.Boolean,
  because: Schema.String,
  parts: Schema.Array(Schema.suspend((): Schema.Codec<Check> => Check))
}).annotate({ identifier: "EligibilityCheck" })

const leaf = (c: Condition, holds: boolean, because: string): Check => ({
  condition: describe(c),
  holds,
  because,
  parts: []
})

const ageCheck = (c: Extract<Condition, { _tag: "Age" }>, facts: Circumstances): Check => {
  const inRange = (age: number) => (c.from === undefined || age >= c.from) && (c.under === undefined || age < c.under)
  if (c.at === "activity_start") {
    return Option.match(facts.activity, {
      onNone: () => leaf(c, false, "no course, training or apprenticeship recorded"),
      onSome: ({ activity, since }) => {
        const age = CalendarDate.ageOn(facts.dateOfBirth, since)
        return leaf(c, inRange(age), `aged ${age} when ${activityLabels[activity]} started on ${since}`)
      }
    })
  }
  return leaf(c, inRange(facts.age), `aged ${facts.age} on ${facts.on}`)
}

/**
 * Test a condition against a young person's circumstances.
 * @category getters
 */
export const evaluate = (c: Condition, facts: Circumstances): Check => {
  switch (c._tag) {
    case "Status":
      return Option.match(facts.status, {
        onNone: () => leaf(c, false, `no care-leaver status on ${facts.on}`),
        onSome: (s) => leaf(c, c.anyOf.includes(s), `${statusLabels[s]} on ${facts.on}`)
      })
    case "Age":
      return ageCheck(c, facts)
    case "Activity":
      return Option.match(facts.activity, {
        onNone: () => leaf(c, false, `no activity recorded on ${facts.on}`),
        onSome: ({ activity }) => leaf(c, c.anyOf.includes(activity), `in ${activityLabels[activity]} on ${facts.on}`)
      })
    case "Accommodation":
      return Option.match(facts.accommodation, {
        onNone: () => leaf(c, false, `no accommodation recorded on ${facts.on}`),
        onSome: (a) => leaf(c, c.anyOf.includes(a), `living in ${accommodationLabels[a]} on ${facts.on}`)
      })
    case "AccommodationAt18":
      return Option.match(facts.accommodationAt18, {
        onNone: () => leaf(c, false, facts.age < 18 ? "not yet 18" : "no accommodation recorded on the 18th birthday"),
        onSome: (a) => leaf(c, c.anyOf.includes(a), `living in ${accommodationLabels[a]} on the 18th birthday`)
      })
    case "UnaccompaniedAsylumSeeker":
      return leaf(
        c,
        facts.unaccompaniedAsylumSeeker,
        facts.unaccompaniedAsylumSeeker ? "recorded as UASC" : "not recorded as UASC"
      )
    case "RecourseToPublicFunds":
      return leaf(
        c,
        !facts.noRecourseToPublicFunds,
        facts.noRecourseToPublicFunds ? "no recourse to public funds" : "no restriction on public funds recorded"
      )
    case "LivesInArea":
      return leaf(c, facts.livesInArea, facts.livesInArea ? "lives in the area" : "lives outside the area")
    case "RequestedSupport":
      return leaf(
        c,
        facts.requestedSupport,
        facts.requestedSupport ? "has asked for support" : "no request for support recorded"
      )
    case "Parent":
      return leaf(c, facts.parent, facts.parent ? "is a parent" : "not recorded as a parent")
    case "All": {
      const parts = c.conditions.map((p) => evaluate(p, facts))
      const failed = parts.filter((p) => !p.holds)
      return {
        condition: describe(c),
        holds: failed.length === 0,
        because:
          failed.length === 0
            ? parts.map((p) => p.because).join("; ")
            : `not met: ${failed.map((p) => `${p.condition} (${p.because})`).join("; ")}`,
        parts
      }
    }
    case "Any": {
      const parts = c.conditions.map((p) => evaluate(p, facts))
      const met = parts.filter((p) => p.holds)
      return {
        condition: describe(c),
        holds: met.length > 0,
        because: met.length > 0 ? met.map((p) => p.because).join("; ") : "none of the options holds",
        parts
      }
    }
    case "Not": {
      const inner = evaluate(c.condition, facts)
      return { condition: describe(c), holds: !inner.holds, because: inner.because, parts: [inner] }
    }
  }
}

/**
 * The ages at which a condition's answer can change (each `from` and `under`), for listing upcoming changes.
 * @category getters
 */
export const ageBoundaries = (c: Condition): ReadonlyArray<number> => {
  switch (c._tag) {
    case "Age":
      return c.at === "activity_start"
        ? []
        : [...(c.from === undefined ? [] : [c.from]), ...(c.under === undefined ? [] : [c.under])]
    case "AccommodationAt18":
      return [18]
    case "All":
    case "Any":
      return c.conditions.flatMap(ageBoundaries)
    case "Not":
      return ageBoundaries(c.condition)
    default:
      return []
  }
}
