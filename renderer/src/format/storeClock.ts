import { DEFAULT_TIME_ZONE, formatZoned, isValidTimeZone, zonedParts, zonedToMs } from '../../../db/rules/storeClock'

/**
 * The store's zone for everything the screens show or default to (today, this month, times):
 * main tells it with the session state and the settings, so a desk whose Windows clock is set to
 * another zone still shows the store's days.
 */
let zone = DEFAULT_TIME_ZONE

export function setStoreZone(next: string | undefined): void {
  if (next && isValidTimeZone(next)) zone = next
}

export const storeZoneName = () => zone

const two = (n: number) => String(n).padStart(2, '0')

/** Today on the store's calendar. */
export function storeToday(now = Date.now()): { y: number; m: number; d: number } {
  const { y, m, d } = zonedParts(now, zone)
  return { y, m, d }
}

/** 'YYYY-MM-DD' of today (or of an instant) on the store's calendar. */
export function storeDayText(ms = Date.now()): string {
  const { y, m, d } = zonedParts(ms, zone)
  return `${y}-${two(m)}-${two(d)}`
}

/** 'YYYY-MM' of this month shifted by `offset` months, on the store's calendar. */
export function storeMonthText(offset = 0, now = Date.now()): string {
  const { y, m } = zonedParts(now, zone)
  const first = new Date(Date.UTC(y, m - 1 + offset, 1))
  return `${first.getUTCFullYear()}-${two(first.getUTCMonth() + 1)}`
}

/** The instant a store wall-clock time names (e.g. a date input's day at 15:00). */
export const storeWallMs = (y: number, m: number, d: number, h = 0, mi = 0) => zonedToMs({ y, m, d, h, mi }, zone)

/** 'YYYY-MM-DD HH:mm' of an instant on the store's clock. */
export const storeDateTime = (ms: number) => formatZoned(ms, zone)

/** Parts of an instant on the store's clock (for short forms like 'MM-DD HH:mm'). */
export const storeParts = (ms: number) => zonedParts(ms, zone)
