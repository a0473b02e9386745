/**
 * A section's indicators as scorecard cards (figure, how counted, what `c`/`x` mean, RAG by words and icon), without
 * trends: the scorecard page carries those.
 */
import { For } from "solid-js"
import type { Entry } from "../data/scorecard.ts"
import { IndicatorCard } from "./indicator-card.tsx"

export const IndicatorCards = (props: { readonly entries: ReadonlyArray<Entry> }) => (
  <ul class="cards" style={{ "margin-bottom": "30px" }}>
    <For each={props.entries}>{(entry) => <IndicatorCard entry={entry} trend={[]} />}</For>
  </ul>
)
