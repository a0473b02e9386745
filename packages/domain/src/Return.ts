/**
 * A council's 903 return for one collection year, as domain records: every table the council supplied. Header and
 * Episodes are always present (possibly empty); any other table is `None` when it was not supplied, which is not the
 * same as supplied and empty — a rule or indicator that needs an absent table is skipped, not passed.
 */
import { Option, Schema } from "effect"
import { Adoption } from "./Adoption.ts"
import { CareLeaverOutcome } from "./CareLeaverOutcome.ts"
import { Child } from "./Child.ts"
import { DeprivationOfLiberty } from "./DeprivationOfLiberty.ts"
import { Episode } from "./Episode.ts"
import { HealthOutcome } from "./HealthOutcome.ts"
import { MissingEpisode } from "./MissingEpisode.ts"
import { PlacedForAdoption } from "./PlacedForAdoption.ts"
import { PreviousPermanence } from "./PreviousPermanence.ts"
import { ReportingYear } from "./ReportingYear.ts"
import { Review } from "./Review.ts"
import { SocialWorkerEpisode } from "./SocialWorkerEpisode.ts"
import { UnaccompaniedAsylumSeekingChild } from "./UnaccompaniedAsylumSeekingChild.ts"

const Table = <S extends Schema.Top>(record: S) => Schema.OptionFromNullOr(Schema.Array(record))

/**
 * The names of the 903 tables, as the domain calls them.
 * @category models
 */
export const TableName = Schema.Literals([
  "children",
  "episodes",
  "reviews",
  "uasc",
  "healthOutcomes",
  "careLeavers",
  "adoptions",
  "placedForAdoption",
  "previousPermanence",
  "missing",
  "socialWorkerEpisodes",
  "deprivationOfLiberty"
])
export type TableName = typeof TableName.Type

/** @category models */
export const Return = Schema.Struct({
  year: ReportingYear,
  children: Schema.Array(Child),
  episodes: Schema.Array(Episode),
  reviews: Table(Review),
  uasc: Table(UnaccompaniedAsylumSeekingChild),
  healthOutcomes: Table(HealthOutcome),
  careLeavers: Table(CareLeaverOutcome),
  adoptions: Table(Adoption),
  placedForAdoption: Table(PlacedForAdoption),
  previousPermanence: Table(PreviousPermanence),
  missing: Table(MissingEpisode),
  socialWorkerEpisodes: Table(SocialWorkerEpisode),
  deprivationOfLiberty: Table(DeprivationOfLiberty)
}).annotate({ identifier: "Return", title: "SSDA903 return" })
export type Return = typeof Return.Type

/** The tables a return may leave out: every one but Header and Episodes. @category models */
export type OptionalTableName = Exclude<TableName, "children" | "episodes">

/**
 * A return from its year, Header and Episodes rows, and the rows of each other table supplied: a table given (even
 * as an empty list) is supplied, a table left out is `None`.
 * @category constructors
 */
export const make = (
  parts: Pick<Return, "year" | "children" | "episodes"> & {
    readonly [K in OptionalTableName]?: Return[K] extends Option.Option<infer Rows> ? Rows : never
  }
): Return => {
  const table = <K extends OptionalTableName>(name: K) =>
    (parts[name] === undefined ? Option.none() : Option.some(parts[name])) as Return[K]
  return {
    year: parts.year,
    children: parts.children,
    episodes: parts.episodes,
    reviews: table("reviews"),
    uasc: table("uasc"),
    healthOutcomes: table("healthOutcomes"),
    careLeavers: table("careLeavers"),
    adoptions: table("adoptions"),
    placedForAdoption: table("placedForAdoption"),
    previousPermanence: table("previousPermanence"),
    missing: table("missing"),
    socialWorkerEpisodes: table("socialWorkerEpisodes"),
    deprivationOfLiberty: table("deprivationOfLiberty")
  }
}

/**
 * The tables a return holds: Header and Episodes always, any other table when it was supplied (even empty).
 * @category getters
 */
export const suppliedTables = (ret: Return): ReadonlySet<TableName> =>
  new Set(
    TableName.literals.filter((t) => {
      const table: unknown = ret[t]
      return !Option.isOption(table) || Option.isSome(table)
    })
  )
