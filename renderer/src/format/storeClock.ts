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
  return shiftMonthText(`${y}-${two(m)}`, offset)
}

/** The instant a store wall-clock time names (e.g. a date input's day at 15:00). */
export const storeWallMs = (y: number, m: number, d: number, h = 0, mi = 0) => zonedToMs({ y, m, d, h, mi }, zone)

/** 'YYYY-MM-DD HH:mm' of an instant on the store's clock. */
export const storeDateTime = (ms: number) => formatZoned(ms, zone)

/** Parts of an instant on the store's clock (for short forms like 'MM-DD HH:mm'). */
export const storeParts = (ms: number) => zonedParts(ms, zone)

/**
 * Naive UI's date pickers build their calendars from the machine's local dates, so a picker's
 * timestamp names a calendar day through the machine's getters. Reading it that way (and never as
 * an instant) keeps a desk set to another zone from shifting the day it shows.
 */
export function pickerDay(ts: number): string {
  const d = new Date(ts)
  return `${d.getFullYear()}-${two(d.getMonth() + 1)}-${two(d.getDate())}`
}

/** For `is-date-disabled`: a day after the store's today. */
export const isAfterStoreToday = (ts: number) => pickerDay(ts) > storeDayText()

/** For `is-date-disabled`: a day before the given 'YYYY-MM-DD'. */
export const isBeforeDay = (ts: number, day: string) => pickerDay(ts) < day

const WALL_TEXT = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2})$/

/**
 * A datetime picker's value ('yyyy-MM-dd HH:mm', its `value-format`) read on the store's clock:
 * 15:00 typed at a desk whose machine runs on UTC is still 15:00 in the store.
 */
export function wallTextMs(text: string | null | undefined): number | null {
  const p = WALL_TEXT.exec(text ?? '')
  if (!p) return null
  const [y, m, d, h, mi] = p.slice(1).map(Number) as [number, number, number, number, number]
  return storeWallMs(y, m, d, h, mi)
}

/** 'YYYY-MM' shifted by whole months (calendar arithmetic on the text, no zone involved). */
export function shiftMonthText(month: string, by: number): string {
  const [y, m] = month.split('-').map(Number) as [number, number]
  const first = new Date(Date.UTC(y, m - 1 + by, 1))
  return `${first.getUTCFullYear()}-${two(first.getUTCMonth() + 1)}`
}
