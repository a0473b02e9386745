/**
 * The form to record a board meeting: its day, each serving member's attendance and the agenda. Problems are listed
 * in an error summary linking to the fields; the API checks attendees against the board and computes the quorum,
 * and a refusal is shown in the summary too.
 */
import * as CalendarDate from "@cpo/domain/CalendarDate"
import * as Governance from "@cpo/domain/Governance"
import { Option } from "effect"
import { For, Show } from "solid-js"
import { type NewMeeting, recordMeeting } from "../data/governance.ts"
import { todayInUk } from "./dates.ts"
import { FormErrors } from "./error-summary.tsx"
import { TextArea, TextField, textOf } from "./form-field.tsx"
import { createSubmission } from "./form-submission.ts"

const statusLabels: Readonly<Record<Governance.AttendanceStatus, string>> = {
  present: "Present",
  substitute: "Sent a substitute",
  apologies: "Sent apologies",
  absent: "Absent"
}

const isStatus = (value: string): value is Governance.AttendanceStatus =>
  Governance.AttendanceStatus.literals.some((s) => s === value)

export const MeetingForm = (props: {
  readonly council: string
  readonly board: Governance.Board
  readonly onRecorded: (meeting: Governance.Meeting) => void
}) => {
  const prefix = () => `meeting-${props.board.id}`
  const { fieldErrors, refusal, sending, begin, send } = createSubmission()
  let form: HTMLFormElement | undefined
  const onSubmit = (event: SubmitEvent) => {
    event.preventDefault()
    const data = new FormData(event.currentTarget as HTMLFormElement)
    const onId = `${prefix()}-on`
    const on = textOf(data, onId)
    const day = CalendarDate.fromIso(on)
    const serving = Option.match(day, {
      onNone: () => props.board.members,
      onSome: (d) => Governance.membersOn(props.board, d)
    })
    const attendance = serving.flatMap((m) => {
      const status = textOf(data, `${prefix()}-${m.id}`)
      return isStatus(status) ? [{ member: m.id, status }] : []
    })
    const found: Record<string, string> = {}
    if (Option.isNone(day)) found[onId] = "Enter the day of the meeting as YYYY-MM-DD"
    const first = serving[0]
    if (first !== undefined && !attendance.some((a) => a.status === "present" || a.status === "substitute")) {
      found[`${prefix()}-${first.id}`] = "Say who attended: at least one member present or sending a substitute"
    }
    begin(found)
    if (Object.keys(found).length > 0 || Option.isNone(day)) return
    const meeting: NewMeeting = {
      on: day.value,
      attendance,
      agenda: textOf(data, `${prefix()}-agenda`)
        .split("\n")
        .map((line) => line.trim())
        .filter((line) => line !== "")
    }
    send(
      () => recordMeeting(props.council, props.board.id, meeting),
      (recorded) => {
        form?.reset()
        props.onRecorded(recorded)
      }
    )
  }
  return (
    <section class="update-form" aria-labelledby={`${prefix()}-heading`}>
      <h3 id={`${prefix()}-heading`}>Record a meeting</h3>
      <form ref={form} onSubmit={onSubmit} novalidate aria-label={`Record a meeting of ${props.board.name}`}>
        <FormErrors fieldErrors={fieldErrors()} refusal={refusal()} refusedTitle="The meeting was not recorded" />
        <TextField
          id={`${prefix()}-on`}
          label="Day of the meeting"
          hint="As YYYY-MM-DD"
          value={todayInUk()}
          class="input--date"
          error={fieldErrors()[`${prefix()}-on`]}
        />
        <fieldset>
          <legend>Attendance</legend>
          <p class="hint">
            The quorum is worked out from this, by the board's terms of reference. Members serving today are listed.
          </p>
          <For each={props.board.members}>
            {(member) => {
              const id = `${prefix()}-${member.id}`
              return (
                <div class="form-group" classList={{ "form-group--error": fieldErrors()[id] !== undefined }}>
                  <label for={id}>
                    {member.name} ({member.membership === "core" ? "core" : "associate"} member)
                  </label>
                  <Show when={fieldErrors()[id]}>
                    {(error) => (
                      <p class="error-message" id={`${id}-error`}>
                        <span class="visually-hidden">Error:</span> {error()}
                      </p>
                    )}
                  </Show>
                  <select
                    id={id}
                    name={id}
                    aria-invalid={fieldErrors()[id] !== undefined}
                    aria-describedby={fieldErrors()[id] === undefined ? undefined : `${id}-error`}
                  >
                    <For each={Governance.AttendanceStatus.literals}>
                      {(status) => (
                        <option value={status} selected={status === "absent"}>
                          {statusLabels[status]}
                        </option>
                      )}
                    </For>
                  </select>
                </div>
              )
            }}
          </For>
        </fieldset>
        <TextArea id={`${prefix()}-agenda`} label="Agenda" hint="One item on each line" rows={3} />
        <p>
          <button type="submit" class="button" disabled={sending()}>
            Record the meeting
          </button>
        </p>
      </form>
    </section>
  )
}
