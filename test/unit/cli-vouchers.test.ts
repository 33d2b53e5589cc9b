import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { closeDatabase, openDatabase } from '../../db/open'
import { zonedToMs } from '../../db/rules/storeClock'
import { createOperator, setupAdmin, toActor } from '../../db/services/operators'
import { runCliCaptured } from '../support/cli'
import { makeMemberWithPoints } from '../support/gifts'

// The command line runs on the machine's real clock: the test moves it (Date only) into the
// store's November redemption window, and out of it.
const storeTime = (y: number, m: number, d: number, h = 12) =>
  new Date(zonedToMs({ y, m, d, h, mi: 0, s: 0 }, 'Asia/Shanghai'))

let dir: string
let dbFile: string
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'vipdesk-cli-vouchers-'))
  dbFile = join(dir, 'vipdesk.sqlite')
  const db = openDatabase(dbFile, { now: () => storeTime(2026, 11, 1) })
  const admin = toActor(setupAdmin(db, { name: 'admin', password: 'secret123' }))
  createOperator(db, { name: 'vip1', password: 'secret123', role: 'viproom' }, admin)
  createOperator(db, { name: 'plan1', password: 'secret123', role: 'planner' }, admin)
  makeMemberWithPoints(db, admin, 'C0001', 10_000)
  closeDatabase(db)
  vi.useFakeTimers({ toFake: ['Date'] })
  vi.setSystemTime(storeTime(2026, 11, 20))
})
afterEach(() => {
  vi.useRealTimers()
  rmSync(dir, { recursive: true, force: true })
})

const cli = (...args: string[]) => runCliCaptured(['--db', dbFile, ...args], { cwd: dir })
const sql = <T>(query: string, ...params: unknown[]): T => {
  const db = openDatabase(dbFile)
  try {
    return db.sqlite.prepare(query).all(...params) as T
  } finally {
    closeDatabase(db)
  }
}

describe('vouchers redeem-points', () => {
  it('prints exactly the documented JSON, one voucher per --count, with the points taken', async () => {
    const r = await cli(
      '--json',
      '--operator',
      'vip1',
      'vouchers',
      'redeem-points',
      '--card',
      'C0001',
      '--value',
      '30',
      '--count',
      '2',
    )
    expect(r).toMatchObject({ code: 0, stderr: '' })
    const out = JSON.parse(r.stdout) as Record<string, unknown>[]
    const rows = sql<{ voucher_no: string; valid_until: number }[]>(
      'SELECT voucher_no, valid_until FROM vouchers ORDER BY id',
    )
    expect(out).toEqual(
      rows.map((v) => ({
        voucherNo: v.voucher_no,
        kind: '积分通用券',
        valueFen: 3000,
        pointsUsed: 3000,
        validUntil: String(v.valid_until).replace(/^(\d{4})(\d{2})(\d{2})$/, '$1-$2-$3'),
      })),
    )
    expect(out[0]!.validUntil).toBe('2027-01-18')
    expect(sql('SELECT points FROM members')).toEqual([{ points: 4000 }])
  })

  it('exits 1 with the reason without enough points or outside the window; --ignore-window is for planners, with a reason', async () => {
    const poor = await cli(
      '--operator',
      'vip1',
      'vouchers',
      'redeem-points',
      '--card',
      'C0001',
      '--value',
      '50',
      '--count',
      '3',
    )
    expect(poor.code).toBe(1)
    expect(poor.stderr).toContain('积分不足：50 元×3 需 15,000 分，当前可用 10,000 分')
    vi.setSystemTime(storeTime(2026, 12, 5))
    const late = await cli('--operator', 'vip1', 'vouchers', 'redeem-points', '--card', 'C0001', '--value', '30')
    expect(late.code).toBe(1)
    expect(late.stderr).toContain('不在年度积分兑换期内（11月1日 至 11月30日）')
    const vip = await cli(
      '--operator',
      'vip1',
      'vouchers',
      'redeem-points',
      '--card',
      'C0001',
      '--value',
      '30',
      '--ignore-window',
      '--reason',
      '出差',
    )
    expect(vip.code).toBe(1)
    expect(vip.stderr).toContain('只有企划或管理员可以在兑换期外兑换')
    expect(sql('SELECT count(*) AS n FROM vouchers')).toEqual([{ n: 0 }])
    const noReason = await cli('vouchers', 'redeem-points', '--card', 'C0001', '--value', '30', '--reason', '出差')
    expect(noReason.code).toBe(2)
    const ok = await cli(
      '--json',
      '--operator',
      'plan1',
      'vouchers',
      'redeem-points',
      '--card',
      'C0001',
      '--value',
      '40',
      '--ignore-window',
      '--reason',
      '会员出差错过活动',
    )
    expect(ok.code).toBe(0)
    expect(JSON.parse(ok.stdout)).toHaveLength(1)
    expect(sql('SELECT operator_name, summary FROM audit_log WHERE entity = ?', 'voucher')).toEqual([
      { operator_name: 'plan1', summary: '积分兑换 40 元×1，用 4,000 分；兑换期外，原因：会员出差错过活动' },
    ])
  })
})

describe('vouchers use and list', () => {
  it('uses a voucher once; a second use, a typo and an unknown number exit 1 with the reason', async () => {
    const [v] = JSON.parse(
      (await cli('--json', 'vouchers', 'redeem-points', '--card', 'C0001', '--value', '30')).stdout,
    )
    const used = await cli('--json', 'vouchers', 'use', v.voucherNo, '--receipt', 'R-0001')
    expect(used).toMatchObject({ code: 0, stdout: `{"voucherNo":"${v.voucherNo}","status":"used"}\n` })
    const again = await cli('--json', 'vouchers', 'use', v.voucherNo)
    expect(again.code).toBe(1)
    expect(again.stderr).toContain(`券 ${v.voucherNo} 已使用过`)
    const typo = await cli('vouchers', 'use', '123456789010')
    expect(typo.code).toBe(1)
    expect(typo.stderr).toMatch(/校验位不对|找不到券号/)
    const listed = JSON.parse((await cli('--json', 'vouchers', 'list', '--card', 'C0001', '--status', 'used')).stdout)
    expect(listed).toEqual([
      {
        voucherNo: v.voucherNo,
        kind: '积分通用券',
        valueFen: 3000,
        cardNo: 'C0001',
        status: 'used',
        issuedAt: '2026-11-20 12:00',
        validUntil: v.validUntil,
        usedAt: '2026-11-20 12:00',
      },
    ])
    expect(JSON.parse((await cli('--json', 'vouchers', 'list', '--status', 'issued')).stdout)).toEqual([])
    expect((await cli('vouchers', 'list', '--status', 'lost')).code).toBe(2)
    expect((await cli('vouchers', 'list')).stdout).toContain('共 1 张，面值合计 30.00 元。')
  })
})
