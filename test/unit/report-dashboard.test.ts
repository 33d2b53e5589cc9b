import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { AppError } from '../../db/errors'
import { closeDatabase, openDatabase } from '../../db/open'
import { recordPurchase } from '../../db/services/purchases/desk'
import { computeDashboard, dashboardData, type DashboardData } from '../../db/services/reports/dashboard'
import { buildReportScenario, TODAY, type ReportScenario } from '../support/reportScenario'
import { monthDays, monthMs, sqlKpi } from '../support/reportSql'

let s: ReportScenario
beforeAll(() => {
  s = buildReportScenario()
  // Birthday mail in two months: printed batches and SMS lists (the later list of a month counts).
  const batch = s.db.sqlite.prepare(
    `INSERT INTO birthday_batches (month, design, card_count, card_unit_fen, operator_name, at) VALUES (?, 'classic', ?, ?, 'admin', ?)`,
  )
  batch.run('2026-10', 120, 150, TODAY.getTime())
  batch.run('2026-10', 8, 180, TODAY.getTime())
  batch.run('2026-11', 95, 150, TODAY.getTime())
  const sms = s.db.sqlite.prepare(
    `INSERT INTO birthday_sms_exports (month, messages, segments, unit_fen, cost_fen, operator_name, at) VALUES (?, ?, ?, 5, ?, 'admin', ?)`,
  )
  sms.run('2026-11', 40, 44, 220, TODAY.getTime())
  sms.run('2026-11', 42, 47, 235, TODAY.getTime())
})
afterAll(() => s?.close())

const TODAY_DAY = 20261123
const text = (m: number) => `${Math.floor(m / 100)}-${String(m % 100).padStart(2, '0')}`
const q = <T>(sql: string, ...args: unknown[]) => s.db.sqlite.prepare(sql).all(...args) as T[]
const refDay = (m: number) => Math.min(monthDays(m)[1], TODAY_DAY)
const monthsOf = (from: number, to: number) => {
  const out: number[] = []
  for (let m = from; m <= to; m = m % 100 === 12 ? m + 89 : m + 1) out.push(m)
  return out
}

/** New cards as [period, source, count] triples from the members table. */
function newCardTriples(from: number, to: number, daily: boolean) {
  return q<{ p: number; source: string; n: number }>(
    `SELECT ${daily ? 'join_date' : 'join_date / 100'} AS p, source, count(*) AS n FROM members
      WHERE join_date BETWEEN ? AND ? GROUP BY 1, 2`,
    from * 100 + 1,
    refDay(to),
  )
    .map((r) => {
      const period = daily ? `${text(Math.floor(r.p / 100))}-${String(r.p % 100).padStart(2, '0')}` : text(r.p)
      return `${period}|${r.source}|${r.n}`
    })
    .sort()
}
const seriesTriples = (d: DashboardData) =>
  d.newCards.sources
    .flatMap((src, i) => d.newCards.periods.map((p, j) => [p, src, d.newCards.counts[i]![j]!] as const))
    .filter(([, , n]) => n > 0)
    .map(([p, src, n]) => `${p}|${src}|${n}`)
    .sort()

function expectSales(d: DashboardData, from: number, to: number, dep: string | null) {
  const depSql = dep === null ? '' : 'AND department = @dep'
  const vip = q<{ month: number; department: string; fen: number }>(
    `SELECT purchase_date / 100 AS month, department, sum(amount_fen) AS fen FROM purchases
      WHERE purchase_date BETWEEN @a AND @b ${depSql} GROUP BY 1, 2`,
    { a: from * 100 + 1, b: to * 100 + 31, dep },
  )
  const store = q<{ month: number; department: string; fen: number }>(
    `SELECT month, department, amount_fen AS fen FROM store_sales WHERE month BETWEEN @a AND @b ${depSql}`,
    { a: from, b: to, dep },
  )
  const want = new Map<string, { vip: number; store: number | null }>()
  for (const r of vip) want.set(`${text(r.month)}|${r.department}`, { vip: r.fen, store: null })
  for (const r of store) {
    const k = `${text(r.month)}|${r.department}`
    want.set(k, { vip: want.get(k)?.vip ?? 0, store: r.fen })
  }
  expect(d.sales.cells.map((c) => `${c.month}|${c.department}`).sort()).toEqual([...want.keys()].sort())
  for (const c of d.sales.cells) {
    const w = want.get(`${c.month}|${c.department}`)!
    expect([c.vipFen, c.storeFen], `${c.month} ${c.department}`).toEqual([w.vip, w.store])
    if (w.store) expect(c.share).toBeCloseTo(w.vip / w.store, 12)
    else expect(c.share).toBeNull()
  }
  expect(d.sales.months).toEqual(monthsOf(from, to).map(text))
  for (const [i, m] of monthsOf(from, to).entries()) {
    const k = sqlKpi(s.db, m, refDay(m), dep)
    const t = d.sales.totals[i]!
    expect([t.month, t.vipFen, t.storeFen], text(m)).toEqual([text(m), k.vipSales, k.storeSales])
    if (k.vipShare === null) expect(t.share).toBeNull()
    else expect(t.share).toBeCloseTo(k.vipShare, 12)
  }
}

function expectPoints(d: DashboardData, from: number, to: number, dep: string | null) {
  expect(d.points).toEqual(
    monthsOf(from, to).map((m) => {
      const k = sqlKpi(s.db, m, refDay(m), dep)
      return {
        month: text(m),
        issued: k.pointsIssued,
        redeemed: k.pointsRedeemed,
        expired: k.pointsExpired,
        outstanding: k.pointsOutstanding,
      }
    }),
  )
}

describe('each dashboard series against plain SQL', () => {
  it('a year: KPIs with last month, new cards per month by source, sales, tiers, points, birthday mail, gift alerts', () => {
    const d = computeDashboard(s.db, { from: '2025-12', to: '2026-11' })
    expect(d.asOf).toBe('2026-11-23')
    const strip = (k: object) => ({ ...k, vipShare: null })
    expect(strip(d.kpi.current)).toEqual(strip(sqlKpi(s.db, 202611, TODAY_DAY)))
    expect(strip(d.kpi.previous)).toEqual(strip(sqlKpi(s.db, 202610, 20261031)))
    expect(d.kpi.previousMonth).toBe('2026-10')

    expect(d.newCards.granularity).toBe('month')
    expect(d.newCards.periods).toEqual(monthsOf(202512, 202611).map(text))
    expect(seriesTriples(d)).toEqual(newCardTriples(202512, 202611, false))
    expect(d.newCards.counts.every((row) => row.length === 12)).toBe(true)

    expectSales(d, 202512, 202611, null)
    expectPoints(d, 202512, 202611, null)

    const tiers = q<{ tier: string; n: number }>(
      `SELECT tier, count(*) AS n FROM members WHERE status <> 'closed' GROUP BY tier`,
    )
    expect(
      d.tiers
        .filter((t) => t.members > 0)
        .map((t) => `${t.tier}:${t.members}`)
        .sort(),
    ).toEqual(tiers.map((t) => `${t.tier}:${t.n}`).sort())
    expect(d.tiers.map((t) => t.tier).slice(0, 4)).toEqual(['普卡', '银卡', '金卡', '钻石卡'])

    const mail = monthsOf(202512, 202611).map((m) => {
      const month = text(m)
      const cards = q<{ n: number; fen: number }>(
        `SELECT coalesce(sum(card_count), 0) AS n, coalesce(sum(card_count * card_unit_fen), 0) AS fen
           FROM birthday_batches WHERE month = ?`,
        month,
      )[0]!
      const sms = q<{ messages: number; fen: number }>(
        `SELECT messages, cost_fen AS fen FROM birthday_sms_exports WHERE month = ? ORDER BY id DESC LIMIT 1`,
        month,
      )[0]
      const [a, b] = monthMs(m)
      const gifts = q<{ fen: number }>(
        `SELECT coalesce(sum(-quantity * unit_cost_fen), 0) AS fen FROM gift_movements
          WHERE kind = 'issue' AND purpose = 'birthday' AND at >= ? AND at < ?`,
        a,
        b,
      )[0]!
      return {
        month,
        cards: cards.n,
        smsMessages: sms?.messages ?? 0,
        costFen: cards.fen + (sms?.fen ?? 0) + gifts.fen,
      }
    })
    expect(d.birthdayMail).toEqual(mail)
    expect(mail.at(-1)).toEqual({ month: '2026-11', cards: 95, smsMessages: 42, costFen: 95 * 150 + 235 + 2 * 5500 })

    const alerts = q<{ code: string }>(
      `SELECT code FROM gifts WHERE active = 1 AND on_hand <= reorder_level ORDER BY on_hand, code`,
    ).map((g) => g.code)
    expect(d.giftAlerts.map((g) => g.code)).toEqual(alerts)
    expect(alerts).toContain('RP1')
    expect(alerts).not.toContain('RP2')
  })

  it('one month: new cards per day by source, through today', () => {
    const d = computeDashboard(s.db, { from: '2026-11', to: '2026-11' })
    expect(d.newCards.granularity).toBe('day')
    expect(d.newCards.periods).toHaveLength(23)
    expect(d.newCards.periods[0]).toBe('2026-11-01')
    expect(seriesTriples(d)).toEqual(newCardTriples(202611, 202611, true))
    expect(seriesTriples(d)).toContain('2026-11-02|推荐|1')
    const past = computeDashboard(s.db, { from: '2026-02', to: '2026-02' })
    expect(past.newCards.periods).toHaveLength(28)
    expect(seriesTriples(past)).toEqual(newCardTriples(202602, 202602, true))
  })

  it('a department: sales, issued points and KPIs restricted; departments listed for the filter', () => {
    for (const dep of [s.storeDepartments[1]!, s.bareDepartment]) {
      const d = computeDashboard(s.db, { from: '2025-10', to: '2026-11', department: dep })
      expect(d.department).toBe(dep)
      expectSales(d, 202510, 202611, dep)
      expectPoints(d, 202510, 202611, dep)
      expect({ ...d.kpi.current, vipShare: null }).toEqual({ ...sqlKpi(s.db, 202611, TODAY_DAY, dep), vipShare: null })
    }
    const all = computeDashboard(s.db, { from: '2026-11', to: '2026-11' })
    const deps = q<{ d: string }>(
      `SELECT department AS d FROM purchases WHERE department <> '' UNION SELECT department FROM store_sales ORDER BY 1`,
    ).map((r) => r.d)
    expect([...all.departments].sort()).toEqual([...deps].sort())
    // The store's own order, not the code points': 营业一课 before 营业二课.
    const sales = ['营业一课', '营业二课', '营业三课', '营业四课', '营业五课'].filter((d) => deps.includes(d))
    expect(sales.length).toBeGreaterThan(1)
    expect(all.departments.slice(0, sales.length)).toEqual(sales)
  })
})

describe('range validation', () => {
  const refused = (input: { from: string; to: string }) => {
    try {
      computeDashboard(s.db, input)
    } catch (e) {
      expect(e).toBeInstanceOf(AppError)
      return (e as AppError).message
    }
    throw new Error('accepted')
  }
  it('refuses a range that ends before it starts, runs over 36 months, or reaches into the future', () => {
    expect(refused({ from: '2026-11', to: '2026-10' })).toBe('开始月份不能晚于结束月份')
    expect(refused({ from: '2023-10', to: '2026-10' })).toBe('一次最多查看 36 个月')
    expect(computeDashboard(s.db, { from: '2023-11', to: '2026-10' }).sales.months).toHaveLength(36)
    expect(refused({ from: '2026-11', to: '2026-12' })).toBe('月份不能晚于本月')
    expect(refused({ from: '2026-1', to: '2026-11' })).toBe('月份应为 YYYY-MM 格式，例如 2026-11')
    expect(refused({ from: '2026-01', to: 'now' })).toBe('月份应为 YYYY-MM 格式，例如 2026-11')
  })
})

describe('the cache', () => {
  it('answers the same query with the same object until something is written', () => {
    const query = { from: '2026-06', to: '2026-11' }
    const first = dashboardData(s.db, query)
    expect(dashboardData(s.db, { ...query })).toBe(first)
    const member = q<{ id: number }>(`SELECT id FROM members WHERE status = 'active' ORDER BY id LIMIT 1`)[0]!.id
    recordPurchase(s.db, { memberId: member, receiptNo: 'CACHE-1', amountFen: 12_345, department: '营业一课' }, s.admin)
    const after = dashboardData(s.db, query)
    expect(after).not.toBe(first)
    expect(after.kpi.current.vipSales).toBe(first.kpi.current.vipSales + 12_345)
    expect(after.kpi.current.vipSales).toBe(sqlKpi(s.db, 202611, TODAY_DAY).vipSales)
    expect(dashboardData(s.db, query)).toBe(after)
  })

  it('sees a write made through another connection to the same file', () => {
    const query = { from: '2026-11', to: '2026-11' }
    const first = dashboardData(s.db, query)
    expect(dashboardData(s.db, query)).toBe(first)
    const other = openDatabase(s.file, { now: () => TODAY })
    try {
      const member = other.sqlite
        .prepare(`SELECT id FROM members WHERE status = 'active' ORDER BY id DESC LIMIT 1`)
        .pluck()
        .get() as number
      recordPurchase(
        other,
        { memberId: member, receiptNo: 'OTHER-1', amountFen: 6_600, department: '营业二课' },
        s.admin,
      )
    } finally {
      closeDatabase(other)
    }
    const after = dashboardData(s.db, query)
    expect(after).not.toBe(first)
    expect(after.kpi.current.vipSales).toBe(first.kpi.current.vipSales + 6_600)
  })
})
