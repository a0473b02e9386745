/**
 * Plainly fake strategies, boards and updates for tests.
 */
import { Option } from "effect"
import { CalendarDate, type Council, type Governance, type Progress, type Strategy } from "../src/index.ts"

export const council = "test-shire" as Council.CouncilId
const d = CalendarDate.make

export const action = (
  id: string,
  fields: Partial<Omit<Strategy.Action, "id" | "start" | "due">> & { start?: string; due?: string } = {}
): Strategy.Action => ({
  id: id as Strategy.ActionId,
  title: fields.title ?? `Action ${id}`,
  owner: fields.owner ?? "Head of Service",
  start: d(fields.start ?? "2018-04-01"),
  due: d(fields.due ?? "2019-03-31"),
  status: fields.status ?? "in_progress",
  milestones: fields.milestones ?? []
})

export const priority = (id: string, actions: ReadonlyArray<Strategy.Action>): Strategy.Priority => ({
  id: id as Strategy.PriorityId,
  title: `Priority ${id}`,
  leadMembers: ["Cllr A. Example"],
  leadOfficer: "Head of Children in Care",
  whatWeNeedToImprove: ["Placement stability"],
  whatWeWillDo: ["Recruit more foster carers"],
  whatThisWillMeanInPractice: ["Fewer moves for children"],
  principles: ["safety_and_stability"],
  indicators: ["stability_3plus_placements_pct"],
  actions
})

export const strategy = (priorities: ReadonlyArray<Strategy.Priority>): Strategy.Strategy => ({
  id: "cps-2018-21" as Strategy.StrategyId,
  council,
  title: "Corporate Parenting Strategy",
  period: { start: d("2018-04-01"), end: d("2021-03-31") },
  priorities
})

let serial = 0
export const update = (
  priorityId: string,
  actionId: string | undefined,
  on: string,
  rag: Progress.Rag,
  commentary = "Progress reported to the panel"
): Progress.Update => ({
  id: `U${++serial}` as Progress.UpdateId,
  council,
  priority: priorityId as Strategy.PriorityId,
  action: actionId === undefined ? Option.none() : Option.some(actionId as Strategy.ActionId),
  on: d(on),
  rag,
  commentary,
  evidence: [],
  author: "officer@test-shire.example"
})

const member = (
  id: string,
  membership: Governance.Membership,
  role: Governance.Role,
  from = "2017-05-01",
  until?: string
): Governance.Member => ({
  id: id as Governance.MemberId,
  name: `Member ${id}`,
  role,
  membership,
  organisation: Option.none(),
  from: d(from),
  until: until === undefined ? Option.none() : Option.some(d(until))
})

/** A panel like Wiltshire's: 8 core councillors (75 %), 10 associate members (70 %), at least 5 meetings a year. */
export const panel: Governance.Board = {
  id: "cpp" as Governance.BoardId,
  council,
  name: "Corporate Parenting Panel",
  terms: {
    purpose: ["Scrutinise the performance of services for children in care"],
    quorum: [
      { membership: "core", percent: 75 },
      { membership: "associate", percent: 70 }
    ],
    substitutesCount: true,
    minimumMeetingsPerYear: 5,
    reportsTo: ["Children's Select Committee", "Full Council"]
  },
  members: [
    ...Array.from({ length: 8 }, (_, i) => member(`C${i + 1}`, "core", i === 0 ? "chair" : "councillor")),
    ...Array.from({ length: 10 }, (_, i) => member(`A${i + 1}`, "associate", i === 4 ? "young_person" : "officer"))
  ],
  reportingCycle: []
}

export const meeting = (
  id: string,
  on: string,
  core: number,
  associate: number,
  coreStatus: Governance.AttendanceStatus = "present"
): Governance.Meeting => ({
  id: id as Governance.MeetingId,
  board: panel.id,
  on: d(on),
  attendance: [
    ...Array.from({ length: 8 }, (_, i) => ({
      member: `C${i + 1}` as Governance.MemberId,
      status: i < core ? coreStatus : ("apologies" as const)
    })),
    ...Array.from({ length: 10 }, (_, i) => ({
      member: `A${i + 1}` as Governance.MemberId,
      status: i < associate ? ("present" as const) : ("absent" as const)
    }))
  ],
  agenda: []
})
