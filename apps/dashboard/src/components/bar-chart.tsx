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

const lineLength = 52
const lineHeight = 18

/**
 * A label as at most two lines that fit the chart's width, broken between words; a longer label is shortened on the
 * second line (the description and the table carry it in full).
 */
export const labelLines = (label: string): ReadonlyArray<string> => {
  if (label.length <= lineLength) return [label]
  const cut = label.lastIndexOf(" ", lineLength)
  const first = cut > 0 ? label.slice(0, cut) : label.slice(0, lineLength)
  const rest = label.slice(first.length).trim()
  return [first, rest.length > lineLength ? `${rest.slice(0, lineLength - 2)}…` : rest]
}

const shown = (bar: Bar): string =>
  bar.count === "c" ? "c (suppressed)" : `${bar.count} (${bar.pct === "c" ? "c" : `${bar.pct}%`})`

export const BarChart = (props: { readonly title: string; readonly bars: ReadonlyArray<Bar> }) => {
  const titleId = createUniqueId()
  const descId = createUniqueId()
  const max = () => Math.max(1, ...props.bars.map((b) => (b.count === "c" ? 0 : b.count)))
  const length = (bar: Bar) => (bar.count === "c" ? 0 : Math.max(2, (bar.count / max()) * (width - valueSpace)))
  const extra = (bar: Bar) => (labelLines(bar.label).length - 1) * lineHeight
  /** Where each bar's row starts: rows with a two-line label are taller. */
  const offsets = () => {
    let y = 0
    return props.bars.map((bar) => {
      const at = y
      y += rowHeight + extra(bar)
      return at
    })
  }
  const height = () => props.bars.reduce((h, bar) => h + rowHeight + extra(bar), 0) + 4
  return (
    <figure class="chart" style={{ margin: "0 0 20px", "max-width": "640px" }}>
      <svg viewBox={`0 0 ${width} ${height()}`} width="100%" role="img" aria-labelledby={`${titleId} ${descId}`}>
        <title id={titleId}>{props.title}</title>
        <desc id={descId}>{props.bars.map((b) => `${b.label}: ${shown(b)}`).join("; ")}.</desc>
        <For each={props.bars}>
          {(bar, i) => (
            <g transform={`translate(0 ${offsets()[i()] ?? 0})`}>
              <For each={labelLines(bar.label)}>
                {(line, n) => (
                  <text x="0" y={15 + n() * lineHeight} font-size="14" fill="#0b0c0c">
                    {line}
                  </text>
                )}
              </For>
              <Show when={bar.count !== "c"}>
                <rect x="0" y={22 + extra(bar)} width={length(bar)} height={barHeight} fill="#1d70b8" />
              </Show>
              <text x={length(bar) + 6} y={35 + extra(bar)} font-size="14" font-weight="700" fill="#0b0c0c">
                {shown(bar)}
              </text>
            </g>
          )}
        </For>
      </svg>
    </figure>
  )
}
