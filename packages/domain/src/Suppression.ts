/**
 * Statistical disclosure control: what members and the public may see of small numbers (domain.md §5.1). Officers
 * see exact figures. For members and the public a count of 1 to 5 is shown as `c` (primary suppression), and more
 * cells are hidden (secondary suppression) until no published line — a row or column with its total, or a count with
 * its complement — has exactly one hidden entry, because a single hidden entry in a line is its total minus the
 * others. A true zero stays visible: DfE shows 0 only when the value is zero. Every output (scorecard, cohort
 * profiles, care-leaver tables) goes through this module.
 */
import type { Audience } from "./Audience.ts"

/** A published count: the number, or `c` when suppressed. @category models */
export type Cell = number | "c"

/** Counts of 1 to 5 are disclosive (domain.md §5.1). @category predicates */
export const isSmall = (n: number): boolean => n >= 1 && n <= 5

/** Whether an audience sees suppressed figures. @category predicates */
export const appliesTo = (audience: Audience): boolean => audience !== "officer"

/**
 * Which of `values` to hide so that no line (a list of positions whose last is the total of the others) has exactly
 * one hidden position. Primary: every small value. Secondary, for a line with one hidden position: the smallest
 * non-zero visible value other than the total, else the line's total.
 * @category getters
 */
export const hiddenPositions = (
  values: ReadonlyArray<number>,
  lines: ReadonlyArray<ReadonlyArray<number>>
): ReadonlyArray<boolean> => {
  const hidden = values.map(isSmall)
  let changed = true
  while (changed) {
    changed = false
    for (const line of lines) {
      if (line.filter((p) => hidden[p]).length !== 1) continue
      const total = line[line.length - 1]!
      let pick = -1
      for (const p of line) {
        if (p === total || hidden[p] || values[p] === 0) continue
        if (pick < 0 || values[p]! < values[pick]!) pick = p
      }
      // With every other entry zero, the one hidden entry is not the total (the total would be 0), so hide the total.
      if (pick < 0 && !hidden[total]) pick = total
      if (pick >= 0) {
        hidden[pick] = true
        changed = true
      }
    }
  }
  return hidden
}

const shown = (values: ReadonlyArray<number>, hidden: ReadonlyArray<boolean>): ReadonlyArray<Cell> =>
  values.map((v, i) => (hidden[i] ? "c" : v))

/** A one-way table as published: the groups and their total. @category models */
export interface List {
  readonly cells: ReadonlyArray<Cell>
  readonly total: Cell
}

/**
 * A list of counts and their total (the sum of the counts) for an audience.
 * @category getters
 */
export const list = (counts: ReadonlyArray<number>, audience: Audience): List => {
  const total = counts.reduce((a, b) => a + b, 0)
  if (!appliesTo(audience)) return { cells: counts, total }
  const values = [...counts, total]
  const hidden = hiddenPositions(values, [values.map((_, i) => i)])
  const out = shown(values, hidden)
  return { cells: out.slice(0, counts.length), total: out[counts.length]! }
}

/** A two-way table as published, with row, column and grand totals. @category models */
export interface Table {
  readonly cells: ReadonlyArray<ReadonlyArray<Cell>>
  readonly rowTotals: ReadonlyArray<Cell>
  readonly columnTotals: ReadonlyArray<Cell>
  readonly total: Cell
}

/**
 * A two-way table of counts (rows of equal length) with its margins for an audience.
 * @category getters
 */
export const table = (counts: ReadonlyArray<ReadonlyArray<number>>, audience: Audience): Table => {
  const rows = counts.length
  const columns = counts[0]?.length ?? 0
  const rowTotals = counts.map((r) => r.reduce((a, b) => a + b, 0))
  const columnTotals = Array.from({ length: columns }, (_, j) => counts.reduce((a, r) => a + (r[j] ?? 0), 0))
  const total = rowTotals.reduce((a, b) => a + b, 0)
  if (!appliesTo(audience)) return { cells: counts, rowTotals, columnTotals, total }
  // Positions: cell (i, j) is i * (columns + 1) + j; column `columns` holds row totals, row `rows` column totals.
  const width = columns + 1
  const grid = [...counts.map((r, i) => [...r, rowTotals[i]!]), [...columnTotals, total]].flat()
  const lines: Array<Array<number>> = []
  for (let i = 0; i <= rows; i++) lines.push(Array.from({ length: width }, (_, j) => i * width + j))
  for (let j = 0; j <= columns; j++) lines.push(Array.from({ length: rows + 1 }, (_, i) => i * width + j))
  const out = shown(grid, hiddenPositions(grid, lines))
  const at = (i: number, j: number) => out[i * width + j]!
  return {
    cells: counts.map((r, i) => r.map((_, j) => at(i, j))),
    rowTotals: counts.map((_, i) => at(i, columns)),
    columnTotals: Array.from({ length: columns }, (_, j) => at(rows, j)),
    total: at(rows, columns)
  }
}

/**
 * A proportion `numerator` of `denominator` for an audience: the numerator and its complement (denominator −
 * numerator) are one line with the denominator as total, so hiding a small numerator hides the complement too, and a
 * small complement hides the numerator. `showValue` is false when the percentage would reveal a hidden count.
 * @category getters
 */
export const proportion = (
  numerator: number,
  denominator: number,
  audience: Audience
): { readonly numerator: Cell; readonly denominator: Cell; readonly showValue: boolean } => {
  if (!appliesTo(audience)) return { numerator, denominator, showValue: true }
  const values = [numerator, Math.max(denominator - numerator, 0), denominator]
  const hidden = hiddenPositions(values, [[0, 1, 2]])
  return {
    numerator: hidden[0] ? "c" : numerator,
    denominator: hidden[2] ? "c" : denominator,
    showValue: !hidden.some((h) => h)
  }
}

/** A single count for an audience. @category getters */
export const count = (n: number, audience: Audience): Cell => (appliesTo(audience) && isSmall(n) ? "c" : n)
