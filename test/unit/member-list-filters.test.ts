import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createMember, listMembers, type MemberListQuery } from '../../db/services/members'
import { purchaseDepartments } from '../../db/services/members/purchaseFilters'
import { recordPurchase } from '../../db/services/purchases'
import { makeTestDb, type TestDb } from '../support/db'
import { storeDate } from '../support/storeTime'

// The store's today is 2026-11-23 (makeTestDb); the 12-month window starts after 2025-11-23.
let t: TestDb
let receipt = 0
function member(cardNo: string, over: Record<string, unknown> = {}) {
  return createMember(t.db, { cardNo, name: `会员${cardNo}`, phone: '13912345678', ...over }, t.admin).id
}
/** A negative amount returns the previous receipt. */
function buy(memberId: number, at: Date, yuan: number, department: string) {
  const originalReceiptNo = yuan < 0 ? `F${receipt}` : undefined
  const receiptNo = `F${++receipt}`
  recordPurchase(
    t.db,
    { memberId, receiptNo, amountFen: yuan * 100, purchasedAt: at.getTime(), department, originalReceiptNo },
    t.admin,
  )
}
const cards = (q: MemberListQuery) =>
  listMembers(t.db, { ...q, pageSize: 500 })
    .rows.map((r) => r.cardNo)
    .sort()

beforeAll(() => {
  t = makeTestDb()
  // 36 today; bought 3,000 元 in 营业一课 last month; agreed to SMS.
  const a = member('A001', {
    birthday: '1990-05-01',
    district: '天河区',
    province: '广东省',
    city: '广州市',
    smsConsent: true,
  })
  buy(a, storeDate(2026, 9, 1, 11), 3000, '营业一课')
  // 25 today, 26 tomorrow; bought 500 元 in 营业二课 in 2025-06, outside the 12 months.
  const b = member('B002', { birthday: '2000-11-24', district: '越秀区', province: '广东省', city: '广州市' })
  buy(b, storeDate(2025, 5, 1, 11), 500, '营业二课')
  // No birthday, never bought.
  member('C003', { district: '天河区', province: '广东省', city: '广州市', smsConsent: true })
  // 26 today (born 2000-11-23); 800 in 二课 on 2026-03-01 (just inside), and the window's first day.
  const d = member('D004', { birthday: '2000-11-23', district: '海珠区', province: '广东省', city: '广州市' })
  buy(d, storeDate(2026, 2, 1, 11), 800, '营业二课')
  buy(d, storeDate(2025, 10, 24, 9), 200, '营业三课')
  // Bought 1,000 in 三课 and returned 400 of it: net 600, and still counts as having bought there.
  const e = member('E005', { birthday: '1960-01-01' })
  buy(e, storeDate(2026, 10, 20, 11), 1000, '营业三课')
  buy(e, storeDate(2026, 10, 21, 11), -400, '营业三课')
})
afterAll(() => t.close())

describe('the member list filters for a call or SMS list', () => {
  it('last purchase on or after / on or before a store day; never-bought members drop out', () => {
    expect(cards({ lastPurchaseFrom: '2026-10-01' })).toEqual(['A001', 'E005'])
    expect(cards({ lastPurchaseTo: '2026-03-01' })).toEqual(['B002', 'D004'])
    expect(cards({ lastPurchaseTo: '2026-02-28' })).toEqual(['B002'])
    expect(cards({ lastPurchaseFrom: '2026-03-01', lastPurchaseTo: '2026-10-01' })).toEqual(['A001', 'D004'])
  })

  it('12-month spend from / to, in fen, both ends included; 0 keeps members who bought nothing', () => {
    expect(cards({ spendMinFen: 100_000 })).toEqual(['A001', 'D004'])
    expect(cards({ spendMinFen: 100_001 })).toEqual(['A001'])
    expect(cards({ spendMaxFen: 60_000 })).toEqual(['B002', 'C003', 'E005'])
    expect(cards({ spendMinFen: 0, spendMaxFen: 0 })).toEqual(['B002', 'C003'])
    expect(cards({ spendMinFen: 50_000, spendMaxFen: 100_000 })).toEqual(['D004', 'E005'])
  })

  it('follows a new purchase into the spend filter without a restart', () => {
    expect(cards({ spendMinFen: 300_000 })).toEqual(['A001'])
    const c = listMembers(t.db, { keyword: 'C003' }).rows[0]!.id
    buy(c, storeDate(2026, 10, 22, 15), 3500, '营业四课')
    expect(cards({ spendMinFen: 300_000 })).toEqual(['A001', 'C003'])
    expect(cards({ department: '营业四课' })).toEqual(['C003'])
  })

  it('age band in whole years today, from the birthday; no birth year, no age', () => {
    expect(cards({ ageFrom: 26, ageTo: 26 })).toEqual(['D004'])
    expect(cards({ ageFrom: 25, ageTo: 25 })).toEqual(['B002'])
    expect(cards({ ageFrom: 30, ageTo: 40 })).toEqual(['A001'])
    expect(cards({ ageFrom: 60 })).toEqual(['E005'])
    expect(cards({ ageTo: 29 })).toEqual(['B002', 'D004'])
  })

  it('district, 课别 bought in (a sale within 12 months) and consent', () => {
    expect(cards({ district: '天河区' })).toEqual(['A001', 'C003'])
    expect(cards({ department: '营业一课' })).toEqual(['A001'])
    // B002's 二课 purchase is older than 12 months.
    expect(cards({ department: '营业二课' })).toEqual(['D004'])
    expect(cards({ department: '营业三课' })).toEqual(['D004', 'E005'])
    expect(cards({ department: '营业九课' })).toEqual([])
    expect(cards({ smsConsent: true, district: '天河区', spendMinFen: 1 })).toEqual(['A001', 'C003'])
    expect(purchaseDepartments(t.db)).toEqual(['营业一课', '营业三课', '营业二课', '营业四课'].sort())
  })

  it('counts and pages the same rows it lists', () => {
    const q: MemberListQuery = { department: '营业三课', ageFrom: 20, pageSize: 1, sort: 'cardNo' }
    const first = listMembers(t.db, q)
    expect(first.total).toBe(2)
    expect(first.rows.map((r) => r.cardNo)).toEqual(['D004'])
    expect(listMembers(t.db, { ...q, page: 2 }).rows.map((r) => r.cardNo)).toEqual(['E005'])
  })

  it('refuses a reversed range or a bad value in Chinese', () => {
    expect(() => listMembers(t.db, { lastPurchaseFrom: '2026-10-02', lastPurchaseTo: '2026-10-01' })).toThrow(
      '最近消费的起始日期不能晚于结束日期',
    )
    expect(() => listMembers(t.db, { spendMinFen: 2, spendMaxFen: 1 })).toThrow('近12个月消费的下限不能大于上限')
    expect(() => listMembers(t.db, { ageFrom: 40, ageTo: 30 })).toThrow('年龄的下限不能大于上限')
    expect(() => listMembers(t.db, { spendMinFen: -1 })).toThrow('消费金额不能为负')
    expect(() => listMembers(t.db, { lastPurchaseFrom: '2026/10/01' })).toThrow('最近消费日期应为 YYYY-MM-DD')
  })
})
