import { formatZoned } from '../../../db/rules/storeClock'
import { storeDayText, storeZoneName } from './storeClock'

/**
 * Timestamps (ms) as 2026-11-23 20:10 on the store's clock: the one date-and-time style of the
 * screens, the exports and the printed pages (`formatZoned`, which the PDFs use too).
 */
export const formatDateTime = (ms: number): string => formatZoned(ms, storeZoneName())

/** Today as 'YYYY-MM-DD' on the store's calendar. */
export const todayText = (): string => storeDayText()

export function formatBytes(n: number): string {
  if (n < 1024) return `${n} B`
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} KB`
  return `${(n / 1024 / 1024).toFixed(1)} MB`
}
