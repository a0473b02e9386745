/**
 * A test-only reading of the DfE rules in ssda903.md §5.3 that can be checked on domain records, used to prove that
 * a clean synthetic return breaks none of them and that each injected error breaks exactly its rule for its child.
 * The real validator lives in packages/ssda903; this stand-in keeps the synthetic data honest on its own.
 */
import { CalendarDate, ChildHistory, Cohort, type Episode, ReportingYear, type Return } from "@cpo/domain"
import { Option } from "effect"

export interface Hit {
  readonly code: string
  readonly childId: string
}

const isV = (ls: string) => ls === "V3" || ls === "V4"
const days = (from: CalendarDate.CalendarDate, to: CalendarDate.CalendarDate) => CalendarDate.daysBetween(from, to)

export const check = (ret: Return.Return, previous?: Return.Return): ReadonlyArray<Hit> => {
  const year = ret.year
  const ys = ReportingYear.start(year)
  const ye = ReportingYear.end(year)
  const hits: Array<Hit> = []
  const hit = (code: string, childId: string) => hits.push({ code, childId })
  const histories = ChildHistory.index(ret)
  const byId = new Map(histories.map((h) => [h.childId as string, h]))
  const dob = (id: string) => byId.get(id)!.child.pipe(Option.getOrThrow).dateOfBirth
  const rows = <A>(t: Option.Option<ReadonlyArray<A>>): ReadonlyArray<A> => Option.getOrElse(t, () => [])

  for (const c of ret.children) if (c.sex === "unknown" && year <= 2024) hit("101", c.id)
  if (year >= 2026) {
    const holders = new Map<string, Array<string>>()
    for (const c of ret.children) {
      const upn = Option.getOrNull(c.upn)
      if (upn === null || upn.startsWith("UN")) continue
      holders.set(upn, [...(holders.get(upn) ?? []), c.id])
    }
    for (const ids of holders.values()) if (ids.length > 1) for (const id of ids) hit("444", id)
  }

  const episodesOf = new Map<string, Array<Episode.Episode>>()
  for (const e of ret.episodes) {
    const list = episodesOf.get(e.childId) ?? []
    list.push(e)
    episodesOf.set(e.childId, list)
  }
  for (const [id, list] of episodesOf) {
    list.sort((a, b) => (a.start < b.start ? -1 : a.start > b.start ? 1 : 0))
    let v3Days = 0
    list.forEach((e, i) => {
      const p = e.placement
      if (year <= 2025 ? ["K3", "Z11", "Z12", "Z13", "Z14"].includes(p) : ["H5", "P2", "Z1"].includes(p)) hit("146", id)
      const takesNone =
        year >= 2026 ? ["T0", "T1", "T2", "T3", "Z11", "Z12", "Z13", "Z14"] : ["T0", "T1", "T2", "T3", "T4", "Z1"]
      const provider = Option.getOrNull(e.provider)
      if (provider !== null && (!/^PR[0-5]$/.test(provider) || takesNone.includes(p))) hit("178", id)
      const end = Option.getOrNull(e.end)
      if (end !== null && end === e.start) hit("355", id)
      if (end !== null && end < e.start) hit("356", id)
      if (e.reasonForNewEpisode === "S" && e.start >= CalendarDate.addYears(dob(id), 18)) hit("352", id)
      if (e.legalStatus[0] === "J" && CalendarDate.ageOn(dob(id), e.start) < 10) hit("358", id)
      if (e.legalStatus === "L1" && end !== null && days(e.start, end) > 3) hit("361", id)
      if (e.legalStatus === "L2" && end !== null && days(e.start, end) > 21) hit("362", id)
      if (e.legalStatus === "V3" && end !== null && days(e.start, end) > 17) hit("365", id)
      if (e.legalStatus === "V3" && end !== null && end >= ys && e.start <= ye) {
        v3Days += days(CalendarDate.max(e.start, ys), CalendarDate.min(end, ye))
      }
      const previous = list[i - 1]
      const next = list[i + 1]
      if (
        next !== undefined &&
        end !== null &&
        end >= ys &&
        end <= ye &&
        Option.getOrNull(e.reasonCeased) === "X1" &&
        Option.isNone(e.reasonPlaceChange) &&
        ["P", "B", "T", "U"].includes(next.reasonForNewEpisode) &&
        p[0] !== "T" &&
        next.placement[0] !== "T"
      ) {
        hit("225", id)
      }
      if (previous !== undefined && e.reasonForNewEpisode !== "S" && Option.getOrNull(previous.end) !== e.start)
        hit("433", id)
      if (previous !== undefined && e.reasonForNewEpisode === "S" && Option.getOrNull(previous.end) === e.start)
        hit("431", id)
      if (previous !== undefined && Option.isNone(previous.end)) hit("open-before-last", id)
    })
    if (v3Days > 75) hit("367", id)
  }

  // OC2 (ssda903.md §4.6) against the 12-month cohort.
  const oc2 = new Map(rows(ret.healthOutcomes).map((o) => [o.childId as string, o]))
  for (const h of histories) {
    const inCohort = Cohort.isContinuouslyLookedAfterForYear(h, year)
    const o = oc2.get(h.childId)
    if (
      inCohort &&
      (o === undefined || [o.immunisations, o.teethCheck, o.healthAssessment, o.substanceMisuse].some(Option.isNone))
    ) {
      hit("191", h.childId)
    }
    if (!inCohort && o !== undefined) hit("190", h.childId)
    if (o !== undefined) {
      const age = CalendarDate.ageOn(o.dateOfBirth, ye)
      if (age < 5 && Option.isNone(o.healthCheck)) hit("545", h.childId)
      if (age >= 5 && Option.isSome(o.healthCheck)) hit("546", h.childId)
      if (age >= 10 && Option.isNone(o.convicted)) hit("543", h.childId)
      if (age < 4 && (Option.isSome(o.sdqScore) || Option.isSome(o.sdqReason))) hit("188", h.childId)
    }
  }

  // Missing (570, 571, 574).
  const missingOf = new Map<string, Array<{ start: string; end: string | null }>>()
  for (const m of rows(ret.missing)) {
    const end = Option.getOrNull(m.end)
    if (m.start > ye) hit("570", m.childId)
    if (end !== null && (end < ys || end > ye)) hit("571", m.childId)
    const list = missingOf.get(m.childId) ?? []
    list.push({ start: m.start, end })
    missingOf.set(m.childId, list)
  }
  for (const [id, list] of missingOf) {
    list.sort((a, b) => ((a.end ?? "9") < (b.end ?? "9") ? -1 : 1))
    for (let i = 1; i < list.length; i++) if (list[i]!.start <= (list[i - 1]!.end ?? "9")) hit("574", id)
  }

  // OC3 (1001 on children whose episodes the return shows; 1016).
  const lastYear = new Map<string, Array<Episode.Episode>>()
  for (const e of previous?.episodes ?? []) lastYear.set(e.childId, [...(lastYear.get(e.childId) ?? []), e])
  for (const o of rows(ret.careLeavers)) {
    const current = episodesOf.get(o.childId)
    if (current === undefined) continue
    // Rule 1001 reads last year's episodes too when given (an episode in both years counts once).
    const seen = new Set(current.map((e) => e.start))
    const list = [...(lastYear.get(o.childId) ?? []).filter((e) => !seen.has(e.start)), ...current].sort((a, b) =>
      a.start < b.start ? -1 : 1
    )
    const birth = o.dateOfBirth
    const since = (from: CalendarDate.CalendarDate) =>
      list
        .filter((e) => !isV(e.legalStatus))
        .reduce(
          (n, e) =>
            n +
            Math.max(
              0,
              days(
                CalendarDate.max(e.start, from),
                Option.getOrElse(e.end, () => ye)
              )
            ),
          0
        )
    if (since(CalendarDate.addYears(birth, 14)) < 91 || since(CalendarDate.addYears(birth, 16)) < 1)
      hit("1001", o.childId)
    for (const age of [17, 18]) {
      const birthday = CalendarDate.addYears(birth, age)
      if (birthday < ys || birthday > ye) continue
      const last = list[list.length - 1]!
      if (Option.isNone(last.end) || last.end.value > birthday) hit("1016", o.childId)
    }
  }

  // AD1 (601, 602).
  const adopted = new Set(
    ret.episodes
      .filter((e) => Option.isSome(e.end) && e.end.value >= ys && e.end.value <= ye)
      .filter((e) => ["E11", "E12"].includes(Option.getOrElse(e.reasonCeased, () => "")))
      .map((e) => e.childId as string)
  )
  const ad1 = new Set(rows(ret.adoptions).map((a) => a.childId as string))
  for (const id of adopted) if (!ad1.has(id)) hit("601", id)
  for (const id of ad1) if (!adopted.has(id)) hit("602", id)

  // SW17STG2: every child looked after at 31 March has a social worker then.
  if (Option.isSome(ret.socialWorkerEpisodes)) {
    const open = new Set(
      ret.socialWorkerEpisodes.value
        .filter((s) => s.start <= ye && (Option.isNone(s.end) || s.end.value > ye))
        .map((s) => s.childId as string)
    )
    for (const h of Cohort.lookedAfterOn(histories, ye)) if (!open.has(h.childId)) hit("SW17STG2", h.childId)
  }
  // 503B/C/E: the episode open at the end of last year agrees with this year's episode of the same start.
  if (previous !== undefined) {
    const lastEnd = ReportingYear.end(previous.year)
    const now = new Map(ret.episodes.map((e) => [`${e.childId}|${e.start}`, e]))
    for (const then of previous.episodes) {
      if (!(then.start <= lastEnd && Option.isNone(then.end))) continue
      const e = now.get(`${then.childId}|${then.start}`)
      if (e === undefined) continue
      if (e.legalStatus !== then.legalStatus) hit("503B", e.childId)
      if (e.categoryOfNeed !== then.categoryOfNeed) hit("503C", e.childId)
      if (Option.getOrNull(e.provider) !== Option.getOrNull(then.provider)) hit("503E", e.childId)
    }
  }
  return hits
}
