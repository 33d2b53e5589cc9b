import { describe, expect, it } from 'vitest'
import type { Kpi } from '../../db/services/reports/kpi'
import type { DashboardData } from '../../db/services/reports/dashboard'
import { kpiCards, money } from '../../renderer/src/views/reports/dashboard/kpiFigures'

const kpi = (over: Partial<Kpi>): Kpi => ({
  members: 100,
  activeCards: 40,
  newCards: 5,
  sleeping: 10,
  vipSales: 1_000_000,
  storeSales: 4_000_000,
  vipShare: 0.25,
  pointsIssued: 0,
  pointsRedeemed: 0,
  pointsExpired: 0,
  pointsOutstanding: 12_345,
  vouchersIssued: 0,
  vouchersUsed: 0,
  vouchersExpired: 0,
  vouchersOutstanding: 0,
  ...over,
})
const data = (current: Partial<Kpi>, previous: Partial<Kpi>, department: string | null = null) =>
  ({
    department,
    kpi: {
      month: '2026-03',
      previousMonth: '2026-02',
      current: kpi(current),
      previous: kpi(previous),
      avgSpendFen: 250_000,
    },
  }) as DashboardData
const card = (cards: ReturnType<typeof kpiCards>, key: string) => cards.find((c) => c.key === key)!

describe('dashboard KPI cards', () => {
  it('shows the change against last month, sleeping members rising as bad news', () => {
    const cards = kpiCards(data({ members: 110, sleeping: 12 }, { members: 100, sleeping: 10 }))
    expect(card(cards, 'members')).toMatchObject({ value: '110', change: '▲ 10', tone: 'good' })
    expect(card(cards, 'sleeping')).toMatchObject({ change: '▲ 2', tone: 'bad' })
    expect(card(cards, 'newCards')).toMatchObject({ change: '持平', tone: 'flat' })
    expect(card(cards, 'activeCards').note).toBe('卡均年消费 2,500.00 元')
  })

  it('moves the share in percentage points and says when a month has no store sales', () => {
    const cards = kpiCards(data({ vipShare: 0.23 }, { vipShare: 0.25 }))
    expect(card(cards, 'vipShare')).toMatchObject({ value: '23.0%', change: '▼ 2.0 个百分点', tone: 'bad' })
    const none = kpiCards(data({ vipShare: null }, { vipShare: 0.25 }))
    expect(card(none, 'vipShare')).toMatchObject({ value: '—', change: '', note: '未录入全店销售' })
  })

  it('marks the programme-wide figures when one department is chosen', () => {
    const wide = kpiCards(data({}, {}, '营业一课'))
      .filter((c) => c.programmeWide)
      .map((c) => c.key)
    expect(wide).toEqual(['members', 'activeCards', 'newCards', 'sleeping', 'pointsOutstanding'])
    expect(kpiCards(data({}, {})).some((c) => c.programmeWide)).toBe(false)
  })

  it('writes money in 元, and in 万 once large', () => {
    expect(money(123_456)).toBe('1,234.56 元')
    expect(money(1_234_567_890)).toBe('1,234.6 万元')
  })
})
