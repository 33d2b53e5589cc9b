import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { AppError } from '../../db/errors'
import { parseSheetIssueField, yuanTextToFen } from '../../db/rules/storeSales'
import { listAudit } from '../../db/services/audit'
import { deleteStoreSales, listStoreSales, saveStoreSales } from '../../db/services/reports/storeSales'
import { importStoreSales } from '../../db/services/reports/storeSalesImport'
import { makeTestDb, type TestDb } from '../support/db'
import { dispatcherFor, testShell } from '../support/dispatcher'
import { excelDate, makeSheetDir, writeCsv, writeXlsx, type SheetDir } from '../support/sheets'

// The clock of makeTestDb: 2026-11-23, so 2026-11 is this month and 2026-12 the future.
let t: TestDb
let dir: SheetDir
beforeEach(() => {
  t = makeTestDb()
  dir = makeSheetDir()
})
afterEach(() => {
  t.close()
  dir.remove()
})

/** What a refused call must leave untouched. */
const snapshot = () => ({
  rows: t.db.sqlite.prepare('SELECT * FROM store_sales ORDER BY month, department').all(),
  audits: t.db.sqlite.prepare('SELECT count(*) FROM audit_log').pluck().get(),
})
const figures = () =>
  t.db.sqlite
    .prepare('SELECT month, department, amount_fen AS fen, source FROM store_sales ORDER BY month, department')
    .all()

async function refusal(p: Promise<unknown> | (() => unknown)): Promise<AppError> {
  try {
    await (typeof p === 'function' ? p() : p)
  } catch (e) {
    return e as AppError
  }
  throw new Error('expected a refusal')
}

describe('entering figures', () => {
  it('saves, replaces, lists the last 12 months by month and department, and deletes, all audited', () => {
    saveStoreSales(t.db, { month: '2026-03', department: '营业二课', amountFen: 500_00 }, t.admin)
    saveStoreSales(t.db, { month: '2026-03', department: '营业一课', amountFen: 1_234_567_89 }, t.admin)
    const row = saveStoreSales(t.db, { month: '2026-11', department: '　营业一课 ', amountFen: 1 }, t.admin)
    expect(row).toMatchObject({ month: '2026-11', department: '营业一课', amountFen: 1, source: 'manual' })
    expect(row.updatedBy).toBe('admin')
    saveStoreSales(t.db, { month: '2025-11', department: '营业一课', amountFen: 7 }, t.admin) // 13 months ago
    saveStoreSales(t.db, { month: '2026-03', department: '营业二课', amountFen: 600_00 }, t.admin)

    const listed = listStoreSales(t.db, {}).map((r) => [r.month, r.department, r.amountFen])
    expect(listed).toEqual([
      ['2026-03', '营业一课', 1_234_567_89],
      ['2026-03', '营业二课', 600_00],
      ['2026-11', '营业一课', 1],
    ])
    expect(listStoreSales(t.db, { from: '2025-01', to: '2025-12' }).map((r) => r.amountFen)).toEqual([7])

    const audit = listAudit(t.db, { entity: 'store_sales' }).rows.map((a) => a.summary)
    expect(audit).toContain('全店销售 2026-03 营业二课：500.00 元 → 600.00 元')
    expect(audit).toContain('全店销售 2026-03 营业一课：无 → 1,234,567.89 元')

    expect(deleteStoreSales(t.db, { month: '2026-03', department: '营业二课' }, t.admin)).toEqual({ deleted: true })
    expect(deleteStoreSales(t.db, { month: '2026-03', department: '营业二课' }, t.admin)).toEqual({ deleted: false })
    expect(listAudit(t.db, { entity: 'store_sales' }).rows[0]!.summary).toBe(
      '全店销售 2026-03 营业二课：600.00 元 → 删除',
    )
    expect(listStoreSales(t.db, {}).length).toBe(2)
  })

  it('saving the same figure again writes nothing', () => {
    saveStoreSales(t.db, { month: '2026-10', department: '营业一课', amountFen: 100 }, t.admin)
    const before = snapshot()
    saveStoreSales(t.db, { month: '2026-10', department: '营业一课', amountFen: 100 }, t.admin)
    expect(snapshot()).toEqual(before)
  })

  const bad: [string, Record<string, unknown>, string, string][] = [
    ['a month in the future', { month: '2026-12', department: '营业一课', amountFen: 1 }, 'month', '月份不能晚于本月'],
    ['a month not YYYY-MM', { month: '2026/3', department: '营业一课', amountFen: 1 }, 'month', 'YYYY-MM'],
    ['an empty department', { month: '2026-03', department: '  ', amountFen: 1 }, 'department', '请填写课别'],
    ['a long department', { month: '2026-03', department: '课'.repeat(21), amountFen: 1 }, 'department', '20'],
    ['a negative amount', { month: '2026-03', department: '营业一课', amountFen: -1 }, 'amountFen', '销售额'],
    ['fractional fen', { month: '2026-03', department: '营业一课', amountFen: 1.5 }, 'amountFen', '销售额'],
    ['10^13 fen', { month: '2026-03', department: '营业一课', amountFen: 10 ** 13 }, 'amountFen', '过大'],
    ['text for an amount', { month: '2026-03', department: '营业一课', amountFen: '100' }, 'amountFen', '销售额'],
  ]
  for (const [what, input, field, text] of bad) {
    it(`refuses ${what} and changes nothing`, async () => {
      saveStoreSales(t.db, { month: '2026-03', department: '营业一课', amountFen: 100 }, t.admin)
      const before = snapshot()
      const e = await refusal(() => saveStoreSales(t.db, input as never, t.admin))
      expect(e.kind).toBe('validation')
      expect(e.message).toContain(text)
      expect(e.issues.map((i) => i.field)).toContain(field)
      expect(snapshot()).toEqual(before)
    })
  }

  it('keeps 9,999,999,999,999 fen exactly (the largest figure allowed)', () => {
    saveStoreSales(t.db, { month: '2026-01', department: '营业一课', amountFen: 10 ** 13 - 1 }, t.admin)
    expect(listStoreSales(t.db, {})[0]!.amountFen).toBe(9_999_999_999_999)
  })
})

describe('元 to fen', () => {
  it('is exact by digits, not floating point', () => {
    expect(yuanTextToFen('1,234,567.89')).toBe(123_456_789)
    expect(yuanTextToFen('０.２９')).toBe(29)
    expect(yuanTextToFen('¥ 1，000.5 元')).toBe(100_050)
    expect(yuanTextToFen('99999999999.99')).toBe(9_999_999_999_999)
    for (const bad of ['-1', '1.234', '1e5', '', '.5', 'abc']) expect(yuanTextToFen(bad)).toBeNull()
    // 0.29 × 100 is 28.999999999999996 in floating point
    expect(Math.floor(0.29 * 100)).toBe(28)
  })
})

describe('importing a sheet', () => {
  it('imports an .xlsx with every month spelling, 元 with commas and decimals, exactly in fen', async () => {
    const file = dir.path('全店销售.xlsx')
    await writeXlsx(file, [
      ['月份', '课别', '销售额'],
      ['2026-01', '营业一课', '1,234,567.89'],
      ['2026/2', '营业一课', 0.29],
      ['2026年3月', '营业二课', '１２３４.５'],
      [excelDate(2026, 4, 1), '营业三课', 1234567.8],
      ['2026-05', '营业四课', 1e10],
    ])
    const r = await importStoreSales(t.db, file, t.admin)
    expect(r).toEqual({
      file: '全店销售.xlsx',
      rows: 5,
      added: 5,
      replaced: 0,
      warnings: ['只读取了第一个工作表「会员」，另外 1 个工作表（「说明」）没有读取'],
    })
    expect(figures()).toEqual([
      { month: 202601, department: '营业一课', fen: 123_456_789, source: 'import' },
      { month: 202602, department: '营业一课', fen: 29, source: 'import' },
      { month: 202603, department: '营业二课', fen: 123_450, source: 'import' },
      { month: 202604, department: '营业三课', fen: 123_456_780, source: 'import' },
      { month: 202605, department: '营业四课', fen: 1_000_000_000_000, source: 'import' },
    ])
    expect(listAudit(t.db, { entity: 'store_sales' }).total).toBe(5)
  })

  it('imports a .csv and a re-import replaces the figures it names', async () => {
    saveStoreSales(t.db, { month: '2026-10', department: '营业一课', amountFen: 1 }, t.admin)
    const file = dir.path('sales.csv')
    writeCsv(file, [
      ['课别', '月份', '销售额', '备注'],
      ['营业一课', '2026-10', '2,000,000.00', ''],
      ['营业二课', '2026-10', '300.1', '新课'],
    ])
    expect(await importStoreSales(t.db, file, t.admin)).toEqual({ file: 'sales.csv', rows: 2, added: 1, replaced: 1 })
    writeCsv(file, [
      ['月份', '课别', '销售额'],
      ['2026-10', '营业二课', '400'],
    ])
    expect(await importStoreSales(t.db, file, t.admin)).toEqual({ file: 'sales.csv', rows: 1, added: 0, replaced: 1 })
    expect(figures()).toEqual([
      { month: 202610, department: '营业一课', fen: 200_000_000, source: 'import' },
      { month: 202610, department: '营业二课', fen: 40_000, source: 'import' },
    ])
    expect(listAudit(t.db, { entity: 'store_sales' }).rows[0]!.summary).toBe(
      '全店销售 2026-10 营业二课：300.10 元 → 400.00 元',
    )
  })

  it('reports every bad row with its row, column and reason, and imports nothing', async () => {
    saveStoreSales(t.db, { month: '2026-01', department: '营业一课', amountFen: 5 }, t.admin)
    const before = snapshot()
    const file = dir.path('bad.csv')
    writeCsv(file, [
      ['月份', '课别', '销售额'],
      ['2026-01', '营业一课', '100'],
      ['2026-12', '营业二课', '100'],
      ['2026-02', '营业一课', '12.345'],
      ['2026-03', '营业三课', '5'],
      ['2026-01', '营业一课', '7'],
    ])
    const e = await refusal(importStoreSales(t.db, file, t.admin))
    expect(e.kind).toBe('validation')
    expect(e.message).toContain('没有导入任何数据')
    const issues = e.issues.map((i) => ({ ...parseSheetIssueField(i.field), reason: i.message }))
    expect(issues).toEqual([
      { row: 3, column: '月份', reason: expect.stringContaining('未来') },
      { row: 4, column: '销售额', reason: expect.stringContaining('最多两位小数') },
      { row: 6, column: '课别', reason: '与第 2 行的月份和课别重复' },
    ])
    expect(snapshot()).toEqual(before)
  })

  it('names a missing header, and refuses a file with only the header', async () => {
    const file = dir.path('head.csv')
    writeCsv(file, [
      ['月份', '部门', '销售额'],
      ['2026-01', '营业一课', '1'],
    ])
    const e = await refusal(importStoreSales(t.db, file, t.admin))
    expect(e.message).toContain('缺少表头："课别"')
    writeCsv(file, [['月份', '课别', '销售额']])
    expect((await refusal(importStoreSales(t.db, file, t.admin))).message).toContain('没有数据')
    expect(figures()).toEqual([])
  })
})

describe('the store sales calls', () => {
  it('import through the file dialog, null when cancelled; clerks may not', async () => {
    const file = dir.path('s.csv')
    writeCsv(file, [
      ['月份', '课别', '销售额'],
      ['2026-09', '营业五课', '10'],
    ])
    let answer: string | null = null
    const d = await dispatcherFor(t, testShell({ pickOpenFile: async () => answer }), {
      1: 'admin',
      2: { name: 'clerk1', role: 'clerk' },
    })
    expect(await d.dispatch('reports:storeSalesImport', undefined, 1)).toEqual({ ok: true, data: null })
    answer = file
    expect(await d.dispatch('reports:storeSalesImport', undefined, 1)).toEqual({
      ok: true,
      data: { file: 's.csv', rows: 1, added: 1, replaced: 0 },
    })
    const saved = await d.dispatch(
      'reports:storeSalesSave',
      { month: '2026-09', department: '营业一课', amountFen: 5 },
      1,
    )
    expect(saved.ok).toBe(true)
    const refused = await d.dispatch('reports:storeSales', {}, 2)
    expect(refused.ok).toBe(false)
    expect(figures().length).toBe(2)
  })
})
