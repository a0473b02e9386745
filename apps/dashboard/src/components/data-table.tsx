/**
 * A simple table of rows under column headings: the text alternative for every chart, and the plain tables of the
 * cohort and data pages. The first column is the row header.
 */
import { For, type JSX } from "solid-js"

export interface Column<R> {
  readonly heading: string
  readonly cell: (row: R) => JSX.Element
  readonly numeric?: boolean
}

export const DataTable = <R,>(props: {
  readonly caption: string
  readonly columns: ReadonlyArray<Column<R>>
  readonly rows: ReadonlyArray<R>
  readonly captionHidden?: boolean
}) => (
  <div class="table-wrap">
    <table>
      <caption classList={{ "visually-hidden": props.captionHidden === true }}>{props.caption}</caption>
      <thead>
        <tr>
          <For each={props.columns}>
            {(column) => (
              <th scope="col" classList={{ numeric: column.numeric === true }}>
                {column.heading}
              </th>
            )}
          </For>
        </tr>
      </thead>
      <tbody>
        <For each={props.rows}>
          {(row) => (
            <tr>
              <For each={props.columns}>
                {(column, index) =>
                  index() === 0 ? (
                    <th scope="row">{column.cell(row)}</th>
                  ) : (
                    <td classList={{ numeric: column.numeric === true }}>{column.cell(row)}</td>
                  )
                }
              </For>
            </tr>
          )}
        </For>
      </tbody>
    </table>
  </div>
)
