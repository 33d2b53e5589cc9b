import { describe, expect, it } from 'vitest'
import {
  categoryOf,
  eligibility,
  GIFT_CATEGORY_LABELS,
  SMALL_REDEMPTION_MAX_BALANCE,
  withinReturnWindow,
  type GiftTerms,
} from '../../db/rules/gifts'
import { DEFAULT_TIER_TABLE } from '../../db/rules/tiers'

const today = 20261123
const gift = (over: Partial<GiftTerms> = {}): GiftTerms => ({
  name: '保温杯',
  active: true,
  pointsPrice: 500,
  onHand: 10,
  availableFrom: null,
  availableUntil: null,
  maxBalance: null,
  minTier: null,
  ...over,
})
const member = (points: number, tier = '普卡') => ({ points, tier })
const check = (g: Partial<GiftTerms>, points: number, tier = '普卡', qty = 1) =>
  eligibility(gift(g), member(points, tier), today, DEFAULT_TIER_TABLE, qty)

describe('gift categories', () => {
  it('are stored as keys and shown with the Chinese labels of the plan', () => {
    expect(Object.values(GIFT_CATEGORY_LABELS)).toEqual([
      '开卡礼',
      '生日礼',
      '推荐礼',
      '积分兑换',
      '回门礼',
      '蛋糕鲜花',
      '其他',
    ])
  })
  it('are read from a sheet by label, key or a close wording', () => {
    expect(categoryOf('积分兑换')).toBe('redemption')
    expect(categoryOf('cake')).toBe('cake')
    expect(categoryOf('生日蛋糕')).toBe('cake')
    expect(categoryOf('回门赠礼')).toBe('comeback')
    expect(categoryOf('饮料')).toBeUndefined()
  })
})

describe('a member may redeem a gift', () => {
  it('when it is on offer, in its window, in stock, and the member has the points', () => {
    expect(check({}, 500)).toEqual({ ok: true })
  })

  it('not when the gift is withdrawn or is not a redemption gift', () => {
    expect(check({ active: false }, 5000)).toEqual({ ok: false, reason: '保温杯已停用' })
    expect(check({ pointsPrice: null }, 5000)).toEqual({ ok: false, reason: '保温杯不是积分兑换礼品' })
  })

  it('only within its availability window (a quarter), both ends included', () => {
    const q4 = { availableFrom: 20261001, availableUntil: 20261231 }
    expect(check(q4, 500)).toEqual({ ok: true })
    expect(check({ availableFrom: 20261123 }, 500).ok).toBe(true)
    expect(check({ availableUntil: 20261123 }, 500).ok).toBe(true)
    expect(check({ availableFrom: 20270101 }, 500)).toEqual({ ok: false, reason: '保温杯自 2027-01-01 起才可兑换' })
    expect(check({ availableUntil: 20260930 }, 500)).toEqual({
      ok: false,
      reason: '保温杯的兑换期已于 2026-09-30 结束',
    })
  })

  it('only while there is stock for the quantity asked', () => {
    expect(check({ onHand: 0 }, 5000)).toEqual({ ok: false, reason: '保温杯已无库存' })
    expect(check({ onHand: 2 }, 5000, '普卡', 3)).toEqual({ ok: false, reason: '保温杯库存不足：仅剩 2 件' })
    expect(check({ onHand: 3 }, 5000, '普卡', 3)).toEqual({ ok: true })
  })

  it('only from its lowest tier up', () => {
    expect(check({ minTier: '金卡' }, 5000, '银卡')).toEqual({ ok: false, reason: '保温杯仅限金卡及以上会员兑换' })
    expect(check({ minTier: '金卡' }, 5000, '金卡').ok).toBe(true)
    expect(check({ minTier: '金卡' }, 5000, '钻石卡').ok).toBe(true)
  })

  it('small redemptions only for members under 3,000 points', () => {
    const small = { maxBalance: SMALL_REDEMPTION_MAX_BALANCE }
    expect(check(small, 2999)).toEqual({ ok: true })
    expect(check(small, 3000)).toEqual({ ok: false, reason: '保温杯仅限积分低于 3,000 分的会员兑换' })
  })

  it('only with enough points for every unit, and says how many are missing', () => {
    expect(check({}, 499)).toEqual({ ok: false, reason: '积分不足：保温杯需要 500 分，当前可用 499 分' })
    expect(check({}, 999, '普卡', 2)).toEqual({ ok: false, reason: '积分不足：保温杯需要 1,000 分，当前可用 999 分' })
  })

  it('gives the first reason in the order staff check: the gift, then the member', () => {
    expect(check({ onHand: 0, minTier: '金卡' }, 0)).toEqual({
      ok: false,
      reason: '保温杯已无库存',
    })
  })
})

describe('a redeemed gift comes back', () => {
  const at = new Date('2026-11-20T10:00:00+08:00').getTime()
  const hours = (h: number) => at + h * 3600_000
  it('only within 3 days of the redemption', () => {
    expect(withinReturnWindow(at, hours(1))).toBe(true)
    expect(withinReturnWindow(at, hours(72))).toBe(true)
    expect(withinReturnWindow(at, hours(72) + 1)).toBe(false)
    expect(withinReturnWindow(at, hours(-1))).toBe(false)
  })
})
