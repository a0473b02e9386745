/**
 * Synthetic local measures, pledges and the voice of children for a synthetic council: two reporting years of
 * monthly figures for the ready-made local measures (PEPs, return interviews, visits, pathway plans, health
 * assessments), yearly key stage results and Bright Spots survey answers (read through the same CSV import a council
 * uses), targets and England comparisons, a small strategy to link to, ten pledges with their evidence and reviews, a
 * year of "you said, we did" entries and feedback themes from the Children in Care Council and the care leavers'
 * forum. Seeded and deterministic; every figure, name and sentence is made up.
 */
import {
  type Benchmark,
  CalendarDate,
  type Council,
  Frequency,
  Indicator,
  LocalMeasure,
  type MeasureValue,
  Pledge,
  ReportingYear,
  Strategy,
  type Target,
  Voice,
  YouSaidWeDid
} from "@cpo/domain"
import { Option, Result } from "effect"
import * as Random from "./Random.ts"

/** @category models */
export interface Options {
  readonly seed: number
  readonly council: Council.CouncilId
  /** The later of the two reporting years generated (named by its 31 March). */
  readonly year: number
  /** Children looked after, to size the monthly denominators; small councils give small counts. */
  readonly children: number
}

/** Everything generated. @category models */
export interface LocalMeasures {
  readonly measures: ReadonlyArray<LocalMeasure.Definition>
  readonly values: ReadonlyArray<MeasureValue.Value>
  readonly targets: ReadonlyArray<Target.Target>
  readonly benchmarks: ReadonlyArray<Benchmark.Benchmark>
  /** The Bright Spots results as the council would receive them, in the CSV `Voice.surveyFromCsv` reads. */
  readonly surveyCsv: string
  readonly strategy: Strategy.Strategy
  readonly youSaidWeDid: ReadonlyArray<YouSaidWeDid.Entry>
  readonly pledges: ReadonlyArray<Pledge.Pledge>
  readonly voice: ReadonlyArray<Voice.Theme>
}

/** How each monthly measure behaves: share of children in the denominator, level in the first and second year. */
const monthly: ReadonlyArray<{
  readonly template: string
  readonly priority: string
  readonly share: number
  readonly level: readonly [number, number]
  readonly target: number
}> = [
  { template: "pep_on_time_pct", priority: "P1", share: 0.55, level: [0.86, 0.95], target: 95 },
  { template: "return_interviews_offered_pct", priority: "P2", share: 0.06, level: [0.9, 0.96], target: 95 },
  { template: "return_interviews_completed_pct", priority: "P2", share: 0.06, level: [0.4, 0.55], target: 70 },
  { template: "statutory_visits_on_time_pct", priority: "P2", share: 0.9, level: [0.88, 0.91], target: 90 },
  { template: "care_leavers_pathway_plan_pct", priority: "P4", share: 0.4, level: [0.8, 0.87], target: 90 },
  { template: "health_assessments_on_time_pct", priority: "P3", share: 0.12, level: [0.7, 0.78], target: 85 }
]

const pid = Strategy.PriorityId.make
const aid = Strategy.ActionId.make

const priorities: ReadonlyArray<readonly [string, string, ReadonlyArray<string>]> = [
  ["P1", "My education", ["Every personal education plan reviewed on time", "Tutoring for every child who asks"]],
  ["P2", "Safe and settled", ["Return interviews within 72 hours", "Visits when they are due"]],
  ["P3", "My health and well-being", ["Health assessments on time", "A named nurse for care leavers"]],
  ["P4", "My future", ["A pathway plan written with every care leaver", "Setting-up-home allowance paid on time"]]
]

const pledgeTexts: ReadonlyArray<readonly [string, string, string, "service" | "partner", string]> = [
  [
    "We will help you do your best at school",
    "Your education plan is reviewed every term, with you.",
    "Virtual School",
    "service",
    "P1"
  ],
  [
    "We will listen when you come home after being missing",
    "Someone will offer to talk with you within three days.",
    "Missing from care service",
    "service",
    "P2"
  ],
  [
    "Your social worker will visit when they said they would",
    "Visits happen on time, and you are told if one moves.",
    "Children in care service",
    "service",
    "P2"
  ],
  [
    "We will look after your health",
    "Your health check happens on time, with someone you know.",
    "Integrated care board (health partner)",
    "partner",
    "P3"
  ],
  [
    "You will have a plan for leaving care that you helped write",
    "Your pathway plan is written with you and reviewed every six months.",
    "Leaving care service",
    "service",
    "P4"
  ],
  [
    "We will help you stay in touch with your brothers and sisters",
    "Time with your family is planned with you.",
    "Children in care service",
    "service",
    "P2"
  ],
  [
    "You will always know who your social worker is",
    "You are told the name of a new worker before they start.",
    "Children in care service",
    "service",
    "P2"
  ],
  [
    "We will help you into work or training",
    "Apprenticeships and work experience are kept for care leavers.",
    "Employment and skills team",
    "partner",
    "P4"
  ],
  [
    "We will make sure you have somewhere safe to live",
    "No care leaver is placed in bed and breakfast.",
    "Housing options (district council)",
    "partner",
    "P4"
  ],
  [
    "We will tell you what we did about what you told us",
    "Every meeting of the Children in Care Council hears back.",
    "Participation service",
    "service",
    "P3"
  ]
]

const themeTexts: ReadonlyArray<readonly [string, string, string]> = [
  [
    "Contact with brothers and sisters",
    "Young people want more time with their brothers and sisters, and more say in when.",
    "P2"
  ],
  ["Changes of social worker", "Young people said changes of worker were hard and they were not always told.", "P2"],
  ["Education plan meetings", "Meetings are sometimes held in lessons young people like.", "P1"],
  ["Wi-fi and phones in placements", "Some homes limit wi-fi in ways young people find unfair.", "P3"],
  ["Money when leaving care", "Care leavers want clearer information on allowances.", "P4"],
  ["Health checks", "Young people want health checks with someone they already know.", "P3"]
]

/**
 * The measures, values, pledges and themes of a synthetic council for reporting years `year - 1` and `year`.
 * @category constructors
 */
export const generate = (options: Options): LocalMeasures => {
  const rng = Random.make(options.seed, 9031)
  const council = options.council
  const firstMonth = ReportingYear.start(ReportingYear.make(options.year - 1))
  const years = [options.year - 1, options.year]

  const strategy: Strategy.Strategy = {
    id: Strategy.StrategyId.make(`cps-${options.year - 1}`),
    council,
    title: "Corporate parenting strategy",
    period: { start: firstMonth, end: ReportingYear.end(ReportingYear.make(options.year + 1)) },
    priorities: priorities.map(([id, title, actions]) => ({
      id: pid(id),
      title,
      leadMembers: [`Councillor ${id}`],
      leadOfficer: `Head of service ${id}`,
      whatWeNeedToImprove: [],
      whatWeWillDo: [],
      whatThisWillMeanInPractice: [],
      principles: ["best_interests"],
      indicators: id === "P3" ? ["health_assessment_pct"] : [],
      actions: actions.map((title, i) => ({
        id: aid(`${id}.${i + 1}`),
        title,
        owner: `Service manager ${id}`,
        start: firstMonth,
        due: ReportingYear.end(ReportingYear.make(options.year)),
        status: "in_progress" as const,
        milestones: []
      }))
    }))
  }

  const measures: Array<LocalMeasure.Definition> = []
  const values: Array<MeasureValue.Value> = []
  const targets: Array<Target.Target> = []
  for (const m of monthly) {
    const definition = LocalMeasure.fromTemplate(Option.getOrThrow(LocalMeasure.templateById(m.template)), council, [
      pid(m.priority)
    ])
    measures.push(definition)
    for (let i = 0; i < 24; i++) {
      const start = CalendarDate.addMonths(firstMonth, i)
      const level = m.level[i < 12 ? 0 : 1]
      const denominator = Math.max(1, Math.round(options.children * m.share * (0.8 + 0.4 * rng.next())))
      const rate = Math.min(1, Math.max(0, rng.normal(level, 0.03)))
      values.push({
        measure: definition.id,
        period: Frequency.containing("monthly", start).key,
        numerator: Math.round(denominator * rate),
        denominator,
        value: null
      })
    }
    for (const y of years) {
      targets.push({ indicator: Indicator.IndicatorId.make(definition.id), year: y, value: m.target, tolerance: 5 })
    }
  }

  const benchmarks: Array<Benchmark.Benchmark> = []
  const annual = (template: string, priority: string) =>
    LocalMeasure.fromTemplate(Option.getOrThrow(LocalMeasure.templateById(template)), council, [pid(priority)])
  const ks2 = annual("ks2_expected_standard_pct", "P1")
  const ks4 = annual("ks4_attainment8_average", "P1")
  measures.push(ks2, ks4)
  for (const y of years) {
    const cohort = Math.max(1, Math.round(options.children * 0.08))
    values.push({
      measure: ks2.id,
      period: String(y) as Frequency.PeriodKey,
      numerator: Math.round(cohort * (0.3 + 0.1 * rng.next())),
      denominator: cohort,
      value: null
    })
    values.push({
      measure: ks4.id,
      period: String(y) as Frequency.PeriodKey,
      numerator: null,
      denominator: Math.max(1, Math.round(options.children * 0.09)),
      value: Math.round(rng.normal(21, 2) * 10) / 10
    })
    benchmarks.push({
      indicator: Indicator.IndicatorId.make(ks2.id),
      year: y,
      comparator: "england",
      group: "england",
      version: "1",
      value: 35 + (y % 3),
      status: "first_published",
      source: "synthetic comparison (not a published figure)"
    })
  }

  const respondents = Math.max(6, Math.round(options.children * 0.4))
  const leavers = Math.max(6, Math.round(options.children * 0.2))
  const surveyCsv = [
    "survey,question,title,year,respondents,positive,national",
    ...years.flatMap((y) => [
      `your_life_your_care,feel_safe,Children who feel safe where they live,${y},${respondents},${Math.round(respondents * (0.85 + 0.05 * rng.next()))},90`,
      `your_life_your_care,trust_social_worker,Children who trust their social worker,${y},${respondents},${Math.round(respondents * (0.78 + 0.08 * rng.next()))},84`,
      `your_life_beyond_care,home_right,Care leavers who feel their home is right for them,${y},${leavers},${Math.round(leavers * (0.6 + 0.1 * rng.next()))},68`
    ])
  ].join("\n")
  const survey = Result.getOrThrow(Voice.surveyFromCsv(surveyCsv, council))
  measures.push(...survey.measures.map((m) => ({ ...m, priorities: [pid("P3")] })))
  values.push(...survey.values)
  benchmarks.push(...survey.benchmarks)

  const yearStart = ReportingYear.start(ReportingYear.make(options.year))
  const youSaidWeDid: Array<YouSaidWeDid.Entry> = themeTexts.map(([theme, summary, priority], i) => ({
    id: YouSaidWeDid.EntryId.make(`ysd-${i + 1}`),
    council,
    on: CalendarDate.addMonths(yearStart, i * 2),
    source: i % 2 === 0 ? "children_in_care_council" : "care_leavers_forum",
    youSaid: summary,
    weDid: `We changed how we work on ${theme.toLowerCase()} and reported back at the next meeting.`,
    priorities: [pid(priority)]
  }))

  const measureFor: Readonly<Record<string, string>> = {
    P1: "pep_on_time_pct",
    P2: "return_interviews_offered_pct",
    P3: "health_assessments_on_time_pct",
    P4: "care_leavers_pathway_plan_pct"
  }
  const pledges: Array<Pledge.Pledge> = pledgeTexts.map(([promise, meaning, owner, ownerKind, priority], i) => {
    const ysd = youSaidWeDid.find((e) => e.priorities.includes(pid(priority))) ?? youSaidWeDid[0]!
    const statuses = Pledge.Status.codes
    return {
      id: Pledge.PledgeId.make(`pledge-${i + 1}`),
      council,
      promise,
      meaning,
      owner,
      ownerKind,
      priorities: [pid(priority)],
      evidence: {
        measures: [LocalMeasure.MeasureId.make(measureFor[priority] ?? "pep_on_time_pct")],
        actions: [aid(`${priority}.${(i % 2) + 1}`)],
        youSaidWeDid: [ysd.id]
      },
      reviews: [
        {
          on: CalendarDate.addMonths(yearStart, 2),
          with: "children_in_care_council" as const,
          status: statuses[rng.int(1, 2)]!,
          summary: "Reviewed with the Children in Care Council."
        },
        {
          on: CalendarDate.addMonths(yearStart, 8),
          with: i % 3 === 0 ? ("corporate_parenting_board" as const) : ("children_in_care_council" as const),
          status: statuses[rng.int(0, 2)]!,
          summary: "Reviewed again after six months."
        }
      ]
    }
  })

  const voice: Array<Voice.Theme> = []
  for (let month = 0; month < 12; month++) {
    const on = CalendarDate.addDays(CalendarDate.addMonths(yearStart, month), 14)
    const source = month % 3 === 2 ? ("care_leavers_forum" as const) : ("children_in_care_council" as const)
    for (let k = 0; k < 2; k++) {
      const [theme, summary, priority] = themeTexts[(month + k * 3) % themeTexts.length]!
      const pledge = pledges.find((p) => p.priorities.includes(pid(priority)))
      voice.push({
        id: Voice.ThemeId.make(`theme-${month + 1}-${k + 1}`),
        council,
        on,
        source,
        theme,
        summary,
        raisedBy: rng.int(2, 14),
        priorities: [pid(priority)],
        pledges: pledge === undefined ? [] : [pledge.id],
        actions: [aid(`${priority}.1`)]
      })
    }
  }

  return { measures, values, targets, benchmarks, surveyCsv, strategy, youSaidWeDid, pledges, voice }
}
