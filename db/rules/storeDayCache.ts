import type { Ymd } from './dates'
import { endOfDayMs, startOfDayMs, ymdInZone } from './storeClock'

/**
 * The store day of many instants in a row (an import, a seed, a ledger pass): Intl is slow per
 * call, but consecutive lines mostly share a day, so the last day's bounds answer most of them.
 */
export function storeDayCache(zone: string): (ms: number) => Ymd {
  let from = 1
  let to = 0
  let day: Ymd = { y: 0, m: 0, d: 0 }
  return (ms) => {
    if (ms >= from && ms < to) return day
    day = ymdInZone(ms, zone)
    from = startOfDayMs(day, zone)
    to = endOfDayMs(day, zone)
    return day
  }
}
