/**
 * The councils the signed-in user may see (`GET /v1/councils`), each with the years that have a current return.
 */
import * as Council from "@cpo/domain/Council"
import { type Accessor, createContext, createResource, type Resource, useContext } from "solid-js"
import { getJson } from "./api.ts"

/** A council as listed: its id, name and the years with a return, newest first. @category models */
export type CouncilSummary = Council.Summary

/** Fetch the list of councils. @category constructors */
export const fetchCouncils = (): Promise<ReadonlyArray<CouncilSummary>> =>
  getJson("/v1/councils", Council.List).then((list) => list.councils)

/** The councils as a Solid resource, fetched again whenever `version` (the signed-in user) changes. @category constructors */
export const createCouncils = (version: Accessor<number>) => createResource(version, fetchCouncils)

/** The councils resource, shared by the layout with every page, and a way to fetch it again. @category services */
export const CouncilsContext = createContext<{
  readonly councils: Resource<ReadonlyArray<CouncilSummary>>
  /** Fetch again, e.g. after an import added a year. */
  readonly refetch: () => void
}>()

const useShared = () => {
  const shared = useContext(CouncilsContext)
  if (shared === undefined) throw new Error("the councils are used outside the layout that provides them")
  return shared
}

/** The shared councils resource; only inside the layout. @category getters */
export const useCouncils = (): Resource<ReadonlyArray<CouncilSummary>> => useShared().councils

/** Fetch the councils again (their years change when a return is imported). @category getters */
export const useRefetchCouncils = (): (() => void) => useShared().refetch
