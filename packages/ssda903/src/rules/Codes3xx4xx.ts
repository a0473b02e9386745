/**
 * DfE rules 300–499 (and 3001): episode dates and chronology, reviews, legal status, UASC, OC2 and carried-over histories.
 * Each rule is a small pure check named by its DfE code; messages are our own paraphrase. Where our reading departs
 * from the peer validator (data-to-insight csc-validator-be-903) the reason is in packages/ssda903/AGREEMENT.md.
 */
import { CalendarDate, type Episode, Placement, type PlacementType } from "@cpo/domain"
import { Option } from "effect"
import {
  type ChildRecords,
  type Context,
  episodesWhere,
  type Hit,
  hit,
  hitsOn,
  hitsOnPairs,
  hitsWhere,
  inCollectionYear,
  lastYearOf,
  perChild,
  perChildWith,
  type Rule
} from "../Rule.ts"
import type { Row } from "../Ssda903.ts"
import { placementDistanceMoved, placementLa } from "./Codes5xx6xx1xxxShared.ts"

type EpisodeRow = Row<Episode.Episode>

const day = CalendarDate.make
// Dates the rules compare with, made once rather than for every row.
const childrenActCommenced = day("1991-10-14")
const december31st2005 = day("2005-12-31")
const december2005 = day("2005-12-01")
// The context carries 31 March and 1 April already written out: no date is built per row.
const ye = (ctx: Context) => ctx.yearEnd as CalendarDate.CalendarDate
const ys = (ctx: Context) => ctx.yearStart as CalendarDate.CalendarDate
const dobOf = (c: ChildRecords): CalendarDate.CalendarDate | undefined => c.header[0]?.value.dateOfBirth
const endOr = (e: Episode.Episode, fallback: CalendarDate.CalendarDate): CalendarDate.CalendarDate =>
  Option.isSome(e.end) ? e.end.value : fallback
const reasonCeased = (e: Episode.Episode): string | undefined => Option.getOrUndefined(e.reasonCeased)

const isShortBreak = (e: Episode.Episode) => e.legalStatus === "V3" || e.legalStatus === "V4"
const temporary = new Set<PlacementType.PlacementType>(["T0", "T1", "T2", "T3", "T4"])
const isTemporary = (e: Episode.Episode) => temporary.has(e.placement)
const isAdopted = (e: Episode.Episode) => {
  const rec = reasonCeased(e)
  return rec === "E11" || rec === "E12"
}

/** A rule on episodes that flags each episode matching `test`. */
const episodeRule = (
  code: string,
  message: string,
  fields: ReadonlyArray<string>,
  test: (e: Episode.Episode, ctx: Context) => boolean,
  years: Rule["years"] = { from: 2016 }
): Rule => ({
  code,
  message,
  tables: ["Episodes"],
  fields,
  years,
  check: episodesWhere(test)
})

/** A rule on episodes that needs the child's date of birth from the header. */
const episodeAgeRule = (
  code: string,
  message: string,
  fields: ReadonlyArray<string>,
  test: (e: Episode.Episode, dob: CalendarDate.CalendarDate, ctx: Context) => boolean,
  years: Rule["years"] = { from: 2016 }
): Rule => ({
  code,
  message,
  tables: ["Header", "Episodes"],
  fields,
  years,
  check: episodesWhere((e, ctx, _row, c) => {
    const dob = dobOf(c)
    return dob !== undefined && test(e, dob, ctx)
  })
})

const sameOption = <A>(a: Option.Option<A>, b: Option.Option<A>): boolean => Option.getOrNull(a) === Option.getOrNull(b)

/** Two optional postcodes are the same as the directory matches them (upper case, no spaces), or both blank. */
const samePostcodeOrBlank = (a: Option.Option<string>, b: Option.Option<string>): boolean =>
  Option.isSome(a) ? Option.isSome(b) && Placement.samePostcode(a.value, b.value) : Option.isNone(b)

// ── Header and UASC ───────────────────────────────────────────────────────────────────────────────────────────────

const r301: Rule = {
  code: "301",
  message: "Date of birth is after the end of the collection year",
  tables: ["Header"],
  fields: ["DOB"],
  years: { from: 2016 },
  check: perChild((c, ctx) => hitsWhere("Header", c.header, c.childId, (r) => r.value.dateOfBirth > ye(ctx)))
}

const r351: Rule = {
  code: "351",
  message: "Child was over 25 at the start of the collection year",
  tables: ["Header"],
  fields: ["DOB"],
  years: { from: 2016 },
  check: perChild((c, ctx) =>
    hitsWhere("Header", c.header, c.childId, (r) => ys(ctx) > CalendarDate.addYears(r.value.dateOfBirth, 25))
  )
}

const r302: Rule = {
  code: "302",
  message: "The child's first episode starts before their date of birth",
  tables: ["Header", "Episodes"],
  fields: ["DECOM", "DOB"],
  years: { from: 2016 },
  // The first episode in the return, whatever its RNE: the start of the period of care may be in an earlier year.
  check: perChild((c) => {
    const first = c.episodes[0]
    const header = c.header[0]
    if (first === undefined || header === undefined || first.value.start >= header.value.dateOfBirth) return undefined
    return [hit("Episodes", first, c.childId), hit("Header", header, c.childId)]
  })
}

const r304: Rule = {
  code: "304",
  message: "Date UASC status ceased is after the child's 18th birthday",
  tables: ["UASC"],
  fields: ["DUC"],
  years: { from: 2016 },
  check: perChild((c) =>
    hitsWhere(
      "UASC",
      c.uasc,
      c.childId,
      (r) =>
        Option.isSome(r.value.statusCeased) &&
        r.value.statusCeased.value > CalendarDate.addYears(r.value.dateOfBirth, 18)
    )
  )
}

const hasLookedAfterEpisode = (c: ChildRecords) => c.episodes.some((r) => !isShortBreak(r.value))

const motherRule = (sexCode: string, years: Rule["years"]): Rule => ({
  code: "393",
  message: `Girl looked after (SEX ${sexCode}) but MOTHER is not completed`,
  tables: ["Header", "Episodes"],
  fields: ["MOTHER"],
  years,
  check: perChild((c) =>
    hasLookedAfterEpisode(c)
      ? hitsWhere("Header", c.header, c.childId, (r) => r.raw?.SEX === sexCode && Option.isNone(r.value.mother))
      : undefined
  )
})

/** SEX is 1/2 up to 2023/24 and M/F/U from 2024/25 (rule 101), so the girls are SEX 2, then SEX F. */
const r393a = motherRule("2", { from: 2016, to: 2024 })
const r393b = motherRule("F", { from: 2025 })

const r442: Rule = {
  code: "442",
  message: "UPN is not completed for a child looked after (other than on short breaks)",
  tables: ["Header", "Episodes"],
  fields: ["UPN"],
  years: { from: 2016 },
  check: perChild((c) =>
    hasLookedAfterEpisode(c) ? hitsWhere("Header", c.header, c.childId, (r) => Option.isNone(r.value.upn)) : undefined
  )
}

/**
 * A child whose every episode is a short break (V3/V4) is not looked after in the usual sense: MOTHER and reviews are
 * not collected for them. A child with any other episode may have both.
 */
const r399: Rule = {
  code: "399",
  message: "MOTHER, review or participation completed for a child looked after only on short breaks (V3 or V4)",
  tables: ["Episodes", "Header", "Reviews"],
  fields: ["MOTHER", "LS", "REVIEW", "REVIEW_CODE"],
  years: { from: 2016 },
  check: perChild((c) => {
    if (c.episodes.length === 0 || !c.episodes.every((r) => isShortBreak(r.value))) return undefined
    const mother = c.header.some((r) => Option.isSome(r.value.mother))
    if (!mother && c.reviews.length === 0) return undefined
    return [
      ...hitsOn("Episodes", c.episodes, c.childId),
      ...hitsOn("Header", c.header, c.childId),
      ...hitsOn("Reviews", c.reviews, c.childId)
    ]
  })
}

// ── Episodes: dates ───────────────────────────────────────────────────────────────────────────────────────────────

const r353 = episodeRule(
  "353",
  "No episode may start before 14 October 1991",
  ["DECOM"],
  (e) => e.start < childrenActCommenced
)

const r354 = episodeRule(
  "354",
  "The episode starts after the end of the collection year",
  ["DECOM"],
  (e, ctx) => e.start > ye(ctx)
)

const r385 = episodeRule(
  "385",
  "The date the episode ceased is after the end of the collection year",
  ["DEC"],
  (e, ctx) => Option.isSome(e.end) && e.end.value > ye(ctx)
)

const r357: Rule = {
  code: "357",
  message:
    "The child's first episode starts in the year, so its reason for new episode must be S (started to be looked after)",
  tables: ["Episodes"],
  fields: ["RNE"],
  years: { from: 2016 },
  check: perChild((c, ctx) => {
    const first = c.episodes[0]
    if (first === undefined || first.value.start < ys(ctx) || first.value.reasonForNewEpisode === "S") return undefined
    return [hit("Episodes", first, c.childId)]
  })
}

// ── Episodes: legal status and placement ──────────────────────────────────────────────────────────────────────────

/** Looked after past their 18th birthday (before 31 March), the young person must be in a children's home under V2. */
const r359: Rule = {
  code: "359",
  message:
    "Young person looked after after their 18th birthday must be accommodated under section 20(5) (V2) in a children's home (K2)",
  tables: ["Header", "Episodes"],
  fields: ["DEC", "LS", "PLACE"],
  years: { from: 2016 },
  check: perChild((c, ctx) => {
    const dob = dobOf(c)
    if (dob === undefined || CalendarDate.addYears(dob, 18) >= ye(ctx)) return undefined
    return hitsWhere(
      "Episodes",
      c.episodes,
      c.childId,
      (r) => Option.isNone(r.value.end) && !(r.value.legalStatus === "V2" && r.value.placement === "K2")
    )
  })
}

const r366 = episodeRule(
  "366",
  "A child cannot change placement during a single short break (V3 must start a new period of care)",
  ["RNE"],
  (e) => e.legalStatus === "V3" && e.reasonForNewEpisode !== "S"
)

const r378 = episodeRule(
  "378",
  "A child placed with parents (P1) cannot be looked after under a single period of section 20 accommodation (V2)",
  ["PLACE", "LS"],
  (e) => e.placement === "P1" && e.legalStatus === "V2"
)

const r380 = episodeRule(
  "380",
  "A temporary placement (T0–T4) must follow a change of placement (RNE P or B): a period of care cannot start with one",
  ["PLACE", "RNE"],
  (e) => isTemporary(e) && e.reasonForNewEpisode !== "P" && e.reasonForNewEpisode !== "B"
)

const r381 = episodeRule(
  "381",
  "A period of care cannot end with a temporary placement (T0–T4)",
  ["PLACE", "REC"],
  (e) => isTemporary(e) && reasonCeased(e) !== undefined && reasonCeased(e) !== "X1"
)

const r382 = episodeRule(
  "382",
  "A child on short breaks (V3 or V4) cannot be in a temporary placement (T0–T4)",
  ["LS", "PLACE"],
  (e) => isShortBreak(e) && isTemporary(e)
)

const r384 = episodeRule(
  "384",
  "A child on short breaks (V3 or V4) cannot be in a long-term foster placement (U1 or U4)",
  ["PLACE", "LS"],
  (e) => isShortBreak(e) && (e.placement === "U1" || e.placement === "U4")
)

const r390 = episodeRule(
  "390",
  "Reason episode ceased is adopted but the child was not placed for adoption (A3–A6)",
  ["PLACE", "REC"],
  (e) => isAdopted(e) && !(e.placement === "A3" || e.placement === "A4" || e.placement === "A5" || e.placement === "A6")
)

const r408 = episodeRule(
  "408",
  "Child placed for adoption under a placement order (A5 or A6) but the legal status is not a placement order (E1)",
  ["PLACE", "LS"],
  (e) => (e.placement === "A5" || e.placement === "A6") && e.legalStatus !== "E1"
)

/** Freeing orders (D1) were replaced by placement orders (E1) under the Adoption and Children Act 2002, from 30 Dec 2005. */
const r445 = episodeRule(
  "445",
  "D1 (freeing order) is not a valid legal status for an episode starting after December 2005",
  ["LS", "DECOM"],
  (e) => e.legalStatus === "D1" && e.start > december31st2005,
  { from: 2016, to: 2024 }
)

const r446 = episodeRule(
  "446",
  "E1 (placement order) is not a valid legal status for an episode starting before December 2005",
  ["LS", "DECOM"],
  (e) => e.legalStatus === "E1" && e.start < december2005
)

const r451 = episodeRule(
  "451",
  "Child is still freed for adoption (D1), but freeing orders could not be applied for after 30 December 2005",
  ["DEC", "REC", "LS"],
  (e) => e.legalStatus === "D1" && Option.isNone(e.end) && Option.isNone(e.reasonCeased),
  { from: 2016, to: 2024 }
)

const r426: Rule = {
  code: "426",
  message: "A child on short breaks cannot be recorded under both V3 and V4",
  tables: ["Episodes"],
  fields: ["LS"],
  years: { from: 2016 },
  check: perChild((c) => {
    const v3 = c.episodes.some((r) => r.value.legalStatus === "V3")
    const v4 = c.episodes.some((r) => r.value.legalStatus === "V4")
    return v3 && v4 ? hitsWhere("Episodes", c.episodes, c.childId, (r) => isShortBreak(r.value)) : undefined
  })
}

// ── Episodes: minimum ages for a placement ────────────────────────────────────────────────────────────────────────

/** A placement type the child must be at least `age` to start. Open episodes count as much as ended ones. */
const minimumAge = (
  code: string,
  placement: PlacementType.PlacementType,
  age: number,
  label: string,
  years: Rule["years"] = { from: 2016 }
): Rule =>
  episodeAgeRule(
    code,
    `Child placed in ${label} (${placement}) should be at least ${age}`,
    ["DECOM", "PLACE"],
    (e, dob) => e.placement === placement && e.start < CalendarDate.addYears(dob, age),
    years
  )

const r370a = minimumAge("370", "P2", 15, "independent living", { from: 2016, to: 2023 })
const r370b = minimumAge("370", "P2", 16, "independent living", { from: 2024, to: 2024 })
const r371a = minimumAge("371", "H5", 14, "semi-independent living", { from: 2016, to: 2023 })
const r371b = minimumAge("371", "H5", 16, "semi-independent living", { from: 2024, to: 2024 })
const r371c = minimumAge("371", "K3", 16, "supported accommodation", { from: 2025 })
const r372 = minimumAge("372", "R5", 10, "youth custody or prison")
const r373 = minimumAge("373", "S1", 4, "a residential school")
const r374 = minimumAge("374", "P3", 14, "residential employment")

// ── Episodes: durations of temporary placements and short orders ──────────────────────────────────────────────────

/** A temporary placement lasting more than `maxDays`; an open one is measured to 31 March. */
const temporaryLimit = (code: string, placement: PlacementType.PlacementType, maxDays: number, label: string) =>
  episodeRule(
    code,
    `Temporary placement (${placement}: ${label}) lasted longer than ${maxDays} days`,
    ["DECOM", "DEC", "PLACE"],
    (e, ctx) => e.placement === placement && CalendarDate.daysBetween(e.start, endOr(e, ye(ctx))) > maxDays
  )

const r375 = temporaryLimit("375", "T1", 42, "hospital")
const r376 = temporaryLimit("376", "T3", 21, "usual foster carer on holiday")
const r379 = temporaryLimit("379", "T4", 7, "other reason")

/**
 * Consecutive episodes under one legal status, joined where the next starts by the day the last ended, must not
 * total more than `maxDays` (open episodes run to 31 March). Every episode of a run too long is reported.
 */
const legalStatusLimit = (code: string, legalStatus: string, maxDays: number, message: string): Rule => ({
  code,
  message,
  tables: ["Episodes"],
  fields: ["LS", "DECOM", "DEC"],
  years: { from: 2016 },
  check: perChild((c, ctx) => {
    // Most children are never under this legal status: nothing to add up, and no list made.
    let first = 0
    while (first < c.episodes.length && c.episodes[first]!.value.legalStatus !== legalStatus) first++
    if (first === c.episodes.length) return undefined
    const out: Array<Hit> = []
    let run: Array<EpisodeRow> = []
    let days = 0
    let runEnd: CalendarDate.CalendarDate | undefined
    const close = () => {
      if (days > maxDays) out.push(...hitsOn("Episodes", run, c.childId))
      run = []
      days = 0
    }
    for (let i = first; i < c.episodes.length; i++) {
      const r = c.episodes[i]!
      if (r.value.legalStatus !== legalStatus) continue
      if (runEnd === undefined || r.value.start > runEnd) close()
      const end = endOr(r.value, ye(ctx))
      run.push(r)
      days += CalendarDate.daysBetween(r.value.start, end)
      runEnd = end
    }
    close()
    return out
  })
})

const r363 = legalStatusLimit(
  "363",
  "L3",
  7,
  "Child assessment order (L3) lasted longer than the 7 days the Children Act 1989 allows"
)
const r364 = legalStatusLimit(
  "364",
  "J2",
  21,
  "Detention under PACE 1984 (J2) in council accommodation lasted longer than 21 days"
)

/**
 * Three or more temporary placements for a foster carer's holiday (T3) starting within 12 months: the episodes of every
 * such window are reported.
 */
const r377: Rule = {
  code: "377",
  message: "Only two temporary placements for a foster carer's holiday (T3) are allowed in any 12 months",
  tables: ["Episodes"],
  fields: ["PLACE"],
  years: { from: 2016 },
  check: perChild((c) => {
    const t3 = c.episodes.filter((r) => r.value.placement === "T3")
    if (t3.length < 3) return undefined
    const flagged = new Set<number>()
    for (let i = 2; i < t3.length; i++) {
      if (t3[i]!.value.start < CalendarDate.addYears(t3[i - 2]!.value.start, 1)) {
        flagged
          .add(i - 2)
          .add(i - 1)
          .add(i)
      }
    }
    return hitsWhere("Episodes", t3, c.childId, (_, i) => flagged.has(i))
  })
}

// ── Episodes: reasons ceased and ages ─────────────────────────────────────────────────────────────────────────────

const ceasedAgeRule = (
  code: string,
  message: string,
  reasons: ReadonlyArray<string>,
  wrong: (dec: CalendarDate.CalendarDate, dob: CalendarDate.CalendarDate) => boolean,
  withHeader = false
): Rule => {
  const codes = new Set(reasons)
  return {
    code,
    message,
    tables: ["Header", "Episodes"],
    fields: ["DEC", "REC"],
    years: { from: 2016 },
    check: perChild((c) => {
      const dob = dobOf(c)
      if (dob === undefined) return undefined
      let out: Array<Hit> | undefined
      for (let i = 0; i < c.episodes.length; i++) {
        const r = c.episodes[i]!
        const end = r.value.end
        if (!(codes.has(reasonCeased(r.value) ?? "") && Option.isSome(end) && wrong(end.value, dob))) continue
        out ??= []
        out.push(hit("Episodes", r, c.childId))
      }
      if (out !== undefined && withHeader) out.push(...hitsOn("Header", c.header.slice(0, 1), c.childId))
      return out
    })
  }
}

const at = (dob: CalendarDate.CalendarDate, years: number) => CalendarDate.addYears(dob, years)

const r386 = ceasedAgeRule(
  "386",
  "Reason episode ceased is adopted but the child had reached 18",
  ["E11", "E12"],
  (dec, dob) => dec >= at(dob, 18)
)
const r387 = ceasedAgeRule(
  "387",
  "Reason episode ceased is a move to independent living but the child was under 14",
  ["E5", "E6"],
  (dec, dob) => dec < at(dob, 14)
)
const r389 = ceasedAgeRule(
  "389",
  "Reason episode ceased is a transfer to adult social care but the child was under 16",
  ["E7"],
  (dec, dob) => dec < at(dob, 16)
)
const r407 = ceasedAgeRule(
  "407",
  "Reason episode ceased is a special guardianship order but the child had reached 18",
  ["E45", "E46", "E47", "E48"],
  (dec, dob) => dec > at(dob, 18),
  true
)
const r460 = ceasedAgeRule(
  "460",
  "Reason episode ceased is staying with current carers at 18 or over, but the child was under 18",
  ["E17"],
  (dec, dob) => dec < at(dob, 18)
)

// ── Episodes: sequence ────────────────────────────────────────────────────────────────────────────────────────────

/**
 * X1 (a new episode begins the same day) must be followed by an episode starting that day; any other reason means the
 * child left care, so no episode may start that day; and the last episode cannot end X1.
 */
const r388: Rule = {
  code: "388",
  message:
    "Reason episode ceased does not agree with the next episode (X1 needs an episode starting the same day; other reasons cannot have one)",
  tables: ["Episodes"],
  fields: ["REC"],
  years: { from: 2016 },
  check: perChild((c) => {
    const out: Array<Hit> = []
    c.episodes.forEach((r, i) => {
      const e = r.value
      if (Option.isNone(e.end)) return
      const rec = reasonCeased(e)
      const next = c.episodes[i + 1]
      if (next === undefined) {
        if (rec === "X1") out.push(hit("Episodes", r, c.childId))
      } else if (
        rec === "X1" ? next.value.start !== e.end.value : rec !== undefined && next.value.start === e.end.value
      ) {
        out.push(hit("Episodes", r, c.childId))
      }
    })
    return out
  })
}

const r432: Rule = {
  code: "432",
  message:
    "The child left care at the end of the previous episode but this episode's reason is not S (started to be looked after)",
  tables: ["Episodes"],
  fields: ["RNE"],
  years: { from: 2016 },
  check: perChild((c) =>
    hitsOnPairs(c, (before, after) => {
      const rec = reasonCeased(before.value)
      return rec !== undefined && rec !== "X1" && after.value.reasonForNewEpisode !== "S"
    })
  )
}

/** Same placement: type, postcode, URN and provider all unchanged (blank equals blank). */
const samePlacement = (a: Episode.Episode, b: Episode.Episode) =>
  a.placement === b.placement &&
  sameOption(a.placementPostcode, b.placementPostcode) &&
  sameOption(a.urn, b.urn) &&
  sameOption(a.provider, b.provider)

const placementFields = ["LS", "PLACE", "PL_POST", "URN", "PLACE_PROVIDER"]

const r434: Rule = {
  code: "434",
  message:
    "Reason for new episode is a change of legal status only (L), but the legal status is unchanged or the placement changed",
  tables: ["Episodes"],
  fields: ["RNE", ...placementFields],
  years: { from: 2016 },
  check: perChild((c) =>
    hitsOnPairs(
      c,
      (before, after) =>
        after.value.reasonForNewEpisode === "L" &&
        (after.value.legalStatus === before.value.legalStatus || !samePlacement(after.value, before.value))
    )
  )
}

const r435: Rule = {
  code: "435",
  message:
    "Reason for new episode is a change of placement only (P or T), but the legal status changed or the placement did not",
  tables: ["Episodes"],
  fields: placementFields,
  years: { from: 2016 },
  check: perChild((c) =>
    hitsOnPairs(
      c,
      (before, after) =>
        (after.value.reasonForNewEpisode === "P" || after.value.reasonForNewEpisode === "T") &&
        (after.value.legalStatus !== before.value.legalStatus || samePlacement(after.value, before.value))
    )
  )
}

const r436: Rule = {
  code: "436",
  message:
    "Reason for new episode is a change of both placement and legal status (B or U), but one of them did not change",
  tables: ["Episodes"],
  fields: ["RNE", ...placementFields],
  years: { from: 2016 },
  check: perChild((c) =>
    hitsOnPairs(
      c,
      (before, after) =>
        (after.value.reasonForNewEpisode === "B" || after.value.reasonForNewEpisode === "U") &&
        (after.value.legalStatus === before.value.legalStatus || samePlacement(after.value, before.value))
    )
  )
}

const r437: Rule = {
  code: "437",
  message: "Reason episode ceased is that the child died or was found to be 18 or over, but there are later episodes",
  tables: ["Episodes"],
  fields: ["REC"],
  years: { from: 2016 },
  check: perChild((c) =>
    hitsWhere("Episodes", c.episodes, c.childId, (r, i) => {
      const rec = reasonCeased(r.value)
      return (rec === "E2" || rec === "E15") && i < c.episodes.length - 1
    })
  )
}

/**
 * After a temporary placement the child must return to the placement before it: RNE P, the same placement type, and
 * from 2025/26 the same placement postcode (a blank postcode matches a blank one).
 */
const returnFromTemporary = (years: Rule["years"], samePostcode: boolean): Rule => ({
  code: "383",
  message: samePostcode
    ? "After a temporary placement the child must return to their usual placement (RNE P, same placement type and postcode)"
    : "After a temporary placement the child must return to their usual placement (RNE P, same placement type)",
  tables: ["Episodes"],
  fields: samePostcode ? ["PLACE", "RNE", "PL_POST"] : ["PLACE"],
  years,
  check: perChild((c) => {
    const out: Array<Hit> = []
    for (let i = 2; i < c.episodes.length; i++) {
      const usual = c.episodes[i - 2]!.value
      if (!isTemporary(c.episodes[i - 1]!.value)) continue
      const now = c.episodes[i]!
      const returned =
        now.value.reasonForNewEpisode === "P" &&
        now.value.placement === usual.placement &&
        (!samePostcode || samePostcodeOrBlank(now.value.placementPostcode, usual.placementPostcode))
      if (!returned) out.push(hit("Episodes", now, c.childId))
    }
    return out
  })
})

const r383a = returnFromTemporary({ from: 2016, to: 2025 }, false)
const r383b = returnFromTemporary({ from: 2026 }, true)

/**
 * A child placed with their current foster carer for adoption (A3 consent, A5 placement order) must have been in a
 * foster or adoption placement immediately before.
 */
const fosterOrAdoption = new Set(["A3", "A4", "A5", "A6", "U1", "U2", "U3", "U4", "U5", "U6"])
const r336: Rule = {
  code: "336",
  message: "Child placed for adoption with their current foster carer had no foster placement immediately before",
  tables: ["Episodes"],
  fields: ["PLACE"],
  years: { from: 2016 },
  check: perChild((c) =>
    hitsOnPairs(
      c,
      (before, after) =>
        (after.value.placement === "A3" || after.value.placement === "A5") &&
        !fosterOrAdoption.has(before.value.placement)
    )
  )
}

// ── Postcodes, distance and placement area ────────────────────────────────────────────────────────────────────────

/**
 * UASC, or formerly UASC: a UASC row this year or in last year's return. Their home postcode is not recorded, so no
 * distance can be worked out.
 */
const isUascOrFormerly = (c: ChildRecords, ctx: Context): boolean =>
  c.uasc.length > 0 || (lastYearOf(c, ctx)?.uasc.length ?? 0) > 0

const r392b: Rule = {
  code: "392b",
  message: "Child is looked after but the home or placement postcode is not recorded (children formerly UASC excepted)",
  tables: ["Episodes"],
  fields: ["HOME_POST", "PL_POST"],
  years: { from: 2016 },
  check: perChild((c, ctx) =>
    isUascOrFormerly(c, ctx)
      ? undefined
      : hitsWhere(
          "Episodes",
          c.episodes,
          c.childId,
          (r) =>
            !isShortBreak(r.value) && (Option.isNone(r.value.homePostcode) || Option.isNone(r.value.placementPostcode))
        )
  )
}

const r392d = episodeRule(
  "392d",
  "Home and placement postcodes are the same, but the child is not placed with parents (P1)",
  ["HOME_POST", "PL_POST", "PLACE"],
  (e) =>
    e.placement !== "P1" &&
    Option.isSome(e.homePostcode) &&
    Option.isSome(e.placementPostcode) &&
    Placement.samePostcode(e.homePostcode.value, e.placementPostcode.value)
)

const r398 = episodeRule(
  "398",
  "Postcodes (for the placement distance) are completed but the child is on short breaks (V3 or V4)",
  ["LS", "HOME_POST", "PL_POST"],
  (e) => isShortBreak(e) && (Option.isSome(e.homePostcode) || Option.isSome(e.placementPostcode))
)

/** A rule on episodes that needs the council's postcode directory; skipped without one. */
const areaRule = (
  code: string,
  message: string,
  fields: ReadonlyArray<string>,
  test: (e: Episode.Episode, area: Placement.AreaContext, c: ChildRecords, ctx: Context) => boolean,
  years: Rule["years"] = { from: 2016 }
): Rule => ({
  code,
  message,
  tables: ["Episodes"],
  fields,
  years,
  needs: ["postcodes"],
  check: perChildWith((ctx) => {
    if (Option.isNone(ctx.area)) return undefined
    const area = ctx.area.value
    return (c) => hitsWhere("Episodes", c.episodes, c.childId, (r) => test(r.value, area, c, ctx))
  })
})

const distance = (e: Episode.Episode, area: Placement.AreaContext) => Placement.distanceMiles(e, area.directory)
const r392a = areaRule(
  "392a",
  "Child is looked after but no placement distance can be worked out (children formerly UASC excepted)",
  ["HOME_POST", "PL_POST"],
  (e, area, c, ctx) => !isShortBreak(e) && !isUascOrFormerly(c, ctx) && Option.isNone(distance(e, area))
)

const r392c = areaRule(
  "392c",
  "Home or placement postcode is not a known postcode",
  ["HOME_POST", "PL_POST"],
  (e, area) =>
    (Option.isSome(e.homePostcode) && Option.isNone(area.directory.lookup(e.homePostcode.value))) ||
    (Option.isSome(e.placementPostcode) && Option.isNone(area.directory.lookup(e.placementPostcode.value)))
)

const r406 = areaRule(
  "406",
  "Child is or was UASC, so the placement distance should be blank (leave out the home postcode)",
  ["HOME_POST", "PL_POST"],
  (e, area, c, ctx) => isUascOrFormerly(c, ctx) && Option.isSome(distance(e, area))
)

const r420 = areaRule(
  "420",
  "Placement area can be worked out but the child is on short breaks (V3 or V4)",
  ["LS", "PL_POST"],
  (e, area) => isShortBreak(e) && placementLa(e, area) !== undefined
)

/** 999.9 is the conventional "not applicable" distance some systems write. */
const r454 = areaRule(
  "454",
  "Placement is more than 350 miles from home",
  ["HOME_POST", "PL_POST"],
  (e, area) => {
    const miles = Option.getOrUndefined(distance(e, area))
    return miles !== undefined && miles > 350 && miles !== 999.9
  },
  { from: 2026 }
)

/**
 * The first episode this year against last year's latest episode, when that one was open and both have the same RNE
 * (the same episode carried over): `differs` compares them.
 */
const carriedOverArea = (
  code: string,
  message: string,
  differs: (now: Episode.Episode, then: Episode.Episode, area: Placement.AreaContext) => boolean
): Rule => ({
  code,
  message,
  tables: ["Episodes"],
  fields: ["PL_POST", "HOME_POST"],
  years: { from: 2016 },
  needs: ["previous", "postcodes"],
  check: perChildWith((ctx) => {
    if (Option.isNone(ctx.area) || Option.isNone(ctx.previous)) return undefined
    const area = ctx.area.value
    return (c) => {
      const first = c.episodes[0]
      const then = lastYearOf(c, ctx)?.episodes.at(-1)
      if (first === undefined || then === undefined) return undefined
      if (Option.isSome(then.value.end) || then.value.reasonForNewEpisode !== first.value.reasonForNewEpisode) {
        return undefined
      }
      return differs(first.value, then.value, area) ? [hit("Episodes", first, c.childId)] : undefined
    }
  })
})

const r452 = carriedOverArea(
  "452",
  "The placement area of the first episode this year differs from last year's open episode",
  (now, then, area) => placementLa(now, area) !== placementLa(then, area)
)

const r453 = carriedOverArea(
  "453",
  "The placement distance of the first episode this year differs from last year's open episode",
  placementDistanceMoved
)

// ── Reviews ───────────────────────────────────────────────────────────────────────────────────────────────────────

const r440: Rule = {
  code: "440",
  message: "Participation code PN0 says the child was under 4 at the review, but they were 4 or over",
  tables: ["Reviews"],
  fields: ["DOB", "REVIEW", "REVIEW_CODE"],
  years: { from: 2016 },
  check: perChild((c) =>
    hitsWhere(
      "Reviews",
      c.reviews,
      c.childId,
      (r) => r.value.participation === "PN0" && CalendarDate.ageOn(r.value.dateOfBirth, r.value.date) >= 4
    )
  )
}

const r441: Rule = {
  code: "441",
  message: "Participation code says the child was 4 or over at the review, but they were under 4",
  tables: ["Reviews"],
  fields: ["DOB", "REVIEW", "REVIEW_CODE"],
  years: { from: 2016 },
  check: perChild((c) =>
    hitsWhere(
      "Reviews",
      c.reviews,
      c.childId,
      (r) => r.value.participation !== "PN0" && CalendarDate.ageOn(r.value.dateOfBirth, r.value.date) < 4
    )
  )
}

// ── Adoption (AD1) ────────────────────────────────────────────────────────────────────────────────────────────────

const r331: Rule = {
  code: "331",
  message: "Date matched with the adopter(s) is after the start of the adoptive placement",
  tables: ["AD1", "Episodes"],
  fields: ["DATE_MATCH", "DECOM", "REC"],
  years: { from: 2016 },
  check: perChild((c) => {
    if (c.adoptions.length === 0) return undefined
    const adopted = c.episodes.filter((r) => isAdopted(r.value))
    const ad1 = new Set<Row<unknown>>()
    const eps = new Set<Row<unknown>>()
    for (const a of c.adoptions) {
      if (Option.isNone(a.value.matched)) continue
      const matched = a.value.matched.value
      for (const e of adopted) {
        if (matched > e.value.start) {
          ad1.add(a)
          eps.add(e)
        }
      }
    }
    return [...hitsOn("AD1", [...ad1], c.childId), ...hitsOn("Episodes", [...eps], c.childId)]
  })
}

const r333: Rule = {
  code: "333",
  message: "Date of the decision that the child should be placed for adoption must be on or before the date matched",
  tables: ["AD1"],
  fields: ["DATE_INT"],
  years: { from: 2016 },
  check: perChild((c) =>
    hitsWhere(
      "AD1",
      c.adoptions,
      c.childId,
      (r) =>
        Option.isSome(r.value.matched) &&
        (Option.isNone(r.value.bestInterestDecision) || r.value.bestInterestDecision.value > r.value.matched.value)
    )
  )
}

const r334: Rule = {
  code: "334",
  message: "The decision that the child should be placed for adoption is before the start of the latest period of care",
  tables: ["Episodes", "AD1"],
  fields: ["DATE_INT", "DECOM", "RNE"],
  years: { from: 2016 },
  check: perChild((c) => {
    if (c.adoptions.length === 0) return undefined
    const start = c.episodes.findLast((r) => r.value.reasonForNewEpisode === "S")
    if (start === undefined) return undefined
    const early = c.adoptions.filter(
      (r) => Option.isSome(r.value.bestInterestDecision) && r.value.bestInterestDecision.value < start.value.start
    )
    return early.length === 0 ? undefined : [hit("Episodes", start, c.childId), ...hitsOn("AD1", early, c.childId)]
  })
}

/**
 * FOSTER_CARE (adopted by the former foster carer) must agree with the adoptive placement: A3/A5 are placements with
 * the current foster carer, A4/A6 are not.
 */
const r335: Rule = {
  code: "335",
  message: "Adopted by former foster carer (FOSTER_CARE) disagrees with the adoptive placement type",
  tables: ["Episodes", "AD1"],
  fields: ["PLACE", "FOSTER_CARE"],
  years: { from: 2016 },
  check: perChild((c) => {
    if (c.adoptions.length === 0) return undefined
    const out: Array<Hit> = []
    const ad1 = new Set<Row<unknown>>()
    for (const e of c.episodes) {
      if (!isAdopted(e.value)) continue
      const p = e.value.placement
      const wrong = c.adoptions.filter((a) => {
        const foster = Option.getOrUndefined(a.value.byFormerFosterCarer)
        return ((p === "A3" || p === "A5") && foster === false) || ((p === "A4" || p === "A6") && foster === true)
      })
      if (wrong.length > 0) out.push(hit("Episodes", e, c.childId))
      for (const a of wrong) ad1.add(a)
    }
    return [...out, ...hitsOn("AD1", [...ad1], c.childId)]
  })
}

// ── Care leavers (OC3) ────────────────────────────────────────────────────────────────────────────────────────────

const r344: Rule = {
  code: "344",
  message:
    "The young person has died or returned home for 6 months or more, but activity or accommodation is completed",
  tables: ["OC3"],
  fields: ["IN_TOUCH", "ACTIV", "ACCOM"],
  years: { from: 2016 },
  check: perChild((c) =>
    hitsWhere("OC3", c.careLeavers, c.childId, (r) => {
      const inTouch = Option.getOrUndefined(r.value.inTouch)
      if (inTouch !== "DIED" && inTouch !== "RHOM") return false
      const activ = Option.getOrElse(r.value.activity, () => "0")
      const accom = Option.getOrElse(r.value.accommodation, () => "0")
      return activ !== "0" || accom !== "0"
    })
  )
}

const r345: Rule = {
  code: "345",
  message: "The council is in touch with the young person, but activity or accommodation is 0 (not known)",
  tables: ["OC3"],
  fields: ["IN_TOUCH", "ACTIV", "ACCOM"],
  years: { from: 2016 },
  check: perChild((c) =>
    hitsWhere(
      "OC3",
      c.careLeavers,
      c.childId,
      (r) =>
        Option.getOrUndefined(r.value.inTouch) === "YES" &&
        (Option.getOrUndefined(r.value.activity) === "0" || Option.getOrUndefined(r.value.accommodation) === "0")
    )
  )
}

const r347: Rule = {
  code: "347",
  message: "A care leaver under 18 at the start of the year cannot be accommodated in a foyer (ACCOM T1 or T2)",
  tables: ["OC3"],
  fields: ["ACCOM", "DOB"],
  years: { from: 2024 },
  check: perChild((c, ctx) =>
    hitsWhere(
      "OC3",
      c.careLeavers,
      c.childId,
      (r) =>
        Option.isSome(r.value.accommodation) &&
        r.value.accommodation.value.startsWith("T") &&
        CalendarDate.ageOn(r.value.dateOfBirth, ys(ctx)) < 18
    )
  )
}

/** Last year's OC3 said the young person had died; this year's says otherwise. */
const r348: Rule = {
  code: "348",
  message: "The young person was reported last year as having died",
  tables: ["OC3"],
  fields: ["IN_TOUCH"],
  years: { from: 2026 },
  needs: ["previous"],
  check: perChildWith((ctx) => {
    if (Option.isNone(ctx.previous)) return undefined
    return (c) => {
      const then = lastYearOf(c, ctx)?.careLeavers ?? []
      if (!then.some((r) => Option.getOrUndefined(r.value.inTouch) === "DIED")) return undefined
      return hitsWhere("OC3", c.careLeavers, c.childId, (r) => Option.getOrUndefined(r.value.inTouch) !== "DIED")
    }
  })
}

const r391: Rule = {
  code: "391",
  message: "Care leaver information is completed for a young person not yet 17 at the end of the year",
  tables: ["OC3"],
  fields: ["DOB", "IN_TOUCH", "ACTIV", "ACCOM"],
  years: { from: 2016 },
  check: perChild((c, ctx) =>
    hitsWhere(
      "OC3",
      c.careLeavers,
      c.childId,
      (r) =>
        CalendarDate.addYears(r.value.dateOfBirth, 17) > ye(ctx) &&
        (Option.isSome(r.value.inTouch) || Option.isSome(r.value.activity) || Option.isSome(r.value.accommodation))
    )
  )
}

const r3001: Rule = {
  code: "3001",
  message:
    "Care leaver information around the 17th birthday cannot record accommodation with former foster carers (Z1 or Z2)",
  tables: ["Header", "OC3"],
  fields: ["ACCOM"],
  years: { from: 2016 },
  check: perChild((c, ctx) => {
    const dob = dobOf(c)
    if (dob === undefined || !inCollectionYear(ctx, CalendarDate.addYears(dob, 17))) return undefined
    return hitsWhere("OC3", c.careLeavers, c.childId, (r) => {
      const a = Option.getOrUndefined(r.value.accommodation)
      return a === "Z1" || a === "Z2"
    })
  })
}

/** The rules of this module, every year's version. @category rules */
export const all: ReadonlyArray<Rule> = [
  r301,
  r302,
  r304,
  r331,
  r333,
  r334,
  r335,
  r336,
  r344,
  r345,
  r347,
  r348,
  r351,
  r353,
  r354,
  r357,
  r359,
  r363,
  r364,
  r366,
  r370a,
  r370b,
  r371a,
  r371b,
  r371c,
  r372,
  r373,
  r374,
  r375,
  r376,
  r377,
  r378,
  r379,
  r380,
  r381,
  r382,
  r383a,
  r383b,
  r384,
  r385,
  r386,
  r387,
  r388,
  r389,
  r390,
  r391,
  r392a,
  r392b,
  r392c,
  r392d,
  r393a,
  r393b,
  r398,
  r399,
  r406,
  r407,
  r408,
  r420,
  r426,
  r432,
  r434,
  r435,
  r436,
  r437,
  r440,
  r441,
  r442,
  r445,
  r446,
  r451,
  r452,
  r453,
  r454,
  r460,
  r3001
]
