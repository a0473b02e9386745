/**
 * The areas a care leavers' local offer must cover. CSWA 2017 s2(2) lists six — health and well-being,
 * relationships, education and training, employment, accommodation and participation in society — and the
 * Children's Wellbeing and Schools Act 2026 s8 adds a seventh, financial literacy (new s2(2)(g); prospective when
 * domain.md §1.1 was written). Every entitlement in an offer belongs to one or more areas.
 */
import { Schema } from "effect"
import * as CodeList from "./CodeList.ts"

/** @category models */
export const areaCodes = CodeList.make("OfferArea", "Local offer area", {
  health_and_wellbeing: "Health and well-being",
  relationships: "Relationships",
  education_and_training: "Education and training",
  employment: "Employment",
  accommodation: "Accommodation",
  participation_in_society: "Participation in society",
  financial_literacy: "Financial literacy"
})

/** @category schemas */
export const OfferArea = areaCodes.schema
export type OfferArea = typeof OfferArea.Type

/** Every area, in the order the Act lists them. @category models */
export const all: ReadonlyArray<OfferArea> = areaCodes.codes

/**
 * The six areas CSWA 2017 s2(2)(a)–(f) requires every published offer to cover.
 * @category models
 */
export const statutory: ReadonlyArray<OfferArea> = [
  "health_and_wellbeing",
  "relationships",
  "education_and_training",
  "employment",
  "accommodation",
  "participation_in_society"
]

/**
 * Where each area comes from in law, for explanations and the public page.
 * @category models
 */
export const legalBasis: Readonly<Record<OfferArea, string>> = {
  health_and_wellbeing: "Children and Social Work Act 2017 s2(2)(a)",
  relationships: "Children and Social Work Act 2017 s2(2)(b)",
  education_and_training: "Children and Social Work Act 2017 s2(2)(c)",
  employment: "Children and Social Work Act 2017 s2(2)(d)",
  accommodation: "Children and Social Work Act 2017 s2(2)(e)",
  participation_in_society: "Children and Social Work Act 2017 s2(2)(f)",
  financial_literacy:
    "Children and Social Work Act 2017 s2(2)(g), inserted by Children's Wellbeing and Schools Act 2026 s8"
}

/** @category getters */
export const label = (area: OfferArea): string => areaCodes.label(area)

/** The areas in the Act's order. @category getters */
export const order = (a: OfferArea, b: OfferArea): number => all.indexOf(a) - all.indexOf(b)

/** @category decoding */
export const decode = Schema.decodeUnknownOption(OfferArea)
