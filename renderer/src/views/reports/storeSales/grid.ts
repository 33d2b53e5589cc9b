import { storeToday } from '@/format/storeClock'

import type { StoreSalesRow } from '../../../../../db/services/reports/storeSales'

const yuan = new Intl.NumberFormat('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })
/** 123456789 fen → "1,234,567.89" (the column header says 元). */
export const yuanCell = (fen: number | null) => (fen === null ? '—' : yuan.format(fen / 100))
/** The figure as typed back into the cell: no separators, so it can be edited as it is. */
export const yuanInput = (fen: number) => (fen / 100).toFixed(2)

/** Months of `year` up to the one in progress, as YYYY-MM. */
export function monthsOf(year: number, now = new Date()): string[] {
  const today = storeToday(now.getTime())
  const last = year < today.y ? 12 : year === today.y ? today.m : 0
  return Array.from({ length: last }, (_, i) => `${year}-${String(i + 1).padStart(2, '0')}`)
}

/**
 * The columns: the active departments of the list (设置 → 课别与专柜) in its order, then any other
 * department with a figure this year (a deactivated one: its history shows, read only).
 */
export function departmentsOf(rows: StoreSalesRow[], active: string[]): string[] {
  const out = [...active]
  for (const d of rows.map((r) => r.department).sort((a, b) => a.localeCompare(b, 'zh-CN')))
    if (!out.includes(d)) out.push(d)
  return out
}

/** Totals are null where there is no figure at all, so an empty month reads — rather than 0.00. */
export interface Grid {
  cell(month: string, department: string): StoreSalesRow | undefined
  monthTotal(month: string): number | null
  departmentTotal(department: string): number | null
  total: number | null
}

export function gridOf(rows: StoreSalesRow[]): Grid {
  const byKey = new Map(rows.map((r) => [`${r.month}/${r.department}`, r]))
  const sum = (pick: (r: StoreSalesRow) => boolean) => {
    const some = rows.filter(pick)
    return some.length ? some.reduce((s, r) => s + r.amountFen, 0) : null
  }
  return {
    cell: (month, department) => byKey.get(`${month}/${department}`),
    monthTotal: (month) => sum((r) => r.month === month),
    departmentTotal: (department) => sum((r) => r.department === department),
    total: sum(() => true),
  }
}
