/**
 * A simple table of rows under column headings: the text alternative for every chart, and the plain tables of the
 * cohort and data pages. The first column is the row header.
 */
import { createUniqueId, For, type JSX } from "solid-js"

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
}) => {
  const captionId = createUniqueId()
  // A wide table scrolls inside its own region, which keyboard users reach with Tab (WCAG 2.1.1, axe
  // scrollable-region-focusable); the region is named by the table's caption.
  return (
    <section class="table-wrap" aria-labelledby={captionId} tabindex="0">
      <table>
        <caption id={captionId} classList={{ "visually-hidden": props.captionHidden === true }}>
          {props.caption}
        </caption>
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
    </section>
  )
}
