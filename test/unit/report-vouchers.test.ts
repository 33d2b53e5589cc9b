import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { dashboardData } from '../../db/services/reports/dashboard'
import { reportTable } from '../../db/services/reports/tables'
import { createMember } from '../../db/services/members/write'
import { issueManual, useVoucher } from '../../db/services/vouchers'
import { programmeReportHtml } from '../../db/print/programmeReport'
import { makeTestDb, type TestDb } from '../support/db'
import { makeMemberWithPoints } from '../support/gifts'
import { storeDate } from '../support/storeTime'

// The voucher liability and referral tables, checked against plain SQL over the same rows.
let t: TestDb
beforeEach(() => (t = makeTestDb(storeDate(2026, 9, 10, 10))))
afterEach(() => t.close())

const q = <T>(sql: string, ...args: unknown[]) => t.db.sqlite.prepare(sql).all(...args) as T[]

describe('券负债 table', () => {
  it('lists each month and kind: issued, used, expired and outstanding at the month end, as SQL counts them', () => {
    const m = makeMemberWithPoints(t.db, t.admin, 'C0001', 0)
    const a = issueManual(t.db, { memberId: m, kind: '积分通用券', reason: '补发测试' }, t.admin)
    issueManual(t.db, { memberId: m, kind: '唤醒券', reason: '补发测试' }, t.admin)
    t.setNow(storeDate(2026, 10, 5, 10))
    useVoucher(t.db, { voucherNo: a.voucherNo, receiptNo: 'R1' }, t.admin)
    issueManual(t.db, { memberId: m, kind: '积分通用券', valueFen: 4000, reason: '补发测试' }, t.admin)

    const data = dashboardData(t.db, { from: '2026-10', to: '2026-11' })
    const table = reportTable(data, 'vouchers')
    expect(table.title).toBe('券负债')
    // Plain SQL: per month of the event, per kind.
    const monthOf = `strftime('%Y-%m', e.at / 1000, 'unixepoch', '+8 hours')`
    const moves = q<{ month: string; kind: string; ev: string; fen: number }>(
      `SELECT ${monthOf} AS month, v.kind, e.kind AS ev, sum(v.value_fen) AS fen
         FROM voucher_events e JOIN vouchers v ON v.id = e.voucher_id GROUP BY 1, 2, 3`,
    )
    const fen = (month: string, kind: string, ev: string) =>
      moves.find((r) => r.month === month && r.kind === kind && r.ev === ev)?.fen ?? 0
    const kindRows = table.rows.filter((r) => r.kind !== '小计')
    for (const r of kindRows) {
      expect(r.issued).toBe(fen(r.month as string, r.kind as string, 'issued'))
      expect(r.used).toBe(fen(r.month as string, r.kind as string, 'used'))
    }
    expect(kindRows.map((r) => `${r.month} ${r.kind}`)).toEqual([
      '2026-10 唤醒券',
      '2026-10 积分通用券',
      '2026-11 唤醒券',
      '2026-11 积分通用券',
    ])
    const outstandingNow = q<{ fen: number }>(`SELECT sum(value_fen) AS fen FROM vouchers WHERE status = 'issued'`)[0]!
    expect(table.footer).toMatchObject({ issued: 3000 + 2000 + 4000, used: 3000, outstanding: outstandingNow.fen })
    expect(table.subtotals).toHaveLength(2)
    // The monthly report PDF carries the per-kind table for its month.
    const html = programmeReportHtml(t.db, { month: '2026-11' }, '管理员').html
    expect(html).toContain('券负债')
    expect(html).toContain('2026年11月各券种')
  })
})

describe('推荐办卡 table', () => {
  it('counts members each referrer brought in the range and the referral points, as SQL does', () => {
    const ref = createMember(t.db, { cardNo: 'R0001', name: '推荐人甲' }, t.admin).id
    createMember(t.db, { cardNo: 'N0001', name: '新会员一', referrerCardNo: 'R0001' }, t.admin)
    createMember(t.db, { cardNo: 'N0002', name: '新会员二', referrerCardNo: 'R0001' }, t.admin)
    createMember(t.db, { cardNo: 'R0002', name: '没推荐' }, t.admin)
    // The reward as the purchase import posts it (db/services/purchases/referral.ts).
    t.db.sqlite
      .prepare(
        `INSERT INTO points_ledger (member_id, at, kind, delta, balance_after, ref, reason, created_at)
         VALUES (?, ?, 'referral', 100, 100, 'referral:2', '推荐会员 N0001 首次消费', ?)`,
      )
      .run(ref, t.db.now().getTime(), t.db.now().getTime())
    const table = reportTable(dashboardData(t.db, { from: '2026-10', to: '2026-10' }), 'referrals')
    const sql = q<{ cardNo: string; referred: number }>(
      `SELECT r.card_no AS cardNo, count(*) AS referred FROM members m JOIN members r ON r.id = m.referrer_id
        WHERE m.join_date BETWEEN 20261001 AND 20261031 GROUP BY r.id`,
    )
    expect(table.rows).toEqual([{ cardNo: 'R0001', name: '推荐人甲', referred: sql[0]!.referred, points: 100 }])
    expect(table.footer).toMatchObject({ referred: 2, points: 100 })
    expect(reportTable(dashboardData(t.db, { from: '2026-09', to: '2026-09' }), 'referrals').rows).toEqual([])
  })
})
