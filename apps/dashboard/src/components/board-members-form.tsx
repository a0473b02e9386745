/**
 * The forms that keep a board's membership: add a member with their role, group and term, and end a serving
 * member's term. Problems are listed in an error summary linking to the fields; a refusal by the API (a term ending
 * before it began, say) is shown in the summary too. The board shown then comes from the API again.
 */
import * as CalendarDate from "@cpo/domain/CalendarDate"
import * as Governance from "@cpo/domain/Governance"
import { Option } from "effect"
import { Show } from "solid-js"
import { addBoardMember, endBoardTerm } from "../data/governance.ts"
import { formatDay, todayInUk } from "./dates.ts"
import { FormErrors } from "./error-summary.tsx"
import { SelectField, TextField, textOf } from "./form-field.tsx"
import { createSubmission } from "./form-submission.ts"

const membershipLabels: Readonly<Record<Governance.Membership, string>> = {
  core: "Core member",
  associate: "Associate member"
}

/** Whether a member's term has not ended by `day`. */
const isServingAfter = (member: Governance.Member, day: string): boolean =>
  Option.match(member.until, { onNone: () => true, onSome: (until) => until >= day })

const AddMemberForm = (props: {
  readonly council: string
  readonly board: Governance.Board
  readonly onChanged: () => void
}) => {
  const prefix = () => `member-${props.board.id}`
  const field = (name: string) => `${prefix()}-${name}`
  const { fieldErrors: errors, refusal, sending, begin, send } = createSubmission()
  let form: HTMLFormElement | undefined
  const onSubmit = (event: SubmitEvent) => {
    event.preventDefault()
    const data = new FormData(event.currentTarget as HTMLFormElement)
    const name = textOf(data, field("name"))
    const role = textOf(data, field("role"))
    const membership = textOf(data, field("membership"))
    const from = CalendarDate.fromIso(textOf(data, field("from")))
    const untilText = textOf(data, field("until"))
    const until: Option.Option<CalendarDate.CalendarDate | null> =
      untilText === "" ? Option.some(null) : CalendarDate.fromIso(untilText)
    const found: Record<string, string> = {}
    if (name === "") found[field("name")] = "Enter the member's name"
    if (Option.isNone(from)) found[field("from")] = "Enter the day the term begins as YYYY-MM-DD"
    if (Option.isNone(until)) found[field("until")] = "Enter the day the term ends as YYYY-MM-DD, or leave it empty"
    else if (Option.isSome(from) && until.value !== null && until.value < from.value) {
      found[field("until")] = "The term cannot end before it begins"
    }
    begin(found)
    if (
      Object.keys(found).length > 0 ||
      Option.isNone(from) ||
      Option.isNone(until) ||
      !Governance.Role.is(role) ||
      (membership !== "core" && membership !== "associate")
    ) {
      return
    }
    const organisation = textOf(data, field("organisation"))
    send(
      () =>
        addBoardMember(props.council, props.board.id, {
          name,
          role,
          membership,
          organisation: organisation === "" ? null : organisation,
          from: from.value,
          until: until.value
        }),
      () => {
        form?.reset()
        props.onChanged()
      }
    )
  }
  return (
    <section class="update-form" aria-labelledby={`${prefix()}-heading`}>
      <h4 id={`${prefix()}-heading`}>Add a member</h4>
      <form ref={form} onSubmit={onSubmit} novalidate aria-label={`Add a member to ${props.board.name}`}>
        <FormErrors fieldErrors={errors()} refusal={refusal()} refusedTitle="The member was not added" />
        <TextField id={field("name")} label="Name" error={errors()[field("name")]} />
        <SelectField
          id={field("role")}
          label="Role on the board"
          value="councillor"
          options={Governance.Role.codes.map((code) => ({ value: code, label: Governance.Role.label(code) }))}
        />
        <SelectField
          id={field("membership")}
          label="Membership"
          hint="Core members count towards the councillors' quorum; associate members (officers, partners) towards their own"
          value="core"
          options={Governance.Membership.literals.map((m) => ({ value: m, label: membershipLabels[m] }))}
        />
        <TextField id={field("organisation")} label="Organisation (optional)" hint="For example, a partner agency" />
        <TextField
          id={field("from")}
          label="Term begins"
          hint="As YYYY-MM-DD"
          value={todayInUk()}
          class="input--date"
          error={errors()[field("from")]}
        />
        <TextField
          id={field("until")}
          label="Term ends (optional)"
          hint="As YYYY-MM-DD; leave empty while the term is open"
          class="input--date"
          error={errors()[field("until")]}
        />
        <p>
          <button type="submit" class="button" disabled={sending()}>
            Add the member
          </button>
        </p>
      </form>
    </section>
  )
}

const EndTermForm = (props: {
  readonly council: string
  readonly board: Governance.Board
  readonly onChanged: () => void
}) => {
  const prefix = () => `term-${props.board.id}`
  const field = (name: string) => `${prefix()}-${name}`
  const { fieldErrors: errors, refusal, sending, begin, send } = createSubmission()
  const serving = () => props.board.members.filter((m) => isServingAfter(m, todayInUk()))
  const onSubmit = (event: SubmitEvent) => {
    event.preventDefault()
    const data = new FormData(event.currentTarget as HTMLFormElement)
    const member = props.board.members.find((m) => m.id === textOf(data, field("member")))
    const until = CalendarDate.fromIso(textOf(data, field("until")))
    const found: Record<string, string> = {}
    if (member === undefined) found[field("member")] = "Choose the member whose term ends"
    if (Option.isNone(until)) found[field("until")] = "Enter the last day of the term as YYYY-MM-DD"
    else if (member !== undefined && until.value < member.from) {
      found[field("until")] = `The term cannot end before it began (${formatDay(member.from)})`
    }
    begin(found)
    if (Object.keys(found).length > 0 || member === undefined || Option.isNone(until)) return
    send(
      () => endBoardTerm(props.council, props.board.id, member.id, until.value),
      () => props.onChanged()
    )
  }
  return (
    <Show when={serving().length > 0}>
      <section class="update-form" aria-labelledby={`${prefix()}-heading`}>
        <h4 id={`${prefix()}-heading`}>End a member's term</h4>
        <form onSubmit={onSubmit} novalidate aria-label={`End a term on ${props.board.name}`}>
          <FormErrors fieldErrors={errors()} refusal={refusal()} refusedTitle="The term was not ended" />
          <SelectField
            id={field("member")}
            label="Member"
            hint="Members whose term has not ended"
            error={errors()[field("member")]}
            options={serving().map((m) => ({ value: m.id, label: `${m.name}, ${Governance.Role.label(m.role)}` }))}
          />
          <TextField
            id={field("until")}
            label="Last day of the term"
            hint="As YYYY-MM-DD; meetings after it no longer count them for the quorum"
            value={todayInUk()}
            class="input--date"
            error={errors()[field("until")]}
          />
          <p>
            <button type="submit" class="button button--secondary" disabled={sending()}>
              End the term
            </button>
          </p>
        </form>
      </section>
    </Show>
  )
}

/** Both forms, for officers and administrators. */
export const BoardMembersForm = (props: {
  readonly council: string
  readonly board: Governance.Board
  readonly onChanged: () => void
}) => (
  <div class="board-members-forms">
    <AddMemberForm council={props.council} board={props.board} onChanged={props.onChanged} />
    <EndTermForm council={props.council} board={props.board} onChanged={props.onChanged} />
  </div>
)
