/**
 * One thing a care leaver can have from the local offer: a grant, a service, a discount or a right. Each entitlement
 * says in plain words what it is and how to get it, which offer areas it serves, whether the law requires it
 * (statutory) or the council chooses to give it (discretionary), who sets it (national government or the council),
 * when it is in force, its amounts over time, and who qualifies — as an {@link Eligibility.Condition}, never as prose.
 *
 * Amounts are effective-dated steps, never hard-coded in a rule (domain.md §7): the apprenticeship bursary was
 * £1,000 for starts from 1 August 2018 and £3,000 for starts from 1 August 2023, and "what was this young person
 * entitled to on 1 September 2022?" keeps an exact answer. Each entitlement carries worked examples as data, which
 * the tests run, so councils can add their own cases for their discretionary items.
 */
import { Effect, Option, Schema } from "effect"
import * as CalendarDate from "./CalendarDate.ts"
import * as Eligibility from "./Eligibility.ts"
import { OfferArea } from "./OfferArea.ts"

/** A stable id for an entitlement across offer versions: a lower-case slug. @category models */
export const EntitlementId = Schema.String.pipe(
  Schema.check(Schema.isPattern(/^[a-z0-9][a-z0-9-]{1,62}$/, { description: "a lower-case slug (a-z, 0-9, -)" })),
  Schema.brand("EntitlementId")
).annotate({ identifier: "EntitlementId", examples: ["higher-education-bursary" as never] })
export type EntitlementId = typeof EntitlementId.Type

/** Required by law or guidance, or given at the council's discretion. @category models */
export const Basis = Schema.Literals(["statutory", "discretionary"]).annotate({ identifier: "EntitlementBasis" })
export type Basis = typeof Basis.Type

/** Who sets it: national government for every council, or this council. @category models */
export const SetBy = Schema.Literals(["national", "local"]).annotate({ identifier: "EntitlementSetBy" })
export type SetBy = typeof SetBy.Type

/**
 * How a young person gets it: given without asking, by asking or applying, agreed in the pathway plan with their
 * PA, approved by a manager, or according to an assessment of need (domain.md §1.4).
 * @category models
 */
export const Approval = Schema.Literals([
  "automatic",
  "application",
  "pathway_plan",
  "manager_approval",
  "assessed_need"
]).annotate({ identifier: "EntitlementApproval" })
export type Approval = typeof Approval.Type

/** @category models */
export const approvalLabels: Readonly<Record<Approval, string>> = {
  automatic: "Given automatically",
  application: "Ask or apply",
  pathway_plan: "Agreed in your pathway plan",
  manager_approval: "Approved by a manager",
  assessed_need: "Depends on an assessment of what you need"
}

/** How often an amount is paid. @category models */
export const Frequency = Schema.Literals(["once", "week", "month", "year"]).annotate({ identifier: "AmountFrequency" })
export type Frequency = typeof Frequency.Type

const optionalDate = Schema.OptionFromOptionalNullOr(CalendarDate.CalendarDate, { onNoneEncoding: "omit" })

/**
 * An amount in force from `from` to `to` (inclusive), in pence.
 * @category models
 */
export const Amount = Schema.Struct({
  from: CalendarDate.CalendarDate,
  to: optionalDate,
  pence: Schema.Int.pipe(Schema.check(Schema.isGreaterThanOrEqualTo(0))),
  per: Frequency,
  /** A ceiling ("up to £75 a year") rather than a fixed sum. */
  upTo: Schema.Boolean
}).annotate({ identifier: "EntitlementAmount" })
export type Amount = typeof Amount.Type

/** Where an entitlement or amount comes from: statute, guidance or a council decision. @category models */
export const Source = Schema.Struct({
  title: Schema.NonEmptyString,
  url: Schema.OptionFromOptionalNullOr(Schema.String, { onNoneEncoding: "omit" })
}).annotate({ identifier: "EntitlementSource" })
export type Source = typeof Source.Type

/**
 * A worked case kept with the rule: a young person's facts, a day, and the expected answer.
 * @category models
 */
export const Example = Schema.Struct({
  description: Schema.NonEmptyString,
  dateOfBirth: CalendarDate.CalendarDate,
  facts: Schema.Array(Eligibility.Fact),
  on: CalendarDate.CalendarDate,
  applies: Schema.Boolean,
  /** The amount expected when it applies. */
  pence: Schema.OptionFromOptionalNullOr(Schema.Int, { onNoneEncoding: "omit" })
}).annotate({ identifier: "EntitlementExample" })
export type Example = typeof Example.Type

/** @category models */
export const Entitlement = Schema.Struct({
  id: EntitlementId,
  title: Schema.NonEmptyString,
  /** What it is, in words a young person uses. */
  summary: Schema.NonEmptyString,
  areas: Schema.NonEmptyArray(OfferArea),
  basis: Basis,
  setBy: SetBy,
  eligibility: Eligibility.Condition,
  effectiveFrom: CalendarDate.CalendarDate,
  /** The last day it is offered; open-ended when absent. */
  effectiveTo: optionalDate,
  amounts: Schema.Array(Amount),
  /** Which day picks the amount: the day asked about, or the day the course or apprenticeship started. */
  amountDatedBy: Eligibility.AgeMeasuredAt,
  howToAccess: Schema.NonEmptyString,
  /** How it is agreed; stored offers without it read as `application`. */
  approval: Approval.pipe(Schema.withDecodingDefaultKey(Effect.succeed("application" as const))),
  sources: Schema.Array(Source),
  examples: Schema.Array(Example)
}).annotate({ identifier: "Entitlement" })
export type Entitlement = typeof Entitlement.Type

/** @category predicates */
export const isInForceOn = (self: Entitlement, on: CalendarDate.CalendarDate): boolean =>
  self.effectiveFrom <= on && Option.match(self.effectiveTo, { onNone: () => true, onSome: (to) => on <= to })

/**
 * The amount in force on a day, if any.
 * @category getters
 */
export const amountOn = (self: Entitlement, on: CalendarDate.CalendarDate): Option.Option<Amount> =>
  Option.fromNullishOr(
    self.amounts.find((a) => a.from <= on && Option.match(a.to, { onNone: () => true, onSome: (to) => on <= to }))
  )

/**
 * "£3,000 once", "up to £75 a year", "£57.90 a week".
 * @category encoding
 */
export const formatAmount = (a: Amount): string => {
  const pounds = a.pence % 100 === 0 ? (a.pence / 100).toLocaleString("en-GB") : (a.pence / 100).toFixed(2)
  const per = a.per === "once" ? "" : ` a ${a.per}`
  return `${a.upTo ? "up to " : ""}£${pounds}${per}`
}

/**
 * One entitlement assessed for one young person on one day, with the reasons.
 * @category models
 */
export const Assessment = Schema.Struct({
  entitlementId: EntitlementId,
  title: Schema.String,
  areas: Schema.Array(OfferArea),
  basis: Basis,
  setBy: SetBy,
  on: CalendarDate.CalendarDate,
  /** Whether the offer includes it on that day at all. */
  inForce: Schema.Boolean,
  applies: Schema.Boolean,
  check: Eligibility.Check,
  amount: Schema.OptionFromNullOr(Amount),
  /** The day the amount was taken on (see `amountDatedBy`). */
  amountDate: Schema.OptionFromNullOr(CalendarDate.CalendarDate),
  howToAccess: Schema.String
}).annotate({ identifier: "EntitlementAssessment" })
export type Assessment = typeof Assessment.Type

/**
 * Assess an entitlement for a young person on `on`: whether it is in force, whether its eligibility holds, and the
 * amount that then applies.
 * @category getters
 */
export const assess = (
  self: Entitlement,
  person: Eligibility.YoungPerson,
  on: CalendarDate.CalendarDate
): Assessment => {
  const facts = Eligibility.circumstancesOn(person, on)
  const inForce = isInForceOn(self, on)
  const check = Eligibility.evaluate(self.eligibility, facts)
  const applies = inForce && check.holds
  const amountDate: Option.Option<CalendarDate.CalendarDate> = !applies
    ? Option.none()
    : self.amountDatedBy === "activity_start"
      ? Option.map(facts.activity, (a) => a.since)
      : Option.some(on)
  return {
    entitlementId: self.id,
    title: self.title,
    areas: self.areas,
    basis: self.basis,
    setBy: self.setBy,
    on,
    inForce,
    applies,
    check: inForce
      ? check
      : {
          condition: "in force on the day",
          holds: false,
          because: `offered from ${self.effectiveFrom}${Option.match(self.effectiveTo, { onNone: () => "", onSome: (to) => ` to ${to}` })}`,
          parts: [check]
        },
    amount: Option.flatMap(amountDate, (d) => amountOn(self, d)),
    amountDate,
    howToAccess: self.howToAccess
  }
}

/** The outcome of one worked example. @category models */
export interface ExampleResult {
  readonly entitlementId: EntitlementId
  readonly example: Example
  readonly assessment: Assessment
  readonly passed: boolean
}

/**
 * Run an entitlement's worked examples.
 * @category getters
 */
export const runExamples = (self: Entitlement): ReadonlyArray<ExampleResult> =>
  self.examples.map((example) => {
    const assessment = assess(
      self,
      {
        childId: "EXAMPLE" as Eligibility.YoungPerson["childId"],
        dateOfBirth: example.dateOfBirth,
        facts: example.facts
      },
      example.on
    )
    const amountMatches = Option.match(example.pence, {
      onNone: () => true,
      onSome: (p) => Option.match(assessment.amount, { onNone: () => false, onSome: (a) => a.pence === p })
    })
    return {
      entitlementId: self.id,
      example,
      assessment,
      passed: assessment.applies === example.applies && amountMatches
    }
  })
