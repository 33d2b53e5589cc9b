import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { closeDatabase, openDatabase } from '../../db/open'
import { createOperator, setupAdmin, toActor } from '../../db/services/operators'
import { makeGift, makeMemberWithPoints } from '../support/gifts'
import { runCliCaptured } from '../support/cli'
import { writeXlsx } from '../support/sheets'

let dir: string
let dbFile: string
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'vipdesk-cli-gifts-'))
  dbFile = join(dir, 'vipdesk.sqlite')
  const db = openDatabase(dbFile)
  const admin = toActor(setupAdmin(db, { name: 'admin', password: 'secret123' }))
  createOperator(db, { name: 'clerk1', password: 'secret123', role: 'clerk' }, admin)
  makeGift(db, admin, { code: 'G001', name: '保温杯', pointsPrice: 500, unitCostFen: 3550, reorderLevel: 2 }, 3)
  makeGift(db, admin, { code: 'BOX1', name: '礼盒', pointsPrice: 800, category: 'birthday' }, 1)
  makeMemberWithPoints(db, admin, 'C0001', 1200)
  closeDatabase(db)
})
afterEach(() => rmSync(dir, { recursive: true, force: true }))

const cli = (...args: string[]) => runCliCaptured(['--db', dbFile, ...args], { cwd: dir })
const listed = async () => JSON.parse((await cli('--json', 'gifts', 'list')).stdout) as Record<string, unknown>[]

describe('gifts list', () => {
  it('prints exactly the documented JSON fields, category as its label and cost in fen', async () => {
    expect(await listed()).toEqual([
      { code: 'BOX1', name: '礼盒', category: '生日礼', onHand: 1, reorderLevel: 0, pointsPrice: 800, unitCost: 1000 },
      {
        code: 'G001',
        name: '保温杯',
        category: '积分兑换',
        onHand: 3,
        reorderLevel: 2,
        pointsPrice: 500,
        unitCost: 3550,
      },
    ])
  })
  it('prints a table for people', async () => {
    const r = await cli('gifts', 'list')
    expect(r.code).toBe(0)
    expect(r.stdout).toContain('保温杯')
    expect(r.stdout).toContain('35.50')
    expect(r.stdout).toContain('共 2 种礼品')
  })
})

describe('gifts receive', () => {
  it('adds stock with an optional unit cost', async () => {
    expect(await cli('--json', 'gifts', 'receive', 'G001', '5', '--unit-cost', '30')).toMatchObject({
      code: 0,
      stdout: '{"code":"G001","quantity":5,"onHand":8}\n',
    })
    expect((await cli('gifts', 'receive', 'G001', '2')).stdout).toBe('礼品 G001 入库 2 件，现有库存 10 件。\n')
  })
  it('takes --unit-cost in 元 like every other place, --unit-cost-fen in fen, and refuses a third decimal', async () => {
    expect((await cli('gifts', 'receive', 'G001', '1', '--unit-cost', '12.50')).code).toBe(0)
    expect((await cli('gifts', 'receive', 'G001', '1', '--unit-cost', '30')).code).toBe(0)
    expect((await cli('gifts', 'receive', 'G001', '1', '--unit-cost-fen', '1234')).code).toBe(0)
    const bad = await cli('gifts', 'receive', 'G001', '1', '--unit-cost', '12.505')
    expect(bad.code).toBe(2)
    expect(bad.stderr).toContain('最多两位小数')
    expect((await cli('gifts', 'receive', 'G001', '1', '--unit-cost', '1', '--unit-cost-fen', '100')).code).toBe(2)
    const db = openDatabase(dbFile)
    const costs = db.sqlite
      .prepare("SELECT unit_cost_fen FROM gift_movements WHERE kind = 'receive' ORDER BY id")
      .pluck()
      .all()
    closeDatabase(db)
    expect(costs.slice(-3)).toEqual([1250, 3000, 1234])
  })
  it('lists both cost options in the help', async () => {
    const help = (await cli('help')).stdout
    expect(help).toContain('--unit-cost 元')
    expect(help).toContain('--unit-cost-fen 分')
  })
  it('reports a bad quantity, a missing gift, a stray option and a role that may not', async () => {
    expect((await cli('gifts', 'receive', 'G001', 'two')).code).toBe(2)
    expect((await cli('gifts', 'receive', 'G001')).code).toBe(2)
    expect((await cli('gifts', 'list', '--unit-cost', '5')).code).toBe(2)
    const missing = await cli('gifts', 'receive', 'NOPE', '1')
    expect(missing).toMatchObject({ code: 1, stderr: '找不到礼品：NOPE\n' })
    expect((await cli('--operator', 'clerk1', 'gifts', 'receive', 'G001', '1')).code).toBe(1)
  })
})

describe('gifts redeem', () => {
  it('redeems CODE and CODExQTY for a card, a code ending in digits staying whole', async () => {
    const r = await cli('--json', 'gifts', 'redeem', '--card', 'C0001', 'G001x2')
    expect(r.code).toBe(0)
    expect(JSON.parse(r.stdout)).toMatchObject({ points: 1000, pointsBefore: 1200, pointsAfter: 200 })
    expect((await listed()).find((g) => g.code === 'G001')).toMatchObject({ onHand: 1 })
  })
  it('exits 1 with the Chinese reason when refused, and changes nothing', async () => {
    const before = await listed()
    const r = await cli('gifts', 'redeem', '--card', 'C0001', 'BOX1', 'G001')
    expect(r).toMatchObject({ code: 1, stderr: '积分不足：共需 1,300 分，当前可用 1,200 分\n' })
    const j = await cli('--json', 'gifts', 'redeem', '--card', 'C0001', 'G001x4')
    expect(j.code).toBe(1)
    expect(JSON.parse(j.stdout)).toEqual({ error: { kind: 'conflict', message: '保温杯库存不足：仅剩 3 件' } })
    expect((await cli('gifts', 'redeem', '--card', 'C9999', 'G001')).stderr).toBe('找不到卡号为 C9999 的会员\n')
    expect((await cli('gifts', 'redeem', 'G001')).code).toBe(2)
    expect((await cli('gifts', 'redeem', '--card', 'C0001')).code).toBe(2)
    expect(await listed()).toEqual(before)
  })
  it('prints a slip-like summary for people', async () => {
    const r = await cli('gifts', 'redeem', '--card', 'C0001', 'BOX1')
    expect(r.code).toBe(0)
    expect(r.stdout).toContain('礼盒 × 1')
    expect(r.stdout).toContain('积分 1,200 → 400')
  })
})

describe('stock check', () => {
  it('exits 0 when stock matches the movements and 1 on a difference', async () => {
    expect(await cli('--json', 'stock', 'check')).toMatchObject({ code: 0, stdout: '{"gifts":2,"differences":[]}\n' })
    const db = openDatabase(dbFile)
    db.sqlite.exec("UPDATE gifts SET on_hand = 9 WHERE code = 'G001'")
    closeDatabase(db)
    const r = await cli('stock', 'check')
    expect(r.code).toBe(1)
    expect(r.stdout).toContain('G001 保温杯：库存 9，流水合计 3')
  })
})

describe('import gifts', () => {
  it('imports a sheet with the same JSON shape as the other imports, and re-imports by code', async () => {
    const file = join(dir, '礼品.xlsx')
    await writeXlsx(file, [
      ['编码', '名称', '类别', '成本', '兑换积分', '预警库存', '库存'],
      ['G100', '雨伞', '积分兑换', 25, 1000, 3, 10],
      ['G001', '保温杯', '积分兑换', 35.5, 600, 2, 50],
      ['G101', '毛巾', '饮料', 5, '', 1, 2],
    ])
    const r = await cli('--json', 'import', 'gifts', '礼品.xlsx')
    expect(r.code).toBe(1)
    expect(JSON.parse(r.stdout)).toEqual({
      inserted: 1,
      updated: 1,
      rejected: [{ row: 4, column: '类别', reason: expect.stringContaining('无法识别的类别') }],
      warnings: ['只读取了第一个工作表「会员」，另外 1 个工作表（「说明」）没有读取'],
    })
    const gifts = await listed()
    // G001 already had movements: its 库存 is not posted as an opening.
    expect(gifts.find((g) => g.code === 'G001')).toMatchObject({ onHand: 3, pointsPrice: 600 })
    expect(gifts.find((g) => g.code === 'G100')).toMatchObject({ onHand: 10, unitCost: 2500, category: '积分兑换' })
    const again = await cli('--json', 'import', 'gifts', '礼品.xlsx')
    expect(JSON.parse(again.stdout)).toMatchObject({ inserted: 0, updated: 0 })
    expect((await listed()).find((g) => g.code === 'G100')).toMatchObject({ onHand: 10 })
    expect((await cli('import', 'gifts', '礼品.xlsx')).stdout).toContain('导入完成：新增 0 种礼品')
  })
})

describe('help', () => {
  it('lists the gift commands', async () => {
    const r = await cli('help')
    for (const c of ['import gifts FILE', 'gifts list', 'gifts receive CODE QTY', 'gifts redeem --card', 'stock check'])
      expect(r.stdout).toContain(c)
  })
})
