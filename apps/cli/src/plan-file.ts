/**
 * A council's strategy and governance as one JSON file — what `cpo priorities export` writes and `cpo priorities
 * import` and `cpo report --plan` read — and a deterministic synthetic one for demos and tests (`cpo priorities
 * sample`): seven priorities in the style of the seed strategies, three actions each, two years of six-monthly RAG
 * updates, "you said, we did" entries and a panel with Wiltshire-like terms of reference and two years of meetings.
 * Every name in the sample is plainly fake.
 */
import {
  CalendarDate,
  type Council,
  Governance,
  Priorities,
  Progress,
  ReportingYear,
  Strategy,
  YouSaidWeDid
} from "@cpo/domain"
import { Effect, Option, Schema } from "effect"

/** @category models */
export const PlanFile = Schema.Struct({
  strategy: Strategy.Strategy,
  updates: Schema.Array(Progress.Update),
  youSaidWeDid: Schema.Array(YouSaidWeDid.Entry),
  boards: Schema.Array(Schema.Struct({ board: Governance.Board, meetings: Schema.Array(Governance.Meeting) }))
}).annotate({ identifier: "PlanFile" })
export type PlanFile = typeof PlanFile.Type

/** The plan as JSON text. */
export const toJson = (plan: PlanFile): string => `${JSON.stringify(Schema.encodeSync(PlanFile)(plan), null, 2)}\n`

/** Read a plan from JSON text, naming the first problem and where it is. */
export const fromJson = (text: string, file: string): Effect.Effect<PlanFile, { readonly message: string }> =>
  Schema.decodeUnknownEffect(Schema.fromJsonString(PlanFile))(text).pipe(
    Effect.mapError((e) => ({ message: `${file} is not a valid plan file: ${e.message}` })),
    Effect.flatMap((plan) => {
      const councils = new Set([
        plan.strategy.council,
        ...plan.updates.map((u) => u.council),
        ...plan.youSaidWeDid.map((y) => y.council),
        ...plan.boards.map((b) => b.board.council)
      ])
      if (councils.size > 1) {
        return Effect.fail({ message: `${file} mixes councils: ${[...councils].join(", ")}` })
      }
      const problems = Strategy.problems(plan.strategy)
      if (problems.length > 0) {
        return Effect.fail({ message: `${file}: ${problems.map((p) => `${p.at}: ${p.message}`).join("; ")}` })
      }
      return Effect.forEach(plan.updates, (u) => Priorities.checkUpdate(plan.strategy, u)).pipe(
        Effect.andThen(Effect.forEach(plan.youSaidWeDid, (y) => Priorities.checkYouSaidWeDid(plan.strategy, y))),
        Effect.mapError((e) => ({ message: `${file}: ${e.message}` })),
        Effect.as(plan)
      )
    })
  )

const priorityTemplates: ReadonlyArray<{
  readonly title: string
  readonly improve: string
  readonly doing: string
  readonly meaning: string
  readonly principles: ReadonlyArray<Strategy.Principle>
  readonly indicators: ReadonlyArray<string>
  readonly actions: ReadonlyArray<string>
}> = [
  {
    title: "Our children and young people are respected and involved",
    improve: "Children's participation in their reviews and in shaping services",
    doing: "Grow the Children in Care Council and hold shared guardian sessions with councillors",
    meaning: "Children tell us they are listened to and see what changed because of them",
    principles: ["express_views", "take_views_into_account"],
    indicators: ["review_participation_pct"],
    actions: [
      "Refresh the pledge with the Children in Care Council",
      "Run shared guardian sessions each quarter",
      "Publish you said, we did twice a year"
    ]
  },
  {
    title: "Placements are safe, stable and meet children's needs",
    improve: "Too many children move placement three or more times in a year",
    doing: "Recruit more local foster carers and support placements at risk of ending",
    meaning: "Children live in one home for longer, close to their school and friends",
    principles: ["safety_and_stability"],
    indicators: ["stability_3plus_placements_pct", "stability_long_term_pct", "placed_foster_pct"],
    actions: [
      "Launch a foster carer recruitment campaign",
      "Set up a placement stability panel",
      "Start a foster carer hub network"
    ]
  },
  {
    title: "Children keep positive relationships and a sense of identity",
    improve: "Life-story work is not done for every child",
    doing: "Train social workers in life-story work and support family time",
    meaning: "Children understand their history and stay in touch with people who matter to them",
    principles: ["best_interests", "safety_and_stability"],
    indicators: [],
    actions: [
      "Train every social worker in life-story work",
      "Review family time arrangements",
      "Offer independent visitors to every child who wants one"
    ]
  },
  {
    title: "Children's physical and emotional health is promoted",
    improve: "Health assessments and dental checks are not always on time",
    doing: "Agree a health pathway with the designated nurse and track every assessment",
    meaning: "Every child has an up-to-date health plan and quick help with emotional health",
    principles: ["best_interests", "access_to_services"],
    indicators: ["health_assessment_pct", "dental_check_pct", "immunisations_pct", "sdq_concern_pct"],
    actions: ["Agree a health assessment pathway", "Open an emotional health drop-in", "Track dental checks monthly"]
  },
  {
    title: "Children reach their potential in education, employment and training",
    improve: "The gap between children in care and their peers at school",
    doing: "Strengthen the Virtual School and personal education plans",
    meaning: "Children attend school, achieve and go on to further learning",
    principles: ["high_aspirations"],
    indicators: ["care_leavers_17_18_eet_pct"],
    actions: [
      "Review the quality of personal education plans",
      "Offer apprenticeships in the council",
      "Fund tutoring for Year 11"
    ]
  },
  {
    title: "Young people moving into adulthood are supported",
    improve: "Care leavers aged 19 to 21 in education, employment or training and suitable accommodation",
    doing: "Publish the local offer and develop supported lodgings",
    meaning: "Care leavers have a safe home and a purpose, with a personal adviser they trust",
    principles: ["prepare_for_adulthood", "access_to_services"],
    indicators: [
      "care_leavers_19_21_in_touch_pct",
      "care_leavers_19_21_eet_pct",
      "care_leavers_19_21_suitable_accommodation_pct"
    ],
    actions: ["Publish the local offer", "Develop supported lodgings", "Exempt care leavers from council tax"]
  },
  {
    title: "The council acts as a good corporate parent",
    improve: "Not every councillor has had corporate parenting training",
    doing: "Make training mandatory and report to Full Council every year",
    meaning: "Every councillor knows the children in care and asks 'would this be good enough for my child?'",
    principles: ["best_interests", "high_aspirations"],
    indicators: ["cla_31_march", "cla_rate_per_10k"],
    actions: [
      "Train every councillor in corporate parenting",
      "Report to Full Council each year",
      "Hold members' visits to children's homes"
    ]
  }
]

const firstNames = ["Alex", "Sam", "Jo", "Chris", "Pat", "Robin", "Charlie", "Morgan", "Jamie", "Taylor"]

/** A small deterministic generator (Park–Miller), so the same seed gives the same plan. */
const random = (seed: number) => {
  let state = (Math.abs(Math.floor(seed)) % 2_147_483_646) + 1
  return () => {
    state = (state * 48_271) % 2_147_483_647
    return state / 2_147_483_647
  }
}

/**
 * A synthetic plan for a council, reported on for `year`: a strategy from April two years before to March the year
 * after, and six-monthly updates over the two years to 31 March `year`.
 */
export const sample = (options: {
  readonly council: Council.CouncilId
  readonly councilName: string
  readonly year: ReportingYear.ReportingYear
  readonly seed?: number
}): PlanFile => {
  const next = random(options.seed ?? 1)
  const { council, year } = options
  const d = (y: number, m: number, day: number) => CalendarDate.unsafeFromParts(y, m, day)
  const start = d(year - 2, 4, 1)
  const priorities: Array<Strategy.Priority> = priorityTemplates.map((t, i) => ({
    id: `P${i + 1}` as Strategy.PriorityId,
    title: t.title,
    leadMembers: [`Cllr ${firstNames[i % firstNames.length]} Sample`],
    leadOfficer: i % 2 === 0 ? "Head of Children in Care (sample)" : "Head of Leaving Care (sample)",
    whatWeNeedToImprove: [t.improve],
    whatWeWillDo: [t.doing],
    whatThisWillMeanInPractice: [t.meaning],
    principles: t.principles,
    indicators: t.indicators,
    actions: t.actions.map((title, j) => {
      // The first action falls due half way through the report's year, the second at its end, the third a year later.
      const due = j === 0 ? d(year - 1, 9, 30) : d(year - 2 + j, 3, 31)
      const done = j === 0 && next() < 0.6
      return {
        id: `P${i + 1}.${j + 1}` as Strategy.ActionId,
        title,
        owner: j % 2 === 0 ? "Service Manager (sample)" : "Partnership Lead (sample)",
        start: d(year - 2, 4 + j * 3, 1),
        due,
        status: done ? "completed" : j === 2 && next() < 0.3 ? "not_started" : "in_progress",
        milestones: [
          {
            title: `First step of "${title}"`,
            due: d(year - 1, 1 + j * 2, 15),
            completed: next() < 0.7 ? Option.some(d(year - 1, 1 + j * 2, 10)) : Option.none()
          }
        ]
      } satisfies Strategy.Action
    })
  }))
  const strategy: Strategy.Strategy = {
    id: `cps-${year - 2}-${String((year + 1) % 100).padStart(2, "0")}` as Strategy.StrategyId,
    council,
    title: `${options.councilName} Corporate Parenting Strategy`,
    period: { start, end: d(year + 1, 3, 31) },
    priorities
  }
  const rags: ReadonlyArray<Progress.Rag> = ["green", "green", "amber", "green", "red", "amber"]
  const pick = () => rags[Math.floor(next() * rags.length)] ?? "green"
  const updateDates = [d(year - 2, 9, 30), d(year - 1, 3, 31), d(year - 1, 9, 30), d(year, 3, 31)]
  let serial = 0
  const updates: Array<Progress.Update> = []
  for (const on of updateDates) {
    for (const p of priorities) {
      const rag = pick()
      updates.push({
        id: `U${String(++serial).padStart(4, "0")}` as Progress.UpdateId,
        council,
        priority: p.id,
        action: Option.none(),
        on,
        rag,
        commentary: commentaryFor(rag, p.title),
        evidence: p.indicators.slice(0, 1).map((indicator) => ({
          _tag: "IndicatorEvidence" as const,
          indicator,
          year: Option.some(ReportingYear.containing(on))
        })),
        author: "Performance Officer (sample)"
      })
      for (const a of p.actions) {
        if (a.start > on) continue
        const rag = a.status === "completed" ? "green" : pick()
        updates.push({
          id: `U${String(++serial).padStart(4, "0")}` as Progress.UpdateId,
          council,
          priority: p.id,
          action: Option.some(a.id),
          on,
          rag,
          commentary: commentaryFor(rag, a.title),
          evidence: [{ _tag: "DocumentEvidence", title: "Corporate Parenting Panel minutes", url: Option.none() }],
          author: a.owner
        })
      }
    }
  }
  const youSaidWeDid: Array<YouSaidWeDid.Entry> = [
    [
      "We want to meet the councillors who make decisions about us",
      "Councillors now join a shared guardian session every quarter",
      "P1"
    ],
    [
      "Moving home so often makes it hard to keep friends",
      "A placement stability panel now reviews every child at risk of a move",
      "P2"
    ],
    [
      "Waiting for a dentist takes too long",
      "The health team has agreed priority dental appointments for children in care",
      "P4"
    ],
    [
      "We do not know what help we get when we leave care",
      "The local offer is published online and explained by personal advisers",
      "P6"
    ]
  ].map(([youSaid, weDid, priority], i) => ({
    id: `Y${i + 1}` as YouSaidWeDid.EntryId,
    council,
    on: [d(year - 1, 5, 1), d(year - 1, 8, 1), d(year - 1, 11, 1), d(year, 2, 1)][i] ?? d(year, 3, 1),
    source: i % 2 === 0 ? "children_in_care_council" : "care_leavers_forum",
    youSaid: youSaid ?? "",
    weDid: weDid ?? "",
    priorities: [priority as Strategy.PriorityId]
  }))
  const members: Array<Governance.Member> = [
    ...Array.from({ length: 8 }, (_, i) => ({
      id: `C${i + 1}` as Governance.MemberId,
      name: `Cllr ${firstNames[i % firstNames.length]} Sample`,
      role: (i === 0 ? "chair" : i === 1 ? "vice_chair" : "councillor") as Governance.Role,
      membership: "core" as const,
      organisation: Option.none<string>(),
      from: d(year - 3, 5, 20),
      until: Option.none<CalendarDate.CalendarDate>()
    })),
    ...(
      [
        ["Director of Children's Services (sample)", "officer"],
        ["Head of Children in Care (sample)", "officer"],
        ["Virtual School Head (sample)", "officer"],
        ["Designated Nurse for Children in Care (sample)", "partner"],
        ["Children in Care Council representative (sample)", "young_person"],
        ["Chair of the Foster Carers' Association (sample)", "carer"],
        ["Head of Leaving Care (sample)", "officer"],
        ["Housing Options Manager (sample)", "partner"],
        ["Independent Reviewing Service Manager (sample)", "officer"],
        ["Participation Officer (sample)", "officer"]
      ] as const
    ).map(([name, role], i) => ({
      id: `A${i + 1}` as Governance.MemberId,
      name,
      role: role as Governance.Role,
      membership: "associate" as const,
      organisation: Option.some(`${options.councilName} and partners`),
      from: d(year - 3, 5, 20),
      until: Option.none<CalendarDate.CalendarDate>()
    }))
  ]
  const board: Governance.Board = {
    id: "cpp" as Governance.BoardId,
    council,
    name: "Corporate Parenting Panel",
    terms: {
      purpose: [
        "Scrutinise the performance, quality and outcomes of services for children in care and care leavers",
        "Receive reports from the Children in Care Council and act on their views"
      ],
      quorum: [
        { membership: "core", percent: 75 },
        { membership: "associate", percent: 70 }
      ],
      substitutesCount: true,
      minimumMeetingsPerYear: 5,
      reportsTo: ["Children's Select Committee", "Full Council"]
    },
    members,
    reportingCycle: [
      {
        id: "select-committee",
        report: "Six-monthly update on each strategic priority",
        to: "Children's Select Committee",
        frequency: "six_monthly",
        scope: "each_priority",
        firstDue: d(year - 2, 10, 31)
      },
      {
        id: "full-council",
        report: "Corporate parenting annual report",
        to: "Full Council",
        frequency: "annual",
        scope: "whole_strategy",
        firstDue: d(year - 2, 7, 19)
      }
    ]
  }
  const meetings: Array<Governance.Meeting> = []
  for (const y of [year - 1, year]) {
    const dates = [d(y - 1, 5, 10), d(y - 1, 7, 12), d(y - 1, 9, 13), d(y - 1, 11, 8), d(y, 1, 10), d(y, 3, 14)]
    for (const on of dates) {
      const coreAbsent = Math.floor(next() * 4)
      const associateAbsent = Math.floor(next() * 4)
      meetings.push({
        id: `M-${on}` as Governance.MeetingId,
        board: board.id,
        on,
        attendance: members.map((m, i) => ({
          member: m.id,
          status:
            m.membership === "core"
              ? i < 8 - coreAbsent
                ? "present"
                : "apologies"
              : i - 8 < 10 - associateAbsent
                ? "present"
                : "absent"
        })),
        agenda: ["Performance scorecard", "Children in Care Council report", "Priority updates"]
      })
    }
  }
  return { strategy, updates, youSaidWeDid, boards: [{ board, meetings }] }
}

const commentaryFor = (rag: Progress.Rag, title: string): string =>
  rag === "green"
    ? `"${title}" is on track; the panel noted good progress.`
    : rag === "amber"
      ? `"${title}" is at risk of slipping; the lead member is meeting officers to agree a recovery plan.`
      : `"${title}" is off track; the panel asked for a report on the barriers at its next meeting.`
