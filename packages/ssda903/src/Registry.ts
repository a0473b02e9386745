/**
 * The rules in force in each collection year. As the DfE tools organise them (ssda903.md §5.1), a year's registry is
 * the previous year's plus the rules added or changed that year, minus those retired: a changed rule is a new
 * definition under the same code that replaces the old one from its first year.
 */
import type { Rule } from "./Rule.ts"
import * as Rules from "./Rules.ts"

/** The first collection year with a registry. @category models */
export const firstYear = 2016
/** The last collection year with rules (2026/27 is a draft). @category models */
export const lastYear = 2027

/** What changed in a year. @category models */
export interface YearChanges {
  readonly year: number
  readonly added: ReadonlyArray<Rule>
  readonly changed: ReadonlyArray<Rule>
  readonly retired: ReadonlyArray<string>
}

/** The changes that make `year` from the year before. @category getters */
export const changesIn = (year: number, rules: ReadonlyArray<Rule> = Rules.all): YearChanges => {
  const starting = rules.filter((r) => r.years.from === year)
  const before = new Set(rules.filter((r) => r.years.to === year - 1 || isIn(r, year - 1)).map((r) => r.code))
  const continuing = new Set(rules.filter((r) => isIn(r, year) && r.years.from < year).map((r) => r.code))
  return {
    year,
    added: starting.filter((r) => year === firstYear || !before.has(r.code)),
    changed: starting.filter((r) => year !== firstYear && before.has(r.code)),
    retired: [...before].filter((code) => !continuing.has(code) && !starting.some((r) => r.code === code)).sort()
  }
}

const isIn = (r: Rule, year: number) => r.years.from <= year && (r.years.to === undefined || year <= r.years.to)

/**
 * The registry for a collection year, built by folding each year's changes onto the previous year's registry. Years
 * before the first use the first year's rules; years after the last, the last year's.
 * @category getters
 */
export const forYear = (year: number, rules: ReadonlyArray<Rule> = Rules.all): ReadonlyArray<Rule> => {
  const target = Math.max(year, firstYear)
  let registry = new Map<string, Rule>()
  for (let y = firstYear; y <= target; y++) {
    const changes = changesIn(y, rules)
    const next = new Map(registry)
    for (const code of changes.retired) next.delete(code)
    for (const r of [...changes.added, ...changes.changed]) next.set(r.code, r)
    registry = next
  }
  return [...registry.values()].sort((a, b) => compareCodes(a.code, b.code))
}

/** Numeric codes in number order, then lettered and named codes. @category getters */
export const compareCodes = (a: string, b: string): number => {
  const na = Number.parseInt(a, 10)
  const nb = Number.parseInt(b, 10)
  if (Number.isNaN(na) !== Number.isNaN(nb)) return Number.isNaN(na) ? 1 : -1
  if (!Number.isNaN(na) && na !== nb) return na - nb
  return a < b ? -1 : a > b ? 1 : 0
}
