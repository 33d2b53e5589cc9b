import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { AppError } from '../../db/errors'
import { monthKpi } from '../../db/services/reports/kpi'
import { buildReportScenario, type ReportScenario } from '../support/reportScenario'
import { monthDays, sqlKpi } from '../support/reportSql'

let s: ReportScenario
beforeAll(() => {
  s = buildReportScenario()
})
afterAll(() => s?.close())

const TODAY = 20261123
/** This month (counted at today), last month, the expiry month, a year ago, the first purchases' month, before anything. */
const MONTHS = [202611, 202610, 202601, 202511, 202411, 202006]
const text = (m: number) => `${Math.floor(m / 100)}-${String(m % 100).padStart(2, '0')}`
const refDay = (m: number) => Math.min(monthDays(m)[1], TODAY)

describe('the month figures against plain SQL over the base tables', () => {
  it('the scenario has what each figure needs', () => {
    const q = (sql: string) => s.db.sqlite.prepare(sql).pluck().get() as number
    expect(q(`SELECT count(*) FROM purchases`)).toBeGreaterThan(3000)
    expect(q(`SELECT count(*) FROM purchases WHERE amount_fen < 0`)).toBeGreaterThan(0)
    expect(q(`SELECT count(*) FROM members WHERE status = 'closed'`)).toBeGreaterThan(10)
    for (const kind of ['redeem', 'refund', 'expire', 'adjust', 'return', 'earn'])
      expect(q(`SELECT count(*) FROM points_ledger WHERE kind = '${kind}'`), kind).toBeGreaterThan(0)
  })

  for (const month of MONTHS) {
    it(`every figure of ${text(month)}, all departments`, () => {
      const kpi = monthKpi(s.db, { month: text(month) })
      const want = sqlKpi(s.db, month, refDay(month))
      expect({ ...kpi, vipShare: null }).toEqual({ ...want, vipShare: null })
      if (want.vipShare === null) expect(kpi.vipShare).toBeNull()
      else expect(kpi.vipShare).toBeCloseTo(want.vipShare, 12)
    })
  }

  it('figures that actually move: not a comparison of zeros', () => {
    const now = sqlKpi(s.db, 202611, TODAY)
    expect(now.newCards).toBeGreaterThanOrEqual(5)
    expect(now.members).toBeGreaterThan(300)
    expect(now.activeCards).toBeGreaterThan(100)
    expect(now.sleeping).toBeGreaterThan(10)
    expect(now.pointsRedeemed).toBeGreaterThan(0)
    expect(sqlKpi(s.db, 202601, 20260131).pointsExpired).toBeGreaterThan(0)
    expect(now).toMatchObject({ vouchersIssued: 12_000, vouchersUsed: 4000, vouchersExpired: 4000 })
    expect(sqlKpi(s.db, 202610, 20261031)).toMatchObject({ vouchersIssued: 6000, vouchersOutstanding: 4000 })
    expect(sqlKpi(s.db, 202006, 20200630)).toMatchObject({ members: 0, vipSales: 0, vipShare: null })
  })

  it('restricted to a department with store sales, and to one without', () => {
    for (const dep of [s.storeDepartments[0]!, s.storeDepartments[2]!, s.bareDepartment]) {
      for (const month of [202611, 202610, 202609, 202511]) {
        const kpi = monthKpi(s.db, { month: text(month) }, dep)
        const want = sqlKpi(s.db, month, refDay(month), dep)
        expect({ ...kpi, vipShare: null }, `${dep} ${month}`).toEqual({ ...want, vipShare: null })
        if (want.vipShare === null) expect(kpi.vipShare, `${dep} ${month}`).toBeNull()
        else expect(kpi.vipShare, `${dep} ${month}`).toBeCloseTo(want.vipShare, 12)
      }
    }
    const bare = monthKpi(s.db, { month: '2026-11' }, s.bareDepartment)
    expect(bare.vipSales).toBeGreaterThan(0)
    expect(bare).toMatchObject({ storeSales: 0, vipShare: null })
  })

  it('points: outstanding(M) = outstanding(M-1) + issued − redeemed − expired, month after month', () => {
    let previous = monthKpi(s.db, { month: '2024-10' }).pointsOutstanding
    for (let m = 202411; m <= 202611; m = m % 100 === 12 ? m + 89 : m + 1) {
      const k = monthKpi(s.db, { month: text(m) })
      expect(k.pointsOutstanding, text(m)).toBe(previous + k.pointsIssued - k.pointsRedeemed - k.pointsExpired)
      previous = k.pointsOutstanding
    }
    const balances = s.db.sqlite.prepare(`SELECT sum(points) FROM members`).pluck().get()
    expect(previous).toBe(balances)
  })
})

describe('month validation', () => {
  const refused = (month: unknown) => {
    try {
      monthKpi(s.db, { month } as { month: string })
    } catch (e) {
      expect(e).toBeInstanceOf(AppError)
      return (e as AppError).message
    }
    throw new Error(`accepted ${String(month)}`)
  }
  it('refuses malformed months with a Chinese message', () => {
    for (const bad of ['2026-13', '2026-00', '2026/11', '202611', '', '11-2026', '1999-12', undefined, 202611])
      expect(refused(bad)).toBe('月份应为 YYYY-MM 格式，例如 2026-11')
  })
  it('refuses a month after this one', () => {
    expect(refused('2026-12')).toBe('月份不能晚于本月')
    expect(refused('2027-01')).toBe('月份不能晚于本月')
  })
})
