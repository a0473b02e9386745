/**
 * Writing a return as the 903 CSV file set (ssda903.md §2): one file per supplied table, the header row spelled as
 * the spec spells it for the collection year, dates `dd/mm/yyyy`, flags `0`/`1`, SEX `1`/`2` up to collection year
 * 2024 and `M`/`F`/`U` from 2025, blank cells for absent values, RFC 4180 quoting and CRLF line ends.
 */
import { CalendarDate, type Child, type MissingEpisode, type PreviousPermanence, type Return } from "@cpo/domain"
import { Option } from "effect"

/** @category models */
export interface CsvFile {
  readonly name: string
  readonly content: string
}

type Cell = string | number | boolean | null | Option.Option<string | number | boolean>

/** A column: its 903 name and how to read it from a record. */
type Column<A> = readonly [name: string, value: (row: A) => Cell]

const needsQuotes = /[",\r\n]/

/** RFC 4180: a field holding a comma, quote or line break is quoted, its quotes doubled. @category encoding */
export const quote = (s: string): string => (needsQuotes.test(s) ? `"${s.replaceAll('"', '""')}"` : s)

const cellText = (cell: Cell): string => {
  if (cell === null) return ""
  switch (typeof cell) {
    case "string":
      return quote(cell)
    case "number":
      return String(cell)
    case "boolean":
      return cell ? "1" : "0"
    default:
      return cell._tag === "None" ? "" : cellText(cell.value)
  }
}

const table = <A>(name: string, columns: ReadonlyArray<Column<A>>, rows: ReadonlyArray<A>): CsvFile => {
  const lines: Array<string> = new Array(rows.length + 1)
  lines[0] = columns.map(([c]) => c).join(",")
  const read = columns.map(([, value]) => value)
  const width = read.length
  for (let r = 0; r < rows.length; r++) {
    const row = rows[r]!
    let line = cellText(read[0]!(row))
    for (let i = 1; i < width; i++) line += `,${cellText(read[i]!(row))}`
    lines[r + 1] = line
  }
  return { name, content: `${lines.join("\r\n")}\r\n` }
}

/** `dd/mm/yyyy`. @category encoding */
export const date = (d: CalendarDate.CalendarDate | Option.Option<CalendarDate.CalendarDate>): string | null => {
  if (typeof d === "string") return CalendarDate.toDdMmYyyy(d)
  return d._tag === "Some" ? CalendarDate.toDdMmYyyy(d.value) : null
}

/**
 * `dd/mm/yyyy` through a cache: a national return writes millions of dates drawn from a few thousand days.
 */
const dateWriter = () => {
  const cache = new Map<string, string>()
  return (d: CalendarDate.CalendarDate | Option.Option<CalendarDate.CalendarDate>): string | null => {
    const iso = typeof d === "string" ? d : d._tag === "Some" ? d.value : null
    if (iso === null) return null
    const hit = cache.get(iso)
    if (hit !== undefined) return hit
    const text = CalendarDate.toDdMmYyyy(iso)
    cache.set(iso, text)
    return text
  }
}

/** SEX as the collection year codes it (ssda903.md §3.9). @category encoding */
export const sex = (s: Child.Sex, year: number): string =>
  year <= 2024 ? (s === "male" ? "1" : s === "female" ? "2" : "U") : s === "male" ? "M" : s === "female" ? "F" : "U"

/** MISSING: `M` missing, `A` away without authorisation. @category encoding */
export const missingKind = (k: MissingEpisode.MissingKind): string => (k === "missing" ? "M" : "A")

/** DATE_PERM with unknown parts written `ZZ`/`ZZZZ` (ssda903.md §2, PrevPerm). @category encoding */
export const partialDate = (d: Option.Option<PreviousPermanence.PartialDate>): string | null => {
  if (Option.isNone(d)) return null
  const part = (o: Option.Option<number>, width: number) =>
    Option.match(o, { onNone: () => "Z".repeat(width), onSome: (n) => String(n).padStart(width, "0") })
  return `${part(d.value.day, 2)}/${part(d.value.month, 2)}/${part(d.value.year, 4)}`
}

/**
 * The 903 CSV files of a return, one per supplied table (an absent table writes no file).
 * @category encoding
 */
export const toCsvFiles = (ret: Return.Return): ReadonlyArray<CsvFile> => {
  const year = ret.year
  const date = dateWriter()
  const files: Array<CsvFile> = [
    table(
      "header.csv",
      [
        ["CHILD", (c) => c.id],
        ["SEX", (c) => sex(c.sex, year)],
        ["DOB", (c) => date(c.dateOfBirth)],
        ["ETHNIC", (c) => c.ethnicity],
        ["UPN", (c) => c.upn],
        ["MOTHER", (c) => c.mother],
        ["MC_DOB", (c) => date(c.motherChildDateOfBirth)]
      ],
      ret.children
    ),
    table(
      "episodes.csv",
      [
        ["CHILD", (e) => e.childId],
        ["DECOM", (e) => date(e.start)],
        ["RNE", (e) => e.reasonForNewEpisode],
        ["LS", (e) => e.legalStatus],
        ["CIN", (e) => e.categoryOfNeed],
        ["PLACE", (e) => e.placement],
        ["PLACE_PROVIDER", (e) => e.provider],
        ["DEC", (e) => date(e.end)],
        ["REC", (e) => e.reasonCeased],
        ["REASON_PLACE_CHANGE", (e) => e.reasonPlaceChange],
        ["HOME_POST", (e) => e.homePostcode],
        ["PL_POST", (e) => e.placementPostcode],
        ["URN", (e) => e.urn]
      ],
      ret.episodes
    )
  ]
  const optional = <A>(name: string, rows: Option.Option<ReadonlyArray<A>>, columns: ReadonlyArray<Column<A>>) => {
    if (Option.isSome(rows)) files.push(table(name, columns, rows.value))
  }
  optional("reviews.csv", ret.reviews, [
    ["CHILD", (r) => r.childId],
    ["DOB", (r) => date(r.dateOfBirth)],
    ["REVIEW", (r) => date(r.date)],
    ["REVIEW_CODE", (r) => r.participation]
  ])
  optional("uasc.csv", ret.uasc, [
    ["CHILD", (u) => u.childId],
    ["SEX", (u) => sex(u.sex, year)],
    ["DOB", (u) => date(u.dateOfBirth)],
    ["DUC", (u) => date(u.statusCeased)]
  ])
  optional("oc2.csv", ret.healthOutcomes, [
    ["CHILD", (o) => o.childId],
    ["DOB", (o) => date(o.dateOfBirth)],
    ["SDQ_SCORE", (o) => o.sdqScore],
    ["SDQ_REASON", (o) => o.sdqReason],
    ["CONVICTED", (o) => o.convicted],
    ["HEALTH_CHECK", (o) => o.healthCheck],
    ["IMMUNISATIONS", (o) => o.immunisations],
    ["TEETH_CHECK", (o) => o.teethCheck],
    ["HEALTH_ASSESSMENT", (o) => o.healthAssessment],
    ["SUBSTANCE_MISUSE", (o) => o.substanceMisuse],
    ["INTERVENTION_RECEIVED", (o) => o.interventionReceived],
    ["INTERVENTION_OFFERED", (o) => o.interventionOffered]
  ])
  optional("oc3.csv", ret.careLeavers, [
    ["CHILD", (o) => o.childId],
    ["DOB", (o) => date(o.dateOfBirth)],
    ["IN_TOUCH", (o) => o.inTouch],
    ["ACTIV", (o) => o.activity],
    ["ACCOM", (o) => o.accommodation]
  ])
  optional("ad1.csv", ret.adoptions, [
    ["CHILD", (a) => a.childId],
    ["DOB", (a) => date(a.dateOfBirth)],
    ["DATE_INT", (a) => date(a.bestInterestDecision)],
    ["DATE_MATCH", (a) => date(a.matched)],
    ["FOSTER_CARE", (a) => a.byFormerFosterCarer],
    ["NB_ADOPTR", (a) => a.numberOfAdopters],
    ["SEX_ADOPTR", (a) => a.adopterSex],
    ["LS_ADOPTR", (a) => a.adopterLegalStatus]
  ])
  optional("placed_for_adoption.csv", ret.placedForAdoption, [
    ["CHILD", (p) => p.childId],
    ["DOB", (p) => date(p.dateOfBirth)],
    ["DATE_PLACED", (p) => date(p.decision)],
    ["DATE_PLACED_CEASED", (p) => date(p.ceased)],
    ["REASON_PLACED_CEASED", (p) => p.reasonCeased]
  ])
  optional("previous_permanence.csv", ret.previousPermanence, [
    ["CHILD", (p) => p.childId],
    ["DOB", (p) => date(p.dateOfBirth)],
    ["PREV_PERM", (p) => p.option],
    ["LA_PERM", (p) => p.localAuthority],
    ["DATE_PERM", (p) => partialDate(p.date)]
  ])
  optional("missing.csv", ret.missing, [
    ["CHILD", (m) => m.childId],
    ["DOB", (m) => date(m.dateOfBirth)],
    ["MISSING", (m) => missingKind(m.kind)],
    ["MIS_START", (m) => date(m.start)],
    ["MIS_END", (m) => date(m.end)]
  ])
  optional("sw_episodes.csv", ret.socialWorkerEpisodes, [
    ["CHILD", (s) => s.childId],
    ["DOB", (s) => date(s.dateOfBirth)],
    ["SW_ID", (s) => s.socialWorkerId],
    ["SW_DECOM", (s) => date(s.start)],
    ["SW_DEC", (s) => date(s.end)],
    ["SW_REASON", (s) => s.reason]
  ])
  optional("dolo.csv", ret.deprivationOfLiberty, [
    ["CHILD", (d) => d.childId],
    ["DOB", (d) => date(d.dateOfBirth)],
    ["DOLO_START", (d) => date(d.start)],
    ["DOLO_END", (d) => date(d.end)]
  ])
  return files
}
