import { describe, expect, it } from 'vitest'
import { DEFAULT_EARNING_RULES as rules, eventMultipliers, pointsForLine, rewardWeekDays } from '../../db/rules/points'

const day = (s: string) => {
  const [y, m, d] = s.split('-').map(Number)
  return { y: y!, m: m!, d: d! }
}
const earn = (amountFen: number, on: string, opts: { noPoints?: boolean; birthday?: string; tier?: number } = {}) =>
  pointsForLine(
    rules,
    { amountFen, noPoints: opts.noPoints ?? false },
    eventMultipliers(rules, day(on), opts.birthday ? day(opts.birthday) : null),
    opts.tier ? { label: '金卡', factor: opts.tier } : null,
  )

describe('the points rulebook', () => {
  it('gives 1 point per 元 on an ordinary day, rounding down', () => {
    expect(earn(128_050, '2026-11-03')).toEqual({ points: 1280, explain: '1,280.5 元 = 1,280' })
  })
  it('doubles points on member days (9th, 19th, 29th)', () => {
    expect(earn(128_000, '2026-11-19')).toEqual({ points: 2560, explain: '1,280 元 × 2 (会员日) = 2,560' })
  })
  it('puts the reward week on Friday–Sunday of the second weekend', () => {
    // November 2026: the 1st is a Sunday, Saturdays are the 7th and 14th → 13th–15th.
    expect(rewardWeekDays(2026, 11)).toEqual([day('2026-11-13'), day('2026-11-14'), day('2026-11-15')])
    // August 2026: the 1st is a Saturday, so the second Saturday is the 8th → 7th–9th.
    expect(rewardWeekDays(2026, 8)).toEqual([day('2026-08-07'), day('2026-08-08'), day('2026-08-09')])
    expect(earn(10_000, '2026-11-14').explain).toBe('100 元 × 2 (VIP回馈周) = 200')
  })
  it('takes the best event when several apply, not their product', () => {
    // 2026-08-09 is both a member day and in the reward week.
    expect(earn(10_000, '2026-08-09').points).toBe(200)
  })
  it('doubles in the birthday window, three days either side', () => {
    expect(earn(10_000, '2026-05-07', { birthday: '2026-05-10' }).points).toBe(200)
    expect(earn(10_000, '2026-05-13', { birthday: '2026-05-10' }).points).toBe(200)
    expect(earn(10_000, '2026-05-14', { birthday: '2026-05-10' }).points).toBe(100)
  })
  it('applies the tier multiplier on top of the event', () => {
    expect(earn(10_000, '2026-11-19', { tier: 1.5 })).toEqual({
      points: 300,
      explain: '100 元 × 2 (会员日) × 1.5 (金卡) = 300',
    })
  })
  it('gives nothing for special-price lines', () => {
    expect(earn(10_000, '2026-11-19', { noPoints: true }).points).toBe(0)
  })
})
