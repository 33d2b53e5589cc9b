/**
 * Lunar dates the way staff write them: 农历闰三月廿六, 正月初一, 冬月十五, 腊月三十. Pure text, no
 * calendar arithmetic (that is `birthday.ts`'s), so every screen, list, export and printed page can
 * share it.
 */

const MONTHS = ['正', '二', '三', '四', '五', '六', '七', '八', '九', '十', '冬', '腊'] as const
const DIGITS = ['', '一', '二', '三', '四', '五', '六', '七', '八', '九', '十'] as const

/** 1 → 正月, 3 leap → 闰三月, 11 → 冬月, 12 → 腊月. */
export function lunarMonthName(month: number, leap = false): string {
  const name = MONTHS[month - 1]
  if (!name) throw new RangeError(`lunar month ${month}`)
  return `${leap ? '闰' : ''}${name}月`
}

/** 1 → 初一, 10 → 初十, 15 → 十五, 20 → 二十, 26 → 廿六, 30 → 三十. */
export function lunarDayName(day: number): string {
  if (!Number.isInteger(day) || day < 1 || day > 30) throw new RangeError(`lunar day ${day}`)
  if (day <= 10) return `初${DIGITS[day]}`
  if (day < 20) return `十${DIGITS[day - 10]}`
  if (day === 20) return '二十'
  if (day < 30) return `廿${DIGITS[day - 20]}`
  return '三十'
}

export interface LunarDateParts {
  /** The lunar year; 0, null or absent when unknown (a birthday kept without its year). */
  year?: number | null
  month: number
  day: number
  leapMonth: boolean
}

/** 农历闰三月廿六, or with its year 农历1966年闰三月廿六. */
export function lunarDateText({ year, month, day, leapMonth }: LunarDateParts): string {
  return `农历${year ? `${year}年` : ''}${lunarMonthName(month, leapMonth)}${lunarDayName(day)}`
}

/**
 * A birthday as it is shown everywhere: a solar one as 1966-04-15 (04-15 without a year), a lunar
 * one in words (农历1966年闰三月廿六, 农历闰三月廿六 without a year). `date` is 'YYYY-MM-DD' in the
 * birthday's own calendar, year 0000 when unknown.
 */
export function birthdayLabel(date: string, calendar: 'solar' | 'lunar', leapMonth = false): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date)
  if (!m) return date
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])]
  if (calendar === 'solar') return year ? date : date.slice(5)
  return lunarDateText({ year, month, day, leapMonth })
}
