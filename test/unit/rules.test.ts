import { describe, expect, it } from 'vitest'
import { describeBirthday, lunarProblem, lunarToSolar, parseBirthday, solarToLunar } from '../../db/rules/birthday'
import { parseDateText } from '../../db/rules/dates'
import { checkDivision, splitAddress } from '../../db/rules/divisions'
import { checkIdNumber, idCheckChar, maskIdNumber } from '../../db/rules/idNumber'
import { maskPhone, normalizePhone } from '../../db/rules/phone'

describe('resident ID numbers (GB 11643)', () => {
  it('accepts the standard example whose check character is X', () => {
    expect(checkIdNumber('11010519491231002X')).toEqual({ ok: true, birthDate: '1949-12-31' })
  })
  it('computes the check character from the weighted sum mod 11', () => {
    // 1*7+1*9+0*10+1*5+0*8+5*4+1*2+9*1+4*6+9*3+1*7+2*9+3*10+1*5+0*8+0*4+2*2 = 167; 167 % 11 = 2 → 'X'
    expect(idCheckChar('11010519491231002')).toBe('X')
  })
  it('rejects a wrong check character and an impossible birth date', () => {
    expect(checkIdNumber('110105194912310021').reason).toMatch(/校验位/)
    expect(checkIdNumber('110105194902300024').reason).toMatch(/出生日期/)
    expect(checkIdNumber('1101051949').reason).toMatch(/18位/)
  })
  it('masks all but the area code and the last four', () => {
    expect(maskIdNumber('11010519491231002X')).toBe('110105********002X')
  })
})

describe('mobile phones', () => {
  it('reads what real sheets contain', () => {
    expect(normalizePhone(13812345678)).toBe('13812345678')
    expect(normalizePhone(' 138 1234-5678 ')).toBe('13812345678')
    expect(normalizePhone('１３８１２３４５６７８')).toBe('13812345678')
    expect(normalizePhone('+86 13812345678')).toBe('13812345678')
  })
  it('refuses what is not a mainland mobile', () => {
    expect(normalizePhone('12812345678')).toBeNull()
    expect(normalizePhone('1381234567')).toBeNull()
    expect(normalizePhone('020-12345678')).toBeNull()
  })
  it('is masked in lists as 138****5678', () => {
    expect(maskPhone('13812345678')).toBe('138****5678')
  })
})

describe('dates as people write them', () => {
  it.each([
    ['1990-01-02', { y: 1990, m: 1, d: 2 }],
    ['1990/1/2', { y: 1990, m: 1, d: 2 }],
    ['19900102', { y: 1990, m: 1, d: 2 }],
    ['1990年1月2日', { y: 1990, m: 1, d: 2 }],
    ['1990.1.2', { y: 1990, m: 1, d: 2 }],
  ])('%s', (text, ymd) => {
    expect(parseDateText(text)).toEqual({ ...ymd, leap: false })
  })
  it('reads an Excel serial number (32875 = 1990-01-02)', () => {
    expect(parseDateText('32875')).toEqual({ y: 1990, m: 1, d: 2, leap: false })
  })
})

describe('birthdays', () => {
  it('marks a birthday written with 农历 as lunar', () => {
    expect(parseBirthday('农历1988-08-15')).toEqual({
      ok: true,
      value: { calendar: 'lunar', year: 1988, month: 8, day: 15, leapMonth: false },
    })
  })
  it('reads a leap month written with 闰', () => {
    const r = parseBirthday('农历1990年闰5月10日')
    expect(r).toEqual({ ok: true, value: { calendar: 'lunar', year: 1990, month: 5, day: 10, leapMonth: true } })
    expect(parseBirthday('1990-闰5-10')).toEqual(r)
    if (r.ok) expect(describeBirthday(r.value)).toBe('农历1990年闰五月初十')
  })
  it('refuses a leap month the year does not have', () => {
    const r = parseBirthday('农历1991年闰5月10日')
    expect(r).toEqual({ ok: false, reason: '农历1991年没有闰5月' })
  })
  it('refuses day 30 in a 29-day lunar month', () => {
    // 2023's leap 2nd month ran 2023-03-22 … 2023-04-19 (the 3rd month began on 20 April): 29 days
    expect(parseBirthday('农历2023年闰2月30日')).toEqual({ ok: false, reason: '农历2023年闰2月只有29天' })
    expect(parseBirthday('农历2023年闰2月29日').ok).toBe(true)
  })
  it('refuses impossible solar dates', () => {
    expect(parseBirthday('1990-02-30').ok).toBe(false)
    expect(parseBirthday('hello').ok).toBe(false)
  })
  it('converts lunar to solar by the published calendar', () => {
    // Chinese New Year 2024 fell on 10 February; mid-autumn 1988 on 25 September.
    expect(lunarToSolar(2024, 1, 1, false)).toEqual({ y: 2024, m: 2, d: 10 })
    expect(lunarToSolar(1988, 8, 15, false)).toEqual({ y: 1988, m: 9, d: 25 })
    expect(solarToLunar({ y: 2024, m: 2, d: 10 })).toMatchObject({ year: 2024, month: 1, day: 1 })
  })
})

describe('administrative divisions', () => {
  it('corrects short spellings to the official names', () => {
    expect(checkDivision('广东', '广州', '天河区')).toEqual({ province: '广东省', city: '广州市', district: '天河区' })
  })
  it('uses the municipality as its own city', () => {
    expect(checkDivision('北京市', null, '朝阳区')).toEqual({ province: '北京市', city: '北京市', district: '朝阳区' })
  })
  it('says which part is wrong', () => {
    expect(checkDivision('广东省', '长沙市', null).problem).toEqual({
      field: 'city',
      reason: '"长沙市" 不是广东省的城市',
    })
    expect(checkDivision('火星', null, null).problem?.field).toBe('province')
  })
  it('splits a one-column address', () => {
    expect(splitAddress('广东省广州市天河区体育西路1号')).toEqual({
      province: '广东省',
      city: '广州市',
      district: '天河区',
      street: '体育西路1号',
    })
    expect(splitAddress('上海市浦东新区世纪大道100号')).toMatchObject({
      province: '上海市',
      city: '上海市',
      district: '浦东新区',
    })
  })
})

describe('lunar month arithmetic', () => {
  it('agrees with the calendar library day by day across 1900–2100', async () => {
    const { LunarDay, LunarMonth } = await import('tyme4ts')
    let checked = 0
    for (let year = 1900; year <= 2100; year += 7) {
      for (let m = 1; m <= 12; m++) {
        for (const leap of [false, true]) {
          if (leap && lunarProblem(year, m, 1, true)) continue
          const days = LunarMonth.fromYm(year, leap ? -m : m).getDayCount()
          expect(lunarProblem(year, m, days, leap)).toBeNull()
          if (days === 29) expect(lunarProblem(year, m, 30, leap)).toMatch(/只有29天/)
          for (let d = 1; d <= days; d++) {
            const s = LunarDay.fromYmd(year, leap ? -m : m, d).getSolarDay()
            expect(lunarToSolar(year, m, d, leap)).toEqual({ y: s.getYear(), m: s.getMonth(), d: s.getDay() })
            checked++
          }
        }
      }
    }
    expect(checked).toBeGreaterThan(10_000)
  })
})
