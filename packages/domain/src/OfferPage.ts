/**
 * The published local offer as the public sees it: open JSON and an accessible HTML fragment (or whole page), both
 * generated from the same versioned data the rules are evaluated from, so the published words can never drift from
 * the rules (domain.md §7, "a browsable catalogue"). The page is grouped by the Act's areas, uses headings in order,
 * landmark sections with accessible names, description lists for each entitlement's details, and plain words for
 * who qualifies, generated from the eligibility rules.
 */
import { Option, Schema } from "effect"
import * as CalendarDate from "./CalendarDate.ts"
import * as Council from "./Council.ts"
import * as Eligibility from "./Eligibility.ts"
import * as Entitlement from "./Entitlement.ts"
import { OfferState, type OfferVersion } from "./LocalOffer.ts"
import * as OfferArea from "./OfferArea.ts"

const encodeEntitlement = Schema.encodeSync(Entitlement.Entitlement)

/**
 * The public offer as open JSON ({@link toJson}), as the API answers `GET …/offer` and the dashboard decodes it. Each
 * entitlement is the stored one with `whoCanGetIt` and `amountNow` added, left open here so the document does not
 * repeat the entitlement's schema.
 * @category schemas
 */
export const PublicOffer = Schema.Struct({
  council: Council.CouncilId,
  version: Schema.Int,
  title: Schema.String,
  state: OfferState,
  publishedAt: Schema.NullOr(Schema.String),
  effectiveFrom: Schema.NullOr(CalendarDate.CalendarDate),
  asOf: CalendarDate.CalendarDate,
  areas: Schema.Array(
    Schema.Struct({
      area: OfferArea.OfferArea,
      label: Schema.String,
      legalBasis: Schema.String,
      entitlements: Schema.Array(Entitlement.EntitlementId)
    })
  ),
  entitlements: Schema.Array(Schema.Record(Schema.String, Schema.Unknown)).annotate({
    description: "each entitlement in force as stored (rules included), with whoCanGetIt and amountNow"
  }),
  consultations: Schema.Array(
    Schema.Struct({
      on: CalendarDate.CalendarDate,
      with: Schema.String,
      careLeavers: Schema.Boolean,
      summary: Schema.String
    })
  )
}).annotate({ identifier: "PublicOffer" })
export type PublicOffer = typeof PublicOffer.Type

/**
 * The open JSON of a version: its entitlements in force on `on` (as stored, rules included) under each area, with
 * the rule in words, and the consultations held.
 * @category encoding
 */
export const toJson = (offer: OfferVersion, on: CalendarDate.CalendarDate) => {
  const inForce = offer.entitlements.filter((e) => Entitlement.isInForceOn(e, on))
  return {
    council: offer.council,
    version: offer.version,
    title: offer.title,
    state: offer.state,
    publishedAt: Option.getOrNull(Option.map(offer.published, (p) => p.at)),
    effectiveFrom: Option.getOrNull(Option.map(offer.published, (p) => p.effectiveFrom)),
    asOf: on,
    areas: OfferArea.all.map((area) => ({
      area,
      label: OfferArea.label(area),
      legalBasis: OfferArea.legalBasis[area],
      entitlements: inForce.filter((e) => e.areas.includes(area)).map((e) => e.id)
    })),
    entitlements: inForce.map((e) => ({
      ...encodeEntitlement(e),
      whoCanGetIt: Eligibility.describe(e.eligibility),
      amountNow: Option.getOrNull(Option.map(Entitlement.amountOn(e, on), Entitlement.formatAmount))
    })),
    consultations: offer.consultations.map((c) => ({
      on: c.on,
      with: c.with,
      careLeavers: c.careLeavers,
      summary: c.summary
    }))
  }
}

/** @category encoding */
export const escapeHtml = (text: string): string =>
  text
    .replaceAll("&", "&amp;")
    .replaceAll("<", "&lt;")
    .replaceAll(">", "&gt;")
    .replaceAll('"', "&quot;")
    .replaceAll("'", "&#39;")

const longDate = (d: string): string =>
  `${Number(d.slice(8, 10))} ${CalendarDate.monthName(Number(d.slice(5, 7)))} ${d.slice(0, 4)}`

const amountsText = (e: Entitlement.Entitlement, on: CalendarDate.CalendarDate): ReadonlyArray<string> =>
  e.amounts
    .filter((a) => Option.match(a.to, { onNone: () => true, onSome: (to) => to >= on }))
    .map((a) =>
      a.from <= on ? Entitlement.formatAmount(a) : `${Entitlement.formatAmount(a)} from ${longDate(a.from)}`
    )

const entitlementHtml = (e: Entitlement.Entitlement, area: OfferArea.OfferArea, on: CalendarDate.CalendarDate) => {
  const id = `${area}--${e.id}`
  const amounts = amountsText(e, on)
  const kind = `${e.basis === "statutory" ? "Statutory: the law says you can have it" : "Discretionary: the council chooses to offer it"} (${e.setBy === "national" ? "national" : "set by the council"})`
  const sources = e.sources
    .map((s) =>
      Option.match(s.url, {
        onNone: () => `<li>${escapeHtml(s.title)}</li>`,
        onSome: (url) => `<li><a href="${escapeHtml(url)}">${escapeHtml(s.title)}</a></li>`
      })
    )
    .join("")
  return [
    `<article aria-labelledby="${id}">`,
    `<h4 id="${id}">${escapeHtml(e.title)}</h4>`,
    `<p>${escapeHtml(e.summary)}</p>`,
    "<dl>",
    `<dt>Who can get it</dt><dd>${escapeHtml(Eligibility.describe(e.eligibility))}</dd>`,
    ...(amounts.length === 0 ? [] : [`<dt>How much</dt><dd>${amounts.map(escapeHtml).join("; ")}</dd>`]),
    `<dt>How to get it</dt><dd>${escapeHtml(e.howToAccess)}</dd>`,
    `<dt>How it is agreed</dt><dd>${escapeHtml(Entitlement.approvalLabels[e.approval])}</dd>`,
    `<dt>Type</dt><dd>${escapeHtml(kind)}</dd>`,
    ...(sources === "" ? [] : [`<dt>Where it comes from</dt><dd><ul>${sources}</ul></dd>`]),
    "</dl>",
    "</article>"
  ].join("\n")
}

/**
 * An accessible HTML fragment of the offer in force on `on`, headed at level 2 (the page supplies the h1).
 * @category encoding
 */
export const toHtmlFragment = (offer: OfferVersion, on: CalendarDate.CalendarDate): string => {
  const inForce = offer.entitlements.filter((e) => Entitlement.isInForceOn(e, on))
  const areas = OfferArea.all.filter((area) => inForce.some((e) => e.areas.includes(area)))
  const published = Option.match(offer.published, {
    onNone: () => `Version ${offer.version} (${offer.state}, not published).`,
    onSome: (p) =>
      `Version ${offer.version}, published on ${longDate(p.at.slice(0, 10))}, in force from ${longDate(p.effectiveFrom)}.`
  })
  const consulted =
    offer.consultations.length === 0
      ? ""
      : `<p>We wrote this offer with ${escapeHtml(
          [...new Set(offer.consultations.map((c) => c.with))].join(" and ")
        )}.</p>`
  return [
    `<section class="local-offer" aria-labelledby="local-offer-title">`,
    `<h2 id="local-offer-title">${escapeHtml(offer.title)}</h2>`,
    `<p>${escapeHtml(published)}</p>`,
    consulted,
    `<nav aria-label="Areas of the offer"><ul>`,
    ...areas.map((a) => `<li><a href="#area-${a}">${escapeHtml(OfferArea.label(a))}</a></li>`),
    `</ul></nav>`,
    ...areas.map((area) =>
      [
        `<section aria-labelledby="area-${area}">`,
        `<h3 id="area-${area}">${escapeHtml(OfferArea.label(area))}</h3>`,
        ...inForce.filter((e) => e.areas.includes(area)).map((e) => entitlementHtml(e, area, on)),
        "</section>"
      ].join("\n")
    ),
    "</section>"
  ]
    .filter((line) => line !== "")
    .join("\n")
}

/**
 * A whole accessible page around the fragment: language, title, one h1 and a main landmark.
 * @category encoding
 */
export const toHtmlPage = (offer: OfferVersion, councilName: string, on: CalendarDate.CalendarDate): string =>
  [
    "<!doctype html>",
    '<html lang="en">',
    "<head>",
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(`${councilName}: local offer for care leavers`)}</title>`,
    "</head>",
    "<body>",
    "<main>",
    `<h1>${escapeHtml(`${councilName}: local offer for care leavers`)}</h1>`,
    toHtmlFragment(offer, on),
    "</main>",
    "</body>",
    "</html>",
    ""
  ].join("\n")
