import { describe, expect, it } from 'vitest'
import { describeBirthday, parseBirthday } from '../../db/rules/birthday'
import { birthdayLabel, lunarDateText, lunarDayName, lunarMonthName } from '../../db/rules/lunarText'

describe('lunar dates as staff write them', () => {
  it('names the months: 正月 for the first, 冬月 and 腊月 for the last two, 闰 before a leap month', () => {
    expect([1, 2, 10, 11, 12].map((m) => lunarMonthName(m))).toEqual(['正月', '二月', '十月', '冬月', '腊月'])
    expect(lunarMonthName(3, true)).toBe('闰三月')
    expect(lunarMonthName(12, true)).toBe('闰腊月')
    expect(() => lunarMonthName(13)).toThrow(RangeError)
  })

  it('names the days 初一 … 初十, 十一 … 十九, 二十, 廿一 … 廿九, 三十', () => {
    const all = Array.from({ length: 30 }, (_, i) => lunarDayName(i + 1))
    expect(all.slice(0, 10)).toEqual(['初一', '初二', '初三', '初四', '初五', '初六', '初七', '初八', '初九', '初十'])
    expect(all.slice(10, 20)).toEqual(['十一', '十二', '十三', '十四', '十五', '十六', '十七', '十八', '十九', '二十'])
    expect(all.slice(20)).toEqual(['廿一', '廿二', '廿三', '廿四', '廿五', '廿六', '廿七', '廿八', '廿九', '三十'])
    expect(new Set(all).size).toBe(30)
    expect(() => lunarDayName(0)).toThrow(RangeError)
    expect(() => lunarDayName(31)).toThrow(RangeError)
  })

  it('writes a whole date with or without its year', () => {
    expect(lunarDateText({ month: 3, day: 26, leapMonth: true })).toBe('农历闰三月廿六')
    expect(lunarDateText({ year: 1966, month: 3, day: 26, leapMonth: true })).toBe('农历1966年闰三月廿六')
    expect(lunarDateText({ year: 0, month: 1, day: 1, leapMonth: false })).toBe('农历正月初一')
    expect(lunarDateText({ year: 1990, month: 12, day: 30, leapMonth: false })).toBe('农历1990年腊月三十')
  })

  it('labels a stored birthday: solar ones stay 1966-04-15, lunar ones read in words, never 农历1966-闰03-26', () => {
    expect(birthdayLabel('1966-04-15', 'solar')).toBe('1966-04-15')
    expect(birthdayLabel('0000-04-15', 'solar')).toBe('04-15')
    expect(birthdayLabel('1966-03-26', 'lunar', true)).toBe('农历1966年闰三月廿六')
    expect(birthdayLabel('0000-11-05', 'lunar')).toBe('农历冬月初五')
    const parsed = parseBirthday('农历1966-闰03-26')
    expect(parsed.ok && describeBirthday(parsed.value)).toBe('农历1966年闰三月廿六')
    expect(parsed.ok && describeBirthday({ ...parsed.value, calendar: 'solar', leapMonth: false })).toBe('1966-03-26')
  })
})
