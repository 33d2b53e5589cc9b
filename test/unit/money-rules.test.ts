import { describe, expect, it } from 'vitest'
import { DEFAULT_LIMITS, latestPurchaseDay, purchaseDayProblem } from '../../db/rules/limits'
import { parseWholeNumber, parseYuan } from '../../db/rules/money'
import { DEFAULT_EARNING_RULES, floorProduct, pointsForLine } from '../../db/rules/points'
import { DEFAULT_SETTINGS } from '../../db/services/settings'
import { yuanToFen } from '../../renderer/src/format/money'

describe('one 元 parser', () => {
  it('reads 元 text exactly by its digits', () => {
    expect(parseYuan('12.34')).toBe(1234)
    expect(parseYuan('0.29')).toBe(29)
    expect(parseYuan('¥1,280.50')).toBe(128050)
    expect(parseYuan('１２．３４')).toBe(1234)
    expect(parseYuan('1280元')).toBe(128000)
    expect(parseYuan('-35', { signed: true })).toBe(-3500)
  })

  it('refuses a third decimal, a negative where none belongs, and what is not an amount', () => {
    for (const bad of ['12.345', '-1', '1e5', '', '.5', 'abc', '1.2.3']) expect(parseYuan(bad)).toBeNull()
  })

  it('reads a number through its two-decimal text, never by multiplying floats', () => {
    expect(parseYuan(0.1 + 0.2)).toBe(30)
    expect(parseYuan(1.005 * 1000)).toBe(100500)
    expect(parseYuan(12.345)).toBeNull()
    expect(parseYuan(Number.NaN)).toBeNull()
    expect(parseYuan(-0.5, { signed: true })).toBe(-50)
  })

  it('reads whole numbers with separators and full-width digits', () => {
    expect(parseWholeNumber('１，２００')).toBe(1200)
    expect(parseWholeNumber(' 7 ')).toBe(7)
    expect(parseWholeNumber('1.5')).toBeNull()
    expect(parseWholeNumber('-3')).toBeNull()
    expect(parseWholeNumber(2.5)).toBeNull()
  })
})

describe('limits', () => {
  it('are a settings key with the documented defaults', () => {
    expect(DEFAULT_SETTINGS.limits).toEqual(DEFAULT_LIMITS)
    expect(DEFAULT_LIMITS.maxLineFen).toBe(100_000_000)
  })

  it('allow purchases from 1990-01-01 to the store’s tomorrow, across a month end', () => {
    expect(latestPurchaseDay(DEFAULT_LIMITS, 20261231)).toBe(20270101)
    expect(purchaseDayProblem(DEFAULT_LIMITS, 19900101, 20261123)).toBeNull()
    expect(purchaseDayProblem(DEFAULT_LIMITS, 19891231, 20261123)).toBe('交易日期不能早于 1990-01-01')
    expect(purchaseDayProblem(DEFAULT_LIMITS, 20261125, 20261123)).toBe('交易日期不能晚于 2026-11-24（门店今天之后）')
  })
})

describe('points in integers', () => {
  it('rounds down once, on the exact product, not a float nudged by a tolerance', () => {
    // 1 元 × 0.99999 × 1.00001 = 0.9999999999 points: the float sum plus 1e-9 made it 1.
    const odd = { ...DEFAULT_EARNING_RULES, pointsPerYuan: 0.99999 }
    expect(
      pointsForLine(odd, { amountFen: 100, noPoints: false }, [{ label: '活动', factor: 1.00001 }], null).points,
    ).toBe(0)
    // 123.45 元 × 1.1 × 2 = 271.59 → 271; 1,000,000 元 × 1.5 = 1,500,000 exactly.
    const r = { ...DEFAULT_EARNING_RULES, pointsPerYuan: 1.1 }
    expect(pointsForLine(r, { amountFen: 12345, noPoints: false }, [{ label: '会员日', factor: 2 }], null).points).toBe(
      271,
    )
    expect(floorProduct(100_000_000, [1.5], 100)).toBe(1_500_000)
    expect(floorProduct(29, [1], 1)).toBe(29)
  })
})

describe('the screens’ money inputs', () => {
  it('turn 元 into fen by the same parser, leaving a third decimal for the service to refuse', () => {
    expect(yuanToFen(0.1 + 0.2)).toBe(30)
    expect(yuanToFen(-35.5)).toBe(-3550)
    expect(yuanToFen(1234.56)).toBe(123456)
    expect(Number.isInteger(yuanToFen(12.345))).toBe(false)
  })
})
