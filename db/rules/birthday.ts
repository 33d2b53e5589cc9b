import { LunarMonth, LunarYear, SolarDay } from 'tyme4ts'
import { formatYmd, isValidSolar, parseDateText, type Ymd } from './dates'
import { birthdayLabel } from './lunarText'
import { toHalfWidth } from './text'

export type Calendar = 'solar' | 'lunar'

/** A birthday as the member gives it, in its own calendar. */
export interface Birthday {
  calendar: Calendar
  year: number
  month: number
  day: number
  leapMonth: boolean
}

export type BirthdayResult = { ok: true; value: Birthday } | { ok: false; reason: string }

/**
 * tyme4ts works each lunar month out astronomically (tens of µs a call), and an import of 100,000
 * members asks about the same few hundred months again and again. A month is fully described by
 * the solar date of its first day and its length, so that is what is kept (at most ~2,600 months
 * in 1900–2100); every day inside it is then plain arithmetic.
 */
const monthCache = new Map<number, { firstUtc: number; days: number }>()
function lunarMonthInfo(year: number, month: number, leap: boolean): { firstUtc: number; days: number } {
  const key = year * 100 + (leap ? -month : month)
  let info = monthCache.get(key)
  if (!info) {
    const lm = LunarMonth.fromYm(year, leap ? -month : month)
    const first = lm.getFirstJulianDay().getSolarDay()
    info = { firstUtc: Date.UTC(first.getYear(), first.getMonth() - 1, first.getDay()), days: lm.getDayCount() }
    monthCache.set(key, info)
  }
  return info
}
const leapCache = new Map<number, number>()
function leapMonthOf(year: number): number {
  let leap = leapCache.get(year)
  if (leap === undefined) leapCache.set(year, (leap = LunarYear.fromYear(year).getLeapMonth()))
  return leap
}

/** Why a lunar date does not exist, or null when it does. */
export function lunarProblem(year: number, month: number, day: number, leap: boolean): string | null {
  if (year < 1900 || year > 2100) return '农历年份须在1900–2100之间'
  if (month < 1 || month > 12) return '农历月份须在1–12之间'
  if (leap && leapMonthOf(year) !== month) return `农历${year}年没有闰${month}月`
  if (day < 1 || day > 30) return '农历日期须在1–30之间'
  const days = lunarMonthInfo(year, month, leap).days
  if (day > days) return `农历${year}年${leap ? '闰' : ''}${month}月只有${days}天`
  return null
}

export function checkBirthday(b: Birthday): string | null {
  if (b.calendar === 'solar') {
    if (b.leapMonth) return '公历生日不能标记闰月'
    return isValidSolar({ y: b.year, m: b.month, d: b.day }) ? null : '生日不是有效日期'
  }
  return lunarProblem(b.year, b.month, b.day, b.leapMonth)
}

/**
 * Reads a birthday cell. `lunarFlag` and `leapFlag` come from separate 农历 / 闰月 fields; the text
 * may also say so itself (农历1988-08-15, 农历1990年闰5月10日). The day is checked against the leap
 * month when either says leap: its 30th may not exist in the ordinary month.
 */
export function parseBirthday(raw: string, lunarFlag = false, leapFlag = false): BirthdayResult {
  let s = toHalfWidth(raw).replace(/\s/g, '')
  let lunar = lunarFlag
  const marked = /^(农历|阴历)/.exec(s)
  if (marked) {
    lunar = true
    s = s.slice(marked[0].length)
  } else if (/^(公历|阳历|新历)/.test(s)) {
    s = s.slice(2)
  }
  const parsed = parseDateText(s)
  if (!parsed) return { ok: false, reason: '无法识别的日期格式（例：1990-01-02）' }
  if (parsed.leap && !lunar) lunar = true
  const value: Birthday = {
    calendar: lunar ? 'lunar' : 'solar',
    year: parsed.y,
    month: parsed.m,
    day: parsed.d,
    leapMonth: parsed.leap || leapFlag,
  }
  const problem = checkBirthday(value)
  return problem ? { ok: false, reason: problem } : { ok: true, value }
}

/** YYYY-MM-DD in the birthday's own calendar (the leap flag travels separately). */
export const formatBirthday = (b: Birthday) => formatYmd({ y: b.year, m: b.month, d: b.day })

/** Shown as staff write it: 1990-05-10, or 农历1990年闰五月初十 (see `lunarText.ts`). */
export const describeBirthday = (b: Birthday): string => birthdayLabel(formatBirthday(b), b.calendar, b.leapMonth)

export function lunarToSolar(year: number, month: number, day: number, leap: boolean): Ymd {
  const at = new Date(lunarMonthInfo(year, month, leap).firstUtc + (day - 1) * 86400000)
  return { y: at.getUTCFullYear(), m: at.getUTCMonth() + 1, d: at.getUTCDate() }
}

export function solarToLunar({ y, m, d }: Ymd): Birthday {
  const lunar = SolarDay.fromYmd(y, m, d).getLunarDay()
  const lm = lunar.getLunarMonth()
  return {
    calendar: 'lunar',
    year: lunar.getYear(),
    month: Math.abs(lm.getMonthWithLeap()),
    day: lunar.getDay(),
    leapMonth: lm.isLeap(),
  }
}

/** The solar date of birth itself (lunar birthdays converted in their own year). */
export function birthDateSolar(b: Birthday): Ymd {
  return b.calendar === 'solar'
    ? { y: b.year, m: b.month, d: b.day }
    : lunarToSolar(b.year, b.month, b.day, b.leapMonth)
}

/** The day a birthday is celebrated in one lunar or solar year, clamped when that year lacks it. */
function celebratedIn(b: Pick<Birthday, 'calendar' | 'month' | 'day' | 'leapMonth'>, year: number): Ymd {
  if (b.calendar === 'solar') {
    // 2月29日 is kept on 2月28日 in common years.
    const last = new Date(Date.UTC(year, b.month, 0)).getUTCDate()
    return { y: year, m: b.month, d: Math.min(b.day, last) }
  }
  // A leap-month birthday is kept in the ordinary month of years without that leap month; a 30th in
  // a 29-day month on the month's last day.
  const leap = b.leapMonth && leapMonthOf(year) === b.month
  const days = lunarMonthInfo(year, b.month, leap).days
  return lunarToSolar(year, b.month, Math.min(b.day, days), leap)
}

/**
 * The next day (on or after `today`) a member's birthday falls on, by the solar date: a lunar
 * birthday moves every year, and the lunar year that began in the previous solar year may still
 * hold it (a 腊月 birthday lands in January or February).
 */
export function nextBirthday(b: Pick<Birthday, 'calendar' | 'month' | 'day' | 'leapMonth'>, today: Ymd): Ymd {
  const key = (x: Ymd) => x.y * 10000 + x.m * 100 + x.d
  const from = key(today)
  let best: Ymd | null = null
  for (const year of [today.y - 1, today.y, today.y + 1]) {
    const at = celebratedIn(b, year)
    if (key(at) >= from && (!best || key(at) < key(best))) best = at
  }
  return best ?? celebratedIn(b, today.y + 1)
}

/**
 * The birthday as a solar date in a given year: a lunar birthday counts on the day it falls on
 * that (lunar) year (a leap month or a 30th the year lacks falls back to the ordinary month / the
 * 29th), a 29 February on the 28th in other years.
 */
export function birthdayInYear(b: Birthday, year: number): Ymd {
  if (b.calendar === 'solar') {
    const d = { y: year, m: b.month, d: b.day }
    return isValidSolar(d) ? d : { y: year, m: b.month, d: b.day - 1 }
  }
  const leap = b.leapMonth && !lunarProblem(year, b.month, 1, true)
  const day = lunarProblem(year, b.month, b.day, leap) ? 29 : b.day
  return birthDateSolar({ calendar: 'lunar', year, month: b.month, day, leapMonth: leap })
}

/**
 * The day a birthday falls on within one solar month, or null. A lunar 腊月 birthday of lunar
 * year Y-1 falls in January or February of Y, so both lunar years are tried.
 */
export function birthdayInMonth(b: Birthday, year: number, month: number): Ymd | null {
  for (const y of b.calendar === 'lunar' ? [year - 1, year] : [year]) {
    const d = birthdayInYear(b, y)
    if (d.y === year && d.m === month) return d
  }
  return null
}
