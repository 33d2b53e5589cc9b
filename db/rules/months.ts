/**
 * Calendar months as the reports use them: 'YYYY-MM' on the outside, yyyymm integers in the
 * database (purchase_date / 100). Pure: safe for the renderer.
 */
/** yyyymm */
export type MonthKey = number

export const MONTH_PATTERN = /^(\d{4})-(\d{2})$/

/** 'YYYY-MM' → yyyymm, or null when it is not a month between 2000 and 2100. */
export function monthKeyOf(text: string): MonthKey | null {
  const m = MONTH_PATTERN.exec(text.trim())
  if (!m) return null
  const y = Number(m[1])
  const mo = Number(m[2])
  if (y < 2000 || y > 2100 || mo < 1 || mo > 12) return null
  return y * 100 + mo
}

/** A 'YYYY-MM' month, e.g. from a route query. */
export const isMonthText = (value: unknown): value is string => typeof value === 'string' && monthKeyOf(value) !== null

export const monthText = (key: MonthKey): string => `${Math.floor(key / 100)}-${String(key % 100).padStart(2, '0')}`

/** 202603 → 2026年3月 */
export const monthChinese = (key: MonthKey): string => `${Math.floor(key / 100)}年${key % 100}月`

export function shiftMonth(key: MonthKey, by: number): MonthKey {
  const total = Math.floor(key / 100) * 12 + (key % 100) - 1 + by
  return Math.floor(total / 12) * 100 + (total % 12) + 1
}

/** Months from `from` to `to`, both included. */
export function monthsBetween(from: MonthKey, to: MonthKey): MonthKey[] {
  const out: MonthKey[] = []
  for (let k = from; k <= to; k = shiftMonth(k, 1)) out.push(k)
  return out
}

export const firstDayOf = (key: MonthKey): number => key * 100 + 1
export function lastDayOf(key: MonthKey): number {
  const y = Math.floor(key / 100)
  const m = key % 100
  return key * 100 + new Date(Date.UTC(y, m, 0)).getUTCDate()
}

export const monthOfDay = (day: number): MonthKey => Math.floor(day / 100)
