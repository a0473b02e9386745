/**
 * How each 903 table of a `Return` maps to its SQL table: domain field names become snake_case columns, `Option`s
 * become NULLs, and nested values (a partial date) become JSON. Reading goes back through the domain Schemas, so a
 * row that no longer decodes is a defect rather than a silently wrong record.
 */

import type { Return } from "@cpo/domain"
import {
  Adoption,
  CareLeaverOutcome,
  Child,
  DeprivationOfLiberty,
  Episode,
  HealthOutcome,
  MissingEpisode,
  PlacedForAdoption,
  PreviousPermanence,
  Review,
  SocialWorkerEpisode,
  UnaccompaniedAsylumSeekingChild
} from "@cpo/domain"
import { Option, Schema } from "effect"

/** One 903 table: its name in `Return`, its SQL table and the domain Schema of a row. @category models */
export interface Table {
  readonly key: Return.TableName
  readonly sqlName: string
  // biome-ignore lint/suspicious/noExplicitAny: one list holds the Schemas of twelve different record types
  readonly schema: Schema.Codec<any, any>
  /** The domain field holding the child id (`id` in the Header, `childId` elsewhere). */
  readonly childField: "id" | "childId"
}

/** The 903 tables in load order. @category models */
export const tables: ReadonlyArray<Table> = [
  { key: "children", sqlName: "children", schema: Child.Child, childField: "id" },
  { key: "episodes", sqlName: "episodes", schema: Episode.Episode, childField: "childId" },
  { key: "reviews", sqlName: "reviews", schema: Review.Review, childField: "childId" },
  {
    key: "uasc",
    sqlName: "uasc",
    schema: UnaccompaniedAsylumSeekingChild.UnaccompaniedAsylumSeekingChild,
    childField: "childId"
  },
  { key: "healthOutcomes", sqlName: "health_outcomes", schema: HealthOutcome.HealthOutcome, childField: "childId" },
  { key: "careLeavers", sqlName: "care_leavers", schema: CareLeaverOutcome.CareLeaverOutcome, childField: "childId" },
  { key: "adoptions", sqlName: "adoptions", schema: Adoption.Adoption, childField: "childId" },
  {
    key: "placedForAdoption",
    sqlName: "placed_for_adoption",
    schema: PlacedForAdoption.PlacedForAdoption,
    childField: "childId"
  },
  {
    key: "previousPermanence",
    sqlName: "previous_permanence",
    schema: PreviousPermanence.PreviousPermanence,
    childField: "childId"
  },
  { key: "missing", sqlName: "missing", schema: MissingEpisode.MissingEpisode, childField: "childId" },
  {
    key: "socialWorkerEpisodes",
    sqlName: "social_worker_episodes",
    schema: SocialWorkerEpisode.SocialWorkerEpisode,
    childField: "childId"
  },
  {
    key: "deprivationOfLiberty",
    sqlName: "deprivation_of_liberty",
    schema: DeprivationOfLiberty.DeprivationOfLiberty,
    childField: "childId"
  }
]

const snake = (field: string): string => field.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`)
const camel = (column: string): string => column.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase())

const plain = (value: unknown): unknown => {
  if (Option.isOption(value)) return Option.isSome(value) ? plain(value.value) : null
  if (value !== null && typeof value === "object" && !Array.isArray(value)) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, plain(v)]))
  }
  return value
}

/**
 * The SQL row of a domain record (without council, import and position).
 * @category encoding
 */
export const toRow = (table: Table, record: Record<string, unknown>): Record<string, unknown> => {
  const row: Record<string, unknown> = {}
  for (const [field, value] of Object.entries(record)) {
    const column = field === table.childField ? "child_id" : snake(field)
    const v = plain(value)
    row[column] = v !== null && typeof v === "object" ? JSON.stringify(v) : v
  }
  return row
}

const bookkeeping = new Set(["council", "import_id", "seq"])

/**
 * A domain record from its SQL row; throws (a defect) when the row does not decode.
 * @category decoding
 */
export const fromRow = (table: Table, row: Record<string, unknown>): unknown => {
  const encoded: Record<string, unknown> = {}
  for (const [column, value] of Object.entries(row)) {
    if (bookkeeping.has(column)) continue
    const field = column === "child_id" ? table.childField : camel(column)
    encoded[field] = value instanceof Date ? value.toISOString().slice(0, 10) : value
  }
  return Schema.decodeUnknownSync(table.schema)(encoded)
}
