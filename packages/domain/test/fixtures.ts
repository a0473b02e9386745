/**
 * Plainly fake 903 records for tests: a child and episodes built from the few fields a test cares about.
 */
import { Option } from "effect"
import {
  CalendarDate,
  type Child,
  ChildHistory,
  type Episode,
  type Indicator,
  ReportingYear,
  Return
} from "../src/index.ts"

type EpisodeFields = {
  readonly child?: string
  readonly start: string
  readonly end?: string
  readonly rne?: Episode.Episode["reasonForNewEpisode"]
  readonly ls?: Episode.Episode["legalStatus"]
  readonly place?: Episode.Episode["placement"]
  readonly rec?: Episode.Episode["reasonCeased"] extends Option.Option<infer R> ? R : never
  readonly reason?: Episode.Episode["reasonPlaceChange"] extends Option.Option<infer R> ? R : never
  readonly urn?: string
  readonly home?: string
  readonly placed?: string
}

export const episode = (f: EpisodeFields): Episode.Episode => ({
  childId: (f.child ?? "C1") as Child.ChildId,
  start: CalendarDate.make(f.start),
  reasonForNewEpisode: f.rne ?? "S",
  legalStatus: f.ls ?? "C2",
  categoryOfNeed: "N1",
  placement: f.place ?? "U4",
  provider: Option.some("PR1"),
  end: f.end === undefined ? Option.none() : Option.some(CalendarDate.make(f.end)),
  reasonCeased: f.end === undefined ? Option.none() : Option.some(f.rec ?? "E4A"),
  reasonPlaceChange: Option.fromNullishOr(f.reason),
  homePostcode: Option.fromNullishOr(f.home),
  placementPostcode: Option.fromNullishOr(f.placed),
  urn: Option.fromNullishOr(f.urn)
})

export const child = (id: string, dob = "2010-06-15", sex: Child.Sex = "female"): Child.Child => ({
  id: id as Child.ChildId,
  sex,
  dateOfBirth: CalendarDate.make(dob),
  ethnicity: "WBRI",
  upn: Option.none(),
  mother: Option.none(),
  motherChildDateOfBirth: Option.none()
})

export const returnOf = (
  year: number,
  episodes: ReadonlyArray<Episode.Episode>,
  datesOfBirth: Readonly<Record<string, string>> = {}
): Return.Return => {
  const ids = [...new Set(episodes.map((e) => e.childId))]
  return Return.make({
    year: ReportingYear.make(year),
    children: ids.map((id) => child(id, datesOfBirth[id])),
    episodes
  })
}

export const inputsOf = (
  year: number,
  episodes: ReadonlyArray<Episode.Episode>,
  datesOfBirth: Readonly<Record<string, string>> = {}
): Indicator.Inputs => ({
  year: ReportingYear.make(year),
  histories: ChildHistory.index(returnOf(year, episodes, datesOfBirth)),
  tables: new Set(["children", "episodes"]),
  population: Option.none()
})
