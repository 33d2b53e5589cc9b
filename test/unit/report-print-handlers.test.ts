import { execFileSync } from 'node:child_process'
import { existsSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import ExcelJS from 'exceljs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { OutputOf } from '../../server/contract/contract'
import { dispatcherFor, testShell } from '../support/dispatcher'
import { chromiumPrinter } from '../support/printer'
import { buildReportScenario, type ReportScenario } from '../support/reportScenario'

// 报表 exports through the dispatcher as the renderer calls them: save dialog in main, real files,
// the operator from the session, and the roles of the contract.
let t: ReportScenario
let saveTo: string | null
let offered: string[]
const printer = chromiumPrinter()
const PLANNER = 1
const CLERK = 2
const QUERY = { from: '2026-01', to: '2026-11' }

let d: Awaited<ReturnType<typeof dispatcherFor>>
beforeAll(async () => {
  t = buildReportScenario({ members: 200, purchases: 2000 })
  d = await dispatcherFor(
    t,
    testShell({
      pickSaveFile: async (o) => {
        offered.push(o.defaultName)
        return saveTo
      },
      printer,
    }),
    { [PLANNER]: { name: '王企划', role: 'planner' }, [CLERK]: { name: '钱进', role: 'clerk' } },
  )
}, 60_000)
afterAll(() => t.close())

async function call<K extends Parameters<typeof d.dispatch>[0]>(name: K, input: unknown, sender = PLANNER) {
  offered = []
  const r = await d.dispatch(name, input as never, sender)
  if (!r.ok) throw new Error(r.error.message)
  return r.data as OutputOf<K>
}

describe('report exports', () => {
  it('saves a chart table as .xlsx under the offered name, with the operator in it', async () => {
    saveTo = join(t.dir, 'sales.xlsx')
    expect(await call('reports:tableXlsx', { chart: 'sales', query: QUERY })).toEqual({ file: saveTo })
    expect(offered).toEqual(['VIP销售占比-2026-01至2026-11.xlsx'])
    const wb = new ExcelJS.Workbook()
    await wb.xlsx.readFile(saveTo)
    const ws = wb.worksheets[0]!
    expect(ws.getCell('A1').value).toBe('VIP销售占比')
    expect(String(ws.getCell('A2').value)).toContain('操作员：王企划')
    expect(typeof ws.getCell('C4').value).toBe('number')
  })

  it('saves a table PDF and the monthly report PDF, and prints them', async () => {
    saveTo = join(t.dir, 'tiers.pdf')
    expect(
      await call('reports:tablePdf', { chart: 'tiers', query: { ...QUERY, department: t.storeDepartments[0] } }),
    ).toEqual({ file: saveTo })
    expect(offered).toEqual([`会员等级分布-2026-01至2026-11-${t.storeDepartments[0]}.pdf`])
    expect(execFileSync('pdftotext', [saveTo, '-'], { encoding: 'utf8' })).toContain('王企划')

    saveTo = join(t.dir, 'monthly.pdf')
    expect(await call('reports:monthlySave', { month: '2026-10' })).toEqual({ file: saveTo })
    expect(offered).toEqual(['会员计划月报-2026-10.pdf'])
    expect(execFileSync('pdfinfo', [saveTo], { encoding: 'utf8' })).toMatch(/Pages:\s+([2-9]|\d\d)/)

    const preview = await call('reports:monthly', { month: '2026-10' })
    expect(preview.month).toBe('2026-10')
    expect(preview.html).toContain('<svg')
    expect(await call('reports:tablePrint', { chart: 'points', query: QUERY })).toEqual({ printed: true })
    expect(await call('reports:monthlyPrint', { month: '2026-10' })).toEqual({ printed: true })
    expect(printer.printed.at(-2)).toContain('积分发放与余额')
    expect(printer.printed.at(-1)).toContain('会员计划月度报告')
  }, 60_000)

  it('writes nothing when the dialog is cancelled, and refuses bad input before the dialog', async () => {
    saveTo = null
    const before = readdirSync(t.dir)
    expect(await call('reports:tableXlsx', { chart: 'league', query: QUERY })).toBeNull()
    expect(offered).toEqual(['维护人月度评比-2026-11.xlsx'])
    expect(await call('reports:monthlySave', { month: '2026-10' })).toBeNull()
    expect(readdirSync(t.dir)).toEqual(before)
    offered = []
    const r = await d.dispatch(
      'reports:tablePdf',
      { chart: 'sales', query: { from: '2026-11', to: '2026-01' } },
      PLANNER,
    )
    expect(r.ok ? null : r.error.message).toBe('开始月份不能晚于结束月份')
    expect(offered).toEqual([])
  })

  it('refuses a clerk', async () => {
    saveTo = join(t.dir, 'clerk.xlsx')
    for (const [name, input] of [
      ['reports:tableXlsx', { chart: 'sales', query: QUERY }],
      ['reports:monthlySave', { month: '2026-10' }],
      ['reports:table', { chart: 'tiers', query: QUERY }],
    ] as const) {
      const r = await d.dispatch(name, input, CLERK)
      expect(r.ok).toBe(false)
      if (!r.ok) expect(r.error.kind).toBe('forbidden')
    }
    expect(existsSync(saveTo)).toBe(false)
  })
})
