/**
 * The councils the signed-in user may see (`GET /v1/councils`), each with the years that have a current return.
 */
import { Council, ReportingYear } from "@cpo/domain"
import { Schema } from "effect"
import { type Accessor, createContext, createResource, type Resource, useContext } from "solid-js"
import { getJson } from "./api.ts"

/** A council as listed: its id, name and the years with a return, newest first. @category models */
export const CouncilSummary = Schema.Struct({
  id: Council.CouncilId,
  name: Schema.String,
  years: Schema.Array(ReportingYear.ReportingYear)
})
export type CouncilSummary = typeof CouncilSummary.Type

/** @category models */
export const CouncilList = Schema.Struct({ councils: Schema.Array(CouncilSummary) })

/** Fetch the list of councils. @category constructors */
export const fetchCouncils = (): Promise<ReadonlyArray<CouncilSummary>> =>
  getJson("/v1/councils", CouncilList).then((list) => list.councils)

/** The councils as a Solid resource, fetched again whenever `version` (the signed-in user) changes. @category constructors */
export const createCouncils = (version: Accessor<number>) => createResource(version, fetchCouncils)

/** The councils resource, shared by the layout with every page. @category services */
export const CouncilsContext = createContext<Resource<ReadonlyArray<CouncilSummary>>>()

/** The shared councils resource; only inside the layout. @category getters */
export const useCouncils = (): Resource<ReadonlyArray<CouncilSummary>> => {
  const councils = useContext(CouncilsContext)
  if (councils === undefined) throw new Error("useCouncils is used outside the layout that provides it")
  return councils
}
