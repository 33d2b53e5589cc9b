import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { giftCatalogueHtml } from '../../db/print/giftCatalogue'
import { seedDemo, type DemoResult } from '../../db/seed/demo'
import { listBirthdayBatches, birthdayBatchCards } from '../../db/services/birthdays/batches'
import { departmentsJson } from '../../db/services/departments'
import { listStaff, monthlyLeague, contactsOfStaff } from '../../db/services/care'
import { checkStock, giftMonthReport, listGifts, photoDataUrl, photosDirOf } from '../../db/services/gifts'
import { checkBalances } from '../../db/services/points/ledger'
import { dashboardData } from '../../db/services/reports/dashboard'
import { monthKpi } from '../../db/services/reports/kpi'
import { listStoreSales } from '../../db/services/reports/storeSales'
import { dumpDb, makeTestDb, type TestDb } from '../support/db'

// makeTestDb's clock: 2026-11-23 10:00 in Shanghai.
const THIS_MONTH = '2026-11'
const LAST_MONTH = '2026-10'

const demo = (t: TestDb, members: number, seed: number) =>
  seedDemo(t.db, { members, seed, photosDir: photosDirOf(t.file) }, t.admin)

describe('demo data: every screen has something to show', () => {
  let t: TestDb
  let result: DemoResult
  beforeAll(() => {
    t = makeTestDb()
    result = demo(t, 300, 7)
  }, 120_000)
  afterAll(() => t.close())

  it('keeps both ledgers clean (points check, stock check)', () => {
    expect(checkBalances(t.db).differences).toEqual([])
    expect(checkStock(t.db).differences).toEqual([])
  })

  it('stocks a photographed catalogue, with gifts redeemed and handed out this month', () => {
    const gifts = listGifts(t.db)
    expect(gifts.length).toBeGreaterThanOrEqual(20)
    const dir = photosDirOf(t.file)
    for (const g of gifts) {
      expect(g.onHand, g.code).toBeGreaterThan(0)
      expect(photoDataUrl(dir, g.photo), g.code).toMatch(/^data:image\/png;base64,/)
    }
    // A few end at or under their reorder level, so the stock alert shows.
    expect(gifts.some((g) => g.onHand <= g.reorderLevel)).toBe(true)
    expect(result.redemptions).toBeGreaterThanOrEqual(15)
    const report = giftMonthReport(t.db, { year: 2026, month: 11 })
    expect(report.redemptions).toBe(result.redemptions)
    expect(report.redeemedPoints).toBeGreaterThan(0)
    const catalogue = giftCatalogueHtml(t.db, { validFrom: 20261001, validUntil: 20261231, photosDir: dir })
    expect(catalogue.count).toBe(gifts.filter((g) => g.pointsPrice !== null).length)
    expect(catalogue.html).toContain('data:image/png;base64,')
  })

  it('fills the monthly report and the VIP sales share for the last 13 months', () => {
    const kpi = monthKpi(t.db, { month: LAST_MONTH })
    expect(kpi.members).toBeGreaterThan(250)
    expect(kpi.vipSales).toBeGreaterThan(0)
    expect(kpi.storeSales).toBeGreaterThan(kpi.vipSales)
    expect(kpi.vipShare).toBeGreaterThan(0.2)
    expect(kpi.vipShare).toBeLessThan(0.4)
    expect(kpi.pointsIssued).toBeGreaterThan(0)
    expect(listStoreSales(t.db, { from: '2025-11', to: THIS_MONTH })).toHaveLength(13 * 5)
    const dash = dashboardData(t.db, { from: '2025-11', to: THIS_MONTH })
    expect(dash.sales.totals).toHaveLength(13)
    for (const m of dash.sales.totals) expect(m.share, m.month).not.toBeNull()
  })

  it('gives maintainers their VIPs, a maintenance log and a league table', () => {
    const staff = listStaff(t.db)
    expect(staff.length).toBeGreaterThanOrEqual(8)
    expect(staff.every((s) => s.eligible && s.vipCount > 0 && s.vipCount <= s.capacity)).toBe(true)
    expect(result.assigned).toBe(staff.reduce((a, s) => a + s.vipCount, 0))
    const league = monthlyLeague(t.db, { month: LAST_MONTH })
    expect(league.rows.length).toBe(staff.length)
    expect(league.winners.length).toBeGreaterThan(0)
    expect(league.rows.some((r) => r.average > 0)).toBe(true)
    expect(t.db.sqlite.prepare('SELECT count(*) FROM vip_contacts').pluck().get()).toBe(result.contacts)
    expect(result.contacts).toBeGreaterThan(20)
    const lastMonth = staff.reduce((a, s) => a + contactsOfStaff(t.db, { staffId: s.id, month: LAST_MONTH }).length, 0)
    expect(lastMonth).toBeGreaterThan(0)
  })

  it("records this month's birthday print run, mostly mailed", () => {
    const [batch, ...more] = listBirthdayBatches(t.db, { month: THIS_MONTH })
    expect(more).toEqual([])
    expect(batch!.cardCount).toBe(result.birthdayCards)
    expect(batch!.cardCount).toBeGreaterThan(0)
    expect(batch!.mailed).toBeGreaterThan(0)
    expect(birthdayBatchCards(t.db, { batchId: batch!.id })).toHaveLength(batch!.cardCount)
  })

  it('puts every department and counter of its purchases on the list, so the desk offers them', () => {
    const list = new Map(departmentsJson(t.db).map((d) => [d.name, d]))
    const bought = t.db.sqlite
      .prepare(`SELECT DISTINCT department, counter FROM purchases WHERE counter <> ''`)
      .all() as { department: string; counter: string }[]
    expect(bought.length).toBeGreaterThan(20)
    for (const b of bought) {
      expect(list.get(b.department)?.active, b.department).toBe(true)
      expect(list.get(b.department)?.counters, b.department).toContain(b.counter)
    }
  })

  it('refuses a database that already has members', () => {
    expect(() => demo(t, 300, 7)).toThrow('示例数据只能生成到空数据库')
  })
})

describe('demo data: determinism', () => {
  const open: TestDb[] = []
  afterAll(() => open.forEach((t) => t.close()))

  /**
   * Every table but the operators (the test's admin has a salted password hash); a gift's photo by
   * its bytes, since the photo service names each copy afresh.
   */
  const dump = (t: TestDb) => {
    const { operators, ...all } = dumpDb(t.db)
    expect(operators).toHaveLength(1)
    all.gifts = (all.gifts as { photo: string }[]).map((g) => ({
      ...g,
      photo: readFileSync(join(photosDirOf(t.file), g.photo)).toString('base64'),
    }))
    return all
  }

  it('gives the same database for the same seed and another for another seed', () => {
    const [a, b, c] = [makeTestDb(), makeTestDb(), makeTestDb()]
    open.push(a, b, c)
    demo(a, 120, 11)
    demo(b, 120, 11)
    demo(c, 120, 12)
    const [da, db, dc] = [dump(a), dump(b), dump(c)]
    expect(da.gift_movements!.length).toBeGreaterThan(21)
    expect(da).toEqual(db)
    expect(da.purchases).not.toEqual(dc.purchases)
  }, 120_000)
})
