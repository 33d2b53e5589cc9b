import type { Ymd } from './dates'
import { ymdInZone } from './storeClock'

/**
 * The store day of many instants in a row (an import, a seed, a ledger pass). Consecutive lines
 * of one member often share a day; the rest cost one offset lookup (storeClock memoises the
 * zone's offset per quarter hour of instants).
 */
export function storeDayCache(zone: string): (ms: number) => Ymd {
  let last = Number.NaN
  let day: Ymd = { y: 0, m: 0, d: 0 }
  return (ms) => {
    if (ms !== last) {
      day = ymdInZone(ms, zone)
      last = ms
    }
    return day
  }
}
