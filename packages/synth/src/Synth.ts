/**
 * Deterministic synthetic councils: a seed, a council name, a size and a range of collection years in; one 903
 * return per year out, whose proportions resemble England's (shared/domain.md §3) and which passes the DfE rules of
 * ssda903.md §5.3. Same inputs, same output, byte for byte, in Node and in browsers. Never real child data.
 *
 * `children` is exact: the last year's return has exactly that many children looked after at 31 March (short
 * breaks excluded, as `Indicator.claAt31March` counts them). Earlier years vary as starts and ceases make them.
 */
import { CalendarDate, ReportingYear, type Return } from "@cpo/domain"
import { Assemble, Lifecycle } from "./internal/index.ts"
import * as Random from "./Random.ts"

export type { CsvFile } from "./Csv.ts"
export { toCsvFiles } from "./Csv.ts"
export type { InjectedError, InjectionOptions, InjectionResult, Table } from "./ErrorInjection.ts"
export {
  codesNeedingPreviousReturn,
  InjectionImpossible,
  injectErrors,
  isSupported,
  supportedErrorCodes
} from "./ErrorInjection.ts"
export { toXml } from "./Xml.ts"

/** @category models */
export interface Options {
  readonly seed: number
  readonly council: string
  /** Children looked after at 31 March of the last year. */
  readonly children: number
  /** Collection years, named by their 31 March, inclusive. */
  readonly years: { readonly from: number; readonly to: number }
}

/** @category models */
export interface SyntheticCouncil {
  /** One return per collection year, ascending. */
  readonly returns: ReadonlyArray<Return.Return>
  /** Synthetic ONS mid-year estimate of the council's 0–17 population, for rates per 10,000. */
  readonly population: number
}

/** Options that cannot describe a council. @category errors */
export class InvalidOptions extends Error {
  readonly _tag = "InvalidOptions"
}

/** @category models */
export interface Preset {
  readonly name: string
  readonly council: string
  readonly children: number
  readonly seed: number
  readonly years: { readonly from: number; readonly to: number }
}

/**
 * Named sizes for benchmarks (issue 12): Rutland ≈ 40 children looked after at 31 March, a median council ≈ 450, a
 * large county ≈ 2,500, and England ≈ 80,000.
 * @category models
 */
export const presets = {
  rutland: {
    name: "rutland",
    council: "Synthetic Rutland-size Council",
    children: 40,
    seed: 857,
    years: { from: 2024, to: 2026 }
  },
  median: {
    name: "median",
    council: "Synthetic Median Borough",
    children: 450,
    seed: 450,
    years: { from: 2024, to: 2026 }
  },
  largeCounty: {
    name: "largeCounty",
    council: "Synthetic Large County",
    children: 2_500,
    seed: 2500,
    years: { from: 2024, to: 2026 }
  },
  national: {
    name: "national",
    council: "Synthetic England",
    children: 80_000,
    seed: 80_000,
    years: { from: 2025, to: 2026 }
  }
} as const satisfies Record<string, Preset>

const validate = (options: Options) => {
  const { seed, children, years } = options
  if (!Number.isSafeInteger(seed)) throw new InvalidOptions(`seed must be an integer, got ${seed}`)
  if (!Number.isSafeInteger(children) || children < 1 || children > 500_000) {
    throw new InvalidOptions(`children must be an integer from 1 to 500000, got ${children}`)
  }
  if (!Number.isInteger(years.from) || !Number.isInteger(years.to) || years.from > years.to) {
    throw new InvalidOptions(`years must be a range of whole years with from <= to, got ${years.from}-${years.to}`)
  }
  if (years.from < 2000 || years.to > 2100)
    throw new InvalidOptions(`years must lie within 2000-2100, got ${years.from}-${years.to}`)
  if (options.council.trim() === "") throw new InvalidOptions("council must name the council")
}

const dayOf = (d: CalendarDate.CalendarDate) => CalendarDate.toDayNumber(d)

/** A start day, never 1 April, so that no period of care starts exactly on a collection year's first day. */
const startDay = (rng: Random.Random, from: number, span: number) => {
  const day = from + Math.floor(rng.next() * span)
  const d = new Date(day * 86_400_000)
  return d.getUTCMonth() === 3 && d.getUTCDate() === 1 ? day + 1 : day
}

/**
 * Generate a synthetic council's returns.
 * @throws InvalidOptions when the options cannot describe a council (the message names the option).
 * @category constructors
 */
export const generate = (options: Options): SyntheticCouncil => {
  validate(options)
  const { seed, children } = options
  const council = Lifecycle.makeCouncil(seed, options.council, children)
  const firstStart = dayOf(ReportingYear.start(ReportingYear.make(options.years.from)))
  const lastEnd = dayOf(ReportingYear.end(ReportingYear.make(options.years.to)))
  // Children in care at the first year's start may have entered at birth 18 years before; care leavers of 21 then
  // were in care from their 14th birthday.
  const windowStart = firstStart - 19 * 366
  const span = lastEnd - windowStart + 1

  // How many entrants leave one child in care at the last 31 March: a pilot on its own streams.
  const pilotRng = Random.make(seed, 71)
  const pilotSize = Math.min(4000, Math.max(800, children * 5))
  let pilotOpen = 0
  for (let i = 0; i < pilotSize; i++) {
    const life = Lifecycle.simulateLife(
      council,
      (1 << 29) + i,
      startDay(pilotRng, windowStart, span),
      windowStart - 366
    )
    if (life !== null && Lifecycle.isLookedAfterOn(life, lastEnd)) pilotOpen++
  }
  const perEntrant = Math.max(pilotOpen, 1) / pilotSize

  // Born 22 years before the first year starts: out of care and past 21 before any return begins.
  const bornFrom = firstStart - 22 * 366
  const keep = (life: Lifecycle.Life | null): life is Lifecycle.Life => {
    if (life === null) return false
    const lastPeriod = life.periods[life.periods.length - 1]
    if (lastPeriod === undefined) return false
    if (lastPeriod.end >= firstStart) return true
    // Out of care before the first year: it matters only as a care leaver (in care after 16, under 22 then).
    return lastPeriod.end > Lifecycle.birthday(life, 16) && Lifecycle.birthday(life, 22) >= firstStart
  }
  const startRng = Random.make(seed, 72)
  const lives: Array<Lifecycle.Life> = []
  let open = 0
  let serial = 0
  let batch = Math.ceil((children / perEntrant) * 1.03) + 3
  for (let round = 0; round < 50 && open < children; round++) {
    for (let i = 0; i < batch; i++) {
      const life = Lifecycle.simulateLife(council, serial++, startDay(startRng, windowStart, span), bornFrom)
      if (!keep(life)) continue
      lives.push(life)
      if (Lifecycle.isLookedAfterOn(life, lastEnd)) open++
    }
    batch = Math.ceil(((children - open) / perEntrant) * 1.2) + 3
  }

  // Drop the surplus of children in care at the last 31 March at random, so the count is exact.
  const dropRng = Random.make(seed, 73)
  const openIndexes: Array<number> = []
  lives.forEach((life, i) => {
    if (Lifecycle.isLookedAfterOn(life, lastEnd)) openIndexes.push(i)
  })
  for (let i = openIndexes.length - 1; i > 0; i--) {
    const j = dropRng.int(0, i)
    const t = openIndexes[i]!
    openIndexes[i] = openIndexes[j]!
    openIndexes[j] = t
  }
  const dropped = new Set(openIndexes.slice(0, Math.max(0, open - children)))
  const kept = lives.filter((_, i) => !dropped.has(i))

  // Disabled children on agreed series of short breaks, about 2% of the size a year: in the return, never counted.
  const breakRng = Random.make(seed, 74)
  const breakFrom = firstStart - 4 * 365
  const breakCount = Math.round(0.02 * children * ((lastEnd - breakFrom) / 365))
  for (let i = 0; i < breakCount; i++) {
    kept.push(
      Lifecycle.simulateShortBreaks(
        council,
        Lifecycle.shortBreakSerialBase + i,
        startDay(breakRng, breakFrom, lastEnd - breakFrom)
      )
    )
  }

  // CHILD ids in a shuffled order, so that ids say nothing about when a child came into care.
  const idRng = Random.make(seed, 75)
  const order = kept.map((_, i) => i)
  for (let i = order.length - 1; i > 0; i--) {
    const j = idRng.int(0, i)
    const t = order[i]!
    order[i] = order[j]!
    order[j] = t
  }
  const env = Assemble.makeEnvironment(council, 100 + (Random.hash(seed, 76) % 900))
  const identified = order.map((index, k) =>
    Assemble.identify(env, kept[index]!, String(1_000_001 + k) as Assemble.Identified["id"], firstStart)
  )
  const returns: Array<Return.Return> = []
  for (let year = options.years.from; year <= options.years.to; year++)
    returns.push(Assemble.assemble(env, identified, year))

  // England's rate is about 70 per 10,000 under-18s; councils range from about 25 to 190.
  const rateRng = Random.make(seed, 77)
  const rate = children >= 20_000 ? 70 : Math.min(190, Math.max(25, 70 * Math.exp(rateRng.normal(0, 0.35))))
  return { returns, population: Math.round((children * 10_000) / rate) }
}
