import { execFileSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import ExcelJS from 'exceljs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { closeDatabase } from '../../db/open'
import { createOperator } from '../../db/services/operators'
import { runCliCaptured } from '../support/cli'
import { buildReportScenario, type ReportScenario } from '../support/reportScenario'

// `report table` and `report monthly` as a script runs them: files written, options checked.
let s: ReportScenario
beforeAll(() => {
  s = buildReportScenario({ members: 200, purchases: 2000 })
  createOperator(s.db, { name: 'clerk1', password: 'secret123', role: 'clerk' }, s.admin)
  createOperator(s.db, { name: '王企划', password: 'secret123', role: 'planner' }, s.admin)
  closeDatabase(s.db)
})
afterAll(() => s?.close())

const cli = (...args: string[]) => runCliCaptured(['--db', s.file, ...args], { cwd: s.dir })

describe('report table / report monthly', () => {
  it('writes a chart table as .xlsx with the operator, and as PDF', async () => {
    const r = await cli(
      '--json',
      '--operator',
      '王企划',
      'report',
      'table',
      'points',
      '--from',
      '2026-01',
      '--to',
      '2026-10',
      '--xlsx',
      '积分.xlsx',
    )
    expect(r.code, r.stderr).toBe(0)
    expect(JSON.parse(r.stdout)).toMatchObject({ chart: 'points', title: '积分发放与余额', rows: 10 })
    const wb = new ExcelJS.Workbook()
    await wb.xlsx.readFile(join(s.dir, '积分.xlsx'))
    expect(String(wb.worksheets[0]!.getCell('A2').value)).toContain('操作员：王企划')
    expect(wb.worksheets[0]!.getRow(3).getCell(2).value).toBe('发放积分')

    const p = await cli(
      'report',
      'table',
      'sales',
      '--from',
      '2026-09',
      '--to',
      '2026-10',
      '--department',
      s.storeDepartments[0]!,
      '--pdf',
      'sales.pdf',
    )
    expect(p.code, p.stderr).toBe(0)
    expect(p.stdout).toContain(`2026年9月—2026年10月 · ${s.storeDepartments[0]}`)
    expect(execFileSync('pdftotext', [join(s.dir, 'sales.pdf'), '-'], { encoding: 'utf8' })).toContain('VIP销售占比')
  }, 60_000)

  it('writes the monthly report PDF', async () => {
    const r = await cli('--json', 'report', 'monthly', '--month', '2026-10', '--pdf', '月报.pdf')
    expect(r.code, r.stderr).toBe(0)
    expect(JSON.parse(r.stdout)).toMatchObject({ month: '2026-10' })
    expect(execFileSync('pdfinfo', [join(s.dir, '月报.pdf')], { encoding: 'utf8' })).toMatch(/Page size:\s+841/)
  }, 60_000)

  it('refuses wrong usage and a clerk, writing nothing', async () => {
    const cases: [string[], number, string][] = [
      [['report', 'table', 'pie', '--from', '2026-01', '--to', '2026-02', '--xlsx', 'a.xlsx'], 2, '未知报表"pie"'],
      [['report', 'table', 'tiers', '--from', '2026-01', '--to', '2026-02'], 2, '--xlsx 文件路径 或 --pdf'],
      [['report', 'table', 'tiers', '--from', '2026-01', '--xlsx', 'a.xlsx'], 2, '需要 --to YYYY-MM'],
      [
        ['report', 'table', 'tiers', '--from', '2026-03', '--to', '2026-01', '--xlsx', 'a.xlsx'],
        1,
        '开始月份不能晚于结束月份',
      ],
      [['report', 'monthly', '--month', '2026-10'], 2, '需要 --pdf'],
      [['report', 'kpi', '--month', '2026-10', '--xlsx', 'a.xlsx'], 2, '不接受选项 --xlsx'],
      [['--operator', 'clerk1', 'report', 'monthly', '--month', '2026-10', '--pdf', 'a.pdf'], 1, '无权'],
    ]
    for (const [args, code, message] of cases) {
      const r = await cli(...args)
      expect(r.code, args.join(' ')).toBe(code)
      expect(r.stderr).toContain(message)
    }
    expect(existsSync(join(s.dir, 'a.xlsx'))).toBe(false)
    expect(existsSync(join(s.dir, 'a.pdf'))).toBe(false)
  })
})
