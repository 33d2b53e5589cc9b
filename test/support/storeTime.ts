import { DEFAULT_TIME_ZONE, ymdInZone, zonedToMs } from '../../db/rules/storeClock'

/**
 * Test dates on the store's clock (Asia/Shanghai, the default setting), so a test means the same
 * instant under any TZ the suite runs with. Same arguments as `new Date(y, monthIndex, …)`,
 * including its overflow (day 0 = the last day of the month before).
 */
export function storeDate(y: number, monthIndex: number, d = 1, h = 0, mi = 0, s = 0, ms = 0): Date {
  return new Date(zonedToMs({ y, m: monthIndex + 1, d, h, mi, s, ms }, DEFAULT_TIME_ZONE))
}

/** yyyymmdd of an instant on the store's calendar. */
export function storeDayOf(at: Date | number): number {
  const { y, m, d } = ymdInZone(typeof at === 'number' ? at : at.getTime(), DEFAULT_TIME_ZONE)
  return y * 10000 + m * 100 + d
}
