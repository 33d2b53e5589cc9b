import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { cakeGifts, cakeList, cancelCake, deliverCake, scheduleCake } from '../../db/services/care'
import { postPoints } from '../../db/services/points/ledger'
import { updateSettings, getSettings } from '../../db/services/settings'
import { addStaffRow, buy, holdRow, member } from '../support/care'
import { dumpDb, makeTestDb, type TestDb } from '../support/db'
import { makeGift } from '../support/gifts'
import { storeDate } from '../support/storeTime'

let t: TestDb
beforeEach(() => (t = makeTestDb())) // now: 23 November 2026
afterEach(() => t.close())

const points = (memberId: number, n: number) =>
  t.db.sqlite.transaction(() => postPoints(t.db, { memberId, kind: 'opening', points: n }, t.admin))()
const perMonth = (n: number) => updateSettings(t.db, { care: { ...getSettings(t.db).care, cakesPerMonth: n } }, t.admin)

describe('cakeList', () => {
  it('takes the most points among birthdays falling in the month, solar and lunar by the day they fall on', () => {
    const { db, admin } = t
    perMonth(3)
    const a = member(db, admin, 'C0001', '1980-10-31') // solar October
    const b = member(db, admin, 'C0002', '农历1990-08-21') // lunar 8/21 falls on 2026-10-01
    const c = member(db, admin, 'C0003', '农历1990-08-20') // lunar 8/20 falls on 2026-09-30: not October
    const d = member(db, admin, 'C0004', '农历1985-09-05') // lunar 9/5 falls on 2026-10-14
    const e = member(db, admin, 'C0005', '1970-10-02') // fewest points: 4th, left out
    const f = member(db, admin, 'C0006', '1970-10-03', 'closed') // not an active card
    for (const [id, n] of [
      [a, 500],
      [b, 900],
      [c, 5000],
      [d, 700],
      [e, 100],
      [f, 9000],
    ] as const)
      points(id, n)
    const staff = addStaffRow(db, '张三')
    holdRow(db, staff, b, 20260101)
    const list = cakeList(db, { month: '2026-10' })
    expect(list.rows.map((r) => [r.cardNo, r.points, r.birthdayThisYear, r.lunar, r.maintainer])).toEqual([
      ['C0002', 900, '2026-10-01', true, '张三'],
      ['C0004', 700, '2026-10-14', true, null],
      ['C0001', 500, '2026-10-31', false, null],
    ])
  })

  it('a leap-month birthday falls on the ordinary month in a year without that leap month', () => {
    const { db, admin } = t
    // Born in 闰六月 2025; 2026 has no leap sixth month, so it falls on 六月初十 = 2026-07-23.
    member(db, admin, 'C0001', '农历闰2025-06-10')
    expect(cakeList(db, { month: '2026-07' }).rows.map((r) => r.birthdayThisYear)).toEqual(['2026-07-23'])
    expect(cakeList(db, { month: '2026-08' }).rows).toEqual([])
  })

  it('a lunar 腊月 birthday of the previous lunar year falls in January', () => {
    member(t.db, t.admin, 'C0001', '农历1990-12-20')
    expect(cakeList(t.db, { month: '2027-01' }).rows.map((r) => r.birthdayThisYear)).toEqual(['2027-01-27'])
  })

  it("skips last year's recipients when asked, and breaks equal points by 12-month spend", () => {
    const { db, admin } = t
    perMonth(2)
    const a = member(db, admin, 'C0001', '1980-10-01')
    const b = member(db, admin, 'C0002', '1980-10-02')
    const c = member(db, admin, 'C0003', '1980-10-03')
    const d = member(db, admin, 'C0004', '1980-10-04')
    for (const id of [a, b, c]) points(id, 1000)
    points(d, 5000)
    buy(db, admin, b, 20260301, 80000, { noPoints: true })
    buy(db, admin, c, 20260301, 30000, { noPoints: true })
    buy(db, admin, a, 20250301, 99000, { noPoints: true }) // older than 12 months: does not count
    db.sqlite
      .prepare(
        `INSERT INTO cake_deliveries (member_id, month, birthday_day, status, created_at, updated_at)
         VALUES (?, 202510, 20251004, 'delivered', 0, 0)`,
      )
      .run(d)
    const skipping = cakeList(db, { month: '2026-10', skipLastYear: true })
    expect(skipping.rows.map((r) => [r.cardNo, r.spendFen])).toEqual([
      ['C0002', 80000],
      ['C0003', 30000],
    ])
    expect(skipping.skipped).toBe(1)
    expect(cakeList(db, { month: '2026-10', skipLastYear: false }).rows.map((r) => r.cardNo)).toEqual([
      'C0004',
      'C0002',
    ])
  })
})

describe('cake deliveries', () => {
  function setup() {
    const { db, admin } = t
    const m = member(db, admin, 'C0001', '1980-12-05')
    points(m, 800)
    const staff = addStaffRow(db, '李四')
    makeGift(db, admin, { code: 'CAKE1', name: '生日蛋糕', category: 'cake', pointsPrice: null, unitCostFen: 7000 }, 2)
    makeGift(db, admin, { code: 'FLW1', name: '鲜花花束', category: 'cake', pointsPrice: null, unitCostFen: 3000 }, 0)
    const at = storeDate(2026, 11, 5, 15).getTime()
    const { id } = scheduleCake(db, { memberId: m, month: '2026-12', scheduledAt: at, delivererId: staff }, admin)
    return { m, staff, id }
  }

  it('schedules, and delivery issues the cake and flowers from stock with their cost', () => {
    const { db, admin } = t
    const { id, m } = setup()
    expect(cakeGifts(db)).toMatchObject({ cakeCode: 'CAKE1', flowersCode: 'FLW1' })
    expect(cakeList(db, { month: '2026-12' }).rows[0]!.delivery).toMatchObject({ status: 'planned', deliverer: '李四' })
    // no flowers in stock: refused with the gifts' message, nothing changes
    const before = dumpDb(db)
    expect(() => deliverCake(db, { id, cakeCode: 'CAKE1', flowersCode: 'FLW1' }, admin)).toThrow(
      '鲜花花束库存不足：现有 0 件，需要 1 件',
    )
    expect(dumpDb(db)).toEqual(before)
    makeGift(db, admin, { code: 'FLW2', name: '康乃馨花束', category: 'cake', pointsPrice: null, unitCostFen: 2500 }, 1)
    expect(deliverCake(db, { id, cakeCode: 'CAKE1', flowersCode: 'FLW2' }, admin)).toEqual({ id, costFen: 9500 })
    const moves = db.sqlite
      .prepare(
        "SELECT g.code, m.quantity, m.purpose, m.member_id AS memberId FROM gift_movements m JOIN gifts g ON g.id = m.gift_id WHERE m.kind = 'issue' ORDER BY g.code",
      )
      .all()
    expect(moves).toEqual([
      { code: 'CAKE1', quantity: -1, purpose: 'cake', memberId: m },
      { code: 'FLW2', quantity: -1, purpose: 'cake', memberId: m },
    ])
    const list = cakeList(db, { month: '2026-12' })
    expect(list.rows[0]!.delivery).toMatchObject({ status: 'delivered', costFen: 9500 })
    expect(list.costFen).toBe(9500)
    expect(() => deliverCake(db, { id, cakeCode: 'CAKE1' }, admin)).toThrow('已经登记送达')
    expect(() => cancelCake(db, { id }, admin)).toThrow('已送达的蛋糕不能取消')
  })

  it('cancels a plan; a member not born that month or a clerk is refused', () => {
    const { db, admin } = t
    const { id, m, staff } = setup()
    cancelCake(db, { id }, admin)
    expect(cakeList(db, { month: '2026-12' }).rows[0]!.delivery!.status).toBe('cancelled')
    expect(() => deliverCake(db, { id, cakeCode: 'CAKE1' }, admin)).toThrow('已取消')
    expect(() =>
      scheduleCake(db, { memberId: m, month: '2026-11', scheduledAt: Date.now(), delivererId: staff }, admin),
    ).toThrow('生日不在 2026 年 11 月')
    const clerk = { id: null, name: 'c', role: 'clerk' as const }
    expect(() => cancelCake(db, { id }, clerk)).toThrow('只有管理员')
  })
})
