/**
 * A bar chart with its figures as a table behind a toggle (the chart's text alternative for people who prefer a
 * table), and a note on `c` when a group is suppressed.
 */
import { Show } from "solid-js"
import { type Bar, BarChart } from "./bar-chart.tsx"
import { DataTable } from "./data-table.tsx"

const shown = (value: number | "c", suffix = ""): string => (value === "c" ? "c" : `${value}${suffix}`)

export const ChartWithTable = (props: {
  readonly title: string
  readonly bars: ReadonlyArray<Bar>
  /** The heading of the groups' column ("Placement group"). */
  readonly groupHeading: string
  /** What is counted ("Children", "Moves"). */
  readonly countHeading: string
}) => (
  <>
    <BarChart title={props.title} bars={props.bars} />
    <details class="chart-table">
      <summary>Show the figures as a table</summary>
      <DataTable
        caption={props.title}
        rows={props.bars}
        columns={[
          { heading: props.groupHeading, cell: (b: Bar) => b.label },
          { heading: props.countHeading, cell: (b: Bar) => shown(b.count), numeric: true },
          { heading: "Per cent", cell: (b: Bar) => shown(b.pct, "%"), numeric: true }
        ]}
      />
    </details>
    <Show when={props.bars.some((b) => b.count === "c" || b.pct === "c")}>
      <p class="hint">
        c: suppressed to protect confidentiality. The figure involves between 1 and 5 children, or would let such a
        figure be worked out.
      </p>
    </Show>
  </>
)
