import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { closeDatabase, openDatabase } from '../../db/open'
import { issueGift, redeemGifts } from '../../db/services/gifts'
import { createOperator, setupAdmin, toActor } from '../../db/services/operators'
import { makeGift, makeMemberWithPoints } from '../support/gifts'
import { runCliCaptured } from '../support/cli'
import { readXlsxRows } from '../support/sheets'
import { storeDate } from '../support/storeTime'

let dir: string
let dbFile: string
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'vipdesk-cli-gift-report-'))
  dbFile = join(dir, 'vipdesk.sqlite')
  // 15 November 2026, noon local time: the month of everything below.
  const db = openDatabase(dbFile, { now: () => storeDate(2026, 10, 15, 12) })
  const admin = toActor(setupAdmin(db, { name: 'admin', password: 'secret123' }))
  createOperator(db, { name: 'clerk1', password: 'secret123', role: 'clerk' }, admin)
  makeGift(db, admin, { code: 'G001', name: '保温杯', pointsPrice: 500, unitCostFen: 3550 }, 3)
  makeGift(db, admin, { code: 'CAKE', name: '蛋糕', category: 'cake', pointsPrice: null, unitCostFen: 7000 }, 2)
  const m = makeMemberWithPoints(db, admin, 'C0001', 1200)
  redeemGifts(db, { memberId: m, lines: [{ code: 'G001', qty: 2 }] }, admin)
  issueGift(db, { code: 'CAKE', quantity: 1, purpose: 'cake', cardNo: 'C0001' }, admin)
  closeDatabase(db)
})
afterEach(() => rmSync(dir, { recursive: true, force: true }))

const cli = (...args: string[]) => runCliCaptured(['--db', dbFile, ...args], { cwd: dir })

describe('gifts report', () => {
  it('prints the month as JSON with the figures the screen shows', async () => {
    const r = await cli('--json', 'gifts', 'report', '--month', '2026-11')
    expect(r.code).toBe(0)
    expect(JSON.parse(r.stdout)).toMatchObject({
      month: '2026-11',
      redemptions: 1,
      redeemedPoints: 1000,
      totalCostFen: 2 * 3550 + 7000,
      costByPurpose: { cake: 7000 },
      stockValueEndFen: 3550 + 7000,
      topGifts: [{ code: 'G001', qty: 2, points: 1000 }],
    })
  })

  it('prints a table for people, and says when a month had nothing', async () => {
    const r = await cli('gifts', 'report', '--month', '2026-11')
    expect(r.stdout).toContain('兑换 1 次，1,000 积分；礼品成本 141.00 元；月末库存金额 105.50 元')
    expect(r.stdout).toContain('蛋糕鲜花配送')
    expect((await cli('gifts', 'report', '--month', '2026-10')).stdout).toContain('本月没有任何出入库记录')
  })

  it('refuses a month that is not YYYY-MM (exit 2), and a clerk', async () => {
    expect(await cli('gifts', 'report', '--month', '2026-13')).toMatchObject({
      code: 2,
      stderr: expect.stringContaining('选项 --month 应为 YYYY-MM'),
    })
    expect(await cli('gifts', 'list', '--month', '2026-11')).toMatchObject({ code: 2 })
    expect((await cli('--operator', 'clerk1', 'gifts', 'report')).code).toBe(1)
  })
})

describe('export gifts', () => {
  it('writes the catalogue to .xlsx and .csv, refuses other names before opening anything', async () => {
    const r = await cli('--json', 'export', 'gifts', '礼品.xlsx')
    expect(r.code).toBe(0)
    expect(JSON.parse(r.stdout)).toEqual({ file: join(dir, '礼品.xlsx'), count: 2 })
    const { rows } = await readXlsxRows(join(dir, '礼品.xlsx'))
    expect(rows.map((x) => [x[0], x[6]])).toEqual([
      ['编码', '库存'],
      ['CAKE', 1],
      ['G001', 1],
    ])
    expect((await cli('export', 'gifts', '礼品.csv')).stdout).toBe(`已导出 2 种礼品到 ${join(dir, '礼品.csv')}\n`)
    expect((await cli('export', 'gifts', '礼品.txt')).code).toBe(2)
  })
})
