import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createMember } from '../../db/services/members'
import { commitMemberImport, guessMapping, readSheetFile } from '../../db/services/members/import'
import { createOperator, toActor } from '../../db/services/operators'
import { commitPurchaseImport, guessPurchaseMapping, recordPurchase } from '../../db/services/purchases'
import {
  cardJobsAtStartup,
  expiredCards,
  memberTierHistory,
  renewCard,
  reviewTiers,
  reviewTiersAtStartup,
  sleepingMembers,
} from '../../db/services/tiers'
import { DEFAULT_TIER_TABLE } from '../../db/rules/tiers'
import { getSettings, updateSettings } from '../../db/services/settings'
import { dumpDb, makeTestDb, type TestDb } from '../support/db'
import { writeCsv } from '../support/sheets'
import { storeDate } from '../support/storeTime'

let t: TestDb
let id: number
beforeEach(() => {
  t = makeTestDb()
  id = createMember(t.db, { cardNo: 'V0001', name: '王芳', phone: '13912345678', joinDate: '2026-01-05' }, t.admin).id
})
afterEach(() => t.close())

const at = (y: number, m: number, d: number, h = 14) => storeDate(y, m - 1, d, h, 30).getTime()
const buy = (receiptNo: string, yuan: number, when: number, memberId = id) =>
  recordPurchase(t.db, { memberId, receiptNo, amountFen: yuan * 100, purchasedAt: when }, t.admin)
const row = (memberId = id) =>
  t.db.sqlite.prepare('SELECT tier, valid_until AS validUntil FROM members WHERE id = ?').get(memberId) as {
    tier: string
    validUntil: number | null
  }
const changes = (memberId = id) =>
  t.db.sqlite
    .prepare(
      'SELECT from_tier AS fromTier, to_tier AS toTier, reason, at FROM tier_changes WHERE member_id = ? ORDER BY id',
    )
    .all(memberId) as { fromTier: string; toTier: string; reason: string; at: number }[]
const clerk = () => toActor(createOperator(t.db, { name: 'clerk1', password: 'secret123', role: 'viproom' }, t.admin))

describe('upgrades when a purchase crosses a threshold', () => {
  it('a purchase that takes the 12-month spend to 5,120 元 makes a 普卡 member 金卡, dated at the purchase', () => {
    buy('R1', 2000, at(2026, 3, 1))
    expect(row().tier).toBe('普卡')
    buy('R2', 3120, at(2026, 11, 10))
    expect(row().tier).toBe('金卡')
    expect(changes()).toEqual([
      { fromTier: '普卡', toTier: '金卡', reason: '近12个月消费 5,120 元，达到金卡标准', at: at(2026, 11, 10) },
    ])
    const h = memberTierHistory(t.db, { memberId: id })
    expect(h).toMatchObject({ total: 1, tier: '金卡', rows: [{ direction: 'up', operatorName: 'admin' }] })
  })

  it('spend older than 12 months does not count', () => {
    buy('R1', 2000, at(2025, 10, 1))
    buy('R2', 1500, at(2026, 11, 10))
    expect(row().tier).toBe('普卡')
  })

  it('a till import upgrades each member once per crossing, at the crossing purchase', async () => {
    const file = join(t.dir, 'till.csv')
    writeCsv(file, [
      ['小票号', '销售时间', '会员卡号', '实收金额'],
      ['S1', '2026-10-01 10:00', 'V0001', '3000'],
      ['S2', '2026-10-05 10:00', 'V0001', '100'],
      ['S3', '2026-11-01 10:00', 'V0001', '2500'],
    ])
    const sheet = await readSheetFile(file)
    await commitPurchaseImport(t.db, sheet, guessPurchaseMapping(sheet.headers), t.admin)
    expect(changes().map((c) => [c.fromTier, c.toTier, c.at])).toEqual([
      ['普卡', '银卡', at(2026, 10, 1, 10) - 30 * 60000],
      ['银卡', '金卡', at(2026, 11, 1, 10) - 30 * 60000],
    ])
    expect(row().tier).toBe('金卡')
  })
})

describe('the yearly review', () => {
  it('does not downgrade before the review date, downgrades at it, and runs once', () => {
    buy('R1', 6000, at(2025, 6, 1))
    expect(row().tier).toBe('金卡')
    // Nothing is bought afterwards; purchases never downgrade.
    buy('R2', 10, at(2026, 6, 1))
    expect(row().tier).toBe('金卡')
    const run = reviewTiers(t.db, { asOf: '2026-01-02' }, t.admin)
    // 2025-01-01 … 2025-12-31: 6,000 元, still 金卡
    expect(run).toMatchObject({ reviewDay: '2026-01-01', alreadyRan: false, downgraded: 0 })
    t.setNow(storeDate(2027, 0, 3, 9))
    const next = reviewTiers(t.db, {}, t.admin)
    expect(next).toMatchObject({ reviewDay: '2027-01-01', downgraded: 1 })
    expect(row().tier).toBe('普卡')
    expect(changes().at(-1)).toMatchObject({ fromTier: '金卡', toTier: '普卡', at: storeDate(2027, 0, 1).getTime() })
    const before = dumpDb(t.db)
    expect(reviewTiers(t.db, {}, t.admin)).toMatchObject({ alreadyRan: true, downgraded: 0 })
    expect(dumpDb(t.db)).toEqual(before)
    expect(() => reviewTiers(t.db, { asOf: '2025-06-01' }, t.admin)).toThrow(/不能再补做更早的评级/)
  })

  it('at start-up a database that never had a review only records its starting point', () => {
    t.db.sqlite.prepare("UPDATE members SET tier = '钻石卡' WHERE id = ?").run(id)
    expect(reviewTiersAtStartup(t.db)).toMatchObject({ alreadyRan: true, downgraded: 0 })
    expect(row().tier).toBe('钻石卡')
    t.setNow(storeDate(2027, 0, 2, 9))
    expect(reviewTiersAtStartup(t.db)).toMatchObject({ reviewDay: '2027-01-01', downgraded: 1 })
    expect(row().tier).toBe('普卡')
    // The review day moved earlier in the year: the start-up neither fails nor reviews again.
    updateSettings(t.db, { tierReview: { month: 12, day: 1 } }, t.admin)
    expect(reviewTiersAtStartup(t.db)).toMatchObject({ reviewDay: '2026-12-01', alreadyRan: true })
  })
})

describe('card validity', () => {
  it('a new card is valid for 24 months from its join date', () => {
    expect(row().validUntil).toBe(20280105)
  })

  it('an imported card gets its validity from the join date in the file', async () => {
    const file = join(t.dir, 'members.csv')
    writeCsv(file, [
      ['卡号', '姓名', '开卡日期'],
      ['V0100', '张三', '2023-05-31'],
    ])
    const sheet = await readSheetFile(file)
    await commitMemberImport(t.db, sheet, guessMapping(sheet.headers), t.admin)
    const v = t.db.sqlite.prepare("SELECT valid_until FROM members WHERE card_no = 'V0100'").pluck().get()
    expect(v).toBe(20250531)
  })

  it('at start-up a lapsed card whose member earned 1,000 points in the period is renewed, once', () => {
    const m = createMember(t.db, { cardNo: 'V0002', name: '李强', joinDate: '2024-06-01' }, t.admin).id
    buy('R1', 1200, at(2025, 3, 3), m)
    const lazy = createMember(t.db, { cardNo: 'V0003', name: '赵六', joinDate: '2024-06-01' }, t.admin).id
    buy('R2', 500, at(2025, 3, 3), lazy)
    t.setNow(storeDate(2026, 5, 3, 9))
    expect(cardJobsAtStartup(t.db)).toMatchObject({ renewed: 1 })
    expect(row(m).validUntil).toBe(20280601)
    expect(row(lazy).validUntil).toBe(20260601)
    const renewal = t.db.sqlite.prepare('SELECT * FROM card_renewals WHERE member_id = ?').get(m)
    expect(renewal).toMatchObject({
      from_valid_until: 20260601,
      to_valid_until: 20280601,
      earned_points: 1200,
      automatic: 1,
    })
    expect(cardJobsAtStartup(t.db)).toMatchObject({ renewed: 0, checked: 0 })
    const list = expiredCards(t.db, {})
    expect(list.total).toBe(1)
    expect(list.rows[0]).toMatchObject({
      cardNo: 'V0003',
      validUntil: '2026-06-01',
      earnedPoints: 500,
      qualified: false,
    })
  })

  it('a card that does not qualify is refused to the service desk and nothing changes', () => {
    const m = createMember(t.db, { cardNo: 'V0002', name: '李强', joinDate: '2024-06-01' }, t.admin).id
    t.setNow(storeDate(2026, 5, 3, 9))
    const before = dumpDb(t.db)
    expect(() => renewCard(t.db, { id: m, reason: '老顾客' }, clerk())).toThrow(/只有管理员或企划可以破例续期/)
    expect(() => renewCard(t.db, { id: m }, t.admin)).toThrow(/须填写原因/)
    expect(() => renewCard(t.db, { id }, t.admin)).toThrow(/尚未过期/)
    const after = dumpDb(t.db)
    delete after.operators
    delete before.operators
    delete after.audit_log
    delete before.audit_log
    expect(after).toEqual(before)
    expect(renewCard(t.db, { id: m, reason: '老顾客' }, t.admin)).toMatchObject({
      from: '2026-06-01',
      to: '2028-06-01',
      qualified: false,
    })
    expect(memberTierHistory(t.db, { memberId: m }).renewals[0]).toMatchObject({
      automatic: false,
      reason: '破例续期（有效期内积分 0）：老顾客',
    })
  })

  it('a qualifying card is renewed by the service desk', () => {
    const m = createMember(t.db, { cardNo: 'V0002', name: '李强', joinDate: '2024-06-01' }, t.admin).id
    t.setNow(storeDate(2026, 5, 3, 9))
    buy('R1', 1000, at(2026, 5, 1), m)
    expect(renewCard(t.db, { id: m }, clerk())).toMatchObject({ qualified: true, earnedPoints: 1000, to: '2028-06-01' })
  })
})

describe('sleeping members', () => {
  it('lists members with no purchase in 6 months, with their last purchase and a masked phone', () => {
    buy('R1', 100, at(2026, 5, 1))
    const awake = createMember(t.db, { cardNo: 'V0002', name: '李强', joinDate: '2025-01-01' }, t.admin).id
    buy('R2', 100, at(2026, 10, 1), awake)
    createMember(t.db, { cardNo: 'V0003', name: '赵六', joinDate: '2025-02-01' }, t.admin)
    createMember(t.db, { cardNo: 'V0004', name: '新人', joinDate: '2026-11-01' }, t.admin)
    const r = sleepingMembers(t.db, {})
    expect(r).toMatchObject({ total: 2, months: 6, cutoff: '2026-05-23' })
    expect(r.rows.map((x) => [x.cardNo, x.lastPurchase, x.phone])).toEqual([
      ['V0001', '2026-05-01', '139****5678'],
      ['V0003', null, null],
    ])
    expect(sleepingMembers(t.db, { months: 1, pageSize: 1, page: 2 }).rows.map((x) => x.cardNo)).toEqual(['V0001'])
    expect(sleepingMembers(t.db, { includeNever: false }).total).toBe(1)
  })
})

describe('tier settings', () => {
  it('refuses a table whose thresholds do not rise, in Chinese, and keeps the old one', () => {
    const bad = [DEFAULT_TIER_TABLE[0]!, DEFAULT_TIER_TABLE[2]!, DEFAULT_TIER_TABLE[1]!]
    expect(() => updateSettings(t.db, { tierTable: bad }, t.admin)).toThrow(/门槛须逐级升高/)
    expect(getSettings(t.db).tierTable).toEqual(DEFAULT_TIER_TABLE)
  })

  it('reads a database that still holds the old tiers and tierMultipliers keys', () => {
    const put = t.db.sqlite.prepare('INSERT INTO settings (key, value, updated_at) VALUES (?, ?, 0)')
    put.run('tiers', JSON.stringify(['普卡', '金卡']))
    put.run('tierMultipliers', JSON.stringify({ 普卡: 2 }))
    put.run('storeName', JSON.stringify('东方百货'))
    expect(getSettings(t.db)).toMatchObject({ storeName: '东方百货', tierTable: DEFAULT_TIER_TABLE })
    // A stored value that no longer validates falls back alone; the other settings stay.
    put.run('sleepingMonths', JSON.stringify('six'))
    expect(getSettings(t.db)).toMatchObject({ storeName: '东方百货', sleepingMonths: 6 })
  })
})
