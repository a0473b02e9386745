/**
 * Writing a return in the DfE XML form (ssda903.md §2 "XML form"): root `<EXPSSDA903>`, one `<CHILD>` per child
 * holding a `<HEADER>` (child-level fields with nested `<AREVIEW>`, `<AMISSING>`, `<OC2>`, `<PERMANENCE>` and
 * `<AD_PLACED>`) and its `<EPISODE>` elements; UASC, OC3 and AD1 items sit directly under `<CHILD>`. Tags are the CSV
 * column names except `CHILDID` for `CHILD` and `PL` for `PLACE`; values are encoded exactly as in the CSV form.
 * Social-worker episodes and DoLo have no XML form in the spec and are not written.
 */
import type { Child, Return } from "@cpo/domain"
import { Option } from "effect"
import { date, missingKind, partialDate, sex } from "./Csv.ts"

type Value = string | number | boolean | null | Option.Option<string | number | boolean>

const escapeXml = (s: string): string =>
  s.replaceAll("&", "&amp;").replaceAll("<", "&lt;").replaceAll(">", "&gt;").replaceAll('"', "&quot;")

const element = (tag: string, value: Value): string => {
  const v = Option.isOption(value) ? Option.getOrNull(value) : value
  if (v === null) return `<${tag} />`
  const text = typeof v === "boolean" ? (v ? "1" : "0") : escapeXml(String(v))
  return `<${tag}>${text}</${tag}>`
}

const fields = (pairs: ReadonlyArray<readonly [string, Value]>): string => pairs.map(([t, v]) => element(t, v)).join("")

const byChild = <A extends { readonly childId: Child.ChildId }>(rows: Option.Option<ReadonlyArray<A>>) => {
  const m = new Map<string, Array<A>>()
  if (Option.isSome(rows)) {
    for (const r of rows.value) {
      const list = m.get(r.childId)
      if (list === undefined) m.set(r.childId, [r])
      else list.push(r)
    }
  }
  return m
}

/**
 * The return as one DfE XML document (a string, ASCII-safe, with an XML declaration).
 * @category encoding
 */
export const toXml = (ret: Return.Return): string => {
  const year = ret.year
  const episodes = byChild(Option.some(ret.episodes))
  const reviews = byChild(ret.reviews)
  const missing = byChild(ret.missing)
  const oc2 = byChild(ret.healthOutcomes)
  const perm = byChild(ret.previousPermanence)
  const placed = byChild(ret.placedForAdoption)
  const uasc = byChild(ret.uasc)
  const oc3 = byChild(ret.careLeavers)
  const ad1 = byChild(ret.adoptions)
  const children = new Map<string, Child.Child>(ret.children.map((c) => [c.id, c]))
  const ids = [...new Set<string>([...children.keys(), ...episodes.keys()])].sort()
  const out: Array<string> = ['<?xml version="1.0" encoding="UTF-8"?>', "<EXPSSDA903>"]
  for (const id of ids) {
    const child = children.get(id)
    const parts: Array<string> = ["<CHILD><HEADER>", element("CHILDID", id)]
    if (child !== undefined) {
      parts.push(
        fields([
          ["UPN", child.upn],
          ["SEX", sex(child.sex, year)],
          ["DOB", date(child.dateOfBirth)],
          ["ETHNIC", child.ethnicity],
          ["MOTHER", child.mother],
          ["MC_DOB", date(child.motherChildDateOfBirth)]
        ])
      )
    }
    for (const r of reviews.get(id) ?? []) {
      parts.push(
        `<AREVIEW>${fields([
          ["REVIEW", date(r.date)],
          ["REVIEW_CODE", r.participation]
        ])}</AREVIEW>`
      )
    }
    for (const m of missing.get(id) ?? []) {
      parts.push(
        `<AMISSING>${fields([
          ["MISSING", missingKind(m.kind)],
          ["MIS_START", date(m.start)],
          ["MIS_END", date(m.end)]
        ])}</AMISSING>`
      )
    }
    for (const o of oc2.get(id) ?? []) {
      parts.push(
        `<OC2>${fields([
          ["SDQ_SCORE", o.sdqScore],
          ["SDQ_REASON", o.sdqReason],
          ["CONVICTED", o.convicted],
          ["HEALTH_CHECK", o.healthCheck],
          ["IMMUNISATIONS", o.immunisations],
          ["TEETH_CHECK", o.teethCheck],
          ["HEALTH_ASSESSMENT", o.healthAssessment],
          ["SUBSTANCE_MISUSE", o.substanceMisuse],
          ["INTERVENTION_RECEIVED", o.interventionReceived],
          ["INTERVENTION_OFFERED", o.interventionOffered]
        ])}</OC2>`
      )
    }
    for (const p of perm.get(id) ?? []) {
      parts.push(
        `<PERMANENCE>${fields([
          ["PREV_PERM", p.option],
          ["LA_PERM", p.localAuthority],
          ["DATE_PERM", partialDate(p.date)]
        ])}</PERMANENCE>`
      )
    }
    for (const p of placed.get(id) ?? []) {
      parts.push(
        `<AD_PLACED>${fields([
          ["DATE_PLACED", date(p.decision)],
          ["DATE_PLACED_CEASED", date(p.ceased)],
          ["REASON_PLACED_CEASED", p.reasonCeased]
        ])}</AD_PLACED>`
      )
    }
    parts.push("</HEADER>")
    for (const e of episodes.get(id) ?? []) {
      parts.push(
        `<EPISODE>${fields([
          ["DECOM", date(e.start)],
          ["RNE", e.reasonForNewEpisode],
          ["LS", e.legalStatus],
          ["CIN", e.categoryOfNeed],
          ["PL", e.placement],
          ["PLACE_PROVIDER", e.provider],
          ["DEC", date(e.end)],
          ["REC", e.reasonCeased],
          ["REASON_PLACE_CHANGE", e.reasonPlaceChange],
          ["HOME_POST", e.homePostcode],
          ["PL_POST", e.placementPostcode],
          ["URN", e.urn]
        ])}</EPISODE>`
      )
    }
    for (const u of uasc.get(id) ?? [])
      parts.push(
        fields([
          ["UASC", true],
          ["DUC", date(u.statusCeased)]
        ])
      )
    for (const o of oc3.get(id) ?? []) {
      parts.push(
        fields([
          ["IN_TOUCH", o.inTouch],
          ["ACTIV", o.activity],
          ["ACCOM", o.accommodation]
        ])
      )
    }
    for (const a of ad1.get(id) ?? []) {
      parts.push(
        fields([
          ["DATE_INT", date(a.bestInterestDecision)],
          ["DATE_MATCH", date(a.matched)],
          ["FOSTER_CARE", a.byFormerFosterCarer],
          ["NB_ADOPTR", a.numberOfAdopters],
          ["SEX_ADOPTR", a.adopterSex],
          ["LS_ADOPTR", a.adopterLegalStatus]
        ])
      )
    }
    parts.push("</CHILD>")
    out.push(parts.join(""))
  }
  out.push("</EXPSSDA903>", "")
  return out.join("\n")
}
