/**
 * The 903 tables as files carry them: each table's DfE name, its columns as the spec spells them, and how one row
 * becomes a domain record. 903 column names stay in this module; the records that come out speak domain words.
 */
import {
  Adoption,
  CareLeaverOutcome,
  CategoryOfNeed,
  type Child,
  type DeprivationOfLiberty,
  type Episode,
  Ethnicity,
  HealthOutcome,
  LegalStatus,
  type MissingEpisode,
  PlacedForAdoption,
  PlacementProvider,
  PlacementType,
  PreviousPermanence,
  ReasonEpisodeCeased,
  ReasonForNewEpisode,
  ReasonPlaceChange,
  type Return,
  Review,
  SocialWorkerEpisode,
  type UnaccompaniedAsylumSeekingChild
} from "@cpo/domain"
import { type Option, Schema } from "effect"
import * as Field from "./Field.ts"

/** The DfE names of the 903 tables. @category models */
export const Name = Schema.Literals([
  "Header",
  "Episodes",
  "Reviews",
  "UASC",
  "OC2",
  "OC3",
  "AD1",
  "PlacedAdoption",
  "PrevPerm",
  "Missing",
  "SWEpisodes",
  "DoLo"
]).annotate({ identifier: "Ssda903TableName" })
export type Name = typeof Name.Type

/** The cells of one row, read by column name, recording what cannot be read. @category models */
export interface Cells {
  /** The trimmed cell, `null` when blank. */
  readonly get: (column: string) => string | null
  /** A value that must be present; records an error and returns a placeholder when it is blank or unreadable. */
  readonly required: <A>(column: string, read: Field.Reader<A>) => A
  /** A value that may be blank. */
  readonly optional: <A>(column: string, read: Field.Reader<A>) => Option.Option<A>
}

/** One table: name, columns and row decoder. @category models */
export interface Definition<A> {
  readonly name: Name
  /** The field of the domain `Return` the table fills. */
  readonly key: Return.TableName
  readonly columns: ReadonlyArray<string>
  /** Columns whose raw spelling rules need beside the domain value (SEX: 1/2 or M/F/U depending on the year). */
  readonly keepRaw: ReadonlyArray<string>
  readonly decode: (cells: Cells) => A
}

const childId = Field.text as Field.Reader<Child.ChildId>
const childIdReader: Field.Reader<Child.ChildId> = Field.freeText((raw) =>
  raw.length <= 64 ? childId(raw) : Field.invalid("a child identifier of at most 64 characters")
)

/**
 * SEX: `1`/`2` up to 2023/24, `M`/`F`/`U` from 2024/25. Both spellings are read so that no child is lost; which one
 * the year allows is rule 101's question, so the raw code is kept beside the record.
 */
const sex = Field.oneOf<Child.Sex>(
  { "1": "male", "2": "female", M: "male", F: "female", U: "unknown" },
  "1 or 2 (up to 2023/24), M, F or U (from 2024/25)"
)

const ethnicityCode = Field.code(Ethnicity.codes)
const reasonForNewEpisodeCode = Field.code(ReasonForNewEpisode.codes)
const legalStatusCode = Field.code(LegalStatus.codes)
const categoryOfNeedCode = Field.code(CategoryOfNeed.codes)
const placementTypeCode = Field.code(PlacementType.codes)
const placementProviderCode = Field.code(PlacementProvider.codes)
const reasonEpisodeCeasedCode = Field.code(ReasonEpisodeCeased.codes)
const reasonPlaceChangeCode = Field.code(ReasonPlaceChange.codes)
const reviewParticipationCode = Field.code(Review.participationCodes)
const healthOutcomeSdqReasonCode = Field.code(HealthOutcome.sdqReasonCodes)
const careLeaverOutcomeInTouchCode = Field.code(CareLeaverOutcome.inTouchCodes)
const careLeaverOutcomeActivityCode = Field.code(CareLeaverOutcome.activityCodes)
const adoptionAdopterSexCode = Field.code(Adoption.adopterSexCodes)
const adoptionAdopterLegalStatusCode = Field.code(Adoption.adopterLegalStatusCodes)
const placedForAdoptionReasonCeasedCode = Field.code(PlacedForAdoption.reasonCeasedCodes)
const previousPermanenceOptionCode = Field.code(PreviousPermanence.optionCodes)
const socialWorkerEpisodeChangeReasonCode = Field.code(SocialWorkerEpisode.changeReasonCodes)
const accommodationCode = Field.code(
  CareLeaverOutcome.accommodationCodes,
  "a letter and 1 (suitable) or 2 (not suitable), or 0; S1 and X1 are not allowed"
)

const missingKind = Field.oneOf<MissingEpisode.MissingKind>({ M: "missing", A: "away" }, "M (missing) or A (away)")
const numberOfAdopters = Field.oneOf<1 | 2>({ "1": 1, "2": 2 }, "1 or 2")

const header: Definition<Child.Child> = {
  name: "Header",
  key: "children",
  columns: ["CHILD", "SEX", "DOB", "ETHNIC", "UPN", "MOTHER", "MC_DOB"],
  keepRaw: ["SEX"],
  decode: (c) => ({
    id: c.required("CHILD", childIdReader),
    sex: c.required("SEX", sex),
    dateOfBirth: c.required("DOB", Field.date),
    ethnicity: c.required("ETHNIC", ethnicityCode),
    upn: c.optional("UPN", Field.upper),
    mother: c.optional("MOTHER", Field.flag),
    motherChildDateOfBirth: c.optional("MC_DOB", Field.date)
  })
}

const episodes: Definition<Episode.Episode> = {
  name: "Episodes",
  key: "episodes",
  columns: [
    "CHILD",
    "DECOM",
    "RNE",
    "LS",
    "CIN",
    "PLACE",
    "PLACE_PROVIDER",
    "DEC",
    "REC",
    "REASON_PLACE_CHANGE",
    "HOME_POST",
    "PL_POST",
    "URN"
  ],
  keepRaw: [],
  decode: (c) => ({
    childId: c.required("CHILD", childIdReader),
    start: c.required("DECOM", Field.date),
    reasonForNewEpisode: c.required("RNE", reasonForNewEpisodeCode),
    legalStatus: c.required("LS", legalStatusCode),
    categoryOfNeed: c.required("CIN", categoryOfNeedCode),
    placement: c.required("PLACE", placementTypeCode),
    provider: c.optional("PLACE_PROVIDER", placementProviderCode),
    end: c.optional("DEC", Field.date),
    reasonCeased: c.optional("REC", reasonEpisodeCeasedCode),
    reasonPlaceChange: c.optional("REASON_PLACE_CHANGE", reasonPlaceChangeCode),
    homePostcode: c.optional("HOME_POST", Field.upper),
    placementPostcode: c.optional("PL_POST", Field.upper),
    urn: c.optional("URN", Field.upper)
  })
}

const reviews: Definition<Review.Review> = {
  name: "Reviews",
  key: "reviews",
  columns: ["CHILD", "DOB", "REVIEW", "REVIEW_CODE"],
  keepRaw: [],
  decode: (c) => ({
    childId: c.required("CHILD", childIdReader),
    dateOfBirth: c.required("DOB", Field.date),
    date: c.required("REVIEW", Field.date),
    participation: c.required("REVIEW_CODE", reviewParticipationCode)
  })
}

const uasc: Definition<UnaccompaniedAsylumSeekingChild.UnaccompaniedAsylumSeekingChild> = {
  name: "UASC",
  key: "uasc",
  columns: ["CHILD", "SEX", "DOB", "DUC"],
  keepRaw: ["SEX"],
  decode: (c) => ({
    childId: c.required("CHILD", childIdReader),
    sex: c.required("SEX", sex),
    dateOfBirth: c.required("DOB", Field.date),
    statusCeased: c.optional("DUC", Field.date)
  })
}

const oc2: Definition<HealthOutcome.HealthOutcome> = {
  name: "OC2",
  key: "healthOutcomes",
  columns: [
    "CHILD",
    "DOB",
    "SDQ_SCORE",
    "SDQ_REASON",
    "CONVICTED",
    "HEALTH_CHECK",
    "IMMUNISATIONS",
    "TEETH_CHECK",
    "HEALTH_ASSESSMENT",
    "SUBSTANCE_MISUSE",
    "INTERVENTION_RECEIVED",
    "INTERVENTION_OFFERED"
  ],
  keepRaw: [],
  decode: (c) => ({
    childId: c.required("CHILD", childIdReader),
    dateOfBirth: c.required("DOB", Field.date),
    sdqScore: c.optional("SDQ_SCORE", Field.integer(0, 40)),
    sdqReason: c.optional("SDQ_REASON", healthOutcomeSdqReasonCode),
    convicted: c.optional("CONVICTED", Field.flag),
    healthCheck: c.optional("HEALTH_CHECK", Field.flag),
    immunisations: c.optional("IMMUNISATIONS", Field.flag),
    teethCheck: c.optional("TEETH_CHECK", Field.flag),
    healthAssessment: c.optional("HEALTH_ASSESSMENT", Field.flag),
    substanceMisuse: c.optional("SUBSTANCE_MISUSE", Field.flag),
    interventionReceived: c.optional("INTERVENTION_RECEIVED", Field.flag),
    interventionOffered: c.optional("INTERVENTION_OFFERED", Field.flag)
  })
}

const oc3: Definition<CareLeaverOutcome.CareLeaverOutcome> = {
  name: "OC3",
  key: "careLeavers",
  columns: ["CHILD", "DOB", "IN_TOUCH", "ACTIV", "ACCOM"],
  keepRaw: [],
  decode: (c) => ({
    childId: c.required("CHILD", childIdReader),
    dateOfBirth: c.required("DOB", Field.date),
    inTouch: c.optional("IN_TOUCH", careLeaverOutcomeInTouchCode),
    activity: c.optional("ACTIV", careLeaverOutcomeActivityCode),
    accommodation: c.optional("ACCOM", accommodationCode)
  })
}

const ad1: Definition<Adoption.Adoption> = {
  name: "AD1",
  key: "adoptions",
  columns: ["CHILD", "DOB", "DATE_INT", "DATE_MATCH", "FOSTER_CARE", "NB_ADOPTR", "SEX_ADOPTR", "LS_ADOPTR"],
  keepRaw: [],
  decode: (c) => ({
    childId: c.required("CHILD", childIdReader),
    dateOfBirth: c.required("DOB", Field.date),
    bestInterestDecision: c.optional("DATE_INT", Field.date),
    matched: c.optional("DATE_MATCH", Field.date),
    byFormerFosterCarer: c.optional("FOSTER_CARE", Field.flag),
    numberOfAdopters: c.optional("NB_ADOPTR", numberOfAdopters),
    adopterSex: c.optional("SEX_ADOPTR", adoptionAdopterSexCode),
    adopterLegalStatus: c.optional("LS_ADOPTR", adoptionAdopterLegalStatusCode)
  })
}

const placedAdoption: Definition<PlacedForAdoption.PlacedForAdoption> = {
  name: "PlacedAdoption",
  key: "placedForAdoption",
  columns: ["CHILD", "DOB", "DATE_PLACED", "DATE_PLACED_CEASED", "REASON_PLACED_CEASED"],
  keepRaw: [],
  decode: (c) => ({
    childId: c.required("CHILD", childIdReader),
    dateOfBirth: c.required("DOB", Field.date),
    decision: c.required("DATE_PLACED", Field.date),
    ceased: c.optional("DATE_PLACED_CEASED", Field.date),
    reasonCeased: c.optional("REASON_PLACED_CEASED", placedForAdoptionReasonCeasedCode)
  })
}

const prevPerm: Definition<PreviousPermanence.PreviousPermanence> = {
  name: "PrevPerm",
  key: "previousPermanence",
  columns: ["CHILD", "DOB", "PREV_PERM", "LA_PERM", "DATE_PERM"],
  keepRaw: [],
  decode: (c) => ({
    childId: c.required("CHILD", childIdReader),
    dateOfBirth: c.required("DOB", Field.date),
    option: c.optional("PREV_PERM", previousPermanenceOptionCode),
    localAuthority: c.optional("LA_PERM", Field.upper),
    date: c.optional("DATE_PERM", Field.partialDate)
  })
}

const missing: Definition<MissingEpisode.MissingEpisode> = {
  name: "Missing",
  key: "missing",
  columns: ["CHILD", "DOB", "MISSING", "MIS_START", "MIS_END"],
  keepRaw: [],
  decode: (c) => ({
    childId: c.required("CHILD", childIdReader),
    dateOfBirth: c.required("DOB", Field.date),
    kind: c.required("MISSING", missingKind),
    start: c.required("MIS_START", Field.date),
    end: c.optional("MIS_END", Field.date)
  })
}

const swEpisodes: Definition<SocialWorkerEpisode.SocialWorkerEpisode> = {
  name: "SWEpisodes",
  key: "socialWorkerEpisodes",
  columns: ["CHILD", "DOB", "SW_ID", "SW_DECOM", "SW_DEC", "SW_REASON"],
  keepRaw: [],
  decode: (c) => ({
    childId: c.required("CHILD", childIdReader),
    dateOfBirth: c.required("DOB", Field.date),
    socialWorkerId: c.required("SW_ID", Field.upper),
    start: c.required("SW_DECOM", Field.date),
    end: c.optional("SW_DEC", Field.date),
    reason: c.optional("SW_REASON", socialWorkerEpisodeChangeReasonCode)
  })
}

const doLo: Definition<DeprivationOfLiberty.DeprivationOfLiberty> = {
  name: "DoLo",
  key: "deprivationOfLiberty",
  columns: ["CHILD", "DOB", "DOLO_START", "DOLO_END"],
  keepRaw: [],
  decode: (c) => ({
    childId: c.required("CHILD", childIdReader),
    dateOfBirth: c.required("DOB", Field.date),
    start: c.required("DOLO_START", Field.date),
    end: c.optional("DOLO_END", Field.date)
  })
}

/** Every table, in the order the spec lists them. @category models */
export const definitions: ReadonlyArray<Definition<unknown>> = [
  header,
  episodes,
  reviews,
  uasc,
  oc2,
  oc3,
  ad1,
  placedAdoption,
  prevPerm,
  missing,
  swEpisodes,
  doLo
] as ReadonlyArray<Definition<unknown>>

/** @category getters */
export const byName = (name: Name): Definition<unknown> => definitions.find((d) => d.name === name)!

/** The 903 name of a domain table. @category getters */
export const nameOf = (key: Return.TableName): Name => definitions.find((d) => d.key === key)!.name

/** Column lists keyed by the table's 903 name. @category getters */
export const columnsOf = (name: Name): ReadonlyArray<string> => byName(name).columns
