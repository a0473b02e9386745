/**
 * Governance: each corporate parenting board — its members, its meetings with attendance and whether each was
 * quorate (computed by the API from the terms of reference), the financial year's meetings against the minimum, and
 * the reporting calendar of the next twelve months. Quorum is given in words and an icon as well as colour.
 * Administrators and officers record a meeting and its attendance here, add members with their role and term, and end
 * a term; the quorum then follows from the API.
 */
import * as Governance from "@cpo/domain/Governance"
import * as ReportingCycle from "@cpo/domain/ReportingCycle"
import type * as UserRole from "@cpo/domain/UserRole"
import { useParams } from "@solidjs/router"
import { Option } from "effect"
import { createResource, For, Match, Show, Switch } from "solid-js"
import { BoardMembersForm } from "../components/board-members-form.tsx"
import { DataTable } from "../components/data-table.tsx"
import { formatDay } from "../components/dates.ts"
import { LoadError, Loading } from "../components/error-summary.tsx"
import { MeetingForm } from "../components/meeting-form.tsx"
import { usePageTitle } from "../components/page-title.ts"
import { useCouncils } from "../data/councils.ts"
import { type BoardView, fetchGovernance } from "../data/governance.ts"
import { mayOpen, useSession } from "../data/session.ts"

/** Who may record a meeting (the API's matrix: administrators and officers). */
const recorders: ReadonlyArray<UserRole.UserRole> = ["admin", "officer"]

type MeetingView = BoardView["meetings"][number]
type DueView = BoardView["due"][number]
type Member = Governance.Member

const Quorum = (props: { readonly met: boolean }) =>
  props.met ? (
    <strong class="tag tag--green" data-quorate="true">
      <span aria-hidden="true">✓</span>Quorate
    </strong>
  ) : (
    <strong class="tag tag--red" data-quorate="false">
      <span aria-hidden="true">✕</span>Not quorate
    </strong>
  )

const attendanceOf = (meeting: MeetingView, members: ReadonlyArray<Member>): string => {
  const present = meeting.meeting.attendance.filter((a) => a.status === "present" || a.status === "substitute")
  const apologies = meeting.meeting.attendance.filter((a) => a.status === "apologies").length
  const names = present.map((a) => members.find((m) => m.id === a.member)?.name ?? a.member)
  return `${present.length} present${names.length > 0 ? ` (${names.join(", ")})` : ""}; apologies from ${apologies}`
}

const quorumWords = (meeting: MeetingView): string =>
  meeting.checks
    .map((c) => `${c.present} of ${c.members} ${c.membership} members present, ${c.required} needed (${c.percent}%)`)
    .join("; ")

const termOf = (member: Member): string =>
  Option.match(member.until, {
    onNone: () => `Since ${formatDay(member.from)}`,
    onSome: (until) => `${formatDay(member.from)} to ${formatDay(until)}`
  })

const Board = (props: {
  readonly view: BoardView
  readonly council: string
  readonly mayRecord: boolean
  readonly onRecorded: () => void
}) => (
  <section class="board" aria-labelledby={`board-${props.view.board.id}`} data-board={props.view.board.id}>
    <h2 id={`board-${props.view.board.id}`}>{props.view.board.name}</h2>
    <dl class="summary-list">
      <dt>Reports to</dt>
      <dd>{props.view.board.terms.reportsTo.join(", ") || "Not stated"}</dd>
      <dt>This year</dt>
      <dd data-year>
        {props.view.year.held} {props.view.year.held === 1 ? "meeting" : "meetings"} from{" "}
        {formatDay(props.view.year.from)} ({props.view.year.quorate} quorate) of at least {props.view.year.minimum}{" "}
        <Show
          when={props.view.year.meetsMinimum}
          fallback={
            <strong class="tag tag--amber">
              <span aria-hidden="true">!</span>Below the minimum
            </strong>
          }
        >
          <strong class="tag tag--green">
            <span aria-hidden="true">✓</span>Meets the minimum
          </strong>
        </Show>
      </dd>
    </dl>
    <h3>Meetings</h3>
    <Show when={props.view.meetings.length > 0} fallback={<p>No meeting has been recorded.</p>}>
      <DataTable
        caption={`Meetings of ${props.view.board.name}`}
        captionHidden
        rows={props.view.meetings}
        columns={[
          { heading: "Day", cell: (m: MeetingView) => formatDay(m.meeting.on) },
          { heading: "Quorum", cell: (m: MeetingView) => <Quorum met={m.quorate} /> },
          { heading: "How counted", cell: (m: MeetingView) => quorumWords(m) },
          { heading: "Attendance", cell: (m: MeetingView) => attendanceOf(m, props.view.board.members) },
          { heading: "Agenda", cell: (m: MeetingView) => m.meeting.agenda.join("; ") }
        ]}
      />
    </Show>
    <Show when={props.mayRecord}>
      <MeetingForm council={props.council} board={props.view.board} onRecorded={props.onRecorded} />
    </Show>
    <h3>Reports due in the next twelve months</h3>
    <Show when={props.view.due.length > 0} fallback={<p>No report falls due in the next twelve months.</p>}>
      <DataTable
        caption={`Reporting calendar of ${props.view.board.name}`}
        captionHidden
        rows={props.view.due}
        columns={[
          { heading: "Due", cell: (d: DueView) => formatDay(d.due) },
          { heading: "Report", cell: (d: DueView) => d.duty.report },
          { heading: "To", cell: (d: DueView) => d.duty.to },
          { heading: "How often", cell: (d: DueView) => ReportingCycle.Frequency.label(d.duty.frequency) }
        ]}
      />
    </Show>
    <h3>Members</h3>
    <DataTable
      caption={`Members of ${props.view.board.name}`}
      captionHidden
      rows={props.view.board.members}
      columns={[
        { heading: "Name", cell: (m: Member) => m.name },
        { heading: "Role", cell: (m: Member) => Governance.Role.label(m.role) },
        { heading: "Membership", cell: (m: Member) => (m.membership === "core" ? "Core" : "Associate") },
        { heading: "Term", cell: (m: Member) => termOf(m) }
      ]}
    />
    <Show when={props.mayRecord}>
      <BoardMembersForm council={props.council} board={props.view.board} onChanged={props.onRecorded} />
    </Show>
  </section>
)

export default function GovernancePage() {
  const params = useParams<{ council: string }>()
  const councils = useCouncils()
  const session = useSession()
  const council = () => councils()?.find((c) => c.id === params.council)
  const [view, { refetch }] = createResource(
    () => ({ council: params.council, version: session.version() }),
    (q) => fetchGovernance(q.council)
  )
  usePageTitle(() => `Governance${council() === undefined ? "" : `, ${council()?.name}`}`)
  return (
    <>
      <h1>
        <span class="caption">{council()?.name ?? params.council}</span>Governance
      </h1>
      <Switch>
        <Match when={view.error !== undefined}>
          <LoadError what="the governance" error={view.error} />
        </Match>
        <Match when={view.loading && view.latest === undefined}>
          <Loading what="the governance" />
        </Match>
        <Match when={view.latest?.boards.length === 0}>
          <p class="inset">No corporate parenting board has been set up for this council.</p>
        </Match>
        <Match when={view.latest}>
          {(v) => (
            <For each={v().boards}>
              {(board) => (
                <Board
                  view={board}
                  council={params.council}
                  mayRecord={mayOpen(session.user(), recorders)}
                  onRecorded={() => void refetch()}
                />
              )}
            </For>
          )}
        </Match>
      </Switch>
    </>
  )
}
