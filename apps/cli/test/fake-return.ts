/**
 * Plainly fake returns for the tests of the commands that read the store: girls born on 15 June, each in one episode
 * of foster care (U1) under a care order (C2). Never real child records.
 */
import { CalendarDate, type Child, type Episode, ReportingYear, Return } from "@cpo/domain"
import { Option } from "effect"

/** One fake child: her id, the year she was born, and when her episode started and (if it has) ended. */
export interface FakeChild {
  readonly id: string
  readonly born: number
  readonly start: string
  readonly left?: {
    readonly end: string
    readonly reasonCeased: Option.Option.Value<Episode.Episode["reasonCeased"]>
  }
}

/** A return for `year` holding `children`, one episode each. */
export const fakeReturn = (year: number, children: ReadonlyArray<FakeChild>): Return.Return =>
  Return.make({
    year: ReportingYear.make(year),
    children: children.map(
      (c): Child.Child => ({
        id: c.id as Child.ChildId,
        sex: "female",
        dateOfBirth: CalendarDate.make(`${c.born}-06-15`),
        ethnicity: "WBRI",
        upn: Option.none(),
        mother: Option.none(),
        motherChildDateOfBirth: Option.none()
      })
    ),
    episodes: children.map(
      (c): Episode.Episode => ({
        childId: c.id as Child.ChildId,
        start: CalendarDate.make(c.start),
        reasonForNewEpisode: "S",
        legalStatus: "C2",
        categoryOfNeed: "N1",
        placement: "U1",
        provider: Option.some("PR1"),
        end: c.left === undefined ? Option.none() : Option.some(CalendarDate.make(c.left.end)),
        reasonCeased: c.left === undefined ? Option.none() : Option.some(c.left.reasonCeased),
        reasonPlaceChange: Option.none(),
        homePostcode: Option.none(),
        placementPostcode: Option.none(),
        urn: Option.none()
      })
    )
  })
