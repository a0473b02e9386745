/**
 * Plainly fake data for the API's tests: two councils with a hand-made 2018 return each, loaded into an in-memory
 * PGlite store, and tokens for any role. Nothing here resembles a real child.
 */

import * as Fs from "node:fs"
import * as Os from "node:os"
import * as Path from "node:path"
import {
  AuditLog,
  CalendarDate,
  type Child,
  type Council,
  DemoOffer,
  type Episode,
  Governance,
  LocalOffer,
  Priorities,
  Progress,
  ReportingYear,
  Return,
  Returns,
  StoredReport,
  type Strategy,
  type UserRole
} from "@cpo/domain"
import type { Store } from "@cpo/store"
import { Synth } from "@cpo/synth"
import { Effect, Option } from "effect"
import { issueToken } from "./auth.ts"
import { type ApiRuntime, makeRuntime } from "./runtime.ts"

export const secret = "test-secret-that-is-at-least-32-characters-long"

export const councilA: Council.Council = {
  id: "fake-borough-a" as Council.CouncilId,
  name: "Fake Borough A",
  localAuthorityCode: Option.none()
}
export const councilB: Council.Council = {
  id: "fake-borough-b" as Council.CouncilId,
  name: "Fake Borough B",
  localAuthorityCode: Option.none()
}

const episode = (child: string, start: string, end: string | undefined, legalStatus = "C2", placement = "U4") =>
  ({
    childId: child as Child.ChildId,
    start: CalendarDate.make(start),
    reasonForNewEpisode: "S",
    legalStatus,
    categoryOfNeed: "N1",
    placement,
    provider: Option.some("PR1"),
    end: end === undefined ? Option.none() : Option.some(CalendarDate.make(end)),
    reasonCeased: end === undefined ? Option.none() : Option.some("E4A"),
    reasonPlaceChange: Option.none(),
    homePostcode: Option.none(),
    placementPostcode: Option.none(),
    urn: Option.none()
  }) as Episode.Episode

const child = (id: string): Child.Child => ({
  id: id as Child.ChildId,
  sex: "female",
  dateOfBirth: CalendarDate.make("2010-06-15"),
  ethnicity: "WBRI",
  upn: Option.none(),
  mother: Option.none(),
  motherChildDateOfBirth: Option.none()
})

const returnOf = (year: number, episodes: ReadonlyArray<Episode.Episode>): Return.Return =>
  Return.make({
    year: ReportingYear.make(year),
    children: [...new Set(episodes.map((e) => e.childId))].map(child),
    episodes
  })

/**
 * Fake Borough A, 2018: four children looked after on 31 March 2018 (FA1, FA2, FA3 fostered, FA4 in a children's
 * home), one whose episode ended on 31 March (not looked after that day), one on short breaks (V3, never counted).
 */
export const returnA2018 = returnOf(2018, [
  episode("FA1", "2016-05-01", undefined),
  episode("FA2", "2017-09-10", "2018-01-05"),
  episode("FA2", "2018-01-05", undefined, "C2", "U1"),
  episode("FA3", "2018-03-31", undefined),
  episode("FA4", "2017-06-01", undefined, "C2", "K2"),
  episode("FA5", "2017-04-20", "2018-03-31"),
  episode("FA6", "2017-08-01", undefined, "V3", "T0")
])

/** Fake Borough B, 2018: seven children looked after on 31 March 2018. */
export const returnB2018 = returnOf(
  2018,
  Array.from({ length: 7 }, (_, i) => episode(`FB${i + 1}`, "2017-05-01", undefined))
)

/** The day the fake councils' offers (version 1, the demo offer) take effect. */
export const offerEffectiveFrom = CalendarDate.make("2017-04-01")

/** Draft, consult on, approve and (unless `publish` is false) publish the demo offer as the council's next version. */
export const seedOffer = (council: Council.CouncilId, options: { readonly publish?: boolean } = {}) =>
  Effect.gen(function* () {
    const offers = yield* LocalOffer.LocalOffers
    const draft = yield* offers.saveDraft(
      council,
      { title: DemoOffer.title, entitlements: DemoOffer.entitlements },
      "test"
    )
    yield* offers.recordConsultation(council, draft.version, {
      on: CalendarDate.make("2017-03-01"),
      with: "the fake care leavers' forum",
      careLeavers: true,
      summary: "asked for a clearer page",
      recordedBy: "test"
    })
    const approved = yield* offers.approve(council, draft.version, "test")
    return options.publish === false
      ? approved
      : yield* offers.publish(council, draft.version, "test", offerEffectiveFrom)
  })

const day = CalendarDate.make

/**
 * A fake strategy for 2017–20 with two priorities: P1's first action fell due on 30 September 2017 and is still in
 * progress (overdue on 31 March 2018); its second is due in 2019. One update rates P1.1 red on 1 December 2017.
 */
export const fakeStrategy = (council: Council.CouncilId): Strategy.Strategy => ({
  id: "fake-strategy" as Strategy.StrategyId,
  council,
  title: "Fake corporate parenting strategy",
  period: { start: day("2017-04-01"), end: day("2020-03-31") },
  priorities: [1, 2].map((n) => ({
    id: `P${n}` as Strategy.PriorityId,
    title: `Fake priority ${n}`,
    leadMembers: ["Cllr Fake"],
    leadOfficer: "Fake Head of Service",
    whatWeNeedToImprove: ["something plainly fake"],
    whatWeWillDo: ["fake work"],
    whatThisWillMeanInPractice: ["fake change"],
    principles: ["best_interests"],
    indicators: ["cla_31_march"],
    actions: [
      {
        id: `P${n}.1` as Strategy.ActionId,
        title: `Fake action ${n}.1`,
        owner: "Fake owner",
        start: day("2017-04-01"),
        due: day("2017-09-30"),
        status: n === 1 ? "in_progress" : "completed",
        milestones: []
      },
      {
        id: `P${n}.2` as Strategy.ActionId,
        title: `Fake action ${n}.2`,
        owner: "Fake owner",
        start: day("2017-04-01"),
        due: day("2019-03-31"),
        status: "in_progress",
        milestones: []
      }
    ]
  }))
})

/** A fake board of four core members (quorum 75 %: three) that met twice: quorate in June, not in January. */
export const fakeBoard = (council: Council.CouncilId): Governance.Board => ({
  id: "fake-board" as Governance.BoardId,
  council,
  name: "Fake Corporate Parenting Board",
  terms: {
    purpose: ["oversee the fake strategy"],
    quorum: [{ membership: "core", percent: 75 }],
    substitutesCount: false,
    minimumMeetingsPerYear: 4,
    reportsTo: ["Fake Scrutiny Committee"]
  },
  members: ["M1", "M2", "M3", "M4"].map((id, i) => ({
    id: id as Governance.MemberId,
    name: `Fake member ${i + 1}`,
    role: i === 0 ? "chair" : "councillor",
    membership: "core",
    organisation: Option.none(),
    from: day("2017-04-01"),
    until: Option.none()
  })),
  reportingCycle: [
    {
      id: "scrutiny",
      report: "Progress against each priority",
      to: "Fake Scrutiny Committee",
      frequency: "six_monthly",
      scope: "each_priority",
      firstDue: day("2017-10-31")
    }
  ]
})

const attendance = (present: ReadonlyArray<string>) =>
  ["M1", "M2", "M3", "M4"].map((m) => ({
    member: m as Governance.MemberId,
    status: present.includes(m) ? ("present" as const) : ("apologies" as const)
  }))

/** Save the fake strategy, an update, the board and its two meetings for a council. */
export const seedPlan = (council: Council.CouncilId) =>
  Effect.gen(function* () {
    const priorities = yield* Priorities.Priorities
    yield* priorities.saveStrategy(fakeStrategy(council))
    yield* priorities.recordUpdate({
      id: Progress.UpdateId.make(`U-${council}-1`),
      council,
      priority: "P1" as Strategy.PriorityId,
      action: Option.some("P1.1" as Strategy.ActionId),
      on: day("2017-12-01"),
      rag: "red",
      commentary: "fake delay",
      evidence: [],
      author: "test"
    })
    const boards = yield* Governance.Boards
    yield* boards.save(fakeBoard(council))
    for (const [id, on, present] of [
      ["meeting-june", "2017-06-20", ["M1", "M2", "M3"]],
      ["meeting-january", "2018-01-16", ["M1", "M2"]]
    ] as const) {
      yield* boards.recordMeeting(council, {
        id: id as Governance.MeetingId,
        board: "fake-board" as Governance.BoardId,
        on: day(on),
        attendance: attendance(present),
        agenda: ["fake item"]
      })
    }
  })

/** Load both fake councils' returns, offers, strategies and boards into a freshly migrated store. */
export const seedFakeCouncils = Effect.gen(function* () {
  const returns = yield* Returns.Returns
  yield* returns.saveCouncil(councilA)
  yield* returns.saveCouncil(councilB)
  yield* returns.importReturn(councilA.id, returnA2018, "fake-a-2018")
  yield* returns.importReturn(councilB.id, returnB2018, "fake-b-2018")
  yield* seedOffer(councilA.id)
  yield* seedOffer(councilB.id)
  yield* seedPlan(councilA.id)
  yield* seedPlan(councilB.id)
})

/** Save `council` and import `ret` as its current return for the year, under `checksum`. */
export const importCouncil = (council: Council.Council, ret: Return.Return, checksum: string) =>
  Returns.Returns.use((returns) =>
    returns.saveCouncil(council).pipe(Effect.andThen(returns.importReturn(council.id, ret, checksum)))
  )

/**
 * A council `@cpo/synth` generates (plainly fake, the same for the same `seed`) and its 2026 return, for a route
 * test that wants a larger cohort than the hand-made councils. `from` is the first year generated (default 2026).
 */
export const syntheticCouncil = (options: {
  readonly id: string
  readonly name: string
  readonly seed: number
  readonly children: number
  readonly from?: number
}) => {
  const council: Council.Council = {
    id: options.id as Council.CouncilId,
    name: options.name,
    localAuthorityCode: Option.none()
  }
  const year = ReportingYear.make(2026)
  const generated = Synth.generate({
    seed: options.seed,
    council: council.name,
    children: options.children,
    years: { from: options.from ?? 2026, to: 2026 }
  })
  const ret = generated.returns.find((r) => r.year === year)
  if (ret === undefined) throw new Error(`${council.name} has no 2026 return`)
  return { council, year, ret }
}

/**
 * PGlite data folders a test run's global set-up prepared once (the API's `test/templates.ts`: `migrated`, empty, and
 * `seeded`, after `seedFakeCouncils`; the dashboard's adds its own). Each test file opens its own copy, so files stay
 * independent while none pays for PostgreSQL's initdb, the migrations and the seeding again.
 */
export const templatesVariable = "CPO_API_TEST_TEMPLATES"

/** Build the template `name` under `root`: a migrated PGlite store in a folder, seeded by `seed`, then closed. */
export const buildTemplate = async (
  root: string,
  name: string,
  seed: Effect.Effect<unknown, unknown, Store.Services>
): Promise<void> => {
  const runtime = makeRuntime({ dataDir: Path.join(root, name) })
  await runtime.runPromise(seed)
  await runtime.dispose()
}

const copies: Array<string> = []
const copyOf = (name: string): string | undefined => {
  const root = process.env[templatesVariable]
  if (root === undefined || !Fs.existsSync(Path.join(root, name))) return undefined
  if (copies.length === 0) {
    process.on("exit", () => {
      for (const dir of copies) Fs.rmSync(dir, { recursive: true, force: true })
    })
  }
  const dir = Fs.mkdtempSync(Path.join(Os.tmpdir(), `cpo-test-${name}-`))
  Fs.cpSync(Path.join(root, name), dir, { recursive: true })
  copies.push(dir)
  return dir
}

/** A folder holding a copy of the template `name` (removed when the process exits), when the run's set-up made one. */
export const dataDirFromTemplate = (name: string): string | undefined => copyOf(name)

/** A runtime over a copy of the template `name`, when the run's set-up made one. */
export const runtimeFromTemplate = (name: string): ApiRuntime | undefined => {
  const dataDir = copyOf(name)
  return dataDir === undefined ? undefined : makeRuntime({ dataDir })
}

/** A runtime over a migrated, empty PGlite store (a copy of the `migrated` template when the set-up made one). */
export const makeEmptyRuntime = (): ApiRuntime => runtimeFromTemplate("migrated") ?? makeRuntime({})

/**
 * A runtime over a PGlite store holding both fake councils' 2018 returns, each council's demo offer (published from
 * `offerEffectiveFrom`), and each council's fake strategy and board: a copy of the `seeded` template when the set-up
 * made one, else built in memory here.
 */
export const makeTestRuntime = async (): Promise<ApiRuntime> => {
  const fromTemplate = runtimeFromTemplate("seeded")
  if (fromTemplate !== undefined) return fromTemplate
  const runtime = makeRuntime({})
  await runtime.runPromise(seedFakeCouncils)
  return runtime
}

/**
 * Fake Borough A's 2018 member report for `audience`, built as the report routes build it, so a test can compare a
 * rendering (HTML, PDF, CSV, XLSX) with the model behind it; `actor` names the test in the audit log.
 */
export const councilAReport = (runtime: ApiRuntime, audience: "member" | "officer", actor: string) =>
  runtime.runPromise(
    StoredReport.memberReportOf({
      council: councilA.id,
      year: ReportingYear.make(2018),
      audience,
      population: Option.none()
    }).pipe(AuditLog.withCaller({ actor, role: "manager", council: Option.some(councilA.id), purpose: "test" }))
  )

/** A bearer header for `role` bound to `councils`. */
export const bearer = async (
  role: UserRole.UserRole,
  councils: ReadonlyArray<Council.CouncilId>,
  expiresIn = "1h"
) => ({
  authorization: `Bearer ${await issueToken({ secret, subject: `${role}@test`, role, councils, expiresIn })}`
})

const csv = (rows: ReadonlyArray<ReadonlyArray<string>>): string => `${rows.map((r) => r.join(",")).join("\r\n")}\r\n`

/**
 * Fake 903 CSV files for a 2019 return: three children, two looked after on 31 March 2019 (FC3 left in January).
 * `badDate` spoils one episode's DECOM so that the read report has something to say.
 */
export const csvFiles2019 = (options: { readonly badDate?: boolean } = {}): Array<File> => [
  new File(
    [
      csv([
        ["CHILD", "SEX", "DOB", "ETHNIC", "UPN", "MOTHER", "MC_DOB"],
        ["FC1", "2", "15/06/2010", "WBRI", "", "", ""],
        ["FC2", "1", "01/02/2008", "WBRI", "", "", ""],
        ["FC3", "1", "03/03/2005", "WBRI", "", "", ""]
      ])
    ],
    "header.csv",
    { type: "text/csv" }
  ),
  new File(
    [
      csv([
        ["CHILD", "DECOM", "RNE", "LS", "CIN", "PLACE", "PLACE_PROVIDER", "DEC", "REC", "REASON_PLACE_CHANGE"].concat([
          "HOME_POST",
          "PL_POST",
          "URN"
        ]),
        ["FC1", "01/05/2018", "S", "C2", "N1", "U4", "PR1", "", "", "", "", "", ""],
        [
          "FC2",
          options.badDate === true ? "31/02/2018" : "01/06/2018",
          "S",
          "C2",
          "N1",
          "U6",
          "PR1",
          "",
          "",
          "",
          "",
          "",
          ""
        ],
        ["FC3", "01/07/2018", "S", "C2", "N1", "U4", "PR1", "15/01/2019", "E4A", "", "", "", ""]
      ])
    ],
    "episodes.csv",
    { type: "text/csv" }
  )
]

/** A multipart body holding `files` in the field `files`. */
export const formOf = (files: ReadonlyArray<File>): FormData => {
  const form = new FormData()
  for (const f of files) form.append("files", f)
  return form
}
