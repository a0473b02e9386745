/**
 * DfE rules 104–299: header fields, episode codes and field combinations, OC2/OC3/AD1/placed-for-adoption
 * consistency, and the checks against last year's return (202–208).
 * Each rule is a small pure check named by its DfE code; messages are our own paraphrase. Collection years are named
 * by their 31 March: a rule changed in the 2023/24 collection starts at 2024.
 */
import {
  CalendarDate,
  type CareLeaverOutcome,
  type Child,
  type Episode,
  type HealthOutcome,
  Placement,
  ReportingYear
} from "@cpo/domain"
import { Option } from "effect"
import {
  type ChildRecords,
  type Context,
  lastYearOf as childLastYear,
  episodesWhere,
  type Hit,
  hit,
  hitsWhere,
  inCollectionYear,
  noRecordCheck,
  perChild,
  perChildWith,
  type Rule,
  readable,
  rowsWhere
} from "../Rule.ts"
import type { Row } from "../Ssda903.ts"
import type * as Table from "../Table.ts"

const day = CalendarDate.make
// Dates the rules compare with, made once rather than for every row.
const april2015 = day("2015-04-01")
const october28th2023 = day("2023-10-28")
const october29th2023 = day("2023-10-29")
const ys = (ctx: Context) => ctx.yearStart
const ye = (ctx: Context) => ctx.yearEnd

type Years = Rule["years"]
const since = (from: number, to?: number): Years => (to === undefined ? { from } : { from, to })

const rowsFailing = <A>(
  table: Table.Name,
  rows: (c: ChildRecords) => ReadonlyArray<Row<A>>,
  test: (a: A, ctx: Context, row: Row<A>, c: ChildRecords) => boolean
) => perChild(rowsWhere(table, rows, test))

const some = Option.isSome
const none = Option.isNone
const value = Option.getOrUndefined

const isShortBreak = (e: Episode.Episode) => e.legalStatus === "V3" || e.legalStatus === "V4"

/** Any part of the episode falls in the collection year (an open episode runs to 31 March). */
const inYear = (e: Episode.Episode, ctx: Context) => e.start <= ye(ctx) && (none(e.end) || e.end.value >= ys(ctx))

const lastYearOf = (ctx: Context, c: ChildRecords): ChildRecords | undefined => childLastYear(c, ctx)

const previousHas = (ctx: Context, table: Table.Name) =>
  Option.isSome(ctx.previous) && ctx.previous.value.tables.has(table)

// ── Field validity (the codec reads the value; an unreadable one is the rule's failure) ─────────────────────────────

/**
 * 104 also fails a readable date before the collection year: the status is reported for children looked after this
 * year, so it cannot have ended before 1 April.
 */
const r104: Rule = {
  ...readable("104", "UASC", "DUC", "Date UASC status ceased is not a valid date"),
  check: rowsFailing(
    "UASC",
    (c) => c.uasc,
    (u, ctx) => some(u.statusCeased) && u.statusCeased.value < ys(ctx)
  )
}

/** The XML form carries a UASC flag on the child (0 or 1); the CSV form has none, so this rule only meets XML. */
const r105: Rule = {
  ...readable("105", "Header", "UASC", "UASC status of the child is not valid or not completed"),
  readErrors: [{ table: "UASC", column: "UASC" }]
}

const r112 = readable("112", "AD1", "DATE_INT", "Date the child should be placed for adoption is not a valid date")
const r113 = readable("113", "AD1", "DATE_MATCH", "Date the child was matched with adopter(s) is not a valid date")
const r114 = readable("114", "AD1", "FOSTER_CARE", "Whether adopted by former foster carer(s) is not 0 or 1")
const r115 = readable(
  "115",
  "PlacedAdoption",
  "DATE_PLACED",
  "Date of the decision that the child should be placed for adoption is not a valid date"
)
const r116 = readable(
  "116",
  "PlacedAdoption",
  "DATE_PLACED_CEASED",
  "Date of the decision that the child should no longer be placed for adoption is not a valid date"
)
const r120 = readable(
  "120",
  "PlacedAdoption",
  "REASON_PLACED_CEASED",
  "Reason the decision to place for adoption was reversed is not a valid code"
)
const r141 = readable("141", "Episodes", "DECOM", "Date the episode started is not a valid date")
const r147 = readable("147", "Episodes", "DEC", "Date the episode ceased is not a valid date")
const r166 = readable("166", "Reviews", "REVIEW", "Date of review is not a valid date or is blank")
const r167 = readable("167", "Reviews", "REVIEW_CODE", "Participation in the review is not a valid code or is blank")
const r171 = readable("171", "Header", "MC_DOB", "Date of birth of the mother's child is not a valid date")
const r175 = readable("175", "AD1", "NB_ADOPTR", "Number of adopters is not a valid code")
const r176 = readable("176", "AD1", "SEX_ADOPTR", "Sex of adopter(s) is not a valid code")
const r177 = readable("177", "AD1", "LS_ADOPTR", "Legal status of adopter(s) is not a valid code")
const r180 = readable("180", "OC2", "SDQ_SCORE", "SDQ score is not a whole number from 0 to 40")
const r196 = readable("196", "OC2", "SDQ_REASON", "Reason for no SDQ score is not a valid code")

const oc2Flags = [
  "CONVICTED",
  "HEALTH_CHECK",
  "IMMUNISATIONS",
  "TEETH_CHECK",
  "HEALTH_ASSESSMENT",
  "SUBSTANCE_MISUSE",
  "INTERVENTION_RECEIVED",
  "INTERVENTION_OFFERED"
] as const

const r181: Rule = {
  code: "181",
  message: "Health and offending items for children looked after for 12 months must be 0 or 1",
  tables: ["OC2"],
  fields: oc2Flags,
  years: since(2016),
  readErrors: oc2Flags.map((column) => ({ table: "OC2" as const, column })),
  check: noRecordCheck
}

/** A UPN is a check letter (not I, O or S), 11 digits and a digit or letter; or one of the UN1–UN5 codes. */
const upnPattern = /^(?:[A-HJ-NP-RT-Z]\d{11}[\dA-Z]|UN[1-5])$/

const r168: Rule = {
  code: "168",
  message: "UPN is not valid; when it is not known use UN1, UN2, UN3, UN4 or UN5",
  tables: ["Header"],
  fields: ["UPN"],
  years: since(2016),
  check: rowsFailing(
    "Header",
    (c) => c.header,
    (h) => some(h.upn) && !upnPattern.test(h.upn.value)
  )
}

// ── Episodes ──────────────────────────────────────────────────────────────────────────────────────────────────────

const r142: Rule = {
  code: "142",
  message: "A later episode has started but this one has no date or reason it ceased",
  tables: ["Episodes"],
  fields: ["DEC", "REC"],
  years: since(2016),
  // Episodes are held in start-date order: every episode but the last must have ended.
  check: rowsFailing(
    "Episodes",
    (c) => c.episodes,
    (e, _ctx, r, c) => r !== c.episodes[c.episodes.length - 1] && (none(e.end) || none(e.reasonCeased))
  )
}

const r148: Rule = {
  code: "148",
  message: "Date and reason the episode ceased must both be completed or both be blank",
  tables: ["Episodes"],
  fields: ["DEC", "REC"],
  years: since(2016),
  check: episodesWhere((e) => some(e.end) !== some(e.reasonCeased))
}

const temporary = new Set(["T0", "T1", "T2", "T3", "T4"])
const otherFrom2026 = ["Z11", "Z12", "Z13", "Z14"]

const noProvider = (code: string, years: Years, places: ReadonlySet<string>): Rule => ({
  code,
  message: "Placement provider should not be completed for this placement type",
  tables: ["Episodes"],
  fields: ["PLACE", "PLACE_PROVIDER"],
  years,
  check: episodesWhere((e) => places.has(e.placement) && some(e.provider))
})

const r213a = noProvider("213", since(2016, 2025), temporary)
const r213b = noProvider("213", since(2026), new Set([...temporary, ...otherFrom2026]))

const r214: Rule = {
  code: "214",
  message: "Placement postcode and URN are not needed for a short-break legal status (V3 or V4)",
  tables: ["Episodes"],
  fields: ["LS", "PL_POST", "URN"],
  years: since(2016),
  check: episodesWhere((e) => isShortBreak(e) && (some(e.placementPostcode) || some(e.urn)))
}

/** Adoption by current foster carers began with the 2015 placement codes A3/A5; earlier episodes are not checked. */
const r217: Rule = {
  code: "217",
  message:
    "A child placed for adoption with their current foster carers (A3 or A5) must have a reason for new episode of S, T or U",
  tables: ["Episodes"],
  fields: ["PLACE", "DECOM", "RNE"],
  years: since(2016),
  check: episodesWhere(
    (e) =>
      (e.placement === "A3" || e.placement === "A5") &&
      e.start >= april2015 &&
      e.reasonForNewEpisode !== "S" &&
      e.reasonForNewEpisode !== "T" &&
      e.reasonForNewEpisode !== "U"
  )
}

/** Independent living (P2) ended on 28 October 2023, when supported accommodation became Ofsted-registered. */
const r217t: Rule = {
  code: "217t",
  message: "Placement type P2 is not valid after 28 October 2023",
  tables: ["Episodes"],
  fields: ["PLACE", "DEC"],
  years: since(2024, 2024),
  check: episodesWhere((e) => e.placement === "P2" && (none(e.end) || e.end.value > october28th2023))
}

/** Where a placement postcode lies, when a postcode directory was supplied. */
const placementArea = (e: Episode.Episode, ctx: Context): string | undefined =>
  Option.isNone(ctx.area) ? undefined : value(Placement.placementLocalAuthority(e, ctx.area.value.directory))

const noUrn = "XXXXXXX"
const hasUrn = (e: Episode.Episode) => some(e.urn) && e.urn.value !== noUrn

/**
 * 230 (2023/24 only): supported accommodation (H5) in England needs its Ofsted URN from 29 October 2023. A placement
 * outside England is known only through the postcode directory.
 */
const r230: Rule = {
  code: "230",
  message: "Supported accommodation (H5) in England needs an Ofsted URN from 29 October 2023",
  tables: ["Episodes"],
  fields: ["PLACE", "URN", "DEC"],
  years: since(2024, 2024),
  check: episodesWhere((e, ctx) => {
    if (e.placement !== "H5" || hasUrn(e)) return false
    if (some(e.end) && e.end.value < october29th2023) return false
    const la = placementArea(e, ctx)
    return !(la !== undefined && /^[NWS]/.test(la))
  })
}

const urnNotExpected2016 = ["H5", "P1", "P2", "P3", "R1", "R2", "R5", "T0", "T1", "T2", "T3", "T4", "Z1"]
const urnNotExpected2024 = urnNotExpected2016.filter((p) => p !== "H5")
const urnNotExpected2025 = urnNotExpected2024.filter((p) => p !== "P2")
const urnNotExpected2026 = [...urnNotExpected2025.filter((p) => p !== "Z1"), ...otherFrom2026]

/**
 * 218: a placement open on or after 1 April, of a type Ofsted registers, in England, needs a URN (XXXXXXX when the
 * provider has none). Outside England is known only through the postcode directory. Short breaks (V3/V4) are left
 * out: rule 214 says their URN is not to be given.
 */
const urnRequired = (years: Years, exempt: ReadonlyArray<string>, outsideEngland: (la: string) => boolean): Rule => ({
  code: "218",
  message: "Ofsted URN is required for this placement",
  tables: ["Episodes"],
  fields: ["URN", "PLACE"],
  years,
  check: episodesWhere((e, ctx) => {
    if (some(e.urn) || isShortBreak(e) || exempt.includes(e.placement)) return false
    if (some(e.end) && e.end.value < ys(ctx)) return false
    const la = placementArea(e, ctx)
    return !(la !== undefined && outsideEngland(la))
  })
})

const startsOutsideEngland = (la: string) => /^[NWSC]/.test(la)
const countriesOutsideEngland = new Set(["CON", "NIR", "SCO", "WAL", "NUK"])

const r218a = urnRequired(since(2016, 2024), urnNotExpected2016, startsOutsideEngland)
const r218b = urnRequired(since(2025, 2025), urnNotExpected2025, startsOutsideEngland)
const r218c = urnRequired(since(2026), urnNotExpected2026, (la) => countriesOutsideEngland.has(la))

const urnNotRecorded = (years: Years, places: ReadonlyArray<string>): Rule => ({
  code: "222",
  message: "Ofsted URN should not be recorded for this placement type",
  tables: ["Episodes"],
  fields: ["URN", "PLACE"],
  years,
  check: episodesWhere((e) => places.includes(e.placement) && hasUrn(e))
})

const r222a = urnNotRecorded(since(2016, 2023), urnNotExpected2016)
const r222b = urnNotRecorded(since(2024, 2024), urnNotExpected2024)
const r222c = urnNotRecorded(since(2025, 2025), urnNotExpected2025)
const r222d = urnNotRecorded(since(2026), urnNotExpected2026)

/** The reason for a placement change belongs to the episode that ended; a temporary move (T0–T4) is no change. */
const reasonNotRequired = (years: Years, message: string): Rule => ({
  code: "226",
  message,
  tables: ["Episodes"],
  fields: ["REASON_PLACE_CHANGE", "PLACE"],
  years,
  check: perChild((c) =>
    hitsWhere("Episodes", c.episodes, c.childId, (r, i) => {
      if (!temporary.has(r.value.placement)) return false
      const before = c.episodes[i - 1]
      return some(r.value.reasonPlaceChange) || (before !== undefined && some(before.value.reasonPlaceChange))
    })
  )
})

const r226a = reasonNotRequired(since(2016, 2025), "Reason for placement change is not needed")
const r226b = reasonNotRequired(since(2026), "Reason for placement change is not needed for a temporary placement")

const r233: Rule = {
  code: "233",
  message: "Reason for placement change is not needed while the episode has not ceased",
  tables: ["Episodes"],
  fields: ["DEC", "REASON_PLACE_CHANGE"],
  years: since(2026),
  check: episodesWhere((e) => none(e.end) && some(e.reasonPlaceChange))
}

const dobOf = (c: ChildRecords): CalendarDate.CalendarDate | undefined => c.header[0]?.value.dateOfBirth

const r234: Rule = {
  code: "234",
  message: "A child under 10 cannot change placement because of being taken into custody",
  tables: ["Episodes", "Header"],
  fields: ["REASON_PLACE_CHANGE", "DECOM", "DOB"],
  years: since(2026),
  check: perChild((c) => {
    const dob = dobOf(c)
    if (dob === undefined || !c.episodes.some((r) => some(r.value.reasonPlaceChange))) return undefined
    const under10 = c.episodes.filter(
      (r) => value(r.value.reasonPlaceChange) === "CUSTOD" && r.value.start < CalendarDate.addYears(dob, 10)
    )
    if (under10.length === 0) return undefined
    return [...under10.map((r) => hit("Episodes", r, c.childId)), hit("Header", c.header[0]!, c.childId)]
  })
}

const isAdoption = (e: Episode.Episode) => {
  const rec = value(e.reasonCeased)
  return rec === "E11" || rec === "E12"
}
const isAdoptionRow = (r: Row<Episode.Episode>) => isAdoption(r.value)

const r199: Rule = {
  code: "199",
  message: "The episodes show the child has already been adopted from care (this and last year's returns only)",
  tables: ["Episodes"],
  fields: ["REC"],
  years: since(2016),
  check: perChild((c, ctx) => {
    if (c.episodes.length === 0) return undefined
    const last = lastYearOf(ctx, c)?.episodes ?? []
    if (!c.episodes.some(isAdoptionRow) && !last.some(isAdoptionRow)) return undefined
    // Last year's episodes first, so that on a shared start date the earlier return's adoption comes first.
    const all = [...last.map((r) => ({ r, now: false })), ...c.episodes.map((r) => ({ r, now: true }))].sort((a, b) =>
      a.r.value.start < b.r.value.start ? -1 : a.r.value.start > b.r.value.start ? 1 : 0
    )
    let adoptions = 0
    const out: Array<Hit> = []
    for (const { r, now } of all) {
      const adopted = isAdoption(r.value)
      if (adopted) adoptions++
      if (now && adoptions > 0 && !(adopted && adoptions === 1)) out.push(hit("Episodes", r, c.childId))
    }
    return out
  })
}

// ── Postcode-derived placement location (needs the postcode directory) ───────────────────────────────────────────

const locationUnknown = (code: string, message: string): Rule => ({
  code,
  message,
  tables: ["Episodes"],
  fields: ["PL_POST"],
  years: since(2016),
  needs: ["postcodes"],
  check: episodesWhere((e, ctx) => !isShortBreak(e) && placementArea(e, ctx) === undefined)
})

const r169 = locationUnknown(
  "169",
  "Local authority of the placement is not known: check a valid placement postcode has been entered"
)
const r179 = locationUnknown("179", "Placement location (in or out of the council's area) cannot be derived")

/**
 * Children who were UASC this year or last year are left out: their home postcode may be abroad or unknown. (Last
 * year's UASC rows are seen only once the validator indexes last year's UASC table; today it indexes episodes only.)
 */
const r164: Rule = {
  code: "164",
  message: "Distance from home to placement is not valid: check valid postcodes have been entered",
  tables: ["Episodes"],
  fields: ["HOME_POST", "PL_POST"],
  years: since(2016),
  needs: ["postcodes"],
  check: perChild((c, ctx) => {
    if (Option.isNone(ctx.area) || c.uasc.length > 0 || (lastYearOf(ctx, c)?.uasc.length ?? 0) > 0) return undefined
    const directory = ctx.area.value.directory
    return hitsWhere("Episodes", c.episodes, c.childId, (r) => {
      if (isShortBreak(r.value)) return false
      const home = Option.flatMap(r.value.homePostcode, directory.lookup)
      const placed = Option.flatMap(r.value.placementPostcode, directory.lookup)
      if (Option.isNone(home) || Option.isNone(placed)) return false
      const miles =
        Math.hypot(home.value.easting - placed.value.easting, home.value.northing - placed.value.northing) /
        1000 /
        1.6093
      return !(miles >= 0 && Math.round(miles * 10) / 10 <= 999.9)
    })
  })
}

// ── Header ────────────────────────────────────────────────────────────────────────────────────────────────────────

/** 174: SEX is checked as spelled, 1 (male) up to 2023/24 and M from 2024/25. */
const r174a: Rule = {
  code: "174",
  message: "Date of birth of the mother's child is recorded but the child's gender is male",
  tables: ["Header"],
  fields: ["SEX", "MC_DOB"],
  years: since(2016, 2024),
  check: rowsFailing(
    "Header",
    (c) => c.header,
    (h, _ctx, r) => some(h.motherChildDateOfBirth) && r.raw?.SEX === "1"
  )
}
const r174b: Rule = {
  ...r174a,
  message: "Date of birth of the mother's child is recorded but the child's sex is male",
  years: since(2025),
  check: rowsFailing(
    "Header",
    (c) => c.header,
    (h, _ctx, r) => some(h.motherChildDateOfBirth) && r.raw?.SEX === "M"
  )
}

const anyCareLeaverData = (o: CareLeaverOutcome.CareLeaverOutcome) =>
  some(o.inTouch) || some(o.activity) || some(o.accommodation)

/**
 * 165: MOTHER must be 0 or 1 (the codec reads it), is not for a male child, and must be given for a female child
 * looked after in the year; a young woman with no episode in the year is excused when she is in the care-leaver
 * (OC3) return instead. Children with no episode outside short breaks are not checked.
 */
const r165: Rule = {
  code: "165",
  message: "Mother status is not valid, is given for a male child, or is missing for a female child",
  tables: ["Header", "Episodes"],
  fields: ["MOTHER", "SEX"],
  years: since(2016),
  readErrors: [{ table: "Header", column: "MOTHER" }],
  check: rowsFailing(
    "Header",
    (c) => c.header,
    (h, ctx, _r, c) => {
      if (h.sex === "male" ? none(h.mother) : h.sex !== "female" || some(h.mother)) return false
      if (!c.episodes.some((e) => !isShortBreak(e.value))) return false
      if (h.sex === "male") return true
      return (
        c.episodes.some((e) => !isShortBreak(e.value) && inYear(e.value, ctx)) ||
        !c.careLeavers.some((o) => anyCareLeaverData(o.value))
      )
    }
  )
}

const schoolAgeReference = (ctx: Context) => CalendarDate.unsafeFromParts(CalendarDate.year(ys(ctx)) - 1, 8, 31)

/** DfE: a child aged 4 by 31 August of the year before the collection year began is of school age. */
const r209: Rule = {
  code: "209",
  message: "Child is of school age and should not have the unknown UPN code UN1",
  tables: ["Header"],
  fields: ["UPN", "DOB"],
  years: since(2016),
  check: rowsFailing(
    "Header",
    (c) => c.header,
    (h, ctx) => value(h.upn) === "UN1" && CalendarDate.addYears(h.dateOfBirth, 4) <= schoolAgeReference(ctx)
  )
}

/** DfE's wording of the check: with UN4, no episode may start on or after 24 March of the year's end. */
const r210: Rule = {
  code: "210",
  message: "A child looked after for more than a week at 31 March should not have the unknown UPN code UN4",
  tables: ["Header", "Episodes"],
  fields: ["UPN", "DECOM"],
  years: since(2016),
  check: perChild((c, ctx) => {
    const h = c.header[0]
    if (h === undefined || value(h.value.upn) !== "UN4") return undefined
    const from = CalendarDate.unsafeFromParts(ctx.year, 3, 24)
    const late = c.episodes.filter((r) => r.value.start >= from)
    if (late.length === 0) return undefined
    return [...late.map((r) => hit("Episodes", r, c.childId)), hit("Header", h, c.childId)]
  })
}

const r232: Rule = {
  code: "232",
  message: "Sex of the child or young person is recorded as unknown",
  tables: ["Header"],
  fields: ["SEX"],
  years: since(2025),
  check: rowsFailing(
    "Header",
    (c) => c.header,
    (_h, _ctx, r) => r.raw?.SEX === "U"
  )
}

/** UASC are expected to be older children; one under 11 at 31 March is worth checking. */
const r231: Rule = {
  code: "231",
  message: "An unaccompanied asylum-seeking child is under 11 at 31 March: check the date of birth",
  tables: ["Header", "UASC"],
  fields: ["DOB"],
  years: since(2025),
  check: rowsFailing(
    "Header",
    (c) => (c.uasc.length === 0 ? [] : c.header),
    (h, ctx) => h.dateOfBirth > CalendarDate.addYears(ye(ctx), -11)
  )
}

// ── Against last year's return ────────────────────────────────────────────────────────────────────────────────────

/** A Header field that must agree with last year's Header for the same child. */
const sameAsLastYear = (
  code: string,
  column: string,
  message: string,
  differs: (now: Child.Child, then: Child.Child, c: ChildRecords) => boolean
): Rule => ({
  code,
  message,
  tables: ["Header"],
  fields: [column],
  years: since(2016),
  needs: ["previous"],
  check: rowsFailing(
    "Header",
    (c) => c.header,
    (h, ctx, _r, c) => {
      const then = lastYearOf(ctx, c)?.header[0]
      return then !== undefined && differs(h, then.value, c)
    }
  )
})

/** Sex is compared as read (male, female, unknown), so the 2024/25 recoding from 1/2 to M/F is not a conflict. */
const r202 = sameAsLastYear(
  "202",
  "SEX",
  "Gender differs from the gender recorded for this child last year",
  (a, b) => a.sex !== b.sex
)
const r203 = sameAsLastYear(
  "203",
  "DOB",
  "Date of birth differs from the date of birth recorded for this child last year",
  (a, b) => a.dateOfBirth !== b.dateOfBirth
)
const r204 = sameAsLastYear(
  "204",
  "ETHNIC",
  "Ethnic origin differs from the ethnic origin recorded for this child last year",
  (a, b) => a.ethnicity !== b.ethnicity
)
const r207 = sameAsLastYear(
  "207",
  "MOTHER",
  "Mother status differs from last year's, which recorded the child as a mother",
  (a, b, c) => value(b.mother) === true && value(a.mother) !== true && c.episodes.length > 0
)

const unknownUpn = new Set(["UN1", "UN2", "UN3", "UN4", "UN5"])

/**
 * 208: a UPN may change only from unknown (blank or a UN code) to known, or from UN1/blank to UN2–UN5; any other change
 * disagrees with last year's.
 */
const upnChangeAllowed = (now: string | undefined, then: string | undefined): boolean => {
  if (now === then) return true
  const nowUnknown = now === undefined || unknownUpn.has(now)
  const thenUnknown = then === undefined || unknownUpn.has(then)
  if (thenUnknown && !nowUnknown) return true
  return (then === undefined || then === "UN1") && now !== undefined && now !== "UN1" && unknownUpn.has(now)
}

const r208 = sameAsLastYear(
  "208",
  "UPN",
  "UPN differs from the UPN recorded for this child last year",
  (a, b) => !upnChangeAllowed(value(a.upn), value(b.upn))
)

// ── UASC across the two years (205A–D) ────────────────────────────────────────────────────────────────────────────
// The CSV form has no UASC flag: a child is UASC in a year when that year's UASC table has a row for them (the same
// reading the peer validator makes of CSV returns).

const uascRule = (
  code: string,
  message: string,
  check: (c: ChildRecords, ctx: Context) => Array<Hit> | undefined
): Rule => ({
  code,
  message,
  tables: ["UASC", "Header"],
  fields: ["DUC"],
  years: since(2016),
  needs: ["previous"],
  check: perChildWith((ctx) => (previousHas(ctx, "UASC") ? check : undefined))
})

const withinYear = (d: CalendarDate.CalendarDate, year: number) => ReportingYear.includes(ReportingYear.make(year), d)

/** 205A: UASC last year and not this year, so the status must have ceased during last year. */
const r205A = uascRule(
  "205A",
  "Child was UASC last year and is not this year, but last year's date UASC ceased is not in last year",
  (c, ctx) => {
    const then = lastYearOf(ctx, c)?.uasc[0]
    if (then === undefined || c.uasc.length > 0 || c.header.length === 0) return undefined
    const ceased = then.value.statusCeased
    return some(ceased) && withinYear(ceased.value, ctx.year - 1)
      ? undefined
      : c.header.map((r) => hit("Header", r, c.childId))
  }
)

/**
 * 205B: UASC in both years. Status ends at 18 at the latest, and DfE records that date, so last year's DUC must be the
 * 18th birthday, and this year's must fall in this year or repeat last year's.
 */
const r205B = uascRule("205B", "Child is UASC in both years, but the dates UASC ceased do not support it", (c, ctx) => {
  const then = lastYearOf(ctx, c)?.uasc[0]
  if (then === undefined) return undefined
  const lastDuc = value(then.value.statusCeased)
  const eighteenth = CalendarDate.addYears(then.value.dateOfBirth, 18)
  const out: Array<Hit> = []
  for (const r of c.uasc) {
    const duc = value(r.value.statusCeased)
    const nowOk = (duc !== undefined && withinYear(duc, ctx.year)) || duc === lastDuc
    if (!nowOk || lastDuc !== eighteenth) {
      out.push(hit("UASC", r, c.childId))
      for (const h of c.header) out.push(hit("Header", h, c.childId))
    }
  }
  return out
})

/** 205D: UASC this year, in last year's return, but not UASC there. */
const r205D = uascRule("205D", "Child is UASC this year but was not recorded as UASC last year", (c, ctx) => {
  const last = lastYearOf(ctx, c)
  if (c.uasc.length === 0 || last === undefined || last.header.length === 0 || last.uasc.length > 0) return undefined
  return c.header.map((r) => hit("Header", r, c.childId))
})

// ── OC2 (children looked after for 12 months) ─────────────────────────────────────────────────────────────────────

const oc2Rule = (
  code: string,
  message: string,
  fields: ReadonlyArray<string>,
  test: (h: HealthOutcome.HealthOutcome, ctx: Context, c: ChildRecords) => boolean,
  tables: ReadonlyArray<Table.Name> = ["OC2"]
): Rule => ({
  code,
  message,
  tables,
  fields,
  years: since(2016),
  check: rowsFailing(
    "OC2",
    (c) => c.healthOutcomes,
    (h, ctx, _r, c) => test(h, ctx, c)
  )
})

const r157 = oc2Rule(
  "157",
  "Child aged 4 or over at the start of the year and 16 or under at its end has SDQ1 (outside the age range) as the reason for no SDQ score",
  ["SDQ_REASON", "SDQ_SCORE", "DOB"],
  (h, ctx, c) =>
    none(h.sdqScore) &&
    value(h.sdqReason) === "SDQ1" &&
    CalendarDate.addYears(h.dateOfBirth, 4) <= ys(ctx) &&
    CalendarDate.addYears(h.dateOfBirth, 16) >= ye(ctx) &&
    c.inOc2Cohort,
  ["OC2", "Episodes"]
)

const r158 = oc2Rule(
  "158",
  "A substance misuse intervention was received, so whether one was offered should be blank",
  ["INTERVENTION_RECEIVED", "INTERVENTION_OFFERED"],
  (h) => value(h.interventionReceived) === true && some(h.interventionOffered)
)

const r159 = oc2Rule(
  "159",
  "No substance misuse intervention was received, so whether one was offered must be completed",
  ["SUBSTANCE_MISUSE", "INTERVENTION_RECEIVED", "INTERVENTION_OFFERED"],
  (h) => value(h.substanceMisuse) === true && value(h.interventionReceived) === false && none(h.interventionOffered)
)

const r182 = oc2Rule(
  "182",
  "Immunisations, teeth check, health assessment and substance misuse must all be completed, or every OC2 item left blank",
  ["IMMUNISATIONS", "TEETH_CHECK", "HEALTH_ASSESSMENT", "SUBSTANCE_MISUSE"],
  (h) =>
    (none(h.immunisations) || none(h.teethCheck) || none(h.healthAssessment) || none(h.substanceMisuse)) &&
    (some(h.convicted) || some(h.healthCheck) || some(h.interventionReceived) || some(h.interventionOffered))
)

const r185 = oc2Rule(
  "185",
  "Child has not been looked after continuously for 12 months at 31 March but has an SDQ score",
  ["SDQ_SCORE"],
  (h, _ctx, c) => some(h.sdqScore) && !c.inOc2Cohort,
  ["OC2", "Episodes"]
)

const r186 = oc2Rule(
  "186",
  "Child aged 4 or over at the start of the year and under 17 at its end, looked after for 12 months, needs an SDQ score or a reason for none",
  ["SDQ_SCORE", "SDQ_REASON"],
  (h, ctx, c) =>
    none(h.sdqScore) &&
    none(h.sdqReason) &&
    CalendarDate.addYears(h.dateOfBirth, 4) <= ys(ctx) &&
    CalendarDate.addYears(h.dateOfBirth, 17) > ye(ctx) &&
    c.inOc2Cohort,
  ["OC2", "Episodes"]
)

const r189 = oc2Rule(
  "189",
  "Young person aged 17 or over at the start of the year has an SDQ score or a reason for none",
  ["SDQ_SCORE", "SDQ_REASON"],
  (h, ctx) => (some(h.sdqScore) || some(h.sdqReason)) && CalendarDate.addYears(h.dateOfBirth, 17) < ys(ctx)
)

const r192 = oc2Rule(
  "192",
  "A substance misuse problem is recorded but whether an intervention was received is blank",
  ["SUBSTANCE_MISUSE", "INTERVENTION_RECEIVED"],
  (h) => value(h.substanceMisuse) === true && none(h.interventionReceived)
)

const r193 = oc2Rule(
  "193",
  "No substance misuse problem is recorded but whether an intervention was offered or received is completed",
  ["SUBSTANCE_MISUSE", "INTERVENTION_RECEIVED", "INTERVENTION_OFFERED"],
  (h) => value(h.substanceMisuse) !== true && (some(h.interventionReceived) || some(h.interventionOffered))
)

const r197a = oc2Rule(
  "197a",
  "A reason for no SDQ score is not needed when the SDQ score is completed",
  ["SDQ_SCORE", "SDQ_REASON"],
  (h) => some(h.sdqScore) && some(h.sdqReason)
)

const r197B = oc2Rule(
  "197B",
  "A child turning 4 or 17 in the year, looked after for 12 months, needs an SDQ score or a reason for none",
  ["SDQ_SCORE", "SDQ_REASON"],
  (h, ctx, c) => {
    if (some(h.sdqScore) || some(h.sdqReason)) return false
    const turns = (n: number) => inCollectionYear(ctx, CalendarDate.addYears(h.dateOfBirth, n))
    return (turns(4) || turns(17)) && c.inOc2Cohort
  },
  ["OC2", "Episodes"]
)

const r198 = oc2Rule(
  "198",
  "Child has not been looked after continuously for 12 months at 31 March but has a reason for no SDQ score",
  ["SDQ_REASON"],
  (h, _ctx, c) => some(h.sdqReason) && !c.inOc2Cohort,
  ["OC2", "Episodes"]
)

const anyOc2Item = (h: HealthOutcome.HealthOutcome) =>
  some(h.convicted) ||
  some(h.healthCheck) ||
  some(h.immunisations) ||
  some(h.teethCheck) ||
  some(h.healthAssessment) ||
  some(h.substanceMisuse) ||
  some(h.interventionReceived) ||
  some(h.interventionOffered)

const r215: Rule = {
  code: "215",
  message: "Child has care-leaver information but items for children looked after for 12 months are also completed",
  tables: ["OC3", "OC2"],
  fields: ["IN_TOUCH", "ACTIV", "ACCOM", ...oc2Flags],
  years: since(2016),
  check: perChild((c) => {
    if (c.careLeavers.length === 0 || c.healthOutcomes.length === 0) return undefined
    const oc3 = c.careLeavers.filter((r) => anyCareLeaverData(r.value))
    const oc2 = c.healthOutcomes.filter((r) => anyOc2Item(r.value))
    if (oc3.length === 0 || oc2.length === 0) return undefined
    return [...oc3.map((r) => hit("OC3", r, c.childId)), ...oc2.map((r) => hit("OC2", r, c.childId))]
  })
}

// ── OC3, AD1 and placed for adoption ──────────────────────────────────────────────────────────────────────────────

const adoptionItems = (c: ChildRecords) =>
  c.adoptions.map((r) => {
    const a = r.value
    const filled = [
      a.bestInterestDecision,
      a.matched,
      a.byFormerFosterCarer,
      a.numberOfAdopters,
      a.adopterSex,
      a.adopterLegalStatus
    ].filter((o: Option.Option<unknown>) => some(o)).length
    return { r, filled }
  })

const r151: Rule = {
  code: "151",
  message: "The adoption items must all be completed or all be left blank",
  tables: ["AD1"],
  fields: ["DATE_INT", "DATE_MATCH", "FOSTER_CARE", "NB_ADOPTR", "SEX_ADOPTR", "LS_ADOPTR"],
  years: since(2016),
  check: perChild((c) =>
    c.adoptions.length === 0
      ? undefined
      : adoptionItems(c)
          .filter(({ filled }) => filled > 0 && filled < 6)
          .map(({ r }) => hit("AD1", r, c.childId))
  )
}

const r153: Rule = {
  code: "153",
  message: "The care-leaver items (in touch, activity, accommodation) must all be completed or all be left blank",
  tables: ["OC3"],
  fields: ["IN_TOUCH", "ACTIV", "ACCOM"],
  years: since(2016),
  check: rowsFailing(
    "OC3",
    (c) => c.careLeavers,
    (o) => {
      const filled = [o.inTouch, o.activity, o.accommodation].filter(some).length
      return filled > 0 && filled < 3
    }
  )
}

const r134: Rule = {
  code: "134",
  message: "Adoption data should not be completed for a child in the care-leaver (OC3) return",
  tables: ["OC3", "AD1"],
  fields: [
    "IN_TOUCH",
    "ACTIV",
    "ACCOM",
    "DATE_INT",
    "DATE_MATCH",
    "FOSTER_CARE",
    "NB_ADOPTR",
    "SEX_ADOPTR",
    "LS_ADOPTR"
  ],
  years: since(2016),
  check: perChild((c) => {
    if (c.adoptions.length === 0 || !c.careLeavers.some((r) => anyCareLeaverData(r.value))) return undefined
    return adoptionItems(c)
      .filter(({ filled }) => filled > 0)
      .map(({ r }) => hit("AD1", r, c.childId))
  })
}

const r187: Rule = {
  code: "187",
  message: "Child looked after continuously for 12 months at 31 March cannot have adoption or care-leaver data",
  tables: ["Episodes"],
  fields: [
    "DATE_INT",
    "DATE_MATCH",
    "FOSTER_CARE",
    "NB_ADOPTR",
    "SEX_ADOPTR",
    "LS_ADOPTR",
    "IN_TOUCH",
    "ACTIV",
    "ACCOM"
  ],
  years: since(2016),
  check: perChild((c) => {
    if (c.adoptions.length === 0 && c.careLeavers.length === 0) return undefined
    if (!c.inOc2Cohort) return undefined
    return [
      ...adoptionItems(c)
        .filter(({ filled }) => filled > 0)
        .map(({ r }) => hit("AD1", r, c.childId)),
      ...(hitsWhere("OC3", c.careLeavers, c.childId, (r) => anyCareLeaverData(r.value)) ?? [])
    ]
  })
}

const r119: Rule = {
  code: "119",
  message:
    "When a child should no longer be placed for adoption, both the date and the reason for that decision are needed",
  tables: ["PlacedAdoption"],
  fields: ["DATE_PLACED_CEASED", "REASON_PLACED_CEASED"],
  years: since(2016),
  check: rowsFailing(
    "PlacedAdoption",
    (c) => c.placedForAdoption,
    (p) => some(p.ceased) !== some(p.reasonCeased)
  )
}

const r184: Rule = {
  code: "184",
  message: "Date of the decision that the child should be placed for adoption is before the child was born",
  tables: ["PlacedAdoption", "Header"],
  fields: ["DATE_PLACED", "DOB"],
  years: since(2016),
  check: perChild((c) => {
    const dob = dobOf(c)
    if (dob === undefined) return undefined
    return hitsWhere("PlacedAdoption", c.placedForAdoption, c.childId, (r) => r.value.decision < dob)
  })
}

const byStart = <A extends { readonly start: CalendarDate.CalendarDate }>(a: Row<A>, b: Row<A>) =>
  a.value.start < b.value.start ? -1 : a.value.start > b.value.start ? 1 : 0

/**
 * 117: the decisions to place (or no longer place) for adoption cannot be after 31 March, nor after the child ceased to
 * be looked after (the latest episode not ending in a new episode, X1).
 */
const r117: Rule = {
  code: "117",
  message:
    "Date of a decision on placing for adoption is after the end of the year or after the child ceased to be looked after",
  tables: ["Episodes", "PlacedAdoption"],
  fields: ["DATE_PLACED", "DATE_PLACED_CEASED", "DEC", "REC"],
  years: since(2016),
  check: perChild((c, ctx) => {
    if (c.placedForAdoption.length === 0) return undefined
    const last = c.episodes
      .filter((r) => value(r.value.reasonCeased) !== "X1")
      .sort(byStart)
      .at(-1)
    if (last === undefined) return undefined
    const ceased = value(last.value.end)
    const late = (d: CalendarDate.CalendarDate | undefined) =>
      d !== undefined && (d > ye(ctx) || (ceased !== undefined && d > ceased))
    const bad = c.placedForAdoption.filter((r) => late(r.value.decision) || late(value(r.value.ceased)))
    if (bad.length === 0) return undefined
    return [...bad.map((r) => hit("PlacedAdoption", r, c.childId)), hit("Episodes", last, c.childId)]
  })
}

/**
 * 118: the decision that a child should no longer be placed for adoption cannot be before the year began, nor before
 * the child's first episode outside short breaks.
 */
const r118: Rule = {
  code: "118",
  message:
    "Date of the decision that the child should no longer be placed for adoption is before the year began or before the child started to be looked after",
  tables: ["Episodes", "PlacedAdoption"],
  fields: ["DATE_PLACED_CEASED", "DECOM", "LS"],
  years: since(2016),
  check: perChild((c, ctx) => {
    if (c.placedForAdoption.length === 0) return undefined
    const first = c.episodes.filter((r) => !isShortBreak(r.value)).sort(byStart)[0]
    if (first === undefined) return undefined
    const bad = c.placedForAdoption.filter((r) => {
      const d = value(r.value.ceased)
      return d !== undefined && (d < first.value.start || d < ys(ctx))
    })
    if (bad.length === 0) return undefined
    return [...bad.map((r) => hit("PlacedAdoption", r, c.childId)), hit("Episodes", first, c.childId)]
  })
}

/** Rules written and tested but not yet in force here (none at present). @category rules */
export const pending: ReadonlyArray<Rule> = []

/** The rules of this module, every year's version. @category rules */
export const all: ReadonlyArray<Rule> = [
  r104,
  r118,
  r202,
  r203,
  r204,
  r205A,
  r205B,
  r205D,
  r207,
  r208,
  r105,
  r112,
  r113,
  r114,
  r115,
  r116,
  r117,
  r119,
  r120,
  r134,
  r141,
  r142,
  r147,
  r148,
  r151,
  r153,
  r157,
  r158,
  r159,
  r164,
  r165,
  r166,
  r167,
  r168,
  r169,
  r171,
  r174a,
  r174b,
  r175,
  r176,
  r177,
  r179,
  r180,
  r181,
  r182,
  r184,
  r185,
  r186,
  r187,
  r189,
  r192,
  r193,
  r196,
  r197a,
  r197B,
  r198,
  r199,
  r209,
  r210,
  r213a,
  r213b,
  r214,
  r215,
  r217,
  r217t,
  r218a,
  r218b,
  r218c,
  r222a,
  r222b,
  r222c,
  r222d,
  r226a,
  r226b,
  r230,
  r231,
  r232,
  r233,
  r234
]
