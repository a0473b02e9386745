/**
 * Labelled form fields following the error-summary pattern: a hint under the label, the error message again beside
 * the field (with a hidden "Error:" for screen readers), `aria-invalid` and `aria-describedby` naming both. The
 * `id` is what an error summary links to (`#id`).
 */
import { For, type JSX, Show } from "solid-js"

interface FieldProps {
  readonly id: string
  readonly label: string
  readonly hint?: string
  readonly error?: string | undefined
}

const describedBy = (props: FieldProps): string | undefined =>
  [
    props.hint === undefined ? undefined : `${props.id}-hint`,
    props.error === undefined ? undefined : `${props.id}-error`
  ]
    .filter((id) => id !== undefined)
    .join(" ") || undefined

const Frame = (props: FieldProps & { readonly children: JSX.Element }) => (
  <div class="form-group" classList={{ "form-group--error": props.error !== undefined }}>
    <label for={props.id}>{props.label}</label>
    <Show when={props.hint}>
      {(hint) => (
        <p class="hint" id={`${props.id}-hint`}>
          {hint()}
        </p>
      )}
    </Show>
    <Show when={props.error}>
      {(error) => (
        <p class="error-message" id={`${props.id}-error`}>
          <span class="visually-hidden">Error:</span> {error()}
        </p>
      )}
    </Show>
    {props.children}
  </div>
)

/** A one-line text field. */
export const TextField = (props: FieldProps & { readonly value?: string; readonly class?: string }) => (
  <Frame {...props}>
    <input
      type="text"
      id={props.id}
      name={props.id}
      class={props.class}
      value={props.value ?? ""}
      aria-describedby={describedBy(props)}
      aria-invalid={props.error !== undefined}
    />
  </Frame>
)

/** A multi-line text field. */
export const TextArea = (props: FieldProps & { readonly rows?: number }) => (
  <Frame {...props}>
    <textarea
      id={props.id}
      name={props.id}
      rows={props.rows ?? 4}
      aria-describedby={describedBy(props)}
      aria-invalid={props.error !== undefined}
    />
  </Frame>
)

/** A select of `options` (value and label). */
export const SelectField = (
  props: FieldProps & {
    readonly options: ReadonlyArray<{ readonly value: string; readonly label: string }>
    readonly value?: string
  }
) => (
  <Frame {...props}>
    <select
      id={props.id}
      name={props.id}
      aria-describedby={describedBy(props)}
      aria-invalid={props.error !== undefined}
    >
      <For each={props.options}>
        {(option) => (
          <option value={option.value} selected={option.value === props.value}>
            {option.label}
          </option>
        )}
      </For>
    </select>
  </Frame>
)

/** The text of a form field, trimmed ("" when absent). */
export const textOf = (form: FormData, name: string): string => {
  const value = form.get(name)
  return typeof value === "string" ? value.trim() : ""
}

/** One radio button of a `RadioField`: its value, its label and an icon shown before the label. */
export interface RadioOption {
  readonly value: string
  readonly label: string
  /** Hidden from screen readers, which read the label. */
  readonly icon: string
}

/**
 * A choice of one option as radio buttons under a legend, with the error message inside the fieldset. Each button's
 * id is `name-value`; an error summary links to the first.
 */
export const RadioField = (props: {
  readonly name: string
  readonly legend: string
  readonly options: ReadonlyArray<RadioOption>
  readonly error?: string | undefined
}) => (
  <div class="form-group" classList={{ "form-group--error": props.error !== undefined }}>
    <fieldset aria-describedby={props.error === undefined ? undefined : `${props.name}-error`}>
      <legend>{props.legend}</legend>
      <Show when={props.error}>
        {(error) => (
          <p class="error-message" id={`${props.name}-error`}>
            <span class="visually-hidden">Error:</span> {error()}
          </p>
        )}
      </Show>
      <div class="radios">
        <For each={props.options}>
          {(option) => (
            <div class="radio">
              <input type="radio" id={`${props.name}-${option.value}`} name={props.name} value={option.value} />
              <label for={`${props.name}-${option.value}`}>
                <span aria-hidden="true">{option.icon} </span>
                {option.label}
              </label>
            </div>
          )}
        </For>
      </div>
    </fieldset>
  </div>
)
