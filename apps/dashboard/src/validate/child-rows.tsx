/**
 * One child's rows in the checked files, as written: every CSV table's rows for the child under the file's columns,
 * or the lines of the child's XML element, with the values an error points at marked (by a border, bold text and the
 * words "error in" for screen readers, not by colour alone).
 */
import { For, Match, onMount, Switch } from "solid-js"
import type { ChildRows, ChildSource } from "./protocol.ts"

const CsvSource = (props: { readonly source: Extract<ChildSource, { kind: "csv" }> }) => (
  <section class="table-wrap" aria-label={`${props.source.table} (${props.source.file})`} tabindex="0">
    <table class="source-rows">
      <caption>
        {props.source.table} <span class="hint">({props.source.file})</span>
      </caption>
      <thead>
        <tr>
          <th scope="col">Line</th>
          <For each={props.source.columns}>{(column) => <th scope="col">{column}</th>}</For>
        </tr>
      </thead>
      <tbody>
        <For each={props.source.rows}>
          {(row) => (
            <tr>
              <th scope="row">{row.line}</th>
              <For each={props.source.columns}>
                {(column, i) =>
                  row.flagged.includes(column) ? (
                    <td class="source-rows__flagged" data-flagged={column}>
                      <span class="visually-hidden">Error in {column}: </span>
                      {row.cells[i()] === "" ? "(blank)" : row.cells[i()]}
                    </td>
                  ) : (
                    <td>{row.cells[i()]}</td>
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

const XmlSource = (props: { readonly source: Extract<ChildSource, { kind: "xml" }> }) => (
  <section class="source-xml" aria-label={`Lines of ${props.source.file}`} tabindex="0">
    <p class="source-xml__file">{props.source.file}</p>
    <pre>
      <For each={props.source.lines}>
        {(line) => (
          <span classList={{ "source-xml__line": true, "source-rows__flagged": line.flagged }}>
            {line.flagged ? <span class="visually-hidden">Error on this line: </span> : null}
            {`${String(line.line).padStart(6)}  ${line.text}\n`}
          </span>
        )}
      </For>
    </pre>
  </section>
)

export const ChildRowsView = (props: { readonly rows: ChildRows; readonly onClose: () => void }) => {
  let heading: HTMLHeadingElement | undefined
  // Opening the drill-down moves focus to it, so keyboard users land on what they asked for (WCAG 2.4.3).
  onMount(() => heading?.focus())
  return (
    <section class="child-rows" aria-labelledby="child-rows-heading" data-child-rows={props.rows.childId}>
      <h3 id="child-rows-heading" tabindex="-1" ref={heading}>
        Child {props.rows.childId}: rows in the files
      </h3>
      <p class="hint">Values with an error are outlined and in bold.</p>
      <Switch>
        <Match when={props.rows.sources.length === 0}>
          <p>No rows for this child were found in this year's files.</p>
        </Match>
        <Match when={props.rows.sources.length > 0}>
          <For each={props.rows.sources}>
            {(source) => (source.kind === "csv" ? <CsvSource source={source} /> : <XmlSource source={source} />)}
          </For>
        </Match>
      </Switch>
      <p>
        <button type="button" class="button button--secondary" onClick={() => props.onClose()}>
          Close child {props.rows.childId}
        </button>
      </p>
    </section>
  )
}
