import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { isAppError } from '../../db/errors'
import {
  birthdayBatchCards,
  listBirthdayBatches,
  markBirthdayCards,
  prepareBirthdayBatch,
  recordBirthdayBatch,
} from '../../db/services/birthdays/batches'
import { birthdayMonthCosts } from '../../db/services/birthdays/costs'
import { birthdayMonthPage, birthdaysOfMonth } from '../../db/services/birthdays/month'
import { exportBirthdaySms } from '../../db/services/birthdays/sms'
import { issueGift } from '../../db/services/gifts'
import { getMember } from '../../db/services/members'
import { createMember, updateMember } from '../../db/services/members/write'
import { getSettings, updateSettings } from '../../db/services/settings'
import { dumpDb, makeTestDb, type TestDb } from '../support/db'
import { makeGift } from '../support/gifts'

let t: TestDb
beforeEach(() => (t = makeTestDb())) // now: 23 November 2026
afterEach(() => t.close())

const ADDRESS = { province: '浙江省', city: '杭州市', district: '上城区', address: '解放路 1 号', postalCode: '310002' }

let phones = 0
function add(cardNo: string, birthday: string, o: { address?: boolean; mail?: boolean; sms?: boolean } = {}): number {
  return createMember(
    t.db,
    {
      cardNo,
      name: `会员${cardNo}`,
      birthday,
      phone: `1380000${String(++phones).padStart(4, '0')}`,
      ...(o.address === false ? {} : ADDRESS),
      mailConsent: o.mail ?? true,
      smsConsent: o.sms ?? true,
    },
    t.admin,
  ).id
}

const rejects = (fn: () => unknown, kind: string, message: RegExp) => {
  const before = dumpDb(t.db)
  try {
    fn()
    expect.fail('accepted')
  } catch (e) {
    expect(isAppError(e) && e.kind, (e as Error).message).toBe(kind)
    expect((e as Error).message).toMatch(message)
  }
  expect(dumpDb(t.db)).toEqual(before)
}

describe('birthday print batches', () => {
  it('prints everyone mailable once, in order, and refuses a second print unless it is a reprint', () => {
    const a = add('D003', '1980-12-20')
    const b = add('D001', '1975-12-02')
    add('D002', '1990-12-10', { mail: false })
    add('D004', '1990-12-11', { address: false })
    add('D005', '1990-11-11') // November
    const p = prepareBirthdayBatch(t.db, { month: '2026-12', design: 'postcard', labels: '3x7', labelOffset: 4 })
    expect(p.recipients.map((r) => r.cardNo)).toEqual(['D001', 'D003'])
    expect(p.cards).toEqual({ count: 2, unitFen: 200, fen: 400 })
    // Preparing writes nothing: the month still has two to print.
    expect(birthdaysOfMonth(t.db, { month: '2026-12' }).counts).toMatchObject({ born: 4, mailable: 2, toPrint: 2 })

    const batch = recordBirthdayBatch(
      t.db,
      { month: '2026-12', design: 'postcard', labels: '3x7', labelOffset: 4 },
      t.admin,
    )
    expect(batch).toMatchObject({
      month: '2026-12',
      design: 'postcard',
      labels: '3x7',
      labelOffset: 4,
      reprint: false,
      cardCount: 2,
      cardFen: 400,
      operatorName: 'admin',
      mailed: 0,
      returned: 0,
    })
    expect(birthdayBatchCards(t.db, { batchId: batch.id }).map((c) => [c.memberId, c.birthdayDate, c.status])).toEqual([
      [b, '2026-12-02', 'printed'],
      [a, '2026-12-20', 'printed'],
    ])
    const after = birthdaysOfMonth(t.db, { month: '2026-12' })
    expect(after.counts).toMatchObject({ printed: 2, toPrint: 0, mailable: 2 })
    expect(after.rows.find((r) => r.memberId === a)!.card).toEqual({ batchId: batch.id, status: 'printed' })
    expect(birthdaysOfMonth(t.db, { month: '2026-12', printed: false }).rows.map((r) => r.cardNo)).toEqual([
      'D002',
      'D004',
    ])

    rejects(
      () => recordBirthdayBatch(t.db, { month: '2026-12', design: 'postcard' }, t.admin),
      'validation',
      /没有待打印/,
    )
    rejects(
      () => recordBirthdayBatch(t.db, { month: '2026-12', design: 'folded-a5', memberIds: [a] }, t.admin),
      'conflict',
      /D003.*已打印过.*重印/,
    )
    const again = recordBirthdayBatch(
      t.db,
      { month: '2026-12', design: 'folded-a5', memberIds: [a], reprint: true },
      t.admin,
    )
    expect(again).toMatchObject({ reprint: true, cardCount: 1 })
    expect(listBirthdayBatches(t.db, { month: '2026-12' }).map((x) => x.id)).toEqual([again.id, batch.id])
    // The same birthday next year is a new birthday: printable again.
    expect(birthdaysOfMonth(t.db, { month: '2027-12' }).counts.toPrint).toBe(2)
  })

  it('refuses members who cannot be posted, who are not born that month, and bad layouts — changing nothing', () => {
    const ok = add('E001', '1980-12-01')
    const noMail = add('E002', '1980-12-02', { mail: false })
    const other = add('E003', '1980-11-02')
    birthdaysOfMonth(t.db, { month: '2026-12' }) // works out the address flags first
    rejects(
      () => recordBirthdayBatch(t.db, { month: '2026-12', design: 'postcard', memberIds: [ok, noMail] }, t.admin),
      'validation',
      /E002 不能邮寄/,
    )
    rejects(
      () => recordBirthdayBatch(t.db, { month: '2026-12', design: 'postcard', memberIds: [other] }, t.admin),
      'validation',
      /1 位所选会员不是 2026-12 生日/,
    )
    rejects(
      () =>
        recordBirthdayBatch(t.db, { month: '2026-12', design: 'postcard', labels: '2x5', labelOffset: 10 }, t.admin),
      'validation',
      /起始位置应在 0–9 之间/,
    )
    rejects(
      () => recordBirthdayBatch(t.db, { month: '2026-12', design: 'poster' as 'postcard' }, t.admin),
      'validation',
      /贺卡样式/,
    )
  })

  it('a returned card flags the address until it is corrected; mailed cards are counted on the batch', () => {
    const a = add('F001', '1980-12-01')
    const b = add('F002', '1980-12-05')
    const batch = recordBirthdayBatch(t.db, { month: '2026-12', design: 'postcard' }, t.admin)
    const [ca, cb] = birthdayBatchCards(t.db, { batchId: batch.id })
    expect(markBirthdayCards(t.db, { cardIds: [ca!.id, cb!.id], status: 'mailed' }, t.admin)).toEqual({
      changed: 2,
      flagged: 0,
    })
    expect(markBirthdayCards(t.db, { cardIds: [cb!.id], status: 'returned' }, t.admin)).toEqual({
      changed: 1,
      flagged: 1,
    })
    expect(listBirthdayBatches(t.db, { month: '2026-12' })[0]).toMatchObject({ mailed: 1, returned: 1 })
    rejects(() => markBirthdayCards(t.db, { cardIds: [cb!.id], status: 'mailed' }, t.admin), 'conflict', /已退回/)
    let month = birthdaysOfMonth(t.db, { month: '2026-12' })
    expect(month.counts).toMatchObject({ returned: 1, mailable: 1 })
    expect(month.rows.find((r) => r.memberId === b)).toMatchObject({ addressReturned: true, hasAddress: true })
    rejects(
      () => prepareBirthdayBatch(t.db, { month: '2026-12', design: 'postcard', memberIds: [b], reprint: true }),
      'validation',
      /F002 不能邮寄/,
    )
    expect(getMember(t.db, { id: b }).addressReturnedAt).toBe(t.db.now().getTime())
    // Saving the same address again changes nothing; correcting it clears the flag.
    updateMember(t.db, { id: b, ...ADDRESS }, t.admin)
    expect(birthdaysOfMonth(t.db, { month: '2026-12' }).counts.returned).toBe(1)
    updateMember(t.db, { id: b, ...ADDRESS, address: '解放路 100 号' }, t.admin)
    expect(getMember(t.db, { id: b }).addressReturnedAt).toBeNull()
    month = birthdaysOfMonth(t.db, { month: '2026-12' })
    expect(month.counts).toMatchObject({ returned: 0, mailable: 2 })
    const reprint = recordBirthdayBatch(
      t.db,
      { month: '2026-12', design: 'postcard', memberIds: [b], reprint: true },
      t.admin,
    )
    expect(reprint.cardCount).toBe(1)
    expect(a).toBeGreaterThan(0)
  })

  it('works the usable-address flag out again whenever an address changes', () => {
    const id = add('G001', '1980-12-01')
    const flag = () => t.db.sqlite.prepare('SELECT address_ok FROM members WHERE id = ?').pluck().get(id)
    expect(flag()).toBe(1) // worked out when the member is added
    const has = () => birthdaysOfMonth(t.db, { month: '2026-12' }).rows[0]!.hasAddress
    expect(has()).toBe(true)
    updateMember(t.db, { id, ...ADDRESS, postalCode: null }, t.admin)
    expect(has()).toBe(false)
    // A raw change made outside the app (a repair script) is caught by the trigger too.
    t.db.sqlite.prepare(`UPDATE members SET postal_code = '310003' WHERE id = ?`).run(id)
    expect(flag()).toBeNull()
    expect(has()).toBe(true)
    expect(flag()).toBe(1)
    t.db.sqlite.prepare(`UPDATE members SET district = NULL WHERE id = ?`).run(id)
    expect(has()).toBe(false)
  })

  it('pages the month and lists every mailable member for "print all"', () => {
    for (let i = 1; i <= 12; i++)
      add(`H${String(i).padStart(3, '0')}`, `1980-12-${String(i).padStart(2, '0')}`, { mail: i % 3 !== 0 })
    const page = birthdayMonthPage(t.db, { month: '2026-12', page: 2, pageSize: 5 })
    expect(page.total).toBe(12)
    expect(page.rows.map((r) => r.cardNo)).toEqual(['H006', 'H007', 'H008', 'H009', 'H010'])
    expect(page.mailableIds).toHaveLength(8)
    expect(page.counts).toMatchObject({ born: 12, mailable: 8, toPrint: 8 })
  })

  it('estimates the month and keeps the actual spend: cards, SMS, birthday gifts', () => {
    add('K001', '1980-12-01')
    add('K002', '1980-12-02', { address: false })
    add('K003', '1980-12-03', { sms: false })
    makeGift(t.db, t.admin, { code: 'BG01', name: '生日保温杯', category: 'birthday', unitCostFen: 3500 }, 10)
    updateSettings(t.db, { birthdayMail: { ...currentMail(), giftCode: 'BG01', smsPriceFen: 6 } }, t.admin)
    let costs = birthdayMonthCosts(t.db, { month: '2026-12' })
    expect(costs.estimate.cards).toEqual({ count: 2, unitFen: 200, fen: 400 })
    expect(costs.estimate.sms).toMatchObject({ messages: 2, count: 2, unitFen: 6, fen: 12 })
    expect(costs.estimate.gifts).toEqual({ count: 3, unitFen: 3500, fen: 10500, giftName: '生日保温杯' })
    expect(costs.estimate.totalFen).toBe(400 + 12 + 10500)
    expect(costs.actual).toEqual({
      cards: { count: 0, fen: 0, batches: 0 },
      sms: null,
      gifts: { count: 0, fen: 0 },
      vouchers: { count: 0, fen: 0 },
      totalFen: 0,
    })

    const batch = recordBirthdayBatch(t.db, { month: '2026-12', design: 'folded-a5' }, t.admin)
    expect(batch).toMatchObject({ cardCount: 2, cardFen: 400, smsFen: 12, giftFen: 10500 })
    return exportBirthdaySms(t.db, { month: '2026-12', file: `${t.dir}/sms.csv`, format: 'csv' }, t.admin).then(() => {
      issueGift(t.db, { code: 'BG01', quantity: 1, purpose: 'birthday', cardNo: 'K001' }, t.admin)
      costs = birthdayMonthCosts(t.db, { month: '2026-11' })
      expect(costs.actual.gifts).toEqual({ count: 1, fen: 3500 }) // issued today, 23 November
      costs = birthdayMonthCosts(t.db, { month: '2026-12' })
      expect(costs.actual.cards).toEqual({ count: 2, fen: 400, batches: 1 })
      expect(costs.actual.sms).toMatchObject({ messages: 2, segments: 2, fen: 12 })
      expect(costs.actual.totalFen).toBe(412)
    })
  })
})

const currentMail = () => getSettings(t.db).birthdayMail
