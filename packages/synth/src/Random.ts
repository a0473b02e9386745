/**
 * A small seeded pseudo-random generator (sfc32, seeded through a murmur3-style mix), so that the same seed gives
 * the same synthetic council, byte for byte, in Node and in browsers. `Math.random` is never used.
 */

/** A stream of pseudo-random numbers and the draws synthetic data needs. @category models */
export interface Random {
  /** A float in [0, 1). */
  readonly next: () => number
  /** An integer in [min, max], both inclusive. */
  readonly int: (min: number, max: number) => number
  /** `true` with probability `p`. */
  readonly chance: (p: number) => boolean
  /** One element, uniformly. The array must not be empty. */
  readonly pick: <A>(values: ReadonlyArray<A>) => A
  /** One value of a weighted table. */
  readonly weighted: <A>(table: Weighted<A>) => A
  /** A normally distributed float (Box–Muller). */
  readonly normal: (mean: number, sd: number) => number
  /** An exponentially distributed float with the given mean. */
  readonly exponential: (mean: number) => number
  /**
   * Restart the stream as if made with these seeds. Simulating hundreds of thousands of children reseeds one
   * generator per child instead of allocating one: same numbers, far less garbage.
   */
  readonly reseed: (...seed: ReadonlyArray<number>) => void
}

/** Values with relative weights, prepared once for repeated draws. @category models */
export interface Weighted<A> {
  readonly values: ReadonlyArray<A>
  readonly cumulative: ReadonlyArray<number>
  readonly total: number
}

/** @category constructors */
export const weights = <A>(entries: ReadonlyArray<readonly [A, number]>): Weighted<A> => {
  const values: Array<A> = []
  const cumulative: Array<number> = []
  let total = 0
  for (const [value, weight] of entries) {
    if (weight <= 0) continue
    total += weight
    values.push(value)
    cumulative.push(total)
  }
  if (values.length === 0) throw new Error("a weighted table needs at least one positive weight")
  return { values, cumulative, total }
}

const mix = (h: number): number => {
  let x = h >>> 0
  x ^= x >>> 16
  x = Math.imul(x, 0x85ebca6b)
  x ^= x >>> 13
  x = Math.imul(x, 0xc2b2ae35)
  x ^= x >>> 16
  return x >>> 0
}

/**
 * One 32-bit seed from several integers (a seed, a child's serial, a year, a purpose), so that independent draws
 * for different purposes never share a stream.
 * @category constructors
 */
export const hash = (...parts: ReadonlyArray<number>): number => {
  let h = 0x9e3779b9
  for (const part of parts) {
    h = mix(h ^ mix(Math.floor(part) ^ Math.floor(part / 0x100000000)))
    h = (Math.imul(h, 5) + 0xe6546b64) >>> 0
  }
  return mix(h)
}

/** A generator seeded from one or more integers. @category constructors */
export const make = (...seed: ReadonlyArray<number>): Random => {
  let a = 0
  let b = 0
  let c = 0
  let d = 1
  const next = (): number => {
    const t = (((a + b) | 0) + d) | 0
    d = (d + 1) | 0
    a = b ^ (b >>> 9)
    b = (c + (c << 3)) | 0
    c = (c << 21) | (c >>> 11)
    c = (c + t) | 0
    return (t >>> 0) / 4294967296
  }
  const reseed = (...parts: ReadonlyArray<number>) => {
    // One hash of the seed, spread over the three words of state; the warm-up rounds decorrelate nearby seeds.
    const h = hash(...parts)
    a = mix(h ^ 0x3c6ef372)
    b = mix((h + 0x9e3779b9) >>> 0)
    c = mix(h ^ 0xa54ff53a)
    d = 1
    for (let i = 0; i < 12; i++) next()
  }
  reseed(...seed)
  const int = (min: number, max: number): number => min + Math.floor(next() * (max - min + 1))
  const weighted = <A>(table: Weighted<A>): A => {
    const r = next() * table.total
    const cumulative = table.cumulative
    let lo = 0
    let hi = cumulative.length - 1
    while (lo < hi) {
      const mid = (lo + hi) >>> 1
      if (cumulative[mid]! > r) hi = mid
      else lo = mid + 1
    }
    return table.values[lo]!
  }
  return {
    next,
    int,
    chance: (p) => next() < p,
    pick: (values) => values[Math.floor(next() * values.length)]!,
    weighted,
    normal: (mean, sd) => mean + sd * Math.sqrt(-2 * Math.log(1 - next())) * Math.cos(2 * Math.PI * next()),
    exponential: (mean) => -mean * Math.log(1 - next()),
    reseed
  }
}
