import type { Db } from '../../db/handle'
import { storeDayOf } from './storeTime'

/**
 * Staff and assignments written straight into the tables (their meaning is fixed by
 * db/schema/care.ts), so the maintenance-log tests do not depend on the assignment screens.
 */
export function insertStaff(db: Db, name: string, over: { operatorId?: number | null; active?: boolean } = {}): number {
  const at = db.now().getTime()
  return Number(
    db.sqlite
      .prepare(
        `INSERT INTO staff (name, department, hire_date, active, operator_id, created_at, updated_at)
         VALUES (?, '营业一课', 20200101, ?, ?, ?, ?)`,
      )
      .run(name, over.active === false ? 0 : 1, over.operatorId ?? null, at, at).lastInsertRowid,
  )
}

/** An open maintenance period from `fromDay` (yyyymmdd), ending any open one first. */
export function insertAssignment(db: Db, memberId: number, staffId: number, fromDay: number): void {
  const at = db.now().getTime()
  db.sqlite
    .prepare('UPDATE vip_assignments SET until_day = ?, end_reason = ? WHERE member_id = ? AND until_day IS NULL')
    .run(fromDay, '测试换人', memberId)
  db.sqlite
    .prepare(
      `INSERT INTO vip_assignments (member_id, staff_id, from_day, reason, created_at) VALUES (?, ?, ?, '手动分配', ?)`,
    )
    .run(memberId, staffId, fromDay, at)
}

/** One purchase line (negative amount: a return), fen; `at` in ms. */
export function insertPurchase(db: Db, memberId: number, receiptNo: string, at: Date, amountFen: number, lineNo = 1) {
  const t = at.getTime()
  const day = storeDayOf(at)
  db.sqlite
    .prepare(
      `INSERT INTO purchases (receipt_no, line_no, member_id, member_ref, purchased_at, purchase_date, amount_fen, source, created_at)
       VALUES (?, ?, ?, 'test', ?, ?, ?, 'import', ?)`,
    )
    .run(receiptNo, lineNo, memberId, t, day, amountFen, t)
}
