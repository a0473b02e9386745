/**
 * `cpo offer entitlements --child <id> --on <date>`: what a young person can have from the published local offer that
 * day, why, and what changes ahead — from the return in the store, facts entered from a file, or both.
 */
import { CalendarDate, type Council, Eligibility, Entitlement, LocalOffer, OfferArea, YoungPeople } from "@cpo/domain"
import { Effect, Option, Schema } from "effect"
import { Command, Flag } from "effect/cli"
import { UnusableInput } from "../errors.ts"
import { decodeCouncil } from "../flags.ts"
import { writeStdout } from "../output.ts"
import { councilFlag, dayOf, formatFlag, onFlag, readJsonFile, runOffer, writeJson } from "./offer-flags.ts"

const FactsFile = Schema.Union([Eligibility.YoungPerson, Schema.Array(Eligibility.Fact)])

/**
 * The young person: from the current return of the latest year up to `on` that has them, plus entered facts; or
 * wholly from the facts file when it describes the person and no return does.
 */
const youngPerson = (
  council: Council.CouncilId,
  childId: string,
  on: CalendarDate.CalendarDate,
  facts: Option.Option<string>
) =>
  Effect.gen(function* () {
    const entered = yield* Option.match(facts, {
      onNone: () => Effect.succeed(Option.none<typeof FactsFile.Type>()),
      onSome: (file) => Effect.map(readJsonFile(file, FactsFile), Option.some)
    })
    const fromReturn = yield* YoungPeople.fromStore(council, childId, on)
    const enteredPerson = Option.flatMap(entered, (e) => ("childId" in e ? Option.some(e) : Option.none()))
    const enteredFacts = Option.getOrElse(
      Option.map(entered, (e) => ("childId" in e ? e.facts : e)),
      () => []
    )
    return yield* Option.match(fromReturn, {
      onSome: (p) => Effect.succeed(Eligibility.withFacts(p, enteredFacts)),
      onNone: () =>
        Option.match(enteredPerson, {
          onSome: (p) =>
            p.childId === childId
              ? Effect.succeed(p)
              : Effect.fail(
                  new UnusableInput({ message: `the facts file describes child ${p.childId}, not ${childId}` })
                ),
          onNone: () =>
            Effect.fail(
              new UnusableInput({
                message: `child ${childId} is in no return of ${council} up to ${on}; give --facts with their date of birth and facts`
              })
            )
        })
    })
  })

export const entitlementsCommand = Command.make(
  "entitlements",
  {
    council: councilFlag,
    child: Flag.String("child").pipe(Flag.withDescription("the child's id in the 903 return")),
    on: onFlag("the day to answer for"),
    facts: Flag.File("facts").pipe(
      Flag.optional,
      Flag.withDescription("JSON facts to add (an array), or a whole young person { childId, dateOfBirth, facts }")
    ),
    ahead: Flag.Int("ahead").pipe(Flag.withDefault(365), Flag.withDescription("days ahead to list changes for")),
    all: Flag.Boolean("all").pipe(
      Flag.withDefault(false),
      Flag.withDescription("also list what does not apply, and why")
    ),
    format: formatFlag
  },
  (options) =>
    runOffer(
      "answer a young person's local offer entitlements",
      Effect.gen(function* () {
        const council = yield* decodeCouncil(options.council)
        const on = yield* dayOf(options.on)
        const person = yield* youngPerson(council, options.child, on, options.facts)
        const offer = yield* (yield* LocalOffer.LocalOffers).publishedOn(council, on)
        const personal = LocalOffer.entitlementsOn(offer, person, on)
        const changes = LocalOffer.upcomingChanges(offer, person, on, CalendarDate.addDays(on, options.ahead))
        if (options.format === "json") {
          return yield* writeJson({
            ...Schema.encodeSync(LocalOffer.PersonalOffer)(personal),
            upcomingChanges: Schema.encodeSync(Schema.Array(LocalOffer.UpcomingChange))(changes)
          })
        }
        const status = Option.getOrElse(
          Option.map(personal.status, (s) => Eligibility.statusLabels[s]),
          () => "no care-leaver status"
        )
        const lines = [
          `${person.childId} on ${on}: aged ${personal.age}, ${status} — ${offer.title}, version ${offer.version}`,
          ""
        ]
        // Each entitlement once, under its first area; the JSON output keeps every area.
        for (const area of OfferArea.all) {
          const here = personal.assessments.filter((a) => a.applies && a.areas[0] === area)
          if (here.length === 0) continue
          lines.push(OfferArea.label(area))
          for (const a of here) {
            const amount = Option.getOrElse(Option.map(a.amount, Entitlement.formatAmount), () => "")
            lines.push(`  ✓ ${a.title}${amount === "" ? "" : ` — ${amount}`}`)
            lines.push(`      because: ${a.check.because}`)
          }
        }
        if (options.all) {
          lines.push("", "Not applying")
          for (const a of personal.assessments.filter((x) => !x.applies)) {
            lines.push(`  ✗ ${a.title} — ${a.check.because}`)
          }
        }
        lines.push("", changes.length === 0 ? `No changes in the next ${options.ahead} days` : "Coming up")
        for (const c of changes) lines.push(`  ${c.on}  ${c.change.replace("_", " ")}: ${c.title} (${c.because})`)
        yield* writeStdout(`${lines.join("\n")}\n`)
      })
    )
).pipe(Command.withDescription("What a young person can have from the published offer on a day, why, and what changes"))
