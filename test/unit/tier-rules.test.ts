import { describe, expect, it } from 'vitest'
import {
  addMonths,
  DEFAULT_CARD_VALIDITY,
  DEFAULT_TIER_TABLE as T,
  isSleeping,
  qualifiesForRenewal,
  renewedUntil,
  reviewDecision,
  reviewDueOn,
  tierFor,
  tierMultiplier,
  tierNames,
  tierTableProblems,
  upgradeOnPurchase,
  validUntilFor,
} from '../../db/rules/tiers'

const yuan = (n: number) => n * 100
const tier = (spendYuan: number, points = 0) => tierFor(T, { spendFen: yuan(spendYuan), points }).name

describe('tiers follow the last 12 months of spend, or points', () => {
  it('the default table is 普卡, 银卡, 金卡, 钻石卡 with 95 / 90 / 85 % discounts', () => {
    expect(tierNames({ tierTable: T })).toEqual(['普卡', '银卡', '金卡', '钻石卡'])
    expect(T.map((t) => t.discountPct)).toEqual([100, 95, 90, 85])
  })

  it('a member who spent less than 3,000 元 keeps the base card', () => expect(tier(2999.99)).toBe('普卡'))
  it('a member who spent 3,000 元 in the last 12 months is 银卡', () => expect(tier(3000)).toBe('银卡'))
  it('a member who spent 5,000 元 in the last 12 months is 金卡', () => expect(tier(5000)).toBe('金卡'))
  it('a member who spent 10,000 元 in the last 12 months is 钻石卡', () => expect(tier(12000)).toBe('钻石卡'))
  it('a member with 20,000 points is 金卡 whatever they spent', () => expect(tier(100, 20000)).toBe('金卡'))
  it('spend that reaches a higher tier than points wins', () => expect(tier(10000, 20000)).toBe('钻石卡'))

  it('a tier not in the table earns × 1', () => {
    expect(tierMultiplier(T, '铂金卡')).toBe(1)
    expect(tierMultiplier([{ ...T[0]!, multiplier: 1.5 }], '普卡')).toBe(1.5)
  })
})

describe('upgrades on a purchase, downgrades only at the review', () => {
  it('a purchase that lifts the 12-month spend to 5,120 元 makes a 普卡 member 金卡, and says why', () => {
    expect(upgradeOnPurchase(T, '普卡', { spendFen: yuan(5120), points: 0 })).toEqual({
      to: '金卡',
      reason: '近12个月消费 5,120 元，达到金卡标准',
    })
  })

  it('a 钻石卡 member whose spend fell is not downgraded by a purchase', () => {
    expect(upgradeOnPurchase(T, '钻石卡', { spendFen: yuan(100), points: 0 })).toBeNull()
  })

  it('points reaching 20,000 lift a member to 金卡 with that reason', () => {
    expect(upgradeOnPurchase(T, '银卡', { spendFen: yuan(3500), points: 20000 })?.reason).toBe(
      '积分 20,000，达到金卡标准',
    )
  })

  it('at the review a 金卡 member who spent 3,200 元 goes down to 银卡', () => {
    expect(reviewDecision(T, '金卡', { spendFen: yuan(3200), points: 0 })).toEqual({
      to: '银卡',
      reason: '年度评级降级：近12个月消费 3,200 元，达到银卡标准',
    })
  })

  it('at the review a member who still earns their tier stays', () => {
    expect(reviewDecision(T, '银卡', { spendFen: yuan(4000), points: 0 })).toBeNull()
  })

  it('the review day that applies is the latest one on or before today', () => {
    expect(reviewDueOn({ month: 1, day: 1 }, 20261123)).toBe(20260101)
    expect(reviewDueOn({ month: 12, day: 1 }, 20261123)).toBe(20251201)
    expect(reviewDueOn({ month: 2, day: 29 }, 20270301)).toBe(20270228)
  })
})

describe('the tier table in settings', () => {
  it('the default table is valid', () => expect(tierTableProblems(T)).toEqual([]))
  it('names must be unique', () => {
    expect(tierTableProblems([...T, { ...T[3]!, minSpendFen: yuan(20000) }])).toContain('等级名称不能重复')
  })
  it('the first tier is the base and has no threshold', () => {
    expect(tierTableProblems([{ ...T[0]!, minSpendFen: 1 }, ...T.slice(1)])[0]).toMatch(/基础等级/)
  })
  it('thresholds rise tier by tier', () => {
    const bad = [T[0]!, T[2]!, T[1]!, T[3]!]
    expect(tierTableProblems(bad)).toContain('消费门槛须逐级升高（银卡）')
  })
  it('every tier above the base needs a threshold', () => {
    expect(tierTableProblems([T[0]!, { ...T[1]!, minSpendFen: null }])).toContain('银卡：请设置消费或积分门槛')
  })
})

describe('card validity', () => {
  const v = DEFAULT_CARD_VALIDITY
  it('a card opened on 2024-03-15 is valid until 2026-03-15 (2 years)', () => {
    expect(validUntilFor(20240315, v)).toBe(20260315)
  })
  it('a card opened on 29 February runs to 28 February', () => expect(validUntilFor(20240229, v)).toBe(20260228))
  it('31 March plus one month is 30 April', () => expect(addMonths(20260331, 1)).toBe(20260430))
  it('a member who earned 1,000 points in the period qualifies for renewal; 999 does not', () => {
    expect(qualifiesForRenewal(1000, v)).toBe(true)
    expect(qualifiesForRenewal(999, v)).toBe(false)
  })
  it('a renewal adds one period to the old end, or runs from today for a card lapsed long ago', () => {
    expect(renewedUntil(20261101, 20261123, v)).toBe(20281101)
    expect(renewedUntil(20200101, 20261123, v)).toBe(20281123)
  })
})

describe('sleeping members', () => {
  it('no purchase in the last 6 months makes a member sleeping', () => {
    expect(isSleeping(20260522, 20200101, 20261123, 6)).toBe(true)
    expect(isSleeping(20260523, 20200101, 20261123, 6)).toBe(false)
  })
  it('a member who never bought sleeps once they joined more than 6 months ago', () => {
    expect(isSleeping(null, 20260101, 20261123, 6)).toBe(true)
    expect(isSleeping(null, 20261001, 20261123, 6)).toBe(false)
  })
})
