/**
 * One indicator of the scorecard: its published figure (or what a `c`/`x`/`z` means), how it was counted, and, when
 * the API supplies them, RAG, target, last year, direction of travel, benchmarks and a trend across years.
 */
import { type JSX, Show } from "solid-js"
import type { Entry } from "../data/scorecard.ts"
import {
  directionText,
  explainSymbol,
  formatValue,
  fraction,
  isSymbol,
  polarityText,
  ragText,
  unitSuffix
} from "./figures.ts"
import { TrendChart, type TrendPoint } from "./trend-chart.tsx"

const Row = (props: { readonly term: string; readonly children: JSX.Element }) => (
  <>
    <dt>{props.term}</dt>
    <dd>{props.children}</dd>
  </>
)

const maybe = (value: number | null | undefined, unit: Entry["unit"]): string | undefined =>
  value === null || value === undefined ? undefined : formatValue(value, unit)

export const IndicatorCard = (props: { readonly entry: Entry; readonly trend: ReadonlyArray<TrendPoint> }) => {
  const headingId = () => `indicator-${props.entry.id}`
  const benchmarks = () => props.entry.benchmarks
  return (
    <li class="card" data-indicator={props.entry.id}>
      <h3 id={headingId()}>{props.entry.title}</h3>
      <p class="figure" data-figure>
        {props.entry.display}
        <Show when={!isSymbol(props.entry.display) && unitSuffix(props.entry.unit) === "%"}>
          <span class="figure__unit">%</span>
        </Show>
        <Show when={!isSymbol(props.entry.display) && props.entry.unit === "rate"}>
          <span class="figure__unit"> per 10,000</span>
        </Show>
      </p>
      <Show when={explainSymbol(props.entry)}>{(text) => <p class="hint">{text()}</p>}</Show>
      <Show when={props.entry.rag}>
        {(rag) => (
          <p class={`tag tag--${rag()}`}>
            <span aria-hidden="true">{ragText[rag()].icon}</span>
            {ragText[rag()].label}
          </p>
        )}
      </Show>
      <dl>
        <Show when={fraction(props.entry)}>{(text) => <Row term="Counted">{text()}</Row>}</Show>
        <Show when={maybe(props.entry.target, props.entry.unit)}>{(text) => <Row term="Target">{text()}</Row>}</Show>
        <Show when={maybe(props.entry.previous, props.entry.unit)}>
          {(text) => <Row term="Last year">{text()}</Row>}
        </Show>
        <Show when={props.entry.direction}>
          {(direction) => (
            <Row term="Direction">
              <span aria-hidden="true">{directionText[direction()].icon} </span>
              {directionText[direction()].label}
            </Row>
          )}
        </Show>
        <Show when={maybe(benchmarks()?.england, props.entry.unit)}>
          {(text) => <Row term="England">{text()}</Row>}
        </Show>
        <Show when={maybe(benchmarks()?.region, props.entry.unit)}>{(text) => <Row term="Region">{text()}</Row>}</Show>
        <Show when={maybe(benchmarks()?.statistical_neighbours, props.entry.unit)}>
          {(text) => <Row term="Statistical neighbours">{text()}</Row>}
        </Show>
        <Show when={props.entry.polarity !== "neutral"}>
          <Row term="Reading">{polarityText(props.entry.polarity)}</Row>
        </Show>
      </dl>
      <Show when={props.trend.filter((p) => p.value !== null).length > 1}>
        <TrendChart title={props.entry.title} points={props.trend} />
      </Show>
    </li>
  )
}
