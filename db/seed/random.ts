/**
 * A small seeded random source, so that the same seed always yields the same sample members
 * (tests and screenshots can rely on them). Math.random cannot be seeded, hence this.
 */
export class Random {
  private state: number

  constructor(seed: number) {
    // Mix the seed once so that neighbouring seeds (1, 2, 3) do not start out alike.
    this.state = (Math.imul(seed ^ 0x5bd1e995, 0x9e3779b1) ^ 0x2545f491) >>> 0
  }

  /** A float in [0, 1): a 32-bit counter-based generator (SplitMix32 style). */
  next(): number {
    this.state = (this.state + 0x9e3779b9) >>> 0
    let z = this.state
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b)
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35)
    z ^= z >>> 16
    return (z >>> 0) / 4294967296
  }

  /** An integer in [min, max]. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1))
  }

  chance(p: number): boolean {
    return this.next() < p
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)]!
  }

  /** `n` decimal digits as text (leading zeros kept). */
  digits(n: number): string {
    let s = ''
    for (let i = 0; i < n; i++) s += Math.floor(this.next() * 10)
    return s
  }

  /** Roughly normal (sum of three uniforms), for ages and the like. */
  bell(mean: number, spread: number): number {
    return mean + (this.next() + this.next() + this.next() - 1.5) * spread
  }
}

/** A list of choices with weights, picked by binary search over the running totals. */
export class Weighted<T> {
  private readonly items: T[] = []
  private readonly totals: number[] = []
  private sum = 0

  constructor(entries: Iterable<readonly [T, number]>) {
    for (const [item, weight] of entries) {
      if (weight <= 0) continue
      this.sum += weight
      this.items.push(item)
      this.totals.push(this.sum)
    }
    if (!this.items.length) throw new Error('Weighted: no choices')
  }

  pick(rnd: Random): T {
    const x = rnd.next() * this.sum
    let lo = 0
    let hi = this.totals.length - 1
    while (lo < hi) {
      const mid = (lo + hi) >> 1
      if (this.totals[mid]! > x) hi = mid
      else lo = mid + 1
    }
    return this.items[lo]!
  }
}
