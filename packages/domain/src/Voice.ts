/**
 * The voice of children in care and care leavers, in two forms. Survey results — Coram Voice's Bright Spots surveys
 * "Your Life, Your Care" (children looked after) and "Your Life Beyond Care" (care leavers), which ask about
 * well-being and compare a council's answers with the national picture (domain.md §4) — are imported from CSV as local
 * measures with the national figure as their England benchmark. Feedback from the Children in Care Council and the
 * care leavers' forum is kept as themes — never as what one named young person said — linked to the priorities,
 * pledges and actions it bears on, with how many young people raised it suppressed for members and the public
 * (domain.md §5.1), so the member report can show it without identifying anyone.
 */
import { Context, type Effect, Option, Result, Schema } from "effect"
import { Audience } from "./Audience.ts"
import type * as Benchmark from "./Benchmark.ts"
import * as CalendarDate from "./CalendarDate.ts"
import * as CodeList from "./CodeList.ts"
import * as Council from "./Council.ts"
import * as CsvTable from "./CsvTable.ts"
import type * as Frequency from "./Frequency.ts"
import * as Indicator from "./Indicator.ts"
import * as LocalMeasure from "./LocalMeasure.ts"
import type * as MeasureValue from "./MeasureValue.ts"
import * as Pledge from "./Pledge.ts"
import * as Strategy from "./Strategy.ts"
import * as Suppression from "./Suppression.ts"
import * as YouSaidWeDid from "./YouSaidWeDid.ts"

/** The Bright Spots surveys. @category models */
export const Survey = CodeList.make("BrightSpotsSurvey", "Bright Spots survey", {
  your_life_your_care: "Your Life, Your Care",
  your_life_beyond_care: "Your Life Beyond Care"
})
export type Survey = (typeof Survey.codes)[number]

const surveyPrefix: Readonly<Record<Survey, string>> = {
  your_life_your_care: "ylyc",
  your_life_beyond_care: "ylbc"
}

/** What a survey CSV becomes: measures, their yearly values and the national comparison. @category models */
export interface SurveyImport {
  readonly measures: ReadonlyArray<LocalMeasure.Definition>
  readonly values: ReadonlyArray<MeasureValue.Value>
  readonly benchmarks: ReadonlyArray<Benchmark.Benchmark>
}

/**
 * Survey results from CSV with columns `survey,question,title,year,respondents,positive` and optional `national`
 * (the national percentage answering the same way) and `polarity` (`higher_is_better` by default). Each question
 * becomes an annual percentage measure `ylyc_<question>` or `ylbc_<question>`: positive answers of respondents.
 * @category decoding
 */
export const surveyFromCsv = (
  text: string,
  council: Council.CouncilId,
  file = "bright-spots.csv"
): Result.Result<SurveyImport, CsvTable.CsvTableInvalid> =>
  Result.flatMap(
    CsvTable.read(text, file, ["survey", "question", "title", "year", "respondents", "positive"]),
    (rows): Result.Result<SurveyImport, CsvTable.CsvTableInvalid> => {
      const measures = new Map<string, LocalMeasure.Definition>()
      const values: Array<MeasureValue.Value> = []
      const benchmarks: Array<Benchmark.Benchmark> = []
      const seen = new Set<string>()
      const fail = (line: number, problem: string, column?: string) =>
        Result.fail(new CsvTable.CsvTableInvalid({ file, line, problem, ...(column === undefined ? {} : { column }) }))
      for (const row of rows) {
        const survey = row.values.survey ?? ""
        if (!Survey.is(survey)) return fail(row.line, `unknown survey "${survey}"`, "survey")
        const question = (row.values.question ?? "").toLowerCase()
        if (!/^[a-z][a-z0-9_]{0,50}$/.test(question)) {
          return fail(row.line, "question must be lower-case letters, digits and _", "question")
        }
        const year = CsvTable.number(row, file, "year", { integer: true })
        if (Result.isFailure(year)) return Result.fail(year.failure)
        const respondents = CsvTable.number(row, file, "respondents", { integer: true })
        if (Result.isFailure(respondents)) return Result.fail(respondents.failure)
        const positive = CsvTable.number(row, file, "positive", { integer: true })
        if (Result.isFailure(positive)) return Result.fail(positive.failure)
        if (positive.success < 0 || positive.success > respondents.success) {
          return fail(row.line, "positive must be between 0 and respondents", "positive")
        }
        const polarityRaw = row.values.polarity ?? ""
        const polarity = polarityRaw === "" ? "higher_is_better" : polarityRaw
        if (!Schema.is(Indicator.Polarity)(polarity))
          return fail(row.line, `unknown polarity "${polarity}"`, "polarity")
        const id = LocalMeasure.MeasureId.make(`${surveyPrefix[survey]}_${question}`)
        const key = `${id}/${year.success}`
        if (seen.has(key)) return fail(row.line, `a second result for ${id} in ${year.success}`)
        seen.add(key)
        if (!measures.has(id)) {
          measures.set(id, {
            id,
            council,
            title: row.values.title || question,
            description: `${Survey.label(survey)} survey: respondents answering positively.`,
            unit: "percent",
            polarity,
            frequency: "annual",
            source: `Bright Spots: ${Survey.label(survey)} (Coram Voice)`,
            owner: "Participation service",
            priorities: [],
            template: null
          })
        }
        values.push({
          measure: id,
          period: String(year.success) as Frequency.PeriodKey,
          numerator: positive.success,
          denominator: respondents.success,
          value: null
        })
        if ((row.values.national ?? "") !== "") {
          const national = CsvTable.number(row, file, "national")
          if (Result.isFailure(national)) return Result.fail(national.failure)
          benchmarks.push({
            indicator: Indicator.IndicatorId.make(id),
            year: year.success,
            comparator: "england",
            group: "england",
            version: "1",
            value: national.success,
            status: "first_published",
            source: `Bright Spots national comparison (${Survey.label(survey)})`
          })
        }
      }
      return Result.succeed({ measures: [...measures.values()], values, benchmarks })
    }
  )

/** @category models */
export const ThemeId = Schema.String.pipe(
  Schema.check(
    Schema.isPattern(/^[A-Za-z0-9][A-Za-z0-9._-]{0,39}$/, {
      description: "letters, digits, '.', '_' or '-', at most 40 characters"
    })
  ),
  Schema.brand("VoiceThemeId")
).annotate({ identifier: "VoiceThemeId" })
export type ThemeId = typeof ThemeId.Type

/**
 * A theme young people raised at a meeting or in a survey: a short heading and a summary written about the group,
 * with how many raised it. It holds no name or child id by design.
 * @category models
 */
export const Theme = Schema.Struct({
  id: ThemeId,
  council: Council.CouncilId,
  on: CalendarDate.CalendarDate,
  source: YouSaidWeDid.Source.schema,
  theme: Schema.NonEmptyString,
  summary: Schema.String,
  /** How many young people raised it, when counted. */
  raisedBy: Schema.NullOr(Schema.Int.pipe(Schema.check(Schema.isGreaterThanOrEqualTo(0)))),
  priorities: Schema.Array(Strategy.PriorityId),
  pledges: Schema.Array(Pledge.PledgeId),
  actions: Schema.Array(Strategy.ActionId)
}).annotate({ identifier: "VoiceTheme" })
export type Theme = typeof Theme.Type

/** The themes dated within [from, to], oldest first. @category getters */
export const during = (
  themes: ReadonlyArray<Theme>,
  from: CalendarDate.CalendarDate,
  to: CalendarDate.CalendarDate
): ReadonlyArray<Theme> =>
  themes.filter((t) => CalendarDate.isBetween(t.on, from, to)).sort((a, b) => (a.on < b.on ? -1 : a.on > b.on ? 1 : 0))

/** A theme as an audience sees it. @category models */
export interface PublishedTheme {
  readonly id: string
  readonly on: CalendarDate.CalendarDate
  readonly source: string
  readonly theme: string
  readonly summary: string
  /** How many raised it: a number, `c` when 1 to 5 for members and the public, `None` when not counted. */
  readonly raisedBy: Option.Option<Suppression.Cell>
  readonly priorities: ReadonlyArray<string>
  readonly pledges: ReadonlyArray<string>
  readonly actions: ReadonlyArray<string>
}

/**
 * Themes for an audience: the count of young people who raised each is suppressed when 1 to 5, and the counts of
 * one meeting or survey are suppressed together as a list with their total, so no count can be worked out from the
 * others.
 * @category encoding
 */
export const publish = (themes: ReadonlyArray<Theme>, audience: Audience): ReadonlyArray<PublishedTheme> => {
  const hidden = new Map<string, Suppression.Cell>()
  const groups = new Map<string, Array<Theme>>()
  for (const t of themes) {
    if (t.raisedBy === null) continue
    const key = `${t.on}/${t.source}`
    groups.set(key, [...(groups.get(key) ?? []), t])
  }
  for (const group of groups.values()) {
    const cells = Suppression.list(
      group.map((t) => t.raisedBy ?? 0),
      audience
    ).cells
    group.forEach((t, i) => {
      hidden.set(t.id, cells[i] ?? "c")
    })
  }
  return themes.map((t) => ({
    id: t.id,
    on: t.on,
    source: YouSaidWeDid.Source.label(t.source),
    theme: t.theme,
    summary: t.summary,
    raisedBy: t.raisedBy === null ? Option.none() : Option.some(hidden.get(t.id) ?? "c"),
    priorities: t.priorities,
    pledges: t.pledges,
    actions: t.actions
  }))
}

/** How often each theme heading came up in a period, most frequent first. @category getters */
export const tally = (
  themes: ReadonlyArray<Theme>
): ReadonlyArray<{ readonly theme: string; readonly times: number }> => {
  const counts = new Map<string, number>()
  for (const t of themes) counts.set(t.theme, (counts.get(t.theme) ?? 0) + 1)
  return [...counts.entries()]
    .map(([theme, times]) => ({ theme, times }))
    .sort((a, b) => b.times - a.times || (a.theme < b.theme ? -1 : 1))
}

/**
 * What the voice page is answered with (`GET …/voice`): the themes {@link publish}ed for an audience (`raisedBy` is
 * `null` when not counted, `c` when suppressed) and their {@link tally}. The API encodes with it and the dashboard
 * decodes with it.
 * @category schemas
 */
export const View = Schema.Struct({
  audience: Audience,
  themes: Schema.Array(
    Schema.Struct({
      id: Schema.String,
      on: CalendarDate.CalendarDate,
      source: Schema.String,
      theme: Schema.String,
      summary: Schema.String,
      raisedBy: Schema.NullOr(Schema.Union([Schema.Number, Schema.Literal("c")])),
      priorities: Schema.Array(Schema.String),
      pledges: Schema.Array(Schema.String),
      actions: Schema.Array(Schema.String)
    })
  ),
  tally: Schema.Array(Schema.Struct({ theme: Schema.String, times: Schema.Int }))
}).annotate({ identifier: "VoiceView" })
export type View = typeof View.Type

/**
 * The themes young people raised, kept per council.
 * @category services
 */
export class Themes extends Context.Service<
  Themes,
  {
    /** Create or replace a theme (matched by council and id). */
    readonly record: (theme: Theme) => Effect.Effect<void>
    /** The council's themes, oldest first. */
    readonly themes: (council: Council.CouncilId) => Effect.Effect<ReadonlyArray<Theme>>
  }
>()("@cpo/domain/VoiceThemes") {}
