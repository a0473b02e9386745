/**
 * How a published figure reads on screen: the unit after a value, what `c`, `x` and `z` mean, and numerators and
 * denominators in words. Presentation only; the figures and their suppression come from the API.
 */
import type { Direction, Entry, Rag } from "../data/scorecard.ts"

/** The DfE publication symbols the API may send instead of a number. */
const symbols: Readonly<Record<string, string>> = {
  c: "Suppressed to protect confidentiality: the figure involves between 1 and 5 children.",
  x: "Not available.",
  z: "Not applicable."
}

/** Whether `display` is a symbol rather than a number. @category predicates */
export const isSymbol = (display: string): boolean => display in symbols

/** The sentence explaining a symbol, with the API's reason when it gave one. @category getters */
export const explainSymbol = (entry: Pick<Entry, "display" | "reason">): string | undefined => {
  const meaning = symbols[entry.display]
  if (meaning === undefined) return undefined
  return entry.reason === undefined ? meaning : `${meaning.slice(0, -1)}: ${entry.reason}.`
}

/** The unit shown after a number (`%`, `per 10,000`), empty for counts. @category getters */
export const unitSuffix = (unit: Entry["unit"]): string =>
  unit === "percent" ? "%" : unit === "rate" ? " per 10,000" : ""

const number = new Intl.NumberFormat("en-GB", { maximumFractionDigits: 1 })

/** A number as the page shows it, rounded like the published figure for its unit. @category getters */
export const formatValue = (value: number, unit: Entry["unit"]): string =>
  unit === "score"
    ? value.toFixed(1)
    : `${number.format(unit === "count" ? value : Math.round(value))}${unitSuffix(unit)}`

/** Numerator and denominator in words, e.g. "316 of 445 children". @category getters */
export const fraction = (entry: Pick<Entry, "numerator" | "denominator" | "unit">): string | undefined => {
  if (entry.numerator === null) return undefined
  if (entry.unit === "percent" && entry.denominator !== null) {
    return `${number.format(entry.numerator)} of ${number.format(entry.denominator)}`
  }
  if (entry.unit === "rate") {
    return entry.denominator === null
      ? `${number.format(entry.numerator)} children`
      : `${number.format(entry.numerator)} children in a population of ${number.format(entry.denominator)}`
  }
  return undefined
}

/** @category getters */
export const polarityText = (polarity: Entry["polarity"]): string =>
  polarity === "higher_is_better"
    ? "Higher is better"
    : polarity === "lower_is_better"
      ? "Lower is better"
      : "Neither higher nor lower is better"

/** RAG as words and a shape, so colour is never the only carrier. @category getters */
export const ragText: Readonly<Record<Rag, { readonly label: string; readonly icon: string }>> = {
  green: { label: "Green: on target", icon: "✓" },
  amber: { label: "Amber: close to target", icon: "!" },
  red: { label: "Red: off target", icon: "✕" }
}

/** @category getters */
export const directionText: Readonly<Record<Direction, { readonly label: string; readonly icon: string }>> = {
  improving: { label: "Improving", icon: "▲" },
  declining: { label: "Declining", icon: "▼" },
  stable: { label: "Stable", icon: "▶" }
}
