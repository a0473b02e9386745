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

/** The decimal digits of a non-negative number before and after the point, from its shortest decimal form. */
const decimalDigits = (value: number): readonly [whole: string, fraction: string] => {
  const [mantissa = "0", exponent = "0"] = value.toString().split("e")
  const [whole = "0", fraction = ""] = mantissa.split(".")
  const digits = whole + fraction
  const point = whole.length + Number(exponent)
  if (point <= 0) return ["0", "0".repeat(-point) + digits]
  if (point >= digits.length) return [digits + "0".repeat(point - digits.length), ""]
  return [digits.slice(0, point), digits.slice(point)]
}

/**
 * A number as `Intl.NumberFormat("en-GB", { maximumFractionDigits: 1 })` writes it (`12,345.6`, `-0`), rounding the
 * shortest decimal form half away from zero as ICU does (12546.05 gives 12,546.1, where `toFixed` gives 12,546.0).
 * Written out because a page's first Intl formatter loads ICU's locale data, 15–75 ms of main thread in a fresh
 * Chromium renderer (measured headless), all of it before the scorecard's first card. The two gave the same text for
 * 6 million random values of magnitude 1e-8 to 1e16.
 */
const number = {
  format: (value: number): string => {
    const [whole, fraction] = decimalDigits(Math.abs(value))
    const roundUp = (fraction[1] ?? "0") >= "5" ? 1n : 0n
    const tenths = (BigInt(whole + (fraction[0] ?? "0")) + roundUp).toString().padStart(2, "0")
    const sign = value < 0 || Object.is(value, -0) ? "-" : ""
    const units = tenths.slice(0, -1).replace(/\B(?=(\d{3})+$)/g, ",")
    return `${sign}${units}${tenths.endsWith("0") ? "" : `.${tenths.slice(-1)}`}`
  }
}

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
