import { formatYmd, parseIsoDay } from './dates'
import { endOfDayMs, startOfDayMs, ymdInZone, zonedToMs } from './storeClock'

/**
 * When granted points lapse (docs/domain.md "Expiry"). Two policies: a calendar year's points
 * lapse together on 1 January of the next year, or each grant lapses N months after it was
 * earned. Dates are the store's calendar days (its time-zone setting); a grant lapses at the start of its expiry day.
 */
export type ExpiryPolicy = 'calendarYear' | 'rolling'

export interface ExpiryRules {
  policy: ExpiryPolicy
  /** For 'rolling': months a grant stays valid. */
  months: number
}

export const DEFAULT_EXPIRY_RULES: ExpiryRules = { policy: 'calendarYear', months: 24 }

/** The store's midnight (ms) of the day a grant made at `at` lapses, by the store's calendar. */
export function expiryOf(rules: ExpiryRules, at: number, zone: string): number {
  const d = ymdInZone(at, zone)
  if (rules.policy === 'calendarYear') return zonedToMs({ y: d.y + 1, m: 1, d: 1 }, zone)
  // 31 March + 1 month has no 31 April: the grant lapses on the last day of the shorter month.
  const month = d.m - 1 + rules.months
  const y = d.y + Math.floor(month / 12)
  const m = (month % 12) + 1
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate()
  return zonedToMs({ y, m, d: Math.min(d.d, last) }, zone)
}

/**
 * expiryOf for a stream of grants: consecutive grants on the same store day (or, for the calendar
 * policy, the same year) share the answer, so a pass over millions of entries converts few times.
 */
export function expiryCache(rules: ExpiryRules, zone: string): (at: number) => number {
  let from = 1
  let to = 0
  let value = 0
  return (at) => {
    if (at >= from && at < to) return value
    const d = ymdInZone(at, zone)
    if (rules.policy === 'calendarYear') {
      from = zonedToMs({ y: d.y, m: 1, d: 1 }, zone)
      to = zonedToMs({ y: d.y + 1, m: 1, d: 1 }, zone)
    } else {
      from = startOfDayMs(d, zone)
      to = endOfDayMs(d, zone)
    }
    value = expiryOf(rules, at, zone)
    return value
  }
}

/** 'YYYY-MM-DD' → the store's midnight (ms) of that day, or null when it is not a real date. */
export function parseDay(text: string, zone: string): number | null {
  const day = parseIsoDay(text)
  return day ? startOfDayMs(day, zone) : null
}

/** An instant → its store day as 'YYYY-MM-DD'. */
export const formatDay = (ms: number, zone: string): string => formatYmd(ymdInZone(ms, zone))
