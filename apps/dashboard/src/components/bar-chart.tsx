/**
 * A horizontal bar chart as SVG: each group's label above its bar and the count and percentage after it, so the
 * chart reads at phone width. The title and description state every figure; suppressed groups (`c`) have no bar and
 * say so. The page shows the same figures in a table beside it.
 */
import { createUniqueId, For, Show } from "solid-js"

export interface Bar {
  readonly label: string
  readonly count: number | "c"
  readonly pct: number | "c"
}

const width = 400
const rowHeight = 44
const barHeight = 16
const valueSpace = 110

/** Labels longer than the chart is wide are shortened here; the description and the table carry them in full. */
const fit = (label: string): string => (label.length > 52 ? `${label.slice(0, 50)}…` : label)

const shown = (bar: Bar): string =>
  bar.count === "c" ? "c (suppressed)" : `${bar.count} (${bar.pct === "c" ? "c" : `${bar.pct}%`})`

export const BarChart = (props: { readonly title: string; readonly bars: ReadonlyArray<Bar> }) => {
  const titleId = createUniqueId()
  const descId = createUniqueId()
  const max = () => Math.max(1, ...props.bars.map((b) => (b.count === "c" ? 0 : b.count)))
  const length = (bar: Bar) => (bar.count === "c" ? 0 : Math.max(2, (bar.count / max()) * (width - valueSpace)))
  const height = () => props.bars.length * rowHeight + 4
  return (
    <figure class="chart" style={{ margin: "0 0 20px", "max-width": "640px" }}>
      <svg viewBox={`0 0 ${width} ${height()}`} width="100%" role="img" aria-labelledby={`${titleId} ${descId}`}>
        <title id={titleId}>{props.title}</title>
        <desc id={descId}>{props.bars.map((b) => `${b.label}: ${shown(b)}`).join("; ")}.</desc>
        <For each={props.bars}>
          {(bar, i) => (
            <g transform={`translate(0 ${i() * rowHeight})`}>
              <text x="0" y="15" font-size="14" fill="#0b0c0c">
                {fit(bar.label)}
              </text>
              <Show when={bar.count !== "c"}>
                <rect x="0" y="22" width={length(bar)} height={barHeight} fill="#1d70b8" />
              </Show>
              <text x={length(bar) + 6} y="35" font-size="14" font-weight="700" fill="#0b0c0c">
                {shown(bar)}
              </text>
            </g>
          )}
        </For>
      </svg>
    </figure>
  )
}
