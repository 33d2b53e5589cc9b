/** Timing helpers for the bench: many short samples after a warm-up, reported as percentiles. */
export interface Stat {
  p50: number
  p95: number
  samples: number
}

export function percentile(sorted: number[], p: number): number {
  if (!sorted.length) return NaN
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))]!
}

export function statOf(times: number[]): Stat {
  const sorted = [...times].sort((a, b) => a - b)
  return { p50: percentile(sorted, 0.5), p95: percentile(sorted, 0.95), samples: sorted.length }
}

/**
 * Times `run(input)` once per sample, cycling through `inputs`; the warm-up lets V8 optimise and
 * SQLite fill its page cache before anything is recorded.
 */
export function sample<T>(inputs: readonly T[], run: (input: T) => unknown, samples = 500, warmup = 50): Stat {
  for (let i = 0; i < warmup; i++) run(inputs[i % inputs.length]!)
  const times: number[] = []
  for (let i = 0; i < samples; i++) {
    const input = inputs[i % inputs.length]!
    const t = performance.now()
    run(input)
    times.push(performance.now() - t)
  }
  return statOf(times)
}

export async function timeOnce<T>(fn: () => T | Promise<T>): Promise<{ ms: number; value: T }> {
  const t = performance.now()
  const value = await fn()
  return { ms: performance.now() - t, value }
}
