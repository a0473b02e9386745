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

const special = /[&<>"]/

const escapeXml = (s: string): string =>
  special.test(s)
    ? s.replaceAll("&", "&amp;").replaceAll("<", "&lt;").replaceAll(">", "&gt;").replaceAll('"', "&quot;")
    : s

const element = (tag: string, value: Value): string => {
  const v = Option.isOption(value) ? Option.getOrNull(value) : value
  if (v === null) return `<${tag} />`
  const text = typeof v === "boolean" ? (v ? "1" : "0") : escapeXml(String(v))
  return `<${tag}>${text}</${tag}>`
}

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
        element("UPN", child.upn) +
          element("SEX", sex(child.sex, year)) +
          element("DOB", date(child.dateOfBirth)) +
          element("ETHNIC", child.ethnicity) +
          element("MOTHER", child.mother) +
          element("MC_DOB", date(child.motherChildDateOfBirth))
      )
    }
    for (const r of reviews.get(id) ?? []) {
      parts.push(`<AREVIEW>${element("REVIEW", date(r.date)) + element("REVIEW_CODE", r.participation)}</AREVIEW>`)
    }
    for (const m of missing.get(id) ?? []) {
      parts.push(
        `<AMISSING>${element("MISSING", missingKind(m.kind)) + element("MIS_START", date(m.start)) + element("MIS_END", date(m.end))}</AMISSING>`
      )
    }
    for (const o of oc2.get(id) ?? []) {
      parts.push(
        `<OC2>${element("SDQ_SCORE", o.sdqScore) + element("SDQ_REASON", o.sdqReason) + element("CONVICTED", o.convicted) + element("HEALTH_CHECK", o.healthCheck) + element("IMMUNISATIONS", o.immunisations) + element("TEETH_CHECK", o.teethCheck) + element("HEALTH_ASSESSMENT", o.healthAssessment) + element("SUBSTANCE_MISUSE", o.substanceMisuse) + element("INTERVENTION_RECEIVED", o.interventionReceived) + element("INTERVENTION_OFFERED", o.interventionOffered)}</OC2>`
      )
    }
    for (const p of perm.get(id) ?? []) {
      parts.push(
        `<PERMANENCE>${element("PREV_PERM", p.option) + element("LA_PERM", p.localAuthority) + element("DATE_PERM", partialDate(p.date))}</PERMANENCE>`
      )
    }
    for (const p of placed.get(id) ?? []) {
      parts.push(
        `<AD_PLACED>${element("DATE_PLACED", date(p.decision)) + element("DATE_PLACED_CEASED", date(p.ceased)) + element("REASON_PLACED_CEASED", p.reasonCeased)}</AD_PLACED>`
      )
    }
    parts.push("</HEADER>")
    for (const e of episodes.get(id) ?? []) {
      parts.push(
        `<EPISODE>${element("DECOM", date(e.start)) + element("RNE", e.reasonForNewEpisode) + element("LS", e.legalStatus) + element("CIN", e.categoryOfNeed) + element("PL", e.placement) + element("PLACE_PROVIDER", e.provider) + element("DEC", date(e.end)) + element("REC", e.reasonCeased) + element("REASON_PLACE_CHANGE", e.reasonPlaceChange) + element("HOME_POST", e.homePostcode) + element("PL_POST", e.placementPostcode) + element("URN", e.urn)}</EPISODE>`
      )
    }
    for (const u of uasc.get(id) ?? []) parts.push(element("UASC", true) + element("DUC", date(u.statusCeased)))
    for (const o of oc3.get(id) ?? []) {
      parts.push(element("IN_TOUCH", o.inTouch) + element("ACTIV", o.activity) + element("ACCOM", o.accommodation))
    }
    for (const a of ad1.get(id) ?? []) {
      parts.push(
        element("DATE_INT", date(a.bestInterestDecision)) +
          element("DATE_MATCH", date(a.matched)) +
          element("FOSTER_CARE", a.byFormerFosterCarer) +
          element("NB_ADOPTR", a.numberOfAdopters) +
          element("SEX_ADOPTR", a.adopterSex) +
          element("LS_ADOPTR", a.adopterLegalStatus)
      )
    }
    parts.push("</CHILD>")
    out.push(parts.join(""))
  }
  out.push("</EXPSSDA903>", "")
  return out.join("\n")
}
