/**
 * A cohort of a council's year profiled by one or more dimensions (`GET /v1/councils/:council/cohorts`), the document
 * of `indicators.md` "JSON: cpo cohort". Counts may come back as `c` for members and the public.
 */
import type * as Audience from "@cpo/domain/Audience"
import * as Cohort from "@cpo/domain/Cohort"
import { getJson } from "./api.ts"

/** @category models */
export interface Query {
  readonly council: string
  readonly year: number
  readonly cohort: Cohort.CohortName
  readonly by: ReadonlyArray<Cohort.Dimension>
  readonly audience: Audience.Audience
}

/** @category constructors */
export const path = (q: Query): string =>
  `/v1/councils/${encodeURIComponent(q.council)}/cohorts?year=${q.year}&cohort=${q.cohort}` +
  `&by=${q.by.join(",")}&audience=${q.audience}`

/** @category constructors */
export const fetchCohort = (q: Query): Promise<Cohort.Document> => getJson(path(q), Cohort.Document)

/** The dimensions a cohort can be profiled by (the API refuses others). @category getters */
export const dimensionsOf = (cohort: Cohort.CohortName): ReadonlyArray<Cohort.Dimension> =>
  cohort === "care_leavers" ? Cohort.careLeaverDimensions : Cohort.memberDimensions
