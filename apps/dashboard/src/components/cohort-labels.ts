/**
 * Words for the cohort explorer: cohort and dimension names, and each group's value (903 codes with their DfE labels
 * from the domain's code lists).
 */
import * as CategoryOfNeed from "@cpo/domain/CategoryOfNeed"
import type * as Cohort from "@cpo/domain/Cohort"
import * as Ethnicity from "@cpo/domain/Ethnicity"
import * as LegalStatus from "@cpo/domain/LegalStatus"
import * as PlacementType from "@cpo/domain/PlacementType"

/** @category getters */
export const cohortLabels: Readonly<Record<Cohort.CohortName, string>> = {
  cla_31_march: "Looked after at 31 March",
  started: "Started to be looked after in the year",
  ceased: "Ceased to be looked after in the year",
  during_year: "Looked after at any time in the year",
  care_leavers: "Care leavers aged 16 to 20"
}

/** @category getters */
export const dimensionLabels: Readonly<Record<Cohort.Dimension, string>> = {
  age_band: "Age band",
  age: "Age",
  sex: "Sex",
  ethnicity: "Ethnicity",
  ethnic_group: "Ethnic group",
  legal_status: "Legal status",
  legal_status_group: "Legal status group",
  category_of_need: "Category of need",
  placement: "Placement type",
  placement_group: "Placement group",
  provider: "Placement provider",
  uasc: "Unaccompanied asylum-seeking child",
  care_leaver_status: "Care leaver status"
}

const fixed: Readonly<Record<string, string>> = {
  under_1: "Under 1",
  "1_4": "1 to 4",
  "5_9": "5 to 9",
  "10_15": "10 to 15",
  "16_plus": "16 and over",
  true: "Yes",
  false: "No",
  unknown: "Not known",
  section_20: "Section 20 (voluntary)",
  homes_secure_semi_independent: "Children's homes, secure units and semi-independent living",
  former_relevant: "Former relevant"
}

const sentence = (value: string): string => {
  const words = value.replaceAll("_", " ")
  return words.charAt(0).toUpperCase() + words.slice(1)
}

const coded = (code: string, label: string | undefined): string => (label === undefined ? code : `${code}: ${label}`)

/** A group's value in words. @category getters */
export const valueLabel = (dimension: string, value: string): string => {
  const known = fixed[value]
  if (known !== undefined) return known
  switch (dimension) {
    case "legal_status":
      return coded(value, LegalStatus.codes.is(value) ? LegalStatus.codes.label(value) : undefined)
    case "category_of_need":
      return coded(value, CategoryOfNeed.codes.is(value) ? CategoryOfNeed.codes.label(value) : undefined)
    case "placement":
      return coded(value, PlacementType.codes.is(value) ? PlacementType.codes.label(value) : undefined)
    case "ethnicity":
      return coded(value, Ethnicity.codes.is(value) ? Ethnicity.codes.label(value) : undefined)
    case "age":
    case "provider":
      return value
    default:
      return sentence(value)
  }
}

/** A group's key (one value per dimension) in words. @category getters */
export const groupLabel = (by: ReadonlyArray<string>, key: Readonly<Record<string, string>>): string =>
  by.map((dimension) => valueLabel(dimension, key[dimension] ?? "unknown")).join(", ")
