import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import {
  checkStock,
  createGift,
  eligibleGifts,
  issueGift,
  listGifts,
  lowStock,
  receiveStock,
  redeemGifts,
  returnRedeemed,
  stocktake,
  updateGift,
} from '../../db/services/gifts'
import { checkBalances } from '../../db/services/points/ledger'
import { createOperator, toActor } from '../../db/services/operators'
import { dumpDb, makeTestDb, type TestDb } from '../support/db'
import { makeGift, makeMemberWithPoints } from '../support/gifts'

let t: TestDb
beforeEach(() => {
  t = makeTestDb()
})
afterEach(() => t.close())

const onHand = (code: string) => listGifts(t.db).find((g) => g.code === code)!.onHand
const points = (id: number) => t.db.sqlite.prepare('SELECT points FROM members WHERE id = ?').pluck().get(id) as number

/** Runs a call that must be refused with `message` and leave every table as it was. */
function refused(call: () => unknown, message: string | RegExp) {
  const before = dumpDb(t.db)
  expect(call).toThrow(message)
  expect(dumpDb(t.db)).toEqual(before)
}

describe('the catalogue', () => {
  it('adds, changes and lists gifts with operator and time', () => {
    const g = createGift(t.db, { code: 'G001', name: '保温杯', category: 'redemption', pointsPrice: 500 }, t.admin)
    expect(g).toMatchObject({ code: 'G001', onHand: 0, active: true, createdBy: t.admin.id })
    const u = updateGift(
      t.db,
      { code: 'G001', reorderLevel: 5, availableFrom: 20261001, availableUntil: 20261231 },
      t.admin,
    )
    expect(u).toMatchObject({ reorderLevel: 5, availableUntil: 20261231, updatedBy: t.admin.id })
    expect(listGifts(t.db).map((x) => x.code)).toEqual(['G001'])
  })

  it('refuses bad input in Chinese and changes nothing', () => {
    makeGift(t.db, t.admin, { code: 'G001' })
    refused(() => createGift(t.db, { code: 'G001', name: '重复', category: 'other' }, t.admin), '礼品编码 G001 已存在')
    refused(() => createGift(t.db, { code: 'G002', name: '', category: 'other' }, t.admin), '请填写礼品名称')
    refused(
      () => createGift(t.db, { code: 'G002', name: '杯', category: 'other', unitCostFen: -1 }, t.admin),
      '成本不能为负',
    )
    refused(
      () =>
        createGift(
          t.db,
          { code: 'G002', name: '杯', category: 'other', availableFrom: 20261201, availableUntil: 20261101 },
          t.admin,
        ),
      '兑换结束日期不能早于开始日期',
    )
    refused(() => updateGift(t.db, { code: 'G001', availableFrom: 20261301 }, t.admin), '兑换开始日期不是有效日期')
    refused(() => updateGift(t.db, { code: 'NOPE', name: '杯' }, t.admin), '找不到礼品')
  })

  it('is kept by the VIP room, planners and admins only', () => {
    const clerk = toActor(createOperator(t.db, { name: 'clerk1', password: 'secret123', role: 'clerk' }, t.admin))
    refused(() => createGift(t.db, { code: 'G9', name: '杯', category: 'other' }, clerk), '只有管理员、企划和贵宾室')
  })
})

describe('stock movements', () => {
  it('receive, issue and count, each with its movement, and never below zero', () => {
    makeGift(t.db, t.admin, { code: 'G001', unitCostFen: 1200, reorderLevel: 3 })
    receiveStock(t.db, { code: 'G001', quantity: 10, supplier: '某供应商' }, t.admin)
    const m = makeMemberWithPoints(t.db, t.admin, 'C0001', 0)
    expect(issueGift(t.db, { code: 'G001', quantity: 2, purpose: 'birthday', cardNo: 'C0001' }, t.admin).onHand).toBe(8)
    refused(
      () => issueGift(t.db, { code: 'G001', quantity: 9, purpose: 'event' }, t.admin),
      '库存不足：现有 8 件，需要 9 件',
    )
    refused(() => issueGift(t.db, { code: 'G001', quantity: 1, purpose: 'party' as never }, t.admin), '请选择发放用途')
    expect(stocktake(t.db, { code: 'G001', counted: 3, reason: '破损 5 件' }, t.admin)).toMatchObject({
      difference: -5,
      onHand: 3,
    })
    expect(stocktake(t.db, { code: 'G001', counted: 3, reason: '复盘' }, t.admin).movementId).toBe(0)
    const moves = t.db.sqlite
      .prepare(
        'SELECT kind, quantity, on_hand_after, unit_cost_fen, purpose, member_id, reason, operator_id FROM gift_movements ORDER BY id',
      )
      .all()
    expect(moves).toEqual([
      {
        kind: 'receive',
        quantity: 10,
        on_hand_after: 10,
        unit_cost_fen: 1200,
        purpose: null,
        member_id: null,
        reason: '',
        operator_id: t.admin.id,
      },
      {
        kind: 'issue',
        quantity: -2,
        on_hand_after: 8,
        unit_cost_fen: 1200,
        purpose: 'birthday',
        member_id: m,
        reason: '',
        operator_id: t.admin.id,
      },
      {
        kind: 'stocktake',
        quantity: -5,
        on_hand_after: 3,
        unit_cost_fen: 1200,
        purpose: null,
        member_id: null,
        reason: '破损 5 件',
        operator_id: t.admin.id,
      },
    ])
    expect(lowStock(t.db).map((g) => g.code)).toEqual(['G001'])
    expect(checkStock(t.db)).toEqual({ gifts: 1, differences: [] })
  })

  it('stock check finds a cached figure that disagrees with the movements', () => {
    makeGift(t.db, t.admin, { code: 'G001' }, 4)
    t.db.sqlite.prepare("UPDATE gifts SET on_hand = 7 WHERE code = 'G001'").run()
    expect(checkStock(t.db).differences).toEqual([{ code: 'G001', name: '礼品G001', cached: 7, movements: 4 }])
  })
})

describe('the redemption desk', () => {
  it('redeems several gifts in one step: one ledger entry, one movement per gift, one redemption', () => {
    makeGift(t.db, t.admin, { code: 'G001', pointsPrice: 500 }, 5)
    makeGift(t.db, t.admin, { code: 'G002', pointsPrice: 1000 }, 5)
    const m = makeMemberWithPoints(t.db, t.admin, 'C0001', 2600)
    const r = redeemGifts(
      t.db,
      {
        memberId: m,
        lines: [
          { code: 'G001', qty: 1 },
          { code: 'G002', qty: 2 },
        ],
      },
      t.admin,
    )
    expect(r).toMatchObject({ points: 2500, pointsBefore: 2600, pointsAfter: 100, operatorName: 'admin' })
    expect(points(m)).toBe(100)
    expect(onHand('G001')).toBe(4)
    expect(onHand('G002')).toBe(3)
    const ledger = t.db.sqlite.prepare("SELECT kind, delta, ref FROM points_ledger WHERE kind = 'redeem'").all()
    expect(ledger).toEqual([{ kind: 'redeem', delta: -2500, ref: `redemption:${r.redemptionId}` }])
    expect(checkBalances(t.db).differences).toEqual([])
  })

  it('refuses the whole redemption when one line is not allowed, and changes nothing', () => {
    makeGift(t.db, t.admin, { code: 'G001', pointsPrice: 500 }, 5)
    makeGift(t.db, t.admin, { code: 'G002', pointsPrice: 500, maxBalance: 3000 }, 5)
    makeGift(t.db, t.admin, { code: 'G003', pointsPrice: 500 }, 0)
    const rich = makeMemberWithPoints(t.db, t.admin, 'C0001', 3000)
    const poor = makeMemberWithPoints(t.db, t.admin, 'C0002', 700)
    const redeem =
      (memberId: number, ...lines: [string, number][]) =>
      () =>
        redeemGifts(t.db, { memberId, lines: lines.map(([code, qty]) => ({ code, qty })) }, t.admin)
    refused(redeem(rich, ['G001', 1], ['G002', 1]), '礼品G002仅限积分低于 3,000 分的会员兑换')
    refused(redeem(rich, ['G003', 1]), '礼品G003已无库存')
    refused(redeem(poor, ['G001', 1], ['G001', 1]), '积分不足：礼品G001需要 1,000 分，当前可用 700 分')
    refused(redeem(poor, ['G001', 1], ['G002', 1]), '积分不足：共需 1,000 分，当前可用 700 分')
    refused(redeem(poor, ['NOPE', 1]), '找不到礼品：NOPE')
    refused(redeem(poor), '请选择要兑换的礼品')
  })

  it('takes a defective gift back within 3 days: stock restored, points refunded', () => {
    makeGift(t.db, t.admin, { code: 'G001', pointsPrice: 500 }, 2)
    const m = makeMemberWithPoints(t.db, t.admin, 'C0001', 1200)
    const r = redeemGifts(t.db, { memberId: m, lines: [{ code: 'G001', qty: 2 }] }, t.admin)
    t.setNow(new Date('2026-11-25T10:00:00+08:00'))
    expect(
      returnRedeemed(t.db, { redemptionId: r.redemptionId, code: 'G001', qty: 1, reason: '杯盖破损' }, t.admin),
    ).toEqual({
      points: 500,
      pointsAfter: 700,
      onHand: 1,
    })
    refused(
      () => returnRedeemed(t.db, { redemptionId: r.redemptionId, code: 'G001', qty: 2, reason: '杯盖破损' }, t.admin),
      '最多还可退回 1 件',
    )
    t.setNow(new Date('2026-11-27T10:00:01+08:00'))
    refused(
      () => returnRedeemed(t.db, { redemptionId: r.redemptionId, code: 'G001', qty: 1, reason: '杯盖破损' }, t.admin),
      '兑换后 3 天内',
    )
    expect(t.db.sqlite.prepare("SELECT kind, delta FROM points_ledger WHERE kind = 'refund'").all()).toEqual([
      { kind: 'refund', delta: 500 },
    ])
    expect(checkBalances(t.db).differences).toEqual([])
    expect(checkStock(t.db).differences).toEqual([])
  })

  it('lists what a member can take now and what not, with the reasons', () => {
    makeGift(t.db, t.admin, { code: 'G001', pointsPrice: 500 }, 5)
    makeGift(t.db, t.admin, { code: 'G002', pointsPrice: 5000 }, 5)
    makeGift(t.db, t.admin, { code: 'G003', pointsPrice: 300 }, 0)
    makeGift(t.db, t.admin, { code: 'G004', pointsPrice: 100, active: false }, 5)
    makeGift(t.db, t.admin, { code: 'G005', pointsPrice: null, category: 'birthday' }, 5)
    const m = makeMemberWithPoints(t.db, t.admin, 'C0001', 1000)
    const e = eligibleGifts(t.db, { memberId: m })
    expect(e.member).toMatchObject({ cardNo: 'C0001', points: 1000, tier: '普卡' })
    expect(e.eligible.map((g) => g.code)).toEqual(['G001'])
    expect(e.ineligible.map((g) => [g.code, g.reason])).toEqual([
      ['G003', '礼品G003已无库存'],
      ['G002', '积分不足：礼品G002需要 5,000 分，当前可用 1,000 分'],
    ])
  })

  it('sorts every one of 500 gifts into can-take or cannot-take-with-a-reason (speed: npm run bench)', () => {
    const now = t.db.now().getTime()
    const insert = t.db.sqlite.prepare(
      `INSERT INTO gifts (code, name, category, points_price, on_hand, max_balance, available_until, created_at, updated_at)
       VALUES (?, ?, 'redemption', ?, ?, ?, ?, ?, ?)`,
    )
    t.db.sqlite.transaction(() => {
      for (let i = 0; i < 500; i++)
        insert.run(
          `G${i}`,
          `礼品${i}`,
          100 + (i % 40) * 100,
          i % 7,
          i % 5 ? null : 3000,
          i % 11 ? null : 20261001,
          now,
          now,
        )
    })()
    const m = makeMemberWithPoints(t.db, t.admin, 'C0001', 2000)
    const e = eligibleGifts(t.db, { memberId: m })
    expect(e.eligible.length + e.ineligible.length).toBe(500)
    expect(e.eligible.length).toBeGreaterThan(0)
    expect(e.ineligible.every((g) => g.reason.length > 0)).toBe(true)
    // Every gift offered can really be taken: in stock, within its window, points enough.
    const offered = t.db.sqlite.prepare('SELECT code, on_hand, points_price FROM gifts WHERE code = ?')
    for (const g of e.eligible) {
      const row = offered.get(g.code) as { on_hand: number; points_price: number }
      expect(row.on_hand).toBeGreaterThan(0)
      expect(row.points_price).toBeLessThanOrEqual(2000)
    }
  })
})
