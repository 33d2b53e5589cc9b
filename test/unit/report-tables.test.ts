import ExcelJS from 'exceljs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { dashboardData, type DashboardData } from '../../db/services/reports/dashboard'
import { kpiTable } from '../../db/services/reports/kpiTable'
import { formatCell } from '../../db/rules/tableFormat'
import { REPORT_CHARTS, reportTable } from '../../db/services/reports/tables'
import { reportTableXlsx } from '../../db/services/reports/tableXlsx'
import { addStaffRow, holdRow } from '../support/care'
import { buildReportScenario, type ReportScenario } from '../support/reportScenario'
import { storeDate } from '../support/storeTime'

// Each chart's table from the dashboard's data over a generated store, checked against plain SQL,
// and the .xlsx read back as Excel would see it.
let t: ReportScenario
let data: DashboardData

const q = <T>(sql: string, ...args: unknown[]) => t.db.sqlite.prepare(sql).all(...args) as T[]

beforeAll(() => {
  t = buildReportScenario({ members: 300, purchases: 3000 })
  // Two maintainers for the league: members who bought in November.
  const buyers = t.db.sqlite
    .prepare(`SELECT DISTINCT member_id FROM purchases WHERE purchase_date >= 20261101 ORDER BY member_id LIMIT 6`)
    .pluck()
    .all() as number[]
  const a = addStaffRow(t.db, '孙丽')
  const b = addStaffRow(t.db, '周强')
  buyers.forEach((m, i) => holdRow(t.db, i % 2 ? b : a, m, 20260101))
  data = dashboardData(t.db, { from: '2026-01', to: '2026-11' })
})
afterAll(() => t.close())

describe('report tables', () => {
  it('has a Chinese title, the period and at least one column for every chart', () => {
    for (const chart of REPORT_CHARTS) {
      const table = reportTable(data, chart)
      expect(table.title).toMatch(/[\u4e00-\u9fff]/)
      expect(table.columns.length).toBeGreaterThan(1)
      for (const row of table.rows) expect(Object.keys(row).sort()).toEqual(table.columns.map((c) => c.key).sort())
    }
    expect(reportTable(data, 'sales').period).toBe('2026年1月—2026年11月 · 全店')
    const one = dashboardData(t.db, { from: '2026-03', to: '2026-03', department: t.storeDepartments[0] })
    expect(reportTable(one, 'points').period).toBe(`2026年3月 · ${t.storeDepartments[0]}`)
    expect(() => reportTable(data, 'nope' as never)).toThrow('没有这张报表')
  })

  it('counts new cards per month and source like SQL does, with totals', () => {
    const table = reportTable(data, 'newCards')
    expect(table.rows.map((r) => r.period)).toEqual(data.newCards.periods)
    const sql = q<{ month: number; source: string; n: number }>(
      `SELECT join_date / 100 AS month, source, count(*) AS n FROM members
        WHERE join_date BETWEEN 20260101 AND 20261130 GROUP BY 1, 2`,
    )
    const total = sql.reduce((s, r) => s + r.n, 0)
    expect(table.footer!.total).toBe(total)
    const nov = table.rows.find((r) => r.period === '2026-11')!
    expect(nov.total).toBe(sql.filter((r) => r.month === 202611).reduce((s, r) => s + r.n, 0))
    const col = table.columns.find((c) => c.title === '社区')!
    expect(nov[col.key]).toBe(sql.find((r) => r.month === 202611 && r.source === '社区')?.n ?? 0)
  })

  it('lists VIP sales per month and department with the store figure, share and month totals', () => {
    const table = reportTable(data, 'sales')
    const sql = q<{ month: number; department: string; fen: number }>(
      `SELECT purchase_date / 100 AS month, department, sum(amount_fen) AS fen FROM purchases
        WHERE purchase_date BETWEEN 20260101 AND 20261130 GROUP BY 1, 2`,
    )
    const dep = t.storeDepartments[0]!
    const row = table.rows.find((r) => r.month === '2026-10' && r.department === dep)!
    const vip = sql.find((r) => r.month === 202610 && r.department === dep)!.fen
    const store = q<{ fen: number }>(
      `SELECT amount_fen AS fen FROM store_sales WHERE month = 202610 AND department = ?`,
      dep,
    )[0]!.fen
    expect(row).toMatchObject({ vip, store })
    expect(row.share).toBeCloseTo(vip / store, 10)
    // A department without a store figure has no share.
    const bare = table.rows.find((r) => r.month === '2026-10' && r.department === t.bareDepartment)!
    expect(bare).toMatchObject({ store: null, share: null })
    // Each month ends with its total line, in bold; the footer adds the whole range.
    const subtotal = table.rows[table.subtotals![0]!]!
    expect(subtotal).toMatchObject({ month: '2026-01', department: '合计' })
    expect(subtotal.vip).toBe(sql.filter((r) => r.month === 202601).reduce((s, r) => s + r.fen, 0))
    expect(table.footer!.vip).toBe(sql.reduce((s, r) => s + r.fen, 0))
    expect(table.subtotals).toHaveLength(11)
  })

  it('gives tier shares, points per month with the last balance, birthday mail and the league', () => {
    const tiers = reportTable(data, 'tiers')
    const open = q<{ n: number }>(`SELECT count(*) AS n FROM members WHERE status <> 'closed'`)[0]!.n
    expect(tiers.footer!.members).toBe(open)
    const shares = tiers.rows.reduce((s, r) => s + (r.share as number), 0)
    expect(shares).toBeCloseTo(1, 10)

    const points = reportTable(data, 'points')
    expect(points.rows).toHaveLength(11)
    const ledger = (kind: string, from: Date, to: Date) =>
      q<{ p: number }>(
        `SELECT coalesce(-sum(delta), 0) AS p FROM points_ledger WHERE kind = ? AND at >= ? AND at < ?`,
        kind,
        from.getTime(),
        to.getTime(),
      )[0]!.p
    expect(points.footer!.expired).toBe(ledger('expire', storeDate(2026, 0, 1), storeDate(2026, 11, 1)))
    expect(points.footer!.expired).toBeGreaterThan(0)
    const outstanding = q<{ p: number }>(
      `SELECT coalesce(sum(delta), 0) AS p FROM points_ledger WHERE at < ?`,
      storeDate(2026, 10, 1).getTime(),
    )[0]!.p
    expect(points.rows.find((r) => r.month === '2026-10')!.outstanding).toBe(outstanding)
    expect(points.footer!.outstanding).toBe(points.rows[10]!.outstanding)

    const mail = reportTable(data, 'birthdayMail')
    expect(mail.columns.find((c) => c.key === 'cost')!.kind).toBe('fen')

    const league = reportTable(data, 'league')
    expect(league.period).toBe('2026年11月 · 全店')
    expect(league.rows.map((r) => String(r.staff).replace(/（.*$/, '')).sort()).toEqual(['周强', '孙丽'])
  })

  it('puts the month against the month before in the KPI table', () => {
    const k = kpiTable(data)
    expect(k.columns.map((c) => c.title)).toEqual(['指标', '2026年11月', '2026年10月', '变化', '变化率', '口径'])
    const members = k.rows.find((r) => r.key === 'members')!
    expect(members.current).toBe(data.kpi.current.members)
    expect(members.change).toBe(data.kpi.current.members - data.kpi.previous.members)
    const sales = k.rows.find((r) => r.key === 'vipSales')!
    expect(k.rowKinds![k.rows.indexOf(sales)]).toBe('fen')
    expect(formatCell(123456, { kind: 'fen' })).toBe('1,234.56')
    expect(formatCell(-0.0123, { kind: 'share', signed: true })).toBe('−1.2%')
    expect(formatCell(null, { kind: 'count' })).toBe('—')
  })
})

describe('report table as .xlsx', () => {
  it('has the title, the period line, a bold filled frozen header and numbers with formats', async () => {
    const table = reportTable(data, 'sales')
    const bytes = await reportTableXlsx(table, {
      generatedAt: Date.UTC(2026, 10, 23, 2, 5),
      timeZone: 'Asia/Shanghai',
      operator: '王企划',
    })
    const wb = new ExcelJS.Workbook()
    await wb.xlsx.load(bytes as unknown as ArrayBuffer)
    const ws = wb.worksheets[0]!
    expect(ws.getCell('A1').value).toBe('VIP销售占比')
    const line = String(ws.getCell('A2').value)
    expect(line).toContain('期间：2026年1月—2026年11月 · 全店')
    expect(line).toContain('生成时间：2026-11-23 10:05')
    expect(line).toContain('操作员：王企划')
    const header = ws.getRow(3)
    expect(header.values).toEqual([undefined, '月份', '课别', 'VIP销售额(元)', '全店销售额(元)', 'VIP占比'])
    expect(header.getCell(1).font?.bold).toBe(true)
    expect((header.getCell(1).fill as ExcelJS.FillPattern).pattern).toBe('solid')
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 3 })

    const first = ws.getRow(4)
    const row = table.rows[0]!
    expect(first.getCell(1).value).toBe(row.month)
    expect(first.getCell(3).value).toBe((row.vip as number) / 100)
    expect(first.getCell(3).numFmt).toBe('#,##0.00')
    expect(first.getCell(5).numFmt).toBe('0.0%')
    expect(first.getCell(5).value).toBe(row.share)
    const last = ws.getRow(4 + table.rows.length)
    expect(last.getCell(1).value).toBe('合计')
    expect(last.getCell(3).value).toBe((table.footer!.vip as number) / 100)
    expect(last.getCell(3).font?.bold).toBe(true)
    expect(ws.getColumn(3).width).toBeGreaterThanOrEqual(12)
  })

  it('formats counts with thousands and keeps text that looks like a formula inert', async () => {
    const table = reportTable(data, 'newCards')
    table.rows[0]!.period = '=1+1'
    const wb = new ExcelJS.Workbook()
    await wb.xlsx.load(
      (await reportTableXlsx(table, {
        generatedAt: 0,
        timeZone: 'Asia/Shanghai',
        operator: 'x',
      })) as unknown as ArrayBuffer,
    )
    const ws = wb.worksheets[0]!
    expect(ws.getCell('A4').value).toBe("'=1+1")
    expect(ws.getRow(4).getCell(2).numFmt).toBe('#,##0')
    expect(typeof ws.getRow(4).getCell(2).value).toBe('number')
  })
})
