import { storeDate } from './storeTime'
import type { Actor } from '../../db/actor'
import type { Db } from '../../db/handle'
import { createMember } from '../../db/services/members'
import { recordPurchase } from '../../db/services/purchases'

/** Staff and assignments by plain SQL: the league only reads them (the meaning is fixed by the schema). */
export function addStaffRow(db: Db, name: string, active = true): number {
  return Number(
    db.sqlite
      .prepare(
        `INSERT INTO staff (name, department, hire_date, active, created_at, updated_at)
         VALUES (?, '营业一课', 20200101, ?, 0, 0)`,
      )
      .run(name, active ? 1 : 0).lastInsertRowid,
  )
}

/** One period [from, until) of a maintainer holding a member (yyyymmdd; until null while it lasts). */
export function holdRow(db: Db, staffId: number, memberId: number, from: number, until: number | null = null): void {
  db.sqlite
    .prepare(
      `INSERT INTO vip_assignments (member_id, staff_id, from_day, until_day, reason, created_at)
       VALUES (?, ?, ?, ?, '测试', 0)`,
    )
    .run(memberId, staffId, from, until)
}

let seq = 0
/** A member; birthday as '1990-10-05', '农历1990-08-15' or '农历闰2025-06-10' (a leap month). */
export function member(db: Db, actor: Actor, cardNo: string, birthday?: string, status?: 'active' | 'closed'): number {
  const lunar = birthday?.startsWith('农历')
  const leap = birthday?.includes('闰') ?? false
  const id = createMember(
    db,
    {
      cardNo,
      name: `会员${cardNo}`,
      ...(birthday
        ? {
            birthday: birthday.replace(/农历|闰/g, ''),
            birthdayCalendar: lunar ? 'lunar' : 'solar',
            ...(leap ? { birthdayLeapMonth: true } : {}),
          }
        : {}),
    },
    actor,
  ).id
  if (status) db.sqlite.prepare('UPDATE members SET status = ? WHERE id = ?').run(status, id)
  return id
}

/** A sale (positive fen) or a return (negative, naming the original receipt) at local noon of day yyyymmdd. */
export function buy(
  db: Db,
  actor: Actor,
  memberId: number,
  day: number,
  amountFen: number,
  opts: { receiptNo?: string; lineNo?: number; original?: string; noPoints?: boolean } = {},
): string {
  const receiptNo = opts.receiptNo ?? `R${++seq}`
  const at = storeDate(Math.floor(day / 10000), (Math.floor(day / 100) % 100) - 1, day % 100, 12).getTime()
  recordPurchase(
    db,
    {
      memberId,
      receiptNo,
      lineNo: opts.lineNo ?? 1,
      purchasedAt: at,
      amountFen,
      ...(opts.original ? { originalReceiptNo: opts.original } : {}),
      ...(opts.noPoints ? { specialPrice: true } : {}),
    },
    actor,
  )
  return receiptNo
}
