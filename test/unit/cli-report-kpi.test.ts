import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { closeDatabase, openDatabase } from '../../db/open'
import { createOperator } from '../../db/services/operators'
import { runCliCaptured } from '../support/cli'
import { buildReportScenario, type ReportScenario } from '../support/reportScenario'
import { sqlKpi } from '../support/reportSql'

const KEYS = [
  'members',
  'activeCards',
  'newCards',
  'sleeping',
  'vipSales',
  'storeSales',
  'vipShare',
  'pointsIssued',
  'pointsRedeemed',
  'pointsExpired',
  'pointsOutstanding',
  'vouchersIssued',
  'vouchersUsed',
  'vouchersExpired',
  'vouchersOutstanding',
]

let s: ReportScenario
beforeAll(() => {
  s = buildReportScenario({ members: 200, purchases: 2000 })
  createOperator(s.db, { name: 'clerk1', password: 'secret123', role: 'clerk' }, s.admin)
  // The command line opens the file itself, on the real clock: only past months are asked for.
  closeDatabase(s.db)
})
afterAll(() => s?.close())

const cli = (...args: string[]) => runCliCaptured(['--db', s.file, ...args], { cwd: s.dir })

describe('report kpi', () => {
  it('--json prints exactly the figures, in order, equal to plain SQL', async () => {
    for (const month of [202511, 202601, 202610]) {
      const text = `${Math.floor(month / 100)}-${String(month % 100).padStart(2, '0')}`
      const r = await cli('--json', 'report', 'kpi', '--month', text)
      expect(r.code, r.stderr).toBe(0)
      const got = JSON.parse(r.stdout) as Record<string, number | null>
      expect(Object.keys(got)).toEqual(KEYS)
      const db = openDatabase(s.file)
      try {
        const last = new Date(Date.UTC(Math.floor(month / 100), month % 100, 0)).getUTCDate()
        const want = sqlKpi(db, month, month * 100 + last)
        expect({ ...got, vipShare: null }, text).toEqual({ ...want, vipShare: null })
        if (want.vipShare === null) expect(got.vipShare).toBeNull()
        else expect(got.vipShare).toBeCloseTo(want.vipShare, 12)
        expect(want.vipSales).toBeGreaterThan(0)
      } finally {
        closeDatabase(db)
      }
    }
  })

  it('prints a table with Chinese labels without --json', async () => {
    const r = await cli('report', 'kpi', '--month', '2025-11')
    expect(r.code).toBe(0)
    expect(r.stdout).toContain('会员计划月度指标 2025-11')
    expect(r.stdout).toContain('活跃卡')
  })

  it('a missing or malformed --month is a usage error (exit 2)', async () => {
    for (const args of [[], ['--month', '2025-13'], ['--month', '2025/11'], ['--month', 'last']]) {
      const r = await cli('report', 'kpi', ...args)
      expect(r.code, args.join(' ')).toBe(2)
      expect(r.stderr).toMatch(/--month/)
    }
  })

  it('refuses a clerk (exit 1)', async () => {
    const r = await cli('--operator', 'clerk1', 'report', 'kpi', '--month', '2025-11')
    expect(r.code).toBe(1)
    expect(r.stdout).toBe('')
  })
})
