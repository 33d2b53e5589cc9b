import { padCell } from '../../db/cli/io'
import type { BenchContext } from './context'
import type { Stat } from './stats'

/**
 * One line of the bench table. `service` is the app's code path, `bare` the same work as a
 * hand-written better-sqlite3 prepared statement; the ratio shows what the layers cost.
 */
export interface BenchRow {
  label: string
  unit: 'ms' | 's'
  service?: Stat
  bare?: Stat
  /** Upper bound for the service's p95 (or its single run), in `unit`. */
  target?: number
  note?: string
}

export interface BenchSection {
  name: string
  run(ctx: BenchContext): Promise<BenchRow[]>
}

const fmt = (v: number | undefined, unit: 'ms' | 's') =>
  v === undefined || Number.isNaN(v) ? '' : unit === 's' ? `${(v / 1000).toFixed(2)} s` : `${v.toFixed(3)}`

const HEAD = ['', 'service p50', 'service p95', 'bare p50', 'bare p95', 'ratio', 'target', '']
const WIDTHS = [50, 12, 12, 10, 10, 7, 10, 0]

export function formatRows(rows: BenchRow[]): string {
  const line = (cells: string[]) =>
    cells
      .map((c, i) => padCell(c, WIDTHS[i]!, i > 0 && i < 7))
      .join('  ')
      .trimEnd()
  const out = [line(HEAD)]
  for (const r of rows) {
    const single = r.unit === 's'
    const ratio = r.service && r.bare ? `×${(r.service.p95 / r.bare.p95).toFixed(1)}` : ''
    const verdict =
      r.target === undefined || !r.service
        ? (r.note ?? '')
        : `${r.service.p95 <= r.target ? '✓' : '✗ MISSED'}${r.note ? ` ${r.note}` : ''}`
    out.push(
      line([
        r.label,
        single ? '' : fmt(r.service?.p50, r.unit),
        fmt(r.service?.p95, r.unit),
        single ? '' : fmt(r.bare?.p50, r.unit),
        fmt(r.bare?.p95, r.unit),
        ratio,
        r.target === undefined ? '' : r.unit === 's' ? `≤ ${r.target / 1000} s` : `≤ ${r.target} ms`,
        verdict,
      ]),
    )
  }
  return out.join('\n')
}

/** A single timed run shown in the p95 column (imports, seeding). */
export const once = (ms: number): Stat => ({ p50: ms, p95: ms, samples: 1 })
