import { formatZoned } from './storeClock'
import type { ReportCellKind, ReportColumn } from '../services/reports/tables'

/**
 * One way to write a report's numbers, on paper and on screen: 元 with two decimals and thousands
 * separators, shares as percent with one decimal, changes with their sign. Pure: safe for the renderer.
 */

const MINUS = '−'

function plain(value: number, kind: ReportCellKind): string {
  switch (kind) {
    case 'fen':
      return (value / 100).toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })
    case 'share':
      return `${(value * 100).toFixed(1)}%`
    case 'average':
      return value.toFixed(1)
    default:
      return Math.round(value).toLocaleString('en-US')
  }
}

/** A cell as text; null (no figure) is an em dash. */
export function formatCell(value: string | number | null | undefined, column: Pick<ReportColumn, 'kind' | 'signed'>) {
  if (value == null || value === '') return value === '' ? '' : '—'
  if (typeof value === 'string' || column.kind === 'text') return String(value)
  const text = plain(Math.abs(value), column.kind)
  if (!column.signed) return value < 0 ? `-${text}` : text
  return value > 0 ? `+${text}` : value < 0 ? `${MINUS}${text}` : text
}

/** Excel's number format per kind; the xlsx holds 元 and fractions, so sums in Excel stay right. */
export function excelFormat(column: Pick<ReportColumn, 'kind' | 'signed'>): string | undefined {
  const base = { text: undefined, count: '#,##0', points: '#,##0', fen: '#,##0.00', share: '0.0%', average: '0.0' }[
    column.kind
  ]
  if (!base || !column.signed) return base
  return `+${base};-${base};${base}`
}

/** The number an xlsx cell holds: fen become 元. */
export function excelValue(value: string | number | null | undefined, kind: ReportCellKind) {
  if (value == null) return null
  if (typeof value === 'number' && kind === 'fen') return value / 100
  return value
}

/** The column as it applies to one row: a byRow column takes the row's kind. */
export function columnFor<C extends ReportColumn>(
  column: C,
  rowKinds: readonly (ReportCellKind | undefined)[] | undefined,
  row: number,
): C {
  const kind = column.byRow ? rowKinds?.[row] : undefined
  return kind ? { ...column, kind } : column
}

/** 2026-11-23 10:05 on the store's clock (`zone`), whatever the machine's zone. */
export const formatStamp = (ms: number, zone: string): string => formatZoned(ms, zone)
