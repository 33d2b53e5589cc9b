import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { closeDatabase, openDatabase } from '../../db/open'
import { createOperator, setupAdmin, toActor } from '../../db/services/operators'
import { runCliCaptured } from '../support/cli'
import { writeCsv, writeXlsx } from '../support/sheets'

let dir: string
let dbFile: string
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'vipdesk-cli-store-sales-'))
  dbFile = join(dir, 'vipdesk.sqlite')
  const db = openDatabase(dbFile)
  const admin = toActor(setupAdmin(db, { name: 'admin', password: 'secret123' }))
  createOperator(db, { name: 'clerk1', password: 'secret123', role: 'clerk' }, admin)
  createOperator(db, { name: 'planner1', password: 'secret123', role: 'planner' }, admin)
  closeDatabase(db)
})
afterEach(() => rmSync(dir, { recursive: true, force: true }))

const cli = (...args: string[]) => runCliCaptured(['--db', dbFile, ...args], { cwd: dir })
function stored() {
  const db = openDatabase(dbFile)
  try {
    return db.sqlite
      .prepare(
        `SELECT s.month, s.department, s.amount_fen AS fen, o.name AS who
           FROM store_sales s LEFT JOIN operators o ON o.id = s.updated_by ORDER BY 1, 2`,
      )
      .all()
  } finally {
    closeDatabase(db)
  }
}

describe('import store-sales', () => {
  it('--json prints exactly {file, rows, added, replaced}; the second run replaces', async () => {
    await writeXlsx(join(dir, 'sales.xlsx'), [
      ['月份', '课别', '销售额'],
      ['2026-01', '营业一课', '1,234,567.89'],
      ['2026-01', '营业二课', 0.29],
    ])
    const first = await cli('--json', '--operator', 'planner1', 'import', 'store-sales', 'sales.xlsx')
    expect(first.code).toBe(0)
    expect(JSON.parse(first.stdout)).toEqual({ file: 'sales.xlsx', rows: 2, added: 2, replaced: 0 })
    const again = await cli('--json', 'import', 'store-sales', 'sales.xlsx')
    expect(JSON.parse(again.stdout)).toEqual({ file: 'sales.xlsx', rows: 2, added: 0, replaced: 2 })
    expect(stored()).toEqual([
      { month: 202601, department: '营业一课', fen: 123_456_789, who: null },
      { month: 202601, department: '营业二课', fen: 29, who: null },
    ])
  })

  it('says what it did in Chinese without --json', async () => {
    writeCsv(join(dir, 's.csv'), [
      ['月份', '课别', '销售额'],
      ['2026/3', '营业三课', '100'],
    ])
    const r = await cli('import', 'store-sales', 's.csv')
    expect(r.code).toBe(0)
    expect(r.stdout).toContain('导入完成：s.csv 共 1 行，新增 1')
  })

  it('exits 1 listing every bad cell on stderr and imports nothing', async () => {
    writeCsv(join(dir, 'bad.csv'), [
      ['月份', '课别', '销售额'],
      ['2026-01', '营业一课', '100'],
      ['三月', '营业二课', '100'],
      ['2026-02', '', '-5'],
    ])
    const r = await cli('--json', 'import', 'store-sales', 'bad.csv')
    expect(r.code).toBe(1)
    expect(r.stderr).toContain('第 3 行 月份：')
    expect(r.stderr).toContain('第 4 行 课别：没有课别')
    expect(r.stderr).toContain('第 4 行 销售额：')
    const out = JSON.parse(r.stdout) as { error: { kind: string; issues: { row: number; column: string }[] } }
    expect(out.error.kind).toBe('validation')
    expect(out.error.issues.map((i) => [i.row, i.column])).toEqual([
      [3, '月份'],
      [4, '课别'],
      [4, '销售额'],
    ])
    expect(stored()).toEqual([])
  })

  it('refuses a clerk, a missing file and a missing header', async () => {
    writeCsv(join(dir, 's.csv'), [
      ['月份', '销售额'],
      ['2026-01', '1'],
    ])
    const clerk = await cli('--operator', 'clerk1', 'import', 'store-sales', 's.csv')
    expect(clerk.code).toBe(1)
    expect(clerk.stderr).toContain('无权')
    const missing = await cli('import', 'store-sales', 'nope.xlsx')
    expect(missing.code).toBe(1)
    expect(missing.stderr).toContain('文件不存在')
    const header = await cli('import', 'store-sales', 's.csv')
    expect(header.code).toBe(1)
    expect(header.stderr).toContain('缺少表头："课别"')
    expect(stored()).toEqual([])
  })
})
