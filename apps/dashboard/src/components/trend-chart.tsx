/**
 * A small line chart of one figure across years, drawn as SVG with a title and a description that states every
 * point, plus the same figures as a table behind a toggle. Years without a figure (suppressed or not available) break
 * the line and are listed as such.
 */
import { createUniqueId, For, Show } from "solid-js"
import { DataTable } from "./data-table.tsx"

export interface TrendPoint {
  readonly label: string
  readonly value: number | null
  /** As published (`445`, `71%`, `c`). */
  readonly display: string
}

const width = 260
const height = 80
const pad = { top: 10, right: 30, bottom: 22, left: 30 }

export const TrendChart = (props: { readonly title: string; readonly points: ReadonlyArray<TrendPoint> }) => {
  const titleId = createUniqueId()
  const descId = createUniqueId()
  const values = () => props.points.flatMap((p) => (p.value === null ? [] : [p.value]))
  const x = (i: number) =>
    props.points.length < 2 ? width / 2 : pad.left + (i * (width - pad.left - pad.right)) / (props.points.length - 1)
  const y = (v: number) => {
    const min = Math.min(...values())
    const max = Math.max(...values())
    const span = max - min || 1
    return pad.top + (1 - (v - min) / span) * (height - pad.top - pad.bottom)
  }
  /** Runs of consecutive years with a value, each drawn as one line. */
  const segments = () => {
    const runs: Array<Array<string>> = [[]]
    props.points.forEach((p, i) => {
      if (p.value === null) runs.push([])
      else runs.at(-1)?.push(`${x(i).toFixed(1)},${y(p.value).toFixed(1)}`)
    })
    return runs.filter((run) => run.length > 0)
  }
  const description = () => `${props.title}, by year: ${props.points.map((p) => `${p.label} ${p.display}`).join("; ")}.`
  return (
    <figure class="chart" style={{ margin: "0 0 10px" }}>
      <svg
        viewBox={`0 0 ${width} ${height}`}
        width={width}
        height={height}
        role="img"
        aria-labelledby={`${titleId} ${descId}`}
      >
        <title id={titleId}>Trend: {props.title}</title>
        <desc id={descId}>{description()}</desc>
        <line x1={pad.left} x2={width - pad.right} y1={height - pad.bottom} y2={height - pad.bottom} stroke="#b1b4b6" />
        <For each={segments()}>
          {(run) => <polyline points={run.join(" ")} fill="none" stroke="#1d70b8" stroke-width="3" />}
        </For>
        <For each={props.points}>
          {(p, i) => (
            <>
              <Show when={p.value !== null}>
                <circle cx={x(i())} cy={y(p.value ?? 0)} r="4" fill="#0b0c0c" />
              </Show>
              <text x={x(i())} y={height - 4} text-anchor="middle" font-size="12" fill="#484949">
                {p.label}
              </text>
            </>
          )}
        </For>
      </svg>
      <details>
        <summary>Show the trend as a table</summary>
        <DataTable
          caption={`${props.title} by year`}
          columns={[
            { heading: "Year", cell: (p: TrendPoint) => p.label },
            { heading: "Figure", cell: (p: TrendPoint) => p.display, numeric: true }
          ]}
          rows={props.points}
        />
      </details>
    </figure>
  )
}
