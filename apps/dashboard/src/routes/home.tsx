/** The start page: the councils the user may see, each linking to its scorecard. */

import * as ReportingYear from "@cpo/domain/ReportingYear"
import { A } from "@solidjs/router"
import { For, Match, Switch } from "solid-js"
import { LoadError, Loading } from "../components/error-summary.tsx"
import { usePageTitle } from "../components/page-title.ts"
import { useCouncils } from "../data/councils.ts"

export default function Home() {
  const councils = useCouncils()
  usePageTitle(() => "Councils")
  return (
    <>
      <h1>Councils</h1>
      <p class="lead">Choose a council to see how its children looked after are doing.</p>
      <Switch>
        <Match when={councils.error !== undefined}>
          <LoadError what="the councils" error={councils.error} />
        </Match>
        <Match when={councils.loading}>
          <Loading what="the councils" />
        </Match>
        <Match when={councils()?.length === 0}>
          <p>There are no councils yet. Import a 903 return with the cpo command line first.</p>
        </Match>
        <Match when={councils()}>
          {(list) => (
            <ul class="council-list">
              <For each={list()}>
                {(council) => (
                  <li>
                    <A href={`/councils/${encodeURIComponent(council.id)}/scorecard`}>{council.name}</A>
                    <span class="hint">
                      {" "}
                      {council.years.length === 0
                        ? "(no returns yet)"
                        : `(returns for ${council.years.map((y) => ReportingYear.label(y)).join(", ")})`}
                    </span>
                  </li>
                )}
              </For>
            </ul>
          )}
        </Match>
      </Switch>
    </>
  )
}
