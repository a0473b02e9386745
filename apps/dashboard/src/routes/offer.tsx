/**
 * The care leavers' local offer. Anyone can read the published offer in force today, by statutory area, with
 * amounts and how to get each entitlement — no sign-in needed (domain.md §5.3 "Public / care leaver"). Officers and
 * administrators also see the versions, take a draft through consultation, approval and publication, and compare
 * two versions.
 */
import * as Entitlement from "@cpo/domain/Entitlement"
import type * as UserRole from "@cpo/domain/UserRole"
import { useParams } from "@solidjs/router"
import { createResource, For, Match, Show, Switch } from "solid-js"
import { formatDay } from "../components/dates.ts"
import { LoadError, Loading } from "../components/error-summary.tsx"
import { OfferDiffView } from "../components/offer-diff.tsx"
import { OfferLifecycle } from "../components/offer-lifecycle.tsx"
import { usePageTitle } from "../components/page-title.ts"
import { ApiFailure } from "../data/api.ts"
import { useCouncils } from "../data/councils.ts"
import {
  fetchOfferVersions,
  fetchPublishedOffer,
  type PublishedEntitlement,
  type PublishedOffer
} from "../data/offer.ts"
import { mayOpen, useSession } from "../data/session.ts"

/** Who may manage the offer's versions (the API's authorization matrix). */
const managers: ReadonlyArray<UserRole.UserRole> = ["admin", "officer"]

const EntitlementCard = (props: { readonly entitlement: PublishedEntitlement }) => (
  <li class="card offer-card" data-entitlement={props.entitlement.id}>
    <h3>{props.entitlement.title}</h3>
    <p>{props.entitlement.summary}</p>
    <dl>
      <dt>Amount</dt>
      <dd data-amount>{props.entitlement.amountNow ?? "No set amount"}</dd>
      <dt>Who can get it</dt>
      <dd>{props.entitlement.whoCanGetIt}</dd>
      <dt>How it is agreed</dt>
      <dd>{Entitlement.approvalLabels[props.entitlement.approval]}</dd>
      <dt>How to get it</dt>
      <dd>{props.entitlement.howToAccess}</dd>
      <dt>Required by</dt>
      <dd>
        {props.entitlement.basis === "statutory"
          ? "Law or statutory guidance"
          : props.entitlement.setBy === "local"
            ? "The council's own decision"
            : "National scheme"}
      </dd>
    </dl>
  </li>
)

const OfferByArea = (props: { readonly offer: PublishedOffer }) => {
  const byId = () => new Map(props.offer.entitlements.map((e) => [e.id, e]))
  return (
    <>
      <p class="lead">{props.offer.title}</p>
      <p>
        Version {props.offer.version}
        <Show when={props.offer.effectiveFrom}>{(from) => <>, in force from {formatDay(from())}</>}</Show>. It shows
        what applies on {formatDay(props.offer.asOf)}.
        <Show when={props.offer.consultations.some((c) => c.careLeavers)}> Care leavers were consulted on it.</Show>
      </p>
      <For each={props.offer.areas.filter((a) => a.entitlements.length > 0)}>
        {(area) => (
          <section class="offer-area" aria-labelledby={`area-${area.area}`} data-area={area.area}>
            <h2 id={`area-${area.area}`}>{area.label}</h2>
            <p class="hint">{area.legalBasis}</p>
            <ul class="cards offer-cards">
              <For each={area.entitlements.flatMap((id) => byId().get(id) ?? [])}>
                {(entitlement) => <EntitlementCard entitlement={entitlement} />}
              </For>
            </ul>
          </section>
        )}
      </For>
    </>
  )
}

const Management = (props: { readonly council: string; readonly onPublished: () => void }) => {
  const session = useSession()
  const [versions, { refetch }] = createResource(
    () => ({ council: props.council, version: session.version() }),
    (q) => fetchOfferVersions(q.council)
  )
  // A visitor without a token on a deployment that requires one is a member of the public: the versions are not
  // for them, so say nothing rather than ask them to sign in.
  const isPublicVisitor = () =>
    session.user() === undefined && versions.error instanceof ApiFailure && versions.error.status === 401
  return (
    <Show when={!isPublicVisitor()}>
      <section class="offer-management" aria-labelledby="offer-versions">
        <h2 id="offer-versions">Versions of the offer</h2>
        <Switch>
          <Match when={versions.error !== undefined}>
            <LoadError what="the versions of the offer" error={versions.error} />
          </Match>
          <Match when={versions.loading && versions.latest === undefined}>
            <Loading what="the versions of the offer" />
          </Match>
          <Match when={versions.latest}>
            {(list) => (
              <>
                <OfferLifecycle
                  council={props.council}
                  versions={list()}
                  onChanged={(published) => {
                    void refetch()
                    if (published) props.onPublished()
                  }}
                />
                <OfferDiffView council={props.council} versions={list()} />
              </>
            )}
          </Match>
        </Switch>
      </section>
      <h2>The offer in force today</h2>
    </Show>
  )
}

export default function OfferPage() {
  const params = useParams<{ council: string }>()
  const councils = useCouncils()
  const session = useSession()
  const council = () => (councils.error === undefined ? councils()?.find((c) => c.id === params.council) : undefined)
  const [offer, { refetch }] = createResource(
    () => ({ council: params.council, version: session.version() }),
    (q) => fetchPublishedOffer(q.council)
  )
  usePageTitle(() => `Local offer${council() === undefined ? "" : `, ${council()?.name}`}`)
  return (
    <>
      <h1>
        <span class="caption">{council()?.name ?? params.council}</span>Local offer for care leavers
      </h1>
      {/* Officers come here to manage the offer, so its versions come first; everyone else sees only the offer. */}
      <Show when={mayOpen(session.user(), managers)}>
        <Management council={params.council} onPublished={() => void refetch()} />
      </Show>
      <Switch>
        <Match when={offer.error instanceof ApiFailure && offer.error.status === 404}>
          <p class="inset">
            No local offer is published and in force today for this council.{" "}
            <span class="hint">({offer.error instanceof Error ? offer.error.message : ""})</span>
          </p>
        </Match>
        <Match when={offer.error !== undefined}>
          <LoadError what="the local offer" error={offer.error} />
        </Match>
        <Match when={offer.loading && offer.latest === undefined}>
          <Loading what="the local offer" />
        </Match>
        <Match when={offer.latest}>{(published) => <OfferByArea offer={published()} />}</Match>
      </Switch>
    </>
  )
}
