import { seedMembers } from '../../db/seed'
import { seedPurchases } from '../../db/seed/purchases'
import { issueGift, redeemGifts, returnRedeemed } from '../../db/services/gifts'
import { closeMember, createMember } from '../../db/services/members'
import { adjustPoints } from '../../db/services/points/adjust'
import { expirePoints } from '../../db/services/points/expiry'
import { recordPurchase } from '../../db/services/purchases/desk'
import { expireDueVouchers, issueManual, useVoucher, voidVoucher } from '../../db/services/vouchers'
import { makeTestDb, type TestDb } from './db'
import { makeGift } from './gifts'
import { storeDate } from './storeTime'

/** "Today" of the report tests: 23 November 2026, 10:00 local time. */
export const TODAY = storeDate(2026, 10, 23, 10)

export interface ReportScenario extends TestDb {
  /** Departments that have store sales rows (the others have none) */
  storeDepartments: string[]
  /** A department with VIP sales but no store figure */
  bareDepartment: string
}

/**
 * Two years of generated members and purchases, then everything that moves the figures by hand:
 * closed cards, cards opened this month, store sales for some departments only, redemptions in two
 * months with one gift returned, a year-end expiry, manual adjustments, a return line and a
 * purchase by a member who joined this month.
 */
export function buildReportScenario(opts: { members?: number; purchases?: number } = {}): ReportScenario {
  const t = makeTestDb(TODAY)
  const { db, admin } = t
  const at = (d: Date) => t.setNow(d)
  seedMembers(db, { members: opts.members ?? 400, seed: 7 }, admin)
  seedPurchases(db, { purchases: opts.purchases ?? 4000, seed: 7 }, admin)
  // The 2025 points lapse at the year end (calendar-year policy): entries dated in January 2026.
  // Posted before anyone redeems, as the daily job would have: a redemption may not spend them.
  expirePoints(db, { asOf: '2026-01-01' }, admin)

  const ids = db.sqlite.prepare(`SELECT id FROM members WHERE status <> 'closed' ORDER BY id`).pluck().all() as number[]
  for (const id of ids.filter((_, i) => i % 23 === 5)) closeMember(db, { id, reason: '会员申请注销' }, admin)

  // Cards opened this month (one closed again at once: it still counts as a new card).
  const fresh: number[] = []
  for (const [i, day] of [2, 2, 9, 15, 22].entries()) {
    at(storeDate(2026, 10, day, 11))
    const source = (['社区', '推荐', '服务台', '社区', '开卡礼'] as const)[i]
    fresh.push(
      createMember(db, { cardNo: `R90${i}`, name: `新会员${i}`, joinDate: `2026-11-${day}`, source }, admin).id,
    )
  }
  closeMember(db, { id: fresh[1]!, reason: '开错卡' }, admin)

  const departments = db.sqlite
    .prepare(`SELECT department FROM purchases GROUP BY 1 ORDER BY sum(amount_fen) DESC`)
    .pluck()
    .all() as string[]
  const storeDepartments = departments.slice(0, 3)
  const bareDepartment = departments[3]!
  const store = db.sqlite.prepare(
    `INSERT INTO store_sales (month, department, amount_fen, source, updated_at, updated_by) VALUES (?, ?, ?, 'manual', ?, ?)`,
  )
  for (const month of [202511, 202512, 202601, 202609, 202610, 202611])
    for (const [i, dep] of storeDepartments.entries())
      if (!(month === 202609 && i === 2)) store.run(month, dep, 50_000_000 + month * 7 + i * 1_234_567, 0, admin.id)

  // Redemptions: October and November, one November gift returned for a defect.
  makeGift(db, admin, { code: 'RP1', name: '保温杯', pointsPrice: 100, unitCostFen: 3000, reorderLevel: 45 }, 50)
  makeGift(db, admin, { code: 'RP2', name: '雨伞', pointsPrice: 150, unitCostFen: 2000, reorderLevel: 2 }, 30)
  makeGift(db, admin, { code: 'BD1', name: '生日礼', category: 'birthday', pointsPrice: null, unitCostFen: 5500 }, 10)
  const rich = db.sqlite
    .prepare(`SELECT id FROM members WHERE status = 'active' AND points >= 400 ORDER BY points DESC LIMIT 6`)
    .pluck()
    .all() as number[]
  at(storeDate(2026, 9, 14, 15))
  for (const id of rich.slice(0, 3)) redeemGifts(db, { memberId: id, lines: [{ code: 'RP1', qty: 2 }] }, admin)
  at(storeDate(2026, 10, 10, 15))
  const redeemed = rich
    .slice(3)
    .map((id) => redeemGifts(db, { memberId: id, lines: [{ code: 'RP2', qty: 1 }] }, admin).redemptionId)
  at(storeDate(2026, 10, 11, 9))
  returnRedeemed(db, { redemptionId: redeemed[0]!, code: 'RP2', qty: 1, reason: '伞骨断裂' }, admin)
  issueGift(db, { code: 'BD1', quantity: 2, purpose: 'birthday', reason: '生日赠送' }, admin)

  // Vouchers: October's wake-up vouchers lapse in November (one used first); November's are used and voided.
  at(storeDate(2026, 9, 12, 11))
  const october = rich.slice(0, 3).map((id) => issueManual(db, { memberId: id, kind: '唤醒券', reason: '回访' }, admin))
  at(storeDate(2026, 9, 20, 11))
  useVoucher(db, { voucherNo: october[0]!.voucherNo, receiptNo: 'V-10', receiptTotalFen: 30_000 }, admin)
  at(storeDate(2026, 10, 12, 11))
  const november = rich
    .slice(3)
    .map((id) => issueManual(db, { memberId: id, kind: '积分通用券', valueFen: 4000, reason: '补发' }, admin))
  useVoucher(db, { voucherNo: november[0]!.voucherNo, receiptNo: 'V-11' }, admin)
  voidVoucher(db, { voucherNo: november[1]!.voucherNo, reason: '重复发放' }, admin)
  expireDueVouchers(db)

  at(TODAY)
  adjustPoints(db, { memberId: rich[0]!, points: 500, reason: '系统故障补录' }, admin)
  adjustPoints(db, { memberId: rich[1]!, points: -30, reason: '重复积分扣回' }, admin)

  // A return line against an earlier receipt of a member who bought this year, and a purchase by a
  // member who joined this month.
  const sale = db.sqlite
    .prepare(
      `SELECT p.receipt_no, p.member_id, p.department, p.amount_fen FROM purchases p JOIN members m ON m.id = p.member_id
        WHERE p.amount_fen > 5000 AND m.status = 'active' AND p.purchase_date >= 20260901 ORDER BY p.id LIMIT 1`,
    )
    .get() as { receipt_no: string; member_id: number; department: string; amount_fen: number }
  at(storeDate(2026, 10, 20, 16))
  recordPurchase(
    db,
    {
      memberId: sale.member_id,
      receiptNo: 'RT-0001',
      amountFen: -Math.floor(sale.amount_fen / 2),
      department: sale.department,
      originalReceiptNo: sale.receipt_no,
    },
    admin,
  )
  recordPurchase(
    db,
    { memberId: fresh[0]!, receiptNo: 'NW-0001', amountFen: 88_800, department: bareDepartment },
    admin,
  )
  at(TODAY)
  return { ...t, storeDepartments, bareDepartment }
}
