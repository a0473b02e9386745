/**
 * A 903 code list: the codes DfE allows in a field, each with the label people read.
 *
 * The schema is a union of literals, each annotated with its label, so that decoding rejects unknown codes and the
 * generated JSON Schema / OpenAPI lists every code with its meaning.
 */
import { Schema } from "effect"

/** @category models */
export interface CodeList<Code extends string> {
  readonly identifier: string
  readonly title: string
  readonly codes: ReadonlyArray<Code>
  readonly labels: Readonly<Record<Code, string>>
  readonly schema: Schema.Codec<Code, Code>
  /** The human label of a code. */
  readonly label: (code: Code) => string
  /** Whether a raw string is one of the codes. */
  readonly is: (raw: string) => raw is Code
  /**
   * The list's own string for a code spelled `raw`, or `undefined` when it is not one. A decoder should keep this
   * string rather than its input: the list's strings are the very ones code written as literals holds, so comparing a
   * decoded code with `"P1"` is a pointer comparison, not a character-by-character one.
   */
  readonly find: (raw: string) => Code | undefined
}

/** @category constructors */
export const make = <const Labels extends Record<string, string>>(
  identifier: string,
  title: string,
  labels: Labels
): CodeList<Extract<keyof Labels, string>> => {
  type Code = Extract<keyof Labels, string>
  const codes = Object.keys(labels) as Array<Code>
  const known = new Map<string, Code>(codes.map((code) => [code, code]))
  const members = codes.map((code) => Schema.Literal(code).annotate({ title: labels[code] }))
  const schema = Schema.Union(members).annotate({ identifier, title }) as unknown as Schema.Codec<Code, Code>
  return {
    identifier,
    title,
    codes,
    labels: labels as Readonly<Record<Code, string>>,
    schema,
    label: (code) => labels[code] ?? code,
    is: (raw): raw is Code => known.has(raw),
    find: (raw) => known.get(raw)
  }
}
