import type { Db } from './handle'
import { statements } from './statements'
import type { Ymd } from './rules/dates'
import { DEFAULT_TIME_ZONE, dayIntInZone, isValidTimeZone, monthKeyInZone, ymdInZone } from './rules/storeClock'

// Nearly every call asks for the zone: the statement is prepared once per connection.
const zoneSetting = statements((s) => s.prepare("SELECT value FROM settings WHERE key = 'timeZone'").pluck())

/**
 * The store's zone as set in 设置 (key `timeZone`), read straight from its row: services call it
 * once per call, so it stays cheap without a cache that another process's change could outdate.
 */
export function storeZone(db: Db): string {
  const row = zoneSetting(db).get() as string | undefined
  if (row === undefined) return DEFAULT_TIME_ZONE
  try {
    const zone = JSON.parse(row) as unknown
    return typeof zone === 'string' && isValidTimeZone(zone) ? zone : DEFAULT_TIME_ZONE
  } catch {
    return DEFAULT_TIME_ZONE
  }
}

/** Today in the store's calendar (by the database's injectable clock). */
export const storeToday = (db: Db): Ymd => ymdInZone(db.now().getTime(), storeZone(db))

/** Today as yyyymmdd in the store's calendar. */
export const storeDayInt = (db: Db): number => dayIntInZone(db.now().getTime(), storeZone(db))

/** This month as yyyymm in the store's calendar. */
export const storeMonthKey = (db: Db): number => monthKeyInZone(db.now().getTime(), storeZone(db))
